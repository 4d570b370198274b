"""Ownership told as a takeover (passives and nouns of acquisition), end to end through the extractor."""

from __future__ import annotations

from typing import Any

import pytest
from ownership_kit import link, links


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Li-Cycle was acquired by Glencore in 2025.",
            link("Glencore", "Li-Cycle", None),
            id="was-acquired-by",
        ),
        pytest.param(
            "Li-Cycle was bought by Glencore for $40 million.",
            link("Glencore", "Li-Cycle", None),
            id="was-bought-by",
        ),
        pytest.param(
            "Proterra, acquired by Volvo Group last year, makes batteries.",
            link("Volvo Group", "Proterra", None),
            id="apposed-acquired-by",
        ),
        pytest.param(
            "Li-Cycle, which was taken over by Glencore, restarted a plant.",
            link("Glencore", "Li-Cycle", None),
            id="which-was-taken-over-by",
        ),
        pytest.param(
            "Orders came from Proterra, acquired by Volvo Group in 2023.",
            link("Volvo Group", "Proterra", None),
            id="apposed-after-a-preposition",
        ),
    ],
)
def test_ownership_takeovers_passive_acquisition(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Glencore completed its takeover of Li-Cycle.",
            link("Glencore", "Li-Cycle", None),
            id="completed-its-takeover",
        ),
        pytest.param(
            "Glencore's takeover of Li-Cycle closed on Friday.",
            link("Glencore", "Li-Cycle", None),
            id="possessive-takeover-of",
        ),
        pytest.param(
            "Glencore's $40 million acquisition of Li-Cycle was completed.",
            link("Glencore", "Li-Cycle", None),
            id="possessive-priced-acquisition-of",
        ),
        pytest.param(
            "The sale of Li-Cycle to Glencore was completed in August.",
            link("Glencore", "Li-Cycle", None),
            id="sale-of-to-completed",
        ),
        pytest.param(
            "Tesla acquired German engineering firm Grohmann Automation in 2017.",
            link("Tesla", "Grohmann Automation", None),
            id="acquired-described-firm",
        ),
    ],
)
def test_ownership_takeovers_nouns_of_acquisition(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Skoda has been part of Volkswagen Group since 1991.",
            link("Volkswagen Group", "Skoda", None),
            id="has-been-part-of",
        ),
        pytest.param(
            "Daihatsu became a wholly owned subsidiary of Toyota in 2016.",
            link("Toyota Motor", "Daihatsu", 100),
            id="became-wholly-owned-subsidiary-of",
        ),
        pytest.param(
            "Geely now owns all of Volvo Cars.",
            link("Zhejiang Geely Holding", "Volvo Cars", 100),
            id="owns-all-of",
        ),
        pytest.param(
            "Renault bought out Nissan's stake in Ampere.",
            link("Renault Group", "Ampere", None),
            id="bought-out-stake",
        ),
        pytest.param(
            "Renault acquired Nissan's remaining stake in Ampere.",
            link("Renault Group", "Ampere", 100),
            id="acquired-remaining-stake",
        ),
        pytest.param(
            "Mercedes-Benz cut its stake in BAIC Motor to 5%.",
            link("Mercedes-Benz Group", "BAIC Motor", 5),
            id="cut-stake-to",
        ),
        pytest.param(
            "Renault reduced its stake in Nissan from 36% to 15 percent.",
            link("Renault Group", "Nissan Motor", 15),
            id="reduced-stake-from-to",
        ),
    ],
)
def test_ownership_takeovers_holding_after_a_deal(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The former plant of General Motors was acquired by Tesla.", id="plant-of-acquired"),
        pytest.param("Cells from CATL were bought by Tesla.", id="goods-bought"),
        pytest.param("Glencore's planned acquisition of Li-Cycle was blocked.", id="planned-blocked"),
        pytest.param("Honda's proposed takeover of Nissan collapsed in February.", id="proposed-collapsed"),
        pytest.param(
            "Lyten completed its acquisition of the Northvolt plant in Poland.", id="acquisition-of-a-plant"
        ),
        pytest.param("Ford agreed the sale of its Saarlouis plant to BYD.", id="sale-agreed-of-a-plant"),
        pytest.param("Volkswagen's purchase of chips from Infineon rose.", id="purchase-of-goods"),
        pytest.param("BYD has been a supplier of Toyota since 2020.", id="has-been-a-supplier-of"),
        pytest.param("Stellantis cut its prices in China to 5% below rivals.", id="cut-prices"),
    ],
)
def test_ownership_takeovers_no_takeover_of_the_company(text: str) -> None:
    assert links(text) == set(), links(text)


@pytest.mark.parametrize(
    ("text", "child"),
    [
        ("Scania completed its purchase of Northvolt Systems Industrial.", "northvolt systems industrial"),
        ("Lyten already took over Northvolt Dwa ESS, the storage plant in Gdansk.", "northvolt dwa ess"),
        ("Stellantis completed its acquisition of Kestrel Battery Systems.", "kestrel battery systems"),
    ],
)
def test_ownership_takeovers_a_longer_name_after_a_known_one_is_the_company_bought(text: str, child: str) -> None:
    assert {c for _p, c, _s in links(text)} == {child}
