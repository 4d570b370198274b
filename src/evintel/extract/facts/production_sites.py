"""Production sites named by what they make, where the maker is the brand of the product.

News often states a site only through its products, without a plant noun or a company subject:
"At Melfi the production of the new Jeep Compass and of the DS N°8 has started", "The production of the
Fiat 500 hybrid at Mirafiori will start in November". The site belongs to the maker of the product: the
group a product brand belongs to in the KB (Jeep, DS -> Stellantis), else the company in focus.
"""

from __future__ import annotations

import re

from evintel.extract.context import Discourse, OrgRef, SentenceView
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
