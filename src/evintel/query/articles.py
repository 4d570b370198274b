"""One stored article: its exact text and the facts read from it, with evidence offsets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from evintel.errors import NotFoundError
from evintel.store.base import Store
from evintel.store.schema import articles, consolidated_facts, consolidated_members, fact_sources, facts


@dataclass(frozen=True, slots=True)
class ArticleFact:
    """A fact as one article states it; `fact_id` is the consolidated fact it belongs to."""

    fact_id: str | None
    type: str
    fields: dict[str, Any]
    evidence_text: str
    evidence_start: int
    evidence_end: int
    confidence: float
    modality: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "fact_id": self.fact_id,
            "type": self.type,
            "fields": self.fields,
            "evidence": {"text": self.evidence_text, "start": self.evidence_start, "end": self.evidence_end},
            "confidence": round(self.confidence, 3),
            "modality": self.modality,
        }


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """An article exactly as ingested, the original it was syndicated from, and its facts."""

    id: str
    title: str | None
    url: str | None
    date: date | None
    source: str | None
    text: str
    syndicated_from: str | None
    facts: list[ArticleFact]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "text": self.text,
            "syndicated_from": self.syndicated_from,
            "facts": [f.to_dict() for f in self.facts],
        }


def get_article(store: Store, article_id: str) -> ArticleDetail:
    """The article with this id, its text unchanged, and the facts with their evidence offsets."""
    with store.read() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        original = None
        if row.group_pk is not None and row.group_pk != row.pk:
            original = conn.execute(select(articles.c.id).where(articles.c.pk == row.group_pk)).scalar()
        fact_rows = conn.execute(
            select(facts.c.type, facts.c.fields, fact_sources, consolidated_facts.c.id.label("fact_id"))
            .join(fact_sources, fact_sources.c.fact_pk == facts.c.pk)
            .outerjoin(consolidated_members, consolidated_members.c.fact_pk == facts.c.pk)
            .outerjoin(consolidated_facts, consolidated_facts.c.pk == consolidated_members.c.consolidated_pk)
            .where(fact_sources.c.article_pk == row.pk)
        ).all()
    found = [
        ArticleFact(
            r.fact_id,
            r.type,
            dict(r.fields),
            r.evidence_text,
            r.evidence_start,
            r.evidence_end,
            float(r.confidence),
            r.modality,
        )
        for r in fact_rows
    ]
    found.sort(key=lambda f: (f.evidence_start, f.type, f.fact_id or ""))
    return ArticleDetail(row.id, row.title, row.url, row.date, row.source, row.text, original, found)
