"""Sales facts: who sold, delivered, registered, produced or booked how many vehicles, when and where."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Protocol, TypeVar

from evintel.extract.context import (
    Discourse,
    OrgRef,
    SentenceView,
    clause_bounds,
    is_object,
    parenthetical_spans,
    subject_candidates,
)
from evintel.extract.lexicon import load_lexicon, phrase_pattern
from evintel.extract.modality import confidence_for
from evintel.extract.numbers import Quantity
from evintel.extract.powertrains import Powertrain
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
    r"\b(?:of (?:these|those|them|which|the total)|accounted for|made up|were|was|came\s+(?:only\s+|just\s+|in\s+)?(?:to|at|on)|totall?ed|"
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
    r"^\s*(?:[a-z][\w-]*\s+){0,2}?(?:for|from|by)\s+(?:the\s+)?(?:brand\s+|sub-brand\s+|marque\s+|label\s+)?$"
    # "2,914 from its lower-priced Onvo brand": the maker's own brand named before the word "brand"
    r"|^\s*(?:[a-z][\w-]*\s+){0,2}?(?:from|by)\s+(?:its|their)\s+(?:[a-z][\w-]*\s+){0,2}?$",
    re.I,
)
_BUYER_VERB = re.compile(
    r"\b(?:ordered|has\s+ordered|have\s+ordered|placed\s+(?:an?\s+)?orders?\s+for|bought|purchased|will\s+buy|"
    r"agreed\s+to\s+buy|is\s+buying|leased)\s+(?:about\s+|around\s+|some\s+|another\s+|a\s+further\s+)?$",
    re.I,
)
_SELLER_WITH = re.compile(
    r"^\s*(?:'s|’s)?\s*(?:,\s*)?(?:with|at|on|:)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$"
    r"|^\s*\(\s*$"  # "Opel (14,992) and Fiat (3,210)"
    r"|^['’]s\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$",  # "versus Tesla's 484,507"
    re.I,
)
# "⟨X⟩, which sold", "⟨X⟩, which has delivered about": a relative clause whose subject is the name before it.
_RELATIVE_SELLER = re.compile(
    r"^\s*,\s*(?:which|who)\s+(?:has\s+|have\s+|had\s+|also\s+|already\s+|only\s+)*"
    r"(?:sold|delivered|shipped|handed\s+over|registered|produced|built|dispatched)\s+"
    r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|a\s+record\s+)?$",
    re.I,
)
_PASSIVE = re.compile(
    r"\b(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:[^.;:]|(?<=\d)[.,](?=\d)){0,80}?"
    r"\b(?:registered|sold|delivered|admitted|licensed|put\s+on\s+the\s+road)\b",
    re.I,
)
_JOINT = re.compile(r"\s*(?:and|&)\s*")
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
        "market_bodies": {str(k): str(v) for k, v in data["market_bodies"].items()},
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
    _note_market_body(view, discourse, lex)
    has_cue = _metric_gate().admits(view) and bool(any_metric.search(text))
    header = _list_header(view)
    carried = not has_cue and (
        (_recent_sales(view) and (bool(_CARRY_OVER.search(text)) or _bracketed_list(view))) or header is not None
    )
    if not (has_cue or carried):
        return []
    facts: list[Fact] = []
    for quantity in view.quantities:
        if not _is_vehicle_count(quantity, text):
            continue
        clause_start, clause_end = clause_bounds(text, quantity.start)
        if _is_not_actual(text, clause_start, quantity) or _BUYER_VERB.search(
            text[max(0, quantity.start - 40) : quantity.start]
        ):
            continue
        org = _seller(view, quantity, clause_start, clause_end, discourse, kb)
        if org is None:
            continue
        # "Registrations in Norway in March by brand: Tesla 12,000; BYD 9,500": the list header states what
        # every item counts, so the items' fields are read from the header onwards.
        start = _list_header_start(view, quantity, clause_start)
        period = _period(view, quantity, start, clause_end, discourse, facts)
        fields = {
            "org": org.name,
            "quantity": _as_number(quantity.value),
            "powertrain": _powertrain(view, quantity, start, clause_end, org.name, discourse),
            "period": period,
            "market": _market(view, quantity, start, clause_end, org, kb, discourse)
            or (_carried_market(view) if carried else None)
            or _part_market(view, quantity, clause_start, clause_end, facts, org.name),
            "metric": _metric(text, quantity, start, clause_end) or _carried_metric(view),
        }
        if header is not None:
            _fill_from_header(header, fields)
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
        view.notes["metric"] = facts[-1].fields["metric"]
    return facts


def _note_market_body(view: SentenceView, discourse: Discourse, lex: dict[str, object]) -> None:
    """An article citing a national registration body ("according to the KBA") reports that body's market."""
    bodies = lex["market_bodies"]
    assert isinstance(bodies, dict)
    if discourse.market is None:
        for org in view.orgs:
            if org.name in bodies:
                discourse.market = bodies[org.name]
                return


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


# "Maruti Suzuki: 1,76,318 units", "- Tata Motors: 48,131": one list item per line.
_LIST_ITEM = re.compile(r"^\W{0,3}$")
_LIST_FIGURE = re.compile(r"^\s*[:|–—-]?\s*\d[\d.,\u00a0\u202f]*(?:\s+(?:lakh|wan|million|units|vehicles|cars))?\W{0,3}$", re.I)


def _list_header(view: SentenceView) -> SentenceView | None:
    """The header line of a list whose items name a company and a figure and nothing else, each on its own line
    ("Sales in India in October:" then "Maruti Suzuki: 1,76,318 units"), or None."""
    if len(view.orgs) != 1 or not _is_list_item(view):
        return None
    previous = view.previous
    for _ in range(12):
        if previous is None:
            return None
        if previous.text.rstrip().endswith(":"):
            any_metric = _lexicon()["any_metric"]
            assert isinstance(any_metric, re.Pattern)
            return previous if any_metric.search(previous.text) else None  # "Sales in India in October:"
        if not _is_list_item(previous):
            return None
        previous = previous.previous
    return None


def _is_list_item(view: SentenceView) -> bool:
    if len(view.orgs) != 1:
        return False
    org = view.orgs[0]
    return bool(_LIST_ITEM.match(view.text[: org.start]) and _LIST_FIGURE.match(view.text[org.end :]))


def _fill_from_header(header: SentenceView, fields: dict[str, int | float | str | None]) -> None:
    """A list item's figure counts what its header says: metric, market, period and drive type."""
    text = header.text
    metric = _metric(text, Quantity(len(text), len(text), "", 0.0), 0, len(text))
    if metric:
        fields["metric"] = metric
    places = [p for p in header.places if p.kind in ("country", "region")]
    if places and not fields["market"]:
        fields["market"] = places[0].value
    periods = [p for p in header.periods if p.value and not p.comparison]
    if periods:
        fields["period"] = periods[0].value
    kinds = {p.value for p in header.powertrains}
    if len(kinds) == 1 and fields["powertrain"] == "all":
        fields["powertrain"] = kinds.pop()


def _list_header_start(view: SentenceView, quantity: Quantity, clause_start: int) -> int:
    """Where the fields of a listed figure are read from: 0 when it follows a figure-free header that ends in a
    colon ("Deliveries in March: Nio 15,039, Xpeng 15,570"), else its own clause."""
    colon = view.text.rfind(":", 0, quantity.start)
    if colon <= 0 or clause_start < colon or any(q.start < colon for q in view.quantities):
        return clause_start
    return 0


def _part_market(
    view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int, facts: list[Fact], org: str
) -> str | None:
    """A part or a comparison of the figure before ("1,76,318 units in the domestic market, against 1,63,130 …",
    "61,134 domestic units, including 9,286 EVs") covers the same market."""
    if not facts or facts[-1].fields["org"] != org or not facts[-1].fields["market"]:
        return None
    seg_start, _ = _segment(view.text, quantity, 0, len(view.text))
    if _PART_OR_COMPARISON.match(view.text, seg_start):
        return str(facts[-1].fields["market"])
    return None


_PART_OR_COMPARISON = re.compile(
    r"\s*(?:including|of\s+which|of\s+these|against|compared\s+(?:to|with)|versus|vs\.?|up\s+from|down\s+from)\b",
    re.I,
)


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


def _carried_metric(view: SentenceView) -> str:
    """A figure stated without a metric word ("VW came second with 13,290 cars") counts what the figures of the
    sentence before counted ("Tesla led with 23,005 registrations"); else sales."""
    previous = view.previous
    if previous is not None and previous.notes.get("sales"):
        return str(previous.notes.get("metric") or "sales")
    return "sales"


def _bracketed_list(view: SentenceView) -> bool:
    """Whether the sentence lists companies with a bare figure in brackets: "Opel (14,992) and Fiat (3,210)"."""
    return sum(1 for org in view.orgs if _BRACKETED.match(view.text, org.end)) >= 2


_BRACKETED = re.compile(r"\s*\(\s*\d[\d.,\u202f\u00a0]*\s*\)")


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


def _is_vehicle_count(quantity: Quantity, text: str) -> bool:
    lex = _lexicon()
    if quantity.value < _MIN_VEHICLES or quantity.unit == "percent":
        return False
    unit = (quantity.unit or "").lower()
    non_vehicle = lex["non_vehicle_units"]
    assert isinstance(non_vehicle, frozenset)
    if unit and unit in non_vehicle:
        return False
    after = text[quantity.end : quantity.end + 40]
    first_word = re.match(r"[\s-]*([a-z%€$£¥][a-z%€$£¥-]*)", after.lower())
    if first_word and first_word.group(1) in non_vehicle:
        return False
    # "13 European countries", "20 Chinese brands": a non-vehicle noun after one describing word; only a
    # lower-case one ("7,239 Tata Motors cars" names a maker)
    second_word = re.match(r"\s+[\w%€$£¥-]+\s+([a-z][a-z-]*)", after)
    if (
        second_word
        and not quantity.unit
        and second_word.group(1) in non_vehicle
        and second_word.group(1) not in ("per", "year", "years", "percent")
    ):
        return False
    before = text[max(0, quantity.start - 3) : quantity.start]
    if re.search(r"[$€£¥₹#]\s*$", before):
        return False
    # "eActros 600", "Peugeot 208": a model number, not a count.
    model = re.search(r"(?<=\s)[A-Za-z]*[A-Z][\w-]*\s+$", text[max(0, quantity.start - 25) : quantity.start])
    if model and model.group(0).strip().lower() in _NOT_MODEL_WORDS:
        model = None
    if model and "," not in quantity.text and "." not in quantity.text:
        # A number glued to a capitalised name is a model code unless it clearly counts vehicles ("BMW 2792 cars" is rare).
        return quantity.value >= 1000 and bool(quantity.unit)
    return True


def _is_not_actual(text: str, clause_start: int, quantity: Quantity) -> bool:
    not_actual = _lexicon()["not_actual"]
    assert isinstance(not_actual, re.Pattern)
    # "Analysts had expected 443,000, and the result compares with 384,122": a new statement after ", and the …"
    for joint in _NEW_STATEMENT.finditer(text, clause_start, quantity.start):
        clause_start = joint.end()
    window = text[clause_start : min(len(text), quantity.end + 30)]
    for match in not_actual.finditer(window):
        if _COMPARISON_AFTER.match(window, match.end()):
            continue  # "a year earlier" compares; "80,000 a year" is a capacity
        if _PRICE_CONTEXT.match(window, match.end()) and match.group(0).lower().startswith("price"):
            continue  # "as a price war intensified": the market's conditions, not the figure's price
        return True
    if _THIRD_PARTY.search(text, quantity.end):
        return True
    return bool(_ESTIMATE_BEFORE.search(text[max(0, quantity.start - 100) : quantity.start]))


# "…, according to Dataforce, a consultancy": a third party's count or estimate, not the company's report.
_THIRD_PARTY = re.compile(
    r"\baccording\s+to\s+(?:[\w&.-]+\s+){0,3}?[\w&.-]+,?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?:consultancy|consulting\s+firm|research\s+(?:firm|house|company)|market\s+researcher|analytics\s+firm)\b"
    r"|\baccording\s+to\s+(?:estimates|analysts?|an?\s+estimate)\b",
    re.I,
)
_NEW_STATEMENT = re.compile(r",\s+and\s+(?=(?:the|its|this|that|their|it|they)\s)", re.I)
_YEAR_AGO = re.compile(r"\byear\s+(?:earlier|ago|before)|previous\s+year|prior\s+year|last\s+year|year-ago", re.I)
_PRICE_CONTEXT = re.compile(r"\s+(?:wars?|cuts?|competition|pressure|battle|slashing|reductions?)\b", re.I)
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
            and org.text.lower() not in ("its", "their")  # "from its Onvo brand": the brand is named next
            and _SELLER_AFTER.match(text[quantity.end : org.start])
        ):
            return org  # "4,319 cars from ⟨Onvo⟩", "487,000 for the brand ⟨Dacia⟩"
        if (
            org.end <= quantity.start
            and _SELLER_WITH.match(text[org.end : quantity.start])
            and (org.via != "coref" or not is_object(text, org))
        ):
            return org  # "ahead of ⟨TVS Motor⟩ with 30,454"
    for org in candidates:
        if org.end <= quantity.start and _RELATIVE_SELLER.match(text[org.end : quantity.start]):
            return org  # "… of Hangzhou-based ⟨Leapmotor⟩, which sold 293,724 vehicles in 2024"
    subjects = [
        o for o in subject_candidates(view, quantity.start, clause_start) if not _is_non_seller(o, kb)
    ]
    subjects = [o for o in subjects if not _BEFORE_ORG_BLOCK.search(text[max(0, o.start - 20) : o.start])]
    if subjects:
        if any(_JOINT.fullmatch(text[o.end : subjects[-1].start]) for o in subjects[:-1]):
            return None  # "Hyundai and Kia combined sold 125,000": a joint figure, neither company's own
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
    if _PASSIVE.search(text) and any(
        p.kind in ("country", "region") and p.value != "overseas" for p in view.places
    ):
        return None  # "In Germany 328,957 electric cars were newly registered": the market's total, nobody's sales
    if discourse.topic is not None and _is_non_seller(discourse.topic, kb):
        return None  # "According to the KBA … Plug-in hybrids came to 26,170": the body counts, it does not sell
    return discourse.topic


def _is_non_seller(org: OrgRef, kb: KnowledgeBase) -> bool:
    """Authorities, associations and investors report or fund sales; they do not make them."""
    bodies = _lexicon()["market_bodies"]
    assert isinstance(bodies, dict)
    if org.name in bodies:
        return True
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
    figures = [q for q in view.quantities if q is not quantity and _is_vehicle_count(q, view.text)]
    periods = [
        p
        for p in view.periods
        if p.value
        and not getattr(p, "comparison", False)
        and not (p.value == "cumulative" and _figure_between(figures, quantity, p.start))
    ]
    seg_start, seg_end = _segment(view.text, quantity, clause_start, clause_end)
    cumulative = _CUMULATIVE_SEGMENT.search(view.text, seg_start, seg_end)
    if cumulative and _figure_between(figures, quantity, cumulative.start()):
        cumulative = None  # "handed over 29,927 cars and said its cumulative deliveries passed 1.16 million"
    if cumulative:
        # "2024 January to November, BYD cumulative sales 3.7 million": a total over a span stated before it
        # (machine-translated Chinese reports say "cumulative" for year-to-date) is over that span.
        claimed = [_segment(view.text, q, clause_start, clause_end) for q in figures]
        # A month range or quarter may also follow in the figure's own segment ("cumulative sales from
        # January to May reached 1.17 million"); a bare year there usually dates a launch ("since launch in 2021").
        stated = [
            p
            for p in periods
            if (
                (clause_start <= p.start and p.end <= cumulative.start() and _SPAN_VALUE.search(str(p.value)))
                or (seg_start <= p.start and p.end <= seg_end and _RANGE_VALUE.search(str(p.value)))
            )
            and cumulative.group(0).lower().startswith(("cumul", "accumul"))
            and not any(a <= p.start < b for a, b in claimed)
            and not _SINCE_BEFORE.search(view.text[max(0, p.start - 12) : p.start])
        ]
        return str(stated[-1].value) if stated else "cumulative"
    if _HELD_ORDERS.search(view.text[max(clause_start, quantity.start - 40) : quantity.end + 40]):
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
        claimed = [_segment(view.text, q, clause_start, clause_end) for q in others]
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
    spans = [_segment(view.text, q, *clause_bounds(view.text, q.start)) for q in figures]
    for running in _CUMULATIVE.finditer(view.text):
        if not _figure_between(figures, quantity, running.start()) and not any(
            a <= running.start() < b for a, b in spans
        ):
            return "cumulative"
    return discourse.period


# Periods that span several months: a year, a half, a quarter or a range of months.
_SPAN_VALUE = re.compile(r"^(?:\d{4}-)?(?:Q[1-4]|H[12])$|^\d{4}$|/")
_RANGE_VALUE = re.compile(r"^(?:\d{4}-)?(?:Q[1-4]|H[12])$|/")
_SINCE_BEFORE = re.compile(r"\b(?:since|by|until|till|through|as\s+of)\s+$", re.I)

# A period that dates another event ("the brand it launched in September"), not the figure.
_OTHER_EVENT = re.compile(
    r"\b(?:launched|founded|introduced|unveiled|announced|established|set\s+up|created|opened|started|began|since)\s+(?:\w+\s+)?$",
    re.I,
)


# a comma between digits is a thousands separator ("171,935"), not a break; "and said …" opens a new statement
_SEGMENT_BREAK = re.compile(
    r"(?<!\d),|,(?!\d)|\s[–—-]\s|\(|\)|\s+and\s+(?=(?:said|says|added|adds|reported|reports|noted|announced)\b)"
)


def _segment(text: str, quantity: Quantity, clause_start: int, clause_end: int) -> tuple[int, int]:
    """The comma-delimited stretch of the clause that holds a figure."""
    start, end = clause_start, clause_end
    for match in _SEGMENT_BREAK.finditer(text, clause_start, clause_end):
        if match.end() <= quantity.start:
            start = match.end()
        elif match.start() >= quantity.end:
            end = match.start()
            break
    return start, end


def _shift_year(period: str | None) -> str | None:
    if not period or not period[:4].isdigit():
        return None
    return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), period)


def _powertrain(
    view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int, org: str, discourse: Discourse
) -> str:
    """The drive type of a figure: named in its segment, named in the clause for no other figure, else the maker's."""
    text = view.text
    spans = [*parenthetical_spans(text, view.orgs), *((m.start(), m.end()) for m in _DASH_ASIDE.finditer(text))]
    asides = [(a, b) for a, b in spans if not (a <= quantity.start < b)]
    candidates = [p for p in view.powertrains if not any(a <= p.start < b for a, b in asides)]
    seg_start, seg_end = _segment(text, quantity, clause_start, clause_end)
    own = [p for p in candidates if seg_start <= p.start and p.end <= seg_end]
    others = [q for q in view.quantities if q is not quantity and _is_vehicle_count(q, text)]
    if own:
        figures = sorted([quantity, *(q for q in others if seg_start <= q.start and q.end <= seg_end)], key=_start)
        paired = _paired(own, figures, quantity)
        if paired is None and len(figures) == 1 and _lumped(text, own, quantity):
            return "xEV"
        return str((paired or _require(_nearest(own, quantity, seg_start, seg_end))).value)
    claimed = [_segment(text, q, clause_start, clause_end) for q in others]
    free = [
        p
        for p in candidates
        if clause_start <= p.start
        and p.end <= clause_end
        and not any(a <= p.start < b for a, b in claimed)
        and not _figure_between(others, quantity, p.start)
        and not _is_share(view, p, quantity)
    ]
    if _lumped(text, free, quantity):
        return "xEV"
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


def _is_share(view: SentenceView, word: Powertrain, quantity: Quantity) -> bool:
    """Whether a drive-type word after a figure states a share of it ("…, of which 23% were fully electric",
    "with EVs contributing close to 70 per cent"): the figure itself covers every drive type."""
    if word.start < quantity.end:
        return False
    window = (max(quantity.end, word.start - 40), word.end + 80)
    return any(window[0] <= p.start < window[1] for p in view.percentages)


def _lumped(text: str, words: list[Powertrain], quantity: Quantity) -> bool:
    """Several drive types named before one figure count together ("eco-friendly cars, including hybrids, EVs
    and hydrogen cars, came to 20,154", "battery-electric and plug-in hybrid deliveries reached 98,000")."""
    if len({w.value for w in words}) < 2 or any(w.end > quantity.start for w in words):
        return False
    ordered = sorted(words, key=_start)
    # "plug-in hybrid EVs": words written next to each other name one drive type, not a list of them
    return not any(re.fullmatch(r"[\s-]*", text[a.end : b.start]) for a, b in pairwise(ordered))


def _figure_between(figures: list[Quantity], quantity: Quantity, position: int) -> bool:
    """Whether another figure stands between a figure and a word after it at `position`: the word belongs to
    that one ("61,134 units, including 9,286 electric vehicles — its best EV month"). A word before the figures
    frames them all ("in pure electric cars, Tesla with 1.81 million, BYD with 1.57 million")."""
    return any(quantity.start < q.start < position for q in figures)


# "Toyota with 10,420 — its figure includes hybrids — Volvo with 8,134": a remark between dashes.
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–]*?\s[—–]\s")


def _start(item: _Span) -> int:
    return item.start


def _paired(words: list[SpanT], figures: list[Quantity], quantity: Quantity) -> SpanT | None:
    """In a list of figures that each name their drive type ("BEVs were 126,406 and plug-in hybrids 171,935",
    "126,406 BEVs and 171,935 PHEVs") the n-th word goes with the n-th figure, whichever comes first."""
    if len(figures) < 2 or len(words) != len(figures):
        return None
    words = sorted(words, key=_start)
    spans = [(w.start, f.start) for w, f in zip(words, figures, strict=True)]
    word_first = all(a < b for a, b in spans) and all(
        f.start < w.start for f, w in zip(figures, words[1:], strict=False)
    )
    figure_first = all(f.start < w.start for f, w in zip(figures, words, strict=True)) and all(
        w.start < f.start for w, f in zip(words, figures[1:], strict=False)
    )
    if not (word_first or figure_first):
        return None
    return words[figures.index(quantity)]


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
    seg_start, seg_end = _segment(text, quantity, clause_start, clause_end)
    if _WORLDWIDE.search(text[seg_start:seg_end]):
        return None
    markets = [
        p
        for p in view.places
        if p.kind in ("country", "region")
        and not (org.start <= p.start and p.end <= org.end)
        and not _is_descriptor_place(text, p.start, p.end)
        and not (
            _INCLUDED_PLACE.search(text[max(0, p.start - 14) : p.start])
            and not _OWN_FIGURE_AFTER.match(text, p.end)  # "Including exports of 42,204 units"
        )
    ]
    own = [p for p in markets if seg_start <= p.start and p.end <= seg_end]
    opener = [
        p for p in markets if _OPENER.match(text[clause_start : p.start]) or _OPENER.match(text[: p.start])
    ]
    chosen = _nearest(own, quantity, seg_start, seg_end) or (opener[-1] if opener else None)
    if chosen is not None:
        return str(chosen.value)
    there = _THERE.search(text, seg_start, seg_end)
    earlier = [p for p in markets if there and p.end <= there.start()]
    if earlier:
        return str(earlier[-1].value)  # "China remained its largest market, although deliveries there fell to N"
    if _EXPORTED.search(text, seg_start, seg_end):
        return "overseas"  # "of which 71,000 were exported", "Chery exported 1.14 million vehicles"
    if _DOMESTIC.search(text[seg_start:seg_end]):
        entity = kb.resolve(org.name)
        if entity and entity.country:
            return "US" if entity.country in ("United States", "USA") else entity.country
    if markets:
        return None  # the sentence names places, just not for this figure
    return discourse.market


# "In the United States, …", "Across Europe …": a place that frames the whole clause.
_OPENER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:in|across|within|throughout|for)\s+(?:the\s+)?$", re.I)


_THERE = re.compile(r"\b(?:sales|deliveries|registrations|volumes?)\s+there\b|\bthere\s+(?:fell|rose|dropped|climbed|grew)\b", re.I)
_EXPORTED = re.compile(r"\b(?:exported|exporting)\b", re.I)
# "sold 8,310 units including exports": the figure is a total that merely includes another market.
_INCLUDED_PLACE = re.compile(r"\b(?:including|incl\.|plus)\s+$", re.I)
_OWN_FIGURE_AFTER = re.compile(r"\s+(?:of|at|were|was|totall?ing|reaching)\s+(?:about\s+|around\s+|some\s+)?\d", re.I)


def _is_descriptor_place(text: str, start: int, end: int) -> bool:
    """ "the Stuttgart-based", "China's Geely", "Chinese-made": a place that describes, not a market."""
    after = text[end : end + 12]
    return bool(re.match(r"(?:-based|-made|-built|-listed|'s\b|’s\b|-owned)", after))


def _metric(text: str, quantity: Quantity, clause_start: int, clause_end: int) -> str | None:
    """The metric word nearest to a figure in its clause, or None when the clause has none."""
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
    return best[1] if best else None
