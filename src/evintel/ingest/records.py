"""JSON article records ({"id", "url", "date", "title", "text"}) to Articles, from .jsonl and .json input."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from evintel.errors import IngestError
from evintel.ingest.dates import parse_date
from evintel.ingest.encoding import decode_bytes
from evintel.models import Article

# Feeds and scrapers name the text field differently; the first present one is the article text.
TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("date", "published", "published_at", "pubDate")


def article_from_record(
    record: Any, item: str, *, default_date: date | None = None, fallback_id: str | None = None
) -> Article:
    """An Article from one JSON record; without an id it gets `fallback_id` (default: `item`, "file:line")."""
    if not isinstance(record, dict):
        raise IngestError(item, f"expected a JSON object, got {type(record).__name__}")
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    if text is None:
        raise IngestError(item, 'no article text (expected a "text", "body" or "content" field)')
    raw_id = record.get("id")
    published = next((parse_date(record[k]) for k in DATE_KEYS if record.get(k)), None)
    return Article(
        id=str(raw_id) if raw_id not in (None, "") else (fallback_id or item),
        text=text,
        date=published or default_date,
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        source=_optional_str(record.get("source")),
    )


def parse_record_line(
    line: str, item: str, *, default_date: date | None = None, fallback_id: str | None = None
) -> Article:
    """An Article from one JSON line; IngestError naming `item` if the JSON is broken or has no text."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(item, _json_reason(exc)) from None
    return article_from_record(record, item, default_date=default_date, fallback_id=fallback_id)


def iter_jsonl_articles(
    stream: BinaryIO, name: str, *, default_date: date | None = None, id_prefix: str | None = None
) -> Iterator[tuple[str, Article | IngestError]]:
    """(item, Article or IngestError) per non-blank line of a JSON-lines stream, read lazily.

    Errors name `name:line`; a record without an id gets `id_prefix:line` (default `name:line`).
    """
    first = stream.readline()
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 cannot be split on b"\n": decode the whole stream.
        lines: Iterator[bytes | str] = iter(decode_bytes(first + stream.read(), name).splitlines())
    else:
        lines = itertools.chain([first], stream)
    for number, raw in enumerate(lines, start=1):
        item = f"{name}:{number}"
        try:
            line = raw if isinstance(raw, str) else _decode_line(raw, item, first_line=number == 1)
            if not line.strip():
                continue
            fallback_id = f"{id_prefix or name}:{number}"
            yield item, parse_record_line(line, item, default_date=default_date, fallback_id=fallback_id)
        except IngestError as exc:
            yield item, exc


def iter_json_articles(
    data: bytes, name: str, *, default_date: date | None = None, id_prefix: str | None = None
) -> Iterator[tuple[str, Article | IngestError]]:
    """(item, Article or IngestError) for a .json file holding one article object or a list of them."""
    text = decode_bytes(data, name)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"{name}:{exc.lineno}", _json_reason(exc)) from None
    if isinstance(parsed, dict) and isinstance(parsed.get("articles"), list):
        parsed = parsed["articles"]
    records = parsed if isinstance(parsed, list) else [parsed]
    for number, record in enumerate(records):
        suffix = f"[{number}]" if isinstance(parsed, list) else ""
        item = name + suffix
        try:
            fallback_id = (id_prefix or name) + suffix
            yield item, article_from_record(record, item, default_date=default_date, fallback_id=fallback_id)
        except IngestError as exc:
            yield item, exc


def _json_reason(exc: json.JSONDecodeError) -> str:
    # Some messages already end in "at" ("Unterminated string starting at").
    return f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"


def _decode_line(raw: bytes, item: str, *, first_line: bool) -> str:
    try:
        return raw.decode("utf-8-sig" if first_line else "utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw, item)


def _optional_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
