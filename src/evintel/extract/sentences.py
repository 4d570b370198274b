"""Sentence segmentation: spaCy's blank English tokenizer plus rule-based sentence boundaries.

Paragraphs come from line breaks (news text usually has one paragraph per line); a line without
final punctuation (a headline, "YOU MAY BE INTERESTED IN") is its own sentence unless the next line
continues it in lower case. Inside a paragraph a sentence ends at ., !, ?, .. or … (with any closing
quotes), or at an abbreviation such as "Inc." when a typical sentence opener follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import spacy
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Span

from evintel.extract.document import Sentence
from evintel.extract.lexicon import load_lexicon
from evintel.models import Article

try:  # the web-junk detector belongs to the ingest stage
    from evintel.ingest.boilerplate import is_boilerplate
except ImportError:  # pragma: no cover - only while the ingest module is being written
    _JUNK = re.compile(
        r"^(you may (also )?be interested in|advertisement|share this article|see also\b|related\b|read more\b)",
        re.IGNORECASE,
    )

    def is_boilerplate(line: str) -> bool:
        """Fallback: a few well-known web junk lines."""
        return bool(_JUNK.match(line.strip()))


_TERMINAL = re.compile(r"^(?:[.!?]+|…|\.\.\.)$")
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»", "›"})
_FINAL_CHARS = ".!?:;\"”’')]»…"


@dataclass(frozen=True, slots=True)
class _Rules:
    never_end: frozenset[str]
    may_end: frozenset[str]
    openers: frozenset[str]
    max_debris_words: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_lexicon("sentences")
    return _Rules(
        frozenset(data["never_end"]),
        frozenset(data["may_end"]),
        frozenset(data["openers"]),
        int(data["max_debris_words"]),
    )


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """The process-wide spaCy blank English tokenizer, with our abbreviations kept whole."""
    nlp = spacy.blank("en")
    tokens = cast(Tokenizer, nlp.tokenizer)
    rules = _rules()
    for abbreviation in rules.never_end | rules.may_end:
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            tokens.add_special_case(form, [{ORTH: form}])
    return tokens


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
        if joinable and blocks and stripped[0].islower():
            blocks[-1] = (blocks[-1][0], line_end)
        else:
            blocks.append((line_start, line_end))
        # A long line cut without final punctuation is a hard wrap; a short one is a headline.
        joinable = stripped[-1] not in _FINAL_CHARS and len(stripped) > 50
    return blocks


def _sentence_spans(block: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one paragraph, relative to it."""
    rules = _rules()
    tokens = tokenizer()(block)
    count = len(tokens)
    # Only tokens that can end a sentence are looked at one by one (the array scan is in C).
    hashes = _hashes()
    candidates = [i for i, orth in enumerate(tokens.to_array([ORTH]).tolist()) if orth in hashes]
    ranges: list[tuple[int, int]] = []  # token index ranges, end exclusive
    first = 0
    for i in candidates:
        if i < first:
            continue
        text = tokens[i].text
        boundary = -1
        if _TERMINAL.match(text):
            j = i + 1
            while j < count and tokens[j].text in _CLOSERS and not tokens[j - 1].whitespace_:
                j += 1
            if j < count:
                following = tokens[j].text
                if (
                    text in ("!", "?")
                    and following[:1].islower()
                    or text in ("…", "...")
                    and not following[:1].isupper()
                ):
                    boundary = -1
                else:
                    boundary = j
        elif i + 1 < count and tokens[i + 1].text in rules.openers:
            boundary = i + 1
        if boundary > 0:
            ranges.append((first, boundary))
            first = boundary
    if first < count:
        ranges.append((first, count))
    spans: list[tuple[int, int]] = []
    for lo, hi in ranges:
        while lo < hi and tokens[lo].is_space:
            lo += 1
        while hi > lo and tokens[hi - 1].is_space:
            hi -= 1
        if lo >= hi:
            continue
        last = tokens[hi - 1]
        end = last.idx + len(last.text)
        if (
            spans
            and hi - lo <= rules.max_debris_words + 2
            and _is_debris(tokens[lo:hi], rules.max_debris_words)
        ):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((tokens[lo].idx, end))
    return spans


@lru_cache(maxsize=1)
def _hashes() -> frozenset[int]:
    """spaCy hashes of every token that may end a sentence."""
    strings = tokenizer().vocab.strings
    words = {".", "!", "?", "..", "...", "…", "?!", "!?", "!!", "??", "....", *_rules().may_end}
    words |= {w[:1].upper() + w[1:] for w in _rules().may_end}
    return frozenset(strings.add(w) for w in words)


def _is_debris(tokens: Span, max_words: int) -> bool:
    """A tiny lower-case fragment such as "left." left behind by machine translation."""
    words = [t.text for t in tokens if not (t.is_punct or t.is_space)]
    return 0 < len(words) <= max_words and words[0][0].islower()
