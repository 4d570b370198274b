"""Ownership told in asides, relative clauses and descriptors, end to end through the extractor."""

from __future__ import annotations

from typing import Any

import pytest
from ownership_kit import link, links


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Hero MotoCorp, Ather's largest shareholder with a 38 per cent stake, joined the rights issue.",
            link("Hero MotoCorp", "Ather Energy", 38),
            id="largest-shareholder-with-stake",
        ),
        pytest.param(
            "Geely, Proton's second-largest shareholder holding 49.9%, backs the plan.",
            link("Zhejiang Geely Holding", "Proton", 49.9),
            id="shareholder-holding-pct",
        ),
        pytest.param(
            "Stellantis, Leapmotor's biggest investor, will sell the cars in Europe.",
            link("Stellantis", "Leapmotor", None),
            id="biggest-investor",
        ),
        pytest.param(
            "Tianqi, owner of 22% of SQM, opposed the deal.",
            link("Tianqi Lithium", "SQM", 22),
            id="owner-of-pct-of",
        ),
        pytest.param(
            "The move was criticised by Stellantis, which is the holder of about 21 percent of Leapmotor.",
            link("Stellantis", "Leapmotor", 21),
            id="holder-of-pct-of",
        ),
    ],
)
def test_ownership_clauses_owner_in_apposition(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Symbio, the hydrogen joint venture that Forvia, Michelin and Stellantis hold each at 33.3%, is in trouble.",
            {link(p, "Symbio", 33.3) for p in ("Forvia", "Michelin", "Stellantis")},
            id="venture-that-they-hold-each-at",
        ),
        pytest.param(
            "Ultium Cells, the battery company that LG Energy Solution and General Motors each own 50 percent of, "
            "hires.",
            {link(p, "Ultium Cells", 50) for p in ("LG Energy Solution", "General Motors")},
            id="company-that-they-each-own",
        ),
        pytest.param(
            "Siro, the battery company established by Togg and China's Farasis Energy with equal shares, will invest.",
            {link(p, "Siro", 50) for p in ("Togg", "Farasis Energy")},
            id="established-by-with-equal-shares",
        ),
        pytest.param(
            "Ultium Cells, a joint venture set up by LG Energy Solution and General Motors, hires 500 people.",
            {link(p, "Ultium Cells", None) for p in ("LG Energy Solution", "General Motors")},
            id="venture-set-up-by",
        ),
    ],
)
def test_ownership_clauses_owners_of_a_descriptor(text: str, expected: set[tuple[str, str, Any]]) -> None:
    assert expected <= links(text), links(text)


def test_ownership_clauses_founders_alone_are_no_owners() -> None:
    assert links("Rivian, the start-up founded by RJ Scaringe, delivered vans to Amazon.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Norton, the British motorcycle maker TVS bought in 2020, will show an electric bike.",
            link("TVS Motor", "Norton", None),
            id="maker-p-bought",
        ),
        pytest.param(
            "Li-Cycle, the recycler that Glencore acquired last year, restarted its plant.",
            link("Glencore", "Li-Cycle", None),
            id="recycler-that-p-acquired",
        ),
        pytest.param(
            "Volvo Cars, the Swedish brand Geely purchased from Ford, sold more cars.",
            link("Geely Auto", "Volvo Cars", None),
            id="brand-p-purchased",
        ),
    ],
)
def test_ownership_clauses_company_a_buyer_bought(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


def test_ownership_clauses_a_stake_bought_is_no_takeover() -> None:
    assert links("Leapmotor, the carmaker Stellantis bought a stake in, grew fast.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "EVE Energy said the company's wholly-owned subsidiary EVE Power broke ground in Hungary.",
            link("EVE Energy", "EVE Power", 100),
            id="the-company-s-wholly-owned-subsidiary",
        ),
        pytest.param(
            "Hyundai Motor said its luxury brand Genesis will add an electric SUV.",
            link("Hyundai Motor", "Genesis", None),
            id="its-luxury-brand",
        ),
        pytest.param(
            "LG Chem reported results; the group's battery unit LG Energy Solution lost money.",
            link("LG Chem", "LG Energy Solution", None),
            id="the-group-s-battery-unit",
        ),
    ],
)
def test_ownership_clauses_unit_of_a_possessive_pronoun(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Harbinger closed a funding round with participation from THOR Industries, which already holds a minority "
            "stake.",
            link("THOR Industries", "Harbinger Motors", None),
            id="which-already-holds-a-minority-stake",
        ),
        pytest.param(
            "Rivian raised new money from Amazon, which owns a 16% stake.",
            link("Amazon", "Rivian", 16),
            id="which-owns-a-pct-stake",
        ),
        pytest.param(
            "Lucid Group drew more cash from Public Investment Fund, which holds a majority stake, and from banks.",
            link("Public Investment Fund", "Lucid", None),
            id="which-holds-a-majority-stake",
        ),
    ],
)
def test_ownership_clauses_relative_stake_in_the_sentence_subject(
    text: str, expected: tuple[str, str, Any]
) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Scania is part of Traton, Volkswagen's truck and bus group.",
            link("Volkswagen Group", "Traton", None),
            id="truck-and-bus-group",
        ),
        pytest.param(
            "Orders went to Zeekr, Geely's premium electric group.",
            link("Zhejiang Geely Holding", "Zeekr", None),
            id="premium-electric-group",
        ),
        pytest.param(
            "The cells come from LG Energy Solution, LG Chem's battery holding, and from CATL.",
            link("LG Chem", "LG Energy Solution", None),
            id="battery-holding",
        ),
    ],
)
def test_ownership_clauses_group_in_apposition(text: str, expected: tuple[str, str, Any]) -> None:
    found = {(p, c) for p, c, _ in links(text)}
    assert expected[:2] in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mahle belongs to 99.9 percent to the Mahle-Stiftung.",
            link("Mahle-Stiftung", "Mahle", 99.9),
            id="hyphenated-stiftung",
        ),
        pytest.param(
            "ZF Friedrichshafen is owned to 93.8% by the Zeppelin Foundation.",
            link("Zeppelin-Stiftung", "ZF Friedrichshafen", 93.8),
            id="foundation",
        ),
        pytest.param(
            "Bosch is 94 percent owned by the Robert Bosch Stiftung, a charity.",
            link("Robert Bosch Stiftung", "Bosch", 94),
            id="stiftung-of-a-person-named-company",
        ),
    ],
)
def test_ownership_clauses_a_foundation_is_an_owner_apart_from_its_company(
    text: str, expected: tuple[str, str, Any]
) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Money goes to Irizar e-mobility, the subsidiary of electric mobility of the Irizar group, for its plant.",
            link("Irizar", "Irizar e-mobility", None),
            id="subsidiary-of-field-of-group",
        ),
        pytest.param(
            "Orders went to Vale Base Metals, the unit of nickel and copper of Vale, last year.",
            link("Vale", "Vale Base Metals", None),
            id="unit-of-field-of",
        ),
        pytest.param(
            "Funds reach Traton, the division of trucks of Volkswagen Group, this year.",
            link("Volkswagen Group", "Traton", None),
            id="division-of-field-of",
        ),
    ],
)
def test_ownership_clauses_translated_unit_of_a_field_of_the_group(
    text: str, expected: tuple[str, str, Any]
) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Horizon Plus, the 60:40 joint venture between Arun Plus, a wholly owned subsidiary of PTT, and "
            "Taiwan's Foxconn, builds a plant.",
            {link("Arun Plus", "Horizon Plus", 60), link("Foxconn", "Horizon Plus", 40)},
            id="ratio-venture-with-an-aside",
        ),
        pytest.param(
            "Manara Minerals, a joint venture between Saudi Arabia's Ma'aden and the kingdom's Public Investment "
            "Fund, paid $2.5 billion.",
            {
                link("Ma'aden", "Manara Minerals", None),
                link("Public Investment Fund", "Manara Minerals", None),
            },
            id="venture-between-possessive-places",
        ),
        pytest.param(
            "Ultium Cells, the 50-50 venture of America's General Motors and Korea's LG Energy Solution, hires.",
            {link("General Motors", "Ultium Cells", 50), link("LG Energy Solution", "Ultium Cells", 50)},
            id="even-venture-of-possessive-places",
        ),
    ],
)
def test_ownership_clauses_venture_between_two_partners(
    text: str, expected: set[tuple[str, str, Any]]
) -> None:
    assert expected <= links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mercedes-Benz and Geely own Smart in equal parts.",
            {link(p, "smart", 50) for p in ("Mercedes-Benz Group", "Zhejiang Geely Holding")},
            id="own-in-equal-parts",
        ),
        pytest.param(
            "LG Energy Solution and General Motors each hold 50% of Ultium Cells.",
            {link(p, "Ultium Cells", 50) for p in ("LG Energy Solution", "General Motors")},
            id="each-hold-pct-of",
        ),
        pytest.param(
            "Forvia, Michelin and Stellantis jointly control Symbio.",
            {link(p, "Symbio", None) for p in ("Forvia", "Michelin", "Stellantis")},
            id="jointly-control",
        ),
        pytest.param(
            "Ultium Cells is a 50:50 joint venture between General Motors and LG Energy Solution.",
            {link(p, "Ultium Cells", 50) for p in ("LG Energy Solution", "General Motors")},
            id="is-a-ratio-venture-between",
        ),
    ],
)
def test_ownership_clauses_partners_named_together_own_the_company(
    text: str, expected: set[tuple[str, str, Any]]
) -> None:
    assert expected <= links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Scout Motors, a Volkswagen Group subsidiary, is building a plant.",
            link("Volkswagen Group", "Scout Motors", None),
            id="a-p-subsidiary",
        ),
        pytest.param(
            "The Volkswagen subsidiary Scania sold more trucks.",
            link("Volkswagen Group", "Scania", None),
            id="the-p-subsidiary-c",
        ),
        pytest.param(
            "Orders rose at Scania, a Traton company, in March.",
            link("Traton", "Scania", None),
            id="a-p-company",
        ),
        pytest.param(
            "The Geely brand Zeekr sold 20,000 cars.",
            link("Geely", "Zeekr", None),
            id="the-p-brand-c",
        ),
    ],
)
def test_ownership_clauses_owner_name_used_as_an_adjective(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


def test_ownership_clauses_a_company_named_as_a_customer_adjective_is_no_owner() -> None:
    assert links("Panasonic, a Tesla supplier, opened a plant in Kansas.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Lucid Group is majority owned by Saudi Arabia's sovereign wealth fund PIF.",
            link("Public Investment Fund", "Lucid Group", None),
            id="majority-owned-by-long-description",
        ),
        pytest.param(
            "VinFast is controlled by Vietnam's biggest private sector conglomerate Vingroup.",
            link("Vingroup", "VinFast", None),
            id="controlled-by-long-description",
        ),
        pytest.param(
            "Ampere is wholly owned by France's biggest listed car maker Renault Group.",
            link("Renault Group", "Ampere", 100),
            id="wholly-owned-by-long-description",
        ),
    ],
)
def test_ownership_clauses_owner_after_a_long_description(text: str, expected: tuple[str, str, Any]) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Hino, whose main shareholder is Toyota with 50.1%, sold trucks.",
            link("Toyota Motor", "Hino Motors", 50.1),
            id="whose-main-shareholder-is",
        ),
        pytest.param(
            "Leapmotor, whose largest shareholder is Stellantis, sells cheap cars.",
            link("Stellantis", "Leapmotor", None),
            id="whose-largest-shareholder-is",
        ),
        pytest.param(
            "The Renault Group, shareholder of Nissan at 15%, reported results.",
            link("Renault Group", "Nissan Motor", 15),
            id="apposed-shareholder-of-at",
        ),
        pytest.param(
            "Toyota, main shareholder of Hino, said the merger was agreed.",
            link("Toyota Motor", "Hino Motors", None),
            id="apposed-main-shareholder-of",
        ),
        pytest.param(
            "Ampere, 100% subsidiary of Renault, will build the R5.",
            link("Renault Group", "Ampere", 100),
            id="pct-subsidiary-of",
        ),
    ],
)
def test_ownership_clauses_shareholder_or_parent_named_in_an_aside(
    text: str, expected: tuple[str, str, Any]
) -> None:
    assert expected in links(text), links(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("BYD, whose largest market is China, sold 300,000 cars.", id="whose-market"),
        pytest.param("Volkswagen is present in China with 40 plants.", id="present-in-a-country"),
        pytest.param("Toyota has the majority of its plants in Japan.", id="majority-of-its-plants"),
        pytest.param("Nio counts Tesla among its rivals.", id="counts-among-rivals"),
        pytest.param("Hyundai, the Kia sister company, sold more cars.", id="sister-company"),
        pytest.param(
            "The sale of the stake of Northvolt in Hydrovolt to Hydro closed.", id="sale-of-the-stake-of"
        ),
        pytest.param(
            "The participation of Toyota in the Le Mans race was confirmed.", id="participation-in-a-race"
        ),
    ],
)
def test_ownership_clauses_look_alikes_are_no_ownership(text: str) -> None:
    assert links(text) == set(), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Zeekr is a brand under Geely.", {link("Zhejiang Geely Holding", "Zeekr", None)}, id="brand-under"
        ),
        pytest.param(
            "Deepal, the electric brand under Changan Automobile, grew fast.",
            {link("Changan Automobile", "Deepal", None)},
            id="the-electric-brand-under",
        ),
        pytest.param(
            "Avatr is jointly created by Changan Automobile, Huawei and CATL.",
            {link(p, "Avatr", None) for p in ("Changan Automobile", "Huawei", "CATL")},
            id="jointly-created-by",
        ),
        pytest.param(
            "Siro, the company jointly established by Togg and Farasis Energy, builds cells.",
            {link(p, "Siro", None) for p in ("Togg", "Farasis Energy")},
            id="company-jointly-established-by",
        ),
        pytest.param(
            "The Stellantis group, owner of the brands Peugeot and Citroen, sold more.",
            {link("Stellantis", p, None) for p in ("Peugeot", "Citroën")},
            id="owner-of-the-brands",
        ),
    ],
)
def test_ownership_clauses_translated_brand_and_founder_phrasings(
    text: str, expected: set[tuple[str, str, Any]]
) -> None:
    assert expected <= links(text), links(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Tesla, a company under pressure from BYD, cut prices.", id="under-pressure"),
        pytest.param("The deal was jointly announced by Ford and SK On.", id="jointly-announced"),
        pytest.param("The platform was co-developed by Toyota and BMW.", id="co-developed"),
    ],
)
def test_ownership_clauses_under_and_jointly_need_ownership_words(text: str) -> None:
    assert links(text) == set(), links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Orders went to Ultium Cells, the GM-LG Energy Solution joint venture, last year.",
            {link(p, "Ultium Cells", None) for p in ("General Motors", "LG Energy Solution")},
            id="apposed-paired-venture",
        ),
        pytest.param(
            "BlueOval SK, the 50:50 Ford-SK On battery venture, hires.",
            {link(p, "BlueOval SK", 50) for p in ("Ford Motor", "SK On")},
            id="apposed-ratio-paired-venture",
        ),
        pytest.param(
            "The Hyundai-LG joint venture HLI Green Power opened a plant.",
            {link("Hyundai Motor Group", "HLI Green Power", None)},
            id="the-paired-venture-named-after",
        ),
    ],
)
def test_ownership_clauses_venture_named_by_its_paired_partners(
    text: str, expected: set[tuple[str, str, Any]]
) -> None:
    assert expected <= links(text), links(text)


def test_ownership_clauses_a_paired_partnership_is_no_venture() -> None:
    assert links("Tesla, the Panasonic-Tesla partner, grew.") == set()
