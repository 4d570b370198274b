"""Ingest: read articles, skip ones already stored, extract facts (in parallel), write each batch atomically.

Idempotent and resumable: an article's identity is its content hash, and each batch is one transaction,
so running the same command again after a crash stores exactly what is missing. Near-copies (syndication)
are grouped with their original through MinHash LSH; their facts become extra sources of the original's.
"""

from __future__ import annotations

import multiprocessing
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evintel.errors import IngestError, StoreConflict
from evintel.models import Article, Fact
from evintel.store.base import Store
from evintel.store.schema import articles
from evintel.store.writer import BatchResult, PreparedArticle, write_batch

Extract = Callable[[Article], list[Fact]]
Progress = Callable[["IngestReport"], None]


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did; `errors` name each bad input item ("file:line: reason")."""

    read: int = 0  # articles read from the input (valid ones)
    added: int = 0  # articles stored by this run
    duplicates: int = 0  # articles whose content was already stored (or repeated in the input)
    syndicated: int = 0  # added articles grouped with an earlier original as near-copies
    facts: int = 0  # statements extracted from the added articles
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "syndicated": self.syndicated,
            "facts": self.facts,
            "errors": list(self.errors),
            "seconds": round(self.seconds, 3),
        }


def _default_extract(article: Article) -> list[Fact]:
    from evintel.extract import extract_article

    return extract_article(article)


def _prepare(job: tuple[Article, Extract | None]) -> PreparedArticle:
    """Signature and facts of one article (runs in a worker process when --workers > 1)."""
    from evintel.ingest.syndication import signature

    article, extract = job
    try:
        found = (extract or _default_extract)(article)
    except Exception as error:  # one bad article must not stop the run; the item is named in the report
        return PreparedArticle(
            article, [], [], f"{article.id}: extraction failed ({type(error).__name__}: {error})"
        )
    return PreparedArticle(article, signature(article.text), found, None)


def _inputs(items: Iterable[Any]) -> Iterator[Article | IngestError]:
    """Articles and read errors from a mix of Article objects, IngestErrors and paths/URLs."""
    for item in items:
        if isinstance(item, Article | IngestError):
            yield item
        elif isinstance(item, str | Path):
            from evintel.ingest import iter_articles

            yield from iter_articles([item])
        else:
            yield IngestError(repr(item)[:80], "not an article, a file path or a URL")


def _batches(
    items: Iterator[Article | IngestError], size: int, report: IngestReport, progress: Progress | None
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, IngestError):
            report.errors.append(str(item))
            if progress:
                progress(report)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_articles(
    store: Store,
    articles_or_sources: Iterable[Article | IngestError | str | Path],
    *,
    workers: int = 1,
    batch_size: int = 50,
    progress: Progress | None = None,
    extract: Extract | None = None,
) -> IngestReport:
    """Store articles (or the articles read from paths/URLs) with their facts; one transaction per batch."""
    from evintel.ingest.syndication import SyndicationIndex

    started = time.perf_counter()
    report = IngestReport()
    with store.read() as conn:
        index = SyndicationIndex.from_signatures(
            (row.id, row.signature)
            for row in conn.execute(
                select(articles.c.id, articles.c.signature).where(articles.c.signature.is_not(None))
            )
        )
    pool = _pool(workers)
    try:
        for batch in _batches(_inputs(articles_or_sources), max(batch_size, 1), report, progress):
            report.read += len(batch)
            fresh = _fresh(store, batch, report)
            jobs = [(article, extract) for article in fresh]
            prepared = (
                pool.map(_prepare, jobs, chunksize=max(1, len(jobs) // (2 * workers)))
                if pool
                else [_prepare(job) for job in jobs]
            )
            good = []
            for item in prepared:
                if item.error:
                    report.errors.append(item.error)
                else:
                    good.append(item)
            written = _write_with_retries(store, good, index, report)
            report.added += written.added
            report.syndicated += written.syndicated
            report.facts += written.facts
            report.seconds = time.perf_counter() - started
            if progress:
                progress(report)
    finally:
        if pool:
            pool.close()
            pool.join()
    report.seconds = time.perf_counter() - started
    return report


_ATTEMPTS = 5


def _write_with_retries(
    store: Store, batch: list[PreparedArticle], index: Any, report: IngestReport
) -> BatchResult:
    """Write a batch; when a concurrent writer stored some of its articles first (the transaction was rolled
    back whole), count those as duplicates and write the rest again."""
    attempt = 1
    while True:
        try:
            return write_batch(store, batch, index)
        except StoreConflict:
            if attempt == _ATTEMPTS:
                raise
            time.sleep(0.05 * attempt * random.random())  # the writers must not collide again in step
            attempt += 1
            stored = _stored_hashes(store, [item.article.content_hash for item in batch])
            report.duplicates += sum(item.article.content_hash in stored for item in batch)
            batch = [item for item in batch if item.article.content_hash not in stored]


def _stored_hashes(store: Store, hashes: list[str]) -> set[str]:
    """The content hashes among `hashes` that the store already holds."""
    with store.read() as conn:
        return set(
            conn.execute(select(articles.c.content_hash).where(articles.c.content_hash.in_(hashes))).scalars()
        )


def _pool(workers: int) -> Any:
    if workers <= 1:
        return None
    methods = multiprocessing.get_all_start_methods()
    # fork shares the already-loaded extractor models with the workers; spawn elsewhere.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return context.Pool(workers)


def _fresh(store: Store, batch: list[Article], report: IngestReport) -> list[Article]:
    """The articles of a batch whose content is not stored yet (nor repeated earlier in the batch)."""
    hashes = [a.content_hash for a in batch]
    known = _stored_hashes(store, hashes)
    fresh: list[Article] = []
    for article, digest in zip(batch, hashes, strict=True):
        if digest in known:
            report.duplicates += 1
            continue
        known.add(digest)
        fresh.append(article)
    return fresh
