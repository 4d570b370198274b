"""Consolidated facts: filtered listing and one fact with every source, revision and conflict."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from evintel.errors import NotFoundError, StoreError
from evintel.query.lookup import family_pks, find_entity
from evintel.store.base import Store
from evintel.store.periods import period_bounds
from evintel.store.schema import (
    articles,
    conflicts,
    consolidated_entities,
    consolidated_facts,
    consolidated_members,
    fact_sources,
    facts,
)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FactFilter:
    """What `list_facts` selects; None means any. `entity` (alias `org`) includes the entity's brands."""

    type: str | None = None
    entity: str | None = None
    powertrain: str | None = None
    since: str | None = None  # "2023", "2023-Q2", "2023-04-01": facts whose period starts on/after it
    until: str | None = None  # inclusive: "2023" covers the whole year
    market: str | None = None
    metric: str | None = None
    status: str | None = None
    conflicted: bool | None = None


@dataclass(frozen=True, slots=True)
class FactSummary:
    """One consolidated fact as listed: fields, how many sources state it, whether sources disagree."""

    id: str
    type: str
    fields: dict[str, Any]
    confidence: float
    modality: str
    first_seen: date | None
    last_seen: date | None
    source_count: int
    conflicted: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "type": self.type,
            "fields": self.fields,
            "confidence": round(self.confidence, 3),
            "modality": self.modality,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "source_count": self.source_count,
            "conflicted": self.conflicted,
        }


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """A slice of a longer result list."""

    items: list[T]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        """{items, total, limit, offset}."""
        return {
            "items": [item.to_dict() for item in self.items],  # type: ignore[attr-defined]
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
        }


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One article stating a fact, with the evidence sentence and its offsets into the article text."""

    article_id: str
    title: str | None
    url: str | None
    date: date | None
    evidence_text: str
    evidence_start: int
    evidence_end: int
    confidence: float
    modality: str
    fields: dict[str, Any]  # the fields as this source states them (they may differ from the summary)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "article_id": self.article_id,
            "title": self.title,
            "url": self.url,
            "date": _iso(self.date),
            "evidence": {"text": self.evidence_text, "start": self.evidence_start, "end": self.evidence_end},
            "confidence": round(self.confidence, 3),
            "modality": self.modality,
            "fields": self.fields,
        }


@dataclass(frozen=True, slots=True)
class FactDetail:
    """A consolidated fact with every source, its revisions and the conflicts it is part of."""

    fact: FactSummary
    sources: list[SourceRecord]
    revisions: list[dict[str, Any]]
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the summary plus sources, revisions and conflicts."""
        return {
            **self.fact.to_dict(),
            "sources": [s.to_dict() for s in self.sources],
            "revisions": self.revisions,
            "conflicts": self.conflicts,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def summary_from_row(row: Any) -> FactSummary:
    """A FactSummary from a consolidated_facts row."""
    return FactSummary(
        id=row.id,
        type=row.type,
        fields=dict(row.fields),
        confidence=float(row.confidence),
        modality=row.modality,
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        source_count=int(row.source_count),
        conflicted=bool(row.conflicted),
    )


def _filtered(conn: Connection, query: Select[Any], flt: FactFilter) -> Select[Any]:
    table = consolidated_facts
    if flt.type:
        query = query.where(table.c.type == flt.type)
    if flt.entity:
        entity = find_entity(conn, flt.entity)
        pks = list(family_pks(conn, entity.id))
        # Driven by the (entity, role) index: the entity's facts first, then the other criteria.
        query = query.where(
            table.c.pk.in_(
                select(consolidated_entities.c.consolidated_pk).where(
                    consolidated_entities.c.entity_pk.in_(pks)
                )
            )
        )
    if flt.powertrain:
        query = query.where(func.upper(table.c.powertrain) == flt.powertrain.upper())
    if flt.market:
        query = query.where(func.lower(table.c.market) == flt.market.lower())
    if flt.metric:
        query = query.where(table.c.metric == flt.metric.lower())
    if flt.status:
        query = query.where(table.c.status == flt.status.lower())
    if flt.conflicted is not None:
        query = query.where(table.c.conflicted == flt.conflicted)
    if flt.since:
        bounds = period_bounds(flt.since)
        if bounds is None:
            raise StoreError(
                f"--since {flt.since!r}: give a year, quarter or date (2023, 2023-Q2, 2023-04-01)"
            )
        query = query.where(table.c.period_start >= bounds[0])
    if flt.until:
        bounds = period_bounds(flt.until)
        if bounds is None:
            raise StoreError(
                f"--until {flt.until!r}: give a year, quarter or date (2024, 2024-Q1, 2024-03-31)"
            )
        query = query.where(table.c.period_start <= bounds[1])
    return query


def list_facts(
    store: Store, flt: FactFilter | None = None, limit: int = 50, offset: int = 0
) -> Page[FactSummary]:
    """Consolidated facts matching a filter, most recent period first."""
    flt = flt or FactFilter()
    table = consolidated_facts
    with store.read() as conn:
        total = conn.execute(_filtered(conn, select(func.count()).select_from(table), flt)).scalar_one()
        rows = conn.execute(
            _filtered(conn, select(table), flt)
            .order_by(table.c.period_start.is_(None), table.c.period_start.desc(), table.c.id)
            .limit(limit)
            .offset(offset)
        ).all()
    return Page([summary_from_row(r) for r in rows], int(total), limit, offset)


def source_records(conn: Connection, consolidated_pks: list[int]) -> dict[int, list[SourceRecord]]:
    """The sources of consolidated facts, oldest article first."""
    rows = conn.execute(
        select(
            consolidated_members.c.consolidated_pk,
            facts.c.fields,
            fact_sources,
            articles.c.id.label("article_id"),
            articles.c.title,
            articles.c.url,
            articles.c.date,
        )
        .join(facts, facts.c.pk == consolidated_members.c.fact_pk)
        .join(fact_sources, fact_sources.c.fact_pk == facts.c.pk)
        .join(articles, articles.c.pk == fact_sources.c.article_pk)
        .where(consolidated_members.c.consolidated_pk.in_(consolidated_pks))
    ).all()
    found: dict[int, list[SourceRecord]] = {pk: [] for pk in consolidated_pks}
    for row in rows:
        found[row.consolidated_pk].append(
            SourceRecord(
                article_id=row.article_id,
                title=row.title,
                url=row.url,
                date=row.date,
                evidence_text=row.evidence_text,
                evidence_start=row.evidence_start,
                evidence_end=row.evidence_end,
                confidence=float(row.confidence),
                modality=row.modality,
                fields=dict(row.fields),
            )
        )
    for records in found.values():
        records.sort(key=lambda s: (s.date or date.max, s.article_id, s.evidence_start))
    return found


def get_fact(store: Store, fact_id: str) -> FactDetail:
    """One consolidated fact with every source (evidence, offsets), revisions and conflicts."""
    with store.read() as conn:
        row = conn.execute(select(consolidated_facts).where(consolidated_facts.c.id == fact_id)).first()
        if row is None:
            raise NotFoundError(f"no fact with id {fact_id!r}")
        sources = source_records(conn, [row.pk])[row.pk]
        conflict_rows = conn.execute(
            select(conflicts).where(conflicts.c.key == row.key).order_by(conflicts.c.id)
        ).all()
    related = [
        {"id": c.id, "kind": c.kind, "summary": c.summary, "sides": c.sides}
        for c in conflict_rows
        if fact_id in (c.fact_ids or [])
    ]
    return FactDetail(summary_from_row(row), sources, list(row.revisions), related)
