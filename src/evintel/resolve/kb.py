"""The reference knowledge base: organisations, brands, parents, aliases and descriptors.

The data lives in YAML files under `resolve/data/kb/` (one list of records per file):

    - name: BMW Group              # canonical name (required, unique)
      kind: group                  # see KINDS
      aliases: [BMW AG, Bayerische Motoren Werke]
      misspellings: []             # typos seen in news, resolved to the canonical name
      parent: null                 # canonical name of the parent (must exist in the KB)
      stake_pct: null              # the parent's stake where public and below 100
      country: Germany
      hq: Munich
      descriptors: [Munich-based carmaker, German carmaker]   # coreference phrases
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


def normalize_name(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name, used as a lookup key."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


def slugify(name: str) -> str:
    """URL-safe id derived from a canonical name ("Mercedes-Benz Group" -> "mercedes-benz-group")."""
    return normalize_name(name).replace(" ", "-") or "entity"


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
                self._by_descriptor[normalize_name(descriptor)].append(entity)
            if entity.parent:
                parent = self.resolve(entity.parent)
                if parent is None:
                    raise KBError(f"KB entity {entity.name!r} names unknown parent {entity.parent!r}")
                self._children[parent.id].append(entity)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self.entities.get(entity_id)

    def lookup(self, name: str) -> list[Entity]:
        """Every entity that goes by this name (canonical, alias or misspelling), canonical matches first."""
        found = self._by_name.get(normalize_name(name), [])
        key = normalize_name(name)
        return sorted(found, key=lambda e: normalize_name(e.name) != key)

    def resolve(self, name: str) -> Entity | None:
        """The single best entity for a name: an exact canonical match, else the first alias match."""
        found = self.lookup(name)
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
        return list(self._by_descriptor.get(normalize_name(phrase), []))

    def descriptors(self) -> dict[str, list[Entity]]:
        """Every normalised descriptor with the entities it may refer to."""
        return {k: list(v) for k, v in self._by_descriptor.items()}


def _entity_from_record(record: dict[str, Any], origin: str) -> Entity:
    if not isinstance(record, dict) or "name" not in record:
        raise KBError(f"{origin}: every KB record needs a 'name' ({record!r:.80})")
    unknown = set(record) - _FIELDS
    if unknown:
        raise KBError(f"{origin}: {record['name']!r} has unknown fields {sorted(unknown)}")
    kind = record.get("kind") or "other"
    if kind not in KINDS:
        raise KBError(f"{origin}: {record['name']!r} has unknown kind {kind!r}; use one of {KINDS}")
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


def read_kb_files(paths: list[Path]) -> KnowledgeBase:
    """Build a KnowledgeBase from YAML files, validating every record."""
    entities: list[Entity] = []
    for path in paths:
        try:
            records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except (OSError, yaml.YAMLError) as error:
            raise KBError(f"{path}: cannot read KB file ({error})") from error
        if not isinstance(records, list):
            raise KBError(f"{path}: a KB file must hold a list of records")
        entities.extend(_entity_from_record(r, path.name) for r in records)
    return KnowledgeBase(entities)


def default_kb_paths() -> list[Path]:
    """The KB files shipped inside the package."""
    root = resources.files("evintel.resolve") / "data" / "kb"
    return sorted(Path(str(p)) for p in root.iterdir() if str(p).endswith(".yaml"))


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded and validated once per process."""
    return read_kb_files(default_kb_paths())
