"""Supply phrasings: every pattern is named once and guarded by a gate (cues are optional)."""

from __future__ import annotations

from evintel.extract.facts.supply_phrasings import CUES, GATES, patterns


def test_patterns_have_unique_names() -> None:
    names = [name for name, _ in patterns()]
    assert len(names) == len(set(names))


def test_patterns_each_have_a_gate() -> None:
    assert {name for name, _ in patterns()} <= set(GATES)


def test_cues_and_gates_name_only_known_patterns() -> None:
    names = {name for name, _ in patterns()}
    assert set(CUES) <= names and set(GATES) <= names
