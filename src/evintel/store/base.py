"""The Store protocol: what every knowledge-store back-end offers to the loader and the query layer.

API for callers (CLI, web app, jobs) — never write SQL outside `evintel.store` / `evintel.query`:

    from evintel.store import open_store, ingest_articles
    from evintel import query

    store = open_store(url)              # None -> $EVINTEL_DB -> ./evintel.db; runs migrations; StoreError
    report = ingest_articles(store, articles_or_paths, workers=1, batch_size=50, progress=None)
    #   articles_or_paths: Articles, IngestErrors, file paths or URLs (read by evintel.ingest.iter_articles);
    #   progress(report) is called after every batch; extract=callable overrides the default extractor.
    report.to_dict()       # {"read", "added", "duplicates", "syndicated", "facts", "errors": [...], "seconds"}

    query.search(store, "battery", limit=20)                       -> SearchResult (entities + articles)
    query.list_facts(store, query.FactFilter(type="sales", entity="BMW Group", powertrain="BEV",
                     since="2023", until=None, market=None, metric=None, status=None,
                     conflicted=None), limit=50, offset=0)          -> Page[FactSummary]
    query.get_fact(store, fact_id)                                 -> FactDetail (sources, revisions, conflicts)
    query.entity_profile(store, "vw")                              -> EntityProfile (aliases and case tolerated)
    query.list_conflicts(store)                                    -> list[ConflictRecord]
    query.get_article(store, article_id)                           -> ArticleDetail (text + facts w/ offsets)
    query.stats(store)                                             -> StoreStats
    query.network(store, "BMW Group", depth=1)                     -> Network (nodes, edges with fact ids)

Every result has `to_dict()` (JSON-ready). Missing things raise `NotFoundError`; database trouble raises
`StoreError` with a message fit for a user. `store.close()` releases connections.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from sqlalchemy.engine import Connection, Engine

from evintel.resolve.kb import KnowledgeBase


class Store(Protocol):
    """A knowledge store reachable through SQLAlchemy Core; back-ends differ only where SQL does."""

    url: str  # for messages: the URL with any password hidden
    dialect: str  # "sqlite" | "postgresql"
    engine: Engine
    kb: KnowledgeBase

    def read(self) -> AbstractContextManager[Connection]:
        """A connection for queries; database errors surface as StoreError."""
        ...

    def write(self) -> AbstractContextManager[Connection]:
        """One transaction: committed when the block ends, rolled back entirely on any error."""
        ...

    def search_articles(self, conn: Connection, text: str, limit: int) -> list[int]:
        """Primary keys of the articles whose title or text match `text`, best first (full-text index)."""
        ...

    def close(self) -> None:
        """Release every pooled connection."""
        ...
