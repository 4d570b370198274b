"""Product plans: vehicles, platforms and batteries a company says it will launch, build or introduce.

Three grammatical shapes carry a plan in news text:
- organisation as subject: "<org> will launch / plans to start building / is due to introduce <product>";
- product as subject: "<product> will follow in 2026 / is due to arrive / will roll off the line in late 2025",
  "a new GT follows in 2025" (present tense with a future date);
- schedule nouns: "production of <product> is scheduled to start in 2026", "delayed the launch of <product> to 2027".
A generic subject in a later sentence ("The model will be made in Tochigi", "The vehicle ... arrives after 2027")
adds the missing details to the plan read just before. Past launches, capacities and targets are not plans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import chain

from evintel.extract.context import Discourse, OrgRef, SentenceView, parenthetical_spans
from evintel.extract.cues import may_match
from evintel.extract.facts.plan_products import is_model_list, maker_of_named_brand, refined_product
from evintel.extract.facts.plant import clause_bounds, find_sites, lowered_text, plant_noun_pattern
from evintel.extract.facts.production_sites import site_of_product
from evintel.extract.lexicon import load_lexicon, phrase_alternation, phrase_pattern
from evintel.extract.modality import confidence_for, sentence_cues
from evintel.extract.places import read_place_list
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

_PLANT_NOUN = plant_noun_pattern()
_YEAR = r"20\d\d(?:\s*[-/–]\s*(?:20)?\d\d)?"
_MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
_QUAL = (
    r"(?:(?:the\s+)?(?:early|mid|mid-|late|end\s+of|start\s+of|beginning\s+of|middle\s+of|"
    r"(?:first|second)\s+half\s+of|(?:first|second|third|fourth)\s+quarter\s+of)|H[12]|Q[1-4]|"
    rf"spring|summer|autumn|fall|winter|(?i:{_MONTHS}))"
)
_PREP = r"(?:by|after|from|before|until|as\s+of|starting\s+in|starting\s+from|beginning\s+in|as\s+early\s+as|no\s+later\s+than|not\s+before|in|for|to|later|around)"
# "the 2026 festive season", "the 2027 model year": a named season of the year stays in the timeframe
_SEASON = r"(?:\s+(?:festive|holiday|Diwali|Christmas|New\s+Year|model|selling)\s+(?:season|year))?"
_FISCAL = r"(?-i:FY)\s?['’]?(?:20)?\d\d\b|fiscal\s+(?:year\s+)?20\d\d\b"
_TIME = re.compile(
    # the letters a match can open with, looked at first: the pattern is tried at every offset of a text
    r"(?=[abdefhijlmnoqstuw2])"
    rf"(?:(?P<prep>{_PREP})\s+)?(?P<body>(?:{_QUAL}\s*-?\s*(?:of\s+)?)?(?:{_YEAR}\b{_SEASON}|{_FISCAL}|next\s+year|next\s+month|this\s+year|the\s+(?:end\s+of\s+the\s+)?decade|"
    r"the\s+year|the\s+coming\s+years?)|(?:later|earlier)\s+this\s+year|end\s+of\s+the\s+decade|"
    rf"(?:this|next)\s+(?:spring|summer|autumn|fall|winter)|(?:(?<=from\s)|(?<=in\s))(?i:{_MONTHS})\b(?!\s+\d)|"
    r"the\s+(?:first|second|third|fourth)\s+quarter\b(?!\s+of)|the\s+(?:first|second)\s+half\b(?!\s+of))",
    re.IGNORECASE,
)
_KEEP_PREP = frozenset(
    {"by", "after", "from", "before", "until", "as of", "starting in", "starting from", "as early as"}
)
_NP_STOP = frozenset(
    [
        "in",
        "at",
        "from",
        "for",
        "by",
        "with",
        "on",
        "near",
        "since",
        "until",
        "starting",
        "beginning",
        "next",
        "later",
        "this",
        "there",
        "which",
        "that",
        "who",
        "where",
        "while",
        "whereas",
        "but",
        "as",
        "after",
        "before",
        "when",
        "to",
        "into",
        "through",
        "over",
        "under",
        "within",
        "per",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "can",
        "could",
        "should",
        "has",
        "have",
        "had",
        "alongside",
        "including",
        "than",
        "or",
        "said",
        "says",
        "and/or",
        "if",
        "because",
        "so",
        "then",
        "also",
        "already",
        "now",
        "last",
        "priced",
        "costing",
        "starting",
        "from",
        "powered",
        "together",
        "equipped",
        "fitted",
        "running",
    ]
)
_VERB_STOP = frozenset(
    [
        "start",
        "begin",
        "build",
        "launch",
        "produce",
        "offer",
        "sell",
        "expand",
        "plans",
        "plan",
        "make",
        "assemble",
        "add",
        "introduce",
        "follow",
        "arrive",
        "go",
        "come",
        "enter",
        "hit",
        "reach",
        "roll",
        "join",
        "cost",
        "costs",
        "priced",
        "feature",
        "features",
        "use",
        "uses",
        "get",
        "gets",
        "be",
        "become",
        "remain",
    ]
)
_PARTICIPLE_ADJECTIVES = frozenset(
    [
        *("updated", "refreshed", "facelifted", "redesigned", "upgraded", "improved", "extended", "advanced"),
        *("dedicated", "connected", "automated", "electrified", "revamped", "restyled", "enlarged", "stretched"),
        *("long-wheelbase", "localised", "localized", "rebadged", "enhanced"),
    ]
)
_MODALS = frozenset(["will", "would", "shall", "can", "could", "may", "might", "should", "must", "to", "'ll"])
_TIME_STOP = frozenset(["late", "early", "mid", "mid-", "soon", "shortly", "later", "earlier"])
_OF_HEADS = frozenset(
    [
        "version",
        "versions",
        "generation",
        "generations",
        "variant",
        "variants",
        "range",
        "family",
        "successor",
        "successors",
        "lineup",
        "line-up",
        "derivative",
        "derivatives",
        "edition",
        "editions",
        "series",
    ]
)
_DETERMINERS = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|this|these|those|both|also|then|now|all|next|first)\s+)+",
    re.IGNORECASE,
)
_LEAD_ADVERBIAL = re.compile(
    rf"^(?:(?:also|meanwhile|however|then|next|now|in\s+addition|(?:in|from|since|starting\s+in|as\s+of)\s+{_YEAR}|next\s+year|this\s+year|"
    r"after\s+that|later|first|finally|moreover|besides|in\s+turn|as\s+well)\s*,?\s+)+",
    re.IGNORECASE,
)
_GENERIC_SUBJECT = re.compile(
    r"^(?:(?:the|this|that|the\s+new|this\s+new)\s+)?(?:vehicle|model|car|new\s+model|product|machine|newcomer|"
    r"project|(?:[\w-]+\s+){0,2}(?:version|variant))$|^(?:it|they)$"
    r"|^(?:each|every|either)\s+(?:(?:new|of\s+the)\s+)?(?:vehicle|model|car|version|variant)s?$",
    re.IGNORECASE,
)
_NUMBER_START = re.compile(
    r"^(?:(?:more\s+than|over|up\s+to|about|around|some|nearly|almost|another|an\s+additional)\s+)?[\d.,]+\s*(?:million|m|k|mn|bn)?(?![\w-])",
    re.IGNORECASE,
)
_SMALL_COUNT = re.compile(
    r"^(?:two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|[2-9]|1\d)\s", re.IGNORECASE
)
_SUBJECT_BLOCK = re.compile(
    r"(?:\b(?:the|a|an|its|their|with|for|from|to|than|like|of|versus|between|including|alongside|by|at|in|on|"
    r"into|supplies|supply|customer|partner)|['’]s)\s*$",
    re.IGNORECASE,
)
_JOINT = re.compile(
    r"\b(?:together\s+with|jointly\s+with|in\s+cooperation\s+with|in\s+partnership\s+with|with\s+partner|"
    r"(?:working|cooperating|teaming\s+up|partnering|developed|co-developed|built)\s+with)\s*$",
    re.IGNORECASE,
)
_COMPONENT_HEADS = frozenset(
    [
        "cell",
        "cells",
        "battery",
        "batteries",
        "chip",
        "chips",
        "pack",
        "packs",
        "module",
        "modules",
        "e-axle",
        "e-axles",
        "electrode",
        "electrodes",
        "cathode",
        "cathodes",
        "anode",
        "anodes",
        "inverter",
        "inverters",
    ]
)
_UNREALISED = re.compile(
    r"\b(?:had|was\s+supposed\s+to\s+have|were\s+supposed\s+to\s+have)\s+(?:(?:originally|initially|once|long|"
    r"previously|been)\s+)*$",
    re.IGNORECASE,
)
_PLAN_ENDED = re.compile(
    r"\b(?:ended|ends|abandoned|abandons|dropped|drops|scrapped|scraps|shelved|shelves|cancell?ed|cancels|"
    r"terminated|gave\s+up|gives\s+up)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:earlier\s+|previous\s+|initial\s+|"
    r"original\s+)?plans?\s+to\b",
    re.IGNORECASE,
)
_PURCHASED = re.compile(
    r"(?<![\w-])(?<!open\s)(?<!opens\s)(?:ordered|orders|bought|buys|purchased|purchases|leased|leases|"
    r"took\s+delivery\s+of|(?:an?\s+)?orders?\s+for)"
    r"\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(r"\s+(?:powered\s+by|running\s+on|equipped\s+with|fitted\s+with|based\s+on|built\s+on)\s+")
_NOT_A_LAUNCH_AFTER = re.compile(r"\s*(?:to\s+(?:its|their|the)\s+fleets?)\b", re.IGNORECASE)
_SUPPLY_AFTER = re.compile(r"\s*(?:from|with|under)\b", re.IGNORECASE)
_MAKE_FORMS = (
    r"(?<![\w-])(?:built|produced|made|assembled|manufactured|build|builds|produce|produces|make|makes|assemble|"
    r"assembles|manufacture|manufactures|mass-produce|mass-produces|locally\s+produce|locally\s+assemble)(?![\w-])"
)
# "built in Zwickau", "will produce the EV3 in Mexico": the place the product is made, not a market
# (but a "Foxconn-built EV in Australia" is sold there).
_MADE_IN = re.compile(rf"{_MAKE_FORMS}(?:\s+[\w.-]+){{0,3}}?(?=\s+(?:in|at|near)\s)", re.IGNORECASE)
_DELAY = re.compile(
    r"\b(?:delay(?:ed|s|ing)?|postpone(?:d|s)?|push(?:ed|es)?\s+back|brought\s+forward|bring\s+forward|mov(?:ed|es)\s+up)\s+"
    r"(?:the\s+)?(?:market\s+)?(?:launch|start\s+of\s+production|production|introduction|debut|arrival|rollout)\s+of\s+",
    re.IGNORECASE,
)
_PRESENT_ARRIVAL = re.compile(
    r"\b(?:"
    + phrase_alternation(
        (
            *("comes", "follows", "arrives", "goes on sale", "debuts", "launches", "hits the market"),
            *("comes to market", "enters production", "goes into production", "starts production"),
            *("lands", "premieres"),
        )
    )
    + r")\b",
    re.IGNORECASE,
)


_FUTURE_SITE = re.compile(r"\b(?:will|plans?\s+to|is\s+to|are\s+to|to\s+be|is\s+building|are\s+building)\b")
_WHERE_MADE = re.compile(
    r"['’\"]?,?\s+where\s+(?:the\s+|its\s+)?(?P<np>[\w.+-]+(?:\s+[\w.+-]+){0,5}?)\s+(?:is|are|will\s+be)\s+(?:to\s+be\s+)?"
    r"(?:produced|built|made|assembled|manufactured)\b",
    re.IGNORECASE,
)
# Between a future site and "where": words that move on to another site ("…, among them the neighbour of X").
_ANOTHER_SITE = re.compile(r"\b(?:among|including|such\s+as|neighbou?rs?|next\s+to|near|beside)\b", re.IGNORECASE)


def _last_plant_noun_end(text: str, end: int) -> int:
    """The end of the last plant noun before a position (0 if there is none)."""
    last = 0
    for match in _PLANT_NOUN.finditer(text, 0, end):
        last = match.end()
    return last


_FIRST_MODEL = re.compile(
    r"\bthe\s+(?:first|next|second|initial)\s+(?:model|vehicle|car|product|truck|bus)s?\s+(?:(?P<to>to\s+be)\s+)?"
    r"(?:assembled|built|produced|made|manufactured|to\s+roll\s+off\s+(?:the\s+)?(?:assembly\s+|production\s+)?line)"
    r"(?:\s+(?:there|here|(?:at|in)\s+[^,.;]{1,40}?))?\s+(?P<copula>is|are|will\s+be|would\s+be)\s+(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
_PLATFORM_UNDERPINS = re.compile(
    r"\b(?P<platform>(?:the\s+|its\s+|a\s+)?(?:new\s+)?(?:[\w.-]+\s+){0,2}(?:platform|architecture|skateboard))"
    r"(?:\s*,[^,;]{0,80},)?\s+(?:will|would|is\s+set\s+to|is\s+to|is\s+due\s+to|is\s+expected\s+to)\s+"
    r"(?:also\s+)?(?:underpin|spawn|serve\s+as\s+the\s+basis\s+for|form\s+the\s+basis\s+(?:of|for)|be\s+used\s+for)\s+",
    re.IGNORECASE,
)
# Every _PLATFORM_UNDERPINS match names one of these.
_PLATFORM_NOUN = re.compile(r"platform|architecture|skateboard", re.IGNORECASE)
_TO_BE_DONE = re.compile(
    r"(?<=\w)\s+to\s+be\s+(?:launched|introduced|unveiled|released|rolled\s+out|built|produced|assembled|made|"
    r"manufactured|offered|sold|delivered|exported)\b",
    re.IGNORECASE,
)
_WHOSE_LAUNCH = re.compile(
    r",\s+whose\s+(?:market\s+)?(?:launch|production|debut|arrival|introduction|start\s+of\s+production|"
    r"series\s+production)\s+(?:is|are)\s+(?:now\s+)?(?:foreseen|planned|scheduled|expected|set|slated|due|"
    r"envisaged|intended|targeted)\b",
    re.IGNORECASE,
)
_SUBJECT_BOUNDARY = re.compile(
    r"\b(that|which|said|says|but|while|whereas|because|when|so)\s+|(?:,\s*|\s)(and)\s+(?=(?:the|it|they|its|their|we|he|she|also|will|shall|is|are)\b)|([;:])\s+",
    re.IGNORECASE,
)
_RELATIVE_SUBJECT = re.compile(
    r",?\s+(?:that|which|whom)?\s*(?:it|they|the\s+[\w-]+(?:\s+[\w-]+)?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+$"
)
_MARKET_ADJECTIVE = re.compile(
    r"\b(?:for|on|onto|in|into|to|enter|entering|enters)\s+(?:the\s+)?(?P<adj>Chinese|European|American|US|U\.S\.|British|UK|German|French|Italian|Spanish|Indian|"
    r"Japanese|Korean|South\s+Korean|Brazilian|Mexican|Canadian|Australian|Thai|Indonesian|Turkish|North\s+American|"
    r"Latin\s+American|Southeast\s+Asian|Nordic)\s+(?:market|markets|buyers|customers|drivers|consumers)\b"
)
_SENTENCE_SUBJECT = re.compile(
    r"^\s*(?P<np>[^,;:]+?)(?:,|\s+(?:is|are|was|were|has|have|will|shall|would)\b)"
)
_MODEL_TOKEN = re.compile(
    r"\b(?:(?=[\w.-]*[A-Za-z])(?=[\w.-]*\d)[A-Za-z0-9][\w.-]*|[a-z]+[A-Z][\w.-]*|[a-z]{1,2}-[A-Z][\w.-]*)(?![\w-])"
)


# Translated word order puts the time between the modal and the verb: "will in 2025 launch", "will from
# next year produce".
_TIME_BEFORE_VERB = (
    r"(?:(?:(?:in|from|by|starting|starting\s+in|as\s+early\s+as)\s+)?(?:20\d\d|next\s+year|this\s+year)\s+"
    r"(?:also\s+)?|in\s+the\s+coming\s+(?:year|months|weeks)\s+|in\s+(?:january|february|march|april|june|july|august|"
    r"september|october|november|december)\s+|(?:later|early|earlier)\s+(?:this|next)\s+year\s+|soon\s+)?"
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    product: str
    product_start: int
    product_end: int
    cue_start: int
    cue_end: int
    subject_orgs: tuple[OrgRef, ...]


@dataclass(frozen=True, slots=True)
class _PlanLexicon:
    """The product_plans.yaml lexicon, compiled."""

    quick: re.Pattern[str]
    launch: re.Pattern[str]
    arrival: re.Pattern[str]
    due: re.Pattern[str]
    schedule: re.Pattern[str]
    schedule_verbs: re.Pattern[str]
    product_nouns: re.Pattern[str]
    not_products: frozenset[str]
    past: re.Pattern[str]
    market_adjectives: dict[str, str | None]
    start_noun: re.Pattern[str]
    marker: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _PlanLexicon:
    data = load_lexicon("product_plans")
    # Matched against lower-cased text without IGNORECASE.
    marker = phrase_alternation({m.lower() for m in data["future_markers"]}, ignore_case=False)
    launch = phrase_alternation({v.lower() for v in data["launch_verbs"]}, ignore_case=False)
    arrival = phrase_alternation({v.lower() for v in data["arrival_verbs"]}, ignore_case=False)
    adverb = (
        r"(?:(?:also|then|now|soon|first|finally|jointly|initially|eventually|only|still|additionally|[a-z]{3,}ly)\s+)?"
    )
    # "will be formally launched", "will be officially unveiled": a manner adverb inside the passive
    passive = phrase_alternation(
        {v.lower().removeprefix("be ") for v in data["arrival_verbs"] if v.lower().startswith("be ")},
        ignore_case=False,
    )
    return _PlanLexicon(
        quick=phrase_pattern(
            [
                w.lower()
                for w in (
                    *data["future_markers"],
                    *data["schedule_nouns"],
                    "due",
                    "slated",
                    "planned",
                    "scheduled",
                    "to be",
                    "whose",
                    "first model",
                    "where",
                    "first vehicle",
                    "expected",
                    "earmarked",
                    "follows",
                    "arrives",
                )
            ],
            ignore_case=False,
        ),
        launch=re.compile(
            rf"(?<![\w-])(?P<marker>{marker})\s+{adverb}{_TIME_BEFORE_VERB}(?:(?:start\s+to|begin\s+to)\s+)?"
            rf"(?P<verb>{launch})\s+"
        ),
        arrival=re.compile(
            rf"(?<![\w-])(?P<marker>{marker})\s+{adverb}{_TIME_BEFORE_VERB}(?P<verb>{arrival}|be\s+[a-z]+ly\s+(?:{passive}))(?![\w-])"
        ),
        due=re.compile(
            r"(?<![\w-])(?P<marker>(?:is|are)\s+(?:due|slated|planned|scheduled|expected|set|earmarked|pencilled\s+in|penciled\s+in)"
            r"|due)\s+(?=(?:in|for|by|from|next|later|at|early|late|to\s+arrive|to\s+launch)\b)"
        ),
        schedule=re.compile(
            r"(?<![\w-])(?:"
            + phrase_alternation({n.lower() for n in data["schedule_nouns"]}, ignore_case=False)
            + r")\s+"
        ),
        schedule_verbs=phrase_pattern(data["schedule_verbs"]),
        product_nouns=phrase_pattern(data["product_nouns"]),
        not_products=frozenset(n.lower() for n in data["not_products"]),
        past=phrase_pattern(data["past_cues"]),
        market_adjectives=data["market_adjectives"],
        start_noun=re.compile(
            rf"(?<![\w-])(?P<marker>{marker})\s+{adverb}{_TIME_BEFORE_VERB}(?:"
            r"(?:start|begin|commence|kick\s+off)\s+(?:the\s+)?(?P<np>[\w.+-]+(?:\s+[\w.+-]+){0,2}?)\s+"
            r"(?:deliveries|production|sales|assembly|exports|shipments)\b"
            r"|put\s+(?P<np2>(?:the|its|a|an|their)\s+[\w.+-]+(?:\s+[\w.+-]+){0,3}?)\s+(?:into\s+(?:series\s+|mass\s+)?"
            r"production|on\s+(?:the\s+)?(?:sale|market|road))\b"
            r"|(?:enter|break\s+into)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?markets?\s+with\s+(?P<np3>))"
        ),
        # Where launch, arrival and start_noun can begin (zero width, so markers inside markers count too).
        marker=re.compile(rf"(?<![\w-])(?=(?:{marker})\s)"),
    )


def extract_product_plans(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Product plan facts stated in one sentence (and details added to a plan stated just before)."""
    lex = _lexicon()
    text = view.text
    if (
        not _cued_search(lex.quick, view, lowered_text(view))
        and not _cued_search(_PRESENT_ARRIVAL, view, text)
        and not _cued_search(_PREPARING_SITE, view, text)
    ):
        return []
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for candidate in _named_members(view, _candidates(view)):
        if any(candidate.product_start < e and s < candidate.product_end for s, e in taken):
            continue
        taken.append((candidate.product_start, candidate.product_end))
        refined = refined_product(text, candidate.product, candidate.product_start, candidate.product_end)
        if refined is None:
            continue  # "on the 7th", "the battery cells of B10"
        candidate = replace(candidate, product=refined[0], product_start=refined[1], product_end=refined[2])
        if _GENERIC_SUBJECT.match(candidate.product):
            _update_previous_plan(view, candidate)
            continue
        if not _is_product(view, candidate.product, candidate.product_start) or _blocked(view, candidate):
            continue
        orgs = _orgs(view, discourse, candidate)
        if not orgs:
            continue
        span = (candidate.product_start, candidate.product_end)
        orgs = maker_of_named_brand(view, discourse, kb, orgs, span)
        fields = {
            "orgs": orgs,
            "product": candidate.product,
            "powertrains": _powertrains(view, candidate) or _maker_powertrain(orgs, discourse),
            "markets": _markets(view, candidate),
            "production_location": _production_location(view, candidate),
            "timeframe": _timeframe(view, candidate),
        }
        if _name_the_generic_plan(view, fields):
            continue  # the model names the one product planned just before
        modality = "hedged" if view.modality.value == "hedged" else "asserted"
        facts.append(Fact("product_plan", fields, view.evidence(), confidence_for(modality, 0.75), modality))
    view.notes["product_plans"] = facts
    return facts


def _name_the_generic_plan(view: SentenceView, fields: dict) -> bool:
    """ "Honda will begin producing its first electric scooters next month. … the QC1 will be made at …": a
    bare model name after a plan for a kind of product is one of those products, planned the same way; after
    a plan for one product ("a new entry-level electric car … The ID.1 is to be built …") it names that one
    (the earlier plan takes the name, and True is returned)."""
    product = str(fields["product"])
    if _lexicon().product_nouns.search(product) or not _MODEL_TOKEN.search(product):
        return False
    previous = view.previous
    for _ in range(2):
        if previous is None:
            return False
        plans = previous.notes.get("product_plans")
        if isinstance(plans, list) and plans:
            earlier = plans[-1].fields
            kind = str(earlier.get("product") or "")
            same_orgs = {normalize_name(o) for o in earlier.get("orgs") or []} & {
                normalize_name(o) for o in fields["orgs"]
            }
            if not same_orgs or _MODEL_TOKEN.search(kind) or not _lexicon().product_nouns.search(kind):
                return False
            head = re.sub(r"^(?:(?:first|second|third|next|new|two|three|several|some)\s+)+", "", kind, flags=re.I)
            fields["product"] = f"{product} {head}"
            for field in ("powertrains", "markets", "timeframe", "production_location"):
                if fields.get(field) in (None, []):
                    fields[field] = earlier.get(field)
                elif earlier.get(field) in (None, []):
                    earlier[field] = fields[field]  # where the models are made is where the kind is made
            if not re.search(r"s$", kind.split()[-1]) and not re.match(r"(?i)(?:two|three|several|some)\b", kind):
                earlier["product"] = fields["product"]  # one product: the name is the earlier plan's
                return True
            return False
        previous = previous.previous
    return False


_MODEL_NAME = r"(?:[A-Z0-9][\w+-]*(?:\.[\w+-]+)*(?:\s+[A-Z0-9][\w+-]*(?:\.[\w+-]+)*){0,2}(?:\s+(?:SUV|pickup|sedan|saloon|van|truck|crossover|hatchback|coupe|wagon|EV|bus|minivan|MPV))?)"
_MEMBER_LIST = re.compile(
    rf",?\s+(?:namely\s+|including\s+)?(?:the\s+)?(?P<first>{_MODEL_NAME})((?:\s*,\s*(?:the\s+)?{_MODEL_NAME})*)"
    rf"\s*,?\s+and\s+(?:the\s+)?(?P<last>{_MODEL_NAME})(?![\w-])"
)
_MODEL_NAME_RE = re.compile(_MODEL_NAME)
_GENERIC_COUNT = re.compile(
    r"^(?:two|three|four|five|six|several|[2-9])\s+(?:[\w-]+\s+){0,2}?(?:models?|vehicles?|cars?|SUVs?|EVs?|pickups?|vans?)\b",
    re.IGNORECASE,
)


# A class of models with no count and no name ("electric models", "new EVs").
_UNCOUNTED_GENERIC = re.compile(r"(?:[a-z][\w-]*\s+){0,2}(?:models|vehicles|cars|EVs|SUVs)")
_INCLUDING = re.compile(
    rf"\s*,?\s+(?:among\s+(?:them|which|others)|including|such\s+as|notably)\s+(?:the\s+)?(?:new\s+)?"
    rf"(?P<names>{_MODEL_NAME}(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?(?:new\s+)?{_MODEL_NAME})*)"
)


def _named_members(view: SentenceView, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "will build two models, the Traveler SUV and the Terra pickup": one plan per named model, not one for
    "two models"."""
    out: list[_Candidate] = []
    for candidate in candidates:
        generic = _GENERIC_COUNT.match(candidate.product) is not None
        listed = _MEMBER_LIST.match(view.text, candidate.product_end) if generic else None
        if listed is None and _UNCOUNTED_GENERIC.fullmatch(candidate.product):
            # "electric models including the Dolphin and Atto 3": the class named by its members
            including = _INCLUDING.match(view.text, candidate.product_end)
            if including is not None:
                names = " ".join(including.group("names").split())
                candidate = replace(candidate, product=f"{names} {candidate.product}")
        if listed is None:
            out.append(candidate)
            # "five new models …, among them the new Jeep Compass": the plan and each model singled out
            including = _INCLUDING.search(view.text, candidate.product_end) if generic else None
            if including is not None and not view.text[candidate.product_end : including.start()].count("."):
                for name in _MODEL_NAME_RE.finditer(view.text, including.start("names"), including.end()):
                    if name.group(0) not in ("The", "A", "An"):
                        out.append(
                            replace(candidate, product=name.group(0), product_start=name.start(), product_end=name.end())
                        )
            continue
        for name in _MODEL_NAME_RE.finditer(view.text, listed.start(), listed.end()):
            out.append(replace(candidate, product=name.group(0), product_start=name.start(), product_end=name.end()))
    return out


def _blocked(view: SentenceView, candidate: _Candidate) -> bool:
    """Cancelled plans, components, fleet purchases and supply ("cells will come from ...") are not plans."""
    text = view.text
    clause_start, _end = clause_bounds(text, candidate.cue_start)
    if any(clause_start <= s < candidate.cue_end + 20 for s, _e, _c in sentence_cues(view, "denied")):
        return True
    if may_match(_UNREALISED, view) and _UNREALISED.search(text, max(0, candidate.cue_start - 40), candidate.cue_start):
        return True  # "the group, which had planned to launch the vans this year, ...": a plan given up
    if may_match(_PLAN_ENDED, view) and _PLAN_ENDED.search(text, max(0, candidate.cue_start - 60), candidate.cue_end):
        return True  # "both companies ended an earlier plan to build cars together in China"
    if may_match(_PURCHASED, view) and _PURCHASED.search(text, max(0, candidate.product_start - 60), candidate.product_start):
        return True  # "a fleet has ordered 53 of its electric vans, which will be delivered this year"
    # the head is the last word before a qualifier ("scooters powered by sodium-ion batteries" -> "scooters")
    head = _QUALIFIER.split(candidate.product.lower())[0].split()[-1]
    if head in _COMPONENT_HEADS:
        return True  # "battery cells and electrodes": parts, not a product launch
    after = max(candidate.cue_end, candidate.product_end)
    if re.search(
        r"\bcome$", text[candidate.cue_start : candidate.cue_end], re.IGNORECASE
    ) and _SUPPLY_AFTER.match(text, after):
        return True  # "cells will come from its plant in Hungary": supply, not a launch
    return bool(_NOT_A_LAUNCH_AFTER.match(text, after))


def _cued_search(pattern: re.Pattern[str], view: SentenceView, text: str) -> re.Match[str] | None:
    """pattern.search(text) for the sentence or its lower-cased form, skipped when its cues are absent."""
    return pattern.search(text) if may_match(pattern, view) else None


def _cued_finditer(
    pattern: re.Pattern[str], view: SentenceView, text: str, part: re.Pattern[str] | None = None
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for the sentence or its lower-cased form, skipped when its cues are absent
    (or those of `part`, a pattern that matches inside every match of it)."""
    if not may_match(pattern, view) or (part is not None and not may_match(part, view)):
        return iter(())
    return pattern.finditer(text)


def _cued_matches_at(
    pattern: re.Pattern[str], view: SentenceView, text: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """_cued_finditer for a pattern whose matches can only begin at `starts` (ascending): tried there alone."""
    if not may_match(pattern, view):
        return
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def _candidates(view: SentenceView) -> list[_Candidate]:
    lex = _lexicon()
    text = view.text
    found: list[_Candidate] = []
    lowered = lowered_text(view)
    markers = [m.start() for m in lex.marker.finditer(lowered)]  # one scan for three patterns
    for match in _cued_matches_at(lex.launch, view, lowered, markers):
        fronted = _FRONTED_ADVERBIALS.match(text, match.end())
        # "will produce from 2026 in Figueruelas the Leapmotor B10": the object follows the adverbials
        np = read_product(text, fronted.end() if fronted else match.end())
        relative = _RELATIVE_SUBJECT.search(text, max(0, match.start() - 60), match.start())
        if (not np or not _is_product(view, np[2], np[0])) and relative:
            # "a small electric car that the automaker plans to launch next year"
            np = _np_ending_before(text, relative.start())
            if (
                np
                and not re.match(r",?\s*(?:that|which|whom)\b", relative.group(0))
                and text[np[1] : relative.start()].strip(" ,")
            ):
                np = None  # without "that"/"which" the phrase must end where the clause starts ("the car it plans")
            basis = _BASED_ON.match(text, match.end() - 1) if np else None
            if np and basis:
                # "the battery-electric models it will build on its own dedicated EV platform"
                np = (np[0], np[1], f"{np[2]} {basis.group('np')}")
        if np:
            found.append(
                _Candidate(np[2], np[0], np[1], match.start(), match.end(), _subjects(view, match.start()))
            )
    for match in _cued_finditer(_PLANNING_THE_LAUNCH, view, text):
        np = read_product(text, match.end())  # "Ford is planning the launch of a midsize pickup for 2027"
        if np:
            found.append(
                _Candidate(np[2], np[0], np[1], match.start(), match.end(), _subjects(view, match.start()))
            )
    for match in _cued_matches_at(lex.start_noun, view, lowered, markers):
        # "plans to start R2 deliveries in 2026", "will put the Raval into production", "will enter the
        # Australian market with the 08 plug-in hybrid"
        if match.group("np3") is not None:
            np = read_product(text, match.end())
        else:
            start, end = match.span("np2") if match.group("np2") else match.span("np")
            np = read_product(text, start, end)
        if np:
            found.append(
                _Candidate(np[2], np[0], np[1], match.start(), match.end(), _subjects(view, match.start()))
            )
    for match in _cued_finditer(_PREPARING_SITE, view, text):
        np = read_product(text, match.end())  # "is preparing its Normal, Illinois, factory for the R2 SUV"
        if np:
            found.append(
                _Candidate(np[2], np[0], np[1], match.start(), match.end(), _subjects(view, match.start()))
            )
    arrivals = _cued_matches_at(lex.arrival, view, lowered, markers)
    for match in chain(arrivals, _cued_finditer(lex.due, view, lowered)):
        if (
            match.re is lex.due
            and not _TIME.match(text, match.end())
            and not re.match(r"to\s", text[match.end() :])
        ):
            continue
        subject = _subject_product(view, match.start())
        if subject:
            found.append(_Candidate(subject[2], subject[0], subject[1], match.start(), match.end(), ()))
    for match in _cued_finditer(_PRESENT_ARRIVAL, view, text):
        time = _TIME.search(text, match.end(), min(len(text), match.end() + 30))
        if time and _is_future(view, time):
            subject = _subject_product(view, match.start())
            if subject:
                found.append(_Candidate(subject[2], subject[0], subject[1], match.start(), match.end(), ()))
    for match in _cued_finditer(_WHERE_MADE, view, text):
        # "Kia will complete by 2027 the Hwaseong West plant, where the PV7 is produced": a site still to come
        # makes a product still to come
        before = text[: match.start()]
        dated = [m for m in _times(text, 0, match.start()) if _is_future(view, m) and re.search(r"20\d\d", m.group(0))]
        if not dated or not _FUTURE_SITE.search(before):
            continue
        if _ANOTHER_SITE.search(text, _last_plant_noun_end(text, match.start()), match.start()):
            continue  # "… among them the neighbour of Figueruelas, where the Corsa is made": another, running site
        np = read_product(text, match.start("np"), match.end("np"))
        if np:
            found.append(_Candidate(np[2], np[0], np[1], match.start(), match.end(), _subjects(view, match.start())))
    for match in _cued_finditer(_FIRST_MODEL, view, text):
        # "the first model to be assembled there is the E12 city bus", "the first vehicle built at the plant
        # will be the K9": a plan when it is still to come
        future = match.group("to") or re.search(r"will|would", match.group("copula"), re.I)
        time = _TIME.search(text, match.end())
        np = read_product(text, match.end())
        if np and (future or (time and _is_future(view, time) and re.search(r"20\d\d", time.group(0)))):
            found.append(_Candidate(np[2], np[0], np[1], match.start(), match.end(), ()))
    for match in _cued_finditer(_PLATFORM_UNDERPINS, view, text, _PLATFORM_NOUN):
        np = read_product(text, match.end())  # "the new EL platform will underpin scooters": products on it
        if np:
            platform = _DETERMINERS.sub("", match.group("platform"))
            found.append(
                _Candidate(f"{np[2]} on the {platform}", np[0], np[1], match.start(), match.end(), _subjects(view, np[0]))
            )
    for match in _cued_finditer(_TO_BE_DONE, view, text):
        # "will underpin scooters to be launched in the 2026 festive season": a reduced relative with a time
        time = _TIME.search(text, match.end(), min(len(text), match.end() + 40))
        np = _np_ending_before(text, match.start()) if time and _is_future(view, time) else None
        if np:
            found.append(_Candidate(np[2], np[0], np[1], match.start(), match.end(), _subjects(view, np[0])))
    for match in _cued_finditer(_WHOSE_LAUNCH, view, text):
        np = _np_ending_before(text, match.start())  # "the e-Volksbus, whose launch is foreseen for 2026"
        if np:
            found.append(_Candidate(np[2], np[0], np[1], match.start(), match.end(), _subjects(view, np[0])))
    for schedule_pattern in (lex.schedule, _DELAY):
        scanned = lowered if schedule_pattern is lex.schedule else text
        for match in _cued_finditer(schedule_pattern, view, scanned):
            np = read_product(text, match.end())
            if not np:
                continue
            rest = text[np[1] : np[1] + 120]
            if schedule_pattern is _DELAY or lex.schedule_verbs.search(rest):
                found.append(
                    _Candidate(np[2], np[0], np[1], match.start(), np[1], _subjects(view, match.start()))
                )
    found.sort(key=lambda c: c.cue_start)
    return found


_LEADING_ADVERBS = frozenset(
    {"initially", "first", "firstly", "also", "then", "eventually", "gradually", "finally", "mainly", "primarily", "later", "soon",
     "there", "here"}
)


_SHORT_BRACKETS = re.compile(r"\([^()]{0,60}\)")
_PRODUCT_PUNCTUATION = re.compile(r"[,;:()\"“”]")
_PRODUCT_TOKEN = re.compile(r"[^\s,;:()\"“”]+|[,;:()\"“”]")
_YEAR_RE = re.compile(_YEAR)


# Punctuation inside a product's noun phrase: a short quoted name ('the "Honda 0 Series" electric SUV') and the
# comma between coordinated comparatives ("the smaller, cheaper R2 SUV").
_INLINE_PUNCTUATION = re.compile(r"[\"“”](?=[A-Z0-9])[^\"“”,;.]{1,40}[\"“”]|\b(?:the|an?|its|their)\s+[a-z]{2,}er,(?=\s+[a-z]{2,}er\s)")


def may_match_inline_punctuation(window: str) -> bool:
    """Cheap check before _INLINE_PUNCTUATION: a quote mark, or a comma after a comparative."""
    return '"' in window or "“" in window or "er," in window


def _mask_inline_punctuation(text: str) -> str:
    """`text` with the quotes and commas of _INLINE_PUNCTUATION turned into spaces (offsets unchanged)."""
    return _INLINE_PUNCTUATION.sub(lambda m: re.sub(r"[\"“”,]", " ", m.group(0)), text)


def read_product(text: str, position: int, limit: int | None = None) -> tuple[int, int, str] | None:
    """The product noun phrase starting at `position` ("the three-row Ioniq 9 SUV for the US market" -> ...)."""
    window = text[position : min(limit or len(text), position + 160)]
    if may_match_inline_punctuation(window):
        window = _mask_inline_punctuation(window)
        text = text[:position] + window + text[position + len(window) :]
    if "(" in window:
        window = _SHORT_BRACKETS.sub(lambda m: " " * len(m.group(0)), window)
    stop = _PRODUCT_PUNCTUATION.search(window)
    if stop:
        window = window[: stop.end()]  # the phrase ends at the first punctuation mark: no need to read on
    tokens = [(m.start(), m.end(), m.group(0)) for m in _PRODUCT_TOKEN.finditer(window)]
    kept: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens) and len(kept) < 12:
        start, end, word = tokens[i]
        bare = word.rstrip(".").lower()
        if word in {",", ";", ":", "(", ")", '"', "“", "”"}:
            break
        if not kept and bare in _LEADING_ADVERBS:
            i += 1  # "will assemble initially (there) the Dolphin Mini": the adverb is no part of the product
            continue
        if not kept and bare in {
            "the",
            "a",
            "an",
            "its",
            "their",
            "his",
            "her",
            "both",
            "all",
            "this",
            "these",
            "new",
        }:
            kept.append((start, end, word))
            i += 1
            continue
        if bare == "of" and kept and kept[-1][2].lower() in _OF_HEADS:
            kept.append((start, end, word))
            i += 1
            continue
        if bare == "based" and i + 1 < len(tokens) and tokens[i + 1][2].lower() == "on":
            kept.extend(tokens[i : i + 2])
            i += 2
            continue
        if bare == "and" and kept and i + 1 < len(tokens):
            nxt = tokens[i + 1][2].lower()
            if nxt not in _NP_STOP and nxt not in _VERB_STOP and nxt not in {"the", "a", "an"}:
                kept.append((start, end, word))
                i += 1
                continue
            break
        if bare in _NP_STOP or (kept and bare in _VERB_STOP) or _YEAR_RE.fullmatch(bare):
            break
        if kept and (bare == "including" or (bare == "such" and i + 1 < len(tokens) and tokens[i + 1][2] == "as")):
            break  # "new electric models such as the EV3 and EV4": the examples follow
        if kept and (bare in _TIME_STOP or bare in ("on", "built")):
            break  # "the Gravity SUV late this year", "the EH7 on the European market", "an SUV built on …"
        kept.append((start, end, word))
        if word.endswith(".") and not re.search(r"\.\w", word) and bare not in {"st", "no"}:
            break
        i += 1
    while kept and kept[-1][2].rstrip(".").lower() in {
        "and",
        "the",
        "a",
        "an",
        "its",
        "of",
        "based",
        "on",
        "new",
    }:
        kept.pop()
    if not kept:
        return None
    start, end = position + kept[0][0], position + kept[-1][1]
    phrase = text[start:end].rstrip(".")
    cleaned = _DETERMINERS.sub("", phrase)
    start += len(phrase) - len(cleaned)
    if "  " in cleaned:
        cleaned = " ".join(cleaned.split())  # masked quotes or commas
    if not cleaned:
        return None
    apposition = _APPOSITIVE_PRODUCT.match(text, start + len(cleaned))
    if apposition and len(cleaned.split()) <= 3:
        # "the Ridge, a full-size electric pickup" -> "Ridge full-size electric pickup"
        return start, start + len(cleaned), f"{cleaned} {apposition.group('np')}"
    basis = _BASED_ON.match(text, start + len(cleaned))
    if basis:
        # "a crossover for Mitsubishi, based on the next-generation Leaf" / "models on its own EV platform"
        return start, start + len(cleaned), f"{cleaned} {basis.group('np')}"
    return start, start + len(cleaned), cleaned


_BASED_ON = re.compile(
    r"(?:\s+for\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})?\s*,?\s*(?P<np>(?:based\s+on|built\s+on|on)\s+"
    r"(?:the|its|a|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,3}?(?:platform|architecture|[A-Z][\w-]*(?![\w-]|\s+(?:markets?|buyers|customers|roads?|drivers|platform|architecture)\b)(?:\s+[A-Z0-9][\w.+-]*(?![\w-])){0,2})|"
    # what drives it defines the product: "scooters powered by sodium-ion batteries", "trucks running on hydrogen"
    r"(?:powered\s+by|running\s+on|equipped\s+with|fitted\s+with)\s+(?:(?:the|its|a|an|their)\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:batteries|battery|cells|engines?|motors?|hydrogen|fuel\s+cells?|drive|powertrain))\b"
)


_APPOSITIVE_PRODUCT = re.compile(
    r"\s*,\s*(?:a|an|the|its)\s+(?P<np>(?:[\w-]+\s+){0,4}?(?:SUV|SUVs|sedan|saloon|pickup|pick-up|crossover|hatchback|"
    r"car|coupe|coupé|van|truck|lorry|estate|wagon|minivan|MPV|roadster|robotaxi|supermini|tractor|bus|model|"
    r"grand\s+tourer|convertible))\b",
    re.IGNORECASE,
)


def _subject_product(view: SentenceView, cue_start: int) -> tuple[int, int, str] | None:
    """The noun phrase before an arrival verb: the product subject ("A Neue Klasse sedan will follow")."""
    text = view.text
    clause_start, _clause_end = clause_bounds(text, cue_start)
    left = text[clause_start:cue_start]
    for start, end in parenthetical_spans(text, []):
        if clause_start <= start and end < cue_start and text[end] == ",":
            # "The T10X, which is built in Gemlik, will be offered …": the relative clause is an aside
            left = left[: start - clause_start] + " " * (end - start) + left[end - clause_start :]
    boundary, kind = 0, ""
    for match in _SUBJECT_BOUNDARY.finditer(left):
        boundary, kind = match.end(), (match.group(1) or match.group(2) or match.group(3)).lower()
    segment = left[boundary:]
    if not segment.strip(" ,"):
        if kind in ("that", "which"):  # "a 7.5-tonne truck that is due to go on sale"
            return _np_ending_before(text, clause_start + boundary - len(kind) - 1)
        subject = _SENTENCE_SUBJECT.match(text)  # "The CLA is the first model ... and shall come"
        return _np_ending_before(text, subject.end("np")) if subject else None
    offset = clause_start + boundary
    best: tuple[int, int, int] | None = None  # (score, index, chunk start)
    cursor = offset
    for index, chunk in enumerate(segment.split(",")):
        score = _chunk_score(chunk)
        if score and (best is None or score >= best[0]):
            best = (score, index, cursor)
        cursor += len(chunk) + 1
    if best is None:
        return None
    chunk = segment.split(",")[best[1]]
    start = best[2] + len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if _PLANT_NOUN.search(chunk):
        return None  # "the plant is due to start production": a site, not a product
    cleaned = _DETERMINERS.sub("", _LEAD_ADVERBIAL.sub("", chunk)).strip()
    start += len(chunk) - len(cleaned)
    trimmed = read_product(text, start, cue_start)
    if (
        trimmed
        and _chunk_score(trimmed[2]) >= 2
        and (not _MODEL_TOKEN.search(cleaned) or _MODEL_TOKEN.search(trimmed[2]))
    ):
        return trimmed
    if len(cleaned.split()) > 10 or (trimmed and _chunk_score(trimmed[2]) < 2):
        np = _np_ending_before(text, start + len(cleaned))
        if np is not None and np[0] < clause_start:
            return None  # "…, and European deliveries are expected": no product noun in the clause
        if np or len(cleaned.split()) > 10:
            return np
    if trimmed and _MODEL_TOKEN.search(cleaned) and not _MODEL_TOKEN.search(trimmed[2]):
        return (start, start + len(cleaned), cleaned)
    return trimmed


def _chunk_score(chunk: str) -> int:
    if _MODEL_TOKEN.search(chunk):
        return 3
    if _lexicon().product_nouns.search(chunk):
        return 2
    if re.search(r"[A-Z]", chunk) or _GENERIC_SUBJECT.match(_DETERMINERS.sub("", chunk.strip())):
        return 1
    return 0


def _np_ending_before(text: str, end: int) -> tuple[int, int, str] | None:
    """The noun phrase that ends at `end`, read leftwards ("... on two Volkswagen-brand electric models")."""
    window_start = max(0, end - 120)
    heads = [
        m.end()
        for m in re.finditer(r"[^\s,;:()]+", text[window_start:end])
        if _lexicon().product_nouns.fullmatch(m.group(0)) or _MODEL_TOKEN.fullmatch(m.group(0))
    ]
    if not heads:
        return None
    end = window_start + heads[-1]  # "two electric models for the Chinese market": end at the head noun
    words = list(re.finditer(r"[^\s,;:()]+", text[window_start:end]))
    kept: list[re.Match[str]] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        bare = word.group(0).lower()
        if index > 0 and words[index - 1].group(0).lower() in _MODALS:
            break  # "will underpin scooters": the word after a modal is a verb
        if bare.endswith("ed") and "-" not in bare and bare not in _PARTICIPLE_ADJECTIVES:
            break  # "Kia showed three concept cars": a past verb is no part of the name
        if (
            bare in _NP_STOP
            or bare in _VERB_STOP
            or bare in {"the", "a", "an", "its", "their", "of", "on", "to"}
            or re.fullmatch(r"[\d.,]+", bare)  # "bought 120 Vento vans": a count ends the phrase
        ):
            break
        if re.search(r"[,;:()]\s*$", text[window_start + word.end() : end]) and kept:
            break
        kept.insert(0, word)
    while kept and not (
        _lexicon().product_nouns.search(kept[-1].group(0)) or _MODEL_TOKEN.search(kept[-1].group(0))
    ):
        kept.pop()  # "two electric models for the Chinese market": end at the head noun
    if not kept:
        return None
    start, stop = window_start + kept[0].start(), window_start + kept[-1].end()
    return start, stop, text[start:stop]


_BARE_GENERIC = frozenset({"models", "model", "vehicles", "vehicle", "cars", "car", "products", "product", "ones"})


def _is_product(view: SentenceView, product: str, start: int) -> bool:
    """A product noun phrase or a model name; not a plant, a figure, a company or a bare pronoun."""
    lex = _lexicon()
    lower = product.lower()
    if lower in lex.not_products or lower.split()[-1] in lex.not_products:
        return False
    if lower in _BARE_GENERIC:
        return False  # "the first models with it shall arrive": no product is named
    if _NUMBER_START.match(product) and not _SMALL_COUNT.match(product):
        return False
    if re.search(
        r"\b(?:jobs|employees|workers|tonnes|tons|GWh|percent|per\s+cent|%|stake|shares|million|billion)\b",
        product,
        re.IGNORECASE,
    ):
        return False
    if any(p.start <= start and start + len(product) <= p.end for p in view.places):
        return False  # "An EV-only factory in Vithalapur, Gujarat, is to follow": a place is no product
    inside = [o for o in view.orgs if o.start >= start and o.end <= start + len(product)]
    if inside:
        rest = list(product)
        for org in inside:
            rest[org.start - start : org.end - start] = " " * (org.end - org.start)
        if not re.sub(r"['’]s\b|[\W_]", "", "".join(rest)):
            return False  # the phrase is only a company name (but "Aion V" names a model of GAC Aion)
    if lex.product_nouns.search(product):
        return True
    if start == len(view.text) - len(view.text.lstrip()) and _ABSTRACT_NOUN.fullmatch(product):
        return False  # "Groundbreaking is planned for later this year": capitalised only as the first word
    if re.match(r"^[A-Za-z]*[A-Z0-9][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,3}$", product):
        return True
    if is_model_list(product) and not inside:
        return True  # "the Dolphin Surf and Atto 2" (but not "Toyota and BYD")
    named = re.fullmatch(r"(?:[a-z][\w-]*\s+){1,3}(?P<name>[A-Z][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,2})", product)
    if (
        named
        and named.group("name").split()[0].lower() not in lex.not_products | _TITLES
        and not _NOT_A_MODEL_HEAD.search(product)
    ):
        return True  # "the new electric CLA", "the next-generation Leaf", "the e Vitara"
    # a short name with a model code among lower-case words: "Q6 e-tron", "Neue Klasse iX3", "e-JS4"
    tokens = _MODEL_TOKEN.findall(product)
    # "Q4" alone is a quarter, "Audi Q4 e-tron" a model
    return 0 < len(product.split()) <= 4 and bool(tokens) and (
        len(product.split()) > 1 or not _NOT_A_MODEL.fullmatch(tokens[0])
    )


# "its luxury brand Aurel", "its new strategy Renaulution": a brand or a plan named is no product
_NOT_A_MODEL_HEAD = re.compile(r"\b(?:brand|sub-brand|marque|label|strategy|plan|programme|program|division|unit)\b", re.I)
_TITLES = frozenset(["ceo", "chief", "president", "chairman", "director", "minister", "manager", "boss", "head"])
_ABSTRACT_NOUN = re.compile(r"[A-Z][a-z]+(?:ing|ion|ions|ment|ments|ness|ity|ance|ence|ship|ure|al)")
# Tokens shaped like model codes that are periods, units or chemistry: "Q4", "H1", "FY26", "CO2", "800V", "5kWh".
_NOT_A_MODEL = re.compile(
    r"Q[1-4]|H[12]|FY\d{2,4}|CO2|\d+(?:[.,]\d+)?(?:V|kWh|GWh|MWh|km|kW|MW|GW|mm|cm|m|k|bn|mn|t|s|th|st|nd|rd)",
    re.IGNORECASE,
)


# Between two subjects of a list: "A and B", "A, B", "A and the American B".
_SUBJECT_LIST_GAP = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:(?i:the)\s+[A-Z][a-z]+\s+)?", re.IGNORECASE)


def _subjects(view: SentenceView, cue_start: int) -> tuple[OrgRef, ...]:
    """The organisation(s) in subject position before a cue, with "X and Y" lists."""
    text = view.text
    clause_start, _end = clause_bounds(text, cue_start)
    before = [o for o in view.orgs if o.end <= cue_start]
    subjects = [
        o
        for o in before
        if (
            not _SUBJECT_BLOCK.search(text[max(0, o.start - 16) : o.start])
            # "Hyundai Motor Group's Kia brand will launch …": the possessed company heads the subject
            or re.search(r"['’]s\s+$", text[max(0, o.start - 4) : o.start])
            and re.match(r"(?:\s+(?:brand|unit|subsidiary|division|arm))?\s+(?:will|plans|is|aims|wants|intends)\b", text[o.end :])
        )
        and not re.match(r"['’]", text[o.end : o.end + 1])
        and not _IN_ASIDE.search(text, max(0, o.start - 80), o.start)  # "Chery, which took over a Nissan plant, …"
        and not re.search(r"\bformer\s+$", text[max(0, o.start - 8) : o.start])
    ]
    pool = [o for o in subjects if o.start >= clause_start] or subjects
    if not pool:
        return ()
    head = pool[-1]
    chain = [head]
    for org in reversed([o for o in before if o.end <= head.start]):
        if org.names == chain[0].names and text[org.end : chain[0].start].strip() == "(":
            chain[0] = org  # "General Motors (GM)": the alias in brackets names the same subject
        elif _SUBJECT_LIST_GAP.fullmatch(text, org.end, chain[0].start):
            chain.insert(0, org)
        else:
            break
    return tuple(chain)


# A site made ready for a product: "is preparing its Normal, Illinois, factory for the smaller R2 SUV".
_PLANNING_THE_LAUNCH = re.compile(
    r"\b(?:plans|planned|is\s+planning|are\s+planning|prepares|is\s+preparing|are\s+preparing|has\s+scheduled|"
    r"is\s+scheduling)\s+(?:the|a|its)\s+(?:(?:market|global|"
    r"european|local|world)\s+)?(?:launch|introduction|debut|premiere|start\s+of\s+production|entry|sales\s+start)\s+of\s+",
    re.IGNORECASE,
)
_PREPARING_SITE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|will\s+be|began|begins|started|starts)\s+(?:preparing|readying|retooling|"
    r"converting|re-equipping|refitting|upgrading)\s+(?:its|their|the|a)\s+[^.;]{0,60}?\b(?:plant|factory|facility|site|"
    r"assembly\s+line|production\s+line)\s*,?\s+(?:for|to\s+build|to\s+make|to\s+produce|to\s+assemble)\s+",
    re.IGNORECASE,
)
# Translated word order: time and place before the object ("will produce from 2026 in Figueruelas the B10").
_FRONTED_ADVERBIALS = re.compile(
    r"(?:(?:from|in|at|starting\s+in|as\s+of|since)\s+(?:20\d\d\s+|(?:the\s+coming|next|this)\s+year\s+|[A-Z][\w-]*\s+(?:[A-Z][\w-]*\s+)?)){1,2}"
    r"(?=(?:the|a|an|its|their)\s)"
)
_REPORTER = re.compile(r"\s+(?:said|says|announced|confirmed|told)\b")
_VENTURE_WITH = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:joint\s+)?(?:venture|jv)\s+with\s+(?:[\w-]+\s+){0,4}?$", re.IGNORECASE
)


def _venture_subject(view: SentenceView, cue_start: int) -> list[OrgRef]:
    """ "⟨A⟩'s venture with (Chinese EV maker) ⟨B⟩ will start building …": both partners plan it."""
    text = view.text
    clause_start, _end = clause_bounds(text, cue_start)
    before = [o for o in view.orgs if clause_start <= o.start and o.end <= cue_start and not o.plural]
    for first, second in zip(before, before[1:], strict=False):
        if _VENTURE_WITH.match(text[first.end : second.start]) and not re.search(r"[,;:]", text[second.end : cue_start]):
            return [first, second]
    return []


def _orgs(view: SentenceView, discourse: Discourse, candidate: _Candidate) -> list[str]:
    """Who plans it: the subject, a brand named in the product, the agent of a passive, or the topic."""
    text = view.text
    refs: list[OrgRef] = list(candidate.subject_orgs)
    inside = [
        o
        for o in view.orgs
        if candidate.product_start <= o.start < candidate.product_end
        and not re.match(r"['’]", text[o.end : o.end + 1])
    ]
    venture = _venture_subject(view, candidate.cue_start)
    if venture:
        refs = venture
    if not refs and inside:
        refs = inside[:1]  # "the electric Jaguar GT", "Kia's EV2"
    if not refs:
        agent = [
            o
            for o in view.orgs
            if o.start >= candidate.cue_start and re.search(r"\bby\s*$", text[max(0, o.start - 6) : o.start])
        ]
        refs = agent[:1]
    if not refs:
        refs = list(_subjects(view, candidate.product_start))
    if not refs:
        refs = _possessor(view, candidate.product_start)  # "Li Auto's first SUV, the i8, is due in July"
    if not refs:
        # "Production of the Model 2 is expected to begin in 2025, Tesla said": the reporting company
        refs = [
            o
            for o in view.orgs
            if not o.plural and _REPORTER.match(text, o.end) and text[: o.start].rstrip().endswith(",")
        ][:1]
    if not refs:
        refs = [
            o
            for o in view.orgs
            if candidate.product_start <= o.start < candidate.product_end
            or re.fullmatch(r"\s+(?:from|by)\s+", text[candidate.product_end : o.start])
        ][:1]  # "Renault's electric R5 will be built …", "a new electric SUV from Peugeot is slated for 2026"
    if not refs:
        refs = _possessor(view, candidate.cue_start)  # "BYD's Hungarian factory will start production of …"
    if not refs:
        refs = [
            o for o in view.orgs if o.start > candidate.cue_start and not o.plural and _ATTRIBUTION.match(text, o.end)
        ][:1] or [
            o for o in view.orgs if re.search(r"\baccording\s+to\s+$", text[max(0, o.start - 14) : o.start], re.I)
        ][:1]  # "…, and will be assembled at Tanjung Malim, Proton said."
    if not refs and discourse.topic is not None:
        refs = [discourse.topic]
    refs += [o for o in view.orgs if _JOINT.search(text[max(0, o.start - 26) : o.start])]
    customer = [o for o in view.orgs if re.fullmatch(r"\s+for\s+", text[candidate.product_end : o.start])]
    refs += customer[:1]  # "a crossover for Mitsubishi Motors": both carmakers plan it
    names: list[str] = []
    for ref in refs:
        for name in ref.names:
            if normalize_name(name) not in (normalize_name(n) for n in names):
                names.append(name)
    return names


_IN_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;:.]*$", re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:said|says|announced|confirmed|stated|added|revealed|reported|told\s+\w+)\b", re.I
)


def _possessor(view: SentenceView, product_start: int) -> list[OrgRef]:
    """The company whose product the subject is: "⟨Li Auto⟩'s first pure electric SUV, the i8, …"."""
    text = view.text
    clause_start, _end = clause_bounds(text, product_start)
    for org in reversed([o for o in view.orgs if clause_start <= o.start and o.end <= product_start]):
        gap = text[org.end : product_start]
        if re.match(r"['’]s?\s", gap) and len(gap) <= 70 and not re.search(r"\b(?:will|is|are|was|has|said)\b", gap):
            return [org]
        break
    return []


_ELECTRIC_WORD = re.compile(r"\b(?:electric|battery-electric|all-electric|e-?mobility)\b(?!.*\bhybrid)", re.I)


def _maker_powertrain(orgs: list[str], discourse: Discourse) -> list[str] | None:
    """A maker the article calls electric ("the best-selling electric brand Togg") plans electric products."""
    return ["BEV"] if orgs and all(o in discourse.ev_makers for o in orgs) else None


def _powertrains(view: SentenceView, candidate: _Candidate) -> list[str] | None:
    start, end = clause_bounds(view.text, candidate.cue_start)
    inside = [p.value for p in view.powertrains if candidate.product_start <= p.start < candidate.product_end]
    values = (
        inside
        or [p.value for p in view.powertrains if start <= p.start < end]
        or [p.value for p in view.powertrains]
    )
    unique = list(dict.fromkeys(str(v) for v in values if v and v != "all"))
    if not unique and _ELECTRIC_WORD.search(candidate.product):
        return ["BEV"]  # "a new electric small commercial vehicle platform": electric, with words in between
    return unique or None


def _markets(view: SentenceView, candidate: _Candidate) -> list[str] | None:
    """Countries and regions the plan is for: "for the US market", "in Norway, the Netherlands and Germany"."""
    text = view.text
    clause_start, clause_end = clause_bounds(text, candidate.cue_start)
    low = min(candidate.cue_start, candidate.product_start)
    site_places = [(s.place.start, s.place.end) for s in find_sites(view)]
    markets: list[str] = []
    last_end = -1
    for place in view.places:
        if place.kind not in ("country", "region") or not (low <= place.start < clause_end):
            continue
        if any(s <= place.start < e for s, e in site_places):
            continue
        if re.match(r"(?:-based|-made|-built|-listed|['’]s\b|-owned)", text[place.end : place.end + 10]):
            continue
        before = text[max(0, place.start - 60) : place.start]
        listed = last_end >= 0 and re.fullmatch(
            r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", text[last_end : place.start]
        )
        if not listed:
            if re.search(
                rf"(?:{_MAKE_FORMS}|\b(?:plant|factory)\b)(?:\s+[\w.-]+){{0,5}}\s+(?:in|at)\s+(?:the\s+)?$",
                before,
                re.IGNORECASE,
            ):
                continue
            if not re.search(
                r"\b(?:for|in|to|across|throughout|into|exclusive(?:ly)?\s+(?:to|for|in)|only\s+in)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?$",
                before,
                re.IGNORECASE,
            ):
                continue
        last_end = place.end
        if str(place.value) not in markets:
            markets.append(str(place.value))
    adjectives = _lexicon().market_adjectives
    for match in _MARKET_ADJECTIVE.finditer(text, low, clause_end):
        value = adjectives.get(match.group("adj"))
        if value and value not in markets:
            markets.append(value)
    if len(markets) > 1 and "overseas" in markets:
        markets.remove("overseas")  # "to export the Bingo to Indonesia": the named market says more
    return markets or None


def _production_location(view: SentenceView, candidate: _Candidate) -> str | None:
    product = (candidate.product_start, candidate.product_end)
    site = site_of_product(view.text, find_sites(view), product, (candidate.cue_start, candidate.cue_end))
    if site is not None:
        return site.place.value
    text = view.text
    for match in _MADE_IN.finditer(text):
        places = read_place_list(text, match.end())
        if places:
            return places[0].value
    if _PRODUCTION_CUE.search(text, candidate.cue_start, candidate.cue_end + 1):
        # "Production of the Raval is to start in 2026 in Martorell": the town named after a production cue
        _start, clause_end = clause_bounds(text, candidate.cue_start)
        for match in re.finditer(r"\s(?:in|at)\s+(?=[A-ZÀ-Þ])", text[: clause_end]):
            if match.start() < candidate.cue_start:
                continue
            towns = [
                p for p in read_place_list(text, match.start(), _not_places()) if p.kind in ("city", "subdivision")
            ]
            if towns:
                return str(towns[0].value)
    if re.search(r"\b(?:there|at\s+the\s+same\s+(?:plant|site|factory))\b", text):
        previous = view.previous
        for _ in range(3):
            if previous is None:
                break
            previous_sites = find_sites(previous)
            if previous_sites:
                return previous_sites[0].place.value
            previous = previous.previous
    return None


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    """Capitalised words that are no town ("in October", "in Q3"), from the plant lexicon."""
    return frozenset(load_lexicon("plants")["not_places"])


_PRODUCTION_CUE = re.compile(
    r"\b(?:production|producing|produce|assembly|assembling|assemble|manufacturing|manufacture|build|building|"
    r"mass-produce|make|making)\b",
    re.IGNORECASE,
)


def _plan_words(product: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", product.lower()) if len(w) > 1}


def merge_restated_plans(facts: list[Fact]) -> list[Fact]:
    """ "The venture will build the B10 compact SUV … The B10 will be assembled at Figueruelas": a later plan
    whose product and companies are within an earlier one restates it, and adds only what that one lacks."""
    kept: list[Fact] = []
    for fact in facts:
        if fact.type == "product_plan":
            words = _plan_words(str(fact.fields.get("product") or ""))
            orgs = {normalize_name(o) for o in fact.fields.get("orgs") or []}
            for earlier in kept:
                if earlier.type != "product_plan":
                    continue
                bigger = _plan_words(str(earlier.fields.get("product") or ""))
                years = [set(re.findall(r"20\d\d", str(f.fields.get("timeframe") or ""))) for f in (fact, earlier)]
                if all(years) and years[0] != years[1]:
                    continue  # "the EV3 GT in 2026 … the EV3 in 2025": two products, not one restated
                if _made_elsewhere(fact, earlier):
                    continue  # "the Leaf, built in Tochigi … Sunderland will make the Leaf": a second site
                if words and words <= bigger and orgs <= {normalize_name(o) for o in earlier.fields.get("orgs") or []}:
                    for field, value in fact.fields.items():
                        if earlier.fields.get(field) in (None, []) and value not in (None, []):
                            earlier.fields[field] = value
                    break
            else:
                kept.append(fact)
            continue
        kept.append(fact)
    return kept


def _made_elsewhere(fact: Fact, earlier: Fact) -> bool:
    """Both plans name where the product is made, and not the same place."""
    here, there = fact.fields.get("production_location"), earlier.fields.get("production_location")
    return bool(here and there and not (_plan_words(str(here)) & _plan_words(str(there))))


def _is_future(view: SentenceView, time: re.Match[str]) -> bool:
    article_date = view.doc.article.date
    years = re.findall(r"20\d\d", time.group(0))
    if not years or article_date is None:
        return True
    return int(years[0]) >= article_date.year


# Every _TIME match contains one of these; _TIME itself is slow to try at every offset of a sentence.
_TIME_CUE = re.compile(rf"20\d\d|FY|year|month|decade|quarter|half|spring|summer|autumn|fall|winter|{_MONTHS}", re.IGNORECASE)


def _times(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """_TIME matches in text[start:end], skipping the scan where no time word occurs."""
    if _TIME_CUE.search(text, start, end) is None:
        return iter(())
    return _TIME.finditer(text, start, end)


_BARE_PART = re.compile(rf"(?i:{_MONTHS})|the\s+\w+\s+(?:quarter|half)", re.IGNORECASE)


def _timeframe(view: SentenceView, candidate: _Candidate) -> str | None:
    """The time of the plan as stated, relative years resolved against the article date."""
    text = view.text
    clause_start, clause_end = clause_bounds(text, candidate.cue_start)
    # The first future time after the cue, else the last one before it in its clause.
    match = next((m for m in _times(text, candidate.cue_start, len(text)) if _is_future(view, m)), None)
    if match is None:
        before = [
            m
            for m in _times(text, clause_start, candidate.cue_start)
            if _is_future(view, m) and not _BARE_PART.fullmatch(m.group("body"))
        ]  # "said in March it will add a model": a bare month before the plan dates the statement
        match = before[-1] if before else None
    if match is None:
        return None
    return resolve_timeframe(match, view.doc.article.date)


def resolve_timeframe(match: re.Match[str], article_date: date | None) -> str:
    """A timeframe phrase with "next year"/"this year" resolved to the year when the date is known."""
    prep = " ".join((match.group("prep") or "").lower().split())
    body = " ".join(match.group("body").split())
    body = re.sub(
        r"^the\s+(?=(?:early|mid|late|end|start|beginning|middle|first|second|third|fourth)\b)",
        "",
        body,
        flags=re.IGNORECASE,
    )
    if article_date is not None:
        year = article_date.year
        body = re.sub(r"(?i)\blater\s+this\s+year\b", f"late {year}", body)
        body = re.sub(r"(?i)\bearlier\s+this\s+year\b", f"early {year}", body)
        body = re.sub(r"(?i)\bnext\s+year\b", str(year + 1), body)
        if re.fullmatch(r"(?i)next\s+month", body):
            following = date(year + article_date.month // 12, article_date.month % 12 + 1, 1)
            body = following.strftime("%B %Y")
        body = re.sub(r"(?i)\bthis\s+(spring|summer|autumn|fall|winter)\b", rf"\1 {year}", body)
        body = re.sub(r"(?i)\bnext\s+(spring|summer|autumn|fall|winter)\b", rf"\1 {year + 1}", body)
        part = re.fullmatch(r"(?i)(first|second|third|fourth)\s+(quarter|half)", body)
        if part:
            # "in the fourth quarter": of this year unless it has already ended, then of the next
            number = ["first", "second", "third", "fourth"].index(part.group(1).lower()) + 1
            last_month = number * (3 if part.group(2).lower() == "quarter" else 6)
            body = f"{body} of {year if last_month >= article_date.month else year + 1}"
        month = re.fullmatch(rf"(?i:{_MONTHS})", body)
        if month:
            number = [m.lower() for m in _MONTHS.split("|")].index(body.lower()) + 1
            number += 1 if number >= 5 else 0  # May is not in the list
            body = f"{body.capitalize()} {year if number >= article_date.month else year + 1}"
        body = re.sub(r"(?i)\bthis\s+year\b|\bthe\s+year\b", str(year), body)
    if prep == "later":
        return f"late {body}" if body[:1].isdigit() else f"later {body}"
    return f"{prep} {body}".strip() if prep in _KEEP_PREP else body


def _update_previous_plan(view: SentenceView, candidate: _Candidate) -> None:
    """ "The model will be made in Tochigi": fill in what the plan read just before left open."""
    previous = view.previous
    for _ in range(3):
        if previous is None:
            return
        plans = previous.notes.get("product_plans")
        if isinstance(plans, list) and plans:
            fact = plans[-1]
            fields = fact.fields
            if not fields.get("timeframe"):
                fields["timeframe"] = _timeframe(view, candidate)
            if not fields.get("production_location"):
                fields["production_location"] = _production_location(view, candidate)
            if not fields.get("markets"):
                fields["markets"] = _markets(view, candidate)
            if not fields.get("powertrains"):
                fields["powertrains"] = _powertrains(view, candidate)
            view.notes["product_plans"] = [fact]
            return
        previous = previous.previous
