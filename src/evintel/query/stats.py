"""Store statistics: articles, facts by type, entities, sources, conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from evintel.store.base import Store
from evintel.store.schema import articles, conflicts, consolidated_facts, entities, fact_sources, facts


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts that describe a store."""

    articles: int
    syndicated: int  # articles grouped with an earlier original
    facts: int  # consolidated facts
    facts_by_type: dict[str, int]
    statements: int  # fact rows (one per distinct statement per original article)
    sources: int  # (fact, article) pairs
    entities: int
    kb_entities: int
    discovered_entities: int
    conflicts: int
    conflicts_by_kind: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "articles": self.articles,
            "syndicated": self.syndicated,
            "facts": self.facts,
            "facts_by_type": self.facts_by_type,
            "statements": self.statements,
            "sources": self.sources,
            "entities": self.entities,
            "kb_entities": self.kb_entities,
            "discovered_entities": self.discovered_entities,
            "conflicts": self.conflicts,
            "conflicts_by_kind": self.conflicts_by_kind,
        }


def stats(store: Store) -> StoreStats:
    """Counts of articles, facts (by type), statements, sources, entities and conflicts."""
    count = func.count()
    with store.read() as conn:
        n_articles = conn.execute(select(count).select_from(articles)).scalar_one()
        syndicated = conn.execute(
            select(count).select_from(articles).where(articles.c.group_pk.is_not(None))
        ).scalar_one()
        by_type: dict[str, int] = dict(
            conn.execute(select(consolidated_facts.c.type, count).group_by(consolidated_facts.c.type)).all()
        )
        statements = conn.execute(select(count).select_from(facts)).scalar_one()
        sources = conn.execute(select(count).select_from(fact_sources)).scalar_one()
        by_kb: dict[bool, int] = dict(
            conn.execute(select(entities.c.in_kb, count).group_by(entities.c.in_kb)).all()
        )
        by_kind: dict[str, int] = dict(
            conn.execute(select(conflicts.c.kind, count).group_by(conflicts.c.kind)).all()
        )
    kb_count = int(by_kb.get(True, 0))
    discovered = int(by_kb.get(False, 0))
    return StoreStats(
        articles=int(n_articles),
        syndicated=int(syndicated),
        facts=sum(by_type.values()),
        facts_by_type={k: int(v) for k, v in sorted(by_type.items())},
        statements=int(statements),
        sources=int(sources),
        entities=kb_count + discovered,
        kb_entities=kb_count,
        discovered_entities=discovered,
        conflicts=sum(by_kind.values()),
        conflicts_by_kind={k: int(v) for k, v in sorted(by_kind.items())},
    )
