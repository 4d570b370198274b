"""Ownership gates and templates: the four pattern sets are gated in one pass (a GateSet), each gate also asks
for its pattern's literals, and templates are shared with other rules only where they are the same text."""

from __future__ import annotations

import re

import pytest

from evintel.extract import template
from evintel.extract.context import OrgRef, SentenceView
from evintel.extract.cues import required_literals
from evintel.extract.document import Document, Sentence
from evintel.extract.facts import (
    ownership,
    ownership_clauses,
    ownership_grammar,
    ownership_stakes,
    ownership_takeovers,
)
from evintel.extract.facts.ownership_links import POSSESSIVE_PRONOUNS, admitted_by, gate_set
from evintel.models import Article

_SETS = [
    (ownership_grammar.patterns(), ownership_grammar.gates()),
    (ownership_clauses._patterns(), ownership_clauses._gates()),
    (ownership_stakes._patterns(), ownership_stakes._gates()),
    (ownership_takeovers._patterns(), ownership_takeovers._gates()),
]
_PATTERNS = [pattern for patterns, _gates in _SETS for pattern in patterns]
# Text a slot token holds ("⟨12⟩", "⟦P0⟧", "⟦M1⟧" read as "12", "p0", "m1"): never sentence text.
_SLOT_INSIDE = re.compile(r"[pm]?\d*")


def test_ownership_pattern_names_are_unique_across_modules() -> None:
    names = [name for name, _ in _PATTERNS]
    assert len(names) == len(set(names))


def test_ownership_rules_without_patterns_have_gates_of_their_own_names() -> None:
    every = {**ownership._main_gates(), **ownership._side_gates()}
    assert len(every) == len(_PATTERNS) + 2


@pytest.mark.parametrize("pattern", [ownership._ITS_BRAND_WORDS, ownership._JV], ids=["its_brand", "venture"])
def test_ownership_rule_literals_are_sentence_text(pattern: re.Pattern[str]) -> None:
    literals = required_literals(pattern)
    assert literals is not None
    assert not any(_SLOT_INSIDE.fullmatch(literal) for literal in literals)


def test_ownership_patterns_each_have_a_gate() -> None:
    for patterns, gates in _SETS:
        assert {name for name, _ in patterns} == set(gates)


@pytest.mark.parametrize(("name", "pattern"), _PATTERNS, ids=[name for name, _ in _PATTERNS])
def test_ownership_gate_literals_are_sentence_text(name: str, pattern: re.Pattern[str]) -> None:
    literals = required_literals(pattern)
    gates = next(gates for patterns, gates in _SETS if (name, pattern) in patterns)
    if literals is not None:
        assert gates[name].words[-1] == literals
        assert not any(_SLOT_INSIDE.fullmatch(literal) for literal in literals)


def test_possessive_pronouns_are_those_build_template_keeps_as_words() -> None:
    assert POSSESSIVE_PRONOUNS == template._POSSESSIVE_PRONOUNS


_GATE_SENTENCES = [
    "Hyundai Motor holds a 34 percent stake in Kia, which it has owned since 1998.",
    "Volkswagen's Traton, the truck maker, is 90% owned by the group and 10% by other shareholders.",
    "The battery venture, in which Ford and SK On each hold half, was dissolved.",
    "Stellantis sold 12,000 cars in March.",
    "Geely-controlled Polestar said its subsidiary would list its shares.",
    "ÖBB and İstanbul Metro signed a deal worth $40 million.",
    "The company keeps the remaining 30 percent; its parent owns the rest.",
    "",
]


@pytest.mark.parametrize("text", _GATE_SENTENCES)
@pytest.mark.parametrize("orgs", [0, 1, 2, 3])
@pytest.mark.parametrize("extra_orgs", [0, 1])
def test_gate_set_admits_what_template_admitted_does(text: str, orgs: int, extra_orgs: int) -> None:
    gates = {name: gate for _patterns, each in _SETS for name, gate in each.items()}
    sentence = Sentence(0, 0, len(text), text)
    refs = [OrgRef(0, 0, f"Org {i}", (f"Org {i}",), "name") for i in range(orgs)]
    view = SentenceView(Document(Article(id="t", text=text), [sentence]), sentence, refs)
    assert admitted_by(gate_set(gates), view, extra_orgs) == template.admitted(gates, view, extra_orgs)
