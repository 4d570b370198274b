"""Consolidation keys: what a fact is about, independent of how a source spelled it.

Two facts with the same key state the same thing or disagree about it; facts with different keys are
unrelated. A key is a readable string, `type|part|part...`:

| type | key parts | the value / attributes merged under the key |
|---|---|---|
| sales | org, period, powertrain, market (`world` if none), metric | quantity is the value |
| partnership | sorted parties | kind, scope, status are attributes |
| supply | supplier, customer | items are unioned |
| ownership | parent, child | stake_pct is the value |
| investment | investor, target, currency | amount is the value |
| plant | org, location (site, see `location_key`) | products unioned, status |
| product_plan | sorted orgs, product words (see `product_key`) | powertrains, markets unioned |

Entity names go through the KB when one is given: a name the KB knows becomes its canonical entity, so
aliases agree ("Volkswagen AG" and "Volkswagen Group" when the KB lists the first as an alias of the second,
"Stellantis N.V." and "Stellantis") while distinct entities stay apart ("BMW" the brand and "BMW Group",
"Porsche SE" and "Porsche AG"). A name the KB does not know is lower-cased, stripped of accents,
punctuation and legal forms (AG, Inc, N.V., ...) and common abbreviations are expanded (VW, GM).

The investment amount is deliberately NOT in the key: one investor and one target rarely make two
deals, and when they do the amounts are far apart (a first tranche and the total commitment), which
consolidation tells apart by ratio; putting the amount in the key would make two sources that disagree
on one deal's amount two unrelated facts, and the disagreement would never be reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from evintel.consolidate.lexicon import load_data
from evintel.models import Entity, Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

NONE_PART = "-"  # a key part the fact leaves out


@lru_cache(maxsize=1)
def _names() -> dict[str, Any]:
    data = load_data("names")
    return {
        "legal": frozenset(str(w) for w in data["legal_forms"]),
        "abbreviations": {str(k): str(v) for k, v in data["abbreviations"].items()},
        "markets": {normalize_name(str(k)): str(v) for k, v in data["markets"].items()},
        "qualifiers": frozenset(str(w) for w in data["location_qualifiers"]),
        "stopwords": frozenset(str(w) for w in data["product_stopwords"]),
        "synonyms": {normalize_name(str(k)): str(v) for k, v in data["product_synonyms"].items()},
    }


def _strip_legal_forms(normalised: str) -> str:
    words = normalised.split()
    legal = _names()["legal"]
    # Drop legal forms at the end only, and multi-word ones ("n v", "s p a") as a unit.
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size in (3, 2, 1):
            if len(words) > size and " ".join(words[-size:]) in legal:
                words = words[:-size]
                changed = True
                break
    return " ".join(words)


def _expand_abbreviations(normalised: str) -> str:
    abbreviations = _names()["abbreviations"]
    return " ".join(abbreviations.get(word, word) for word in normalised.split())


def resolve_entity(name: str, kb: KnowledgeBase | None) -> Entity | None:
    """The KB entity a name stands for, trying it as written, without legal forms, then unabbreviated."""
    if kb is None or not name:
        return None
    normalised = normalize_name(name)
    for candidate in (
        name,
        _strip_legal_forms(normalised),
        _expand_abbreviations(_strip_legal_forms(normalised)),
    ):
        entity = kb.resolve(candidate)
        if entity is not None:
            return entity
    return None


def entity_key(name: Any, kb: KnowledgeBase | None = None) -> str:
    """The key form of an entity name: its KB canonical name normalised, else the cleaned-up name."""
    if not name:
        return NONE_PART
    text = str(name)
    entity = resolve_entity(text, kb)
    if entity is not None:
        return normalize_name(entity.name)
    return _expand_abbreviations(_strip_legal_forms(normalize_name(text))) or NONE_PART


def canonical_name(name: Any, kb: KnowledgeBase | None = None) -> str:
    """The name to show for an entity: the KB's canonical name when known, else the name as given."""
    text = str(name).strip()
    entity = resolve_entity(text, kb)
    return entity.name if entity is not None else text


def market_key(market: Any) -> str:
    """The key form of a market; a missing market means worldwide."""
    if not market:
        return "world"
    normalised = normalize_name(str(market))
    return _names()["markets"].get(normalised, normalised) or "world"


def location_key(location: Any) -> str:
    """The key form of a plant site: its most specific part ("Debrecen, Hungary" and "Debrecen" agree).

    Sources name a site as "City", "City, Country" or "City, State"; keying on the first part makes
    them agree. Direction words ("northern Mexico") do not change the site.
    """
    if not location:
        return NONE_PART
    qualifiers = _names()["qualifiers"]
    for part in str(location).split(","):
        words = [w for w in normalize_name(part).split() if w not in qualifiers]
        if words:
            return " ".join(words)
    return normalize_name(str(location)) or NONE_PART


def product_key(product: Any) -> str:
    """The key form of a product description: its distinctive words, singular-ish, sorted."""
    if not product:
        return NONE_PART
    names = _names()
    normalised = f" {normalize_name(str(product))} "
    for variant, replacement in sorted(names["synonyms"].items(), key=lambda kv: -len(kv[0])):
        normalised = normalised.replace(f" {variant} ", f" {replacement} ")
    words = sorted({w for w in normalised.split() if w not in names["stopwords"]})
    return " ".join(words) or normalize_name(str(product)) or NONE_PART


def as_list(value: Any) -> list[Any]:
    """A list field as a list (a lone string becomes a one-item list, None an empty one)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if v not in (None, "")]
    return [value]


def _entities_key(names: Iterable[Any], kb: KnowledgeBase | None) -> str:
    return "+".join(sorted({entity_key(n, kb) for n in names})) or NONE_PART


def _text_part(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else NONE_PART


def fact_key(fact: Fact, kb: KnowledgeBase | None = None) -> str:
    """The consolidation key of a fact (see the module docstring); pass the KB to equate aliases."""
    f = fact.fields
    parts: list[str]
    if fact.type == "sales":
        parts = [
            entity_key(f.get("org"), kb),
            _text_part(f.get("period")).upper(),
            _text_part(f.get("powertrain")).lower(),
            market_key(f.get("market")),
            _text_part(f.get("metric")).lower(),
        ]
    elif fact.type == "partnership":
        parts = [_entities_key(as_list(f.get("parties")), kb)]
    elif fact.type == "supply":
        parts = [entity_key(f.get("supplier"), kb), entity_key(f.get("customer"), kb)]
    elif fact.type == "ownership":
        parts = [entity_key(f.get("parent"), kb), entity_key(f.get("child"), kb)]
    elif fact.type == "investment":
        parts = [
            entity_key(f.get("investor"), kb),
            entity_key(f.get("target"), kb),
            _text_part(f.get("currency")).upper(),
        ]
    elif fact.type == "plant":
        parts = [entity_key(f.get("org"), kb), location_key(f.get("location"))]
    elif fact.type == "product_plan":
        parts = [_entities_key(as_list(f.get("orgs")), kb), product_key(f.get("product"))]
    else:
        # An unknown type still gets a deterministic key, from all its fields.
        parts = [f"{k}={normalize_name(str(v))}" for k, v in sorted(f.items())]
    return "|".join([fact.type, *(re.sub(r"\|", "/", p) for p in parts)])
