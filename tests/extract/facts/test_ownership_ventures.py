"""Joint ventures and their owners, with shares: sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.extract.facts.ownership_kit import link, links


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ionna, the charging joint venture of BMW, the Honda Motor Company and the Kia Corporation, opened.",
            {("BMW", "Ionna", None), ("Honda", "Ionna", None), ("Kia", "Ionna", None)},
        ),
        (
            "Automotive Cells Company, the joint venture in equal parts among Stellantis, Mercedes-Benz and "
            "TotalEnergies, paused its Italian project.",
            {
                ("Stellantis", "Automotive Cells Company", 33.3),
                ("Mercedes-Benz", "Automotive Cells Company", 33.3),
                ("TotalEnergies", "Automotive Cells Company", 33.3),
            },
        ),
        (
            "Renault counts on Horse Powertrain, the engine joint venture that Renault shares with Geely "
            "(45 % each) and Saudi Aramco (10 %).",
            {
                ("Renault", "Horse Powertrain", 45),
                ("Zhejiang Geely Holding", "Horse Powertrain", 45),
                ("Saudi Aramco", "Horse Powertrain", 10),
            },
        ),
        (
            "BlueOval SK is owned in equal parts by Ford and SK On.",
            {("Ford", "BlueOval SK", 50), ("SK On", "BlueOval SK", 50)},
        ),
        (
            "Ultium Cells, which General Motors and LG Energy Solution own 50-50, hired 300 workers.",
            {("General Motors", "Ultium Cells", 50), ("LG Energy Solution", "Ultium Cells", 50)},
        ),
    ],
)
def test_venture_owners_and_shares(text: str, expected: set[tuple[str, str, object]]) -> None:
    found = links(text)
    for parent, child, stake in expected:
        assert link(parent, child, stake) in found


def test_plural_owners_of_a_venture_owned_in_equal_parts() -> None:
    text = "Daimler Truck and the Volvo Group set up a fuel-cell venture. cellcentric is owned in equal parts by the two truck makers."
    found = links(text)
    assert link("Daimler Truck", "cellcentric", 50) in found
    assert link("Volvo Group", "cellcentric", 50) in found


def test_each_side_holds_half_of_the_venture_named_after_its_noun() -> None:
    text = (
        "Together with Foxconn, Bosch operates the joint venture Foxbo, in which each side holds 50 percent."
    )
    found = links(text)
    assert {link("Foxconn", "Foxbo", 50), link("Bosch", "Foxbo", 50)} <= found


@pytest.mark.parametrize(
    ("text", "parent", "child", "stake"),
    [
        (
            "Ampere, the Renault Group's electric vehicle and software company, signed the deal.",
            "Renault Group",
            "Ampere",
            None,
        ),
        (
            "Tata Motors sold 50,000 cars. Its EVs are built by Tata Passenger Electric Mobility, its wholly owned subsidiary.",
            "Tata Motors",
            "Tata Passenger Electric Mobility",
            100,
        ),
        ("JSW Group holds a 35pc stake in JSW MG Motor India.", "JSW Group", "JSW MG Motor India", 35),
    ],
)
def test_possessive_appositions_and_pc_stakes(text: str, parent: str, child: str, stake: object) -> None:
    assert link(parent, child, stake) in links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Siro, the joint company in which Togg has 60% and the Chinese cell maker Farasis 40%, opened a plant.",
            {("Togg", "Siro", 60), ("Farasis Energy", "Siro", 40)},
        ),
        (
            "Tofas, the joint venture of Stellantis and Koc Holding in which each partner holds 37.8%, will build vans.",
            {("Stellantis", "Tofaş", 37.8), ("Koç Holding", "Tofaş", 37.8)},
        ),
    ],
)
def test_shares_listed_in_a_clause_about_the_venture(
    text: str, expected: set[tuple[str, str, object]]
) -> None:
    found = links(text)
    for parent, child, stake in expected:
        assert link(parent, child, stake) in found


def test_a_share_of_the_venture_is_not_also_read_as_a_share_of_the_company_before() -> None:
    text = (
        "Renault sold 20,000 cars in Spain. Ebro Factory, the joint society in which Chery has 30% and "
        "EV Motors 70%, plans 50,000 units."
    )
    assert not any(child == link("x", "Renault", None)[1] for _p, child, _s in links(text))
