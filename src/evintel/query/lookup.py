"""Finding entities by name, alias or id, and the family (brands, subsidiaries) below them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from evintel.errors import NotFoundError
from evintel.resolve.kb import normalize_name
from evintel.store.schema import entities, entity_names


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity as other results point at it."""

    id: str
    name: str
    kind: str
    in_kb: bool

    def to_dict(self) -> dict[str, Any]:
        """{id, name, kind, in_kb}."""
        return {"id": self.id, "name": self.name, "kind": self.kind, "in_kb": self.in_kb}


def entity_ref(row: Any) -> EntityRef:
    """An EntityRef from an entities row."""
    return EntityRef(row.id, row.name, row.kind, bool(row.in_kb))


def find_entity(conn: Connection, name_or_id: str) -> Any:
    """The entities row best matching an id, name or alias (case and punctuation ignored)."""
    row = conn.execute(select(entities).where(entities.c.id == name_or_id)).first()
    if row is not None:
        return row
    norm = normalize_name(name_or_id)
    if not norm:
        raise NotFoundError(f"no entity named {name_or_id!r}")
    candidates = conn.execute(
        select(entities, entity_names.c.name.label("matched"))
        .join(entity_names, entity_names.c.entity_pk == entities.c.pk)
        .where(entity_names.c.norm_name == norm)
    ).all()
    if not candidates:
        # "Nissan" for "Nissan Motor": the shortest name that starts with the words asked for.
        candidates = conn.execute(
            select(entities, entity_names.c.name.label("matched"))
            .join(entity_names, entity_names.c.entity_pk == entities.c.pk)
            .where(entity_names.c.norm_name.startswith(norm + " "))
        ).all()
    if not candidates:
        raise NotFoundError(f"no entity named {name_or_id!r}; try `evintel search` or another spelling")
    return min(
        candidates,
        key=lambda r: (
            not r.in_kb,
            normalize_name(r.name) != norm,
            r.kind == "brand",  # "BMW" names the group before the brand
            len(r.matched),
            r.id,
        ),
    )


def family_pks(conn: Connection, entity_id: str) -> dict[int, str]:
    """Primary keys of an entity and everything below it (brands, subsidiaries), mapped to their ids."""
    query = select(entities.c.pk, entities.c.id)
    found: dict[int, str] = {}
    rows = conn.execute(query.where(entities.c.id == entity_id)).all()
    while rows:
        fresh = [row for row in rows if row.pk not in found]  # a cycle in parent links ends the walk
        found.update((row.pk, row.id) for row in fresh)
        if not fresh:
            break
        rows = conn.execute(query.where(entities.c.parent_id.in_([row.id for row in fresh]))).all()
    return found


def parent_chain(conn: Connection, entity_row: Any) -> list[EntityRef]:
    """Parent, grandparent, ... of an entity, nearest first, stopping at cycles."""
    chain: list[EntityRef] = []
    seen = {entity_row.id}
    parent_id = entity_row.parent_id
    while parent_id and parent_id not in seen:
        row = conn.execute(select(entities).where(entities.c.id == parent_id)).first()
        if row is None:
            break
        chain.append(entity_ref(row))
        seen.add(row.id)
        parent_id = row.parent_id
    return chain
