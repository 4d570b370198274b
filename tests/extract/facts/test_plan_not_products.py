"""Product plans: no driver-assistance systems, no "each model", no model made at another, running site."""

from __future__ import annotations

from datetime import date

import pytest

from evintel.extract import extract_article
from evintel.extract.facts.plan_products import is_driving_system
from evintel.models import Article


def plan_fields(text: str) -> list[dict]:
    return [
        f.fields for f in extract_article(Article("t", text, date(2025, 3, 1))) if f.type == "product_plan"
    ]


@pytest.mark.parametrize(
    ("product", "expected"),
    [
        ("its highway driving system SkyPilot", True),
        ("a new generation of driver assistance solutions", True),
        ("the autonomous driving software stack", True),
        ("new models with its driver assistance system", False),
        ("a compact electric SUV", False),
        ("the Corvenne 7 sedan", False),
    ],
)
def test_is_driving_system(product, expected):
    assert is_driving_system(product) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Robotics said its city driving system Pathfinder will first be fitted to a Lumio model in the fourth quarter.",
        "Lumio will launch a new generation of driver assistance solutions based on Kestrel chips next year.",
    ],
)
def test_a_supplier_system_is_no_product_plan(text):
    assert [
        p["product"] for p in plan_fields(text) if "system" in p["product"] or "solution" in p["product"]
    ] == []


@pytest.mark.parametrize("quantified", ["Each model", "Every model", "Each of the models"])
def test_each_model_is_no_new_product(quantified):
    text = (
        "Pelta Auto will launch the Arvo pickup in the US in 2027. "
        f"{quantified} will be offered as a battery-electric vehicle and as a plug-in hybrid."
    )
    products = [p["product"] for p in plan_fields(text)]
    assert products == ["Arvo pickup"]


def test_a_model_made_at_another_running_site_is_no_plan():
    text = (
        "The cell plant will start output in 2027 and supply the Pelta Auto works in Spain, "
        "among them the neighbour of Vigo, where the Arvo hatchback is made."
    )
    assert [p["product"] for p in plan_fields(text)] == []


def test_a_model_made_at_a_site_still_to_come_is_a_plan():
    text = "Pelta Auto will finish by 2027 the Tczew plant, where the Arvo pickup is to be produced."
    assert [p["product"] for p in plan_fields(text)] == ["Arvo pickup"]
