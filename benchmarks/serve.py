"""Web API benchmark: p50/p95 latency of /api/entity/{id} on a large store, and RSS across 10,000 requests.

    .venv/bin/python benchmarks/serve.py                      # 100,000 facts in a temporary SQLite store
    .venv/bin/python benchmarks/serve.py --facts 20000 --requests 2000 --db postgresql://postgres@127.0.0.1/test

The store is synthesised from templates (fictional companies, sales/supply/partnership sentences) and
filled through the normal ingest path with a fixed extractor, so consolidation runs as in production.
Requests go through the ASGI app in this process, so the RSS figures are the app's own. Prints a table.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date
from pathlib import Path
from typing import Any

from evintel.models import Article, Evidence, Fact
from evintel.serve.app import create_app
from evintel.store import ingest_articles, open_store

FACTS_PER_ARTICLE = 40
POWERTRAINS = ("BEV", "PHEV", "HEV", "all")
ITEMS = ("battery cells", "e-axles", "inverters", "seats", "software", "battery packs")
KINDS = ("joint_venture", "joint_development", "supply_agreement", "alliance", "licensing")


def _company(i: int) -> str:
    return f"Synthmark {i:04d} Motors"


def _sentence(rng: random.Random, n_orgs: int) -> tuple[str, str, dict[str, Any]]:
    """One template sentence and the fact it states."""
    a, b = rng.sample(range(n_orgs), 2)
    roll = rng.random()
    if roll < 0.6:
        year, quarter = rng.randint(2019, 2025), rng.randint(1, 4)
        quantity, powertrain = rng.randint(1_000, 400_000), rng.choice(POWERTRAINS)
        fields = {
            "org": _company(a),
            "quantity": quantity,
            "powertrain": powertrain,
            "period": f"{year}-Q{quarter}",
            "market": rng.choice((None, "China", "Germany", "United States")),
            "metric": "sales",
        }
        return (
            f"{_company(a)} delivered {quantity:,} {powertrain} cars in Q{quarter} {year}.",
            "sales",
            fields,
        )
    if roll < 0.8:
        item = rng.choice(ITEMS)
        fields = {"supplier": _company(a), "customer": _company(b), "items": [item]}
        return f"{_company(a)} will supply {item} to {_company(b)}.", "supply", fields
    kind = rng.choice(KINDS)
    fields = {"parties": [_company(a), _company(b)], "kind": kind, "scope": None, "status": "signed"}
    return f"{_company(a)} and {_company(b)} signed a {kind.replace('_', ' ')}.", "partnership", fields


def synthesise(n_facts: int, n_orgs: int, seed: int = 7) -> tuple[list[Article], dict[str, list[Fact]]]:
    """Articles of template sentences and, for each, the facts its sentences state."""
    rng = random.Random(seed)
    articles, facts = [], {}
    for n in range(0, n_facts, FACTS_PER_ARTICLE):
        parts: list[str] = []
        found: list[Fact] = []
        offset = 0
        for k in range(min(FACTS_PER_ARTICLE, n_facts - n)):
            text, fact_type, fields = _sentence(rng, n_orgs)
            text = f"[{n + k}] {text}"  # every sentence distinct, so every article's content is too
            found.append(Fact(fact_type, fields, Evidence(text, offset, offset + len(text)), 0.9))
            parts.append(text)
            offset += len(text) + 1
        article_id = f"bench-{n // FACTS_PER_ARTICLE:06d}"
        day = date(2024, 1, 1).toordinal() + rng.randint(0, 600)
        articles.append(Article(article_id, " ".join(parts), date.fromordinal(day), f"Bench {article_id}"))
        facts[article_id] = found
    return articles, facts


def rss_mib() -> float:
    """Resident set size of this process, in MiB (from /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _client(app: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's test client prefers httpx2; httpx works the same
        from fastapi.testclient import TestClient
    return TestClient(app)


def main(argv: list[str] | None = None) -> int:
    """Build the store, time the entity endpoint, then watch memory across many requests."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--orgs", type=int, default=400)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=300, help="timed /api/entity requests")
    parser.add_argument("--db", help="store URL (default: a temporary SQLite file)")
    args = parser.parse_args(argv)

    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='evintel-bench-')) / 'bench.db'}"
    store = open_store(url)
    articles, facts = synthesise(args.facts, args.orgs)
    started = time.perf_counter()
    report = ingest_articles(store, articles, batch_size=25, extract=lambda a: facts.get(a.id, []))
    build_s = time.perf_counter() - started
    stored = store_stats = None
    from evintel import query

    store_stats = query.stats(store)
    stored = store_stats.statements

    client = _client(create_app(store=store))
    rng = random.Random(11)
    entity_ids = []
    for i in range(0, args.orgs, max(1, args.orgs // 20)):
        found = client.get("/api/search", params={"q": _company(i)}).json()["entities"]
        entity_ids += [e["id"] for e in found[:1]]
    fact_ids = [f["id"] for f in client.get("/api/facts", params={"limit": 200}).json()["items"]]

    for entity_id in entity_ids:  # warm caches and pools
        client.get(f"/api/entity/{entity_id}")
    timings = []
    for _ in range(args.samples):
        entity_id = rng.choice(entity_ids)
        t0 = time.perf_counter()
        response = client.get(f"/api/entity/{entity_id}")
        timings.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, response.text
    sizes = [len(client.get(f"/api/entity/{e}").json()["sales"]) for e in entity_ids]

    paths = [
        lambda: f"/api/entity/{rng.choice(entity_ids)}",
        lambda: f"/entity/{rng.choice(entity_ids)}",
        lambda: f"/api/facts/{rng.choice(fact_ids)}",
        lambda: f"/fact/{rng.choice(fact_ids)}",
        lambda: "/api/facts?type=sales&limit=20&offset=" + str(rng.randint(0, 1000)),
        lambda: "/api/entity/no-such-entity",
        lambda: "/api/facts?limit=0",
    ]
    for _ in range(200):
        client.get(rng.choice(paths)())
    gc.collect()
    rss_before = rss_mib()
    checkpoints = []
    statuses: dict[int, int] = {}
    t0 = time.perf_counter()
    for n in range(1, args.requests + 1):
        response = client.get(rng.choice(paths)())
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if n % max(1, args.requests // 4) == 0:
            gc.collect()
            checkpoints.append((n, rss_mib()))
    loop_s = time.perf_counter() - t0
    rss_after = rss_mib()
    client.close()
    store.close()

    timings.sort()
    rows = [
        ("store", f"{store.dialect}, {stored:,} statements, {store_stats.facts:,} consolidated facts"),
        ("build (ingest)", f"{build_s:,.1f} s for {report.added:,} articles"),
        ("entities timed", f"{len(entity_ids)} (sales rows each: median {statistics.median(sizes):.0f})"),
        ("/api/entity p50", f"{statistics.median(timings):.1f} ms"),
        ("/api/entity p95", f"{timings[int(len(timings) * 0.95) - 1]:.1f} ms"),
        ("/api/entity max", f"{timings[-1]:.1f} ms"),
        (f"{args.requests:,} mixed requests", f"{loop_s:,.1f} s ({args.requests / loop_s:,.0f} req/s)"),
        ("status codes", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))),
        ("RSS before", f"{rss_before:,.1f} MiB"),
        *[(f"RSS after {n:,}", f"{mib:,.1f} MiB") for n, mib in checkpoints],
        ("RSS growth", f"{rss_after - rss_before:+,.1f} MiB"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
