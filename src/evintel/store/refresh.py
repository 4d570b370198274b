"""Recomputing the consolidation of fact keys from stored rows, and linking consolidated facts to entities.

The rule: whenever facts with key K are added, the consolidated facts and conflicts of K are rebuilt from
every stored fact row with key K (in the same transaction), by the pure functions of `evintel.consolidate`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from evintel.consolidate.contradictions import kb_conflicts
from evintel.consolidate.keys import fact_key as consolidation_key
from evintel.consolidate.keys import resolve_entity
from evintel.consolidate.merge import consolidate
from evintel.consolidate.records import SourcedFact
from evintel.models import Evidence, Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name, slugify
from evintel.store.periods import period_bounds
from evintel.store.schema import (
    articles,
    conflicts,
    consolidated_entities,
    consolidated_facts,
    consolidated_members,
    entities,
    entity_names,
    fact_sources,
    facts,
    typed_columns,
)

# Fact fields that name entities, and the role each gives the entity (lists name several).
ENTITY_ROLES = {
    "org": "org",
    "orgs": "org",
    "parties": "party",
    "supplier": "supplier",
    "customer": "customer",
    "parent": "parent",
    "child": "child",
    "investor": "investor",
    "target": "target",
}
# Roles whose unknown names become discovered entities; an investment target is often a project, not a firm.
_DISCOVER_ROLES = {"org", "party", "supplier", "customer", "parent", "child", "investor"}


def fact_key(fact: Fact, kb: KnowledgeBase) -> str:
    """The consolidation key of a fact (what it is about), as `evintel.consolidate` defines it."""
    return consolidation_key(fact, kb)


def stable_id(*parts: Any) -> str:
    """A short id derived from content, identical on every back-end."""
    blob = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]


def refresh_keys(conn: Connection, kb: KnowledgeBase, keys: Iterable[str]) -> None:
    """Replace the consolidated facts and conflicts of each key by a fresh consolidation of its rows."""
    ordered = sorted(set(keys))
    resolver = EntityResolver(conn, kb)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        _delete_consolidation(conn, chunk)
        by_key = _sourced_facts(conn, chunk)
        rows = _Rows()
        for key in chunk:
            if by_key.get(key):
                _consolidate_key(conn, kb, resolver, key, by_key[key], rows)
        rows.flush(conn)


_CHUNK = 500  # keys per round of statements: bounded IN lists, few round trips


class _Rows:
    """Link and conflict rows of one chunk of keys, inserted together (executemany) at the end."""

    def __init__(self) -> None:
        self.members: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []
        self.conflicts: list[dict[str, Any]] = []

    def flush(self, conn: Connection) -> None:
        for table, rows in (
            (consolidated_members, self.members),
            (consolidated_entities, self.links),
            (conflicts, self.conflicts),
        ):
            if rows:
                conn.execute(insert(table), rows)


def _delete_consolidation(conn: Connection, keys: list[str]) -> None:
    old = list(
        conn.execute(select(consolidated_facts.c.pk).where(consolidated_facts.c.key.in_(keys))).scalars()
    )
    if old:
        conn.execute(delete(consolidated_members).where(consolidated_members.c.consolidated_pk.in_(old)))
        conn.execute(delete(consolidated_entities).where(consolidated_entities.c.consolidated_pk.in_(old)))
        conn.execute(delete(consolidated_facts).where(consolidated_facts.c.pk.in_(old)))
    conn.execute(delete(conflicts).where(conflicts.c.key.in_(keys)))


def _sourced_facts(conn: Connection, keys: list[str]) -> dict[str, list[Any]]:
    """Every (fact row, source article) pair of these keys, as SourcedFacts in article order, by key."""
    original = articles.alias("original")
    rows = conn.execute(
        select(
            facts.c.pk.label("fact_pk"),
            facts.c.key,
            facts.c.type,
            facts.c.fields,
            fact_sources.c.evidence_text,
            fact_sources.c.evidence_start,
            fact_sources.c.evidence_end,
            fact_sources.c.confidence,
            fact_sources.c.modality,
            articles.c.id.label("article_id"),
            articles.c.date,
            articles.c.url,
            articles.c.title,
            original.c.id.label("original_id"),
        )
        .join(fact_sources, fact_sources.c.fact_pk == facts.c.pk)
        .join(articles, articles.c.pk == fact_sources.c.article_pk)
        .outerjoin(original, original.c.pk == articles.c.group_pk)
        .where(facts.c.key.in_(keys))
        .order_by(articles.c.pk, fact_sources.c.evidence_start, facts.c.pk)
    )
    found: dict[str, list[Any]] = {}
    for row in rows:
        found.setdefault(row.key, []).append(
            SourcedFact(
                fact=Fact(
                    type=row.type,
                    fields=dict(row.fields),
                    evidence=Evidence(row.evidence_text, row.evidence_start, row.evidence_end),
                    confidence=float(row.confidence),
                    modality=row.modality,
                    article_id=row.article_id,
                ),
                article_id=row.article_id,
                date=row.date,
                url=row.url,
                title=row.title,
                group_id=row.original_id or row.article_id,
                fact_id=int(row.fact_pk),
            )
        )
    return found


def _consolidate_key(
    conn: Connection, kb: KnowledgeBase, resolver: EntityResolver, key: str, sourced: list[Any], rows: _Rows
) -> None:
    result = consolidate(sourced, kb=kb)
    merged = sorted(result.facts, key=lambda item: item.rank)
    consolidated_of: dict[int, set[str]] = {}
    for item in merged:
        for fact_pk in item.fact_ids:
            consolidated_of.setdefault(int(fact_pk), set()).add(item.id)
    found: dict[str, tuple[Any, set[int]]] = {
        conflict.id: (conflict, {int(pk) for pk in conflict.fact_ids}) for conflict in result.conflicts
    }
    for conflict, fact_pks in _kb_conflicts(sourced, kb):
        if conflict.id in found:
            known, pks = found[conflict.id]
            seen = {(x.article_id, x.evidence.start, x.evidence.end) for x in known.sides[0].sources}
            known.sides[0].sources.extend(
                x
                for x in conflict.sides[0].sources
                if (x.article_id, x.evidence.start, x.evidence.end) not in seen
            )
            pks |= fact_pks
        else:
            found[conflict.id] = (conflict, fact_pks)
    conflicted: set[str] = set()
    for conflict, fact_pks in found.values():
        members = sorted({cid for fact_pk in fact_pks for cid in consolidated_of.get(int(fact_pk), ())})
        conflicted.update(members)
        rows.conflicts.append(
            {
                "id": conflict.id,
                "key": key,
                "kind": conflict.kind,
                "type": conflict.fact_type,
                "summary": conflict.message,
                "sides": _public_ids([side.to_dict() for side in conflict.sides], consolidated_of),
                "fact_ids": members,
            }
        )
    for item in merged:
        pk = _insert_consolidated(conn, key, item, consolidated_of, item.id in conflicted)
        rows.members.extend(
            {"consolidated_pk": pk, "fact_pk": m} for m in sorted({int(f) for f in item.fact_ids})
        )
        rows.links.extend(
            {"consolidated_pk": pk, "entity_pk": e, "role": role}
            for e, role in sorted(resolver.links(item.fields))
        )


def _public_ids(data: Any, consolidated_of: dict[int, set[str]]) -> Any:
    """JSON with every stored-fact "fact_id" (a back-end primary key) replaced by its consolidated fact id."""
    if isinstance(data, list):
        return [_public_ids(item, consolidated_of) for item in data]
    if isinstance(data, dict):
        return {
            k: (_consolidated_id(v, consolidated_of) if k == "fact_id" else _public_ids(v, consolidated_of))
            for k, v in data.items()
        }
    return data


def _consolidated_id(value: Any, consolidated_of: dict[int, set[str]]) -> Any:
    if not isinstance(value, int) or not consolidated_of.get(value):
        return value
    return min(consolidated_of[value])


def _kb_conflicts(sourced: list[Any], kb: KnowledgeBase) -> list[tuple[Any, set[int]]]:
    """KB contradictions of each source, its article side completed with the article's metadata."""
    found = []
    for item in sourced:
        for conflict in kb_conflicts(item.fact, kb):
            for source in conflict.sides[0].sources if conflict.sides else []:
                if source.article_id == item.article_id:
                    source.date, source.url, source.title = item.date, item.url, item.title
                    source.group_id, source.fact_id = item.source_group, item.fact_id
            found.append((conflict, {int(item.fact_id)}))
    return found


def _insert_consolidated(
    conn: Connection, key: str, item: Any, consolidated_of: dict[int, set[str]], conflicted: bool
) -> int:
    fields = dict(item.fields)
    bounds = period_bounds(fields.get("period"))
    values = {
        "id": item.id,
        "key": key,
        "type": item.type,
        "fields": fields,
        "confidence": float(item.confidence),
        "modality": item.modality,
        "period_start": bounds[0] if bounds else item.first_seen,
        "first_seen": item.first_seen,
        "last_seen": item.last_seen,
        "source_count": item.source_count,
        "revisions": _public_ids([r.to_dict() for r in item.revisions], consolidated_of),
        "conflicted": bool(item.conflicted) or conflicted,
        **typed_columns(fields),
    }
    return int(
        conn.execute(insert(consolidated_facts).returning(consolidated_facts.c.pk), values).scalar_one()
    )


class EntityResolver:
    """Entity primary keys for names found in facts: KB entities first, else discovered ones (created)."""

    def __init__(self, conn: Connection, kb: KnowledgeBase) -> None:
        self.conn = conn
        self.kb = kb
        self._memo: dict[str, int] = {}
        self._kb_pks: dict[str, int] = {
            row.id: row.pk
            for row in conn.execute(select(entities.c.id, entities.c.pk).where(entities.c.in_kb))
        }

    def links(self, fields: dict[str, Any]) -> set[tuple[int, str]]:
        """(entity pk, role) for every entity a fact's fields name."""
        found: set[tuple[int, str]] = set()
        for name, role in ENTITY_ROLES.items():
            value = fields.get(name)
            names = value if isinstance(value, list) else [value]
            for item in names:
                if isinstance(item, str) and item.strip():
                    pk = self.pk(item, create=role in _DISCOVER_ROLES)
                    if pk is not None:
                        found.add((pk, role))
        return found

    def pk(self, name: str, *, create: bool = True) -> int | None:
        """The entity a name refers to, creating a discovered entity for an unknown name if allowed."""
        norm = normalize_name(name)
        if not norm:
            return None
        if norm in self._memo:
            return self._memo[norm]
        known = resolve_entity(name, self.kb)
        pk = self._kb_pks.get(known.id) if known is not None else None
        if pk is None:
            pk = self.conn.execute(
                select(entity_names.c.entity_pk)
                .join(entities, entities.c.pk == entity_names.c.entity_pk)
                .where(entity_names.c.norm_name == norm)
                .order_by(entities.c.in_kb.desc(), entities.c.pk)
                .limit(1)
            ).scalar()
        if pk is None:
            if not create:
                return None
            pk = self._discover(name.strip(), norm)
        self._memo[norm] = int(pk)
        return int(pk)

    def _discover(self, name: str, norm: str) -> int:
        entity_id = slugify(name)
        if self.conn.execute(select(entities.c.pk).where(entities.c.id == entity_id)).scalar() is not None:
            entity_id = f"{entity_id}-{stable_id(name)[:6]}"
        values = {"id": entity_id, "name": name, "kind": "other", "aliases": [], "in_kb": False}
        pk = self.conn.execute(insert(entities).returning(entities.c.pk), values).scalar_one()
        self.conn.execute(insert(entity_names), {"entity_pk": pk, "norm_name": norm, "name": name})
        return int(pk)
