"""Store stage: the persistent knowledge store (SQLite by default, PostgreSQL by URL) and ingest into it."""

from __future__ import annotations

from evintel.store.base import Store
from evintel.store.loader import IngestReport, ingest_articles
from evintel.store.sql import open_store

__all__ = ["IngestReport", "Store", "ingest_articles", "open_store"]
