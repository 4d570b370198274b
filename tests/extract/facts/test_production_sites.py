"""Production sites named by what they make: the maker of a product brand owns the site."""

from __future__ import annotations

from datetime import date

import pytest

from evintel.extract import extract_article
from evintel.models import Article


def plant_facts(text: str) -> list[dict]:
    return [f.fields for f in extract_article(Article("t", text, date(2025, 3, 1))) if f.type == "plant"]


@pytest.mark.parametrize(
    ("text", "place", "products"),
    [
        (
            "At Kragujevac (Serbia) the production of the new Fiat Grande Panda has started.",
            "Kragujevac, Serbia",
            ["new Fiat Grande Panda"],
        ),
        (
            "In Tychy, the series production of the Jeep Avenger and of the Alfa Romeo Junior runs in three shifts.",
            "Tychy",
            ["Jeep Avenger", "Alfa Romeo Junior"],
        ),
    ],
)
def test_fronted_site_belongs_to_the_group_of_its_product_brands(
    text: str, place: str, products: list[str]
) -> None:
    found = plant_facts(text)
    assert [(f["org"], f["location"], f["products"]) for f in found] == [("Stellantis", place, products)]


@pytest.mark.parametrize(
    "text",
    [
        "The production of the Jeep Avenger at Tychy will start in the spring.",
        "Production of the Alfa Romeo Junior in Tychy began last week.",
    ],
)
def test_site_without_a_company_belongs_to_the_maker_of_its_product(text: str) -> None:
    assert [(f["org"], f["location"]) for f in plant_facts(text)] == [("Stellantis", "Tychy")]


def test_fronted_production_of_brands_of_two_groups_has_no_owner() -> None:
    assert plant_facts("At Zwickau the production of the Cupra Born and of the Jeep Avenger ended.") == []


def plan_sites(text: str) -> set[tuple[str, str | None]]:
    return {
        (f.fields["product"], f.fields["production_location"])
        for f in extract_article(Article("t", text, date(2025, 3, 1)))
        if f.type == "product_plan"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Clio, which is built at Renault's Bursa plant, goes on sale in Japan this autumn, and Renault's "
            "Valladolid factory will start making the Captur for Latin American customers in 2026.",
            {("Clio", "Bursa"), ("Captur", "Valladolid")},
        ),
    ],
)
def test_plan_is_made_at_the_site_of_its_clause(text: str, expected: set[tuple[str, str | None]]) -> None:
    assert plan_sites(text) == expected


@pytest.mark.parametrize(
    ("text", "org", "place", "product"),
    [
        (
            "In Valladolid, Renault will produce from 2026 the new Captur and, in Palencia, the Austral.",
            "Renault Group",
            "Valladolid",
            "new Captur",
        ),
        (
            "At Kragujevac, Stellantis will assemble the Fiat Grande Panda.",
            "Stellantis",
            "Kragujevac",
            "Fiat Grande Panda",
        ),
        ("In Zwickau, Volkswagen builds the ID.3 and the ID.4.", "Volkswagen Group", "Zwickau", "ID.3"),
    ],
)
def test_site_fronted_before_its_maker(text: str, org: str, place: str, product: str) -> None:
    found = [(f["org"], f["location"], f["products"]) for f in plant_facts(text)]
    assert (org, place, [product]) in found
