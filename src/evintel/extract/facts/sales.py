"""Sales facts: who sold, delivered, registered, produced or booked how many vehicles, when and where."""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.context import (
    Discourse,
    OrgRef,
    SentenceView,
    clause_bounds,
    is_object,
    subject_candidates,
)
from evintel.extract.cues import may_match
from evintel.extract.facts.sales_fields import (
    _is_vehicle_count,
    _lexicon,
    _market,
    _metric,
    _period,
    _powertrain,
    _segment,
)
from evintel.extract.lexicon import load_lexicon
from evintel.extract.modality import confidence_for
from evintel.extract.numbers import Quantity
from evintel.extract.template import Gate, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

_CARRY_OVER = re.compile(
    r"\b(?:of (?:these|those|them|which|the total)|accounted for|made up|were|was|came\s+(?:only\s+|just\s+|in\s+)?(?:to|at|on)|totall?ed|"
    r"reached|rose to|fell to|dropped to|climbed to|amounted to|including|included|includes|include|with|followed)\b",
    re.IGNORECASE,
)
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:put|puts|pegged|pegs|estimated|estimates|reckons|sees|saw)\b[^.;]{0,80}?\bat\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    re.I,
)
_MARKET_LEVEL = re.compile(
    r"\b(?:according to|data from|figures from|industry figures|industry data|the market|overall market|nationwide|"
    r"across the|market share|segment|registrations of new|new registrations of)\b"
    # "Total BEV registrations in the country fell …", "Overall, 99,187 new vehicles were sold in August"
    r"|\bin\s+the\s+(?:whole\s+|entire\s+)?country\b|\b(?:total|overall)\s+(?:[A-Z]{2,5}\s+|new\s+|car\s+|vehicle\s+){0,2}registrations\b"
    r"|\bnew\s+(?:vehicles|cars|passenger\s+cars|light\s+vehicles)\s+(?:were|have\s+been)\s+(?:sold|registered)\b",
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
    has_cue = _metric_gate().admits(view) and may_match(any_metric, view) and bool(any_metric.search(text))
    header = _list_header(view)
    carried = not has_cue and (
        (
            _recent_sales(view)
            and ((may_match(_CARRY_OVER, view) and bool(_CARRY_OVER.search(text))) or _bracketed_list(view))
        )
        or header is not None
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
            "metric": _metric(view, quantity, start, clause_end) or _carried_metric(view),
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
            cued = may_match(any_metric, previous) and any_metric.search(previous.text)
            return previous if cued else None  # "Sales in India in October:"
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
    metric = _metric(header, Quantity(len(text), len(text), "", 0.0), 0, len(text))
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
    seg_start, _ = _segment(view, quantity, 0, len(view.text))
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


def _is_not_actual(view: SentenceView, clause_start: int, quantity: Quantity) -> bool:
    not_actual = _lexicon()["not_actual"]
    assert isinstance(not_actual, re.Pattern)
    text = view.text
    # "Analysts had expected 443,000, and the result compares with 384,122": a new statement after ", and the …"
    for joint in _NEW_STATEMENT.finditer(text, clause_start, quantity.start):
        clause_start = joint.end()
    window = text[clause_start : min(len(text), quantity.end + 30)]
    for match in not_actual.finditer(window) if may_match(not_actual, view) else ():
        if _COMPARISON_AFTER.match(window, match.end()):
            continue  # "a year earlier" compares; "80,000 a year" is a capacity
        if _PRICE_CONTEXT.match(window, match.end()) and match.group(0).lower().startswith("price"):
            continue  # "as a price war intensified": the market's conditions, not the figure's price
        return True
    if may_match(_THIRD_PARTY, view) and _THIRD_PARTY.search(text, quantity.end):
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


