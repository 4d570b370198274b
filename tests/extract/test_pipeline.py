"""The rule extractor end to end: the seed article against its gold facts, and the extractor contract."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from evintel.evaluate import Score, score_facts
from evintel.extract import default_extractor, extract_article, extract_many
from evintel.extract.base import Extractor
from evintel.extract.context import Discourse, SentenceView
from evintel.extract.pipeline import RULES, RuleExtractor
from evintel.models import FACT_TYPES, Article, Fact
from evintel.resolve.kb import KnowledgeBase

FIXTURES = Path(__file__).parent / "fixtures"


def xfail(*values: Any, reason: str) -> Any:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason), id=values[0])


@pytest.fixture(scope="module")
def seed() -> Article:
    # The project's seed article (a real, machine-translated news story), undated as in the dev set.
    return Article("seed", (FIXTURES / "seed.txt").read_text(encoding="utf-8"), None)


@pytest.fixture(scope="module")
def seed_gold() -> list[dict[str, Any]]:
    row = json.loads((FIXTURES / "seed_gold.jsonl").read_text(encoding="utf-8"))
    assert row["article_id"] == "seed"
    return row["facts"]


@pytest.fixture(scope="module")
def seed_facts(seed: Article) -> list[Fact]:
    return extract_article(seed)


@pytest.fixture(scope="module")
def seed_score(seed_gold: list[dict[str, Any]], seed_facts: list[Fact]) -> Score:
    return score_facts({"seed": seed_gold}, {"seed": [f.to_dict() for f in seed_facts]})


def test_seed_gold_fixture_has_required_facts_of_four_types(seed_gold: list[dict[str, Any]]) -> None:
    required = [g["type"] for g in seed_gold if not g.get("optional")]
    assert sorted(set(required)) == ["partnership", "product_plan", "sales", "supply"]
    assert len(required) == 7


@pytest.mark.parametrize(
    "fact_type",
    [
        "sales",
        "partnership",
        "supply",
        "ownership",
        "investment",
        "plant",
        "product_plan",
    ],
)
def test_seed_every_required_gold_fact_is_found(seed_score: Score, fact_type: str) -> None:
    row = seed_score.types[fact_type]
    assert row.fn == 0, f"{row.fn} required {fact_type} fact(s) missed"


@pytest.mark.parametrize(
    "fact_type",
    [
        "sales",
        "partnership",
        "supply",
        "ownership",
        "investment",
        "plant",
        "product_plan",
    ],
)
def test_seed_has_no_false_hits(seed_score: Score, fact_type: str) -> None:
    row = seed_score.types[fact_type]
    assert row.fp == 0, f"{row.fp} false {fact_type} hit(s)"


@pytest.mark.parametrize(
    "fact_type",
    [
        "sales",
        "partnership",
        "supply",
    ],
)
def test_seed_matched_facts_have_the_gold_attributes(seed_score: Score, fact_type: str) -> None:
    attributes = seed_score.to_dict()["types"][fact_type]["attributes"]
    assert attributes and all(value == 1.0 for value in attributes.values()), attributes


def test_seed_evidence_is_the_article_text_at_its_offsets(seed: Article, seed_facts: list[Fact]) -> None:
    assert seed_facts
    for fact in seed_facts:
        evidence = fact.evidence
        assert seed.text[evidence.start : evidence.end] == evidence.text
        assert fact.article_id == "seed"
        assert 0 < fact.confidence <= 1


def test_seed_boilerplate_line_yields_no_fact(seed: Article, seed_facts: list[Fact]) -> None:
    start = seed.text.index("YOU MAY BE INTERESTED IN")
    end = start + len("YOU MAY BE INTERESTED IN")
    assert not [f for f in seed_facts if f.evidence.start < end and start < f.evidence.end]


def test_rule_extractor_satisfies_the_extractor_protocol() -> None:
    extractor = default_extractor()
    assert isinstance(extractor, Extractor) and isinstance(extractor, RuleExtractor)
    assert extractor.name == "rules"
    assert default_extractor() is extractor


def test_rule_extractor_runs_only_the_given_rules(seed: Article) -> None:
    seen: list[str] = []

    def spy(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
        seen.append(view.text)
        return []

    extractor = RuleExtractor(kb=default_extractor().kb, rules=(spy,))
    assert extractor.extract(seed) == []
    assert seen and not any(s.startswith("YOU MAY BE INTERESTED") for s in seen)
    assert len(RULES) == len(FACT_TYPES)


@pytest.mark.parametrize("text", ["", "   \n\n  ", "No companies or figures are named here."])
def test_rule_extractor_articles_without_facts_give_an_empty_list(text: str) -> None:
    assert extract_article(Article("empty", text, date(2024, 1, 1))) == []


def test_extract_many_gives_one_result_per_article_in_order() -> None:
    articles = [
        Article("a", "CATL will supply battery cells to BMW Group.", None),
        Article("b", "Nothing to see.", None),
        Article("c", "Stellantis owns 21 percent of Leapmotor.", None),
    ]
    results = list(extract_many(default_extractor(), articles))
    assert [r.article_id for r in results] == ["a", "b", "c"]
    assert [[f.type for f in r.facts] for r in results] == [["supply"], [], ["ownership"]]
    assert all(f.article_id == r.article_id for r in results for f in r.facts)


def test_extraction_is_deterministic(seed: Article, seed_facts: list[Fact]) -> None:
    again = RuleExtractor(kb=default_extractor().kb).extract(seed)
    assert [f.to_dict() for f in again] == [f.to_dict() for f in seed_facts]


def test_hard_wrapped_text_reads_as_whole_sentences_with_exact_evidence() -> None:
    text = (
        "Kestrel Motors sold 30,114 electric\ncars in March, the company\nsaid on Monday. Tesla delivered\n"
        "386,810 vehicles in the first\nquarter, and its partner\nstartup Voltra rose."
    )
    facts = extract_article(Article("wrap", text, date(2024, 4, 2)))
    found = {(f.fields["org"], f.fields["quantity"], f.fields["period"]) for f in facts if f.type == "sales"}
    assert found == {("Kestrel Motors", 30114, "2024-03"), ("Tesla", 386810, "2024-Q1")}
    for fact in facts:
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        assert "\n" in fact.evidence.text
