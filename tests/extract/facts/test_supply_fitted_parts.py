"""Supply stated as a supplier's part fitted on a customer's models, and to a customer plus its affiliate."""

from __future__ import annotations

import pytest

from evintel.extract import extract_article
from evintel.models import Article


def supply_triples(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    return {
        (str(f.fields["supplier"]), str(f.fields["customer"]), tuple(f.fields["items"] or ()))
        for f in extract_article(Article("t", text))
        if f.type == "supply"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "So far, Bosch's long-range radar is standard equipped on every Volvo model sold in Europe.",
            {("Bosch", "Volvo Cars", ("long-range radar",))},
            id="standard-equipped-on",
        ),
        pytest.param(
            "Horizon Robotics' Journey 6 chip will be installed in the new Chery SUV.",
            {("Horizon Robotics", "Chery Automobile", ("Journey 6 chip",))},
            id="will-be-installed-in",
        ),
        pytest.param(
            "Nvidia's Thor processor has been used in the latest sedans of Xpeng.",
            {("Nvidia", "XPeng", ("Thor processor",))},
            id="has-been-used-in-of",
        ),
        pytest.param(
            "Meanwhile Valeo's lidar sensors are fitted as standard on all of Stellantis' premium vehicles.",
            {("Valeo", "Stellantis", ("lidar sensors",))},
            id="fitted-as-standard-on",
        ),
    ],
)
def test_supply_suppliers_part_fitted_on_customers_models(
    text: str, expected: set[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert supply_triples(text) == expected


def test_supply_fitted_on_is_not_read_as_the_customer_fitting_items() -> None:
    # "⟨S⟩'s lidar is equipped on the range of ⟨C⟩'s cars": ⟨S⟩ is no customer fitting "on the range" of ⟨C⟩
    text = "Hesai's ATX lidar is already equipped on the whole range of BYD's Dynasty models."
    assert supply_triples(text) == {("Hesai Technology", "BYD", ("ATX lidar",))}


@pytest.mark.parametrize(
    ("text", "customers"),
    [
        pytest.param(
            "Ganfeng Lithium agreed to deliver lithium hydroxide to Hyundai Motor and its affiliate Kia from 2027.",
            {"Hyundai Motor Company", "Kia"},
            id="and-its-affiliate",
        ),
        pytest.param(
            "Bosch will supply inverters to Volkswagen and its subsidiary Audi.",
            {"Volkswagen Group", "Audi"},
            id="and-its-subsidiary",
        ),
        pytest.param(
            "LG Energy Solution provides pouch cells to Stellantis and its brand Opel.",
            {"Stellantis", "Opel"},
            id="and-its-brand",
        ),
    ],
)
def test_supply_to_a_customer_and_its_affiliate(text: str, customers: set[str]) -> None:
    found = supply_triples(text)
    assert {customer for _, customer, _ in found} == customers
    assert len(found) == len(customers)


def test_supply_to_a_customer_and_its_affiliate_is_one_agreement_of_three() -> None:
    text = (
        "Tianqi Lithium agreed to supply battery-grade lithium carbonate to Volkswagen and its subsidiary Audi "
        "from 2026 through 2030, the company said."
    )
    facts = extract_article(Article("t", text))
    assert [f.fields["parties"] for f in facts if f.type == "partnership"] == [
        ["Tianqi Lithium", "Volkswagen Group", "Audi"]
    ]
    assert {f.fields["customer"] for f in facts if f.type == "supply"} == {"Volkswagen Group", "Audi"}


@pytest.mark.parametrize(
    "text",
    [
        "Chery is in talks to buy Nissan's Rosslyn plant north of Pretoria.",
        "Geely agreed to buy Ford's Valencia factory in Spain.",
        "Leapmotor will take over the Stellantis site near Zaragoza.",
    ],
)
def test_supply_no_supply_from_buying_a_site(text: str) -> None:
    assert supply_triples(text) == set()
