"""Coordinated suppliers, supply agreements, reported supply and contract manufacturing: sentences written here."""

from __future__ import annotations

import pytest

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article


def pairs(text: str) -> set[tuple[str, str]]:
    return {
        (normalize_entity(f.fields["supplier"]), normalize_entity(f.fields["customer"]))
        for f in extract_article(Article("t", text))
        if f.type == "supply"
    }


def pair(supplier: str, customer: str) -> tuple[str, str]:
    return (normalize_entity(supplier), normalize_entity(customer))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Volvo Cars will source cells from Northvolt, which runs a plant in Sweden, and from the Chinese maker CATL.",
            {pair("Northvolt", "Volvo Cars"), pair("CATL", "Volvo Cars")},
        ),
        (
            "Stellantis signed agreements with Samsung SDI and CATL for the supply of battery cells.",
            {pair("Samsung SDI", "Stellantis"), pair("CATL", "Stellantis")},
        ),
        (
            "Honda has concluded an agreement with Umicore about the supply of cathode materials for its EVs.",
            {pair("Umicore", "Honda")},
        ),
        (
            "Kia said the battery packs for its new models will be supplied by SK On.",
            {pair("SK On", "Kia")},
        ),
        (
            "Toyota Motor Corp. signed a deal to buy lithium from Albemarle starting in 2026.",
            {pair("Albemarle", "Toyota")},
        ),
        (
            "Magna Steyr currently builds the Mercedes-Benz G-Class and the BMW Z4 in Graz.",
            {pair("Magna Steyr", "Mercedes-Benz"), pair("Magna Steyr", "BMW")},
        ),
    ],
)
def test_supply_phrasings(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= pairs(text)


def test_a_group_building_its_own_brands_models_supplies_nobody() -> None:
    assert pairs("BMW builds the MINI Cooper and the Rolls-Royce Spectre in England.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Under the agreement, Ford will take over the two battery plants in Kentucky from SK On.",
    ],
)
def test_no_supply_from_takeovers(text: str) -> None:
    found = pairs(text)
    assert pair("SK On", "Ford") not in found


def test_a_minority_owner_still_supplies_its_affiliate() -> None:
    assert pair("Nissan", "Mitsubishi Motors") in pairs(
        "Nissan will supply Mitsubishi Motors with an electric kei car."
    )
