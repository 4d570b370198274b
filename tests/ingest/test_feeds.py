from datetime import date
from pathlib import Path

import pytest

from evintel.errors import IngestError
from evintel.ingest.feeds import iter_feed_articles, looks_like_feed
from evintel.models import Article

FIXTURES = Path(__file__).parent / "fixtures"


def _read(name: str) -> list[Article | IngestError]:
    return list(iter_feed_articles((FIXTURES / name).read_bytes(), name))


def test_iter_feed_articles_reads_rss_items():
    first, second, third = _read("feed.rss")
    assert isinstance(first, Article)
    assert first.title == "Solenne Motors hands over 12,000 cars in May"
    assert first.url == "https://evwire.example.com/solenne-may"
    assert first.date == date(2024, 6, 3)
    assert (
        first.text
        == "Solenne Motors handed over 12,000 electric cars in May.\n\nThe French start-up said demand in Spain had doubled."
    )
    assert first.source == "EV Wire"
    assert isinstance(second, Article) and second.date == date(2024, 6, 4)
    assert isinstance(third, IngestError)
    assert third.item == "feed.rss#3" and "no text" in third.reason


def test_iter_feed_articles_prefers_atom_content_over_summary():
    [entry] = _read("feed.atom")
    assert isinstance(entry, Article)
    assert entry.text.startswith("Lumeris, a Norwegian start-up, raised 85 million euros")
    assert "teaser" not in entry.text
    assert entry.date == date(2024, 9, 11)
    assert entry.url == "https://batterydesk.example.org/lumeris"


def test_iter_feed_articles_ids_are_stable_and_distinct():
    ids = [a.id for a in _read("feed.rss") if isinstance(a, Article)]
    assert ids == [a.id for a in _read("feed.rss") if isinstance(a, Article)]
    assert len(set(ids)) == 2


def test_iter_feed_articles_uses_default_date_for_undated_entries():
    rss = b"""<rss version="2.0"><channel><title>T</title><item><title>Undated</title>
    <description>Miravel recalled 1,200 scooters.</description></item></channel></rss>"""
    [entry] = iter_feed_articles(rss, "undated.rss", default_date=date(2024, 1, 31))
    assert isinstance(entry, Article) and entry.date == date(2024, 1, 31)


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><inventory><part>e-axle</part></inventory>',
        b"<rss><channel><item><title>broken",
    ],
)
def test_iter_feed_articles_rejects_non_feeds(data):
    with pytest.raises(IngestError, match="RSS or Atom") as info:
        list(iter_feed_articles(data, "notes.xml"))
    assert info.value.item == "notes.xml"


@pytest.mark.parametrize(
    ("head", "expected"),
    [(b'<?xml version="1.0"?><rss version="2.0">', True), (b"<feed xmlns=", True), (b"<html><body>", False)],
)
def test_looks_like_feed(head, expected):
    assert looks_like_feed(head) is expected
