"""Search: entities by name or alias, articles by full text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from evintel.query.lookup import EntityRef, entity_ref
from evintel.resolve.kb import normalize_name
from evintel.store.base import Store
from evintel.store.schema import articles, entities, entity_names


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """An article matching a search, with a short excerpt around the first matching word."""

    id: str
    title: str | None
    url: str | None
    date: date | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "date": self.date.isoformat() if self.date else None,
            "snippet": self.snippet,
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Entities whose names match, and articles whose text matches."""

    entities: list[EntityRef]
    articles: list[ArticleHit]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "entities": [e.to_dict() for e in self.entities],
            "articles": [a.to_dict() for a in self.articles],
        }


def search(store: Store, q: str, limit: int = 20) -> SearchResult:
    """Entities by name/alias (exact, then prefix) and articles by full text, best first."""
    norm = normalize_name(q)
    with store.read() as conn:
        found: list[EntityRef] = []
        if norm:
            rows = conn.execute(
                select(entities, entity_names.c.norm_name)
                .join(entity_names, entity_names.c.entity_pk == entities.c.pk)
                .where(entity_names.c.norm_name.startswith(norm))
                .limit(limit * 5)
            ).all()
            ranked = sorted(rows, key=lambda r: (r.norm_name != norm, not r.in_kb, len(r.norm_name), r.id))
            for row in ranked:
                ref = entity_ref(row)
                if ref not in found:
                    found.append(ref)
        pks = store.search_articles(conn, q, limit)
        article_rows = {
            r.pk: r
            for r in conn.execute(
                select(
                    articles.c.pk,
                    articles.c.id,
                    articles.c.title,
                    articles.c.url,
                    articles.c.date,
                    articles.c.text,
                ).where(articles.c.pk.in_(pks))
            )
        }
    hits = [
        ArticleHit(r.id, r.title, r.url, r.date, snippet(r.text, q))
        for pk in pks
        if (r := article_rows.get(pk))
    ]
    return SearchResult(found[:limit], hits)


def snippet(text: str, q: str, width: int = 160) -> str:
    """About `width` characters of `text` around the first word of `q` found in it."""
    lowered = text.lower()
    positions = [lowered.find(w) for w in q.lower().split() if w and lowered.find(w) >= 0]
    at = min(positions) if positions else 0
    start = max(0, at - width // 3)
    piece = " ".join(text[start : start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
