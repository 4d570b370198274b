"""Units named by their owner's pronoun, or only called a unit: sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.extract.facts.ownership_kit import link, links


@pytest.mark.parametrize(
    ("text", "parent", "children"),
    [
        (
            "Geely sold 300,000 cars. Its brands Zeekr and Lynk & Co grew fastest.",
            "Zhejiang Geely Holding",
            ["Zeekr", "Lynk & Co"],
        ),
        (
            "NIO delivered 20,000 cars. Its sub-brands Onvo and Firefly are new growth engines.",
            "NIO",
            ["Onvo", "Firefly"],
        ),
        (
            "Stellantis reported results. Its premium brands Alfa Romeo and Maserati lost money.",
            "Stellantis",
            ["Alfa Romeo", "Maserati"],
        ),
    ],
)
def test_units_listed_after_a_possessive_pronoun(text: str, parent: str, children: list[str]) -> None:
    found = links(text)
    for child in children:
        assert link(parent, child, None) in found


def test_partners_listed_after_a_pronoun_are_no_units() -> None:
    found = links("NIO delivered 20,000 cars. Its partners CATL and Tencent supply cells and software.")
    assert not {link("NIO", "CATL", None), link("NIO", "Tencent", None)} & found


def test_a_company_called_the_unit_belongs_to_its_kb_parent() -> None:
    text = "Panasonic Energy Co., the battery unit, started mass production in De Soto."
    assert link("Panasonic Holdings", "Panasonic Energy", None) in links(text)


def test_consortium_owners_and_a_stake_after_the_list() -> None:
    text = "Togg is owned by a consortium of Anadolu Group, Turkcell and Zorlu Holding, with TOBB holding a 5% stake."
    found = links(text)
    assert {
        link("Anadolu Group", "Togg", None),
        link("Turkcell", "Togg", None),
        link("Zorlu Holding", "Togg", None),
    } <= found
    assert link("TOBB", "Togg", 5) in found
