"""WARC archives (.warc, .warc.gz) to Articles: HTML response records go through the HTML path."""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from evintel.errors import IngestError
from evintel.ingest.encoding import decode_bytes
from evintel.ingest.html import article_from_html
from evintel.models import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Raw HTML is much larger than its text; beyond this multiple of the text limit a page is not parsed.
HTML_SIZE_FACTOR = 4


def iter_warc_articles(
    stream: BinaryIO, item: str, *, default_date: date | None = None, max_bytes: int | None = None
) -> Iterator[Article | IngestError]:
    """Articles from the HTML response records of a WARC stream; other records are skipped."""
    if not _starts_like_warc(stream):
        yield IngestError(item, "not a readable WARC file (no WARC/1.x header at the start)")
        return
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(_HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            name = f"{item}:{url or f'record {number}'}"
            payload = record.content_stream().read()
            if max_bytes is not None and len(payload) > HTML_SIZE_FACTOR * max_bytes:
                yield IngestError(name, f"page is {len(payload) / 1e6:.1f} MB, too large to extract")
                continue
            try:
                html = _decode_payload(payload, content_type, name)
                yield article_from_html(
                    html, name, article_id=_record_id(record, url), url=url, default_date=default_date
                )
            except IngestError as exc:
                yield exc
    except ArchiveLoadFailed as exc:
        yield IngestError(item, f"not a readable WARC file ({_first_line(exc)})")


def _starts_like_warc(stream: BinaryIO) -> bool:
    # warcio reads almost anything as some record; check the magic first (through gzip if compressed).
    start = stream.tell()
    head = stream.read(2)
    stream.seek(start)
    try:
        if head == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=stream) as unzipped:
                head = unzipped.read(5)
        else:
            head = stream.read(5)
    except (OSError, EOFError):
        return False
    finally:
        stream.seek(start)
    return head.startswith(b"WARC/")


def _decode_payload(payload: bytes, content_type: str, name: str) -> str:
    # The server's declared charset wins when it decodes cleanly; otherwise detect.
    charset = content_type.partition("charset=")[2].split(";")[0].strip(" \"'")
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload, name)


def _record_id(record: Any, url: str | None) -> str:
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    if record_id:
        return str(record_id).strip("<>").removeprefix("urn:uuid:")
    return "url-" + hashlib.sha1((url or "").encode("utf-8")).hexdigest()[:16]


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
