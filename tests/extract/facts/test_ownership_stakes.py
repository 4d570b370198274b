"""Ownership told as a stake changing hands or in translated word order, end to end through the extractor."""

from __future__ import annotations

from typing import Any

import pytest
from ownership_kit import link, links

from evintel.evaluate import normalize_entity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "For now Fuso is owned to 89.3% by Daimler Truck.",
            [link("Daimler Truck", "Mitsubishi Fuso", 89.3)],
            id="owned-to-pct-by",
        ),
        pytest.param(
            "Northvolt is held at 21 percent by Volkswagen Group, the filing shows.",
            [link("Volkswagen Group", "Northvolt", 21)],
            id="held-at-pct-by",
        ),
        pytest.param(
            "Renault Korea is controlled to 52.82 per cent by Renault Group and to 34.02 per cent by Geely.",
            [
                link("Renault Group", "Renault Korea", 52.82),
                link("Zhejiang Geely Holding", "Renault Korea", 34.02),
            ],
            id="controlled-to-pct-by-and-a-second-owner",
        ),
    ],
)
def test_ownership_stakes_translated_passive_with_a_stake(
    text: str, expected: list[tuple[str, str, Any]]
) -> None:
    assert set(expected) <= links(text), links(text)


def test_ownership_stakes_passive_stake_is_no_stake_of_the_company_named_before() -> None:
    found = links("Toyota holds 50.1% of Hino shares, and Fuso is owned to 89.3% by Daimler Truck.")
    assert not any(child == normalize_entity("Hino Motors") and stake == 89.3 for _, child, stake in found), (
        found
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Vale completed the sale of a 10% stake in its base metals unit to Manara Minerals for $2.5 billion.",
            link("Manara Minerals", "Vale Base Metals", 10),
            id="sale-of-stake-in-its-unit-to",
        ),
        pytest.param(
            "Brazil's Vale sold a 10% stake in Vale's base metals business to Manara Minerals.",
            link("Manara Minerals", "Vale Base Metals", 10),
            id="sold-stake-in-possessive-unit-to",
        ),
        pytest.param(
            "Renault sold its 5 percent stake in Nissan to Mitsubishi Corporation last week.",
            link("Mitsubishi Corporation", "Nissan Motor", 5),
            id="sold-stake-in-to",
        ),
        pytest.param(
            "Stellantis transferred a 51% stake in Leapmotor International to Leapmotor.",
            link("Leapmotor", "Leapmotor International", 51),
            id="transfer-stake-to",
        ),
    ],
)
def test_ownership_stakes_a_stake_sold_belongs_to_the_buyer(
    text: str, expected: tuple[str, str, Any]
) -> None:
    assert expected in links(text), links(text)


def test_ownership_stakes_the_seller_keeps_the_rest_of_the_unit() -> None:
    text = "Vale sold a 10% stake in its base metals unit to Manara Minerals. Vale retains the remaining 90%."
    assert link("Vale", "Vale Base Metals", 90) in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Norwegian aluminium group Hydro has taken over Northvolt's 50 per cent share in Hydrovolt, turning "
            "the plant into a "
            "wholly-owned subsidiary.",
            link("Hydro", "Hydrovolt", 100),
            id="taken-over-share-into-wholly-owned",
        ),
        pytest.param(
            "LG Energy Solution bought General Motors' remaining 50% stake in Ultium Cells.",
            link("LG Energy Solution", "Ultium Cells", 100),
            id="bought-remaining-stake",
        ),
        pytest.param(
            "Stellantis acquired Dongfeng's 12% stake in Leapmotor last year.",
            link("Stellantis", "Leapmotor", None),
            id="acquired-someone-s-stake",
        ),
    ],
)
def test_ownership_stakes_buying_another_holder_s_stake(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "POSCO Holdings owns 82 percent of POSCO Pilbara Lithium Solution, with Australia's Pilbara Minerals "
            "holding the rest.",
            link("Pilbara Minerals", "POSCO Pilbara Lithium Solution", 18),
            id="with-holding-the-rest",
        ),
        pytest.param(
            "Stellantis holds 51% of Leapmotor International, while Leapmotor owns the remainder.",
            link("Leapmotor", "Leapmotor International", 49),
            id="while-owns-the-remainder",
        ),
        pytest.param(
            "Geely owns 49.9 percent of Proton and DRB-Hicom keeps the balance.",
            link("DRB-Hicom", "Proton", 50.1),
            id="and-keeps-the-balance",
        ),
    ],
)
def test_ownership_stakes_the_rest_is_the_other_holder_s(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


def test_ownership_stakes_the_rest_of_a_company_named_earlier_is_not_guessed() -> None:
    text = "Geely owns 49.9 percent of Proton. Sales rose, with DRB-Hicom holding the rest of the order book."
    assert not any(parent == normalize_entity("DRB-Hicom") for parent, _, _ in links(text)), links(text)


@pytest.mark.parametrize(
    ("text", "not_child"),
    [
        pytest.param(
            "Geely owns 49.9 percent of Proton and DRB-Hicom keeps the balance.", "DRB-Hicom", id="keeps"
        ),
        pytest.param(
            "Stellantis holds 21% of Leapmotor and Dongfeng holds 5%.", "Dongfeng Motor", id="holds"
        ),
        pytest.param("Amazon owns 16 percent of Rivian and Ford has a small stake.", "Ford Motor", id="has"),
    ],
)
def test_ownership_stakes_a_second_holder_is_no_second_company_held(text: str, not_child: str) -> None:
    assert not any(child == normalize_entity(not_child) for _, child, _ in links(text)), links(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Renault has agreed to sell a 5 percent stake in Nissan to Honda Motor.", id="agreed-to-sell"
        ),
        pytest.param("Stellantis will sell its 21% stake in Leapmotor to Dongfeng Motor.", id="will-sell"),
        pytest.param("Ford plans the sale of a 10% stake in Rivian to Amazon.", id="plans-the-sale"),
    ],
)
def test_ownership_stakes_a_sale_not_yet_done_gives_the_buyer_nothing(text: str) -> None:
    buyers = {normalize_entity(n) for n in ("Honda Motor", "Dongfeng Motor", "Amazon")}
    assert not any(parent in buyers for parent, _, _ in links(text)), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Horse Powertrain is owned at 45% by Renault, 45% by Geely and 10% by Aramco.",
            {
                link("Renault Group", "Horse Powertrain", 45),
                link("Zhejiang Geely Holding", "Horse Powertrain", 45),
                link("Saudi Aramco", "Horse Powertrain", 10),
            },
            id="owned-at-list-of-three",
        ),
        pytest.param(
            "Ultium Cells will be owned 50% by General Motors and 50% by LG Energy Solution.",
            {link("General Motors", "Ultium Cells", 50), link("LG Energy Solution", "Ultium Cells", 50)},
            id="owned-pct-by-and-pct-by",
        ),
        pytest.param(
            "Renault Korea is controlled to 52.82 per cent by Renault Group and to 34.02 per cent by Geely.",
            {
                link("Renault Group", "Renault Korea", 52.82),
                link("Zhejiang Geely Holding", "Renault Korea", 34.02),
            },
            id="controlled-to-and-to",
        ),
        pytest.param(
            "Proton, 50.1 per cent owned by DRB-Hicom and 49.9 per cent by China's Geely, sold more cars.",
            {link("DRB-Hicom", "Proton", 50.1), link("Zhejiang Geely Holding", "Proton", 49.9)},
            id="pct-owned-by-and-pct-by",
        ),
        pytest.param(
            "Horse Powertrain is 45% owned by Renault, 45% by Geely and 10% by Aramco.",
            {
                link("Renault Group", "Horse Powertrain", 45),
                link("Zhejiang Geely Holding", "Horse Powertrain", 45),
                link("Saudi Aramco", "Horse Powertrain", 10),
            },
            id="pct-owned-by-list-of-three",
        ),
    ],
)
def test_ownership_stakes_owners_listed_after_one_passive(
    text: str, expected: set[tuple[str, str, Any]]
) -> None:
    assert expected <= links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Stellantis possesses 21% of Leapmotor.",
            link("Stellantis", "Leapmotor", 21),
            id="possesses-pct-of",
        ),
        pytest.param(
            "Stellantis participates with 21% in Leapmotor.",
            link("Stellantis", "Leapmotor", 21),
            id="participates-with-pct-in",
        ),
        pytest.param(
            "Volkswagen entered the capital of XPeng with 4.99%.",
            link("Volkswagen Group", "XPeng", 4.99),
            id="entered-the-capital-with",
        ),
        pytest.param(
            "Volkswagen is present in the capital of XPeng since 2023.",
            link("Volkswagen Group", "XPeng", None),
            id="present-in-the-capital",
        ),
        pytest.param(
            "Leapmotor counts Stellantis among its shareholders with 21%.",
            link("Stellantis", "Leapmotor", 21),
            id="counts-among-its-shareholders",
        ),
        pytest.param(
            "Leapmotor has as main shareholder Stellantis with 21%.",
            link("Stellantis", "Leapmotor", 21),
            id="has-as-main-shareholder",
        ),
        pytest.param(
            "Renault remains the first shareholder of Nissan with 35.7%.",
            link("Renault Group", "Nissan Motor", 35.7),
            id="first-shareholder-of",
        ),
        pytest.param(
            "Ampere, subsidiary of the Renault group, will build the R5.",
            link("Renault Group", "Ampere", None),
            id="subsidiary-of-without-article",
        ),
        pytest.param(
            "Geely holds the majority of Lotus Technology.",
            link("Zhejiang Geely Holding", "Lotus", None),
            id="holds-the-majority-of",
        ),
        pytest.param(
            "The participation of Stellantis in Leapmotor is 21%.",
            link("Stellantis", "Leapmotor", 21),
            id="participation-of-in-is",
        ),
        pytest.param(
            "The shareholding of Toyota in the capital of Subaru reached 20%.",
            link("Toyota Motor", "Subaru", 20),
            id="shareholding-of-in-the-capital-of",
        ),
    ],
)
def test_ownership_stakes_translated_shareholder_phrasings(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Volkswagen is with 75 percent at Traton involved.",
            link("Volkswagen Group", "Traton", 75),
            id="is-with-pct-at-involved",
        ),
        pytest.param(
            "Volkswagen is at Northvolt involved with around 21 percent.",
            link("Volkswagen Group", "Northvolt", 21),
            id="is-at-involved-with-pct",
        ),
        pytest.param(
            "At Northvolt, Volkswagen is involved with around 21 percent.",
            link("Volkswagen Group", "Northvolt", 21),
            id="at-c-p-is-involved-with",
        ),
        pytest.param(
            "Volkswagen holds at Traton 89.7 percent.",
            link("Volkswagen Group", "Traton", 89.7),
            id="holds-at-c-pct",
        ),
        pytest.param(
            "BMW owns 75 percent at the joint venture BMW Brilliance.",
            link("BMW Group", "BMW Brilliance Automotive", 75),
            id="owns-pct-at-c",
        ),
        pytest.param(
            "Renault has a 36% participation in Nissan.",
            link("Renault Group", "Nissan Motor", 36),
            id="pct-participation-in",
        ),
        pytest.param(
            "Toyota holds a participation of 20% in the capital of Subaru.",
            link("Toyota Motor", "Subaru", 20),
            id="participation-of-pct-in-the-capital-of",
        ),
    ],
)
def test_ownership_stakes_translated_involvement(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("BMW is at Toyota involved in hydrogen talks.", id="involved-in-talks"),
        pytest.param("Tesla has at Panasonic a reliable supplier.", id="has-at-a-supplier"),
        pytest.param("Volkswagen holds at its Wolfsburg plant 60,000 workers.", id="holds-at-a-plant"),
    ],
)
def test_ownership_stakes_involvement_needs_a_stake(text: str) -> None:
    assert links(text) == set(), links(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ford sold a 10% stake in its Kentucky plant to SK On.", id="its-plant"),
        pytest.param("Vale sold a 5% stake in Vale's Sudbury mine to Glencore.", id="possessive-mine"),
        pytest.param(
            "General Motors sold a 50% stake in its Lansing factory to LG Energy Solution.", id="its-factory"
        ),
    ],
)
def test_ownership_stakes_a_stake_in_a_site_sold_is_no_stake_in_the_company(text: str) -> None:
    assert links(text) == set(), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The ore goes to POSCO Pilbara Lithium Solution in Gwangyang. POSCO Holdings owns 82 percent of that "
            "venture, with Australia's Pilbara Minerals holding the rest.",
            {
                link("POSCO Holdings", "POSCO Pilbara Lithium Solution", 82),
                link("Pilbara Minerals", "POSCO Pilbara Lithium Solution", 18),
            },
            id="that-venture-and-the-rest",
        ),
        pytest.param(
            "Ultium Cells opened a second plant. General Motors holds 50% of the joint venture.",
            {link("General Motors", "Ultium Cells", 50)},
            id="the-joint-venture-named-before",
        ),
        pytest.param(
            "BlueOval SK is hiring in Kentucky. Ford will own 50 percent of this venture.",
            {link("Ford Motor", "BlueOval SK", 50)},
            id="this-venture",
        ),
    ],
)
def test_ownership_stakes_a_stake_in_that_venture(text: str, expected: set[tuple[str, str, Any]]) -> None:
    assert expected <= links(text), links(text)


def test_ownership_stakes_that_venture_needs_a_known_venture() -> None:
    assert links("Tesla sold more cars. Panasonic owns 10 percent of that venture.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Nissan's 34% stake in Mitsubishi Motors makes it the largest shareholder.",
            link("Nissan Motor", "Mitsubishi Motors", 34),
            id="possessive-pct-stake-in",
        ),
        pytest.param(
            "Renault's 43% stake in Nissan was cut to 15%.",
            link("Renault Group", "Nissan Motor", 15),
            id="possessive-stake-cut-to",
        ),
        pytest.param(
            "Analysts value Toyota's roughly 20 percent holding in Subaru at $3 billion.",
            link("Toyota Motor", "Subaru", 20),
            id="possessive-holding-in",
        ),
        pytest.param(
            "Leapmotor counts Stellantis as a 21% shareholder.",
            link("Stellantis", "Leapmotor", 21),
            id="counts-as-a-pct-shareholder",
        ),
    ],
)
def test_ownership_stakes_a_holder_s_stake_named_as_a_noun(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Hydro bought Northvolt's 50% stake in Hydrovolt.", id="bought-someone-s-stake"),
        pytest.param("Renault's 5% stake in Nissan was sold to a trust.", id="stake-was-sold"),
        pytest.param("The sale of Ford's 10% stake in Rivian is planned.", id="sale-of-someone-s-stake"),
    ],
)
def test_ownership_stakes_a_stake_changing_hands_is_not_its_seller_s(text: str) -> None:
    sellers = {normalize_entity(n) for n in ("Northvolt", "Renault Group", "Ford Motor")}
    assert not any(parent in sellers for parent, _, _ in links(text)), links(text)
