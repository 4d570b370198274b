"""`iter_articles`: files, folders and URLs in, Articles out, with an IngestError per bad item (never raised)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from evintel.errors import IngestError
from evintel.ingest.encoding import decode_bytes
from evintel.ingest.feeds import iter_feed_articles, looks_like_feed
from evintel.ingest.html import article_from_html
from evintel.ingest.records import iter_json_articles, iter_jsonl_articles
from evintel.ingest.warc import HTML_SIZE_FACTOR, iter_warc_articles
from evintel.models import Article

DEFAULT_MAX_BYTES = 2_000_000
FETCH_TIMEOUT_S = 10.0

_SUFFIX_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}
# A first line this short and not closed by a full stop is taken as the headline of a .txt article.
_MAX_TITLE_CHARS = 150

_Result = tuple[str, Article | IngestError]


def iter_articles(
    sources: Iterable[str | Path],
    *,
    default_date: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | IngestError]:
    """Articles from files, folders (recursive) and http(s) URLs; bad items come out as IngestError objects."""
    for source in sources:
        for item, result in _iter_source(source, default_date, max_bytes):
            if isinstance(result, Article):
                size = len(result.text.encode("utf-8"))
                if size > max_bytes:
                    result = IngestError(
                        item,
                        f"article text is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
                        "(raise max_bytes to read it)",
                    )
            yield result


def source_kind(path: Path, head: bytes = b"") -> str:
    """The reader for a file: by extension, else by sniffing its first bytes (json, feed, html, warc, text)."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if path.suffix.lower() in _SUFFIX_KINDS:
        return _SUFFIX_KINDS[path.suffix.lower()]
    return _sniff(head)


def _sniff(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"["):
        return "json"
    if looks_like_feed(stripped):
        return "feed"
    if stripped.startswith((b"<!doctype html", b"<html")) or b"<body" in stripped[:4096]:
        return "html"
    return "text"


def _iter_source(source: str | Path, default_date: date | None, max_bytes: int) -> Iterator[_Result]:
    if isinstance(source, str) and source.lower().startswith(("http://", "https://")):
        yield from _iter_url(source, default_date, max_bytes)
        return
    path = Path(source)
    if path.is_dir():
        for file in _walk(path):
            yield from _iter_file(file, default_date, max_bytes)
    elif path.exists():
        yield from _iter_file(path, default_date, max_bytes)
    else:
        yield str(source), IngestError(str(source), "no such file or directory")


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        yield path


def _iter_file(path: Path, default_date: date | None, max_bytes: int) -> Iterator[_Result]:
    item = str(path)
    try:
        with path.open("rb") as stream:
            kind = source_kind(path, stream.read(4096))
            stream.seek(0)
            if kind == "jsonl":
                yield from iter_jsonl_articles(stream, item, default_date=default_date, id_prefix=path.name)
            elif kind == "warc":
                for result in iter_warc_articles(
                    stream, item, default_date=default_date, max_bytes=max_bytes
                ):
                    yield (result.item if isinstance(result, IngestError) else item), result
            else:
                yield from _iter_document(kind, stream.read(), item, path, None, default_date, max_bytes)
    except OSError as exc:
        yield item, IngestError(item, f"cannot read ({exc.strerror or exc.__class__.__name__})")
    except IngestError as exc:
        yield item, exc


def _iter_document(
    kind: str,
    data: bytes,
    item: str,
    path: Path | None,
    url: str | None,
    default_date: date | None,
    max_bytes: int,
) -> Iterator[_Result]:
    """Results of a whole document held in memory (a file other than JSON lines, or a fetched URL)."""
    # Checked before decoding or parsing, so a huge page or text file is refused at once instead of stalling
    # the batch. Markup is bulkier than its text, and UTF-16 text takes two bytes a character, hence the factors.
    limit = {"html": HTML_SIZE_FACTOR, "feed": HTML_SIZE_FACTOR, "text": 2}.get(kind)
    if limit is not None and len(data) > limit * max_bytes:
        reason = (
            f"file is {len(data) / 1e6:.1f} MB, too large for the {max_bytes / 1e6:.1f} MB article limit "
            "(raise max_bytes to read it)"
        )
        yield item, IngestError(item, reason)
        return
    # Files are named by their file name in ids (stable whatever the working folder), URLs by the URL.
    id_prefix = path.name if path is not None else item
    article_id = path.stem if path is not None else item
    if kind == "jsonl":
        yield from iter_jsonl_articles(io.BytesIO(data), item, default_date=default_date, id_prefix=id_prefix)
    elif kind == "json":
        yield from iter_json_articles(data, item, default_date=default_date, id_prefix=id_prefix)
    elif kind == "warc":
        for result in iter_warc_articles(
            io.BytesIO(data), item, default_date=default_date, max_bytes=max_bytes
        ):
            yield (result.item if isinstance(result, IngestError) else item), result
    elif kind == "feed":
        for result in iter_feed_articles(data, item, default_date=default_date):
            yield (result.item if isinstance(result, IngestError) else item), result
    elif kind == "html":
        html = decode_bytes(data, item)
        yield item, article_from_html(html, item, article_id=article_id, url=url, default_date=default_date)
    else:
        yield item, _text_article(decode_bytes(data, item), article_id, url, default_date)


def _text_article(text: str, article_id: str, url: str | None, default_date: date | None) -> Article:
    return Article(id=article_id, text=text, date=default_date, title=_headline(text), url=url)


def _headline(text: str) -> str | None:
    lines = [line.strip() for line in text.strip().splitlines()]
    if len([line for line in lines if line]) < 2:
        return None
    first = lines[0]
    if len(first) > _MAX_TITLE_CHARS or first.endswith((".", ",", ";", ":")):
        return None
    return first


def _iter_url(url: str, default_date: date | None, max_bytes: int) -> Iterator[_Result]:
    try:
        import httpx
    except ImportError:
        yield url, IngestError(url, "reading URLs needs httpx (pip install httpx)")
        return
    try:
        response = httpx.get(url, timeout=FETCH_TIMEOUT_S, follow_redirects=True)
    except httpx.HTTPError as exc:
        yield url, IngestError(url, f"could not fetch ({exc.__class__.__name__}: {exc})")
        return
    if response.status_code >= 400:
        yield url, IngestError(url, f"could not fetch (HTTP {response.status_code})")
        return
    content_type = response.headers.get("content-type", "").lower()
    kind = _kind_of_content_type(content_type) or _sniff(response.content[:4096])
    try:
        yield from _iter_document(kind, response.content, url, None, url, default_date, max_bytes)
    except IngestError as exc:
        yield url, exc


def _kind_of_content_type(content_type: str) -> str | None:
    for marker, kind in (
        ("html", "html"),
        ("rss", "feed"),
        ("atom", "feed"),
        ("ndjson", "jsonl"),
        ("jsonl", "jsonl"),
        ("json", "json"),
        ("warc", "warc"),
        ("text/plain", "text"),
    ):
        if marker in content_type:
            return kind
    return None
