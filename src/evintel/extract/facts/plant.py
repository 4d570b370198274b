"""Plant facts: who has (or will have) a factory, mine or production line where, making what, in what state.

A plant is read from a site noun with a place ("its plant in Debrecen, Hungary", "the Rastatt plant",
"At Marshall, Michigan, Ford is investing in a plant") or from a verb of making with a place ("is built
in Rastatt and in the hungarian Kecskemét", "has been making cells in Arnstadt"). The owner is the
possessor of the noun, the agent of a passive, the subject of the clause, or the organisation in focus.
The sites found are kept on the view (`plant_sites`) so product plans can take their production location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from evintel.extract.context import CLAUSE_BREAK, Discourse, OrgRef, SentenceView
from evintel.extract.cues import may_match
from evintel.extract.facts.production_sites import (
    fronted_making_sites,
    fronted_production_sites,
    product_maker,
)
from evintel.extract.facts.site_owners import (
    NEXT_TO,
    after_place_possessive,
    aside_spans,
    bracketed_owner,
    in_aside,
    is_former_owner,
    is_supply_agent,
    is_wanted_site,
    refines_region_site,
    relative_clause_owner,
)
from evintel.extract.lexicon import load_lexicon, phrase_alternation, phrase_pattern
from evintel.extract.modality import sentence_cues
from evintel.extract.naming import is_place_word, name_lexicon
from evintel.extract.places import Place, lookup_place, place_before, read_place_list
from evintel.extract.template import Gate, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

STATUS_PRIORITY = ("closed", "under_construction", "planned", "operating")
_PRODUCT_STOP = (
    r"in|at|from|for|by|with|on|near|since|until|starting|beginning|next|later|this|there|which|that|who|"
    r"where|while|whereas|but|as|after|before|when|to|into|through|over|under|within|per|a|an|is|are|was|"
    r"were|will|would|can|could|should|has|have|had|alongside|including|than|its|their|the|and"
)
_STOP_WORDS_SET = frozenset(_PRODUCT_STOP.split("|"))
_NP = r"[\w\-.’'()&/+]+(?:\s+[\w\-.’'()&/+]+){0,7}"
_PROCESS_WORDS = frozenset(["assembly", "production", "manufacturing", "processing", "recycling", "making", "final"])
_MAKE_VERBS = (
    *("recover", "recovers", "recovering", "refine", "refines", "refining"),
    *("process", "processes", "processing", "build", "builds", "building"),
    *("produce", "produces", "producing", "make", "makes", "making"),
    *("assemble", "assembles", "assembling", "manufacture", "manufactures", "manufacturing"),
    *("supply", "supplies", "supplying", "ramping up", "ramping"),
)
_PRODUCT_LEAD = ("to", "will", "which", "that", "where it", "where they", "it", "they")
# Tried at every word start of a region: the words as prefix trees, and the letters a match can open with
# looked at first.
_PRODUCT_AFTER = re.compile(
    rf"\b(?=[abfimoprstw])(?:{phrase_alternation(_PRODUCT_LEAD)}\s+)?"
    rf"(?:(?P<verb>{phrase_alternation(_MAKE_VERBS)})|for|of)\s+"
    rf"(?:(?:the|its|their|both|all|a|an|new|future)\s+)*(?P<np>{_NP})",
    re.IGNORECASE,
)
_PRODUCTION_OF = re.compile(rf"\bproduction\s+of\s+(?:the\s+|its\s+)?(?P<np>{_NP})", re.IGNORECASE)
_PASSIVE_PRODUCT = re.compile(
    r"(?:the\s+|its\s+)?(?P<np>[\w\-.’'&/+]+(?:\s+[\w\-.’'&/+]+){0,5})\s+(?:is|are|will\s+be|is\s+being|"
    r"are\s+being|is\s+currently|are\s+currently|has\s+been|have\s+been|"
    r"(?:will\s+)?continues?\s+to\s+be|will\s+also\s+be|is\s+also|are\s+also)\s+(?:built|made|produced|assembled|"
    r"manufactured)\s*$",
    re.IGNORECASE,
)
# What _PASSIVE_PRODUCT must end with: checked first, as the full pattern is tried at every offset.
_PASSIVE_END = re.compile(r"(?:built|made|produced|assembled|manufactured)$", re.IGNORECASE)
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,5}$")  # "BYD's first European passenger car plant"
_MODIFIER_GAP = re.compile(r"^\s+(?:[\w-]+\s+){0,2}$")
_AGENT = re.compile(r"\b(?:by|of|between|operated\s+by|run\s+by|owned\s+by)\s*$", re.IGNORECASE)
_BLOCKING_PREPOSITION = re.compile(
    r"\b(?:with|for|from|to|than|like|of|versus|between|including|partner|customer|supplier|supplies|supply)\s*$",
    re.IGNORECASE,
)
_OWNER_VERB_AFTER = re.compile(
    r"\s+(?:said|says|announced|confirmed|told|runs|operates|owns|opened|built|is\s+building|has\s+built|"
    r"will\s+build|plans|is\s+planning|acquired|bought)\b",
    re.IGNORECASE,
)
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*){0,2}"
_CHOSEN_PLACE = re.compile(
    rf"\b(?i:picked|chose|chosen|selected|named|opted\s+for|settled\s+on)\s+(?P<name>{_CAP})"
    rf"(?:\s*,\s*(?P<qual>{_CAP})\s*,)?\s+(?i:as|for)\b"
)
_NAMED_SITE = re.compile(r",\s+[A-ZÀ-Þ][\w-]*(?:\s+[A-ZÀ-Þ][\w-]*){0,2}(?=\s+(?:in|at|near)\s)")
_FUNDING = re.compile(
    r"\b(?:support|fund|finance|pay\s+for|loan\s+for|grant\s+for|help\s+build|back|backs|backing)\b"
    r"(?:\s+[\w-]+){0,4}\s*$",
    re.IGNORECASE,
)
_SUBJECT_BLOCK = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|with|for|from|to|than|like|of|versus|between|including|alongside|by|"
    r"at|in|on|into|supplies|supply|customer|partner|and\s+with)|['’]s)\s*$",
    re.IGNORECASE,
)
_AT_SITE = re.compile(r"\b(?:at|from|into)\b", re.IGNORECASE)
_MAKING_PLAN = re.compile(
    r"\b(?:build|produce|make|start|begin|assemble|manufacture|house|employ|invest|investing|fund|finance|support|pay)\b",
    re.IGNORECASE,
)
_MAKING_OBJECT = re.compile(r"[\w-]+(?:\s+\w[\w\-.’']*){0,5}?(?=\s+(?:in|at|near)\s)")
_NEAR = re.compile(r"\s+(?:near|outside(?:\s+of)?|close\s+to|not\s+far\s+from|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?", re.I)
_LOCATED_AFTER = re.compile(
    r"(?:\s*,[^,.;]{1,60},)?\s+(?:is|are|was|were|will\s+be)\s+(?:now\s+|already\s+|still\s+)?(?:being\s+built|being\s+constructed|"
    r"under\s+construction|going\s+up|located|based|planned|set\s+to\s+be\s+built|to\s+be\s+built)(?=\s+(?:in|at|near)\s)"
)
# After "will start production": a time or the end of the clause, no object ("… will start production in
# October 2025" plans the site; "… is being prepared to build the A7" plans a product of an existing one).
_NO_OBJECT = re.compile(
    r"(?:\s+(?:production|operations?|output|manufacturing))?"
    r"(?:\s*(?:[,.;]|$)|\s+(?:in|by|at|from|next|this|early|late|before|after|around|as\s+early)\b)",
    re.I,
)
_PLACE_BEFORE_VERB = re.compile(
    r"\b(?:will|shall|would|to|plans?(?:\s+to)?|intends?(?:\s+to)?|wants?(?:\s+to)?|aims?(?:\s+to)?)\s+"
    r"(?:jointly\s+|also\s+)?(?P<in>in)\s+(?=[A-ZÀ-Þ])"
)
_BUILD_AFTER_PLACE = re.compile(
    r"\s+(?:to\s+)?(?:jointly\s+)?(?:build|set\s+up|construct|open|establish|erect)\s+(?:(?:a|an|the|its|their|new)\s+)*",
    re.IGNORECASE,
)
_NEAR_BEFORE = re.compile(r",?\s*\b(?:near|outside(?:\s+of)?|close\s+to|not\s+far\s+from)\s+(?:the\s+)?$", re.I)
_SITE_APPOSITION = re.compile(
    r"\s*,\s+(?:(?:inaugurated|opened|built|launched|located|based|set\s+up|established|founded|completed|"
    r"which\s+(?:opened|was\s+(?:opened|inaugurated|built|completed)))\s+(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:\d{1,2}\s+)?(?:20\d\d|19\d\d)\s+)?)?(?=(?:in|at|near)\s)"
)
_DASH_ASIDE = re.compile(r"\s*[—–]\s[^—–]{1,120}\s[—–]")
_VENTURE_PARTNER = re.compile(r"\s*,?\s+with\s+(?:[\w'’-]+\s+){0,3}?", re.IGNORECASE)
_FRONTED_END = re.compile(r"\s*(?:\([^()]*\))?\s*,?\s*(?:the\s+)?")
_FRONTED = re.compile(r"^\s*(?:In|At|Near)\s+")
_SUBJECT_PLACE = re.compile(
    r"^\s*(?P<name>[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*){0,2})\s+(?:will\s+be|is|becomes|has\s+become|would\s+be)\s+(?:the|a|an|its|their)\b"
)
# A capitalised first word that opens a clause, is a pronoun or a verb form, not a town: "When both plants are …",
# "It is the third gigafactory …", "Manufactured becomes the motor in …" (translated word order).
_NOT_SUBJECT_PLACE = re.compile(
    r"^(?:When|While|If|Once|After|Before|Since|As|Because|Where|Although|Though|Until|Unless|Whether|Both|All|"
    r"Each|Every|Some|Many|Most|Other|Such|What|Which|Who|How|Why|There|Here|It|Its|This|That|These|Those|They|We|"
    r"Our|He|She|Now|Then|Also|Only|Today|Currently)\b|^[\w-]+(?:ed|ing|ly)$"
)
_GAP_STOP = frozenset(
    [
        "from",
        "to",
        "for",
        "with",
        "at",
        "in",
        "its",
        "their",
        "his",
        "her",
        "by",
        "of",
        "on",
        "and",
        "or",
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "are",
        "will",
        "would",
        "opened",
        "opens",
        "said",
        "says",
        "runs",
        "operates",
        "built",
        "builds",
    ]
)


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The clause around a position; unlike context.clause_bounds, "50:50" is not a clause break."""
    start, end = 0, len(text)
    for break_start, break_end in _clause_breaks(text):
        if break_end <= position:
            start = break_end
        elif break_start >= position:
            end = break_start
            break
    return start, end


@lru_cache(maxsize=512)
def _clause_breaks(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(
        (m.start(), m.end())
        for m in CLAUSE_BREAK.finditer(text)
        if not (m.group(0) == ":" and text[m.end() : m.end() + 1].isdigit())
    )


@dataclass(frozen=True, slots=True)
class Site:
    """A production site read from one sentence: the cue, its place, owner, status and products."""

    cue_start: int
    cue_end: int
    place: Place
    org: OrgRef | None
    status: str
    products: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _PlantLexicon:
    """The plants.yaml lexicon, compiled."""

    noun: re.Pattern[str]
    noun_lc: re.Pattern[str]
    making_lc: re.Pattern[str]
    status_lc: re.Pattern[str]
    status_of: dict[str, str]
    not_places: frozenset[str]
    not_modifiers: re.Pattern[str]
    weak: frozenset[str]
    not_followers: frozenset[str]
    product_modifiers: dict[str, str]
    product_heads: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _PlantLexicon:
    data = load_lexicon("plants")
    status_of = {" ".join(p.lower().split()): s for s, phrases in data["status"].items() for p in phrases}
    return _PlantLexicon(
        noun=phrase_pattern(data["plant_nouns"]),
        # Matching lower-cased text without IGNORECASE is about three times faster on long alternations.
        noun_lc=phrase_pattern([n.lower() for n in data["plant_nouns"]], ignore_case=False),
        making_lc=phrase_pattern([v.lower() for v in data["making_verbs"]], ignore_case=False),
        status_lc=phrase_pattern(status_of, ignore_case=False),
        status_of=status_of,
        not_places=frozenset(data["not_places"]),
        not_modifiers=phrase_pattern(data["not_plant_modifiers"]),
        weak=frozenset(w.lower() for w in data["weak_plant_nouns"]),
        not_followers=frozenset(w.lower() for w in data["not_plant_followers"]),
        product_modifiers={k.lower(): v for k, v in data["product_modifiers"].items()},
        product_heads=phrase_pattern(
            [*data["product_heads"], *load_lexicon("product_plans")["product_nouns"]]
        ),
    )


def lowered_text(view: SentenceView) -> str:
    """The sentence in lower case with unchanged offsets (cached on the view)."""
    cached = view.notes.get("lowered")
    if isinstance(cached, str):
        return cached
    lowered = view.text.lower()
    if len(lowered) != len(view.text):  # a few characters ("İ") change length when lower-cased
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in view.text)
    view.notes["lowered"] = lowered
    return lowered


def plant_noun_pattern() -> re.Pattern[str]:
    """The compiled pattern of site nouns ("plant", "gigafactory", "assembly line", ...)."""
    pattern = _lexicon().noun
    assert isinstance(pattern, re.Pattern)
    return pattern


def extract_plants(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Plant facts stated in one sentence."""
    facts: list[Fact] = []
    seen = _earlier_plants(view)
    for site in _with_product_sites(view, discourse, kb, find_sites(view, discourse)):
        if site.org is None or site.place.kind == "region":
            continue  # a continent is a market, not a site
        if is_wanted_site(view.text, site.cue_start, site.place.start):
            continue  # "X is interested in using the Oppama site": X does not own it
        owner: OrgRef = _acquirer(view, site.org)
        if _is_funder(owner, kb):
            # Lenders and governments pay for plants; the plant belongs to the company they fund (the one in
            # focus, else the article's main company).
            main = discourse.main_entity()
            focus = [o for o in (discourse.topic,) if o is not None and not _is_funder(o, kb)]
            if not focus and main is not None:
                focus = [OrgRef(0, 0, main, (main,), "discourse")]
                focus = [o for o in focus if not _is_funder(o, kb)]
            if not focus:
                continue
            owner = focus[0]
        key = (normalize_name(owner.name), site.place.value)
        if any(org == key[0] and _same_place(place, key[1]) for org, place in seen):
            _add_products(_earlier_fact(view, facts, key), site.products)  # "the Columbia facility, which will
            continue  # produce metal sulfates": a later mention of a site says what it makes
        if _refines_previous_site(view, site, key[0]):
            continue
        regional = refines_region_site(view, site.place, owner.name, kb, _recent_plant_facts(view))
        if regional is not None:
            regional.fields["location"] = f"{site.place.value}, {regional.fields['location']}"
            continue
        seen.append(key)
        fields = {
            "org": owner.name,
            "location": site.place.value,
            "products": list(site.products) or None,
            "status": site.status,
        }
        base = 0.8 if owner.via != "coref" else 0.7
        modality = view.modality.value if view.modality.value == "hedged" else "asserted"
        confidence = base if modality == "asserted" else min(base, 0.45)
        facts.append(Fact("plant", fields, view.evidence(), confidence, modality))
    if not facts:
        _products_made_there(view)
    view.notes["plants_so_far"] = seen
    view.notes["plant_facts"] = facts
    return facts


def _with_product_sites(
    view: SentenceView, discourse: Discourse, kb: KnowledgeBase, sites: list[Site]
) -> list[Site]:
    """The sites found, owned by the maker of their products when no company owns them ("The production of the
    Fiat 500 at Mirafiori will start"), and sites fronted before the production of their products."""
    owned = [
        replace(s, org=product_maker(view, s.cue_start, s.cue_end, kb)) if s.org is None else s for s in sites
    ]
    for place, owner, products in fronted_production_sites(view, discourse, kb, _lexicon().not_places):
        if not _overlaps(place, [(s.place.start, s.place.end) for s in owned]):
            owned.append(Site(place.start, place.end, place, owner, "operating", products))
    return owned


# "Volvo Group's $210 million purchase of the battery business of Proterra, which included a pack plant in
# Greer": a site that changed hands belongs to the buyer.
_ACQUIRED = re.compile(
    r"^(?:['’]s?\s+(?:\S+\s+){0,4}?(?:purchase|acquisition|takeover|buyout)\s+of|(?:,\s+which)?\s+(?:has\s+)?(?:bought|acquired|"
    r"purchased|took\s+over|completed\s+(?:its|the)\s+(?:purchase|acquisition|takeover)\s+of))\s+[^;.,]{0,80}$",
    re.IGNORECASE,
)


def _acquirer(view: SentenceView, owner: OrgRef) -> OrgRef:
    """The buyer of the company named as a site's owner, when the sentence says it bought it."""
    if owner.via == "coref" and owner.text.lower() not in ("its", "their"):
        return owner
    for org in view.orgs:
        if org is not owner and org.end <= owner.start and _ACQUIRED.match(view.text[org.end : owner.start]):
            return org
    return owner


def _earlier_fact(view: SentenceView, facts: list[Fact], key: tuple[str, str]) -> Fact | None:
    """The plant fact already read for an owner and place, in this sentence or an earlier one."""
    pool = list(facts)
    previous = view.previous
    while previous is not None:
        earlier = previous.notes.get("plant_facts")
        if isinstance(earlier, list):
            pool.extend(earlier)
        previous = previous.previous
    for fact in pool:
        if normalize_name(str(fact.fields["org"])) == key[0] and _same_place(str(fact.fields["location"]), key[1]):
            return fact
    return None


def _add_products(fact: Fact | None, products: tuple[str, ...] | list[str]) -> None:
    if fact is None or not products:
        return
    known = list(fact.fields.get("products") or [])
    known += [p for p in products if p.lower() not in (k.lower() for k in known)]
    fact.fields["products"] = known[:4]


# "The S07 and L07 models are assembled there", "The first model produced here is the PV5": what the site
# named just before makes.
_MADE_THERE = re.compile(
    r"(?:the\s+|its\s+)?(?P<np>[\w\-.’'&/+]+(?:\s+[\w\-.’'&/+]+){0,6}?)\s+(?:is|are|will\s+be|is\s+being|are\s+being|"
    r"has\s+been|have\s+been)\s+(?:now\s+|already\s+|also\s+)?(?:built|made|produced|assembled|manufactured)\s+"
    r"(?:there|here)\b"
    r"|\b(?:built|made|produced|assembled|manufactured)\s+(?:there|here)\s+(?:is|are|will\s+be)\s+(?:the\s+)?"
    r"(?P<np2>[\w\-.’'&/+]+(?:\s+[\w\-.’'&/+]+){0,4})",
    re.IGNORECASE,
)
# What every _MADE_THERE match contains: looked for first, as the full pattern is slow to try at every offset.
_MADE_THERE_CUE = re.compile(
    r"(?:built|made|produced|assembled|manufactured)\s+(?:there|here)\b", re.IGNORECASE
)


def _products_made_there(view: SentenceView) -> None:
    # The plant fact just before is looked up first: most sentences follow none, and the pattern is slow.
    earlier = _recent_plant_fact(view)
    if earlier is None or not may_match(_MADE_THERE, view) or not _MADE_THERE_CUE.search(view.text):
        return
    match = _MADE_THERE.search(view.text)
    if match is None:
        return
    phrase = match.group("np") or match.group("np2") or ""
    _add_products(earlier, _product_items(phrase, names=True))


def _recent_plant_fact(view: SentenceView) -> Fact | None:
    """The last plant fact of the nearest of the two sentences before that has any."""
    previous = view.previous
    for _ in range(2):
        if previous is None:
            return None
        earlier = previous.notes.get("plant_facts")
        if isinstance(earlier, list) and earlier:
            fact: Fact = earlier[-1]
            return fact
        previous = previous.previous
    return None


_THE_SITE_IN = re.compile(
    r"^\W*The\s+(?:[$€£]?[\w.,-]+\s+){0,3}?(?:plant|factory|site|facility|gigafactory)\s+(?:in|at)\s+$"
)


def _recent_plant_facts(view: SentenceView) -> list[Fact]:
    """The plant facts of the two sentences before this one."""
    facts: list[Fact] = []
    previous = view.previous
    for _ in range(2):
        if previous is None:
            break
        noted = previous.notes.get("plant_facts")
        if isinstance(noted, list):
            facts.extend(noted)
        previous = previous.previous
    return facts


def _refines_previous_site(view: SentenceView, site: Site, owner: str) -> bool:
    """ "… its North Carolina factory … The plant in Chatham County was announced in 2022": the definite
    site opening the next sentence is the one just named, now located more precisely (the earlier fact
    takes the finer place)."""
    if site.place.kind in ("country", "region") or not _THE_SITE_IN.match(view.text[: site.place.start]):
        return False
    previous = view.previous.notes.get("plant_facts") if view.previous is not None else None
    if not isinstance(previous, list):
        return False
    same = [f for f in previous if normalize_name(f.fields["org"]) == owner]
    if len(same) != 1:
        return False
    earlier = same[0]
    known = lookup_place(str(earlier.fields["location"]))
    if known is None or known[1] not in ("subdivision", "country"):
        return False
    earlier.fields["location"] = f"{site.place.value}, {earlier.fields['location']}"
    statuses = [site.status, str(earlier.fields.get("status") or "operating")]
    earlier.fields["status"] = min(statuses, key=STATUS_PRIORITY.index)  # "broke ground" beats "planned"
    return True


def _country_of(location: str) -> tuple[str | None, bool]:
    """The country a plant location lies in, and whether the location is that country and nothing finer."""
    parts = [p.strip() for p in str(location).split(",")]
    for part in reversed(parts):
        found = lookup_place(part)
        if found is not None:
            country = found[0] if found[1] == "country" else found[2]
            return country, found[1] == "country" and len(parts) == 1
    return None, False


def without_vague_sites(facts: list[Fact]) -> list[Fact]:
    """Drop "its first plant in the United States" where the article names the company's plant there more
    precisely ("in Queen Creek, Arizona"): the country alone is a vaguer mention of a site already given."""
    finer: set[tuple[str, str]] = set()
    for fact in facts:
        if fact.type == "plant":
            country, bare = _country_of(fact.fields.get("location") or "")
            if country and not bare:
                finer.add((normalize_name(str(fact.fields.get("org"))), country))
    kept = []
    for fact in facts:
        if fact.type == "plant":
            country, bare = _country_of(fact.fields.get("location") or "")
            if bare and country and (normalize_name(str(fact.fields.get("org"))), country) in finer:
                continue
        kept.append(fact)
    return kept


def _is_funder(org: OrgRef, kb: KnowledgeBase) -> bool:
    entity = kb.resolve(org.name)
    return entity is not None and entity.kind in ("government", "investor")


def _earlier_plants(view: SentenceView) -> list[tuple[str, str]]:
    """The (owner, place) keys of the plant facts of the sentences before (a copy, to add this sentence's to)."""
    previous = view.previous
    while previous is not None:
        # each sentence keeps the keys of its own facts and of every sentence before it
        earlier = previous.notes.get("plants_so_far")
        if isinstance(earlier, list):
            return list(earlier)
        previous = previous.previous
    return []


def _words(text: str) -> set[str]:
    return {w for w in normalize_name(text).split() if len(w) > 1}


def _same_place(a: str, b: str) -> bool:
    """Word overlap of at least half the shorter name: "Debrecen" = "Debrecen, Hungary"."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5


@lru_cache(maxsize=1)
def _site_gate() -> Gate:
    """The first words of every site noun and making verb: two thirds of all sentences have none (see Gate)."""
    data = load_lexicon("plants")
    return gate([*data["plant_nouns"], *data["making_verbs"]], orgs=0)


def find_sites(view: SentenceView, discourse: Discourse | None = None) -> list[Site]:
    """Every production site a sentence names, with owner, status and products (cached on the view)."""
    cached = view.notes.get("plant_sites")
    if isinstance(cached, list):
        return cached
    if not _site_gate().admits(view):
        view.notes["plant_sites"] = []
        return []
    lex = _lexicon()
    text = view.text
    sites: list[Site] = []
    taken: list[tuple[int, int]] = []
    lowered = lowered_text(view)
    for match in lex.noun_lc.finditer(lowered):
        for place in _noun_places(view, match.start(), match.end()):
            if _overlaps(place, taken):
                continue
            taken.append((place.start, place.end))
            sites.append(_site(view, discourse, match.start(), match.end(), place))
        for place in _neighbour_places(view, match.end()):
            sites.append(_site(view, discourse, match.start(), match.end(), place))
    for verb in lex.making_lc.finditer(lowered):
        made = _MAKING_OBJECT.match(text, verb.start())  # "has been making cells in Arnstadt"
        if made is None or _denied_near(view, made.start()):
            continue
        places = _clean_places(view, read_place_list(text, made.end(), lex.not_places))
        for place in places:
            if place.kind not in ("city", "subdivision") or _overlaps(place, taken):
                continue
            taken.append((place.start, place.end))
            sites.append(_site(view, discourse, made.start(), made.end(), place))
    for fronted in _PLACE_BEFORE_VERB.finditer(text) if may_match(_PLACE_BEFORE_VERB, view) else ():
        # translated word order: "both sides will in Skopje build a bus assembly factory"
        places = _clean_places(view, read_place_list(text, fronted.start("in") - 1, lex.not_places))
        if not places or places[0].kind == "region":
            continue
        built = _BUILD_AFTER_PLACE.match(text, places[-1].end)
        noun = lex.noun.search(text, built.end() - 1, built.end() + 60) if built else None
        if noun is None or _overlaps(places[0], taken):
            continue
        place = places[0]
        words = place.value.split()
        country = lookup_place(words[0]) if len(words) > 1 and "," not in place.value else None
        if country is not None and country[1] == "country":
            value = f"{' '.join(words[1:])}, {words[0]}"  # "in Hungary Szeged" (country first, translated)
            place = Place(place.start, place.end, place.text, value, "city", country[0])
        taken.append((place.start, place.end))
        site = _site(view, discourse, noun.start(), noun.end(), place)
        sites.append(replace(site, status="planned") if site.status == "operating" else site)
    for place, maker, products in fronted_making_sites(view, lex.not_places):
        if not _overlaps(place, taken):  # "In Martorell, Seat will manufacture from 2026 the Raval"
            taken.append((place.start, place.end))
            sites.append(Site(place.start, place.end, place, maker, "operating", products))
    sites = [s for s in sites if not _denied_near(view, s.cue_start)]
    view.notes["plant_sites"] = sites
    return sites


def _neighbour_places(view: SentenceView, end: int) -> list[Place]:
    """The town of the site a site noun is next to ("a gigafactory next to the Renault plant in Douai"); the
    places stay free for the neighbour's own site."""
    if not may_match(NEXT_TO, view):
        return []
    beside = NEXT_TO.match(view.text, end)
    neighbour = _lexicon().noun.match(view.text, beside.end()) if beside else None
    if neighbour is None:
        return []
    places = _noun_places(view, neighbour.start(), neighbour.end())
    return [p for p in places if p.kind in ("city", "subdivision")]


def _overlaps(place: Place, taken: list[tuple[int, int]]) -> bool:
    return any(place.start < end and start < place.end for start, end in taken)


def _denied_near(view: SentenceView, position: int) -> bool:
    """A denial or cancellation before the site in its clause, or right after it ("plans were scrapped")."""
    start, _end = clause_bounds(view.text, position)
    return any(start <= s < position + 40 for s, _e, _c in sentence_cues(view, "denied"))


_OUTSIDE_BEFORE = re.compile(r"\b(?:outside|beyond)(?:\s+of)?\s+(?:the\s+)?$", re.IGNORECASE)


def _clean_places(view: SentenceView, places: list[Place]) -> list[Place]:
    """Drop list items that are really organisations ("in Rastatt, Mercedes said") and what follows them."""
    kept: list[Place] = []
    for place in places:
        if any(o.start < place.end and place.start < o.end for o in view.orgs):
            break
        if kept and _NEAR_BEFORE.search(view.text, kept[-1].end, place.start):
            break  # "in Saint-Fons, near Lyon": the town near it locates the same site
        if _OUTSIDE_BEFORE.search(view.text, max(0, place.start - 20), place.start):
            continue  # "its first production base outside China": the site is elsewhere
        if re.search(r"-(?:based|powered|built|made|backed)$", place.value):
            continue  # "production in MQB-based models": an adjective, no place
        kept.append(place)
    if (
        len(places) == len(kept) == 2
        and all(p.kind == "city" and "," not in p.value for p in kept)
        and re.fullmatch(r"\s*,\s*", view.text[kept[0].end : kept[1].start])
    ):
        # "in Cikarang, Bekasi, which …": two names joined by a bare comma are a town and the district it
        # lies in (a list of two sites would say "X and Y")
        first, second = kept
        value = f"{first.value}, {second.value}"
        kept = [Place(first.start, second.end, view.text[first.start : second.end], value, "city", first.country)]
    return kept


def _noun_places(view: SentenceView, start: int, end: int) -> list[Place]:
    """The places a site noun names: after it, before it, or fronted/subject places of the sentence."""
    lex = _lexicon()
    text = view.text
    noun = text[start:end].lower()
    modifiers = text[max(0, start - 25) : start]
    not_modifier = lex.not_modifiers.search(modifiers.split(".")[-1][-25:])
    if not_modifier and modifiers.rstrip().endswith(not_modifier.group(0)):
        return []
    following = re.match(r"\s+([\w-]+)", text[end:])
    if following and following.group(1).lower() in lex.not_followers:
        return []
    not_places = lex.not_places
    places = _clean_places(view, read_place_list(text, end, not_places))
    before = place_before(text, start, not_places)
    clash = [o for o in view.orgs if before is not None and o.start < before.end and before.start < o.end]
    if before is not None and clash:
        # "BYD Hungary Szeged factory": the place is what follows the company's name
        before = place_before(text, start, not_places, clash[-1].end) if clash[-1].end < before.end else None
        if before is not None and any(o.start < before.end and before.start < o.end for o in view.orgs):
            before = None
    if before is not None and _not_a_site_place(view, before):
        before = None
    if before is not None and places and _NEAR.match(text, end, places[0].start):
        places = places[1:]  # "the Figueruelas factory near Zaragoza": the town near it locates the same site
    if before is not None:
        if places and places[0].kind == "city" and before.kind == "city" and lookup_place(before.value) is None:
            # "the Mirafiori plant in Turin": a site named by its district, in the town after the noun
            value = f"{before.value}, {places[0].value}"
            places = [Place(before.start, places[0].end, value, value, "city", places[0].country), *places[1:]]
        elif places and places[0].kind in ("country", "subdivision") and before.kind == "city":
            # "Nissan's Tochigi plant in Japan" names one site
            value = f"{before.value}, {places[0].value}"
            places = [
                Place(before.start, places[0].end, value, value, "city", places[0].country),
                *places[1:],
            ]
        else:
            places = [before, *places]
    if not places:
        places = _places_after_product(view, end)
    if not places and noun not in lex.weak:
        places = _sentence_places(view, start)
    if noun in lex.weak:
        # "a joint venture in Japan", "a site in Germany" are too vague to be a plant: weak nouns need a town or county.
        places = [p for p in places if p.kind not in ("country", "region")]
        if not places:
            return []
    return places


_DEMONYM = re.compile(r"(?:ese|ian|ish)$")


def _not_a_site_place(view: SentenceView, place: Place) -> bool:
    """A word the gazetteer does not know that is a demonym ("the Aragonese factory") or the rest of a name
    right after a company ("the Northvolt Ett gigafactory": Ett is the site's name, not where it is)."""
    if place.value in name_lexicon().nationalities:
        return True  # "the Aragonese factory", "the Bavarian plant"
    if lookup_place(place.value) is not None or is_place_word(place.value) or " " in place.value:
        return False
    after_company = any(
        o.via != "coref" and o.end < place.start and not view.text[o.end : place.start].strip() for o in view.orgs
    )
    return after_company or _DEMONYM.search(place.value) is not None


def _places_after_product(view: SentenceView, end: int) -> list[Place]:
    """ "a plant for LFP batteries in Zaragoza", "the plant the group is building in Debrecen"."""
    text = view.text
    named = _NAMED_SITE.match(text, end)  # "its only plant, Northvolt Ett in Skellefteå"
    offset = named.end() if named else end
    partner = re.match(r"\s*,\s+(?=with\s)", text[offset:])  # "a second joint venture, with SK On in Bartow County"
    if partner:
        offset += partner.end()
    owner = re.match(r"\s+(?:of|by)\s+", text[offset:])
    holder = next((o for o in view.orgs if owner and o.start == offset + owner.end()), None)
    if holder is not None:
        # "the plant of TDS — a joint venture of Toshiba, Denso and Suzuki — at Hansalpur"
        offset = holder.end
        aside = _DASH_ASIDE.match(text, offset)
        if aside:
            offset = aside.end()
    aside = _SITE_APPOSITION.match(text, offset)
    if aside:
        # "its second factory, at Bidkin in Maharashtra", "the factory of Symbio, inaugurated in December 2023
        # in Saint-Fons": an aside that locates the site
        places = _clean_places(view, read_place_list(text, aside.end(), _lexicon().not_places))
        places = [p for p in places if p.kind != "region"]
        if places:
            return places
    window = text[offset : offset + 70]
    stop = re.search(r"[,;:.(]\s|\b(?:plant|factory|site)s?\b|\bto\s+\w+", window)
    if stop:
        window = window[: stop.start()]
    for match in re.finditer(r"\s(?:in|at|near)\s", window):
        places = _clean_places(view, read_place_list(text, offset + match.start(), _lexicon().not_places))
        places = [p for p in places if p.kind != "region"]
        if places:
            return places
    located = _LOCATED_AFTER.match(text, end)  # "a second battery venture, between A and B, is under construction in X"
    if located:
        places = _clean_places(view, read_place_list(text, located.end(), _lexicon().not_places))
        return [p for p in places if p.kind != "region"]
    return []


def _sentence_places(view: SentenceView, position: int) -> list[Place]:
    """ "At Marshall, Michigan, Ford is investing in a plant"; "Zaragoza will be the third production site"."""
    text = view.text
    not_places = _lexicon().not_places
    fronted = _FRONTED.match(text)
    if fronted:
        places = _clean_places(view, read_place_list(text, 0, not_places))
        if places and places[-1].end < position:
            return places
    chosen = _CHOSEN_PLACE.search(text, 0, position)
    if chosen and chosen.group("name") not in not_places:
        name = chosen.group("name")
        qualifier = chosen.group("qual")
        known = lookup_place(qualifier) if qualifier else None
        value = f"{name}, {qualifier}" if known else name
        found = lookup_place(value)
        if not any(o.start < chosen.end("name") and chosen.start("name") < o.end for o in view.orgs):
            return [
                Place(
                    chosen.start("name"),
                    chosen.start("name") + len(value),
                    value,
                    value,
                    found[1] if found else "city",
                )
            ]
    subject = _SUBJECT_PLACE.match(text)
    if subject and subject.end() < position:
        name = subject.group("name")
        if (
            name not in not_places
            and (lookup_place(name) is not None or not _NOT_SUBJECT_PLACE.match(name))
            and not any(o.start < subject.end("name") and o.end > 0 for o in view.orgs)
        ):
            found = lookup_place(name)
            kind = found[1] if found else "city"
            return [Place(subject.start("name"), subject.end("name"), name, name, kind)]
    start, end = clause_bounds(text, position)
    cities = [p for p in view.places if p.kind == "city" and start <= p.start and p.end <= end]
    return cities[:1]


def _site(view: SentenceView, discourse: Discourse | None, start: int, end: int, place: Place) -> Site:
    products = _products(view, start, end, place)
    verb_object = re.match(r"[\w-]+\s+(.+)$", view.text[start:end])
    if verb_object and not _lexicon().noun.match(view.text, start):
        products = tuple(_product_items(verb_object.group(1), names=True)) or products
    return Site(
        start,
        end,
        place,
        _owner(view, discourse, start, end, place),
        _status(view, start, end, place),
        products,
    )


def _owner(
    view: SentenceView, discourse: Discourse | None, start: int, end: int, place: Place
) -> OrgRef | None:
    text = view.text
    orgs = [o for o in view.orgs if not (o.start < place.end and place.start < o.end)]
    orgs = [o for o in orgs if not is_former_owner(text, o) and not is_supply_agent(text, o)]
    anchor = min(start, place.start)
    for org in reversed([o for o in orgs if o.end <= anchor]):
        gap = text[org.end : anchor]
        if _POSSESSIVE_GAP.match(gap) or (
            _MODIFIER_GAP.match(gap) and not (set(gap.lower().split()) & _GAP_STOP)
        ):
            return org
        break
    relative = relative_clause_owner(text, orgs, start)
    if relative is not None:
        return relative  # "Verkor, whose plant in Dunkirk …": the company the clause hangs on
    bracketed = bracketed_owner(text, orgs, max(end, place.end))
    if bracketed is not None:
        return bracketed
    if "venture" in text[start:end].lower():
        partner = next((o for o in orgs if o.start >= end), None)
        if partner is not None and _VENTURE_PARTNER.fullmatch(text, end, partner.start):
            return partner  # "a joint venture with LG Energy Solution in Bryan County": the partner named
    clause_start, clause_end = clause_bounds(text, start)
    asides = aside_spans(text)
    for org in orgs:
        if org.end <= start and in_aside(asides, org):
            continue  # "The Brno maker, owned by X, is expanding the factory": X describes the subject
        inside = clause_start <= org.start and org.end <= clause_end
        is_agent = inside and _AGENT.search(text[max(0, org.start - 14) : org.start])
        if is_agent and (org.start > end or text[max(0, org.start - 4) : org.start].strip().lower() == "by"):
            return org  # "built by Magna Steyr in Graz", "the plant of Orsino in Melfi"
    earlier = [o for o in orgs if o.end <= start]
    if earlier and re.match(r"^\s*,\s+(?:the|a|an|which|that|who)\b[^,]*$", text[earlier[-1].end : start]):
        return earlier[-1]  # "Moravia Cells, the Czech start-up building a battery plant in Ostrava"
    if _FUNDING.search(text[clause_start:start]) and discourse is not None and discourse.topic is not None:
        return discourse.topic  # "KfW bought bonds to support a planned factory": the lender is not the owner
    for aside_start, aside_end in asides:
        if aside_start < clause_start and text[aside_end:clause_start].strip() in ("", "and"):
            clause_start = clause_bounds(text, aside_start)[0]  # "A, a unit of B, and C are building …"
    subjects = [
        o
        for o in earlier
        if not in_aside(asides, o)
        and (
            not _SUBJECT_BLOCK.search(text[max(0, o.start - 16) : o.start]) or after_place_possessive(text, o)
        )
        and not re.match(r"['’]", text[o.end : o.end + 1])
    ]
    pronoun = re.search(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,4}$", text[clause_start:anchor])
    in_clause = [o for o in subjects if o.start >= clause_start]
    for pool in (in_clause, subjects):
        if pool:
            return pool[-1] if pronoun else pool[0]
    after = [
        o
        for o in orgs
        if o.start >= end
        and o.end <= clause_end
        and not _SUBJECT_BLOCK.search(text[max(0, o.start - 16) : o.start])
    ]
    if after and _OWNER_VERB_AFTER.match(text, after[0].end):
        return after[0]
    if after and _FRONTED.match(text) and _FRONTED_END.fullmatch(text[max(end, place.end) : after[0].start]):
        return after[0]  # "In the Wakayama factory (…) the company prepares …": the subject after the fronted site
    if discourse is not None and discourse.topic is not None:
        return discourse.topic
    return None


def _status(view: SentenceView, start: int, end: int, place: Place) -> str:
    """The status cue nearest to the site; plans about what a plant will make do not make it planned."""
    lex = _lexicon()
    text = view.text
    clause_start, clause_end = clause_bounds(text, start)
    site_end = max(end, place.end)
    best: tuple[int, int, str] | None = None
    status_of = lex.status_of
    lowered = lowered_text(view)
    for match in lex.status_lc.finditer(
        lowered, max(clause_start, start - 70), min(clause_end, site_end + 50)
    ):
        if place.start <= match.start() < place.end:
            continue
        status = status_of[" ".join(match.group(0).lower().split())]
        if match.end() <= start:
            distance = start - match.end()
            delayed = "start of production" in match.group(0)  # "pushed back the start of production at X"
            if status == "planned" and not delayed and _AT_SITE.search(text, match.end(), start):
                continue  # "plans to assemble the B10 at a Stellantis plant": the plant exists
        elif match.start() >= end:
            distance = max(0, match.start() - site_end)
            intransitive = "operation" in match.group(0) or _NO_OBJECT.match(text, match.end())
            if status == "planned" and _MAKING_PLAN.search(match.group(0)) and not intransitive:
                continue  # "its Rennes factory is being prepared to build the A7"
        else:
            distance = 0
        rank = (distance, STATUS_PRIORITY.index(status), status)
        if best is None or rank < best:
            best = rank
    if best is not None:
        return best[2]
    return "operating"


def _products(view: SentenceView, start: int, end: int, place: Place) -> tuple[str, ...]:
    lex = _lexicon()
    text = view.text
    clause_start, clause_end = clause_bounds(text, start)
    found: list[str] = []
    modifiers = text[max(clause_start, start - 40) : start].lower().split()
    while modifiers and modifiers[-1] in _PROCESS_WORDS:
        modifiers.pop()  # "a battery-pack assembly plant", "a cell manufacturing facility"
    modifiers = [
        w
        for m in modifiers
        for w in (m.replace("-", " ").split() if m.count("-") == 1 and m not in lex.product_modifiers else [m])
    ]  # "battery-pack" reads as "battery pack", "e-axle" stays
    for size in (2, 1):
        phrase = " ".join(modifiers[-size:])
        mapping = lex.product_modifiers
        if len(modifiers) >= size and phrase in mapping:
            found.append(mapping[phrase])
            break
    region_end = min(clause_end, max(end, place.end) + 80)
    while region_end < len(text) and text[region_end].isalnum():
        region_end += 1
    after_site = max(end, place.end) if place.start >= end else end
    for region in ((after_site, region_end), (clause_start, start)):
        if len(found) > 1:
            break
        for pattern in (_PRODUCTION_OF, _PRODUCT_AFTER):
            items = [
                item
                for match in pattern.finditer(text, *region)
                if not place.start <= match.start("np") < place.end
                for item in _product_items(match.group("np"), names=bool(match.groupdict().get("verb", True)))
            ]
            if items:
                found.extend(items[:3])
                break
    passive = None
    if not found and _PASSIVE_END.search(text[clause_start : start + 1].rstrip()[-20:]):
        passive = _PASSIVE_PRODUCT.search(text, clause_start, start + 1)
    if passive:
        found.extend(_product_items(passive.group("np"), names=True))
    elif not found and (made := _made_at_site(text, start, place)):
        found.extend(_product_items(made, names=True))
    unique: list[str] = []
    for item in found:
        if item and item.lower() not in (u.lower() for u in unique):
            unique.append(item)
    return tuple(unique[:4])


# "The B10 will be assembled at Stellantis's Figueruelas factory", "The R5, assembled in Douai,":
# the product is made at the site named right after the verb.
_MADE_AT = re.compile(
    r"\b(?:built|made|produced|assembled|manufactured|(?:which|that)\s+(?:it|they)\s+(?:produces|makes|builds|assembles|"
    r"manufactures|produce|make|build|assemble))\s+(?:at|in)\s+(?:the\s+|its\s+|their\s+)?",
    re.IGNORECASE,
)
# "the battery which it produces at the Suminoe factory": the object named before the relative clause
_RELATIVE_OBJECT = re.compile(r"(?:the\s+|its\s+)?(?P<np>[\w\-.’'&/+]+(?:\s+[\w\-.’'&/+]+){0,5})\s*,?\s*$")
_PARTICIPLE_PRODUCT = re.compile(
    r"(?:the\s+|its\s+)?(?P<np>[\w\-.’'&/+]+(?:\s+[\w\-.’'&/+]+){0,5})\s*,\s*(?:(?:which|that)\s+(?:is|are|will\s+be)\s+)?"
    r"(?:built|made|produced|assembled|manufactured)\s*$",
    re.IGNORECASE,
)


def _made_at_site(text: str, start: int, place: Place) -> str | None:
    """The subject of "is built at/in" when the site it names is this one."""
    site = min(start, place.start)
    for verb in _MADE_AT.finditer(text):
        if verb.start() > site:
            break
        if re.search(r"[;.]|,\s+(?:and|but|while)\b", text[verb.end() : site]) or site - verb.end() > 40:
            continue
        first = verb.group(0).split()[0]
        if first.lower() in ("which", "that"):
            made = _RELATIVE_OBJECT.search(text, 0, verb.start())
        else:
            end = verb.start() + len(first)
            made = _PARTICIPLE_PRODUCT.search(text, 0, end) or _PASSIVE_PRODUCT.search(text, 0, end)
        if made is None:
            return None
        words = made.group("np").split()
        while words and words[-1].lower() in _STOP_WORDS_SET:
            words.pop()  # "the EV4 sedan will (continue to be built)"
        # "sold 6,261 cars thanks to the Grand Koleos, which is built": the phrase after the last function word
        cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _STOP_WORDS_SET), default=0)
        return " ".join(words[cut:]) or None
    return None


_SPLIT = re.compile(
    r"\s*,\s*(?:and\s+)?(?=(?:the\s+)?[A-ZÀ-Þ])|\s+and\s+(?=(?:the\s+)?[A-ZÀ-Þ])|\s+as\s+well\s+as\s+"
)


def product_phrase(np: str) -> str:
    """The product part of a noun phrase: up to the first preposition, verb or clause word."""
    kept: list[str] = []
    for word in np.split():
        bare = word.strip(",.;:").lower()
        if bare == "the" and kept and kept[-1].lower() == "and":
            kept.append(word)  # "the Vento S and the K9"
            continue
        if bare in _STOP_WORDS_SET and bare != "and":
            break
        if bare == "and" and kept and kept[-1].lower() in ("the",):
            break
        kept.append(word)
        if word.endswith((",", ";", ":", ".")) and not re.search(r"\.\w", word):
            break
    while kept and kept[-1].strip(",.;:").lower() in ("and", "the", "a", "an", "its", "&"):
        kept.pop()
    return " ".join(kept).strip(",.;: ")


def _product_items(np: str, names: bool = False) -> list[str]:
    """Products in a noun phrase: phrases with a product noun, or model names right after a verb of making."""
    phrase = product_phrase(np)
    if not phrase:
        return []
    if re.match(r"^(?:up|more|some|about|around|capacity|\d)", phrase.lower()):
        return []
    # "the Deepal brand's S07": the brand names the model
    phrase = re.sub(r"\b([A-Z][\w-]*)\s+brand['’]s\s+", r"\1 ", phrase)
    items = [re.sub(r"^(?:the|a|an|its|their)\s+", "", p, flags=re.IGNORECASE) for p in _SPLIT.split(phrase)]
    lex = _lexicon()
    kept = []
    for item in items:
        if not item or item.lower() in _STOP_WORDS_SET or len(item) < 2 or lex.noun.search(item):
            continue
        if re.search(r"\b(?:business|businesses|unit|division|operations|stake|assets|bonds|shares|notes|loans|equity)\b", item, re.I):
            continue  # "the battery business of Proterra": a company bought, not a product made
        if lex.product_heads.search(item) or (names and _MODEL_NAME.match(item) and not _is_place_name(item)):
            kept.append(item)
    return kept


_MODEL_NAME = re.compile(r"^(?:[a-z]{1,2}-)?[A-Za-z]*[A-Z0-9][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,3}$")  # "e-Delivery"


def _is_place_name(item: str) -> bool:
    return lookup_place(item) is not None or item in _lexicon().not_places
