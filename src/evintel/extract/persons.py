"""People who own stakes or invest ("Geely founder Li Shufu holds 9.7 percent", "chairman Liu Zhiyuan
holds 18 percent"), as person mentions (via="person") in `Document.persons`.

Only names introduced by a role word (founder, chairman, chief executive, billionaire, ...) or standing,
with a known given name, as the subject of holds/owns/controls/invested count; every later occurrence
of the full name is a mention too. Persons never enter `Document.mentions`, so no rule reading
organisations can take a person for a seller, supplier or partner by accident.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from evintel.extract.document import Document
from evintel.extract.naming import find_names, is_common, name_lexicon
from evintel.models import Mention
from evintel.resolve.linking import fold_text

_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]*[\w]"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
_OWNING_VERB = re.compile(
    r"^,?\s+(?:still\s+|also\s+|now\s+|personally\s+|directly\s+)?"
    r"(?:holds|held|owns|owned|controls|controlled|invested|invests|keeps|retains|has\s+a\s+stake)\b"
)


@lru_cache(maxsize=1)
def _roles() -> ahocorasick.Automaton:
    """Every role word in one automaton over folded text (cheaper than a regex alternation)."""
    automaton = ahocorasick.Automaton()
    for role in name_lexicon().person_roles:
        key = fold_text(role)
        automaton.add_word(key, len(key))
    automaton.make_automaton()
    return automaton


_NON_SPACE = re.compile(r"\S+")
_NAME_AFTER = re.compile(rf"\s+(?P<name>{_NAME})")


@lru_cache(maxsize=1)
def _owning_subject() -> re.Pattern[str]:
    """A name of two to four capitalised words right before an owning verb."""
    return re.compile(rf"(?<![\w-])(?P<name>{_NAME})(?={_OWNING_VERB.pattern[1:]})")


_OWNING_WORDS = re.compile(
    r"\b(?:holds|held|owns|owned|controls|controlled|invested|invests|keeps|retains|has a stake)\b"
)


def find_persons(doc: Document, known: list[tuple[int, int]]) -> list[Mention]:
    """Person mentions (via="person") of owners and investors, outside the `known` organisation spans."""
    text = doc.text
    names: set[str] = set()
    folded = fold_text(text)
    size = len(folded)
    for last, length in _roles().iter(folded):
        start, end = last - length + 1, last + 1
        if (start > 0 and folded[start - 1].isalnum()) or (end < size and folded[end].isalnum()):
            continue
        match = _NAME_AFTER.match(text, end)
        if match:
            name = _clean(match.group("name"), match.start("name"), known)
            if name:
                names.add(name)
    first_names = name_lexicon().first_names
    for verb in _OWNING_WORDS.finditer(text):
        window_start = max(0, verb.start() - 60)
        for match in _owning_subject().finditer(text, window_start, verb.end()):
            if match.group("name").split()[0] not in first_names:
                continue
            name = _clean(match.group("name"), match.start("name"), known)
            if name:
                names.add(name)
    if not names:
        return []
    found = []
    for start, end in find_names(text, names, hyphen_ends=True):
        if not any(s < end and start < e for s, e in known):
            found.append(Mention(start, end, text[start:end], text[start:end], "person"))
    return found


def _clean(name: str, start: int, known: list[tuple[int, int]]) -> str | None:
    """The person's name words (two to four, no common or corporate words), or None."""
    lexicon = name_lexicon()
    kept: list[str] = []
    for match in _NON_SPACE.finditer(name):
        word = match.group()
        word_start, word_end = start + match.start(), start + match.end()
        if word not in lexicon.first_names and (
            is_common(word)
            or word in lexicon.name_heads
            or word in lexicon.legal_suffixes
            or word in lexicon.person_titles
            or any(s < word_end and word_start < e for s, e in known)
        ):
            break
        kept.append(word.removesuffix("'s").removesuffix("’s"))
        if word.endswith(("'s", "’s")):
            break
    if len(kept) < 2:
        return None
    return " ".join(kept)
