"""Ownership rule, end to end through the extractor: parent, child and stake in many phrasings."""

from __future__ import annotations

from typing import Any

import pytest
from ownership_kit import ownership_of

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article, Fact


def same_org(actual: Any, expected: str) -> bool:
    """Name equality as the scorer sees it; `expected` may list alternatives "A|B"."""
    return normalize_entity(str(actual)) in {normalize_entity(e) for e in expected.split("|")}


def pairs(facts: list[Fact]) -> list[tuple[str, str, Any]]:
    return [(f.fields["parent"], f.fields["child"], f.fields["stake_pct"]) for f in facts]


def xfail(*values: Any, reason: str, id: str) -> Any:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason), id=id)


GEELY = "Zhejiang Geely Holding|Geely Auto"

# (text, parent, child, stake_pct)
STATED = [
    pytest.param(
        "Hyundai Motor Company holds a 34 percent stake in Kia.",
        "Hyundai Motor Company",
        "Kia",
        34,
        id="holds-stake-in",
    ),
    pytest.param(
        "Polestar, a subsidiary of Geely, reported higher revenue on Monday.",
        GEELY,
        "Polestar",
        None,
        id="a-subsidiary-of",
    ),
    pytest.param(
        "Volvo Cars is 78.7 percent owned by Geely.", GEELY, "Volvo Cars", 78.7, id="percent-owned-by"
    ),
    pytest.param(
        "Stellantis owns 21 percent of Leapmotor.", "Stellantis", "Leapmotor", 21, id="owns-percent-of"
    ),
    pytest.param(
        "Volkswagen Group acquired startup Velora Motors last year.",
        "Volkswagen Group",
        "Velora Motors",
        None,
        id="acquired-invented-startup",
    ),
    pytest.param(
        "Rolls-Royce, BMW Group's luxury marque, opened a new showroom in Dubai.",
        "BMW Group",
        "Rolls-Royce Motor Cars|Rolls-Royce",
        None,
        id="appositive-possessive-marque",
    ),
    pytest.param(
        "Scania, part of Traton, unveiled a new electric truck.", "Traton", "Scania", None, id="part-of"
    ),
    pytest.param(
        "Traton is wholly owned by Volkswagen Group.",
        "Volkswagen Group",
        "Traton",
        100,
        id="wholly-owned-is-100",
    ),
    pytest.param(
        "Kestrel Dynamics Inc., in which Toyota holds a 20 percent stake, builds electric vans.",
        "Toyota Motor|Toyota",
        "Kestrel Dynamics",
        20,
        id="in-which-holds",
    ),
    pytest.param(
        "The acquisition of Velora Motors by Rivian closed in March.",
        "Rivian",
        "Velora Motors",
        None,
        id="acquisition-of-by",
    ),
    pytest.param(
        "Tata Motors' Jaguar Land Rover unit reported record profits.",
        "Tata Motors",
        "Jaguar Land Rover",
        None,
        id="possessive-unit",
    ),
    pytest.param(
        "Kestrel Dynamics Inc. is majority-owned by Renault Group, which holds 62 percent.",
        "Renault Group",
        "Kestrel Dynamics",
        62,
        id="majority-owned-which-holds",
    ),
    pytest.param("Velora Motors belongs to Geely.", GEELY, "Velora Motors", None, id="belongs-to"),
    pytest.param(
        "Zeekr, which is controlled by Geely, delivered its first cars in Europe.",
        GEELY,
        "Zeekr",
        None,
        id="which-is-controlled-by",
    ),
    pytest.param(
        "Mercedes-Benz Group raised its stake in Kestrel Dynamics Inc. to 40 percent.",
        "Mercedes-Benz Group",
        "Kestrel Dynamics",
        40,
        id="raised-its-stake-to",
    ),
    pytest.param(
        "Renault Group lifted its holding in Velora Motors from 12 percent to 25 percent.",
        "Renault Group",
        "Velora Motors",
        25,
        id="lifted-holding-from-to",
    ),
    pytest.param(
        "Kestrel Dynamics Inc., which is majority-owned by China's Zhejiang Geely Holding, makes motors.",
        GEELY,
        "Kestrel Dynamics",
        None,
        id="owned-by-possessive-place",
    ),
    pytest.param(
        "Velora Motors now operates under the umbrella of Renault Group.",
        "Renault Group",
        "Velora Motors",
        None,
        id="under-the-umbrella-of",
    ),
    pytest.param(
        "Kestrel Dynamics Inc. came under the wing of Hyundai Motor Company in 2021.",
        "Hyundai Motor Company",
        "Kestrel Dynamics",
        None,
        id="under-the-wing-of",
    ),
    pytest.param(
        "Honda took a 10% stake in startup Velora Motors.",
        "Honda Motor|Honda",
        "Velora Motors",
        10,
        id="stake-in-startup-descriptor",
    ),
    pytest.param(
        "Honda took a 10% stake in Velora Motors.",
        "Honda Motor|Honda",
        "Velora Motors",
        10,
        id="took-stake-percent-sign",
    ),
    pytest.param(
        "Velora Motors, a unit of Kestrel Dynamics Inc., builds electric scooters.",
        "Kestrel Dynamics",
        "Velora Motors",
        None,
        id="unit-of-invented-parent",
    ),
]


@pytest.mark.parametrize(("text", "parent", "child", "stake"), STATED)
def test_ownership_stated_parent_child_stake(text: str, parent: str, child: str, stake: float | None) -> None:
    found = [f for f in ownership_of(text) if same_org(f.fields["child"], child)]
    assert len(found) == 1, pairs(ownership_of(text))
    fact = found[0]
    assert same_org(fact.fields["parent"], parent), fact.fields
    assert fact.fields["stake_pct"] == stake
    assert fact.confidence >= 0.5


def test_ownership_parent_company_of_a_brand_list_gives_one_fact_per_brand() -> None:
    found = ownership_of("Stellantis, the parent company of Jeep, Fiat and Peugeot, reported results.")
    assert sorted(f.fields["child"] for f in found) == ["Fiat", "Jeep", "Peugeot"]
    assert {f.fields["parent"] for f in found} == {"Stellantis"}


JOINT_VENTURES = [
    pytest.param(
        "Renault Group said Velora Motors, its 60:40 joint venture with Geely, builds engines.",
        {"Renault Group": 60, "Zhejiang Geely Holding": 40},
        id="its-ratio-venture-with",
    ),
    pytest.param(
        "Velora Motors, the 60:40 joint venture of Geely and Renault Group, builds engines.",
        {"Zhejiang Geely Holding": 60, "Renault Group": 40},
        id="the-ratio-venture-of",
    ),
    pytest.param(
        "Velora Motors, a joint venture in Ohio in which Renault Group holds 60 percent and Geely 40 percent, builds engines.",
        {"Renault Group": 60, "Zhejiang Geely Holding": 40},
        id="in-which-gapped-second-holder",
    ),
    pytest.param(
        "Geely and Renault Group are partners. The two companies run Velora Motors, a 60:40 engine joint venture in Spain.",
        {"Zhejiang Geely Holding": 60, "Renault Group": 40},
        id="ratio-noun-joint-venture",
    ),
    pytest.param(
        "Renault Group said Velora Motors, its 60:40 cell manufacturing venture with Geely, builds cells.",
        {"Renault Group": 60, "Zhejiang Geely Holding": 40},
        id="ratio-two-nouns-venture",
    ),
    pytest.param(
        "Renault Group and Geely set up a 60-40 battery materials joint venture called Velora Motors.",
        {"Renault Group": 60, "Zhejiang Geely Holding": 40},
        id="ratio-nouns-venture-called",
    ),
]


@pytest.mark.parametrize(("text", "shares"), JOINT_VENTURES)
def test_ownership_joint_venture_ratio_gives_each_partner_its_share(
    text: str, shares: dict[str, int]
) -> None:
    found = {
        normalize_entity(f.fields["parent"]): (f.fields["child"], f.fields["stake_pct"])
        for f in ownership_of(text)
    }
    assert found == {normalize_entity(parent): ("Velora Motors", pct) for parent, pct in shares.items()}


NOT_OWNERSHIP = [
    pytest.param("Mercedes-Benz Group sold its stake in Kestrel Dynamics Inc. in 2022.", id="sold-its-stake"),
    pytest.param("Toyota denied reports that it would acquire startup Velora Motors.", id="denied-reports"),
    pytest.param("BMW Group's Rimac partnership produced a new battery.", id="possessive-partnership"),
    pytest.param("Rivian has divested its 15 percent holding in Velora Motors.", id="divested"),
    pytest.param("Tesla's rival BYD sold more cars in the fourth quarter.", id="possessive-rival"),
    pytest.param("Nissan said it had no plans to buy a stake in Kestrel Dynamics Inc.", id="no-plans"),
    pytest.param("Geely called off its planned takeover of Velora Motors.", id="called-off"),
    pytest.param("Stellantis competes with Tesla and BYD in Europe.", id="competitors"),
    pytest.param("Ford has completed the sale of its stake in Rivian.", id="completed-sale-of-stake"),
    pytest.param(
        "Mercedes-Benz closed the divestment of its 35% holding in Daimler Truck.", id="closed-divestment"
    ),
    pytest.param("Renault finalised the sale of its Avtovaz stake last year.", id="finalised-sale"),
]


@pytest.mark.parametrize("text", NOT_OWNERSHIP)
def test_ownership_denied_sold_or_unrelated_yields_nothing(text: str) -> None:
    assert pairs(ownership_of(text)) == []


HEDGED = [
    pytest.param(
        "Honda is considering buying a stake in startup Velora Motors.", id="considering-buying-stake"
    ),
    pytest.param(
        "Geely is said to be in talks to acquire a 30 percent stake in Kestrel Dynamics Inc.",
        id="said-to-be-in-talks",
    ),
    pytest.param(
        "Stellantis may take over Velora Motors, according to people familiar with the matter.",
        id="may-take-over",
    ),
]


@pytest.mark.parametrize("text", HEDGED)
def test_ownership_hedged_stake_has_low_confidence(text: str) -> None:
    found = ownership_of(text)
    assert found, "a hedged deal is kept, with a lowered confidence"
    assert all(f.confidence < 0.5 and f.modality == "hedged" for f in found), [
        (f.fields, f.confidence) for f in found
    ]


# (text, {parent: stake}) for the company the article is about, Velora Motors: holders listed with a bare percentage.
LISTED_HOLDERS = [
    pytest.param(
        "Velora Motors builds electric vans. Founder Anika Rao holds 38 percent of the company, and trading house "
        "Marubeni owns 9 percent.",
        {"Anika Rao": 38, "Marubeni": 9},
        id="founder-person-and-gapped-holder",
    ),
    pytest.param(
        "Velora Motors makes vans. Renault Group acquired a 70 percent stake in Velora Motors last year. "
        "The founding Ibarra family keeps the remaining 30 percent.",
        {"Renault Group": 70, "Ibarra family": 30},
        id="remaining-percent-next-sentence",
    ),
    pytest.param(
        "Velora Motors was spun off from Renault Group in 2019. It was set up as a spin-off from Renault Group, "
        "which still holds 12 percent.",
        {"Renault Group": 12},
        id="relative-which-still-holds",
    ),
    pytest.param(
        "Velora Motors builds electric vans in Lyon. The main shareholders are Marubeni, which holds 22.4% of the "
        "shares, and chairman Liu Zhiyuan, holding 18%.",
        {"Marubeni": 22.4, "Liu Zhiyuan": 18},
        id="main-shareholders-with-person",
    ),
    pytest.param(
        "Velora Motors builds electric vans. Velora Motors is controlled by Renault Group and by its founder "
        "Pham Minh Tuan.",
        {"Renault Group": None, "Pham Minh Tuan": None},
        id="controlled-by-and-by-founder",
    ),
    pytest.param(
        "Zeekr bought 51 percent of Velora Motors. Renault Group kept the other 49 percent, while Denso sold its stake.",
        {"Zeekr": 51, "Renault Group": 49},
        id="kept-the-other-while-another-sold",
    ),
    pytest.param(
        "Zeekr bought 60 percent of Velora Motors. Renault Group keeps the remaining 40 percent, but Denso sold out.",
        {"Zeekr": 60, "Renault Group": 40},
        id="keeps-the-remaining-but-another-sold",
    ),
    pytest.param(
        "Zeekr bought 70 percent of Velora Motors. Renault Group retains 30 percent; sales fell 5 percent.",
        {"Zeekr": 70, "Renault Group": 30},
        id="retains-then-a-sales-clause",
    ),
]


@pytest.mark.parametrize(("text", "holders"), LISTED_HOLDERS)
def test_ownership_listed_holders_of_the_company_in_focus(text: str, holders: dict[str, Any]) -> None:
    found = {
        normalize_entity(f.fields["parent"]): f.fields["stake_pct"]
        for f in ownership_of(text)
        if same_org(f.fields["child"], "Velora Motors")
    }
    assert found == {normalize_entity(p): stake for p, stake in holders.items()}


def test_ownership_person_is_never_the_child() -> None:
    facts = ownership_of("Velora Motors makes vans. Founder Anika Rao holds 38 percent of the company.")
    assert all(not same_org(f.fields["child"], "Anika Rao") for f in facts), pairs(facts)
    assert [f.fields["parent"] for f in facts] == ["Anika Rao"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Velora Motors sold 20,000 vans. Renault Group holds 20 percent of the European market.",
            id="market-share",
        ),
        pytest.param(
            "Velora Motors sold 20,000 vans. Its sales rose 30 percent, while Kia has 12 percent.", id="sales"
        ),
        pytest.param("Velora Motors and Kia hold 30 percent, analysts said.", id="joint-holding-unclear"),
    ],
)
def test_ownership_bare_percentages_outside_ownership_yield_nothing(text: str) -> None:
    assert pairs(ownership_of(text)) == []


def test_ownership_under_the_umbrella_aside_is_asserted_despite_a_hedged_main_clause() -> None:
    facts = ownership_of(
        "Velora Motors, which sits under the umbrella of Renault Group, could become a useful partner for Kia."
    )
    assert [(f.fields["parent"], f.modality) for f in facts] == [("Renault Group", "asserted")]


def test_ownership_basically_under_the_umbrella_gives_both_owners() -> None:
    facts = ownership_of(
        "Rimac, which is basically Volkswagen under the umbrella of Bugatti Rimac, builds hypercars."
    )
    assert {(f.fields["parent"], f.fields["child"]) for f in facts} == {
        ("Bugatti Rimac", "Rimac Group"),
        ("Volkswagen Group", "Rimac Group"),
    }


def test_ownership_venture_owned_by_a_list_gives_every_partner() -> None:
    facts = ownership_of("Velora Motors is jointly owned by Honda, Kia and Stellantis.")
    assert sorted(normalize_entity(f.fields["parent"]) for f in facts) == sorted(
        normalize_entity(n) for n in ("Honda Motor", "Kia", "Stellantis")
    )
    assert {f.fields["stake_pct"] for f in facts} == {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Volkswagen battery-daughter PowerCo is preparing cell production in Salzgitter.",
            ("Volkswagen Group", "PowerCo"),
            id="battery-daughter",
        ),
        pytest.param(
            "The Renault-daughter Ampere builds the electric models in Douai.",
            ("Renault Group", "Ampere"),
            id="daughter-compound",
        ),
        pytest.param(
            "Scania, the truck maker controlled by Volkswagen's Traton, placed a large order.",
            ("Volkswagen Group", "Traton"),
            id="possessive-inside-an-aside",
        ),
    ],
)
def test_ownership_compounds_and_possessives_inside_asides(text: str, expected: tuple[str, str]) -> None:
    from datetime import date


    pairs = {
        (f.fields["parent"], f.fields["child"])
        for f in extract_article(Article("t", text, date(2024, 11, 22)))
        if f.type == "ownership"
    }
    assert expected in pairs


def test_ownership_stake_stated_later_completes_an_earlier_bare_report() -> None:
    text = "Renault owns a stake in Nissan, the French carmaker said. It holds 15% of the Japanese company."
    assert [(p, c, s) for p, c, s in pairs(ownership_of(text)) if same_org(c, "Nissan")] == [
        ("Renault Group", "Nissan Motor", 15)
    ]


SECOND_OWNER_WITHOUT_VERB = [
    pytest.param(
        "Velora Motors is 52.5 percent owned by Renault Group and 34 percent by Geely.",
        {"Renault Group": 52.5, "Zhejiang Geely Holding": 34},
        id="percent-owned-by-and-percent-by",
    ),
    pytest.param(
        "Velora Motors, which is 51% owned by Stellantis and 49% by Leapmotor, sells small cars.",
        {"Stellantis": 51, "Leapmotor": 49},
        id="which-is-owned-by-and-by",
    ),
    pytest.param(
        "Velora Motors is 60 percent owned by Toyota and the remaining 40 percent by Denso.",
        {"Toyota Motor": 60, "Denso": 40},
        id="and-the-remaining-by",
    ),
]


@pytest.mark.parametrize(("text", "shares"), SECOND_OWNER_WITHOUT_VERB)
def test_ownership_second_owner_after_and_percent_by(text: str, shares: dict[str, float]) -> None:
    found = {normalize_entity(p): (c, s) for p, c, s in pairs(ownership_of(text))}
    assert found == {normalize_entity(parent): ("Velora Motors", pct) for parent, pct in shares.items()}


FRACTION_STAKES = [
    pytest.param(
        "Velora Motors, in which Stellantis holds about a fifth, sold 2,000 cars.",
        "Stellantis",
        20,
        id="in-which-a-fifth",
    ),
    pytest.param(
        "Hyundai Motor Company, which owns roughly a third of Velora Motors, is growing.",
        "Hyundai Motor Company",
        33,
        id="owns-a-third-of",
    ),
    pytest.param("Toyota bought half of Velora Motors in 2021.", "Toyota Motor", 50, id="bought-half-of"),
    pytest.param(
        "Renault Group owns two-thirds of Velora Motors.", "Renault Group", 67, id="owns-two-thirds-of"
    ),
    pytest.param(
        "Velora Motors, in which Denso has a quarter, makes motors.", "Denso", 25, id="in-which-has-a-quarter"
    ),
]


@pytest.mark.parametrize(("text", "parent", "stake"), FRACTION_STAKES)
def test_ownership_stake_stated_as_a_fraction(text: str, parent: str, stake: int) -> None:
    assert pairs(ownership_of(text)) == [(parent, "Velora Motors", stake)]


@pytest.mark.parametrize(
    "text",
    [
        "Velora Motors, in which Toyota has a third plant, sold cars.",
        "Velora Motors, in which Toyota had sales in the first half, sold cars.",
        "Toyota holds a third of the market, Velora Motors said.",
    ],
)
def test_ownership_fraction_words_that_are_no_stake(text: str) -> None:
    assert pairs(ownership_of(text)) == []


OWNER_PHRASINGS = [
    pytest.param(
        "Nio said 2,900 cars came from its lower-priced Onvo brand.",
        "NIO",
        "Onvo",
        None,
        id="its-adjective-brand",
    ),
    pytest.param(
        "Geely said its premium Zeekr brand sold more cars.", GEELY, "Zeekr", None, id="its-premium-brand"
    ),
    pytest.param(
        "Toyota and its Lexus brand sold more cars.", "Toyota Motor", "Lexus", None, id="its-name-brand"
    ),
    pytest.param(
        "Stellantis expects its Velora Motors subsidiary to grow.",
        "Stellantis",
        "Velora Motors",
        None,
        id="its-subsidiary",
    ),
    pytest.param(
        'Patriot agreed with PowerCo SE ("PowerCo"), the battery company of the Volkswagen Group, to sell lithium.',
        "Volkswagen Group",
        "PowerCo",
        None,
        id="alias-in-brackets-then-descriptor-of",
    ),
    pytest.param(
        'Velora Motors Inc. ("Velora"), a subsidiary of Toyota, builds vans.',
        "Toyota Motor",
        "Velora Motors",
        None,
        id="alias-then-subsidiary-of",
    ),
    pytest.param(
        "Velora Motors, a 100% subsidiary of Toyota, builds vans.",
        "Toyota Motor",
        "Velora Motors",
        100,
        id="percent-subsidiary-of",
    ),
    pytest.param(
        "Velora Motors, the subsidiary 51% of Toyota, builds vans.",
        "Toyota Motor",
        "Velora Motors",
        51,
        id="subsidiary-percent-of",
    ),
    pytest.param(
        "Velora Motors, the filiale 100% of Renault Group, builds vans.",
        "Renault Group",
        "Velora Motors",
        100,
        id="untranslated-filiale",
    ),
    pytest.param(
        "The cars are sold under the marque Denza of BYD.", "BYD", "Denza", None, id="marque-name-of"
    ),
]


@pytest.mark.parametrize(("text", "parent", "child", "stake"), OWNER_PHRASINGS)
def test_ownership_brand_and_subsidiary_phrasings(
    text: str, parent: str, child: str, stake: float | None
) -> None:
    found = [f for f in ownership_of(text) if same_org(f.fields["child"], child)]
    assert len(found) == 1, pairs(ownership_of(text))
    assert same_org(found[0].fields["parent"], parent), found[0].fields
    assert found[0].fields["stake_pct"] == stake


def test_ownership_brands_of_a_group_in_translated_word_order() -> None:
    text = "The plant assembles the Omoda 5 and the Jaecoo 7, of the brands Omoda and Jaecoo of the Chinese Chery."
    assert sorted(pairs(ownership_of(text))) == [
        ("Chery Automobile", "Jaecoo", None),
        ("Chery Automobile", "Omoda", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In December, Velora Motors agreed to acquire GM's stake in the venture's third plant.",
        "Toyota bought Ford's share of the Kentucky plant.",
        "Toyota said its Lexus rivals sold more cars.",
        "Stellantis said its Velora Motors plant is busy.",
    ],
)
def test_ownership_a_name_before_a_possessive_or_a_noun_is_not_owned(text: str) -> None:
    assert pairs(ownership_of(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rivian sold cars. Lucid Group grew. The company, which counts Saudi Arabia's Public Investment Fund as its majority shareholder with about 60%, builds SUVs.",
        "Rivian sold cars. Lucid Group, which counts the Public Investment Fund as its largest shareholder with 60%, builds SUVs.",
        "Rivian sold cars. Lucid Group has the Public Investment Fund as its main shareholder, with 60%.",
    ],
)
def test_ownership_as_its_shareholder_speaks_of_whose_its(text: str) -> None:
    assert pairs(ownership_of(text)) == [("Public Investment Fund", "Lucid Group", 60)]


KB_CONFIRMED_DESCRIPTIONS = [
    pytest.param(
        "Stellantis's venture with Leapmotor will build the B10 in Spain, as the owner of Peugeot and Fiat seeks cheaper EVs.",
        [("Stellantis", "Fiat", None), ("Stellantis", "Peugeot", None)],
        id="as-the-owner-of-brands",
    ),
    pytest.param(
        "Volkswagen Group cut prices. The parent of Audi and Seat said demand was weak.",
        [("Volkswagen Group", "Audi", None), ("Volkswagen Group", "SEAT", None)],
        id="the-parent-of-brands-subject",
    ),
    pytest.param(
        "The cells come from CATL and FinDreams Battery of BYD.",
        [("BYD", "FinDreams Battery", None)],
        id="name-of-name",
    ),
    pytest.param(
        "Sales of Lexus of Toyota rose in May.", [("Toyota Motor", "Lexus", None)], id="brand-of-group"
    ),
]


@pytest.mark.parametrize(("text", "expected"), KB_CONFIRMED_DESCRIPTIONS)
def test_ownership_descriptions_the_kb_confirms(text: str, expected: list[tuple[str, str, None]]) -> None:
    assert sorted(pairs(ownership_of(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Leapmotor will build the B10 in Spain, as the owner of Peugeot and Fiat seeks cheaper EVs.",
        "Toyota of Japan sold more cars than Volkswagen of Germany.",
        "The CEO of Rivian met the founder of Lucid Group.",
        "Rivian, the owner of Velora Motors, grew.",
    ],
)
def test_ownership_descriptions_the_kb_does_not_confirm(text: str) -> None:
    assert [p for p in pairs(ownership_of(text)) if p[1] != "Velora Motors"] == []


UNIT_DESCRIPTORS = [
    pytest.param(
        "Zeekr reported 11,000 deliveries; the Geely Automobile unit completed its takeover of a 51% stake in Lynk & Co.",
        [("Geely Auto", "Zeekr", None), ("Zeekr", "Lynk & Co", 51)],
        id="semicolon-the-owner-unit-takes-a-stake",
    ),
    pytest.param(
        "Scania sold more trucks. The Traton unit also raised its stake in Velora Motors to 30 percent.",
        [("Scania", "Velora Motors", 30), ("Traton", "Scania", None)],
        id="next-sentence-the-owner-unit",
    ),
    pytest.param(
        "Audi sold fewer cars, the Volkswagen Group subsidiary said.",
        [("Volkswagen Group", "Audi", None)],
        id="the-owner-subsidiary-said",
    ),
    pytest.param("Volkswagen said the Audi unit would cut jobs.", [], id="the-unit-named-by-itself"),
    pytest.param("Rivian sold 9,000 vans. The Amazon unit will open a plant.", [], id="kb-knows-no-link"),
]


@pytest.mark.parametrize(("text", "expected"), UNIT_DESCRIPTORS)
def test_ownership_the_owner_unit_stands_for_the_company_named_before(
    text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    assert sorted(pairs(ownership_of(text))) == expected


@pytest.mark.parametrize(
    ("text", "parent", "stake"),
    [
        (
            "Velora Motors, the filiale 100% of Renault Group, has abandoned its plan of an IPO.",
            "Renault Group",
            100,
        ),
        ("Velora Motors, a subsidiary of Toyota, denied it would close the plant.", "Toyota Motor", None),
        ("Velora Motors, Toyota's battery unit, scrapped its listing plans.", "Toyota Motor", None),
    ],
)
def test_ownership_apposition_is_asserted_whatever_the_main_clause_denies(
    text: str, parent: str, stake: float | None
) -> None:
    found = ownership_of(text)
    assert pairs(found) == [(parent, "Velora Motors", stake)]
    assert found[0].modality == "asserted"


def test_ownership_made_a_subsidiary_keeps_the_sentence_hedge() -> None:
    found = ownership_of("Toyota said it could make Velora Motors a subsidiary of Denso.")
    assert [f.modality for f in found] == ["hedged"]


APPOSITIVE_OWNER_NOUNS = [
    pytest.param(
        "Skoda Auto, the Volkswagen Group brand based in Mlada Boleslav, signed a deal.",
        "Volkswagen Group",
        "Skoda",
        id="the-owner-brand",
    ),
    pytest.param("Opel, the Stellantis unit, cut jobs.", "Stellantis", "Opel", id="the-owner-unit"),
    pytest.param(
        "Velora Motors, a Toyota subsidiary, builds vans.",
        "Toyota Motor",
        "Velora Motors",
        id="an-owner-subsidiary",
    ),
    pytest.param(
        "On place two landed the Wolfsburg-based group's daughter Skoda with 3,821 e-cars.",
        "Volkswagen Group",
        "Skoda",
        id="descriptor-possessive-daughter",
    ),
]


@pytest.mark.parametrize(("text", "parent", "child"), APPOSITIVE_OWNER_NOUNS)
def test_ownership_owner_named_as_a_modifier_of_the_unit_noun(text: str, parent: str, child: str) -> None:
    assert [(p, c) for p, c, _ in pairs(ownership_of(text))] == [(parent, child)]


def test_ownership_a_rival_is_no_unit() -> None:
    assert pairs(ownership_of("Tesla, the BYD rival, cut prices.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Isuzu, which already holds 10 percent of Velora Motors, would become its majority owner with 51 percent.",
        "Isuzu, which owns 10 percent of Velora Motors, will become its largest shareholder with 51 percent.",
        "Isuzu, which has 10 percent of Velora Motors, would become its main owner with 51 percent.",
    ],
)
def test_ownership_shareholder_role_after_an_aside_belongs_to_the_head(text: str) -> None:
    assert {p for p, _c, _s in pairs(ownership_of(text))} == {"Isuzu"}
    assert {c for _p, c, _s in pairs(ownership_of(text))} == {"Velora Motors"}


COMPOUND_OWNERS = [
    pytest.param("Geely-owned Volvo Cars sold more cars.", GEELY, "Volvo Cars", id="owner-owned-child"),
    pytest.param(
        "Tata Motors-owned Jaguar Land Rover grew.",
        "Tata Motors",
        "Jaguar Land Rover",
        id="two-word-owner-owned",
    ),
    pytest.param(
        "Renault Group-controlled Velora Motors grew.",
        "Renault Group",
        "Velora Motors",
        id="owner-controlled-child",
    ),
    pytest.param(
        "Volvo Cars, which Geely bought in 2010, sold more cars.",
        GEELY,
        "Volvo Cars",
        id="which-owner-bought",
    ),
    pytest.param(
        "Velora Motors, which Toyota acquired last year, grew.",
        "Toyota Motor",
        "Velora Motors",
        id="which-owner-acquired",
    ),
    pytest.param(
        "Hyundai Motor Group affiliate Kia grew.", "Hyundai Motor Group", "Kia", id="owner-affiliate-child"
    ),
    pytest.param("Volkswagen unit Audi cut jobs.", "Volkswagen Group", "Audi", id="owner-unit-child"),
    pytest.param("Nio's lower-priced Onvo brand grew.", "NIO", "Onvo", id="possessive-adjective-brand"),
]


@pytest.mark.parametrize(("text", "parent", "child"), COMPOUND_OWNERS)
def test_ownership_compound_and_relative_phrasings(text: str, parent: str, child: str) -> None:
    found = [(p, c) for p, c, _ in pairs(ownership_of(text))]
    assert len(found) == 1 and same_org(found[0][0], parent) and same_org(found[0][1], child), found


@pytest.mark.parametrize(
    "text",
    [
        "Tesla rival BYD grew.",
        "The state-owned SAIC grew.",
        "Volkswagen unit chief Thomas Schaefer met Audi.",
        "Velora Motors, which Toyota supplied last year, grew.",
    ],
)
def test_ownership_compound_phrasings_that_are_no_ownership(text: str) -> None:
    assert pairs(ownership_of(text)) == []


@pytest.mark.parametrize(
    ("text", "parent", "child", "stake"),
    [
        ("Kestrel Motors, which owns 24% of Velora Motors, has denied it will sell shares.", "Kestrel Motors", "Velora Motors", 24),
        ("Geely, which holds 15% of Volvo Group, may cut its stake next year.", GEELY, "Volvo Group|AB Volvo", 15),
        ("Hyundai Motor Company, who controls 34 percent of Kia, is reportedly in talks with Apple.", "Hyundai Motor Company", "Kia", 34),
    ],
)
def test_ownership_closed_relative_clause_keeps_its_own_modality(
    text: str, parent: str, child: str, stake: float
) -> None:
    found = [f for f in ownership_of(text) if same_org(f.fields["child"], child)]
    assert len(found) == 1
    assert same_org(found[0].fields["parent"], parent) and found[0].fields["stake_pct"] == stake
    assert found[0].modality == "asserted"


@pytest.mark.parametrize(
    ("text", "parent", "child"),
    [
        ("Scout Motors, the Volkswagen Group-owned brand, will open a plant.", "Volkswagen Group", "Scout Motors"),
        ("Volvo Cars, the Geely-owned carmaker, may cut 3,000 jobs.", GEELY, "Volvo Cars"),
        ("Polestar, a Geely-controlled electric car maker, said sales fell.", GEELY, "Polestar"),
    ],
)
def test_ownership_owned_compound_in_an_aside(text: str, parent: str, child: str) -> None:
    found = [(f.fields["parent"], f.fields["child"], f.modality) for f in ownership_of(text)]
    assert any(same_org(p, parent) and same_org(c, child) and m == "asserted" for p, c, m in found), found


def test_ownership_owned_compound_before_a_possessive_is_no_aside() -> None:
    assert pairs(ownership_of("BMW met Toyota, the Tesla-owned carmaker's rival.")) == []


@pytest.mark.parametrize(
    ("text", "parent", "child"),
    [
        ("Agratas will supply cells to Tata Motors and its UK arm Jaguar Land Rover.", "Tata Motors", "Jaguar Land Rover"),
        ("CATL signed a deal with Geely and its unit Zeekr.", GEELY, "Zeekr"),
        ("Panasonic met Toyota and its subsidiary Daihatsu on Monday.", "Toyota Motor", "Daihatsu"),
    ],
)
def test_ownership_its_unit_after_a_coordinated_company_is_that_companys(text: str, parent: str, child: str) -> None:
    found = [(f.fields["parent"], f.fields["child"]) for f in ownership_of(text)]
    assert any(same_org(p, parent) and same_org(c, child) for p, c in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Kia founds a venture. Velora Motors, Kia and Ford shall each hold 30 percent of the company.",
        "Kia founds a venture. Ford and Kia will each hold 50% of the company.",
        "Kia founds a venture. Kia, Ford and Geely hold 30% each of the company, the rest is free float.",
    ],
)
def test_ownership_holders_listed_together_do_not_own_each_other(text: str) -> None:
    assert [(p, c) for p, c, _s in pairs(ownership_of(text)) if same_org(c, "Kia")] == []


@pytest.mark.parametrize(
    ("text", "parent", "children"),
    [
        ("Geely's Zeekr, Lynk & Co and Polestar brands sold more cars.", GEELY, ["Zeekr", "Lynk & Co", "Polestar"]),
        ("Stellantis's Peugeot, Fiat and Jeep brands grew in May.", "Stellantis", ["Peugeot", "Fiat", "Jeep"]),
        ("Changan's Deepal and Avatr electric brands use CATL cells.", "Changan Automobile", ["Deepal", "Avatr"]),
    ],
)
def test_ownership_possessive_list_of_brands(text: str, parent: str, children: list[str]) -> None:
    found = [(p, c) for p, c, _s in pairs(ownership_of(text))]
    assert all(any(same_org(p, parent) and same_org(c, child) for p, c in found) for child in children), found


@pytest.mark.parametrize(
    ("text", "parent", "child"),
    [
        ("Panasonic Energy, the battery business company of Panasonic Holdings, opened a plant.", "Panasonic Holdings", "Panasonic Energy"),
        ("Batteries come from AESC, the battery-maker controlled by the Chinese Envision, next door.", "Envision Group", "AESC"),
        ("Geely's luxury marque Lotus sold 1,000 cars.", GEELY, "Lotus"),
    ],
)
def test_ownership_business_company_controlling_nationality_and_possessive_marque(
    text: str, parent: str, child: str
) -> None:
    found = [(p, c) for p, c, _s in pairs(ownership_of(text))]
    assert any(same_org(p, parent) and same_org(c, child) for p, c in found), found
