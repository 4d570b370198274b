"""The public API of evintel.consolidate and the JSON form of its records."""

from __future__ import annotations

import json
from datetime import date

import pytest

import evintel.consolidate as consolidate_pkg
from evintel.consolidate import Conflict, ConflictSide, ConsolidatedFact, FactSource, SourcedFact, consolidate
from evintel.consolidate.lexicon import load_data
from evintel.models import Evidence, Fact

from .factories import sales


def test_exported_members_are_pinned():
    assert sorted(consolidate_pkg.__all__) == [
        "CONFLICT_KINDS",
        "Conflict",
        "ConflictSide",
        "ConsolidatedFact",
        "ConsolidationResult",
        "FactSource",
        "Revision",
        "SourcedFact",
        "canonical_name",
        "combine_confidence",
        "combine_modality",
        "consolidate",
        "entity_key",
        "fact_key",
        "kb_conflicts",
        "location_key",
        "product_key",
    ]
    for name in consolidate_pkg.__all__:
        assert getattr(consolidate_pkg, name) is not None


@pytest.mark.parametrize("record", [SourcedFact, FactSource, ConsolidatedFact, ConflictSide, Conflict])
def test_records_use_slots(record):
    assert hasattr(record, "__slots__")


def test_sourced_fact_group_defaults_to_article():
    fact = Fact("sales", sales("Tesla", 1), Evidence("Tesla sold one.", 0, 15))
    assert SourcedFact(fact, "a1").source_group == "a1"
    assert SourcedFact(fact, "a1", group_id="story-9").source_group == "story-9"
    data = SourcedFact(fact, "a1", date(2024, 1, 2), fact_id=7).to_dict()
    assert (data["date"], data["fact_id"], data["fact"]["quantity"]) == ("2024-01-02", 7, 1)


def test_ids_are_stable_and_distinct(make, kb):
    facts = [
        make("sales", sales("Tesla", 1000), "Tesla sold 1,000.", "a", date(2024, 1, 1)),
        make("sales", sales("Tesla", 1200), "Tesla sold 1,200.", "b", date(2024, 1, 1)),
    ]
    first, second = consolidate(facts, kb), consolidate(list(reversed(facts)), kb)
    assert [f.id for f in first.facts] == [f.id for f in second.facts]
    assert len({f.id for f in first.facts}) == 2
    assert first.conflicts[0].id == second.conflicts[0].id


def test_consolidated_fact_to_dict_flattens_fields(make, kb):
    fact = consolidate(
        [make("sales", sales("BMW AG", 82_700), "BMW sold 82,700.", "a", date(2024, 4, 1))], kb
    ).facts[0]
    data = json.loads(json.dumps(fact.to_dict()))
    assert data["org"] == "BMW Group"
    assert data["quantity"] == 82_700
    assert (data["source_count"], data["independent_sources"], data["conflicted"]) == (1, 1, False)
    assert data["sources"][0]["evidence"] == {"text": "BMW sold 82,700.", "start": 0, "end": 16}


@pytest.mark.parametrize("name", ["names", "figures"])
def test_data_files_load(name):
    assert load_data(name)


def test_figure_settings_are_sane():
    data = load_data("figures")
    assert 0 < data["tolerance"] < data["approximate_cap"] < data["upper_bound_cap"] < 1
    assert data["distinct_investment_ratio"] > 1 + data["tolerance"]
    assert set(data["cues"]) == {"approximate", "lower_bound", "upper_bound"}
    assert "revised" in data["revision_cues"]["all"]
