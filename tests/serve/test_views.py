"""One-line fact descriptions and the chart/network JSON."""

from __future__ import annotations

from typing import Any

import pytest

from evintel.query import EntityProfile, EntityRef, Network, SalesRow
from evintel.query.entities import Edge
from evintel.serve.views import (
    describe_fact,
    edge_types,
    field_rows,
    kb_summary,
    network_data,
    sales_chart_data,
    side_sources,
)


@pytest.mark.parametrize(
    ("fact_type", "fields", "expected"),
    [
        (
            "sales",
            {
                "org": "BMW Group",
                "quantity": 82700,
                "powertrain": "BEV",
                "period": "2024-Q1",
                "market": None,
                "metric": "sales",
            },
            "BMW Group: 82,700 BEV sales in 2024-Q1",
        ),
        (
            "sales",
            {
                "org": "Mini",
                "quantity": 1200.0,
                "powertrain": "all",
                "period": "2023",
                "market": "China",
                "metric": "registrations",
            },
            "Mini: 1,200 registrations in 2023 (China)",
        ),
        (
            "partnership",
            {"parties": ["A", "B"], "kind": "joint_venture", "scope": "cells", "status": "signed"},
            "A, B: joint venture on cells (signed)",
        ),
        (
            "supply",
            {"supplier": "Rimac", "customer": "BMW Group", "items": ["battery packs"]},
            "Rimac supplies battery packs to BMW Group",
        ),
        ("supply", {"supplier": "Rimac", "customer": "BMW Group", "items": []}, "Rimac supplies BMW Group"),
        ("ownership", {"parent": "X", "child": "Y", "stake_pct": 24.5}, "X owns 24.50% of Y"),
        ("ownership", {"parent": "X", "child": "Y", "stake_pct": None}, "X owns Y"),
        (
            "investment",
            {"investor": "X", "amount": 2e9, "currency": "EUR", "target": "Y"},
            "X invests EUR 2,000,000,000 in Y",
        ),
        (
            "plant",
            {"org": "X", "location": "Debrecen", "products": ["iX3"], "status": "under_construction"},
            "X plant in Debrecen making iX3 (under construction)",
        ),
        (
            "product_plan",
            {
                "orgs": ["X", "Y"],
                "product": "a small EV",
                "powertrains": ["BEV"],
                "markets": [],
                "production_location": None,
                "timeframe": "by 2026",
            },
            "X, Y: a small EV (BEV; by 2026)",
        ),
    ],
)
def test_describe_fact_reads_like_a_sentence(fact_type: str, fields: dict[str, Any], expected: str) -> None:
    assert describe_fact(fact_type, fields) == expected


def test_describe_fact_survives_missing_fields() -> None:
    for fact_type in (
        "sales",
        "partnership",
        "supply",
        "ownership",
        "investment",
        "plant",
        "product_plan",
        "x",
    ):
        assert isinstance(describe_fact(fact_type, {}), str)


def test_field_rows_skip_empty_values_and_name_powertrains() -> None:
    rows = field_rows({"org": "BMW Group", "powertrain": "BEV", "market": None, "items": []})
    assert rows == [("org", "BMW Group"), ("powertrain", "BEV (battery-electric)")]


def _profile(sales: list[SalesRow]) -> EntityProfile:
    return EntityProfile(
        EntityRef("bmw-group", "BMW Group", "group", True), [], None, None, [], [], sales=sales
    )


def test_sales_chart_data_keeps_figures_with_a_period_and_marks_brands() -> None:
    rows = [
        SalesRow("2024-Q1", "BEV", 82700, "sales", None, "BMW Group", "self", "f1", False),
        SalesRow("2024-Q1", "BEV", 9870, "sales", None, "Mini", "brand", "f2", False),
        SalesRow(None, "BEV", 5, "sales", None, "BMW Group", "self", "f3", False),
        SalesRow("2024", None, None, "sales", None, "BMW Group", "self", "f4", False),
    ]
    data = sales_chart_data(_profile(rows))
    assert data["entity"] == "BMW Group"
    assert [(p["fact_id"], p["level"]) for p in data["points"]] == [("f1", "group"), ("f2", "brand")]


def test_network_data_puts_the_fact_description_on_each_edge() -> None:
    graph = Network(
        [EntityRef("a", "A", "group", True), EntityRef("b", "B", "supplier", False)],
        [Edge("b", "a", "supply", "f1", None), Edge("a", "b", "partnership", "f2", "joint_venture")],
    )
    data = network_data(graph, "a", {"f1": "B supplies cells to A"})
    assert data["center"] == "a" and len(data["nodes"]) == 2
    assert [e["summary"] for e in data["edges"]] == ["B supplies cells to A", "joint venture"]
    assert edge_types(data["edges"]) == ["partnership", "supply"]


def test_side_sources_lists_each_source_once() -> None:
    source = {"article_id": "a1", "fact_id": "f1", "evidence": {"text": "X.", "start": 3, "end": 5}}
    other = {**source, "article_id": "a2"}
    assert side_sources({"sources": [source, dict(source), other, "junk"]}) == [source, other]
    assert side_sources("not a side") == []


@pytest.mark.parametrize(
    ("side", "expected"),
    [
        (
            {"kb_record": {"entity": "InoBat", "kind": "battery_maker", "parent": None, "ancestors": []}},
            "entity InoBat · kind battery maker",
        ),
        (
            {"kb_record": {"entity": "Porsche AG", "parent": "Volkswagen Group", "stake_pct": 75.0}},
            "entity Porsche AG · parent Volkswagen Group · stake pct 75.0",
        ),
        ({"kb_record": None}, ""),
        ({}, ""),
    ],
)
def test_kb_summary_says_what_the_kb_holds(side: dict[str, Any], expected: str) -> None:
    assert kb_summary(side) == expected
