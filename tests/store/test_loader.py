from dataclasses import replace

import pytest
import sqlalchemy as sa

from evintel import query
from evintel.errors import IngestError
from evintel.store import ingest_articles
from evintel.store.schema import articles, fact_sources, facts
from storekit import FILLER, article, failing_extract, many_articles, scripted_extract

BODY = (
    "BMW Group delivered 82,700 BEV in 2024-Q1. Northvolt supplies batteries to BMW Group. "
    "BMW Group and Toyota agreed a partnership. The company also said its new models sell well. " + FILLER
)


def _counts(store):
    return query.stats(store).to_dict()


def test_ingest_articles_same_article_twice_adds_nothing(store):
    first = ingest_articles(store, [article("a1", BODY)], extract=scripted_extract)
    before = _counts(store)
    again = ingest_articles(store, [article("a1", BODY)], extract=scripted_extract)
    assert (first.added, first.facts) == (1, 3)
    assert (again.added, again.duplicates, again.facts) == (0, 1, 0)
    assert _counts(store) == before


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("its new models sell well", "its newest models were selling well"),
        lambda text: text.replace("Analysts in Frankfurt", "Analysts based in Frankfurt"),
        lambda text: text + " Additional reporting by a wire service.",
    ],
)
def test_ingest_articles_near_copy_adds_sources_not_facts(store, edit):
    original = article("a1", BODY, url="https://one.example/story")
    copy = replace(original, text=edit(original.text), url="https://two.example/copy")
    ingest_articles(store, [original], extract=scripted_extract)
    before = _counts(store)
    report = ingest_articles(store, [copy], extract=scripted_extract)
    after = _counts(store)
    assert (report.added, report.syndicated) == (1, 1)
    assert after["facts"] == before["facts"]
    assert after["statements"] == before["statements"]
    assert after["sources"] == before["sources"] + 3
    detail = query.get_fact(store, query.list_facts(store, query.FactFilter(type="supply")).items[0].id)
    assert [s.url for s in detail.sources] == ["https://one.example/story", "https://two.example/copy"]
    assert query.get_article(store, "a1~" + copy.content_hash[:10]).syndicated_from == "a1"


def test_ingest_articles_copy_within_one_batch_is_grouped(store):
    original = article("a1", BODY)
    copy = replace(original, id="a2", text=original.text.replace("sell well", "sell very well"))
    report = ingest_articles(store, [original, copy], extract=scripted_extract)
    assert (report.added, report.syndicated) == (2, 1)
    assert _counts(store)["statements"] == 3


def test_ingest_articles_different_figures_make_one_conflict_with_both_evidences(store):
    one = article("a1", "BMW Group delivered 82,700 BEV in 2024-Q1. Sales rose in Europe.")
    two = article(
        "b7",
        "A dealer survey is out. BMW Group delivered 83,700 BEV in 2024-Q1. Demand held up.",
        day="2024-04-12",
    )
    ingest_articles(store, [one, two], extract=scripted_extract)
    found = query.list_conflicts(store)
    assert [c.kind for c in found] == ["figure"]
    evidence = sorted(src["evidence"]["text"] for side in found[0].sides for src in side["sources"])
    assert evidence == [
        "BMW Group delivered 82,700 BEV in 2024-Q1.",
        "BMW Group delivered 83,700 BEV in 2024-Q1.",
    ]


def test_ingest_articles_ownership_against_kb_makes_kb_conflict(store):
    ingest_articles(
        store,
        [article("s1", "Volkswagen Group owns Rimac. Nothing else happened.")],
        extract=scripted_extract,
    )
    found = query.list_conflicts(store, "kb")
    assert len(found) == 1
    assert "Rimac" in found[0].summary
    assert found[0].sides[0]["sources"][0]["article_id"] == "s1"
    assert found[0].fact_ids and query.get_fact(store, found[0].fact_ids[0]).fact.conflicted


@pytest.mark.parametrize(
    "text",
    [
        "Robert'); DROP TABLE articles;-- said nothing about sales.",
        "<script>alert('x')</script><p class=\"a\">BMW &amp; Mini</p> -- 100% ; SELECT * FROM facts",
        "Quotes ' \" ` and backslashes \\ \\n and unicode: München, Škoda, 比亚迪 \x00 end".replace(
            "\x00", ""
        ),
        "  leading and trailing whitespace kept exactly  \n\n",
    ],
)
def test_ingest_articles_text_with_sql_or_html_round_trips_exactly(store, text):
    ingest_articles(store, [article("odd", text)], extract=scripted_extract)
    stored = query.get_article(store, "odd")
    assert stored.text == article("odd", text).text


def test_ingest_articles_bad_items_reported_rest_goes_on(store):
    items = [
        article("ok1", "BMW Group delivered 1,000 BEV in 2024-Q1."),
        IngestError("feed.jsonl:2", "not valid JSON (Expecting ',' at column 8)"),
        article("boom", "EXPLODE while reading. Mercedes-Benz Group delivered 5 BEV in 2024."),
        article("ok2", "Renault Group delivered 2,000 BEV in 2024-Q2."),
    ]
    report = ingest_articles(store, items, extract=failing_extract)
    assert report.errors[0] == "feed.jsonl:2: not valid JSON (Expecting ',' at column 8)"
    assert report.errors[1].startswith("boom: extraction failed")
    assert report.added == 2
    assert _counts(store)["articles"] == 2


def test_ingest_articles_same_id_new_content_is_kept_under_a_suffixed_id(store):
    ingest_articles(store, [article("x", "BMW Group delivered 10 BEV in 2024.")], extract=scripted_extract)
    ingest_articles(
        store,
        [article("x", "Totally different story about Stellantis delivered 20 BEV in 2023.")],
        extract=scripted_extract,
    )
    with store.read() as conn:
        ids = sorted(conn.execute(sa.select(articles.c.id)).scalars())
    assert ids[0] == "x" and ids[1].startswith("x~") and len(ids) == 2


def test_ingest_articles_failed_batch_leaves_nothing_half_written(store, monkeypatch):
    from evintel.store import writer

    def broken(conn, kb, keys):
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "refresh_keys", broken)
    with pytest.raises(RuntimeError):
        ingest_articles(store, many_articles(5), extract=scripted_extract, batch_size=5)
    with store.read() as conn:
        counts = [
            conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
            for t in (articles, facts, fact_sources)
        ]
    assert counts == [0, 0, 0]


def test_ingest_articles_workers_give_the_same_store_as_one_process(store_url, tmp_path):
    from evintel.store import open_store
    from storekit import small_kb

    serial = open_store(f"sqlite:///{tmp_path / 'serial.db'}", kb=small_kb())
    ingest_articles(serial, many_articles(30), extract=scripted_extract, batch_size=7)
    parallel = open_store(store_url, kb=small_kb())
    report = ingest_articles(parallel, many_articles(30), extract=scripted_extract, batch_size=7, workers=2)
    assert report.added == 30
    assert query.list_facts(parallel, limit=100).to_dict() == query.list_facts(serial, limit=100).to_dict()
    serial.close()
    parallel.close()


def test_ingest_articles_reports_progress_per_batch(store):
    seen = []
    ingest_articles(
        store,
        many_articles(12),
        extract=scripted_extract,
        batch_size=5,
        progress=lambda r: seen.append(r.read),
    )
    assert seen == [5, 10, 12]


def test_ingest_articles_two_concurrent_writers_of_the_same_articles_both_succeed(store):
    # Two ingests of one feed at once (an API upload beside a batch job): each article stored once, none lost.
    import threading

    feed = list(many_articles(120))
    reports = []

    def run() -> None:
        reports.append(ingest_articles(store, feed, batch_size=10, extract=scripted_extract))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(reports) == 2, "a writer raised"
    assert sum(r.added for r in reports) == 120
    assert sum(r.duplicates for r in reports) == 120
    assert all(not r.errors for r in reports)
    with store.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one() == 120
        assert conn.execute(sa.select(sa.func.count()).select_from(facts)).scalar_one() == 120
