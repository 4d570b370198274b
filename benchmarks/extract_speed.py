"""Extraction speed: articles/s of `evintel.extract.extract_article` beside spaCy's blank tokenizer.

Usage: python benchmarks/extract_speed.py [ARTICLES.jsonl] [--min-articles N]
Prints a Markdown table (paste it into the README). Single process; the issue's goal is a ratio >= 10 %.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

from evintel.errors import IngestError
from evintel.ingest.readers import iter_articles
from evintel.models import Article

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (ROOT / "samples" / "articles.jsonl", ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl")


def load_articles(path: Path | None, minimum: int) -> tuple[Path, list[Article]]:
    """The articles of `path` (or the first bundled sample file), repeated up to at least `minimum`."""
    source = path or next((p for p in CANDIDATES if p.exists()), None)
    if source is None:
        sys.exit("no articles: pass a JSON-lines path")
    unique = [a for a in iter_articles([source]) if not isinstance(a, IngestError)]
    if not unique:
        sys.exit(f"{source}: no readable articles")
    repeats = -(-minimum // len(unique))
    return source, [
        Article(id=f"{a.id}#{n}", text=a.text, date=a.date, title=a.title, url=a.url)
        for n, a in itertools.product(range(repeats), unique)
    ]


def time_tokenizer(texts: list[str], passes: int = 3) -> float:
    """Seconds spaCy's blank English tokenizer takes over all texts (median of a few passes: it is quick)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.make_doc(texts[0])  # warm-up: the first call builds caches
    timings = []
    for _ in range(passes):
        started = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def time_extractor(articles: list[Article]) -> tuple[float, int]:
    """Seconds the default extractor takes over all articles (after building it), and facts found."""
    from evintel.extract import default_extractor, extract_article

    default_extractor()  # loading the KB and rules is start-up, not throughput
    extract_article(articles[0])
    facts = 0
    started = time.perf_counter()
    for article in articles:
        facts += len(extract_article(article))
    return time.perf_counter() - started, facts


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the Markdown table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "articles", nargs="?", type=Path, help="article JSON lines (default: bundled samples)"
    )
    parser.add_argument(
        "--min-articles", type=int, default=1000, help="repeat the input to at least N articles"
    )
    args = parser.parse_args(argv)

    source, articles = load_articles(args.articles, args.min_articles)
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)
    rss_before_mb = _peak_rss_mb()
    extract_s, facts = time_extractor(articles)
    rss_mb = _peak_rss_mb()
    tokenizer_s = time_tokenizer(texts)

    print(
        f"{len(articles)} articles ({source.name} repeated, {chars / len(articles):,.0f} chars each on average), "
        f"{facts:,} facts; Python {platform.python_version()}, one process\n"
    )
    print("| pipeline | articles/s | chars/s | time |")
    print("|---|---:|---:|---:|")
    for name, seconds in (
        ("evintel `extract_article`", extract_s),
        ("`spacy.blank('en')` tokenizer", tokenizer_s),
    ):
        print(
            f"| {name} | {len(articles) / seconds:,.0f} | {chars / seconds / 1e3:,.0f} k | {seconds:.2f} s |"
        )
    print(f"| **ratio** (goal >= 10 %) | **{100 * tokenizer_s / extract_s:.1f} %** | | |")
    print(f"| peak RSS | {rss_mb:,.0f} MB ({rss_before_mb:,.0f} MB before the extractor was built) | | |")
    return 0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


if __name__ == "__main__":
    sys.exit(main())
