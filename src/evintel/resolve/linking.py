"""Linking names in text to the KB: a gazetteer over every name, alias and misspelling, and the
brand-versus-group choice for names a group shares with its brand ("BMW", "Volkswagen")."""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from evintel.extract.lexicon import load_lexicon
from evintel.models import Entity
from evintel.resolve.kb import KnowledgeBase, normalize_name

# Kinds in the order a name shared by unrelated entities prefers them.
_KIND_ORDER = (
    "group",
    "automaker",
    "brand",
    "startup",
    "battery_maker",
    "supplier",
    "chipmaker",
    "software",
    "raw_materials",
    "recycler",
    "charging",
    "joint_venture",
    "tech",
    "investor",
    "government",
    "other",
)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A KB name found in text: its span, the alias matched and the entities going by that alias."""

    start: int
    end: int
    text: str
    alias: str
    entities: tuple[Entity, ...]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    ambiguous: frozenset[str]
    brand_after: re.Pattern[str]
    brand_before: re.Pattern[str]
    brand_list: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_lexicon("org_names")
    after = "|".join(re.escape(w) for w in sorted(data["brand_after"], key=len, reverse=True))
    before = "|".join(re.escape(w) for w in data["brand_before"])
    return _Lexicon(
        ambiguous=frozenset(normalize_name(w) for w in data["ambiguous_words"]),
        brand_after=re.compile(rf"^(?:['’]s)?(?:\s+|-)(?:{after})\b", re.IGNORECASE),
        brand_before=re.compile(rf"\b(?:{before})\s+$"),
        # "BMW, Mini and Rolls-Royce brands": a list of capitalised names that ends in "brands".
        brand_list=re.compile(
            r"^(?:\s*(?:,|and|&)\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?){1,5}\s+(?:brands|marques)\b"
        ),
    )


@lru_cache(maxsize=8)
def fold_text(text: str) -> str:
    """Lower-case, accent-free text of the same length, hyphens as spaces and ’ as ', for matching
    (cached: the gazetteer, coreference and person finders fold the same article text)."""
    if not text.isascii():
        # Only the few non-ASCII characters change: replacing just those is far quicker than translate().
        text = _NON_ASCII.sub(_folded_char, text)
    return text.lower().replace("-", " ")


_FOLD_TABLE: dict[int, str] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _folded_char(match: re.Match[str]) -> str:
    char = match.group()
    folded = _FOLD_TABLE.get(ord(char))
    if folded is None:
        folded = _FOLD_TABLE[ord(char)] = _fold_char(char)
    return folded


def _fold_char(char: str) -> str:
    """One character's folded form, always one character long (offsets must not move)."""
    if char in "‐‑":
        return " "
    if char in "’‘´":
        return "'"
    base = unicodedata.normalize("NFKD", char)[:1].lower()
    return base if len(base) == 1 else char


@lru_cache(maxsize=8192)
def is_acronym(alias: str) -> bool:
    """Short all-capital aliases (VW, GM, BYD, SAIC) that only match in exactly that spelling."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 4 and all(c.isupper() for c in letters)


@lru_cache(maxsize=8192)
def is_ambiguous(alias: str) -> bool:
    """True for aliases that are also ordinary words ("Smart", "Seat", "Mini", "Ram")."""
    return normalize_name(alias) in _lexicon().ambiguous


def case_compatible(alias: str, surface: str, *, lowercase_text: bool = False) -> bool:
    """Whether `surface` is a plausible spelling of `alias` as a name (case rules, see module doc)."""
    if is_acronym(alias):
        if lowercase_text and surface.islower() and len(surface) >= 3 and not is_ambiguous(alias):
            return surface == alias.lower()  # "catl wins order" in a lower-case headline
        return surface.replace("-", " ") == alias.replace("-", " ")
    has_upper = any(c.isupper() for c in surface)
    if is_ambiguous(alias):
        if not surface[:1].isupper():
            return False
        # "RAM" is memory, not Ram: an all-caps spelling must be one the KB lists.
        letters = [c for c in surface if c.isalpha()]
        return not (len(letters) > 1 and all(c.isupper() for c in letters))
    if not has_upper:
        # "catl", "smart": as the KB writes it, a longer acronym, or a headline written in lower case.
        return lowercase_text or not any(c.isupper() for c in alias) or alias.isupper()
    return True


class Gazetteer:
    """Every KB name, alias and misspelling in one Aho-Corasick automaton, matched on word boundaries."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        entries: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
        for entity in kb:
            for name in dict.fromkeys((entity.name, *entity.aliases)):
                key = fold_text(name).strip()
                if key and (name, entity) not in entries[key]:
                    entries[key].append((name, entity))
        self._automaton = ahocorasick.Automaton()
        for key, items in entries.items():
            self._automaton.add_word(key, (len(key), tuple(items)))
        if entries:
            self._automaton.make_automaton()
        self._empty = not entries
        # (matched key, spelling, lower-case text) -> (alias, entities) or None; the same names recur in every
        # article, so each spelling is judged once (bounded: cleared when full).
        self._readings: dict[tuple[str, str, bool], tuple[str, tuple[Entity, ...]] | None] = {}

    def find(self, text: str, *, offset: int = 0) -> list[NameMatch]:
        """Non-overlapping KB names in `text` (longest match wins), offsets shifted by `offset`."""
        if self._empty:
            return []
        folded = fold_text(text)
        size = len(folded)
        lowercase_text = text.lower() == text
        found: list[NameMatch] = []
        readings = self._readings
        for last, (length, items) in self._automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if (start > 0 and folded[start - 1].isalnum()) or (end < size and folded[end].isalnum()):
                continue
            surface = text[start:end]
            memo = (folded[start:end], surface, lowercase_text)
            if memo in readings:
                reading = readings[memo]
            else:
                reading = _reading(items, surface, lowercase_text)
                if len(readings) >= _MAX_READINGS:
                    readings.clear()
                readings[memo] = reading
            if reading is not None:
                found.append(NameMatch(offset + start, offset + end, surface, *reading))
        found.sort(key=lambda m: (m.start - m.end, m.start))
        chosen: list[NameMatch] = []
        taken = bytearray(offset + size)  # 1 where a chosen match lies
        for match in found:
            if taken.find(1, match.start, match.end) < 0:
                chosen.append(match)
                taken[match.start : match.end] = b"\x01" * (match.end - match.start)
        chosen.sort(key=lambda m: m.start)
        return chosen


_MAX_READINGS = 50_000


def _reading(
    items: tuple[tuple[str, Entity], ...], surface: str, lowercase_text: bool
) -> tuple[str, tuple[Entity, ...]] | None:
    """The alias and entities a spelling of a gazetteer key can mean (case rules), or None."""
    kept = [e for alias, e in items if case_compatible(alias, surface, lowercase_text=lowercase_text)]
    if not kept:
        return None
    alias = next(a for a, e in items if e is kept[0])
    return alias, (kept[0],) if len(kept) == 1 else tuple(dict.fromkeys(kept))


_GAZETTEERS: weakref.WeakKeyDictionary[KnowledgeBase, Gazetteer] = weakref.WeakKeyDictionary()


def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    """The gazetteer of a KB, built once per KB object."""
    gazetteer = _GAZETTEERS.get(kb)
    if gazetteer is None:
        gazetteer = _GAZETTEERS[kb] = Gazetteer(kb)
    return gazetteer


def is_brand_context(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is used at brand level ("the core BMW brand", "VW passenger cars")."""
    lexicon = _lexicon()
    after = text[end : end + 80]
    if lexicon.brand_after.match(after) or lexicon.brand_list.match(after):
        return True
    return bool(lexicon.brand_before.search(text[max(0, start - 20) : start]))


def choose_entity(
    candidates: Sequence[Entity], kb: KnowledgeBase, text: str = "", start: int = 0, end: int = 0
) -> Entity:
    """The entity a name refers to: the group for a name it shares with its brand, unless the
    context marks brand level; otherwise the canonical-name match, then the more central kind."""
    if len(candidates) == 1:
        return candidates[0]
    pool = list(candidates)
    brands = [
        e
        for e in pool
        if (parent := kb.parent(e.id)) is not None and parent in pool and parent.kind == "group"
    ]
    if brands:
        if text and is_brand_context(text, start, end):
            return brands[0]
        parent = kb.parent(brands[0].id)
        assert parent is not None
        return parent
    surface = normalize_name(text[start:end]) if text else ""

    def rank(entity: Entity) -> tuple[int, int]:
        kind = _KIND_ORDER.index(entity.kind) if entity.kind in _KIND_ORDER else len(_KIND_ORDER)
        return (normalize_name(entity.name) != surface, kind)

    return min(pool, key=rank)
