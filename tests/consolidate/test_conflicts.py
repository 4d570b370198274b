"""Status conflicts: live versus ended, operating versus closed, asserted versus denied."""

from __future__ import annotations

from datetime import date

import pytest

from evintel.consolidate import consolidate
from evintel.consolidate.conflicts import describe_subject, source_labels

from .factories import sales

PARTIES = {"parties": ["Nissan", "Honda"], "kind": "alliance"}


@pytest.mark.parametrize(
    ("live_date", "ended_date"),
    [
        (date(2024, 3, 1), date(2024, 3, 1)),  # same day: sources disagree
        (date(2025, 3, 1), date(2025, 2, 13)),  # a live report after the end
        (None, date(2025, 2, 13)),  # undated report
        (date(2025, 3, 1), None),
    ],
)
def test_partnership_live_and_ended_is_a_status_conflict(make, kb, live_date, ended_date):
    live = make(
        "partnership", {**PARTIES, "status": "signed"}, "Nissan and Honda signed a deal.", "live", live_date
    )
    ended = make(
        "partnership",
        {**PARTIES, "status": "ended"},
        "Nissan and Honda called off their merger talks.",
        "end",
        ended_date,
    )
    result = consolidate([live, ended], kb)
    assert [c.kind for c in result.conflicts] == ["status"]
    conflict = result.conflicts[0]
    assert [side.value for side in conflict.sides] == ["ended", "signed"]
    assert {s.article_id for side in conflict.sides for s in side.sources} == {"live", "end"}
    assert conflict.message.startswith("Honda–Nissan partnership: ended")
    assert all(f.conflicted for f in result.facts)


def test_partnership_ended_after_it_was_signed_is_a_status_change(make, kb):
    live = make(
        "partnership",
        {**PARTIES, "status": "signed"},
        "Nissan and Honda signed an MoU.",
        "live",
        date(2024, 3, 15),
    )
    ended = make(
        "partnership",
        {**PARTIES, "status": "ended"},
        "The Nissan-Honda talks have ended.",
        "end",
        date(2025, 2, 13),
    )
    result = consolidate([live, ended], kb)
    assert result.conflicts == []
    fact = result.facts[0]
    assert fact.fields["status"] == "ended"
    assert [(r.field, r.previous, r.value, r.article_id) for r in fact.revisions] == [
        ("status", "signed", "ended", "end")
    ]


@pytest.mark.parametrize(
    ("statuses", "conflict"),
    [
        (["operating", "closed"], True),
        (["planned", "under_construction"], False),
        (["under_construction", "operating"], False),
        (["closed", "closed"], False),
    ],
)
def test_plant_operating_and_closed(make, kb, statuses, conflict):
    facts = [
        make(
            "plant",
            {"org": "Tesla", "location": "Grünheide, Germany", "status": s},
            f"Tesla's Grünheide plant: {s}.",
            f"p{n}",
            date(2024, 5, 1),
        )
        for n, s in enumerate(statuses)
    ]
    result = consolidate(facts, kb)
    assert bool(result.conflicts) is conflict
    assert all(c.kind == "status" for c in result.conflicts)


@pytest.mark.parametrize(
    ("fact_type", "fields"),
    [
        ("supply", {"supplier": "Tesla", "customer": "Xpeng", "items": ["cells"]}),
        ("sales", sales("Tesla", 1000)),
        ("partnership", {**PARTIES, "status": "talks"}),
    ],
)
def test_denied_versus_asserted_is_a_status_conflict_whatever_the_dates(make, kb, fact_type, fields):
    asserted = make(fact_type, fields, "Reports say it happened.", "yes", date(2024, 1, 1))
    denied = make(
        fact_type,
        fields,
        "The company denied the report.",
        "no",
        date(2024, 2, 1),
        modality="denied",
        confidence=0.2,
    )
    result = consolidate([asserted, denied], kb)
    assert [c.kind for c in result.conflicts] == ["status"]
    assert "denied" in [side.value for side in result.conflicts[0].sides]
    assert result.facts[0].modality == "asserted"
    # A denial never adds support.
    assert result.facts[0].confidence == pytest.approx(0.9)


def test_denied_only_stays_denied_without_conflict(make, kb):
    denied = make(
        "supply",
        {"supplier": "Tesla", "customer": "Xpeng"},
        "Tesla denied supplying Xpeng.",
        "no",
        modality="denied",
        confidence=0.2,
    )
    result = consolidate([denied], kb)
    assert result.conflicts == []
    assert result.facts[0].modality == "denied"


def test_figure_and_status_conflicts_are_separate_records(make, kb):
    facts = [
        make("sales", sales("Tesla", 1000), "Tesla sold 1,000.", "a", date(2024, 1, 1)),
        make("sales", sales("Tesla", 1200), "Tesla sold 1,200.", "b", date(2024, 1, 1)),
        make(
            "sales",
            sales("Tesla", 1000),
            "Tesla denied selling 1,000.",
            "c",
            date(2024, 1, 2),
            modality="denied",
        ),
    ]
    kinds = sorted(c.kind for c in consolidate(facts, kb).conflicts)
    assert kinds == ["figure", "status"]


@pytest.mark.parametrize(
    ("fact_type", "fields", "text"),
    [
        ("sales", sales("BMW Group", 1, market="China"), "BMW Group 2024-Q1 BEV sales in China"),
        ("sales", sales("BMW Group", 1, powertrain="all"), "BMW Group 2024-Q1 sales"),
        ("ownership", {"parent": "Volkswagen Group", "child": "Xpeng"}, "Volkswagen Group stake in Xpeng"),
        ("plant", {"org": "Tesla", "location": "Austin, Texas"}, "Tesla plant in Austin, Texas"),
        ("supply", {"supplier": "CATL", "customer": "Tesla"}, "CATL supplying Tesla"),
    ],
)
def test_describe_subject(fact_type, fields, text):
    assert describe_subject(fact_type, fields) == text


def test_source_labels_shortens_long_lists(make):
    from evintel.consolidate import consolidate as run

    facts = [
        make("supply", {"supplier": "A", "customer": "B"}, "A supplies B.", f"s{n}", title=f"T{n}")
        for n in range(4)
    ]
    sources = run(facts).facts[0].sources
    assert source_labels(sources) == "T0; T1 +2 more"


def test_report_without_status_does_not_contradict_an_ending(make, kb):
    plain = make(
        "partnership", {**PARTIES}, "Nissan and Honda work together on software.", "plain", date(2025, 3, 1)
    )
    ended = make(
        "partnership",
        {**PARTIES, "status": "ended"},
        "Nissan and Honda ended their talks.",
        "end",
        date(2025, 2, 13),
    )
    assert consolidate([plain, ended], kb).conflicts == []
