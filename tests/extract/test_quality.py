"""Extraction quality on the realistic sets of benchmarks/data/realistic: a regression guard, not a target.

Each floor sits a little under the score when it was last raised, so a change that loses several facts on
real-looking news fails here even when every unit test still passes. Raise a floor when the score rises.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evintel.evaluate import load_facts, score_facts
from evintel.extract import extract_article
from evintel.ingest.readers import iter_articles
from evintel.models import Article

REALISTIC = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "realistic"

# set name -> lowest acceptable overall micro-F1
FLOORS = {"a": 0.78, "b": 0.94, "c": 0.89, "d": 0.80, "e": 0.74, "f": 0.72}


@pytest.mark.parametrize(("name", "floor"), sorted(FLOORS.items()))
def test_quality_realistic_set_stays_above_its_floor(name: str, floor: float) -> None:
    articles = [a for a in iter_articles([REALISTIC / f"{name}_articles.jsonl"]) if isinstance(a, Article)]
    predicted = {a.id: [f.to_dict() for f in extract_article(a)] for a in articles}
    gold = load_facts(REALISTIC / f"{name}_gold.jsonl")
    assert len(articles) == len(gold)
    f1 = score_facts(gold, predicted).overall.f1
    assert f1 >= floor, f"set {name}: F1 {f1:.3f} fell below {floor}"
