import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from evintel.errors import IngestError
from evintel.ingest.warc import iter_warc_articles
from evintel.models import Article

PAGE = (
    "<html><head><title>Brennfeld wins e-motor order</title></head><body><article>"
    "<h1>Brennfeld wins e-motor order</h1>"
    "<p>Brennfeld, an Austrian supplier, will deliver electric motors to Ostrava Autoworks from 2026, "
    "both companies said on Wednesday.</p><p>The contract covers three vehicle lines.</p>"
    "</article></body></html>"
)


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def write_warc(path: Path) -> None:
    """A small gzipped WARC: a request, an HTML page, a PNG and a cp1252 page."""
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=True)
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record("https://news.example/brennfeld", "request", http_headers=request)
        )
        writer.write_record(
            _response(writer, "https://news.example/brennfeld", PAGE.encode(), "text/html; charset=utf-8")
        )
        writer.write_record(
            _response(writer, "https://news.example/logo.png", b"\x89PNG\x00\x00", "image/png")
        )
        latin = PAGE.replace("Brennfeld", "Größwerk").encode("cp1252")
        writer.write_record(
            _response(writer, "https://news.example/gross", latin, "text/html; charset=windows-1252")
        )


@pytest.fixture
def warc_path(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    return path


def test_iter_warc_articles_reads_html_responses_only(warc_path):
    with warc_path.open("rb") as stream:
        results = list(iter_warc_articles(stream, "crawl.warc.gz"))
    assert all(isinstance(r, Article) for r in results)
    first, second = results
    assert first.url == "https://news.example/brennfeld"
    assert "deliver electric motors to Ostrava Autoworks" in first.text
    assert first.title == "Brennfeld wins e-motor order"
    assert "Größwerk, an Austrian supplier" in second.text


def test_iter_warc_articles_ids_come_from_record_ids(warc_path):
    with warc_path.open("rb") as stream:
        ids = [a.id for a in iter_warc_articles(stream, "crawl.warc.gz")]
    assert len(set(ids)) == 2
    assert all(len(i) == 36 and i.count("-") == 4 for i in ids)  # a UUID, without <urn:uuid:...>


def test_iter_warc_articles_reports_a_broken_archive():
    [error] = iter_warc_articles(io.BytesIO(b"this is not a warc file at all\n" * 5), "junk.warc")
    assert isinstance(error, IngestError)
    assert error.item == "junk.warc" and "not a readable WARC" in error.reason
