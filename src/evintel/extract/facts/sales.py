"""Sales facts: who sold, delivered, registered, produced or booked how many vehicles, when and where."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol, TypeVar

from evintel.extract.context import (
    Discourse,
    OrgRef,
    SentenceView,
    clause_bounds,
    is_object,
    sentence_asides,
    subject_candidates,
)
from evintel.extract.cues import may_match
from evintel.extract.lexicon import load_lexicon, phrase_pattern
from evintel.extract.modality import confidence_for
from evintel.extract.numbers import Quantity
from evintel.extract.template import Gate, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

_CUMULATIVE = re.compile(
    r"\b(?:surpass(?:ed|es)?|pass(?:ed|es)|milestone|since (?:its |their )?(?:launch|start|debut|introduction)|"
    r"to date|in total|cumulative(?:ly)?|so far|all-time|mark of)\b",
    re.IGNORECASE,
)
_CUMULATIVE_SEGMENT = re.compile(
    r"\b(?:cumulative(?:ly)?|accumulated\s+(?:sales|deliveries)\s+since|since\s+(?:its|their|the)\s+(?:launch|start|debut|first)|"
    r"to\s+date|all-time|in\s+total\s+since|since\s+(?:it\s+was\s+)?(?:founded|launched|started))\b",
    re.IGNORECASE,
)
_HELD_ORDERS = re.compile(
    r"\b(?:holds?|has|had|counts?|order\s+book|backlog|waiting\s+list)\b[^.;]{0,40}?\b(?:reservations|pre-orders|preorders|"
    r"orders|bookings|letters\s+of\s+intent)\b|\b(?:reservations|orders)\s+(?:backlog|book)\b",
    re.IGNORECASE,
)
_CARRY_OVER = re.compile(
    r"\b(?:of (?:these|those|them|which|the total)|accounted for|made up|were|was|came to|totall?ed|"
    r"reached|rose to|fell to|dropped to|climbed to|amounted to|including|included|includes|include|with|followed)\b",
    re.IGNORECASE,
)
_WORLDWIDE = re.compile(r"\b(?:worldwide|globally|global|world-wide|around the world)\b", re.IGNORECASE)
_DOMESTIC = re.compile(
    r"\b(?:in\s+the\s+domestic\s+market|domestic\s+(?:sales|deliveries|market)|home\s+market|at\s+home)\b",
    re.IGNORECASE,
)
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:put|puts|pegged|pegs|estimated|estimates|reckons|sees|saw)\b[^.;]{0,80}?\bat\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    re.I,
)
_MARKET_LEVEL = re.compile(
    r"\b(?:according to|data from|figures from|industry figures|industry data|the market|overall market|nationwide|"
    r"across the|market share|segment|registrations of new|new registrations of)\b",
    re.IGNORECASE,
)
_SELLER_AFTER = re.compile(
    r"^\s*(?:[a-z][\w-]*\s+){0,2}?(?:for|from|by)\s+(?:the\s+)?(?:brand\s+|sub-brand\s+|marque\s+|label\s+)?$",
    re.I,
)
_BUYER_VERB = re.compile(
    r"\b(?:ordered|has\s+ordered|have\s+ordered|placed\s+(?:an?\s+)?orders?\s+for|bought|purchased|will\s+buy|"
    r"agreed\s+to\s+buy|is\s+buying|leased)\s+(?:about\s+|around\s+|some\s+|another\s+|a\s+further\s+)?$",
    re.I,
)
_SELLER_WITH = re.compile(
    r"^\s*(?:'s|’s)?\s*(?:,\s*)?(?:with|at|on|:)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$",
    re.I,
)
_NOT_SELLER_KINDS = frozenset({"government", "investor"})
_BEFORE_ORG_BLOCK = re.compile(
    r"\b(?:than|from|ahead of|behind|after|versus|vs\.?|compared with|like|overtaken|overtook|overtakes|overtaking|"
    r"surpassed|surpassing|outsold|outselling|beat|beating|trailing|trailed|dethroned|replaced|replacing)\s*$",
    re.I,
)
_MIN_VEHICLES = 10
# Capitalised words before a number that do not make it a model code ("Only 68 thousand were …").
_NOT_MODEL_WORDS = frozenset(
    "only just about around some nearly almost over under in by with to of for at on and or but the a an "
    "january february march april june july august september october november december q1 q2 q3 q4 h1 h2".split()
)


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
        "maker_powertrains": {
            **{normalize_name(n): "BEV" for n in data["bev_only_makers"]},
            **{normalize_name(n): "xEV" for n in data["xev_only_makers"]},
        },
    }


@lru_cache(maxsize=1)
def _metric_gate() -> Gate:
    """The first words of every metric word: a sentence with none of them has no sales cue (see Gate)."""
    return gate([w for words in load_lexicon("sales")["metrics"].values() for w in words], orgs=0)


def extract_sales(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Sales facts stated in one sentence."""
    lex = _lexicon()
    text = view.text
    any_metric = lex["any_metric"]
    assert isinstance(any_metric, re.Pattern)
    has_cue = _metric_gate().admits(view) and may_match(any_metric, view) and bool(any_metric.search(text))
    carried = (
        not has_cue
        and _recent_sales(view)
        and may_match(_CARRY_OVER, view)
        and bool(_CARRY_OVER.search(text))
    )
    if not (has_cue or carried):
        return []
    facts: list[Fact] = []
    for quantity in view.quantities:
        if not _is_vehicle_count(quantity, text):
            continue
        clause_start, clause_end = clause_bounds(text, quantity.start)
        if _is_not_actual(view, clause_start, quantity) or _BUYER_VERB.search(
            text[max(0, quantity.start - 40) : quantity.start]
        ):
            continue
        org = _seller(view, quantity, clause_start, clause_end, discourse, kb)
        if org is None:
            continue
        period = _period(view, quantity, clause_start, clause_end, discourse, facts)
        fields = {
            "org": org.name,
            "quantity": _as_number(quantity.value),
            "powertrain": _powertrain(view, quantity, clause_start, clause_end, org.name, discourse),
            "period": period,
            "market": _market(view, quantity, clause_start, clause_end, org, kb, discourse)
            or (_carried_market(view) if carried else None),
            "metric": _metric(view, quantity, clause_start, clause_end),
        }
        base = 0.85 if org.via != "coref" else 0.75
        if quantity.approximate or quantity.bound:
            base -= 0.05
        modality = _figure_modality(view, quantity, clause_start)
        _sales_quantities(view).append(quantity)
        facts.append(
            Fact(
                "sales",
                fields,
                view.evidence(),
                confidence_for(modality, base),
                modality,
            )
        )
    _share_powertrains(facts, view)
    if facts:
        view.notes["sales"] = True
        view.notes["main_period"] = facts[0].fields["period"]
        view.notes["market"] = facts[0].fields["market"]
    return facts


def _figure_modality(view: SentenceView, quantity: Quantity, clause_start: int) -> str:
    """A denial or hedge counts for a figure only when it governs it: the cue stands before it in its clause.

    "Toyota denied reports that it sold 100,000 cars" is denied; "Kia sold 20,000 cars; it denied that prices
    would rise" is not.
    """
    modality = view.modality
    if modality.value == "asserted":
        return "asserted"
    if modality.value == "denied":
        governs = clause_start <= modality.start < quantity.start or (
            modality.start < quantity.start
            and not view.text[modality.start : quantity.start].count(".")
            and _DENIAL_OF_REPORT.search(view.text[modality.start : quantity.start])
        )
        return "denied" if governs else "asserted"
    return modality.value


# "denied reports that it sold …", "dismissed claims it had delivered …": the denial covers the figure.
_DENIAL_OF_REPORT = re.compile(
    r"\b(?:reports?|claims?|rumou?rs?|speculation|suggestions?)\s+(?:that\s+)?", re.I
)


def _sales_quantities(view: SentenceView) -> list[Quantity]:
    """The figures of this sentence that became sales facts, in order (kept on the view's notes)."""
    found = view.notes.setdefault("sales_quantities", [])
    assert isinstance(found, list)
    return found


T = TypeVar("T")


def _require(item: T | None) -> T:
    assert item is not None  # callers pass non-empty candidate lists
    return item


def _share_powertrains(facts: list[Fact], view: SentenceView) -> None:
    """A bare figure shares the drive type of its sibling: "After 82,700 in Q1, BEV deliveries rose to 87,461"."""
    explicit = [f for f in facts if f.fields["powertrain"] != "all"]
    if len(explicit) == 0 or len({f.fields["powertrain"] for f in explicit}) != 1:
        return
    for fact, quantity in zip(facts, _sales_quantities(view), strict=False):
        if fact.fields["powertrain"] == "all" and quantity.unit is None:
            fact.fields["powertrain"] = explicit[0].fields["powertrain"]


def _carried_market(view: SentenceView) -> str | None:
    """A continuation sentence ("X followed with N") keeps the market of the figures before it."""
    previous = view.previous
    for _ in range(2):
        if previous is None:
            return None
        if previous.notes.get("sales"):
            market = previous.notes.get("market")
            return str(market) if market else None
        previous = previous.previous
    return None


def _recent_sales(view: SentenceView) -> bool:
    """Whether one of the two previous sentences reported sales figures (so "Of these, ..." continues it)."""
    previous = view.previous
    for _ in range(2):
        if previous is None:
            return False
        if previous.notes.get("sales"):
            return True
        previous = previous.previous
    return False


def _as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


_FIRST_WORD = re.compile(r"[\s-]*([a-z%€$£¥][a-z%€$£¥-]*)")
_CURRENCY_BEFORE = re.compile(r"[$€£¥₹#]\s*$")
_MODEL_BEFORE = re.compile(r"(?<=\s)[A-Za-z]*[A-Z][\w-]*\s+$")


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
    first_word = _FIRST_WORD.match(after)
    if first_word and first_word.group(1) in non_vehicle:
        return False
    before = text[max(0, quantity.start - 3) : quantity.start]
    if _CURRENCY_BEFORE.search(before):
        return False
    # "eActros 600", "Peugeot 208": a model number, not a count.
    model = _MODEL_BEFORE.search(text[max(0, quantity.start - 25) : quantity.start])
    if model and model.group(0).strip().lower() in _NOT_MODEL_WORDS:
        model = None
    if model and "," not in quantity.text and "." not in quantity.text:
        # A number glued to a capitalised name is a model code unless it clearly counts vehicles ("BMW 2792 cars" is rare).
        return quantity.value >= 1000 and bool(quantity.unit)
    return True


def _is_not_actual(view: SentenceView, clause_start: int, quantity: Quantity) -> bool:
    not_actual = _lexicon()["not_actual"]
    assert isinstance(not_actual, re.Pattern)
    text = view.text
    window = text[clause_start : min(len(text), quantity.end + 30)]
    for match in not_actual.finditer(window) if may_match(not_actual, view) else ():
        if _COMPARISON_AFTER.match(window, match.end()):
            continue  # "a year earlier" compares; "80,000 a year" is a capacity
        return True
    return bool(_ESTIMATE_BEFORE.search(text[max(0, quantity.start - 100) : quantity.start]))


_YEAR_AGO = re.compile(r"\byear\s+(?:earlier|ago|before)|previous\s+year|prior\s+year|last\s+year|year-ago", re.I)
_COMPARISON_AFTER = re.compile(r"\s+(?:earlier|ago|before|previously|on\s+year|over\s+year)\b", re.IGNORECASE)


def _seller(
    view: SentenceView,
    quantity: Quantity,
    clause_start: int,
    clause_end: int,
    discourse: Discourse,
    kb: KnowledgeBase,
) -> OrgRef | None:
    """The organisation a figure belongs to: "N for/from ⟨X⟩", "⟨X⟩ with N", the clause subject, else the focus."""
    text = view.text
    candidates = [o for o in view.orgs if not o.plural and not _is_non_seller(o, kb)]
    for org in candidates:
        if (
            org.start >= quantity.end
            and org.start - quantity.end <= 40
            and _SELLER_AFTER.match(text[quantity.end : org.start])
        ):
            return org  # "4,319 cars from ⟨Onvo⟩", "487,000 for the brand ⟨Dacia⟩"
        if (
            org.end <= quantity.start
            and _SELLER_WITH.match(text[org.end : quantity.start])
            and (org.via != "coref" or not is_object(text, org))
        ):
            return org  # "ahead of ⟨TVS Motor⟩ with 30,454"
    subjects = [
        o for o in subject_candidates(view, quantity.start, clause_start) if not _is_non_seller(o, kb)
    ]
    subjects = [o for o in subjects if not _BEFORE_ORG_BLOCK.search(text[max(0, o.start - 20) : o.start])]
    if subjects:
        return subjects[-1]
    earlier = [o for o in subject_candidates(view, quantity.start) if not _is_non_seller(o, kb)]
    if earlier:
        return earlier[-1]
    before = [o for o in candidates if o.end <= quantity.start and o.start >= clause_start]
    if before:
        return before[-1]
    after = [o for o in candidates if o.start >= quantity.end and o.end <= clause_end]
    if after:
        return after[0]
    if _MARKET_LEVEL.search(text):
        return None
    return discourse.topic


def _is_non_seller(org: OrgRef, kb: KnowledgeBase) -> bool:
    """Authorities, associations and investors report or fund sales; they do not make them."""
    entity = kb.resolve(org.name)
    return entity is not None and entity.kind in _NOT_SELLER_KINDS


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=_Span)


def _nearest(items: list[SpanT], quantity: Quantity, clause_start: int, clause_end: int) -> SpanT | None:
    """The item closest to a figure, preferring those inside the clause (and, slightly, those after it)."""
    inside = [i for i in items if i.start >= clause_start and i.end <= clause_end]
    pool = inside or items
    if not pool:
        return None

    def distance(item: SpanT) -> int:
        start, end = item.start, item.end
        if end <= quantity.start:
            return quantity.start - end + 2  # slight preference for what follows the figure
        return max(0, start - quantity.end)

    return min(pool, key=distance)


def _period(
    view: SentenceView,
    quantity: Quantity,
    clause_start: int,
    clause_end: int,
    discourse: Discourse,
    earlier: list[Fact] | None = None,
) -> str | None:
    """The period of a figure: one in its own comma segment, else one no other figure claims, else the focus."""
    periods = [p for p in view.periods if p.value and not getattr(p, "comparison", False)]
    seg_start, seg_end = _segment(view, quantity, clause_start, clause_end)
    segment = view.text[seg_start:seg_end]
    around = view.text[max(clause_start, quantity.start - 40) : quantity.end + 40]
    if (may_match(_CUMULATIVE_SEGMENT, view) and _CUMULATIVE_SEGMENT.search(segment)) or (
        may_match(_HELD_ORDERS, view) and _HELD_ORDERS.search(around)
    ):
        return "cumulative"
    year_ago = [
        p
        for p in view.periods
        if getattr(p, "comparison", False) and seg_start <= p.start and p.end <= seg_end and _YEAR_AGO.search(p.text)
    ]
    if periods:
        own = [p for p in periods if seg_start <= p.start and p.end <= seg_end]
        if own:
            return str(_require(_nearest(own, quantity, seg_start, seg_end)).value)
    if year_ago:
        # "down from 422,875 a year earlier": the same period one year before the sentence's own
        base = next((p.value for p in periods if clause_start <= p.start < clause_end), None) or discourse.period
        return _shift_year(base)
    if periods:
        others = [q for q in view.quantities if q is not quantity and _is_vehicle_count(q, view.text)]
        claimed = [_segment(view, q, clause_start, clause_end) for q in others]
        free = [
            p
            for p in periods
            if clause_start <= p.start
            and p.end <= clause_end
            and not any(a <= p.start < b for a, b in claimed)
            and not _OTHER_EVENT.search(view.text[max(0, p.start - 30) : p.start])
        ]
        if free:
            return str(_require(_nearest(free, quantity, clause_start, clause_end)).value)
    if earlier:
        return earlier[-1].fields.get("period")  # "1.21 million in H1, of which 170,161 were electric"
    if may_match(_CUMULATIVE, view) and _CUMULATIVE.search(view.text):
        return "cumulative"
    return discourse.period


# A period that dates another event ("the brand it launched in September"), not the figure.
_OTHER_EVENT = re.compile(
    r"\b(?:launched|founded|introduced|unveiled|announced|established|set\s+up|created|opened|started|began|since)\s+(?:\w+\s+)?$",
    re.I,
)


_SEGMENT_BREAK = re.compile(r",|\s[–—-]\s|\(|\)")


def _segment(view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int) -> tuple[int, int]:
    """The comma-delimited stretch of the clause that holds a figure."""
    start, end = clause_start, clause_end
    for break_start, break_end in _segment_breaks(view, clause_start, clause_end):
        if break_end <= quantity.start:
            start = break_end
        elif break_start >= quantity.end:
            end = break_start
            break
    return start, end


def _segment_breaks(view: SentenceView, clause_start: int, clause_end: int) -> list[tuple[int, int]]:
    """Where the clause's comma segments break (kept on the view: every figure asks for those of every other)."""
    known = view.notes.setdefault("segment_breaks", {})
    assert isinstance(known, dict)
    key = (clause_start, clause_end)
    if key not in known:
        known[key] = [m.span() for m in _SEGMENT_BREAK.finditer(view.text, clause_start, clause_end)]
    breaks: list[tuple[int, int]] = known[key]
    return breaks


def _shift_year(period: str | None) -> str | None:
    if not period or not period[:4].isdigit():
        return None
    return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), period)


def _powertrain(
    view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int, org: str, discourse: Discourse
) -> str:
    """The drive type of a figure: named in its segment, named in the clause for no other figure, else the maker's."""
    text = view.text
    asides = [(a, b) for a, b in sentence_asides(view) if not (a <= quantity.start < b)]
    candidates = [p for p in view.powertrains if not any(a <= p.start < b for a, b in asides)]
    seg_start, seg_end = _segment(view, quantity, clause_start, clause_end)
    own = [p for p in candidates if seg_start <= p.start and p.end <= seg_end]
    if own:
        return str(_require(_nearest(own, quantity, seg_start, seg_end)).value)
    others = [q for q in view.quantities if q is not quantity and _is_vehicle_count(q, text)]
    claimed = [_segment(view, q, clause_start, clause_end) for q in others]
    free = [
        p
        for p in candidates
        if clause_start <= p.start and p.end <= clause_end and not any(a <= p.start < b for a, b in claimed)
    ]
    if free:
        return str(_require(_nearest(free, quantity, clause_start, clause_end)).value)
    makers = _lexicon()["maker_powertrains"]
    assert isinstance(makers, dict)
    key = normalize_name(org)
    if key in makers:
        return str(makers[key])
    if org in discourse.ev_makers:
        return "BEV"
    return "all"


def _market(
    view: SentenceView,
    quantity: Quantity,
    clause_start: int,
    clause_end: int,
    org: OrgRef,
    kb: KnowledgeBase,
    discourse: Discourse,
) -> str | None:
    """The market of a figure: a place in its own segment or clause opener, "domestic", else the article's market."""
    text = view.text
    seg_start, seg_end = _segment(view, quantity, clause_start, clause_end)
    if _WORLDWIDE.search(text[seg_start:seg_end]):
        return None
    markets = [
        p
        for p in view.places
        if p.kind in ("country", "region")
        and not (org.start <= p.start and p.end <= org.end)
        and not _is_descriptor_place(text, p.start, p.end)
    ]
    own = [p for p in markets if seg_start <= p.start and p.end <= seg_end]
    opener = [
        p for p in markets if _OPENER.match(text[clause_start : p.start]) or _OPENER.match(text[: p.start])
    ]
    chosen = _nearest(own, quantity, seg_start, seg_end) or (opener[-1] if opener else None)
    if chosen is not None:
        return str(chosen.value)
    if _DOMESTIC.search(text[seg_start:seg_end]):
        entity = kb.resolve(org.name)
        if entity and entity.country:
            return "US" if entity.country in ("United States", "USA") else entity.country
    if markets:
        return None  # the sentence names places, just not for this figure
    return discourse.market


# "In the United States, …", "Across Europe …": a place that frames the whole clause.
_OPENER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:in|across|within|throughout|for)\s+(?:the\s+)?$", re.I)


_DESCRIPTOR_AFTER = re.compile(r"(?:-based|-made|-built|-listed|'s\b|’s\b|-owned)")


def _is_descriptor_place(text: str, start: int, end: int) -> bool:
    """ "the Stuttgart-based", "China's Geely", "Chinese-made": a place that describes, not a market."""
    after = text[end : end + 12]
    return bool(_DESCRIPTOR_AFTER.match(after))


def _metric(view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int) -> str:
    patterns = _lexicon()["metrics"]
    assert isinstance(patterns, dict)
    best: tuple[int, str] | None = None
    for metric, pattern in patterns.items():
        if not may_match(pattern, view):
            continue
        for match in pattern.finditer(view.text, clause_start, clause_end):
            if match.end() <= quantity.start:
                distance = quantity.start - match.end()
            else:
                distance = match.start() - quantity.end
            distance = max(distance, 0)
            if best is None or distance < best[0]:
                best = (distance, metric)
    return best[1] if best else "sales"
