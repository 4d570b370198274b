"""Ingest stage: files, folders, feeds, WARC archives and URLs in; Articles (or IngestErrors) out.

Names are imported on first use (PEP 562), so `evintel.ingest.boilerplate`, which the extractor needs,
does not pull in trafilatura or datasketch.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evintel.ingest.boilerplate import boilerplate_spans, is_boilerplate
    from evintel.ingest.dates import parse_date
    from evintel.ingest.encoding import decode_bytes
    from evintel.ingest.feeds import iter_feed_articles
    from evintel.ingest.html import article_from_html, html_to_text
    from evintel.ingest.readers import DEFAULT_MAX_BYTES, iter_articles, source_kind
    from evintel.ingest.records import article_from_record, parse_record_line
    from evintel.ingest.syndication import SyndicationIndex, signature, similarity
    from evintel.ingest.warc import iter_warc_articles

_EXPORTS = {
    "DEFAULT_MAX_BYTES": "readers",
    "iter_articles": "readers",
    "source_kind": "readers",
    "article_from_record": "records",
    "parse_record_line": "records",
    "article_from_html": "html",
    "html_to_text": "html",
    "iter_feed_articles": "feeds",
    "iter_warc_articles": "warc",
    "decode_bytes": "encoding",
    "parse_date": "dates",
    "boilerplate_spans": "boilerplate",
    "is_boilerplate": "boilerplate",
    "SyndicationIndex": "syndication",
    "signature": "syndication",
    "similarity": "syndication",
}

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SyndicationIndex",
    "article_from_html",
    "article_from_record",
    "boilerplate_spans",
    "decode_bytes",
    "html_to_text",
    "is_boilerplate",
    "iter_articles",
    "iter_feed_articles",
    "iter_warc_articles",
    "parse_date",
    "parse_record_line",
    "signature",
    "similarity",
    "source_kind",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'evintel.ingest' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"evintel.ingest.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
