"""RSS and Atom feeds to Articles: one per entry, with title, link, published date and plain text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from evintel.errors import IngestError
from evintel.ingest.dates import parse_date
from evintel.ingest.html import html_to_text
from evintel.models import Article


def iter_feed_articles(
    data: bytes | str, item: str, *, default_date: date | None = None
) -> Iterator[Article | IngestError]:
    """Articles of a feed's entries; an IngestError for the feed if it is not RSS/Atom, or per empty entry."""
    parsed = feedparser.parse(data)
    texts = [_entry_text(entry) for entry in parsed.entries]
    if parsed.get("bozo") and not any(texts):
        # feedparser salvages what it can from broken XML; with nothing readable the feed itself is bad.
        raise IngestError(item, f"not a valid RSS or Atom feed ({_first_line(parsed.get('bozo_exception'))})")
    if not parsed.get("version"):
        raise IngestError(item, "not an RSS or Atom feed")
    source = parsed.feed.get("title") or None
    for number, (entry, text) in enumerate(zip(parsed.entries, texts, strict=True), start=1):
        name = f"{item}#{number}"
        if not text:
            yield IngestError(name, "feed entry has no text (no summary or content)")
            continue
        yield Article(
            id=_entry_id(entry, name),
            text=text,
            date=_entry_date(entry) or default_date,
            title=html_to_text(entry.get("title", "")) or None,
            url=entry.get("link") or None,
            source=source,
        )


def looks_like_feed(head: bytes) -> bool:
    """True if the first bytes of a file look like an RSS, RDF or Atom document."""
    lowered = head[:2048].lower()
    return any(tag in lowered for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _entry_text(entry: Any) -> str:
    # Full content beats the summary when a feed carries both.
    for content in entry.get("content") or []:
        text = html_to_text(content.get("value", ""))
        if text:
            return text
    return html_to_text(entry.get("summary", "") or "")


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    for key in ("published", "updated", "created"):
        found = parse_date(entry.get(key))
        if found:
            return found
    return None


def _entry_id(entry: Any, name: str) -> str:
    key = entry.get("id") or entry.get("link")
    if key:
        return "feed-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return name


def _first_line(exc: object) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
