"""Sentence segmentation: rule-based sentence boundaries over paragraphs.

Paragraphs come from line breaks (news text usually has one paragraph per line); a line without
final punctuation (a headline, "YOU MAY BE INTERESTED IN") is its own sentence unless the next line
continues it in lower case. Inside a paragraph a sentence ends at ., !, ?, .. or … (with any closing
quotes), or at an abbreviation such as "Inc." when a typical sentence opener follows.

Why no spaCy tokenizer here: no later stage reads tokens, and boundaries only need a look at the few
places where terminal punctuation meets whitespace. Scanning for those with one regex gives the same
boundaries as tokenising first (the abbreviation lists are the tokenizer's special cases) at a fraction
of the cost, which matters because segmentation runs on every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from evintel.extract.document import Sentence
from evintel.extract.lexicon import load_lexicon
from evintel.ingest.boilerplate import is_boilerplate
from evintel.models import Article

# A sentence-ending candidate: terminal punctuation, any closing quotes or brackets glued to it, then
# whitespace or the end of the paragraph ("1.21 million" and "ID.3" are never candidates).
_CANDIDATE = re.compile(r"(?:[.!?]+|…)[\"”’')\]»›]*(?=\s|$)")
_OPENING = "\"“‘'([«‹"
_NEXT_WORD = re.compile(r"\s*(\S+)")
_WORD = re.compile(r"[^\s.,;:!?\"“”‘’'()\[\]«»…]+")
_FINAL_CHARS = ".!?:;\"”’')]»…"
# A wrapped line may go on with a figure ("386,810 vehicles …"), never with a list item ("1. BYD", "2) Geely").
_CONTINUED_FIGURE = re.compile(r"\d+(?:[.,]\d+)*(?:\s|$)")
_LOWER_LAST = re.compile(r"(?:^|\s)[a-z][\w-]*$")


@dataclass(frozen=True, slots=True)
class _Rules:
    never_end: frozenset[str]
    may_end: frozenset[str]
    openers: frozenset[str]
    max_debris_words: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_lexicon("sentences")
    never = {w for a in data["never_end"] for w in (a, a[:1].upper() + a[1:])}
    may = {w for a in data["may_end"] for w in (a, a[:1].upper() + a[1:])}
    return _Rules(frozenset(never), frozenset(may), frozenset(data["openers"]), int(data["max_debris_words"]))


def split_sentences(article: Article) -> list[Sentence]:
    """The sentences of an article, with paragraph numbers, boilerplate flags and offsets into its text."""
    text = article.text
    sentences: list[Sentence] = []
    for paragraph, (start, end) in enumerate(_paragraphs(text)):
        block = text[start:end]
        junk_block = is_boilerplate(block)  # whole-line rules: junk lines are lines of their own
        for s_start, s_end in _sentence_spans(block):
            sentence_text = block[s_start:s_end]
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start + s_start,
                    end=start + s_end,
                    text=sentence_text,
                    paragraph=paragraph,
                    boilerplate=junk_block,
                )
            )
    return sentences


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: non-empty lines, joining a line that continues in lower case."""
    blocks: list[tuple[int, int]] = []
    position = 0
    joinable = False
    for line in text.split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        stripped = line.strip()
        if not stripped:
            joinable = False
            continue
        line_start += len(line) - len(line.lstrip())
        line_end -= len(line) - len(line.rstrip())
        if joinable and blocks and (stripped[0].islower() or _CONTINUED_FIGURE.match(stripped)):
            blocks[-1] = (blocks[-1][0], line_end)
        else:
            blocks.append((line_start, line_end))
        # A line cut without final punctuation is a hard wrap when it is long or stops on a lower-case word
        # ("Tesla delivered" / "386,810 vehicles"); a short one that ends on a name is a headline.
        joinable = stripped[-1] not in _FINAL_CHARS and (
            len(stripped) > 50 or _LOWER_LAST.search(stripped) is not None
        )
    return blocks


def _sentence_spans(block: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one paragraph, relative to it.

    Only the few places where terminal punctuation meets whitespace are examined (one regex scan), so
    segmentation costs a fraction of tokenising the text.
    """
    rules = _rules()
    bounds: list[int] = []
    for match in _CANDIDATE.finditer(block):
        end = match.end()
        if end >= len(block):
            break
        following = _NEXT_WORD.match(block, end)
        if following is None:
            break
        word = following.group(1)
        mark = match.group().rstrip("\"”’')]»›")
        if mark in ("…", "..."):
            if not word[:1].isupper():
                continue
        elif mark in ("!", "?") or mark.startswith(("!", "?")):
            if word[:1].islower():
                continue
        elif mark == ".":
            # "Inc.", "approx.", "U.S.": abbreviations end a sentence only before a typical opener.
            token = block[block.rfind(" ", 0, match.start()) + 1 : match.start() + 1].lstrip(_OPENING)
            token = token.rpartition("\n")[2]
            if token in rules.never_end or (
                token[:-1].isdigit() and not block[: match.start() - len(token) + 1].strip()
            ):
                continue  # "1. BYD with 30,114": a list number opens its line, it ends nothing
            # An initial ("M. Vidal", "F. Porsche AG") is treated like such an abbreviation ("Model Y. The").
            initial = len(token) == 2 and token[0].isupper()
            if (token in rules.may_end or initial) and word not in rules.openers:
                continue
        bounds.append(end)
    spans: list[tuple[int, int]] = []
    first = 0
    for bound in [*bounds, len(block)]:
        piece = block[first:bound]
        lo = first + len(piece) - len(piece.lstrip())
        hi = first + len(piece.rstrip())
        first = bound
        if lo >= hi:
            continue
        if spans and _is_debris(block[lo:hi], rules.max_debris_words):
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _is_debris(text: str, max_words: int) -> bool:
    """A tiny lower-case fragment such as "left." left behind by machine translation."""
    first = _WORD.search(text, 0, 200)
    if first is None or not first.group()[0].islower():
        return False  # the usual case, told by the first word alone
    return len(_WORD.findall(text, 0, 200)) <= max_words
