"""Ownership gates: the four pattern sets are gated in one pass, so their names must not collide."""

from __future__ import annotations

from evintel.extract.facts import ownership_clauses, ownership_grammar, ownership_stakes, ownership_takeovers


def test_ownership_pattern_names_are_unique_across_modules() -> None:
    names = [
        name
        for module_patterns in (
            ownership_grammar.patterns(),
            ownership_clauses._patterns(),
            ownership_stakes._patterns(),
            ownership_takeovers._patterns(),
        )
        for name, _ in module_patterns
    ]
    assert len(names) == len(set(names))


def test_ownership_patterns_each_have_a_gate() -> None:
    for patterns, gates in (
        (ownership_grammar.patterns(), ownership_grammar.gates()),
        (ownership_clauses._patterns(), ownership_clauses._gates()),
        (ownership_stakes._patterns(), ownership_stakes._gates()),
        (ownership_takeovers._patterns(), ownership_takeovers._gates()),
    ):
        assert {name for name, _ in patterns} == set(gates)
