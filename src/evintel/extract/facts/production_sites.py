"""Production sites named by what they make, where the maker is the brand of the product.

News often states a site only through its products, without a plant noun or a company subject:
"At Melfi the production of the new Jeep Compass and of the DS N°8 has started", "The production of the
Fiat 500 hybrid at Mirafiori will start in November". The site belongs to the maker of the product: the
group a product brand belongs to in the KB (Jeep, DS -> Stellantis), else the company in focus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from evintel.extract.context import Discourse, OrgRef, SentenceView, clause_bounds
from evintel.extract.cues import may_match
from evintel.extract.places import Place, read_place_list
from evintel.resolve.kb import KnowledgeBase

# "At Melfi (Potenza) the production of the new Jeep Compass …", "In Cassino, the assembly of the Giulia …"
_FRONTED_PRODUCTION = re.compile(
    r"^\s*(?:At|In)\s+[^,;:()]{2,40}?(?:\s*\([^()]{1,30}\))?\s*,?\s+(?:the\s+)?"
    r"(?:series\s+|serial\s+|mass\s+|local\s+)?(?:production|assembly|manufacturing|manufacture)\s+of\s+"
)
# A product noun phrase: up to a comma, a verb or a preposition that ends it.
_PRODUCT = re.compile(
    r"(?:the\s+|its\s+)?(?P<np>[\w°ºª.+'’-]+(?:\s+(?!(?:has|have|had|is|are|was|were|will|shall|would|can|could|may|might|should|must|runs?|began|begins?|started|starts?|continues?|continued|ended|ends?|resumes?|resumed|stopped|stops?|and|at|in|on|from|to|with|for|by|since|until)\b)"
    r"[\w°ºª.+'’-]+){0,5})",
)
_MORE_PRODUCTS = re.compile(r"(?:,[^,;]{0,60})?,?\s+and\s+of\s+(?:the\s+)?")
# "In Martorell, Seat will manufacture …", "while at Melfi the group will produce …": place, subject, verb.
_AT_PLACE = re.compile(r"(?:^|,\s+|\b(?:while|and|whereas|but)\s+)(?P<prep>In|At|in|at)\s+(?=[A-ZÀ-Þ])")
_MAKING_AFTER_SUBJECT = re.compile(
    r"\s+(?:will\s+(?:also\s+|then\s+)?|shall\s+|is\s+to\s+|are\s+to\s+|plans\s+to\s+|intends\s+to\s+)?"
    r"(?:manufactur|produc|assembl|build|make)(?:e|es|s|ed|ing)?\b\s*"
)
# Time adverbials a translated sentence puts before the object: "will manufacture from 2026 the Raval".
_TIME_BEFORE_OBJECT = re.compile(
    r"(?:(?:from|in|starting|as\s+of)\s+(?:20\d\d|(?:this|next|the\s+coming)\s+year)\s*,?\s*)+", re.IGNORECASE
)
_OBJECT = re.compile(
    r"(?:the\s+|an?\s+)?(?P<np>(?:[^,;:.()]|\.(?=\w)){2,60}?)"
    r"(?=\s+and\b|\s*[,;:(]|\.(?!\w)|\s+(?:in|at|from)\s|$)"
)
_NOT_PRODUCT_HEAD = frozenset(["new", "first", "next", "future", "the", "a", "an"])


def fronted_production_sites(
    view: SentenceView, discourse: Discourse, kb: KnowledgeBase, not_places: frozenset[str]
) -> list[tuple[Place, OrgRef, tuple[str, ...]]]:
    """(place, owner, products) of a sentence fronting the site before the production of its products."""
    if not may_match(_FRONTED_PRODUCTION, view):
        return []
    text = view.text
    fronted = _FRONTED_PRODUCTION.match(text)
    if fronted is None:
        return []
    places = [p for p in read_place_list(text, 0, not_places) if p.kind in ("city", "subdivision")]
    if not places or places[0].end > fronted.end():
        return []
    products: list[str] = []
    position = fronted.end()
    end = position
    while True:
        product = _PRODUCT.match(text, position)
        if product is None or product.group("np").lower() in _NOT_PRODUCT_HEAD:
            break
        products.append(product.group("np").rstrip(".,"))
        end = product.end()
        more = _MORE_PRODUCTS.match(text, end)
        if more is None:
            break
        position = more.end()
    if not products:
        return []
    owner = product_maker(view, fronted.end(), end, kb) or discourse.topic
    if owner is None:
        return []
    return [(places[0], owner, tuple(products))]


def fronted_making_sites(
    view: SentenceView, not_places: frozenset[str]
) -> list[tuple[Place, OrgRef, tuple[str, ...]]]:
    """(place, maker, products) of "In Martorell, Seat will manufacture from 2026 the Cupra Raval": a place
    fronted before the company that makes something there."""
    if not may_match(_MAKING_AFTER_SUBJECT, view):
        return []
    text = view.text
    found: list[tuple[Place, OrgRef, tuple[str, ...]]] = []
    for fronted in _AT_PLACE.finditer(text):
        places = []
        for place in read_place_list(text, fronted.start("prep"), not_places):
            if any(o.start < place.end and place.start < o.end for o in view.orgs):
                break  # "In Martorell, Seat will …": the list of places ends at the company
            places.append(place)
        places = [p for p in places if p.kind in ("city", "subdivision")]
        if not places:
            continue
        gap = re.match(r"\s*(?:\([^()]{1,30}\))?\s*,?\s+", text[places[-1].end :])
        position = places[-1].end + (gap.end() if gap else 0)
        maker = next((o for o in view.orgs if o.start == position and not o.plural), None)
        verb = _MAKING_AFTER_SUBJECT.match(text, maker.end) if maker else None
        if maker is None or verb is None:
            continue
        after_time = _TIME_BEFORE_OBJECT.match(text, verb.end())
        made = _OBJECT.match(text, after_time.end() if after_time else verb.end())
        products = (made.group("np").strip(),) if made else ()
        found.append((places[0], maker, products))
    return found


def product_maker(view: SentenceView, start: int, end: int, kb: KnowledgeBase) -> OrgRef | None:
    """The maker of the products named between `start` and `end`: the group their brands share in the KB
    ("the new Jeep Compass and the DS N°8" -> Stellantis), or the one brand named."""
    brands = [o for o in view.orgs if start <= o.start and o.end <= end and o.via != "coref"]
    if not brands:
        return None
    makers: set[str] = set()
    for brand in brands:
        entity = kb.resolve(brand.name)
        parent = kb.resolve(entity.parent) if entity is not None and entity.parent else None
        if entity is not None and entity.kind == "brand" and parent is not None:
            makers.add(parent.name)
        else:
            makers.add(brand.name)
    if len(makers) != 1:
        return None
    maker = makers.pop()
    return OrgRef(brands[0].start, brands[0].end, maker, (maker,), brands[0].via)


class _SiteLike(Protocol):
    """What a production site found in a sentence offers (plant.Site)."""

    @property
    def cue_start(self) -> int: ...
    @property
    def cue_end(self) -> int: ...
    @property
    def place(self) -> Place: ...
    @property
    def products(self) -> tuple[str, ...]: ...


def site_of_product(
    text: str, sites: Sequence[_SiteLike], product: tuple[int, int], cue: tuple[int, int]
) -> _SiteLike | None:
    """The site a product is made at when a sentence names several ("the Leaf, built at the Tochigi plant, goes
    on sale …, and the Sunderland factory will start making the Leaf in December"): of the sites in the clause
    of the plan's cue, the one listing the product, else the nearest to the cue."""
    if len(sites) < 2:
        return sites[0] if sites else None
    words = _words(text[product[0] : product[1]])
    clause_start, clause_end = clause_bounds(text, cue[0])

    def distance(site: _SiteLike) -> int:
        site_start = min(site.cue_start, site.place.start)
        site_end = max(site.cue_end, site.place.end)
        return max(site_start - cue[1], cue[0] - site_end, 0)

    in_clause = [s for s in sites if clause_start <= s.place.start and s.place.end <= clause_end]
    listing = [s for s in in_clause if any(words & _words(p) for p in s.products)]
    for pool in (listing, in_clause):
        if pool:
            return min(pool, key=distance)
    return sites[0]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 1 and w not in _NOT_PRODUCT_HEAD}
