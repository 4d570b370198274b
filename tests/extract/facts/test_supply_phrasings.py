"""Supply phrasings: every pattern is named once and guarded by a gate (cues are optional)."""

from __future__ import annotations

import re

import pytest

from evintel.extract.cues import required_literals
from evintel.extract.facts.supply import _matches
from evintel.extract.facts.supply_phrasings import CUES, GATES, patterns


def test_patterns_have_unique_names() -> None:
    names = [name for name, _ in patterns()]
    assert len(names) == len(set(names))


def test_patterns_each_have_a_gate() -> None:
    assert {name for name, _ in patterns()} <= set(GATES)


def test_cues_and_gates_name_only_known_patterns() -> None:
    names = {name for name, _ in patterns()}
    assert set(CUES) <= names and set(GATES) <= names


# The supply rule skips a phrasing by the sentence's cue index before running it over a template: every
# literal a phrasing or its cue needs must be sentence text, not the inside of a slot ("⟨12⟩" read as "12").
_SLOT_INSIDE = re.compile(r"[pm]?\d*")


@pytest.mark.parametrize(
    "pattern", [*(p for _, p in patterns()), *CUES.values()], ids=lambda p: p.pattern[:30]
)
def test_phrasings_need_no_literal_a_slot_could_supply(pattern: re.Pattern[str]) -> None:
    literals = required_literals(pattern) or frozenset()
    assert not any(_SLOT_INSIDE.fullmatch(literal) for literal in literals)


@pytest.mark.parametrize(
    "text",
    [
        "The cells will come from ⟨0⟩'s plant in Hungary and will be shipped to a site that ⟨1⟩ is building.",
        "Packs are made by ⟨0⟩, motors come from ⟨1⟩ and the chips come from ⟨2⟩, ⟨3⟩ said.",
        "Many vehicles may come from this platform, ⟨0⟩ said, while cells come from ⟨1⟩.",
    ],
)
def test_matches_stop_early_only_where_no_match_is_left(text: str) -> None:
    for name, pattern in patterns():
        found = [m.span() for m in _matches(name, pattern, CUES.get(name), text)]
        assert found == [m.span() for m in pattern.finditer(text)]
