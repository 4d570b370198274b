"""The reference knowledge base: organisations, brands, parents, aliases and descriptors.

The data lives in YAML files under `resolve/data/kb/` (one list of records per file):

    - name: BMW Group              # canonical name (required, unique after normalize_name)
      kind: group                  # see KINDS
      aliases: [BMW AG, Bayerische Motoren Werke, BMW]
      misspellings: []             # typos seen in news, resolved to the canonical name
      parent: null                 # canonical name of the parent (must exist in the KB)
      stake_pct: null              # the parent's stake where public and below 100
      country: Germany
      hq: Munich
      descriptors: [Munich-based carmaker, German carmaker]   # coreference phrases, without "the"

Ambiguous short names. A group is often called by the name of its main brand ("BMW", "Volkswagen",
"Renault", "Toyota", "Hyundai"), so such a name is kept on both records: it is the brand's canonical
name and one of the group's aliases. `lookup()` returns every candidate in a fixed order:

1. the entity whose canonical name it is ("BMW" -> the BMW brand);
2. then alias matches, the widest organisation first, i.e. fewest ancestors ("VW" -> Volkswagen Group
   before the Volkswagen brand; "Mercedes" -> Mercedes-Benz Group before the Mercedes-Benz brand);
3. then KB order (file name, then record order).

`resolve()` takes the first candidate; mention linking should look at all of `lookup()` and choose by
context (a sales figure of "BMW" next to "Mini" is the brand; "BMW said its profit..." is the group).
Misspellings are stored as aliases of the Entity (they only ever point to one organisation).
Names are compared by `normalize_name`: case, accents and punctuation (ASCII or not: "Mercedes–Benz",
"BMW’s") do not matter. Descriptors are matched without a leading article: "the Munich-based carmaker" and "Munich-based
carmaker" are one key. A descriptor shared by many entities ("German carmaker") lists them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from evintel.errors import KBError
from evintel.models import Entity

# libyaml parses the packaged KB about ten times faster than the pure-Python loader.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KINDS = (
    "group",  # vehicle group owning several brands
    "automaker",  # vehicle maker that is its own single brand
    "brand",  # a marque of a group
    "startup",  # young EV maker
    "supplier",  # components, e-drive, electronics
    "battery_maker",  # cells, packs
    "chipmaker",
    "software",
    "raw_materials",  # lithium, nickel, cobalt, graphite miners and refiners
    "recycler",
    "charging",
    "joint_venture",
    "investor",  # funds, banks, sovereign wealth
    "government",  # ministries, state lenders, agencies
    "tech",  # technology companies outside the sector
    "other",
)

_FIELDS = {"name", "kind", "aliases", "misspellings", "parent", "stake_pct", "country", "hq", "descriptors"}
_LIST_FIELDS = ("aliases", "misspellings", "descriptors")
_TEXT_FIELDS = ("parent", "country", "hq")
_ARTICLE = re.compile(r"^(?:the|a|an) ")
# A name that is only a legal suffix is almost always a YAML list split at "Co., Ltd.": quote the name.
_BARE_SUFFIX = re.compile(r"ltd|inc|co|corp|llc|plc|ag|sa|s a|se|nv|bv|gmbh|limited")


# Letters that Unicode does not decompose into an ASCII base letter plus an accent.
_LETTERS = str.maketrans(
    {**dict(zip("øØłŁđĐı", "oOlLdDi", strict=True)), "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"}
)


def _fold_unicode(text: str) -> str:
    # Accents go; non-ASCII punctuation ("’", "–", non-breaking space) separates words like ASCII punctuation.
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(
        "" if unicodedata.combining(c) else " " if unicodedata.category(c)[0] in "PZSC" else c
        for c in decomposed
    )


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name, used as a lookup key."""
    ascii_text = (text if text.isascii() else _fold_unicode(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


def slugify(name: str) -> str:
    """URL-safe id derived from a canonical name ("Mercedes-Benz Group" -> "mercedes-benz-group")."""
    return normalize_name(name).replace(" ", "-") or "entity"


def _descriptor_key(phrase: str) -> str:
    # "the Japanese automaker" and "Japanese automaker" must meet under one key.
    return _ARTICLE.sub("", normalize_name(phrase))


class KnowledgeBase:
    """Entities by id and by every name they go by, with parent/child links."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_name: dict[str, list[Entity]] = defaultdict(list)
        self._children: dict[str, list[Entity]] = defaultdict(list)
        self._by_descriptor: dict[str, list[Entity]] = defaultdict(list)
        for entity in entities:
            if entity.id in self.entities:
                raise KBError(f"duplicate KB entity {entity.name!r} (id {entity.id})")
            self.entities[entity.id] = entity
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                key = normalize_name(name)
                if key and entity not in self._by_name[key]:
                    self._by_name[key].append(entity)
            for descriptor in entity.descriptors:
                key = _descriptor_key(descriptor)
                if key and entity not in self._by_descriptor[key]:
                    self._by_descriptor[key].append(entity)
        self._order_names(depth=None)
        for entity in entities:
            if entity.parent:
                parent = self.resolve(entity.parent)
                if parent is None:
                    raise KBError(f"KB entity {entity.name!r} names unknown parent {entity.parent!r}")
                self._children[parent.id].append(entity)
        self._order_names(depth={e.id: len(self.ancestors(e.id)) for e in entities})

    def _order_names(self, depth: dict[str, int] | None) -> None:
        # Sorting once here keeps lookup() a dictionary read; see the module docstring for the order.
        position = {entity_id: i for i, entity_id in enumerate(self.entities)}
        canonical = {entity_id: normalize_name(e.name) for entity_id, e in self.entities.items()}
        for key, found in self._by_name.items():

            def rank(entity: Entity, key: str = key) -> tuple[bool, int, int]:
                return (canonical[entity.id] != key, depth[entity.id] if depth else 0, position[entity.id])

            found.sort(key=rank)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self.entities.get(entity_id)

    def lookup(self, name: str) -> list[Entity]:
        """Every entity that goes by this name (canonical, alias or misspelling), canonical matches first."""
        return list(self._by_name.get(normalize_name(name), ()))

    def resolve(self, name: str) -> Entity | None:
        """The single best entity for a name: an exact canonical match, else the widest alias match."""
        found = self._by_name.get(normalize_name(name))
        return found[0] if found else None

    def parent(self, entity_id: str) -> Entity | None:
        """The direct parent of an entity, if the KB knows one."""
        entity = self.entities.get(entity_id)
        if entity is None or not entity.parent:
            return None
        return self.resolve(entity.parent)

    def ancestors(self, entity_id: str) -> list[Entity]:
        """Parent, grandparent, ... (nearest first), stopping at cycles."""
        chain: list[Entity] = []
        current = self.parent(entity_id)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parent(current.id)
        return chain

    def children(self, entity_id: str) -> list[Entity]:
        """Entities whose parent is this one (brands, subsidiaries)."""
        return list(self._children.get(entity_id, []))

    def by_descriptor(self, phrase: str) -> list[Entity]:
        """Entities that a descriptor ("the Munich-based carmaker") may refer to."""
        return list(self._by_descriptor.get(_descriptor_key(phrase), []))

    def descriptors(self) -> dict[str, list[Entity]]:
        """Every normalised descriptor (without a leading article) with the entities it may refer to."""
        return {k: list(v) for k, v in self._by_descriptor.items()}


def _check_record(record: Any, origin: str) -> None:
    if not isinstance(record, dict) or not isinstance(record.get("name"), str) or not record["name"].strip():
        raise KBError(f"{origin}: every KB record needs a non-empty text 'name' ({record!r:.80})")
    where = f"{origin}: {record['name']!r}"
    unknown = set(record) - _FIELDS
    if unknown:
        raise KBError(f"{where} has unknown fields {sorted(unknown)}; allowed: {sorted(_FIELDS)}")
    if not normalize_name(record["name"]):
        raise KBError(f"{where} has a name without letters or digits")
    kind = record.get("kind") or "other"
    if kind not in KINDS:
        raise KBError(f"{where} has unknown kind {kind!r}; use one of {KINDS}")
    for field in _LIST_FIELDS:
        values = record.get(field)
        if values is not None and (
            not isinstance(values, list) or not all(isinstance(v, str) and normalize_name(v) for v in values)
        ):
            raise KBError(f"{where}: '{field}' must be a list of names, e.g. [A, B] (got {values!r:.60})")
        bare = [v for v in values or () if _BARE_SUFFIX.fullmatch(normalize_name(v))]
        if bare:
            raise KBError(
                f"{where}: '{field}' holds a bare legal suffix {bare[0]!r}; quote names with commas"
            )
    for field in _TEXT_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise KBError(f"{where}: '{field}' must be text (got {value!r:.60})")
    stake = record.get("stake_pct")
    if stake is not None:
        if isinstance(stake, bool) or not isinstance(stake, int | float) or not 0 < stake <= 100:
            raise KBError(f"{where}: 'stake_pct' must be a number in (0, 100] (got {stake!r})")
        if not record.get("parent"):
            raise KBError(f"{where} has a 'stake_pct' but no 'parent'")


def _entity_from_record(record: dict[str, Any], origin: str) -> Entity:
    _check_record(record, origin)
    kind = record.get("kind") or "other"
    aliases = tuple(str(a) for a in (record.get("aliases") or ()))
    misspellings = tuple(str(a) for a in (record.get("misspellings") or ()))
    stake = record.get("stake_pct")
    return Entity(
        id=slugify(str(record["name"])),
        name=str(record["name"]),
        kind=kind,
        aliases=aliases + misspellings,
        parent=record.get("parent"),
        stake_pct=float(stake) if stake is not None else None,
        country=record.get("country"),
        hq=record.get("hq"),
        descriptors=tuple(str(d) for d in (record.get("descriptors") or ())),
        in_kb=True,
    )


def _check_links(entities: list[tuple[Entity, str]]) -> None:
    """Unique canonical names, parents that exist by canonical name, no ownership cycles."""
    origin_of: dict[str, str] = {}
    by_name: dict[str, Entity] = {}
    for entity, origin in entities:
        key = normalize_name(entity.name)
        if key in by_name:
            raise KBError(
                f"{origin}: {entity.name!r} repeats the canonical name of {by_name[key].name!r} "
                f"({origin_of[key]}); merge the records or rename one"
            )
        by_name[key] = entity
        origin_of[key] = origin
    for entity, origin in entities:
        if entity.parent and normalize_name(entity.parent) not in by_name:
            raise KBError(
                f"{origin}: {entity.name!r} names unknown parent {entity.parent!r}; "
                "a parent must be the canonical name of another record"
            )
    for entity, origin in entities:
        seen = {normalize_name(entity.name)}
        current = entity
        while current.parent:
            key = normalize_name(current.parent)
            if key in seen:
                raise KBError(f"{origin}: {entity.name!r} is its own ancestor (parent chain loops)")
            seen.add(key)
            current = by_name[key]


def read_kb_files(paths: list[Path]) -> KnowledgeBase:
    """Build a KnowledgeBase from YAML files, validating every record."""
    entities: list[tuple[Entity, str]] = []
    for path in paths:
        try:
            records = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or []
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise KBError(f"{path}: cannot read KB file ({error})") from error
        if not isinstance(records, list):
            raise KBError(f"{path}: a KB file must hold a list of records")
        entities.extend((_entity_from_record(r, path.name), path.name) for r in records)
    _check_links(entities)
    return KnowledgeBase([entity for entity, _ in entities])


def default_kb_paths() -> list[Path]:
    """The KB files shipped inside the package."""
    root = resources.files("evintel.resolve") / "data" / "kb"
    return sorted(Path(str(p)) for p in root.iterdir() if str(p).endswith(".yaml"))


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded and validated once per process."""
    return read_kb_files(default_kb_paths())
