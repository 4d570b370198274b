"""Shared pieces of the ownership rules of ownership.py and its side modules: a fact from a matched pattern, the
stake it states, the gates of a pattern set and how to check many at once, the sentence template, and the loop
that runs a set of gated patterns over it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from evintel.extract.context import Discourse, OrgRef, SentenceView, person_refs
from evintel.extract.cues import register_words, required_literals, words_in
from evintel.extract.modality import confidence_for, find_modality
from evintel.extract.template import PCT, Gate, Template, admitted, build_template
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

# A hedge before a stake ("about 21%", "up to 9.97%").
APPROX = (
    r"(?:(?:about|around|roughly|some|nearly|almost|approximately|just\s+over|just\s+under|more\s+than|"
    r"up\s+to|over)\s+)?"
)

# "wholly owned", "100% owned": a stake of 100 without a percentage slot.
WHOLLY = re.compile(r"\b(?:wholly|fully|100\s*(?:%|percent|per\s+cent)|entirely)[\s-]+owned\b", re.IGNORECASE)
# "… with 21%", "… at 15%": a stake told after the owner.
WITH_PCT = rf"(?:\s*,?\s+(?:with|at|holding|owning)\s+(?:a\s+|an\s+)?{APPROX}{PCT})?"
_PCT_SLOT = re.compile(PCT)


def pct_in(view: SentenceView, fragment: str | None) -> float | None:
    """The last percentage slot in a template fragment."""
    slots = _PCT_SLOT.findall(fragment or "")
    return float(view.percentages[int(slots[-1])].value) if slots else None


def single_org(template: Template, fragment: str) -> OrgRef | None:
    """The one organisation of a template fragment's first slot, if it names a single one."""
    refs = template.orgs_in(fragment)
    return refs[0] if refs and not refs[0].plural else None


def stake_number(stake: float | None) -> float | int | None:
    """A stake as the schema writes it: 50, not 50.0."""
    if stake is None:
        return None
    return int(stake) if float(stake).is_integer() else stake


def ownership_fact(
    view: SentenceView, parent: str, child: str, stake: float | None, base: float, modality: str | None = None
) -> Fact:
    """One ownership fact with the sentence's modality (or the one given) and a confidence from `base`."""
    modality = modality or view.modality.value
    return Fact(
        "ownership",
        {"parent": parent, "child": child, "stake_pct": stake_number(stake)},
        view.evidence(),
        confidence_for(modality, base),
        modality,
    )


def link_fact(
    view: SentenceView, parent: OrgRef, child: OrgRef, stake: float | None, clause: str | None = None
) -> Fact:
    """One ownership fact; an aside (clause) keeps its own modality, apart from the sentence's."""
    base = 0.85 if "coref" not in (parent.via, child.via) and child.via != "discourse" else 0.7
    modality = find_modality(clause).value if clause is not None else None
    return ownership_fact(view, parent.name, child.name, stake, base, modality)


def clause_span(view: SentenceView, template: Template, match: re.Match[str]) -> str:
    """The sentence text a template match covers (its own clause, for the modality of an aside)."""
    return view.text[template.sentence_pos(match.start()) : template.sentence_pos(match.end())]


def simple_link(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """One parent, one child, the stake from a percentage inside the match (or 'wholly owned')."""
    groups = match.groupdict()
    parent_slot = next((groups[g] for g in ("parent", "parent2", "parent3") if groups.get(g)), None)
    child_slot = next((groups[g] for g in ("child", "child2", "child3", "child4") if groups.get(g)), None)
    if parent_slot is None or child_slot is None:
        return []
    parent, child = single_org(template, parent_slot), single_org(template, child_slot)
    if parent is None or child is None or child.via == "person":
        return []
    stake = pct_in(view, match.group(0))
    if stake is None and (
        WHOLLY.search(match.group(0)) or (groups.get("degree") or "").lower() in ("entirety", "whole")
    ):
        stake = 100.0
    return [link_fact(view, parent, child, stake, clause_span(view, template, match))]


@dataclass(frozen=True, slots=True)
class GateSet:
    """Many gates, checked all at once: `admitted_by` says which admit a sentence, as template.admitted would.

    Each gate has a lane of `width` bits, one bit per word group. A word found in the sentence sets the bit of
    every group it belongs to, so a gate's words are all there when no bit of its lane stays unset: one lookup
    per word found instead of one test per gate.
    """

    names: tuple[str, ...]  # by lane
    width: int  # bits per lane, a power of two
    words: frozenset[str]  # every word of every group
    by_word: dict[str, int]  # the group bits each word sets
    groups: int  # every group bit
    lanes: int  # the lowest bit of every lane
    by_orgs: tuple[
        int, ...
    ]  # lanes (lowest bits) of the gates that n organisation slots satisfy, n = 0, 1, …
    percent: int  # lanes of the gates that need a percentage
    money: int  # lanes of the gates that need a money amount


def gate_set(gates: Mapping[str, Gate]) -> GateSet:
    """The GateSet of a mapping of gates by name."""
    width = 1
    while width < max((len(each.words) for each in gates.values()), default=1):
        width *= 2
    by_word: dict[str, int] = {}
    groups = lanes = percent = money = 0
    for lane, each in enumerate(gates.values()):
        low = 1 << (lane * width)
        lanes |= low
        percent |= low if each.percent else 0
        money |= low if each.money else 0
        for index, group in enumerate(each.words):
            bit = low << index
            groups |= bit
            for word in group:
                by_word[word] = by_word.get(word, 0) | bit
    most = max((each.orgs for each in gates.values()), default=0)
    by_orgs = tuple(
        sum(1 << (lane * width) for lane, each in enumerate(gates.values()) if each.orgs <= n)
        for n in range(most + 1)
    )
    return GateSet(tuple(gates), width, frozenset(by_word), by_word, groups, lanes, by_orgs, percent, money)


def admitted_by(gates: GateSet, view: SentenceView, extra_orgs: int = 0) -> set[str]:
    """The names of the gates that admit a sentence (`extra_orgs`: slots beyond view.orgs, e.g. persons)."""
    found = 0
    for word in words_in(view) & gates.words:
        found |= gates.by_word[word]
    missing = gates.groups & ~found
    shift = 1
    while shift < gates.width:  # fold each lane onto its lowest bit: set where any bit of the lane is
        missing |= missing >> shift
        shift *= 2
    passed = gates.lanes & ~missing & gates.by_orgs[min(len(view.orgs) + extra_orgs, len(gates.by_orgs) - 1)]
    if passed & gates.percent and not view.percentages:
        passed &= ~gates.percent
    if passed & gates.money and not view.money:
        passed &= ~gates.money
    names: set[str] = set()
    while passed:
        lowest = passed & -passed
        names.add(gates.names[(lowest.bit_length() - 1) // gates.width])
        passed ^= lowest
    return names


def with_cues(gates: dict[str, Gate], patterns: list[tuple[str, re.Pattern[str]]]) -> dict[str, Gate]:
    """Each pattern's gate, also asking for one of the literals that every match of the pattern holds.

    The literals are read off the pattern (cues.required_literals), so a gate still admits every sentence its
    pattern matches: outside its slots, a template is the sentence's own text.
    """
    cued = dict(gates)
    for name, pattern in patterns:
        literals = required_literals(pattern)
        if literals is not None:
            register_words(literals)
            cued[name] = replace(gates[name], words=(*gates[name].words, literals))
    return cued


# The possessive pronouns that build_template leaves as words with pronouns=False.
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})


def ownership_template(view: SentenceView, *, pronouns: bool = True) -> Template:
    """build_template(view, pronouns=pronouns, persons=True), as the template other rules build where it is the
    same text: with no person in the sentence, or no possessive pronoun among its mentions (built once, then)."""
    if not pronouns and not any(
        org.via == "coref" and org.text.lower() in POSSESSIVE_PRONOUNS for org in view.orgs
    ):
        pronouns = True
    return build_template(view, pronouns=pronouns, persons=bool(person_refs(view)))


Reader = Callable[[re.Match[str], Template, SentenceView, Discourse, KnowledgeBase], list[Fact]]


def read_patterns(
    view: SentenceView,
    discourse: Discourse,
    kb: KnowledgeBase,
    patterns: list[tuple[str, re.Pattern[str]]],
    gates: Mapping[str, Gate],
    readers: Mapping[str, Reader],
    passed: set[str] | None = None,
) -> list[Fact]:
    """The facts of every gated pattern that matches the sentence template, each read by its reader; the child of
    the last fact with a stake is noted for the sentences that list the other holders.

    `passed`: the names of the patterns whose gates admit the sentence, when the caller has checked them.
    """
    if not view.orgs:
        return []
    if passed is None:
        passed = admitted(gates, view, 0)
    if passed.isdisjoint(readers):
        return []  # none of these patterns is admitted
    template: Template | None = None  # built for the first pattern admitted, if any is
    facts: list[Fact] = []
    for name, pattern in patterns:
        if name not in passed:
            continue
        if template is None:
            template = ownership_template(view)
        for match in pattern.finditer(template.text):
            found = [
                f
                for f in readers[name](match, template, view, discourse, kb)
                if f.fields["parent"] != f.fields["child"]
            ]
            facts.extend(found)
            if found and found[-1].fields["stake_pct"] is not None:
                view.notes["ownership_child"] = found[-1].fields["child"]
    return facts
