"""Writing one batch of prepared articles in a single transaction: articles, facts, sources, consolidation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from evintel.models import Article, Fact
from evintel.resolve.kb import KnowledgeBase
from evintel.store.base import Store
from evintel.store.refresh import fact_key, refresh_keys
from evintel.store.schema import articles, fact_sources, facts, typed_columns


@dataclass(slots=True)
class PreparedArticle:
    """An article ready to be written: its MinHash signature and extracted facts (or why it failed)."""

    article: Article
    signature: list[int]
    facts: list[Fact]
    error: str | None = None


@dataclass(slots=True)
class BatchResult:
    """Counts of one written batch."""

    added: int = 0
    syndicated: int = 0
    facts: int = 0


def write_batch(store: Store, batch: list[PreparedArticle], index: Any) -> BatchResult:
    """Store a batch atomically; `index` (a SyndicationIndex) groups near-copies and learns new articles."""
    result = BatchResult()
    if not batch:
        return result
    now = datetime.now(UTC).replace(tzinfo=None)
    with store.write() as conn:
        taken = set(
            conn.execute(
                select(articles.c.id).where(articles.c.id.in_([p.article.id for p in batch]))
            ).scalars()
        )
        touched: set[str] = set()
        sources: list[dict[str, Any]] = []
        for item in batch:
            article = item.article
            article_id = _unique_id(article, taken)
            taken.add(article_id)
            root_pk = _original_pk(conn, index, item.signature)
            pk = conn.execute(
                insert(articles).returning(articles.c.pk),
                {
                    "id": article_id,
                    "content_hash": article.content_hash,
                    "url": article.url,
                    "title": article.title,
                    "date": article.date,
                    "source": article.source,
                    "text": article.text,
                    "group_pk": root_pk,
                    "signature": item.signature,
                    "fact_count": len(item.facts),
                    "ingested_at": now,
                },
            ).scalar_one()
            index.add(article_id, item.signature)
            result.added += 1
            result.syndicated += root_pk is not None
            result.facts += len(item.facts)
            keys, rows = _write_facts(conn, store.kb, pk, root_pk, item.facts)
            touched |= keys
            sources.extend(rows)
        if sources:
            conn.execute(insert(fact_sources), sources)
        refresh_keys(conn, store.kb, sorted(touched))
    return result


def _unique_id(article: Article, taken: set[str]) -> str:
    """The article's own id, or (if another content already has it) the id suffixed with its hash."""
    if article.id not in taken:
        return article.id
    return f"{article.id}~{article.content_hash[:10]}"


def _original_pk(conn: Connection, index: Any, signature: list[int]) -> int | None:
    """The primary key of the original this article is a near-copy of, if any."""
    for key in index.query(signature):
        row = conn.execute(select(articles.c.pk, articles.c.group_pk).where(articles.c.id == key)).first()
        if row is not None:
            return int(row.group_pk or row.pk)
    return None


def _write_facts(
    conn: Connection, kb: KnowledgeBase, article_pk: int, root_pk: int | None, found: list[Fact]
) -> tuple[set[str], list[dict[str, Any]]]:
    """Insert an article's new facts; return their keys and the source rows to insert.

    A near-copy's fact with the key of one of its original's facts becomes a source of that fact.
    """
    originals: dict[str, int] = {}
    if root_pk is not None:
        for row in conn.execute(select(facts.c.pk, facts.c.key).where(facts.c.article_pk == root_pk)):
            originals.setdefault(row.key, row.pk)
    keyed = [(ordinal, fact, fact_key(fact, kb)) for ordinal, fact in enumerate(found)]
    new = [(ordinal, fact, key) for ordinal, fact, key in keyed if key not in originals]
    if new:
        rows = [
            {
                "article_pk": article_pk,
                "ordinal": ordinal,
                "type": fact.type,
                "key": key,
                "fields": fact.fields,
                "confidence": float(fact.confidence),
                "modality": fact.modality,
                **typed_columns(fact.fields),
            }
            for ordinal, fact, key in new
        ]
        pks = conn.execute(insert(facts).returning(facts.c.pk, sort_by_parameter_order=True), rows).scalars()
        new_pks = dict(zip((ordinal for ordinal, _, _ in new), pks, strict=True))
    else:
        new_pks = {}
    sources: list[dict[str, Any]] = []
    sourced: set[int] = set()
    for ordinal, fact, key in keyed:
        fact_pk = new_pks.get(ordinal) or originals[key]
        if fact_pk in sourced:
            continue
        sourced.add(fact_pk)
        sources.append(
            {
                "fact_pk": fact_pk,
                "article_pk": article_pk,
                "evidence_text": fact.evidence.text,
                "evidence_start": fact.evidence.start,
                "evidence_end": fact.evidence.end,
                "confidence": float(fact.confidence),
                "modality": fact.modality,
            }
        )
    return {key for _, _, key in keyed}, sources
