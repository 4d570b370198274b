"""Sentence templates: organisation mentions, percentages and money replaced by slot tokens.

Relation rules are regular expressions over the template, so one pattern covers every company name:
"Hyundai Motor Company holds a 34 percent stake in Kia" -> "⟨0⟩ holds a ⟦P0⟧ stake in ⟨1⟩".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from evintel.extract.context import OrgRef, SentenceView, person_refs
from evintel.extract.cues import register_words, words_in

ORG = r"⟨(\d+)⟩"
# A list is "⟨A⟩", "⟨A⟩ and ⟨B⟩" or "⟨A⟩, ⟨B⟩(,) and ⟨C⟩": commas alone do not make one ("⟨A⟩, ⟨B⟩ said").
ORG_LIST = r"⟨\d+⟩(?:(?:\s*,\s*⟨\d+⟩)*\s*,?\s*(?:and|&)\s+⟨\d+⟩)?"
PCT = r"⟦P(\d+)⟧"
MONEY = r"⟦M(\d+)⟧"
_SLOT = re.compile(r"⟨(\d+)⟩")


@dataclass(frozen=True, slots=True)
class Template:
    """A sentence with slots, and a map from template positions back to sentence positions."""

    text: str
    orgs: list[OrgRef]
    _offsets: list[tuple[int, int, int]]  # (template_start, sentence_start, delta) per slot, in order

    def org(self, index: str | int) -> OrgRef:
        """The organisation behind slot ⟨index⟩."""
        return self.orgs[int(index)]

    def orgs_in(self, fragment: str) -> list[OrgRef]:
        """The organisations of every slot inside a template fragment, in order."""
        return [self.orgs[int(i)] for i in _SLOT.findall(fragment)]

    def sentence_pos(self, template_pos: int) -> int:
        """The sentence offset that a template offset corresponds to."""
        shift = 0
        for template_start, _sentence_start, delta in self._offsets:
            if template_start >= template_pos:
                break
            shift = delta
        return template_pos + shift


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
# "Mazda Motor Corp. signed …": the full stop of a corporate abbreviation belongs to the name, not the sentence.
_ABBREVIATED = re.compile(r"\b(?:Corp|Inc|Co|Ltd|Bhd|Pvt|Pte|Cie|Mfg|Ind)$")
_ABBREVIATION_DOT = re.compile(r"\.(?=\s*\S)")


def build_template(view: SentenceView, *, pronouns: bool = True, persons: bool = False) -> Template:
    """The template of a sentence (cached on the view).

    With pronouns=False, possessive pronouns ("its", "their") stay as words, so "⟨A⟩ raised its stake in ⟨B⟩"
    reads as one relation; with pronouns=True they are slots, for rules that need to know whose "its" it is.
    With persons=True, owner and investor persons (via="person") are slots too, in text order with the
    organisations: for rules where a person can hold or invest (never for the OrgRef lists of other rules).
    """
    cache_key = _CACHE_KEYS[pronouns, persons]
    cached = view.notes.get(cache_key)
    if cached is not None:
        return cached  # type: ignore[return-value]  # only build_template writes these keys
    persons = persons and bool(person_refs(view))
    pronouns = pronouns or not _has_possessive_pronoun(view.orgs)
    # Most sentences have no possessive pronoun and no person: then every variant is one template.
    plain_key = _CACHE_KEYS[pronouns, persons]
    template = view.notes.get(plain_key)
    if not isinstance(template, Template):
        template = _template(view, pronouns, persons)
        view.notes[plain_key] = template
    view.notes[cache_key] = template
    return template


_CACHE_KEYS = {
    (True, False): "template",
    (False, False): "template_no_pronouns",
    (True, True): "template_persons",
    (False, True): "template_no_pronouns_persons",
}


def _is_possessive_pronoun(org: OrgRef) -> bool:
    return org.via == "coref" and org.text.lower() in _POSSESSIVE_PRONOUNS


def _has_possessive_pronoun(orgs: list[OrgRef]) -> bool:
    return any(map(_is_possessive_pronoun, orgs))


def _template(view: SentenceView, pronouns: bool, persons: bool) -> Template:
    """The template of one variant (see build_template), built from the sentence."""
    orgs = view.orgs
    if persons:
        orgs = sorted([*view.orgs, *person_refs(view)], key=lambda o: o.start)
    spans: list[tuple[int, int, str]] = []
    for i, org in enumerate(orgs):
        if not pronouns and _is_possessive_pronoun(org):
            continue
        end = org.end + 1 if _ABBREVIATION_DOT.match(view.text, org.end) and _ABBREVIATED.search(org.text) else org.end
        spans.append((org.start, end, f"⟨{i}⟩"))
    for i, pct in enumerate(view.percentages):
        spans.append((pct.start, pct.end, f"⟦P{i}⟧"))
    for i, money in enumerate(view.money):
        spans.append((money.start, money.end, f"⟦M{i}⟧"))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    pieces: list[str] = []
    offsets: list[tuple[int, int, int]] = []
    cursor = 0
    length = 0
    for start, end, token in spans:
        if start < cursor:
            continue  # overlapping spans: the first (longest) wins
        pieces.append(view.text[cursor:start])
        length += start - cursor
        pieces.append(token)
        offsets.append((length, start, end - (length + len(token))))
        length += len(token)
        cursor = end
    pieces.append(view.text[cursor:])
    return Template("".join(pieces), list(orgs), offsets)


@dataclass(frozen=True, slots=True)
class Gate:
    """What every match of a template pattern needs, checked before building the template or running it.

    `words` is a list of alternatives groups: each group must have one of its words somewhere in the
    case-folded sentence (no word boundaries, so a weaker test than the pattern's own); `orgs` is the
    number of organisation slots the pattern needs; `percent` and `money` ask for a ⟦P⟧ or ⟦M⟧ slot.
    A gate must be read off its pattern so that it never turns away a sentence the pattern would match.
    """

    words: tuple[frozenset[str], ...] = ()
    orgs: int = 2
    percent: bool = False
    money: bool = False

    def admits(self, view: SentenceView, extra_orgs: int = 0) -> bool:
        """False when the pattern cannot match this sentence (`extra_orgs`: slots beyond view.orgs, e.g. persons)."""
        if len(view.orgs) + extra_orgs < self.orgs:
            return False
        if self.words:
            present = words_in(view)
            for group in self.words:
                if present.isdisjoint(group):
                    return False
        return (not self.percent or bool(view.percentages)) and (not self.money or bool(view.money))


def admitted(gates: Mapping[str, Gate], view: SentenceView, extra_orgs: int = 0) -> set[str]:
    """The names of the gates that admit a sentence: Gate.admits for each, with what they read looked up once."""
    index = _INDEXES.get(id(gates))  # an index keeps its mapping alive: no other object has that id
    if index is None:
        index = _index(gates)
    orgs = len(view.orgs) + extra_orgs
    names: set[str] = set()
    if orgs < index.min_orgs:
        return names
    # Only gates one of whose key words occurs need a closer look (and gates without words).
    present = words_in(view)
    entries = [index.by_word[word] for word in present & index.key_words]  # & iterates the smaller set
    if index.wordless:
        entries.append(index.wordless)
    percent: bool | None = None
    money: bool | None = None
    for group in entries:
        for name, each, others in group:
            if orgs < each.orgs or name in names:
                continue
            for words in others:
                if present.isdisjoint(words):
                    break
            else:
                if each.percent:
                    if percent is None:
                        percent = bool(view.percentages)
                    if not percent:
                        continue
                if each.money:
                    if money is None:
                        money = bool(view.money)
                    if not money:
                        continue
                names.add(name)
    return names


_Entry = tuple[str, "Gate", tuple[frozenset[str], ...]]  # a gate's name, the gate, its other word groups


@dataclass(frozen=True, slots=True)
class _GateIndex:
    """The gates of a mapping by the words of their key group, so that a sentence meets only its own gates.

    A gate's key group is the one of its word groups with the longest shortest word: long words are rare.
    """

    gates: Mapping[str, Gate]
    min_orgs: int
    wordless: tuple[_Entry, ...]
    key_words: frozenset[str]
    by_word: dict[str, tuple[_Entry, ...]]


_INDEXES: dict[int, _GateIndex] = {}


def _index(gates: Mapping[str, Gate]) -> _GateIndex:
    """The index of a gate mapping, built on first use (rules keep their mappings for the process)."""
    by_word: dict[str, list[_Entry]] = {}
    for name, each in gates.items():
        if not each.words:
            continue
        key = max(each.words, key=lambda group: (min(map(len, group), default=0), -len(group)))
        others = tuple(group for group in each.words if group is not key)
        for word in key:
            by_word.setdefault(word, []).append((name, each, others))
    index = _GateIndex(
        gates,
        min(each.orgs for each in gates.values()) if gates else 0,
        tuple((name, each, ()) for name, each in gates.items() if not each.words),
        frozenset(by_word),
        {word: tuple(entries) for word, entries in by_word.items()},
    )
    if len(_INDEXES) > 64:  # mappings built per call would otherwise pile up
        _INDEXES.clear()
    _INDEXES[id(gates)] = index
    return index


def gate(
    *groups: tuple[str, ...] | list[str] | str, orgs: int = 2, percent: bool = False, money: bool = False
) -> Gate:
    """A Gate from word groups ("a|b" strings or sequences of words; lexicon phrases count by first word)."""
    words = []
    for group in groups:
        items = group.split("|") if isinstance(group, str) else list(group)
        words.append(frozenset(w.lower().split()[0] for w in items))
    register_words(w for group in words for w in group)
    return Gate(tuple(words), orgs, percent, money)
