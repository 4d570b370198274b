"""HTML pages to Articles: main text with boilerplate removed (trafilatura), title and date from metadata."""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from datetime import date

import lxml.html
import trafilatura
from lxml import etree

from evintel.errors import IngestError
from evintel.ingest.dates import parse_date
from evintel.models import Article

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "blockquote",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "figure",
        "figcaption",
    ]
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def article_from_html(
    html: str,
    item: str,
    *,
    article_id: str | None = None,
    url: str | None = None,
    default_date: date | None = None,
) -> Article:
    """An Article from an HTML page: trafilatura main text, else the page's plain text; IngestError if none."""
    document = None
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except (ValueError, TypeError, etree.LxmlError):
        document = None  # a page trafilatura cannot parse still gets the plain-text fallback below
    text = (getattr(document, "text", None) or "").strip()
    title = getattr(document, "title", None) or None
    published = parse_date(getattr(document, "date", None))
    if not text:
        text, fallback_title = _plain_text(html)
        title = title or fallback_title
    if not text:
        raise IngestError(item, "no article text found in the HTML page")
    return Article(
        id=article_id or _derived_id(item, url),
        text=text,
        date=published or default_date,
        title=title,
        url=url or getattr(document, "url", None) or None,
        source=getattr(document, "sitename", None) or None,
    )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries): tags dropped, blocks on their own lines."""
    if "<" not in fragment:
        return _tidy(_unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(fragment)
    return _element_text(root)


def _element_text(root: lxml.html.HtmlElement) -> str:
    for junk in root.xpath(".//script|.//style|.//noscript|.//head"):
        junk.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions carry no text
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
    return _tidy(root.text_content())


def _plain_text(html: str) -> tuple[str, str | None]:
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return "", None
    title = (root.findtext(".//title") or "").strip() or None
    return _element_text(root), title


def _unescape(text: str) -> str:
    return html_lib.unescape(text)


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _derived_id(item: str, url: str | None) -> str:
    if url:
        return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    return item
