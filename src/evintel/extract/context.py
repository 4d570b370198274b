"""Per-sentence view for the fact rules: the sentence's organisations, figures, periods, places, modality.

Every offset in a SentenceView is relative to the sentence text; `evidence()` maps back to the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter

from evintel.extract.cues import may_match, may_match_text
from evintel.extract.document import Document, Sentence
from evintel.extract.modality import Modality, find_modality, modality_patterns
from evintel.extract.money import Money, find_money
from evintel.extract.numbers import Quantity, find_percentages, find_quantities
from evintel.extract.periods import Period, find_periods
from evintel.extract.places import Place, find_places
from evintel.extract.powertrains import Powertrain, find_powertrains
from evintel.models import Evidence, Mention
from evintel.resolve.kb import KnowledgeBase


@dataclass(frozen=True, slots=True)
class OrgRef:
    """An organisation mention inside one sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    names: tuple[str, ...]  # one canonical name, or several for "both companies"
    via: str

    @property
    def name(self) -> str:
        """The first (usually only) canonical name referred to."""
        return self.names[0]

    @property
    def plural(self) -> bool:
        """True for references to several organisations ("the two companies")."""
        return len(self.names) > 1


_UNSET: object = object()


class SentenceView:
    """Everything the fact rules need to know about one sentence.

    The figures, periods, places and modality are found on first use and then kept: most sentences
    interest only one or two rules, so finding everything eagerly cost more than all the rules together.
    Passing a value to the constructor sets it instead.
    """

    __slots__ = (
        "doc",
        "sentence",
        "text",
        "orgs",
        "previous",
        "notes",
        "cue_words",
        "cue_generation",
        "_quantities",
        "_money",
        "_percentages",
        "_periods",
        "_powertrains",
        "_places",
        "_modality",
    )

    def __init__(
        self,
        doc: Document,
        sentence: Sentence,
        orgs: list[OrgRef],
        quantities: list[Quantity] | object = _UNSET,
        money: list[Money] | object = _UNSET,
        percentages: list[Quantity] | object = _UNSET,
        periods: list[Period] | object = _UNSET,
        powertrains: list[Powertrain] | object = _UNSET,
        places: list[Place] | object = _UNSET,
        modality: Modality | object = _UNSET,
        previous: SentenceView | None = None,
        notes: dict[str, object] | None = None,
    ) -> None:
        self.doc = doc
        self.sentence = sentence
        # The sentence text with line breaks read as spaces (the evidence keeps them); read by every rule
        # many times, so a plain attribute.
        self.text = sentence.flat
        self.orgs = orgs
        self.previous = previous
        self.notes: dict[str, object] = {} if notes is None else notes
        # The registered cue words in the sentence (cues.words_in), read at cue_generation (-1: not yet).
        self.cue_words: frozenset[str] = frozenset()
        self.cue_generation = -1
        self._quantities = quantities
        self._money = money
        self._percentages = percentages
        self._periods = periods
        self._powertrains = powertrains
        self._places = places
        self._modality = modality

    @property
    def quantities(self) -> list[Quantity]:
        """Figures of the sentence that are not part of a money amount."""
        if self._quantities is _UNSET:
            money = self.money
            self._quantities = [
                q for q in find_quantities(self.text) if not _inside_any(q.start, q.end, money)
            ]
        return self._quantities  # type: ignore[return-value]

    @property
    def money(self) -> list[Money]:
        """Money amounts of the sentence."""
        if self._money is _UNSET:
            self._money = find_money(self.text)
        return self._money  # type: ignore[return-value]

    @property
    def percentages(self) -> list[Quantity]:
        """Percentages of the sentence."""
        if self._percentages is _UNSET:
            self._percentages = find_percentages(self.text)
        return self._percentages  # type: ignore[return-value]

    @property
    def periods(self) -> list[Period]:
        """Periods of the sentence, resolved against the article date."""
        if self._periods is _UNSET:
            self._periods = find_periods(self.text, self.doc.reference)
        return self._periods  # type: ignore[return-value]

    @property
    def powertrains(self) -> list[Powertrain]:
        """Powertrain words of the sentence."""
        if self._powertrains is _UNSET:
            self._powertrains = find_powertrains(self.text)
        return self._powertrains  # type: ignore[return-value]

    @property
    def places(self) -> list[Place]:
        """Places named in the sentence."""
        if self._places is _UNSET:
            self._places = find_places(self.text)
        return self._places  # type: ignore[return-value]

    @property
    def modality(self) -> Modality:
        """The modality of the sentence."""
        if self._modality is _UNSET:
            # Most sentences have no cue at all: the cue index says which patterns need to run.
            values = tuple([v for v, p in modality_patterns().items() if may_match(p, self)])
            self._modality = find_modality(self.text, values) if values else Modality("asserted")
        return self._modality  # type: ignore[return-value]

    @property
    def offset(self) -> int:
        """Where the sentence starts in the article text."""
        return self.sentence.start

    def evidence(self) -> Evidence:
        """The sentence as evidence, with offsets into the article text."""
        return Evidence(self.sentence.text, self.sentence.start, self.sentence.end)

    def orgs_between(self, start: int, end: int) -> list[OrgRef]:
        """Organisation mentions that lie inside [start, end)."""
        return [o for o in self.orgs if o.start >= start and o.end <= end]


# The only characters that IGNORECASE matching equates with an ASCII letter but str.lower() does not map
# to it: with these replaced, "word in folded" holds wherever a case-insensitive regex finds the word.
_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def folded_text(view: SentenceView) -> str:
    """The sentence case-folded for quick word checks before case-insensitive patterns (cached)."""
    cached = view.notes.get("folded")
    if isinstance(cached, str):
        return cached
    text = view.text
    folded = text.lower() if text.isascii() else text.translate(_FOLDS).lower()
    view.notes["folded"] = folded
    return folded


def person_refs(view: SentenceView) -> list[OrgRef]:
    """The sentence's owner and investor persons (Document.persons) as OrgRefs with via="person" (cached)."""
    cached = view.notes.get("person_refs")
    if isinstance(cached, list):
        return cached
    refs = _org_refs(view.doc.persons_in(view.sentence), view.sentence)
    view.notes["person_refs"] = refs
    return refs


def _org_refs(mentions: list[Mention], sentence: Sentence) -> list[OrgRef]:
    refs: list[OrgRef] = []
    offset = sentence.start
    for mention in mentions:
        if mention.members:
            names = tuple(filter(None, mention.members))
        elif mention.entity:
            names = (mention.entity,)
        else:
            continue
        if names:
            refs.append(
                OrgRef(mention.start - offset, mention.end - offset, mention.text, names, mention.via)
            )
    refs.sort(key=_START)
    return refs


_START = attrgetter("start")


def build_views(doc: Document, kb: KnowledgeBase) -> list[SentenceView]:
    """A SentenceView for every non-boilerplate sentence of a document, linked to its predecessor."""
    views: list[SentenceView] = []
    previous: SentenceView | None = None
    mentions = doc.mentions
    starts = [m.start for m in mentions]
    # Mentions come sorted by start (see annotate): each sentence's lie in one slice, found by bisection
    # instead of a scan of every mention per sentence.
    ordered = starts == sorted(starts)
    for sentence in doc.sentences:
        if sentence.boilerplate or not sentence.text.strip():
            continue
        if ordered:
            window = mentions[bisect_left(starts, sentence.start) : bisect_right(starts, sentence.end)]
            inside = [m for m in window if m.end <= sentence.end]
        else:
            inside = doc.mentions_in(sentence)
        view = SentenceView(
            doc=doc,
            sentence=sentence,
            orgs=_org_refs(inside, sentence),
            previous=previous,
        )
        views.append(view)
        previous = view
    return views


def _inside_any(start: int, end: int, spans: list[Money]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


CLAUSE_BREAK = re.compile(
    r";|(?<!\d):(?!\d)|,\s+(?:while|whereas|but|although|and\s+(?=[A-Z]))|\s+while\s+|\s+whereas\s+"
)


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The clause around a position, cut at semicolons, colons and contrastive conjunctions."""
    start, end = 0, len(text)
    for break_start, break_end in _clause_breaks(text):
        if break_end <= position:
            start = break_end
        elif break_start >= position:
            end = break_start
            break
    return start, end


@lru_cache(maxsize=64)
def _clause_breaks(text: str) -> tuple[tuple[int, int], ...]:
    # Cached: every rule asks for the clauses of the same sentence, often several times.
    if not may_match_text(CLAUSE_BREAK, text):
        return ()  # most sentences are one clause; the full pattern is slow to try at every offset
    return tuple(m.span() for m in CLAUSE_BREAK.finditer(text))


@dataclass(slots=True)
class Discourse:
    """What earlier sentences established: the organisation in focus and the period being reported."""

    topic: OrgRef | None = None
    _period: str | None = None
    # Sentences read since the period was last set, newest last: one of them may name a newer period.
    # Their periods are found only when the period is asked for, which for most sentences is never.
    _pending: list[SentenceView] = field(default_factory=list)
    paragraph: int = -1
    counts: dict[str, int] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)
    market: str | None = None  # a market the article frames its figures in ("India's EV market …")
    article_period: str | None = None  # the first reported period: new paragraphs fall back to it
    ev_makers: set[str] = field(default_factory=set)  # described as electric-only ("the electric carmaker X")

    @property
    def period(self) -> str | None:
        """The period being reported: the first main period of the latest sentence that names one."""
        while self._pending:
            view = self._pending.pop()
            if _FORWARD.search(view.text):
                continue  # "has set a goal of doubling deliveries in 2025": a plan, not the period reported
            main_periods = [
                p
                for p in view.periods
                if p.value and not getattr(p, "comparison", False) and not _ALONE.match(view.text, p.end)
            ]
            if main_periods:
                self._period = main_periods[0].value
                self._pending.clear()
        return self._period

    @period.setter
    def period(self, value: str | None) -> None:
        self._period = value
        self._pending.clear()

    def main_entity(self) -> str | None:
        """The organisation the article is mostly about so far: most mentioned, earliest first on ties."""
        if not self.counts:
            return None
        return min(self.counts, key=lambda n: (-self.counts[n], self.first_seen[n]))

    def frame_market(self, text: str, places: list[Place] | None = None) -> None:
        """Take the market that a title or sentence frames ("In Germany, …", "India's electric car market");
        `places`: those of the text, when already found."""
        for place in find_places(text) if places is None else places:
            if place.kind not in ("country", "region") or place.value == "overseas":
                continue
            if (
                _MARKET_FRAME.match(text[: place.start])
                or _MARKET_NOUN.match(text[place.end : place.end + 60])
                or _OUTSOLD_IN.search(text[max(0, place.start - 60) : place.start])
                or (not text[: place.start].strip() and text[place.end : place.end + 1] == ":")
            ):  # "In Germany, …", "India's EV market", "Norway registered …", a headline "Norway: …"
                self.market = place.value
                return

    def frame_period(self, title: str, reference: date | None) -> None:
        """Take the period a headline names ("Tesla Q3 deliveries beat estimates") as the article's period,
        unless the headline announces a plan ("BYD to double exports in 2026")."""
        if _FORWARD.search(title) or _HEADLINE_PLAN.search(title):
            return
        for period in find_periods(title, reference):
            if period.value and period.value != "cumulative" and not period.comparison:
                self.period = period.value
                self.article_period = period.value
                return

    def observe(self, view: SentenceView) -> None:
        """Note what a sentence says about its companies before the fact rules read it."""
        if not may_match(_EV_MAKER, view):
            return
        for org in view.orgs:
            window = view.text[max(0, org.start - 45) : org.end + 70]
            if not org.plural:
                near = _EV_MAKER.search(window)
                if near and abs((max(0, org.start - 45) + near.start()) - org.start) < 60:
                    self.ev_makers.add(org.name)

    def update(self, view: SentenceView) -> None:
        """Carry the focus forward after a sentence has been read."""
        if view.sentence.index <= 1 or _MARKET_FRAME.match(view.text[:4]):
            self.frame_market(view.text, view.places)
        if view.sentence.paragraph != self.paragraph:
            self.paragraph = view.sentence.paragraph
            if self.article_period:
                self.period = self.article_period
        subject = first_subject(view)
        if subject is not None:
            self.topic = subject
        counts = self.counts
        for org in view.orgs:
            if len(org.names) > 1:
                continue  # plural
            name = org.names[0]
            if name in counts:
                counts[name] += 1
            else:
                counts[name] = 1
                self.first_seen.setdefault(name, len(self.first_seen))
        if view.notes.get("main_period"):
            self.period = str(view.notes["main_period"])
            self.article_period = self.article_period or self.period
            return
        if not view.notes.get("sales"):
            self._pending.append(view)  # its main period, if any, becomes the period (see `period`)


# Sentences about plans and targets name periods that are not the one the article reports on.
_FORWARD = re.compile(
    r"\b(?:goals?|targets?|targeted|aims?|aiming|plans?|planned|expects?|expected|forecasts?|outlook|guidance|will|"
    r"would)\b",
    re.IGNORECASE,
)
# "BYD to double exports in 2026": a headline "to" + verb announces a plan.
_HEADLINE_PLAN = re.compile(
    r"\bto\s+(?:build|launch|start|begin|make|produce|open|invest|sell|deliver|double|triple|cut|hit|reach|"
    r"raise|add|expand|enter|end|stop|halt|resume)\b",
    re.IGNORECASE,
)
# "In December alone …": a part singled out of the period being reported, not a new one.
_ALONE = re.compile(r"\s+alone\b", re.IGNORECASE)


_PRODUCT_AFTER = re.compile(
    r"^(?:\s+and\s+\w[\w-]*)?\s+(?:models?|vehicles?|cars?|brands?|dealers?|shares|executives?|engineers?|factory|plant)\b",
    re.IGNORECASE,
)


_EV_MAKER = re.compile(
    r"\b(?:electric(?:-car|-vehicle|\s+car|\s+vehicle|\s+truck|\s+van|\s+pickup|\s+scooter)?\s+(?:car\s*)?"
    r"(?:maker|makers|manufacturer|start-?up|brand|carmaker|automaker|company)|ev\s+(?:maker|start-?up|brand|"
    r"manufacturer)|maker\s+of\s+(?:[\w-]+\s+){0,2}?electric)\b",
    re.IGNORECASE,
)
_MARKET_FRAME = re.compile(r"^\s*(?:in|across|within|throughout)\s+(?:the\s+)?$", re.I)
_MARKET_NOUN = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:market|sales|registrations|deliveries|new-car|car\s+market|ev\s+market)\b"
    r"|^\s+(?:registered|recorded)\s+(?:a\s+total\s+of\s+)?\d"
    # "Thailand's best-selling electric vehicle brand", "Australia's most popular EV"
    r"|^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:best-selling|top-selling|biggest-selling|best\s+selling|most\s+popular)\b",
    re.I,
)
# "BYD has outsold Tesla in Australia …": the market where one maker outsells another
_OUTSOLD_IN = re.compile(r"\bout-?s(?:old|ells?|elling)\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?$", re.I)


def first_subject(view: SentenceView) -> OrgRef | None:
    """The organisation a sentence is mainly about: its first single-entity mention that is not a modifier."""
    fallback = None
    for org in view.orgs:
        if org.plural:
            continue
        if _FRONTED_REPORTER.match(view.text[: org.start]) and _REPORTED_AFTER.match(
            view.text[org.end : org.end + 60]
        ):
            continue  # "Like the Wolfsburg-based group communicated, PowerCo …", "According to Ford, Kia …"
        if org.start > 0 and _IN_RELATIVE.search(view.text, max(0, org.start - 80), org.start):
            continue  # "…, informed the assembler, which belongs to the German group Traton": an aside
        if _PRODUCT_AFTER.match(view.text[org.end : org.end + 40]):
            fallback = fallback or org
            continue
        if org.start > 0 and _COMPARED.search(view.text, max(0, org.start - 40), org.start):
            continue  # "X sold 4.8 million, second only to Hero": the rival compared with is not in focus
        return org
    return fallback


_FRONTED_REPORTER = re.compile(r"^\W*(?:like|as|according\s+to)\s+(?:[\w’'-]+\s+){0,4}?$", re.IGNORECASE)
_REPORTED_AFTER = re.compile(
    r"^[^,.;]{0,40}?\b(?:said|says|communicated|announced|reported|informed|confirmed|stated|explained)\b[^,.;]{0,25},|^\s*,",
    re.IGNORECASE,
)
_IN_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b[^,;:.]*$", re.IGNORECASE)
_COMPARED = re.compile(
    r"\b(?:second|third|only|just|behind|ahead\s+of|trailing|after|than|compared\s+with|compared\s+to|versus|vs\.?|"
    r"rivals?\s+(?:such\s+as|like)|overtaking|overtook|surpassing|outselling|outsold|beating|beat)"
    r"(?:\s+only)?(?:\s+to)?\s+(?:the\s+|its\s+|rivals?\s+|rival\s+)?$",
    re.IGNORECASE,
)


_PARENTHETICAL = re.compile(
    r",\s+(?:which|who|whose|in\s+which|of\s+which|the|a|an|one\s+of|its|their|controlled|owned|based|founded|"
    r"\d[\d.,]*\s*(?:%|per\s*cent|percent)[\s-]+(?:owned|controlled)|(?:wholly|majority|minority|fully|jointly)[\s-]+owned|"
    r"backed|led|part\s+of|itself|still|now|formerly|once|long|previously|(?-i:[A-Z])[\w.&-]*['’]s)\b"
    r"(?:[^,;]|(?<=\d),(?=\d{3}\b))*?(?=,(?!\d{3}\b))",  # "20,000" does not close an aside
    re.IGNORECASE,
)
_OWNED_ASIDE = re.compile(
    r",\s+(?:\d[\d.,]*\s*(?:%|per\s*cent|percent)[\s-]+|(?:wholly|majority|minority|fully|jointly)[\s-]+)?"
    r"(?:owned|controlled)\s+by\b",
    re.IGNORECASE,
)
_OBJECT_BEFORE = re.compile(
    r"\b(?i:in|into|to|for|from|with|of|by|at|on|than|over|under|between|against|about|like|via|through|"
    r"including|and\s+(?:to|in|from|with))\s+(?:the\s+|a\s+|its\s+|their\s+)?"
    r"(?:(?:(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w-]*|[\w-]+-based|start-?up|rival|partner|carmaker|automaker|maker|supplier|group|firm|company|"
    r"brand|battery|chipmaker|cell|lithium|parent|unit|subsidiary|venture|local|state-owned|electric|US|Chinese)\s+){0,3}$",
)


_RELATIVE = re.compile(r",\s+(?:which|who|whose|in\s+which|of\s+which)\b", re.IGNORECASE)


def parenthetical_spans(text: str, orgs: list[OrgRef] | None = None) -> list[tuple[int, int]]:
    """Spans of comma-enclosed asides: relative clauses anywhere, appositions right after a company name.

    "Scania, the truck maker controlled by X," is an aside; "Separately, the bank agreed …," is not.
    """
    ends = {o.end for o in orgs} if orgs is not None else None
    spans = []
    for match in _PARENTHETICAL.finditer(text):
        relative = _RELATIVE.match(match.group(0))
        # "The national carmaker, 50.1 per cent owned by ⟨A⟩ and … by ⟨B⟩, sold …": who owns it is an aside
        owners = _OWNED_ASIDE.match(match.group(0))
        if relative or owners or ends is None or match.start() in ends:
            spans.append((match.start(), match.end()))
    return spans


def sentence_asides(view: SentenceView) -> list[tuple[int, int]]:
    """parenthetical_spans of a sentence with its organisations (cached: rules ask once per figure or match)."""
    cached = view.notes.get("asides")
    if isinstance(cached, list):
        return cached
    spans = parenthetical_spans(view.text, view.orgs)
    view.notes["asides"] = spans
    return spans


def apposition_head(view: SentenceView, org: OrgRef) -> OrgRef:
    """The company an aside describes: in "⟨X⟩, the investment company of ⟨Y⟩, owns …", Y stands for X."""
    for start, end in sentence_asides(view):
        if start <= org.start and org.end <= end:
            head = [o for o in view.orgs if o.end == start]
            if head:
                return head[0]
    return org


def is_object(text: str, org: OrgRef) -> bool:
    """True when a mention is the object of a preposition ("invested in Rivian"), so not a clause subject."""
    return bool(_OBJECT_BEFORE.search(text[max(0, org.start - 40) : org.start]))


def subject_candidates(view: SentenceView, end: int, start: int = 0) -> list[OrgRef]:
    """Single-entity mentions in [start, end) that can be the subject of what follows: no objects, no asides."""
    asides = sentence_asides(view)
    found = []
    for org in view.orgs:
        if org.plural or org.start < start or org.end > end:
            continue
        if asides and any(a < org.start and org.end <= b for a, b in asides):
            continue
        if is_object(view.text, org):
            continue
        found.append(org)
    return found


_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?:[A-Z][\w-]*\s+){0,2}?(?:it|they|he|she|the\s+(?:[\w-]+\s+){0,3}?(?:company|group|firm|carmaker|automaker|"
    r"maker|manufacturer|start-up|startup|supplier|business|brand|venture|partners?|companies|owner|parent))\b",
    re.IGNORECASE,
)


def subject_is_anaphoric(text: str) -> bool:
    """True when a clause opens with a pronoun or a descriptor ("It", "The company", "The German group")."""
    return bool(_PRONOUN_SUBJECT.match(text))
