"""What SQLite needs beyond the shared SQL: connection pragmas and FTS5 search."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine

_WORD = re.compile(r"\w+", re.UNICODE)


def configure(engine: Engine) -> None:
    """Enforce foreign keys and wait for writers instead of failing with 'database is locked'."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()


def fts_query(words: str) -> str:
    """An FTS5 MATCH expression: every word of the input, each quoted so no word acts as an operator."""
    return " ".join(f'"{w}"' for w in _WORD.findall(words))


def search_articles(conn: Connection, words: str, limit: int) -> list[int]:
    """Article primary keys matching every word, by BM25 rank."""
    match = fts_query(words)
    if not match:
        return []
    rows = conn.execute(
        text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rank, rowid LIMIT :n"),
        {"q": match, "n": limit},
    )
    return [int(r[0]) for r in rows]
