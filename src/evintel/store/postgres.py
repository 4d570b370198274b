"""What PostgreSQL needs beyond the shared SQL: the psycopg driver and tsvector search."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Connection

_WORD = re.compile(r"\w+", re.UNICODE)


def driver_url(url: str) -> str:
    """Route plain postgresql:// URLs to psycopg 3 (the driver evintel installs), not psycopg2."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def search_articles(conn: Connection, words: str, limit: int) -> list[int]:
    """Article primary keys matching every word, by ts_rank."""
    terms = _WORD.findall(words.lower())
    if not terms:
        return []
    rows = conn.execute(
        text(
            "SELECT pk FROM articles, plainto_tsquery('simple', :q) AS query WHERE tsv @@ query "
            "ORDER BY ts_rank(tsv, query) DESC, pk LIMIT :n"
        ),
        {"q": " ".join(terms), "n": limit},
    )
    return [int(r[0]) for r in rows]
