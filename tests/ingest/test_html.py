from datetime import date
from pathlib import Path

import pytest

from evintel.errors import IngestError
from evintel.ingest.html import article_from_html, html_to_text

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def page_article():
    html = (FIXTURES / "page.html").read_text("utf-8")
    return article_from_html(html, "page.html", article_id="page", url="https://motorwire.example/ostrava")


def test_article_from_html_keeps_the_article_paragraphs(page_article):
    text = page_article.text
    assert "Kopřivnice from the second half of 2026" in text
    assert "620 million euros" in text
    assert "battery cells from a supplier in Poland" in text


@pytest.mark.parametrize(
    "junk",
    ["Log in", "We use cookies", "Share this article", "Most read", "Five cheap electric cars", "All rights"],
)
def test_article_from_html_drops_page_furniture(page_article, junk):
    assert junk not in page_article.text


def test_article_from_html_reads_metadata(page_article):
    assert page_article.title == "Ostrava Autoworks to build electric SUV in Czechia"
    assert page_article.date == date(2024, 6, 18)
    assert page_article.id == "page"
    assert page_article.url == "https://motorwire.example/ostrava"
    assert page_article.source == "Motorwire"


def test_article_from_html_uses_default_date_when_page_has_none():
    html = "<html><body><article><p>Tarrow Energy opened a cathode line in Vaasa on its own land.</p></article></body></html>"
    article = article_from_html(html, "t.html", default_date=date(2023, 1, 2))
    assert article.date == date(2023, 1, 2)
    assert "cathode line in Vaasa" in article.text


def test_article_from_html_falls_back_to_plain_text_for_tiny_pages():
    article = article_from_html(
        "<html><head><title>Note</title></head><body><p>Short.</p></body></html>", "n.html"
    )
    assert article.text == "Short."
    assert article.id == "n.html"


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><style>p {}</style></body></html>",
        "<html></html>",
    ],
)
def test_article_from_html_without_text_is_an_error(html):
    with pytest.raises(IngestError, match="no article text") as info:
        article_from_html(html, "blank.html")
    assert info.value.item == "blank.html"


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (
            "<p>Grauwerk &amp; Tessaro</p><p>form a <b>venture</b>.</p>",
            "Grauwerk & Tessaro\n\nform a venture.",
        ),
        ("Line one<br>line two", "Line one\nline two"),
        ("No tags &amp; entities", "No tags & entities"),
        ("<ul><li>e-axles</li><li>inverters</li></ul>", "e-axles\n\ninverters"),
        ("<p>Text<script>alert(1)</script></p>", "Text"),
        ("", ""),
    ],
)
def test_html_to_text_strips_tags(fragment, expected):
    assert html_to_text(fragment) == expected
