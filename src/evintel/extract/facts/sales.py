"""Sales facts: who sold, delivered, registered, produced or booked how many vehicles, when and where."""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.context import Discourse, OrgRef, SentenceView, clause_bounds
from evintel.extract.lexicon import load_lexicon, phrase_pattern
from evintel.extract.modality import confidence_for
from evintel.extract.numbers import Quantity
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

_CUMULATIVE = re.compile(
    r"\b(?:surpass(?:ed|es)?|pass(?:ed|es)|milestone|since (?:its |their )?(?:launch|start|debut|introduction)|"
    r"to date|in total|cumulative(?:ly)?|so far|all-time|mark of)\b",
    re.IGNORECASE,
)
_CARRY_OVER = re.compile(
    r"\b(?:of (?:these|those|them|which|the total)|accounted for|made up|were|was|came to|totall?ed|"
    r"reached|rose to|fell to|dropped to|climbed to|amounted to|including|included)\b",
    re.IGNORECASE,
)
_WORLDWIDE = re.compile(r"\b(?:worldwide|globally|global|world-wide|around the world)\b", re.IGNORECASE)
_DOMESTIC = re.compile(r"\b(?:domestic|home market|at home)\b", re.IGNORECASE)
_BEFORE_ORG_BLOCK = re.compile(r"\b(?:than|from|ahead of|behind|after|versus|vs\.?|compared with|like)\s*$", re.I)
_MIN_VEHICLES = 10


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, object]:
    data = load_lexicon("sales")
    metric_patterns = {metric: phrase_pattern(words) for metric, words in data["metrics"].items()}
    return {
        "metrics": metric_patterns,
        "any_metric": phrase_pattern([w for words in data["metrics"].values() for w in words]),
        "vehicle_units": frozenset(u.lower() for u in data["vehicle_units"]),
        "non_vehicle_units": frozenset(u.lower() for u in data["non_vehicle_units"]),
        "not_actual": phrase_pattern(data["not_actual"]),
        "bev_only": frozenset(normalize_name(n) for n in data["bev_only_makers"]),
    }


def extract_sales(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Sales facts stated in one sentence."""
    lex = _lexicon()
    text = view.text
    any_metric = lex["any_metric"]
    assert isinstance(any_metric, re.Pattern)
    has_cue = bool(any_metric.search(text))
    carried = (
        not has_cue
        and view.previous is not None
        and bool(view.previous.notes.get("sales"))
        and bool(_CARRY_OVER.search(text))
    )
    if not (has_cue or carried):
        return []
    facts: list[Fact] = []
    for quantity in view.quantities:
        if not _is_vehicle_count(quantity, text):
            continue
        clause_start, clause_end = clause_bounds(text, quantity.start)
        if _is_not_actual(text, clause_start, quantity):
            continue
        org = _seller(view, quantity, clause_start, clause_end, discourse)
        if org is None:
            continue
        period = _period(view, quantity, clause_start, clause_end, discourse)
        fields = {
            "org": org.name,
            "quantity": _as_number(quantity.value),
            "powertrain": _powertrain(view, quantity, clause_start, clause_end, org.name),
            "period": period,
            "market": _market(view, quantity, clause_start, clause_end, org, kb),
            "metric": _metric(text, quantity, clause_start, clause_end),
        }
        base = 0.85 if org.via != "coref" else 0.75
        if quantity.approximate or quantity.bound:
            base -= 0.05
        facts.append(
            Fact(
                "sales",
                fields,
                view.evidence(),
                confidence_for(view.modality.value if view.modality.value != "denied" else "asserted", base),
                "asserted",
            )
        )
    if facts:
        view.notes["sales"] = True
    return facts


def _as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _is_vehicle_count(quantity: Quantity, text: str) -> bool:
    lex = _lexicon()
    if quantity.value < _MIN_VEHICLES or quantity.unit == "percent":
        return False
    unit = (quantity.unit or "").lower()
    non_vehicle = lex["non_vehicle_units"]
    assert isinstance(non_vehicle, frozenset)
    if unit and unit in non_vehicle:
        return False
    after = text[quantity.end : quantity.end + 24].lower()
    first_word = re.match(r"[\s-]*([a-z%€$£¥]+)", after)
    if first_word and first_word.group(1) in non_vehicle:
        return False
    before = text[max(0, quantity.start - 3) : quantity.start]
    return not re.search(r"[$€£¥₹#]\s*$", before)


def _is_not_actual(text: str, clause_start: int, quantity: Quantity) -> bool:
    not_actual = _lexicon()["not_actual"]
    assert isinstance(not_actual, re.Pattern)
    window = text[clause_start : min(len(text), quantity.end + 30)]
    return bool(not_actual.search(window))


def _seller(
    view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int, discourse: Discourse
) -> OrgRef | None:
    """The organisation a figure belongs to: nearest preceding subject in the clause, else the focus."""
    candidates = [o for o in view.orgs if not o.plural]
    before = [o for o in candidates if o.end <= quantity.start and o.start >= clause_start]
    before = [o for o in before if not _BEFORE_ORG_BLOCK.search(view.text[max(0, o.start - 20) : o.start])]
    if before:
        return before[-1]
    earlier = [o for o in candidates if o.end <= quantity.start]
    if earlier:
        return earlier[-1]
    after = [o for o in candidates if o.start >= quantity.end and o.end <= clause_end]
    if after:
        return after[0]
    return discourse.topic


def _nearest(items: list, quantity: Quantity, clause_start: int, clause_end: int) -> object | None:
    inside = [i for i in items if i.start >= clause_start and i.end <= clause_end]
    pool = inside or items
    if not pool:
        return None

    def distance(item: object) -> int:
        start, end = item.start, item.end  # type: ignore[attr-defined]
        if end <= quantity.start:
            return quantity.start - end + 2  # slight preference for what follows the figure
        return max(0, start - quantity.end)

    return min(pool, key=distance)


def _period(
    view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int, discourse: Discourse
) -> str | None:
    periods = list(view.periods)
    if periods:
        nearest = _nearest(periods, quantity, clause_start, clause_end)
        if nearest is not None:
            value = nearest.value  # type: ignore[attr-defined]
            if getattr(nearest, "comparison", False):
                return _shift_year(discourse.period) or value
            return value
    if _CUMULATIVE.search(view.text):
        return "cumulative"
    return discourse.period


def _shift_year(period: str | None) -> str | None:
    if not period or not period[:4].isdigit():
        return None
    return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), period)


def _powertrain(view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int, org: str) -> str:
    nearest = _nearest(view.powertrains, quantity, clause_start, clause_end)
    if nearest is not None:
        return str(nearest.value)  # type: ignore[attr-defined]
    bev_only = _lexicon()["bev_only"]
    assert isinstance(bev_only, frozenset)
    if normalize_name(org) in bev_only:
        return "BEV"
    return "all"


def _market(
    view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int, org: OrgRef, kb: KnowledgeBase
) -> str | None:
    text = view.text
    markets = [
        p
        for p in view.places
        if p.kind in ("country", "region") and not (org.start <= p.start and p.end <= org.end)
    ]
    markets = [p for p in markets if not _is_descriptor_place(text, p.start, p.end)]
    nearest = _nearest(markets, quantity, clause_start, clause_end)
    if nearest is not None and nearest.start >= clause_start and nearest.end <= clause_end:  # type: ignore[attr-defined]
        return str(nearest.value)  # type: ignore[attr-defined]
    if _DOMESTIC.search(text[clause_start:clause_end]):
        entity = kb.resolve(org.name)
        if entity and entity.country:
            return "US" if entity.country in ("United States", "USA") else entity.country
    return None


def _is_descriptor_place(text: str, start: int, end: int) -> bool:
    """"the Stuttgart-based", "China's Geely", "Chinese-made": a place that describes, not a market."""
    after = text[end : end + 12]
    return bool(re.match(r"(?:-based|-made|-built|-listed|'s\b|’s\b|-owned)", after))


def _metric(text: str, quantity: Quantity, clause_start: int, clause_end: int) -> str:
    patterns = _lexicon()["metrics"]
    assert isinstance(patterns, dict)
    best: tuple[int, str] | None = None
    for metric, pattern in patterns.items():
        for match in pattern.finditer(text, clause_start, clause_end):
            if match.end() <= quantity.start:
                distance = quantity.start - match.end()
            else:
                distance = match.start() - quantity.end
            distance = max(distance, 0)
            if best is None or distance < best[0]:
                best = (distance, metric)
    return best[1] if best else "sales"
