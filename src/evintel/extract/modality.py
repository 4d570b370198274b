"""Modality of a statement: asserted, hedged (speculation, talks) or denied (denials, cancelled deals)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from evintel.extract.cues import may_match
from evintel.extract.lexicon import phrase_alternation

if TYPE_CHECKING:
    from evintel.extract.context import SentenceView

HEDGED_CONFIDENCE = 0.45
DENIED_CONFIDENCE = 0.2


@dataclass(frozen=True, slots=True)
class Modality:
    """The modality of a span of text and the cue that decided it."""

    value: str  # asserted | hedged | denied
    cue: str | None = None
    start: int = -1


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load((resources.files("evintel.extract") / "data" / "modality.yaml").read_text("utf-8"))
    compiled = {}
    for value in ("denied", "hedged"):
        alternation = phrase_alternation(data[value], ignore_case=True)
        compiled[value] = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    return compiled


def find_modality(text: str, values: tuple[str, ...] = ("denied", "hedged")) -> Modality:
    """The strongest modality cue in a text: denied beats hedged beats asserted (`values`: the cues to
    look for, when the others are known to be absent)."""
    patterns = _patterns()
    for value in values:
        for match in patterns[value].finditer(text):
            if match.group(0) == "May" and match.start() > 0:
                continue  # the month, not the modal verb
            return Modality(value, match.group(0), match.start())
    return Modality("asserted")


def modality_patterns() -> dict[str, re.Pattern[str]]:
    """The compiled cue pattern of each modality ("denied", "hedged")."""
    return _patterns()


def cues_in(text: str, value: str) -> list[tuple[int, int, str]]:
    """Every cue of one modality in a text, as (start, end, cue)."""
    return list(_cues(text, value))


def sentence_cues(view: SentenceView, value: str) -> list[tuple[int, int, str]]:
    """`cues_in` for a whole sentence, skipping the scan where the cue index finds no cue word."""
    return cues_in(view.text, value) if may_match(_patterns()[value], view) else []


@lru_cache(maxsize=64)
def _cues(text: str, value: str) -> tuple[tuple[int, int, str], ...]:
    # Cached: the plant and product-plan rules ask once per candidate of the same sentence.
    return tuple((m.start(), m.end(), m.group(0)) for m in _patterns()[value].finditer(text))


def confidence_for(modality: str, base: float = 0.9) -> float:
    """A fact's confidence given the modality of its sentence."""
    if modality == "denied":
        return min(base, DENIED_CONFIDENCE)
    if modality == "hedged":
        return min(base, HEDGED_CONFIDENCE)
    return base
