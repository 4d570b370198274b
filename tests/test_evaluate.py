"""The scorer: matching rules of SCHEMA.md, and agreement with the shared reference scorer score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from evintel.errors import EvintelError
from evintel.evaluate import attribute_equal, evaluate, load_facts, normalize_entity, score_facts

# In a checkout the shared folder sits beside the repository (read-only in CI).
SHARED_SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"

GOLD: list[dict[str, Any]] = [
    {
        "article_id": "a1",
        "facts": [
            {
                "type": "sales",
                "org": "BMW Group|BMW",
                "quantity": 82700,
                "powertrain": "BEV",
                "period": "2024-Q1",
                "market": None,
                "metric": "sales",
            },
            {
                "type": "sales",
                "org": "Mini",
                "quantity": 21000,
                "powertrain": "BEV",
                "period": "2024-Q1",
                "market": "Germany",
                "metric": "sales",
            },
            {"type": "sales", "org": "Rolls-Royce", "quantity": 1200, "optional": True},
            {
                "type": "partnership",
                "parties": ["BMW Group", "Rimac Group"],
                "kind": "joint_development",
                "scope": ["high-voltage batteries", "e-axles"],
            },
            {
                "type": "supply",
                "supplier": "Rimac",
                "customer": "BMW",
                "items": ["high-voltage batteries", "e-axles", "software"],
            },
            {
                "type": "ownership",
                "parent": "Volkswagen Group|VW",
                "child": "Bugatti Rimac",
                "stake_pct": 45,
                "optional": True,
            },
        ],
    },
    {
        "article_id": "a2",
        "facts": [
            {
                "type": "investment",
                "investor": "Stellantis N.V.",
                "amount": 1.5e9,
                "currency": "EUR",
                "target": "Leapmotor",
            },
            {"type": "ownership", "parent": "Stellantis", "child": "Leapmotor", "stake_pct": 21},
            {
                "type": "plant",
                "org": "Škoda Auto",
                "location": "Mladá Boleslav, Czech Republic",
                "products": ["Elroq"],
                "status": "operating",
            },
            {
                "type": "product_plan",
                "orgs": ["Nissan", "Mitsubishi Motors|Mitsubishi"],
                "product": "electric pickup",
                "powertrains": ["BEV", "PHEV"],
                "markets": ["US"],
                "production_location": "Mexico",
                "timeframe": "after 2027",
            },
        ],
    },
    {"article_id": "a3", "facts": [{"type": "sales", "org": "Tesla", "quantity": 386810}]},
    {"article_id": "a4", "facts": []},
]

PRED: list[dict[str, Any]] = [
    {
        "article_id": "a1",
        "facts": [
            # within 0.5 %, BMW alternative, wrong market
            {
                "type": "sales",
                "org": "BMW AG",
                "quantity": 82500,
                "powertrain": "BEV",
                "period": "2024-Q1",
                "market": "Germany",
                "metric": "sales",
            },
            # emitted twice: one hit, one false hit
            {
                "type": "sales",
                "org": "MINI",
                "quantity": 21000,
                "powertrain": "all",
                "period": "2024-Q1",
                "market": "Germany",
                "metric": "sales",
            },
            {
                "type": "sales",
                "org": "Mini",
                "quantity": 21000,
                "powertrain": "BEV",
                "period": "2024-Q1",
                "market": "Germany",
                "metric": "sales",
            },
            # optional: neither hit nor false hit
            {"type": "sales", "org": "Rolls-Royce Motor Cars", "quantity": 1200},
            {
                "type": "partnership",
                "parties": ["Rimac", "BMW"],
                "kind": "alliance",
                "scope": ["e-axles"],
                "status": "signed",
            },
            {
                "type": "supply",
                "supplier": "Rimac Group",
                "customer": "BMW Group",
                "items": ["high-voltage batteries", "software solutions"],
            },
            {
                "type": "investment",
                "investor": "BMW Group",
                "amount": 1e9,
                "currency": "USD",
                "target": "Rimac",
            },
        ],
    },
    {
        "article_id": "a2",
        "facts": [
            # 1 % off: not a match
            {
                "type": "investment",
                "investor": "Stellantis",
                "amount": 1.515e9,
                "currency": "EUR",
                "target": "Leapmotor",
            },
            {"type": "ownership", "parent": "Stellantis", "child": "Leapmotor", "stake_pct": 21.1},
            {
                "type": "plant",
                "org": "Skoda",
                "location": "Mlada Boleslav",
                "products": ["Elroq", "Enyaq"],
                "status": "planned",
            },
            {
                "type": "product_plan",
                "orgs": ["Mitsubishi", "Nissan Motor"],
                "product": "an electric pickup truck",
                "powertrains": ["PHEV"],
                "markets": ["United States"],
                "production_location": "Mexico",
                "timeframe": "from 2027",
            },
        ],
    },
    # a3 missing: its gold fact is a miss; a9 is not in gold: ignored
    {"article_id": "a9", "facts": [{"type": "sales", "org": "Kia", "quantity": 10}]},
]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(row) + "\n" for row in GOLD), encoding="utf-8")
    pred.write_text("".join(json.dumps(row) + "\n" for row in PRED), encoding="utf-8")
    return gold, pred


def test_evaluate_counts_of_the_written_pair(pair: tuple[Path, Path]) -> None:
    result = evaluate(*pair).to_dict()
    counts = {t: (r["tp"], r["fp"], r["fn"]) for t, r in result["types"].items()}
    assert counts == {
        "sales": (2, 1, 1),
        "partnership": (1, 0, 0),
        "supply": (1, 0, 0),
        "ownership": (1, 0, 0),
        "investment": (0, 2, 1),
        "plant": (1, 0, 0),
        "product_plan": (1, 0, 0),
    }
    assert (result["overall"]["tp"], result["overall"]["fp"], result["overall"]["fn"]) == (7, 3, 2)
    assert result["types"]["sales"]["attributes"] == {
        "powertrain": 0.5,
        "period": 1.0,
        "market": 0.5,
        "metric": 1.0,
    }
    assert result["types"]["partnership"]["attributes"] == {"kind": 0.0, "scope": 1.0}
    assert result["types"]["supply"]["attributes"] == {"items": 1.0}  # 2 of 3 gold items covered
    assert result["types"]["ownership"]["attributes"] == {"stake_pct": 1.0}
    assert result["types"]["plant"]["attributes"] == {"products": 1.0, "status": 0.0}


def test_evaluate_per_article_counts(pair: tuple[Path, Path]) -> None:
    per_article = evaluate(*pair).per_article
    assert {k: (v.tp, v.fp, v.fn) for k, v in per_article.items()} == {
        "a1": (4, 2, 0),
        "a2": (3, 1, 1),
        "a3": (0, 0, 1),
        "a4": (0, 0, 0),
    }


def _shared(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(SHARED_SCORER), *args], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout


needs_shared = pytest.mark.skipif(
    not SHARED_SCORER.is_file(), reason=f"shared scorer not found at {SHARED_SCORER}"
)


@needs_shared
def test_evaluate_json_numbers_agree_with_shared_score_py(pair: tuple[Path, Path]) -> None:
    gold, pred = pair
    reference = json.loads(_shared("--gold", str(gold), "--pred", str(pred), "--json"))
    ours = evaluate(gold, pred).to_dict()
    assert ours == reference


@needs_shared
@pytest.mark.parametrize("by_article", [False, True])
def test_evaluate_table_is_the_shared_score_py_table(pair: tuple[Path, Path], by_article: bool) -> None:
    gold, pred = pair
    flags = ["--by-article"] if by_article else []
    reference = _shared("--gold", str(gold), "--pred", str(pred), *flags)
    assert evaluate(gold, pred).table(by_article=by_article) + "\n" == reference


@needs_shared
def test_evaluate_reports_unknown_fact_types_like_score_py(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(
        json.dumps({"article_id": "a1", "facts": [{"type": "sales", "org": "Kia", "quantity": 5}]}) + "\n"
    )
    pred.write_text(json.dumps({"article_id": "a1", "facts": [{"type": "recall", "org": "Kia"}]}) + "\n")
    reference = json.loads(_shared("--gold", str(gold), "--pred", str(pred), "--json"))
    assert evaluate(gold, pred).to_dict() == reference


@pytest.mark.parametrize(
    ("name", "normalized"),
    [
        ("BMW Group", "bmw"),
        ("BMW AG", "bmw"),
        ("Volkswagen Group", "volkswagen"),
        ("VW", "volkswagen"),
        ("General Motors Co.", "general"),
        ("GM", "general"),
        ("Škoda Auto", "skoda"),
        ("Mercedes-Benz Group AG", "mercedes benz"),
        ("Mercedes", "mercedes benz"),
        ("CATL", "contemporary amperex"),
        ("Kestrel Dynamics Inc.", "kestrel dynamics"),
        ("The Group", "the group"),
    ],
)
def test_normalize_entity_drops_case_accents_and_corporate_words(name: str, normalized: str) -> None:
    assert normalize_entity(name) == normalized


@pytest.mark.parametrize(
    ("field", "gold", "pred", "equal"),
    [
        ("stake_pct", 34, 34.3, True),
        ("stake_pct", 34, 35, False),
        ("market", "US", "US", True),
        ("market", None, None, True),
        ("market", None, "Germany", False),
        ("market", "Germany", None, False),
        ("location", "Mladá Boleslav, Czech Republic", "Mlada Boleslav", True),
        ("items", ["cells", "packs"], ["battery cells"], True),
        ("items", ["cells", "packs", "modules"], ["cells"], False),
        ("scope", [], None, True),
        ("timeframe", "after 2027", "from 2027", True),
        ("timeframe", "after 2027", "by 2030", False),
        ("timeframe", "by 2026", "by the end of 2026", True),
        ("powertrain", "BEV", "bev", True),
        ("period", "2024-Q1", "2024-Q2", False),
    ],
)
def test_attribute_equal_follows_the_schema_rules(field: str, gold: Any, pred: Any, equal: bool) -> None:
    assert attribute_equal(field, gold, pred) is equal


def test_load_facts_accepts_fact_per_line_rows(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text(
        json.dumps({"article_id": "a1", "type": "sales", "org": "Kia", "quantity": 5})
        + "\n\n"
        + json.dumps({"article_id": "a1", "facts": [{"type": "sales", "org": "Tesla", "quantity": 6}]})
        + "\n"
    )
    assert [f["org"] for f in load_facts(path)["a1"]] == ["Kia", "Tesla"]


def test_load_facts_names_the_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"article_id": "a1", "facts": []}\n{"article_id": \n')
    with pytest.raises(EvintelError, match=r"pred\.jsonl:2: not valid JSON"):
        load_facts(path)


def test_score_of_an_empty_type_is_perfect_and_of_all_misses_zero() -> None:
    score = score_facts({"a": [{"type": "sales", "org": "Kia", "quantity": 5}]}, {})
    assert (score.types["plant"].precision, score.types["plant"].recall, score.types["plant"].f1) == (
        1.0,
        1.0,
        1.0,
    )
    sales = score.types["sales"]
    assert (sales.precision, sales.recall, sales.f1) == (0.0, 0.0, 0.0)
