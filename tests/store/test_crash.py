"""A kill -9 in the middle of an ingest, then the same command again: consistent, nothing lost or doubled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from evintel import query
from evintel.store import open_store
from evintel.store.schema import articles, consolidated_facts, consolidated_members, fact_sources, facts
from storekit import many_articles, small_kb

COUNT = 2000
TARGET = Path(__file__).with_name("kill_target.py")


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for item in many_articles(COUNT):
            handle.write(json.dumps(item.to_dict()) + "\n")
    return path


def _run(url: str, feed: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, str(TARGET), url, str(feed)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )


def _stored(url: str) -> int:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
    except sa.exc.SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_ingest_killed_midway_then_rerun_is_complete_and_consistent(backend, feed, tmp_path, request):
    url = (
        f"sqlite:///{tmp_path / 'crash.db'}"
        if backend == "sqlite"
        else request.getfixturevalue("pg_schema_url")
    )
    victim = _run(url, feed)
    deadline = time.monotonic() + 120
    while _stored(url) < COUNT // 4 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert victim.poll() is None, "the ingest finished before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    partial = _stored(url)
    assert 0 < partial < COUNT

    rerun = _run(url, feed)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    report = json.loads(out)
    assert report["duplicates"] == partial and report["added"] == COUNT - partial

    store = open_store(url, kb=small_kb())
    with store.read() as conn:
        count = lambda table: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()  # noqa: E731
        assert count(articles) == COUNT
        assert count(facts) == COUNT == count(fact_sources)  # one sales sentence per article, none twice
        # Every stored fact is in exactly one consolidated fact, and every key has consolidated facts.
        assert count(consolidated_members) == COUNT
        fact_keys = set(conn.execute(sa.select(facts.c.key)).scalars())
        assert set(conn.execute(sa.select(consolidated_facts.c.key)).scalars()) == fact_keys
        assert sum(conn.execute(sa.select(consolidated_facts.c.source_count)).scalars()) == COUNT
    assert query.stats(store).sources == COUNT
    store.close()
