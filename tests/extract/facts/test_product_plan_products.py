"""What a product plan is about when the phrase read first counts or qualifies the products."""

from __future__ import annotations

from datetime import date

import pytest

from evintel.extract import extract_article
from evintel.extract.facts.plan_products import refined_product
from evintel.models import Article


def plans(text: str) -> list[tuple[list[str], str]]:
    return [
        (f.fields["orgs"], f.fields["product"])
        for f in extract_article(Article("t", text, date(2025, 3, 1)))
        if f.type == "product_plan"
    ]


def refine(text: str, product: str) -> str | None:
    start = text.index(product)
    refined = refined_product(text, product, start, start + len(product))
    return refined[0] if refined else None


@pytest.mark.parametrize(
    ("text", "product", "expected"),
    [
        (
            "The partners will develop a total of 4 vehicle models including an electric pickup, it was said.",
            "total of 4 vehicle models",
            "electric pickup",
        ),
        (
            "They will co-develop 3 models for the Asian market, namely a city car and a compact SUV, from 2027.",
            "3 models",
            "city car and a compact SUV",
        ),
        (
            "The group plans several new models, such as the Orsa crossover.",
            "several new models",
            "Orsa crossover",
        ),
        ("The group plans 5 new models by 2028.", "5 new models", "5 new models"),
        (
            "Hybrid versions of the Orsa and the Vela will arrive in 2026.",
            "Hybrid versions",
            "Hybrid versions of the Orsa and the Vela",
        ),
        ("According to the ministry on the 7th, the partners will build vans.", "7th", None),
        ("The battery cells of K9 are supplied by CATL.", "battery cells of K9", None),
        ("The motors for Orsa will be made in Spain.", "motors for Orsa", None),
    ],
)
def test_refined_product_names_what_is_planned(text: str, product: str, expected: str | None) -> None:
    assert refine(text, product) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hyundai Motor and the American General Motors (GM) will jointly develop an electric pickup.",
        "Hyundai Motor and General Motors will jointly develop an electric pickup.",
    ],
)
def test_plan_subjects_listed_with_a_demonym_and_a_bracketed_alias(text: str) -> None:
    assert [sorted(orgs) for orgs, _ in plans(text)] == [["General Motors", "Hyundai Motor Company"]]


@pytest.mark.parametrize(
    ("product", "expected"),
    [
        ("Dolphin Surf and Atto 2", True),
        ("EX30, EX40 and EX90", True),
        ("Seal & Sealion 7", True),
        ("Dolphin Surf", False),
        ("cars and vans", False),
        ("Dolphin Surf and other models", False),
    ],
)
def test_is_model_list(product: str, expected: bool) -> None:
    from evintel.extract.facts.plan_products import is_model_list

    assert is_model_list(product) is expected


def test_plan_of_a_model_list_made_at_a_site() -> None:
    text = "BYD sold more cars. Its plant in Szeged, Hungary, which will make the Seal and Atto 2, opens next year."
    assert (["BYD"], "Seal and Atto 2") in plans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Great Wall Motor opened a plant in Brazil. The next model built there will be the pickup Poer, from next year.",
        "Great Wall Motor opened a plant in Brazil. The next model to be manufactured in the factory will be the "
        "pickup Poer, starting from next year.",
    ],
)
def test_plan_of_a_brand_named_model_belongs_to_its_group(text: str) -> None:
    found = plans(text)
    assert found and all(orgs == ["Great Wall Motor"] for orgs, _ in found)
