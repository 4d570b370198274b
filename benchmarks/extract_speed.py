"""Extraction speed: articles/s of `evintel.extract.extract_article` beside spaCy's blank tokenizer.

Usage: python benchmarks/extract_speed.py [ARTICLES.jsonl] [--min-articles N]
Prints a Markdown table (paste it into the README). Single process; the issue's goal is a ratio >= 10 %.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import resource
import sys
import time
import tracemalloc
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


def time_tokenizer(texts: list[str]) -> float:
    """Seconds spaCy's blank English tokenizer takes over all texts."""
    import spacy

    nlp = spacy.blank("en")
    nlp.make_doc(texts[0])  # warm-up: the first call builds caches
    started = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    return time.perf_counter() - started


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


def traced_peak_mb(articles: list[Article], sample: int) -> float:
    """Peak Python heap (MB) while extracting a sample, by tracemalloc (kept out of the timed runs)."""
    from evintel.extract import extract_article

    tracemalloc.start()
    for article in articles[:sample]:
        extract_article(article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
    tokenizer_s = time_tokenizer(texts)
    extract_s, facts = time_extractor(articles)
    heap_mb = traced_peak_mb(articles, sample=min(len(articles), 100))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB

    tokenizer_rate = len(texts) / tokenizer_s
    extract_rate = len(articles) / extract_s
    print(
        f"Input: {source} repeated to {len(articles)} articles ({chars / 1e6:.1f} M chars), "
        f"Python {platform.python_version()}, single process\n"
    )
    print("| measure | value |")
    print("|---|---|")
    print(f"| evintel extract_article | {extract_rate:,.0f} articles/s ({facts:,} facts) |")
    print(f"| spacy.blank('en') tokenizer | {tokenizer_rate:,.0f} articles/s |")
    print(f"| ratio (goal >= 10 %) | {100 * extract_rate / tokenizer_rate:.1f} % |")
    print(f"| peak RSS (process) | {rss_mb:,.0f} MB |")
    print(f"| peak Python heap, extracting 100 articles (tracemalloc) | {heap_mb:,.1f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
