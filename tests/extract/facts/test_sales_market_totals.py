"""Figures that are not a company's sales: compound-adjective units and the market's own totals."""

from __future__ import annotations

import datetime

import pytest

from evintel.extract import extract_article
from evintel.models import Article


def sales_pairs(text: str) -> list[tuple[str, float]]:
    article = Article("t", text, date=datetime.date(2025, 6, 1))
    return [(f.fields["org"], f.fields["quantity"]) for f in extract_article(article) if f.type == "sales"]


@pytest.mark.parametrize(
    "text",
    [
        "The factory of Gotion is being built on a 120-hectare plot and will start production next year.",
        "Rivian signed a 30-year lease for the building where production will start in 2026.",
        "Northvolt produces cells on a 200-acre campus.",
    ],
)
def test_sales_no_count_from_a_unit_in_a_compound_adjective(text: str) -> None:
    assert sales_pairs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Polestar opened a showroom in Oslo in May. Total EV registrations in the country rose 12% to 9,870 units.",
            [],
            id="total-registrations-in-the-country",
        ),
        pytest.param(
            "Mazda sold 8,100 cars in Australia in May. Overall, 97,000 new vehicles were sold in May, down 2 per cent.",
            [("Mazda", 8100)],
            id="overall-new-vehicles-were-sold",
        ),
        pytest.param(
            "Renault delivered 1,400 cars in Portugal in May. In total, 18,000 new cars were registered in the country.",
            [("Renault Group", 1400)],
            id="new-cars-registered-in-the-country",
        ),
        pytest.param(
            "Xpeng had a record month. Total deliveries rose 20% to 33,500 vehicles in May.",
            [("XPeng", 33500)],
            id="a-makers-total-deliveries-stay-its-own",
        ),
    ],
)
def test_sales_market_totals_belong_to_no_company(text: str, expected: list[tuple[str, float]]) -> None:
    assert sales_pairs(text) == expected


def sales_markets(text: str) -> list[tuple[str, float, str | None]]:
    article = Article("t", text, date=datetime.date(2025, 6, 1))
    return [
        (f.fields["org"], f.fields["quantity"], f.fields["market"])
        for f in extract_article(article)
        if f.type == "sales"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kia has outsold Toyota in New Zealand for a second month. Kia reported 1,408 sales in May, while Toyota "
            "sold 1,200 vehicles.",
            [("Kia", 1408, "New Zealand"), ("Toyota Motor", 1200, "New Zealand")],
            id="outsold-in-frames-the-article",
        ),
        pytest.param(
            "MG remained Chile's best-selling Chinese brand in May, with 2,110 cars registered. Chery followed with 964 units.",
            [("MG", 2110, "Chile"), ("Chery Automobile", 964, "Chile")],
            id="countrys-best-selling-brand",
        ),
        pytest.param(
            "Hyundai became Brazil's most popular import brand, selling 3,300 cars in April.",
            [("Hyundai Motor Group", 3300, "Brazil")],
            id="countrys-most-popular",
        ),
    ],
)
def test_sales_market_named_by_a_ranking(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert sales_markets(text) == expected


def test_sales_makers_home_country_possessive_is_no_market() -> None:
    text = "China's BYD sold 380,000 cars in May."
    assert sales_markets(text) == [("BYD", 380000, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Skoda had a record half. Its largest market remains Germany, where Skoda sold 104,900 cars, in the "
            "Czech Republic the brand delivered 42,300 vehicles.",
            [("Skoda", 104900, "Germany"), ("Skoda", 42300, "Czech Republic")],
            id="market-where-maker-sold",
        ),
        pytest.param(
            "Volvo Cars grew in the US. Its biggest market was China, where it delivered 40,000 cars in the quarter.",
            [("Volvo Cars", 40000, "China")],
            id="market-where-it-delivered",
        ),
    ],
)
def test_sales_market_named_before_a_where_clause(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert sales_markets(text) == expected


def test_sales_by_a_makers_full_legal_name_go_to_the_maker() -> None:
    text = "VinFast Trading and Production JSC (VinFast) said it handed over 20,000 electric cars in the second quarter."
    assert [(org, quantity) for org, quantity, _ in sales_markets(text)] == [("VinFast", 20000)]


def test_sales_emplaced_is_translated_registered() -> None:
    # Brazilian "emplacar" (to register a vehicle), machine-translated
    article = Article(
        "t",
        "In the first semester, the BYD emplaced 40,000 vehicles in Brazil.",
        date=datetime.date(2025, 7, 5),
    )
    facts = [f for f in extract_article(article) if f.type == "sales"]
    assert [(f.fields["org"], f.fields["quantity"], f.fields["metric"]) for f in facts] == [
        ("BYD", 40000, "registrations")
    ]
