"""Query stage: read the knowledge store through typed results (each with `to_dict()` for JSON)."""

from __future__ import annotations

from evintel.query.articles import ArticleDetail, ArticleFact, get_article
from evintel.query.conflicts import ConflictRecord, list_conflicts
from evintel.query.entities import EntityProfile, Network, RelatedFact, SalesRow, entity_profile, network
from evintel.query.facts import FactDetail, FactFilter, FactSummary, Page, SourceRecord, get_fact, list_facts
from evintel.query.lookup import EntityRef
from evintel.query.search import ArticleHit, SearchResult, search
from evintel.query.stats import StoreStats, stats

__all__ = [
    "ArticleDetail",
    "ArticleFact",
    "ArticleHit",
    "ConflictRecord",
    "EntityProfile",
    "EntityRef",
    "FactDetail",
    "FactFilter",
    "FactSummary",
    "Network",
    "Page",
    "RelatedFact",
    "SalesRow",
    "SearchResult",
    "SourceRecord",
    "StoreStats",
    "entity_profile",
    "get_article",
    "get_fact",
    "list_conflicts",
    "list_facts",
    "network",
    "search",
    "stats",
]
