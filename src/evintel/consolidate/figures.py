"""Figures of facts (sales quantity, investment amount, stake): when two sources agree, and which is more precise.

Two figures agree when they are within the schema's ±0.5 % (stakes also within half a percentage point:
24.8 % and 25 %). A figure its source gives as approximate
("some 83,000", "about 1.2 million") also agrees with anything within half its rounding unit (capped),
a lower bound ("more than 80,000") with anything above it, and an upper bound ("nearly 40,000") with
anything a little below it. The cue counts only when the number right after it is the fact's own figure,
so "82,700 BEVs, up from around 60,000" stays a precise 82,700.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from evintel.consolidate.lexicon import load_data, phrase_pattern
from evintel.models import Fact

# The field holding each type's figure; types without one consolidate without figure conflicts.
VALUE_FIELDS = {"sales": "quantity", "ownership": "stake_pct", "investment": "amount"}

BOUNDS = ("approximate", "lower_bound", "upper_bound")

_CURRENCY = r"(?:[$€£¥₹]|US\$|usd|eur|euros?|cny|rmb|yuan|jpy|yen|gbp|inr|rs\.?|krw|won|sek)"
_NUMBER = r"\d+(?:[.,'\u00a0\u202f]\d+)*"


@dataclass(frozen=True, slots=True)
class _Settings:
    tolerance: float
    approximate_cap: float
    upper_bound_cap: float
    distinct_investment_ratio: float
    stake_tolerance_points: float
    stake_agreement_points: float
    control_threshold: float
    ownership_claim_threshold: float
    holding_pattern: re.Pattern[str]
    voting_pattern: re.Pattern[str]
    cue_patterns: dict[str, re.Pattern[str]]
    revision_patterns: dict[str, re.Pattern[str]]
    number_words: dict[str, float]
    multipliers: dict[str, float]
    after_cue: re.Pattern[str]


def _spaced(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


# "handed over 18,240 cars", "took over 3,000 orders": "over" there is a verb particle, not "more than".
_PARTICLE_GUARD = "".join(
    f"(?<!{verb} )" for verb in ("handed", "hands", "hand", "handing", "took", "taken", "turned", "passed", "carried")
)


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """Whole-word cues, except symbols such as "%" that have no word boundary."""
    parts = [
        rf"(?<![\w-]){_PARTICLE_GUARD if c == 'over' else ''}{_spaced(c)}(?![\w-])" if c[0].isalnum() else re.escape(c)
        for c in sorted(cues, key=len, reverse=True)
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=1)
def settings() -> _Settings:
    """The comparison settings of `consolidate/data/figures.yaml`."""
    data = load_data("figures")
    number_words = {str(k).lower(): float(v) for k, v in data["number_words"].items()}
    multipliers = {str(k).lower(): float(v) for k, v in data["multipliers"].items()}
    words = "|".join(re.escape(w) for w in sorted(number_words, key=len, reverse=True))
    mults = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(multipliers, key=len, reverse=True))
    after_cue = re.compile(
        rf"^\s*(?:{_CURRENCY}\s*)?(?:(?P<num>{_NUMBER})|(?P<word>{words})(?![\w]))"
        rf"(?:\s*(?P<mult>{mults})(?![a-z]))?",
        re.IGNORECASE,
    )
    revision = data["revision_cues"]
    return _Settings(
        tolerance=float(data["tolerance"]),
        approximate_cap=float(data["approximate_cap"]),
        upper_bound_cap=float(data["upper_bound_cap"]),
        distinct_investment_ratio=float(data["distinct_investment_ratio"]),
        stake_tolerance_points=float(data["stake_tolerance_points"]),
        stake_agreement_points=float(data["stake_agreement_points"]),
        control_threshold=float(data["control_threshold"]),
        ownership_claim_threshold=float(data["ownership_claim_threshold"]),
        holding_pattern=_cue_pattern(data["holding_cues"]),
        voting_pattern=_cue_pattern(data["voting_cues"]),
        cue_patterns={kind: _cue_pattern(data["cues"][kind]) for kind in BOUNDS},
        revision_patterns={
            fact_type: phrase_pattern([*revision["all"], *(revision.get(fact_type) or [])])
            for fact_type in ("sales", "ownership", "investment")
        },
        number_words=number_words,
        multipliers=multipliers,
        after_cue=after_cue,
    )


@dataclass(frozen=True, slots=True)
class Figure:
    """A fact's figure and how its source qualified it (None: stated as exact)."""

    value: float
    bound: str | None = None

    @property
    def precision(self) -> int:
        """Significant digits: 82,700 (3) is more precise than 83,000 (2)."""
        return significant_digits(self.value)


def figure_value(fact: Fact) -> float | None:
    """The number in a fact's value field (quantity, amount, stake), or None."""
    field = VALUE_FIELDS.get(fact.type)
    raw = fact.fields.get(field) if field else None
    if raw is None or isinstance(raw, bool):
        return None
    try:
        return float(raw)
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=4096)
def significant_digits(value: float) -> int:
    """The number of significant digits of a figure (trailing zeros of a round number do not count)."""
    try:
        digits = Decimal(repr(float(value))).normalize().as_tuple().digits
    except InvalidOperation:
        return 0
    return len(digits) if any(digits) else 0


def _readings(number: str) -> list[float]:
    """The values a number token may have: separators as thousands marks, or the last one as a decimal mark."""
    separators = r"[.,'\u00a0\u202f]"
    readings = [float(re.sub(separators, "", number))]
    last = max((m.start() for m in re.finditer(separators, number)), default=-1)
    if last >= 0:
        whole = re.sub(separators, "", number[:last]) or "0"
        readings.append(float(f"{whole}.{number[last + 1 :]}"))
    return readings


def _number_after(text: str) -> list[float]:
    cfg = settings()
    match = cfg.after_cue.match(text)
    if match is None:
        return []
    bases = (
        _readings(match.group("num"))
        if match.group("num")
        else [cfg.number_words[match.group("word").lower()]]
    )
    factor = (
        cfg.multipliers.get(re.sub(r"\s+", " ", match.group("mult").lower()), 1.0)
        if match.group("mult")
        else 1.0
    )
    return [b * factor for b in bases]


def figure_bound(value: float, evidence: str) -> str | None:
    """How the evidence qualifies this figure: "approximate", "lower_bound", "upper_bound", or None (exact)."""
    cfg = settings()
    for bound in BOUNDS:
        for match in cfg.cue_patterns[bound].finditer(evidence):
            for reading in _number_after(evidence[match.end() : match.end() + 40]):
                if abs(reading - value) <= 0.001 * max(abs(value), 1e-9):
                    return bound
    return None


def fact_figure(fact: Fact) -> Figure | None:
    """A fact's figure with its qualification read from the evidence, or None when it has none."""
    value = figure_value(fact)
    if value is None:
        return None
    return Figure(value, figure_bound(value, fact.evidence.text))


def _rounding_tolerance(value: float) -> float:
    digits = Decimal(repr(float(value))).normalize().as_tuple()
    exponent = digits.exponent if isinstance(digits.exponent, int) else 0
    half_unit = 0.5 * 10.0**exponent
    return min(half_unit, settings().approximate_cap * abs(value))


def _qualified_agrees(a: Figure, b: float) -> bool:
    cfg = settings()
    if a.bound == "approximate":
        return abs(a.value - b) <= _rounding_tolerance(a.value)
    if a.bound == "lower_bound":
        return b >= a.value * (1 - cfg.tolerance)
    if a.bound == "upper_bound":
        return a.value * (1 - cfg.upper_bound_cap) <= b <= a.value * (1 + cfg.tolerance)
    return False


def figures_agree(a: Figure, b: Figure, fact_type: str = "sales") -> bool:
    """Whether two sources' figures state the same thing (see the module docstring)."""
    gap = abs(a.value - b.value)
    if gap <= settings().tolerance * max(abs(a.value), abs(b.value)):
        return True
    if fact_type == "ownership" and gap <= settings().stake_agreement_points:
        return True
    return _qualified_agrees(a, b.value) or _qualified_agrees(b, a.value)


def relative_gap(a: float, b: float) -> float:
    """How far apart two figures are, as a ratio of the larger to the smaller (1.0 = equal)."""
    low, high = sorted((abs(a), abs(b)))
    return high / low if low else float("inf")


def has_revision_cue(text: str, fact_type: str) -> bool:
    """Whether a sentence says its figure revises an earlier one ("revised", "restated", "raised its stake")."""
    pattern = settings().revision_patterns.get(fact_type) or settings().revision_patterns["sales"]
    return pattern.search(text) is not None


def format_figure(fact_type: str, value: Any, fields: dict[str, Any] | None = None) -> str:
    """A figure as people write it: 82,700 / 4.99 % / 700,000,000 USD."""
    if value is None:
        return "unknown"
    if not isinstance(value, (int, float)):
        return str(value)
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if fact_type == "ownership":
        return f"{number} %"
    if fact_type == "investment" and fields and fields.get("currency"):
        return f"{number} {fields['currency']}"
    return number
