import json
import shutil
import socket
from datetime import date
from pathlib import Path

import pytest

from evintel.errors import IngestError
from evintel.ingest import iter_articles, source_kind
from evintel.models import Article

from .test_warc import write_warc

FIXTURES = Path(__file__).parent / "fixtures"
JUNE = date(2024, 6, 1)


def _split(results):
    results = list(results)
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, IngestError)]
    assert len(articles) + len(errors) == len(results)
    return articles, errors


def _errors_by_item(errors, *folders):
    """Reasons keyed by item, with the given folder prefixes dropped ("inbox/empty.txt" -> "empty.txt")."""
    prefixes = [f"{folder}/" for folder in (FIXTURES, *folders)]
    return {
        next((e.item.removeprefix(p) for p in prefixes if e.item.startswith(p)), e.item): e.reason
        for e in errors
    }


def test_iter_articles_reads_jsonl_and_reports_bad_lines():
    articles, errors = _split(iter_articles([FIXTURES / "articles.jsonl"]))
    assert [a.id for a in articles] == ["fx-01", "fx-02", "articles.jsonl:3", "fx-06"]
    assert articles[1].text.startswith("Borealis Cells has agreed")  # the "body" key
    assert articles[1].date == date(2024, 3, 5)
    assert articles[3].date is None  # "not a date"
    assert _errors_by_item(errors) == {
        "articles.jsonl:4": "not valid JSON (Expecting ',' delimiter at column 107)",
        "articles.jsonl:6": 'no article text (expected a "text", "body" or "content" field)',
    }
    assert str(errors[0]).startswith(str(FIXTURES / "articles.jsonl") + ":4: not valid JSON")


def test_iter_articles_reads_a_json_list():
    articles, errors = _split(iter_articles([FIXTURES / "articles.json"]))
    assert not errors
    assert [(a.id, a.date) for a in articles] == [("js-1", date(2024, 5, 2)), ("js-2", date(2024, 5, 3))]


def test_iter_articles_reads_text_with_headline_and_default_date():
    [article] = iter_articles([FIXTURES / "story.txt"], default_date=JUNE)
    assert article.id == "story"
    assert article.date == JUNE
    assert article.title == "Nordhalle Batterien picks Saxony for its first cell plant"
    assert article.text == (FIXTURES / "story.txt").read_text("utf-8")  # kept whole: offsets stay valid


@pytest.mark.parametrize(
    "text",
    [
        "One line only, no headline here.",
        "This first line ends like a sentence.\nSecond line.",
        "A first line that runs on and on " * 6 + "\nSecond line.",
    ],
)
def test_iter_articles_text_without_headline(tmp_path, text):
    path = tmp_path / "note.txt"
    path.write_text(text, "utf-8")
    [article] = iter_articles([path])
    assert article.title is None and article.text == text


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("latin1.txt", "véhicules électriques en août à Besançon"),
        ("cp1252.txt", "300 Mio. € in ein Werk für Elektromotoren in Straßwalchen"),
        ("utf16.txt", "31,400 new energy vehicles in July — a record"),
    ],
)
def test_iter_articles_decodes_other_encodings(name, needle):
    [article] = iter_articles([FIXTURES / name])
    assert needle in article.text


def test_iter_articles_reads_html_feeds_and_warc(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz")
    sources = [
        FIXTURES / "page.html",
        FIXTURES / "feed.rss",
        FIXTURES / "feed.atom",
        tmp_path / "crawl.warc.gz",
    ]
    articles, errors = _split(iter_articles(sources))
    assert [a.id for a in articles][0] == "page"
    assert articles[0].date == date(2024, 6, 18)
    assert [a.title for a in articles[1:4]] == [
        "Solenne Motors hands over 12,000 cars in May",
        "Grauwerk and Tessaro form battery joint venture",
        "Lumeris raises funds for sodium-ion cells",
    ]
    assert [a.url for a in articles[4:]] == ["https://news.example/brennfeld", "https://news.example/gross"]
    assert [e.item for e in errors] == [f"{FIXTURES / 'feed.rss'}#3"]


def test_iter_articles_walks_folders_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "zeta.txt").write_text("Zeta Motors sold 10 cars.", "utf-8")
    (tmp_path / "alpha.txt").write_text("Alpha Cells raised 5 million euros.", "utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden text.", "utf-8")
    (tmp_path / ".cache" / "inside.txt").write_text("Cached text.", "utf-8")
    assert [a.id for a in iter_articles([tmp_path])] == ["alpha", "zeta"]


def test_iter_articles_bad_items_do_not_stop_the_batch(tmp_path):
    """Every bad-input case yields an IngestError naming the item, and the good items still come through."""
    folder = tmp_path / "inbox"
    shutil.copytree(FIXTURES, folder)
    big = "Kestrel Motors delivered 4,210 electric vans in February. " * 90_000  # about 5.2 MB
    (folder / "huge.jsonl").write_text(json.dumps({"id": "huge", "text": big}) + "\n", "utf-8")
    (folder / "huge.txt").write_text(big, "utf-8")
    closed_port = _closed_port()
    url = f"http://127.0.0.1:{closed_port}/story.html"
    articles, errors = _split(iter_articles([folder, tmp_path / "missing.jsonl", url]))

    reasons = _errors_by_item(errors, folder, tmp_path)
    assert reasons["empty.txt"] == "empty file"
    assert reasons["image.bin"] == "binary file, not text"
    assert reasons["notes.xml"] == "not an RSS or Atom feed"
    assert reasons["articles.jsonl:4"].startswith("not valid JSON")
    assert reasons["articles.jsonl:6"].startswith("no article text")
    assert (
        reasons["huge.jsonl:1"]
        == "article text is 5.2 MB, over the 2.0 MB limit (raise max_bytes to read it)"
    )
    assert (
        reasons["huge.txt"]
        == "file is 5.2 MB, too large for the 2.0 MB article limit (raise max_bytes to read it)"
    )
    assert reasons["missing.jsonl"] == "no such file or directory"
    assert reasons[url].startswith("could not fetch (ConnectError")
    assert len(errors) == 10  # the nine above and the empty RSS item

    ids = {a.id for a in articles}
    assert {"fx-01", "fx-02", "fx-06", "js-1", "js-2", "story", "page", "latin1", "cp1252", "utf16"} <= ids
    assert len(articles) == 15


def test_iter_articles_reads_a_large_article_when_the_limit_is_raised(tmp_path):
    path = tmp_path / "huge.jsonl"
    path.write_text(
        json.dumps({"id": "huge", "text": "Halden Trucks sold 300 trucks. " * 170_000}) + "\n", "utf-8"
    )
    assert isinstance(next(iter_articles([path])), IngestError)
    [article] = iter_articles([path], max_bytes=10_000_000)
    assert isinstance(article, Article) and len(article.text) > 5_000_000


def test_iter_articles_reads_utf16_jsonl(tmp_path):
    path = tmp_path / "wide.jsonl"
    lines = [{"id": "w1", "text": "Kaiyuan Auto sold 31,400 cars."}, {"id": "w2", "text": "Exports rose."}]
    path.write_bytes("\n".join(json.dumps(r, ensure_ascii=False) for r in lines).encode("utf-16"))
    assert [a.id for a in iter_articles([path])] == ["w1", "w2"]


def test_iter_articles_accepts_string_paths():
    assert [a.id for a in iter_articles([str(FIXTURES / "articles.json")])] == ["js-1", "js-2"]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"id": "a", "text": "b"}\n', "jsonl"),
        (b'[{"id": "a"}]', "json"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        (b"\x1f\x8b\x08\x00", "warc"),
        (b"Kestrel Motors sold 900 vans.", "text"),
    ],
)
def test_source_kind_sniffs_files_without_known_extension(head, kind):
    assert source_kind(Path("download"), head) == kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.jsonl", "jsonl"),
        ("a.NDJSON", "jsonl"),
        ("a.htm", "html"),
        ("a.atom", "feed"),
        ("c.warc.gz", "warc"),
    ],
)
def test_source_kind_by_extension(name, kind):
    assert source_kind(Path(name), b"irrelevant") == kind


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_iter_articles_refuses_a_huge_html_page_before_parsing(tmp_path):
    path = tmp_path / "huge.html"
    paragraph = "<p>Tarrow Energy opened a cathode line in Vaasa, Finland, on Monday morning.</p>"
    path.write_text("<html><body>" + paragraph * 12_000 + "</body></html>", "utf-8")  # about 1 MB
    [error] = iter_articles([path], max_bytes=200_000)
    assert isinstance(error, IngestError)
    assert (
        error.reason == "file is 1.0 MB, too large for the 0.2 MB article limit (raise max_bytes to read it)"
    )


def test_iter_articles_reads_a_json_list_larger_than_the_article_limit(tmp_path):
    path = tmp_path / "many.json"
    records = [
        {"id": f"m{n}", "text": f"Miravel sold {n} scooters in Lisbon last week. " * 40} for n in range(400)
    ]
    path.write_text(json.dumps(records), "utf-8")
    assert path.stat().st_size > 4 * 100_000
    results = list(iter_articles([path], max_bytes=100_000))
    assert len(results) == 400 and all(isinstance(r, Article) for r in results)
