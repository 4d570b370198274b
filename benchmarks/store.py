"""Knowledge-store benchmark: ingest throughput per back-end, and entity/facts query latency at 100,000+ facts.

    .venv/bin/python benchmarks/store.py                      # SQLite (temp file) and PostgreSQL (if reachable)
    .venv/bin/python benchmarks/store.py --facts 200000 --backends sqlite
    .venv/bin/python benchmarks/store.py --pg postgresql://postgres@127.0.0.1:5432/test

Two measurements, printed as one Markdown table:

1. Ingest: `ingest_articles` on synthetic articles whose facts come from a template "extractor", so the
   figure is the store's own cost (dedup, syndication index, writes, consolidation), not extraction's.
2. Queries: a store filled *directly* (bulk inserts, no extraction) with N synthetic facts over the
   packaged KB's entities, then the median (and p95) latency of `entity_profile` and `list_facts`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from evintel import query
from evintel.models import Article, Evidence, Fact
from evintel.store import ingest_articles, open_store
from evintel.store.periods import period_bounds
from evintel.store.refresh import fact_key, stable_id
from evintel.store.schema import (
    articles,
    consolidated_entities,
    consolidated_facts,
    consolidated_members,
    entities,
    fact_sources,
    facts,
    typed_columns,
)

POWERTRAINS = ["BEV", "PHEV", "HEV", "FCEV", "xEV", "all"]
MARKETS = [None, "China", "Europe", "United States", "Germany", "Norway", "India", "Japan"]
METRICS = ["sales", "production", "registrations", "orders"]
PLACES = ["Debrecen", "Zwickau", "Leipzig", "Austin", "Chennai", "Setubal", "Valencia", "Szeged", "Ningde"]
PRODUCTS = ["compact SUV", "electric van", "city car", "pickup", "sports sedan", "battery module"]


def _period(rng: random.Random) -> str:
    year = rng.randint(2018, 2025)
    return rng.choice(
        [
            f"{year}",
            f"{year}-Q{rng.randint(1, 4)}",
            f"{year}-H{rng.randint(1, 2)}",
            f"{year}-{rng.randint(1, 12):02d}",
        ]
    )


def synthetic_fact(rng: random.Random, names: list[str], weights: list[float]) -> tuple[str, dict[str, Any]]:
    """One fact from a template, naming KB entities (popular ones more often, as in the news)."""

    def pick() -> str:
        return rng.choices(names, weights)[0]

    kind = rng.choices(
        ["sales", "partnership", "supply", "ownership", "investment", "plant", "product_plan"],
        [40, 12, 14, 6, 10, 10, 8],
    )[0]
    if kind == "sales":
        return kind, {
            "org": pick(),
            "quantity": rng.randint(100, 2_000_000),
            "powertrain": rng.choice(POWERTRAINS),
            "period": _period(rng),
            "market": rng.choice(MARKETS),
            "metric": rng.choice(METRICS),
        }
    if kind == "partnership":
        return kind, {
            "parties": sorted({pick(), pick()}),
            "kind": "joint_development",
            "scope": None,
            "status": rng.choice(["talks", "announced", "signed", "ended"]),
        }
    if kind == "supply":
        return kind, {
            "supplier": pick(),
            "customer": pick(),
            "items": [rng.choice(["cells", "e-axles", "chips"])],
        }
    if kind == "ownership":
        return kind, {"parent": pick(), "child": pick(), "stake_pct": rng.choice([None, 10.0, 25.5, 51.0])}
    if kind == "investment":
        return kind, {
            "investor": pick(),
            "amount": rng.randint(1, 5000) * 1_000_000,
            "currency": "EUR",
            "target": pick(),
        }
    if kind == "plant":
        return kind, {
            "org": pick(),
            "location": rng.choice(PLACES),
            "products": [rng.choice(PRODUCTS)],
            "status": rng.choice(["planned", "under_construction", "operating"]),
        }
    return kind, {
        "orgs": [pick()],
        "product": f"{rng.choice(PRODUCTS)} {rng.randint(1, 99)}",
        "powertrains": ["BEV"],
        "markets": [],
        "production_location": None,
        "timeframe": "by 2027",
    }


def _template_extract(article: Article) -> list[Fact]:
    """The ingest benchmark's "extractor": facts the synthetic article was generated from."""
    rng = random.Random(article.id)
    from evintel.resolve.kb import load_kb

    names = [e.name for e in load_kb()][:200]
    found = []
    for n in range(3):
        kind, fields = synthetic_fact(rng, names, [1.0] * len(names))
        found.append(Fact(kind, fields, Evidence(f"Sentence {n}.", n * 10, n * 10 + 11), 0.9, "asserted"))
    return found


def bench_ingest(url: str, count: int) -> tuple[float, float]:
    """Articles/s and facts/s of ingest_articles into an empty store."""
    store = open_store(url)
    docs = [
        Article(
            f"b{i}", f"Synthetic report {i}: " + " ".join(f"w{i}x{j}" for j in range(60)), date(2024, 1, 1)
        )
        for i in range(count)
    ]
    started = time.perf_counter()
    report = ingest_articles(store, docs, extract=_template_extract, batch_size=100)
    seconds = time.perf_counter() - started
    store.close()
    return report.added / seconds, report.facts / seconds


def fill_directly(url: str, total: int, seed: int = 7) -> tuple[list[str], float]:
    """Bulk-insert `total` synthetic facts (5 per article) with consolidated rows; returns entity names used."""
    store = open_store(url)
    rng = random.Random(seed)
    kb = store.kb
    with store.read() as conn:
        pk_of = {row.id: row.pk for row in conn.execute(sa.select(entities.c.id, entities.c.pk))}
    names = [e.name for e in kb]
    # Zipf-like popularity: a few groups appear in a large share of the news.
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(names))]
    rng.shuffle(weights)
    now = datetime.now(UTC).replace(tzinfo=None)
    started = time.perf_counter()
    per_article = 5
    with store.write() as conn:
        seen_keys: dict[str, int] = {}
        article_rows, fact_rows, source_rows, cons_rows, member_rows, link_rows = [], [], [], [], [], []
        fact_pk = cons_pk = 0
        for a in range(total // per_article):
            day = date(2018 + a % 8, 1 + a % 12, 1 + a % 28)
            article_rows.append(
                {
                    "pk": a + 1,
                    "id": f"syn{a}",
                    "content_hash": uuid.uuid4().hex * 2,
                    "url": None,
                    "title": f"Synthetic {a}",
                    "date": day,
                    "source": None,
                    "text": f"Synthetic article {a}.",
                    "group_pk": None,
                    "signature": None,
                    "fact_count": per_article,
                    "ingested_at": now,
                }
            )
            for ordinal in range(per_article):
                kind, fields = synthetic_fact(rng, names, weights)
                fact = Fact(kind, fields, Evidence("Synthetic sentence.", 0, 19))
                key = fact_key(fact, kb)
                fact_pk += 1
                fact_rows.append(
                    {
                        "pk": fact_pk,
                        "article_pk": a + 1,
                        "ordinal": ordinal,
                        "type": kind,
                        "key": key,
                        "fields": fields,
                        "confidence": 0.9,
                        "modality": "asserted",
                        **typed_columns(fields),
                    }
                )
                source_rows.append(
                    {
                        "fact_pk": fact_pk,
                        "article_pk": a + 1,
                        "evidence_text": "Synthetic sentence.",
                        "evidence_start": 0,
                        "evidence_end": 19,
                        "confidence": 0.9,
                        "modality": "asserted",
                    }
                )
                if key in seen_keys:
                    member_rows.append({"consolidated_pk": seen_keys[key], "fact_pk": fact_pk})
                    continue
                cons_pk += 1
                seen_keys[key] = cons_pk
                bounds = period_bounds(fields.get("period"))
                cons_rows.append(
                    {
                        "pk": cons_pk,
                        "id": stable_id(key, 0),
                        "key": key,
                        "type": kind,
                        "fields": fields,
                        "confidence": 0.9,
                        "modality": "asserted",
                        "period_start": bounds[0] if bounds else day,
                        "first_seen": day,
                        "last_seen": day,
                        "source_count": 1,
                        "revisions": [],
                        "conflicted": False,
                        **typed_columns(fields),
                    }
                )
                member_rows.append({"consolidated_pk": cons_pk, "fact_pk": fact_pk})
                links = set()
                for field, role in (
                    ("org", "org"),
                    ("orgs", "org"),
                    ("parties", "party"),
                    ("supplier", "supplier"),
                    ("customer", "customer"),
                    ("parent", "parent"),
                    ("child", "child"),
                    ("investor", "investor"),
                    ("target", "target"),
                ):
                    value = fields.get(field)
                    for name in value if isinstance(value, list) else [value]:
                        entity = kb.resolve(name) if name else None
                        if entity is not None:
                            links.add((pk_of[entity.id], role))
                link_rows.extend({"consolidated_pk": cons_pk, "entity_pk": e, "role": r} for e, r in links)
        for table, rows in (
            (articles, article_rows),
            (facts, fact_rows),
            (fact_sources, source_rows),
            (consolidated_facts, cons_rows),
            (consolidated_members, member_rows),
            (consolidated_entities, link_rows),
        ):
            for start in range(0, len(rows), 5000):
                conn.execute(sa.insert(table), rows[start : start + 5000])
        if store.dialect == "postgresql":
            conn.execute(sa.text("ANALYZE"))
    seconds = time.perf_counter() - started
    store.close()
    return names, seconds


def _timed(call: Any, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def bench_queries(url: str, names: list[str], samples: int, seed: int = 11) -> dict[str, list[float]]:
    """Latencies (ms) of entity_profile and list_facts over sampled entities."""
    store = open_store(url)
    rng = random.Random(seed)
    picked = rng.sample(names, min(samples, len(names)))
    result: dict[str, list[float]] = {"entity": [], "facts": [], "heaviest": []}
    with store.read() as conn:
        heaviest = conn.execute(
            sa.select(entities.c.name)
            .join(consolidated_entities, consolidated_entities.c.entity_pk == entities.c.pk)
            .group_by(entities.c.name)
            .order_by(sa.func.count().desc())
            .limit(1)
        ).scalar_one()
    query.entity_profile(store, heaviest)
    result["heaviest"] = _timed(lambda: query.entity_profile(store, heaviest), 5)
    for name in picked:
        query.entity_profile(store, name)  # warm caches the way a running server has them
        result["entity"].extend(_timed(lambda n=name: query.entity_profile(store, n), 1))
        flt = query.FactFilter(type="sales", entity=name, since="2022")
        result["facts"].extend(_timed(lambda f=flt: query.list_facts(store, f, limit=50), 1))
    store.close()
    return result


def _pg_schema_url(base: str) -> tuple[str, Any]:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()

    return f"{base}?options=-csearch_path%3D{schema}", drop


def main() -> None:
    """Run the benchmark and print the Markdown table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--facts", type=int, default=100_000, help="synthetic facts in the query store")
    parser.add_argument("--articles", type=int, default=1000, help="articles in the ingest run")
    parser.add_argument("--samples", type=int, default=200, help="entities queried")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            cleanups = []

            def url_for(name: str, backend: str = backend, cleanups: list[Any] = cleanups) -> str:
                if backend == "sqlite":
                    return f"sqlite:///{Path(tmp) / name}.db"
                url, drop = _pg_schema_url(args.pg)
                cleanups.append(drop)
                return url

            try:
                per_s, facts_s = bench_ingest(url_for("ingest"), args.articles)
                url = url_for("query")
                names, fill_s = fill_directly(url, args.facts)
                lat = bench_queries(url, names, args.samples)
            except sa.exc.OperationalError as error:
                print(f"skipping {backend}: {str(error).splitlines()[0]}")
                continue
            finally:
                for drop in cleanups:
                    drop()
            rows.append((backend, per_s, facts_s, args.facts / fill_s, lat))
    print(
        f"\n{args.facts:,} synthetic facts over the KB's entities (popularity skewed); latency over "
        f"{args.samples} entities sampled uniformly; 'heaviest' = the entity in most facts\n"
    )
    print(
        "| back-end | ingest articles/s | ingest facts/s | bulk fill facts/s | entity median ms | entity p95 ms "
        "| entity heaviest ms | facts median ms | facts p95 ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for backend, per_s, facts_s, fill, lat in rows:

        def p95(values: list[float]) -> float:
            return statistics.quantiles(values, n=20)[-1]

        print(
            f"| {backend} | {per_s:,.0f} | {facts_s:,.0f} | {fill:,.0f} | {statistics.median(lat['entity']):.1f} "
            f"| {p95(lat['entity']):.1f} | {statistics.median(lat['heaviest']):.1f} | {statistics.median(lat['facts']):.1f} | {p95(lat['facts']):.1f} |"
        )


if __name__ == "__main__":
    main()
