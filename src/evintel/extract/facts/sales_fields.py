"""The fields of a sales figure, read around it in its sentence: its period, drive type, market and metric.

Also what counts as a vehicle figure at all, and the sales lexicon both the rule and these readers use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Protocol, TypeVar

from evintel.extract.context import Discourse, OrgRef, SentenceView, clause_bounds, sentence_asides
from evintel.extract.cues import may_match
from evintel.extract.lexicon import load_lexicon, phrase_pattern
from evintel.extract.numbers import Quantity
from evintel.extract.places import Place
from evintel.extract.powertrains import Powertrain
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


_WORLDWIDE = re.compile(r"\b(?:worldwide|globally|global|world-wide|around the world)\b", re.IGNORECASE)


_DOMESTIC = re.compile(
    r"\b(?:in\s+the\s+domestic\s+market|domestic\s+(?:sales|deliveries|market)|home\s+market|at\s+home)\b",
    re.IGNORECASE,
)


_MIN_VEHICLES = 10
_VERB_AFTER_NAME = re.compile(r"\s+(?:will|would|is|was|has|had|can|could|shall|should|must|may|might|gets|got)\b")
# No maker has sold this many vehicles even in total: a larger figure is money or capacity ("three billion US-Dollar")
_MAX_VEHICLES = 100_000_000


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


T = TypeVar("T")


def _require(item: T | None) -> T:
    assert item is not None  # callers pass non-empty candidate lists
    return item


_FIRST_WORD = re.compile(r"[\s-]*([a-z%€$£¥][a-z%€$£¥-]*)")
_SECOND_WORD = re.compile(r"\s+[\w%€$£¥-]+\s+([a-z][a-z-]*)")
_CURRENCY_BEFORE = re.compile(r"[$€£¥₹#]\s*$")
_MODEL_BEFORE = re.compile(r"(?<=\s)[A-Za-z]*[A-Z][\w-]*\s+$")


def _is_vehicle_count(quantity: Quantity, text: str) -> bool:
    lex = _lexicon()
    if quantity.value < _MIN_VEHICLES or quantity.value > _MAX_VEHICLES or quantity.unit == "percent":
        return False
    unit = (quantity.unit or "").lower()
    non_vehicle = lex["non_vehicle_units"]
    assert isinstance(non_vehicle, frozenset)
    if unit and unit in non_vehicle:
        return False
    after = text[quantity.end : quantity.end + 40]
    if not quantity.unit and _VERB_AFTER_NAME.match(after):
        return False  # "the hybrid 500 will be in production": a bare number followed by a verb is a model name
    first_word = _FIRST_WORD.match(after.lower())
    if first_word and first_word.group(1) in non_vehicle:
        return False
    if first_word and after.startswith("-") and f"{first_word.group(1)}s" in non_vehicle:
        return False  # "a 45-hectare site", "a 30-year lease": the singular of a unit in a compound adjective
    # "13 European countries", "20 Chinese brands": a non-vehicle noun after one describing word; only a
    # lower-case one ("7,239 Tata Motors cars" names a maker)
    second_word = _SECOND_WORD.match(after)
    if (
        second_word
        and not quantity.unit
        and second_word.group(1) in non_vehicle
        and second_word.group(1) not in ("per", "year", "years", "percent")
    ):
        return False
    before = text[max(0, quantity.start - 3) : quantity.start]
    if _CURRENCY_BEFORE.search(before):
        return False
    if _is_share_ratio(quantity, text) or _WEEKDAY_DATE.search(text, max(0, quantity.start - 14), quantity.start):
        return False
    # "eActros 600", "Peugeot 208": a model number, not a count.
    model = _MODEL_BEFORE.search(text[max(0, quantity.start - 25) : quantity.start])
    if model and model.group(0).strip().lower() in _NOT_MODEL_WORDS:
        model = None
    if model and "," not in quantity.text and "." not in quantity.text:
        # A number glued to a capitalised name is a model code unless it clearly counts vehicles ("BMW 2792 cars" is rare).
        return quantity.value >= 1000 and bool(quantity.unit)
    return True


# "this Friday (15)": the day of the month in brackets after a weekday (translated Portuguese/Spanish news)
_WEEKDAY_DATE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*\($", re.I)
_RATIO_AFTER = re.compile(r"\s*[-:/–]\s*(\d{1,3})\b")
_RATIO_BEFORE = re.compile(r"\b(\d{1,3})\s*[-:/–]\s*$")


def _is_share_ratio(quantity: Quantity, text: str) -> bool:
    """ "a 50-50 joint venture", "owned 60:40": shares that add up to 100, not a count."""
    after = _RATIO_AFTER.match(text, quantity.end)
    before = _RATIO_BEFORE.search(text[max(0, quantity.start - 6) : quantity.start])
    other = after or before
    if quantity.range_end is not None:  # read as a range "50-50"
        return quantity.value + quantity.range_end == 100 and quantity.value <= 100
    return other is not None and quantity.value + float(other.group(1)) == 100


def _vehicle_counts(view: SentenceView) -> list[Quantity]:
    """The sentence's figures that count vehicles (kept on the view: every figure asks for the others)."""
    known = view.notes.get("vehicle_counts")
    if known is None:
        known = view.notes["vehicle_counts"] = [q for q in view.quantities if _is_vehicle_count(q, view.text)]
    assert isinstance(known, list)
    return known


_YEAR_AGO = re.compile(r"\byear\s+(?:earlier|ago|before)|previous\s+year|prior\s+year|last\s+year|year-ago", re.I)


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
    figures = [q for q in _vehicle_counts(view) if q is not quantity]
    periods = [
        p
        for p in view.periods
        if p.value
        and not getattr(p, "comparison", False)
        and not (p.value == "cumulative" and _figure_between(figures, quantity, p.start))
    ]
    seg_start, seg_end = _segment(view, quantity, clause_start, clause_end)
    cumulative = (
        _CUMULATIVE_SEGMENT.search(view.text, seg_start, seg_end) if may_match(_CUMULATIVE_SEGMENT, view) else None
    )
    if cumulative and _figure_between(figures, quantity, cumulative.start()):
        cumulative = None  # "handed over 29,927 cars and said its cumulative deliveries passed 1.16 million"
    if cumulative:
        # "2024 January to November, BYD cumulative sales 3.7 million": a total over a span stated before it
        # (machine-translated Chinese reports say "cumulative" for year-to-date) is over that span.
        claimed = [_segment(view, q, clause_start, clause_end) for q in figures]
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
    if may_match(_HELD_ORDERS, view) and _HELD_ORDERS.search(
        view.text[max(clause_start, quantity.start - 40) : quantity.end + 40]
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
        base = (
            next((p.value for p in periods if clause_start <= p.start < clause_end), None)
            or next((p.value for p in periods if p.end <= quantity.start), None)  # "…, while down from X a year ago"
            or discourse.period
        )
        return _shift_year(base)
    if periods:
        claimed = [_segment(view, q, clause_start, clause_end) for q in figures]
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
    if not may_match(_CUMULATIVE, view):
        return discourse.period
    spans = [_segment(view, q, *clause_bounds(view.text, q.start)) for q in figures]
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


# a comma between digits is a thousands separator ("171,935"), not a break; "but"/"while" start a new stretch
# ("down from 419,426 a year ago but up from 373,626 in August") and "and said …" a new statement
_SEGMENT_BREAK = re.compile(
    r"(?<!\d),|,(?!\d)|\s[–—-]\s|\(|\)|\s(?:but|while|whereas)\s"
    r"|\s+and\s+(?=(?:said|says|added|adds|reported|reports|noted|announced)\b)"
)


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
    spans = [*sentence_asides(view), *_dash_asides(view)]
    asides = [(a, b) for a, b in spans if not (a <= quantity.start < b)]
    candidates = [p for p in view.powertrains if not any(a <= p.start < b for a, b in asides)]
    seg_start, seg_end = _segment(view, quantity, clause_start, clause_end)
    own = [p for p in candidates if seg_start <= p.start and p.end <= seg_end]
    others = [q for q in _vehicle_counts(view) if q is not quantity]
    if own:
        figures = sorted([quantity, *(q for q in others if seg_start <= q.start and q.end <= seg_end)], key=_start)
        paired = _paired(own, figures, quantity)
        if paired is None and len(figures) == 1 and _lumped(text, own, quantity):
            return "xEV"
        return str((paired or _require(_nearest(own, quantity, seg_start, seg_end))).value)
    claimed = [_segment(view, q, clause_start, clause_end) for q in others]
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
    return not any(_JOINED.fullmatch(text[a.end : b.start]) for a, b in pairwise(ordered))


_JOINED = re.compile(r"[\s-]*")


def _figure_between(figures: list[Quantity], quantity: Quantity, position: int) -> bool:
    """Whether another figure stands between a figure and a word after it at `position`: the word belongs to
    that one ("61,134 units, including 9,286 electric vehicles — its best EV month"). A word before the figures
    frames them all ("in pure electric cars, Tesla with 1.81 million, BYD with 1.57 million")."""
    return any(quantity.start < q.start < position for q in figures)


# "Toyota with 10,420 — its figure includes hybrids — Volvo with 8,134": a remark between dashes.
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–]*?\s[—–]\s")


def _dash_asides(view: SentenceView) -> list[tuple[int, int]]:
    """The spans of the sentence's remarks between dashes (kept on the view)."""
    known = view.notes.get("dash_asides")
    if known is None:
        known = view.notes["dash_asides"] = [m.span() for m in _DASH_ASIDE.finditer(view.text)]
    assert isinstance(known, list)
    return known


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
    seg_start, seg_end = _segment(view, quantity, clause_start, clause_end)
    if may_match(_WORLDWIDE, view) and _WORLDWIDE.search(text[seg_start:seg_end]):
        return None
    markets = [p for p in _market_places(view) if not (org.start <= p.start and p.end <= org.end)]
    own = [p for p in markets if seg_start <= p.start and p.end <= seg_end]
    opener = [
        p
        for p in markets
        if _OPENER.match(text[clause_start : p.start])
        or _OPENER.match(text[: p.start])
        or _MARKET_RANK_AFTER.match(text, p.end)
    ]
    chosen = _nearest(own, quantity, seg_start, seg_end) or (opener[-1] if opener else None) or _where_place(
        text, markets, quantity
    )
    if chosen is not None:
        return str(chosen.value)
    there = _THERE.search(text, seg_start, seg_end) if may_match(_THERE, view) else None
    earlier = [p for p in markets if there and p.end <= there.start()]
    if earlier:
        return str(earlier[-1].value)  # "China remained its largest market, although deliveries there fell to N"
    if may_match(_EXPORTED, view) and _EXPORTED.search(text, seg_start, seg_end):
        return "overseas"  # "of which 71,000 were exported", "Chery exported 1.14 million vehicles"
    if may_match(_DOMESTIC, view) and _DOMESTIC.search(text[seg_start:seg_end]):
        entity = kb.resolve(org.name)
        if entity and entity.country:
            return "US" if entity.country in ("United States", "USA") else entity.country
    if markets:
        return None  # the sentence names places, just not for this figure
    return discourse.market


# "The largest market remains Germany, where Škoda sold 104,900 cars": the place the relative clause is about
_WHERE_AFTER = re.compile(r"\s*,?\s+where\b[^.;,]*$")


def _where_place(text: str, markets: list[Place], quantity: Quantity) -> Place | None:
    """The place right before ", where …" when the figure sits in that relative clause."""
    for place in reversed(markets):
        if place.end <= quantity.start and _WHERE_AFTER.match(text[place.end : quantity.start]):
            return place
    return None


def _market_places(view: SentenceView) -> list[Place]:
    """The countries and regions of a sentence that may be markets (kept on the view: every figure asks)."""
    known = view.notes.get("market_places")
    if known is None:
        text = view.text
        known = view.notes["market_places"] = [
            p
            for p in view.places
            if p.kind in ("country", "region")
            and not _is_descriptor_place(text, p.start, p.end)
            and not (
                _INCLUDED_PLACE.search(text[max(0, p.start - 14) : p.start])
                and not _OWN_FIGURE_AFTER.match(text, p.end)  # "Including exports of 42,204 units"
            )
        ]
    assert isinstance(known, list)
    return known


# "In the United States, …", "Across Europe …": a place that frames the whole clause.
_OPENER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:in|across|within|throughout|for)\s+(?:the\s+)?$", re.I)


_THERE = re.compile(r"\b(?:sales|deliveries|registrations|volumes?)\s+there\b|\bthere\s+(?:fell|rose|dropped|climbed|grew)\b", re.I)


_EXPORTED = re.compile(r"\b(?:exported|exporting)\b", re.I)


# "sold 8,310 units including exports": the figure is a total that merely includes another market.
_INCLUDED_PLACE = re.compile(r"\b(?:including|incl\.|plus)\s+$", re.I)


_OWN_FIGURE_AFTER = re.compile(r"\s+(?:of|at|were|was|totall?ing|reaching)\s+(?:about\s+|around\s+|some\s+)?\d", re.I)


_DESCRIPTOR_AFTER = re.compile(r"(?:-based|-made|-built|-listed|'s\b|’s\b|-owned)")


def _is_descriptor_place(text: str, start: int, end: int) -> bool:
    """ "the Stuttgart-based", "China's Geely", "Chinese-made": a place that describes, not a market."""
    after = text[end : end + 12]
    return bool(_DESCRIPTOR_AFTER.match(after)) and not _MARKET_RANK_AFTER.match(text, end)


# "Thailand's best-selling EV brand": the possessive names the market a maker leads, not where it is from.
_MARKET_RANK_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:best-selling|top-selling|biggest-selling|best\s+selling|most\s+popular)\b", re.I
)


def _metric(view: SentenceView, quantity: Quantity, clause_start: int, clause_end: int) -> str | None:
    """The metric word nearest to a figure in its clause, or None when the clause has none."""
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
    return best[1] if best else None
