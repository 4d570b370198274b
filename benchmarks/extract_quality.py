"""Extraction quality: precision, recall and F1 per fact type on every annotated set the repository knows.

Usage: python benchmarks/extract_quality.py [--sets a,b,c,dev] [--types]
Prints a Markdown table (paste it into the README). The realistic sets live in benchmarks/data/realistic;
the shared development set is read from ../shared/eval/dev when it is there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evintel.errors import IngestError
from evintel.evaluate import FACT_TYPES, Score, load_facts, score_facts
from evintel.extract import extract_article
from evintel.ingest.readers import iter_articles

ROOT = Path(__file__).resolve().parent.parent
REALISTIC = ROOT / "benchmarks" / "data" / "realistic"
SETS = {
    "a": (REALISTIC / "a_articles.jsonl", REALISTIC / "a_gold.jsonl"),
    "b": (REALISTIC / "b_articles.jsonl", REALISTIC / "b_gold.jsonl"),
    "c": (REALISTIC / "c_articles.jsonl", REALISTIC / "c_gold.jsonl"),
    "d": (REALISTIC / "d_articles.jsonl", REALISTIC / "d_gold.jsonl"),
    "e": (REALISTIC / "e_articles.jsonl", REALISTIC / "e_gold.jsonl"),
    "f": (REALISTIC / "f_articles.jsonl", REALISTIC / "f_gold.jsonl"),
    "dev": (ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl", ROOT.parent / "shared" / "eval" / "dev" / "gold.jsonl"),
}


def score_set(articles: Path, gold: Path) -> Score:
    """Extract every article of a JSON-lines file and score the facts against its gold file."""
    predicted: dict[str, list[dict]] = {}
    for article in iter_articles([articles]):
        if isinstance(article, IngestError):
            raise SystemExit(str(article))
        predicted[article.id] = [fact.to_dict() for fact in extract_article(article)]
    return score_facts(load_facts(gold), predicted)


def main(argv: list[str] | None = None) -> int:
    """Score the chosen sets and print one Markdown table (and one per type with --types)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", default="a,b,c,d,e,f,dev", help="comma-separated set names (a to f, dev)")
    parser.add_argument("--types", action="store_true", help="also print F1 per fact type")
    args = parser.parse_args(argv)
    scores: dict[str, Score] = {}
    for name in args.sets.split(","):
        articles, gold = SETS[name]
        if not articles.exists():
            print(f"{name}: {articles} not found, skipped", file=sys.stderr)
            continue
        scores[name] = score_set(articles, gold)
    print("| set | P | R | F1 | tp | fp | fn |\n|---|---:|---:|---:|---:|---:|---:|")
    for name, score in scores.items():
        o = score.overall
        print(f"| {name} | {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} | {o.tp} | {o.fp} | {o.fn} |")
    if args.types:
        print("\n| type | " + " | ".join(scores) + " |\n|---|" + "---:|" * len(scores))
        for fact_type in FACT_TYPES:
            cells = " | ".join(f"{score.types[fact_type].f1:.3f}" for score in scores.values())
            print(f"| {fact_type} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
