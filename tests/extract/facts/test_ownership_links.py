"""Ownership gates and templates: the four pattern sets are gated in one pass, each gate also asks for its
pattern's literals, and templates are shared with other rules only where they are the same text."""

from __future__ import annotations

import re

import pytest

from evintel.extract import template
from evintel.extract.cues import required_literals
from evintel.extract.facts import ownership_clauses, ownership_grammar, ownership_stakes, ownership_takeovers
from evintel.extract.facts.ownership_links import POSSESSIVE_PRONOUNS

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
