"""Supply rule, end to end through the extractor: supplier, customer and items in many phrasings."""

from __future__ import annotations

from typing import Any

import pytest

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article, Fact


def supply_of(text: str) -> list[Fact]:
    return [f for f in extract_article(Article("t", text)) if f.type == "supply"]


def same_org(actual: Any, expected: str) -> bool:
    """Name equality as the scorer sees it; `expected` may list alternatives "A|B"."""
    return normalize_entity(str(actual)) in {normalize_entity(e) for e in expected.split("|")}


def xfail(*values: Any, reason: str, id: str) -> Any:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason), id=id)


# (text, supplier, customer, items)
STATED = [
    pytest.param(
        "CATL will supply battery cells to BMW Group.",
        "CATL",
        "BMW Group",
        ["battery cells"],
        id="will-supply-to",
    ),
    pytest.param(
        "LG Energy Solution supplies cylindrical cells to Tesla.",
        "LG Energy Solution",
        "Tesla",
        ["cylindrical cells"],
        id="supplies-to",
    ),
    pytest.param(
        "Rivian sources battery packs from Samsung SDI.",
        "Samsung SDI",
        "Rivian",
        ["battery packs"],
        id="sources-from",
    ),
    pytest.param(
        "Bosch will supply Volvo Cars with e-axles.",
        "Bosch",
        "Volvo Cars",
        ["e-axles"],
        id="supply-customer-with",
    ),
    pytest.param(
        "Ganfeng Lithium signed a deal to supply lithium hydroxide to Kestrel Dynamics Inc.",
        "Ganfeng Lithium",
        "Kestrel Dynamics",
        ["lithium hydroxide"],
        id="deal-to-supply-raw-material",
    ),
    pytest.param(
        "Mobileye won an order from Volkswagen Group to supply driver-assistance chips.",
        "Mobileye",
        "Volkswagen Group",
        ["driver-assistance chips"],
        id="won-an-order-from",
    ),
    pytest.param(
        "Polestar will fit lidar sensors from Luminar.",
        "Luminar Technologies",
        "Polestar",
        ["lidar sensors"],
        id="fit-from",
    ),
    pytest.param(
        "Magna builds electric SUVs for startup Velora Motors.",
        "Magna International",
        "Velora Motors",
        ["electric SUVs"],
        id="contract-manufacturing",
    ),
    pytest.param(
        "Samsung SDI signed a supply agreement with Stellantis for battery cells.",
        "Samsung SDI",
        "Stellantis",
        ["battery cells"],
        id="supply-agreement-with-oriented-by-kb",
    ),
    pytest.param(
        "Panasonic, the sole supplier of battery cells for Tesla, expanded its Kansas plant.",
        "Panasonic Holdings",
        "Tesla",
        ["battery cells"],
        id="sole-supplier-of",
    ),
    pytest.param(
        "ZF will deliver e-motors and inverters to Hyundai Motor Group from 2026.",
        "ZF Friedrichshafen",
        "Hyundai Motor Group",
        ["e-motors", "inverters"],
        id="item-list-and-start-date",
    ),
    pytest.param(
        "Toyota chose solid-state cells made by Kestrel Dynamics Inc.",
        "Kestrel Dynamics",
        "Toyota Motor|Toyota",
        ["solid-state cells"],
        id="chose-made-by",
    ),
    pytest.param(
        "Rimac will supply high-voltage batteries, e-axles and software to Kia.",
        "Rimac Group|Rimac",
        "Kia",
        ["high-voltage batteries", "e-axles", "software"],
        id="three-item-list",
    ),
    pytest.param(
        "Battery cells for the new electric van will come from SK On, Kia said.",
        "SK On",
        "Kia",
        ["Battery cells"],
        id="come-from-attribution",
    ),
    pytest.param(
        "Kestrel Dynamics Inc. buys its power electronics from Infineon.",
        "Infineon",
        "Kestrel Dynamics",
        ["power electronics"],
        id="buys-its-items-from",
    ),
    pytest.param(
        "Kestrel Dynamics Inc. buys power electronics from Infineon.",
        "Infineon",
        "Kestrel Dynamics",
        ["power electronics"],
        id="buys-from",
    ),
    pytest.param(
        "Kestrel Dynamics Inc. has delivered more than 2,000 cells to BMW Group for testing.",
        "Kestrel Dynamics",
        "BMW Group",
        ["cells"],
        id="figure-before-items-is-dropped",
    ),
    pytest.param("Tesla sold 10,000 cars to Hertz.", "Tesla", "Hertz", ["cars"], id="fleet-sale"),
    pytest.param(
        "Volvo Cars has committed to buy at least 2,500 tonnes a year of recycled nickel salts from Redwood Materials.",
        "Redwood Materials",
        "Volvo Cars",
        ["recycled nickel salts"],
        id="tonnes-a-year-of",
    ),
    pytest.param(
        "Samsung SDI has received from the Kia group a large order for battery packs.",
        "Samsung SDI",
        "Kia",
        ["battery packs"],
        id="received-from-customer-an-order",
    ),
    pytest.param(
        "LG Energy Solution got from Hyundai Motor Group an order for cylindrical cells.",
        "LG Energy Solution",
        "Hyundai Motor Group",
        ["cylindrical cells"],
        id="got-from-customer-an-order",
    ),
    pytest.param(
        "Xpeng already buys Nvidia's Drive Orin-X chips.",
        "Nvidia",
        "XPeng",
        ["Drive Orin-X chips"],
        id="buys-possessive",
    ),
    pytest.param(
        "The software runs on Nvidia's Drive Orin-X chips, which Xpeng already buys for its flagship.",
        "Nvidia",
        "XPeng",
        ["Drive Orin-X chips"],
        id="possessive-which-customer-buys",
    ),
    pytest.param(
        "Idemitsu Kosan will develop and produce a sulfide electrolyte and supply it to Toyota.",
        "Idemitsu Kosan",
        "Toyota Motor|Toyota",
        ["sulfide electrolyte"],
        id="make-and-supply-it-to",
    ),
    pytest.param(
        "Ganfeng Lithium agreed to buy the entire lithium carbonate output of Albemarle for ten years.",
        "Albemarle",
        "Ganfeng Lithium",
        ["lithium carbonate"],
        id="buy-the-output-of",
    ),
    pytest.param(
        "Bosch will deliver e-axles for the next generation of small electric cars of Renault Group.",
        "Bosch",
        "Renault Group",
        ["e-axles"],
        id="for-the-models-of",
    ),
    pytest.param(
        "The new models of Kia adopt the Journey 6 chip of Horizon Robotics.",
        "Horizon Robotics",
        "Kia",
        ["Journey 6 chip"],
        id="adopt-chip-of-with-model-number",
    ),
    pytest.param(
        "Bosch delivers e-motors also to the truck manufacturer MAN.",
        "Bosch",
        "MAN Truck & Bus|MAN",
        ["e-motors"],
        id="also-to-descriptor-customer",
    ),
    pytest.param(
        "Albemarle signed two offtake agreements on Monday. Under the larger contract, BASF will buy 18,000 "
        "tonnes a year of lithium hydroxide for seven years.",
        "Albemarle",
        "BASF",
        ["lithium hydroxide"],
        id="under-the-contract-customer-buys",
    ),
]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        pytest.param(
            "Rivian buys electric motors from German supplier Bosch and battery cells from CATL.",
            [("Bosch", "Rivian", ["electric motors"]), ("CATL", "Rivian", ["battery cells"])],
            id="two-items-two-suppliers",
        ),
        pytest.param(
            "Volvo Cars sells cars in Europe. Its current models use cells from CATL and LG Energy Solution.",
            [("CATL", "Volvo Cars", ["cells"]), ("LG Energy Solution", "Volvo Cars", ["cells"])],
            id="possessive-pronoun-is-the-customer",
        ),
        pytest.param(
            "Renault Group makes cars. The society will supply engines and gearboxes to Nissan and to Geely but also to Dacia.",
            [
                ("Renault Group", "Nissan Motor", ["engines", "gearboxes"]),
                ("Renault Group", "Zhejiang Geely Holding", ["engines", "gearboxes"]),
                ("Renault Group", "Dacia", ["engines", "gearboxes"]),
            ],
            id="descriptor-subject-and-customer-list",
        ),
    ],
)
def test_supply_several_relations_in_one_sentence(text: str, pairs: list[tuple[str, str, list[str]]]) -> None:
    found = sorted((f.fields["supplier"], f.fields["customer"], f.fields["items"]) for f in supply_of(text))
    assert found == sorted(pairs)


@pytest.mark.parametrize(("text", "supplier", "customer", "items"), STATED)
def test_supply_stated_supplier_customer_items(
    text: str, supplier: str, customer: str, items: list[str]
) -> None:
    found = supply_of(text)
    assert len(found) == 1, [f.fields for f in found]
    fields = found[0].fields
    assert same_org(fields["supplier"], supplier), fields
    assert same_org(fields["customer"], customer), fields
    assert fields["items"] == items
    assert found[0].confidence >= 0.5


def test_supply_counts_among_its_customers_gives_one_fact_per_customer() -> None:
    text = (
        "Nvidia counts Mercedes-Benz Group, Volvo Cars and Polestar among its customers for its Drive chips."
    )
    found = supply_of(text)
    assert sorted(f.fields["customer"] for f in found) == ["Mercedes-Benz Group", "Polestar", "Volvo Cars"]
    assert {f.fields["supplier"] for f in found} == {"Nvidia"}


def test_supply_with_agreement_also_yields_a_supply_agreement_partnership() -> None:
    facts = extract_article(
        Article("t", "Samsung SDI signed a supply agreement with Stellantis for battery cells.")
    )
    kinds = [(f.type, f.fields.get("kind")) for f in facts]
    assert ("supply", None) in kinds and ("partnership", "supply_agreement") in kinds


NOT_SUPPLY = [
    pytest.param("CATL is a rival of LG Energy Solution.", id="rivals"),
    pytest.param("Tesla and BYD both make their own battery cells.", id="in-house"),
    pytest.param("Stellantis denied reports that CATL would supply cells to it.", id="denied-reports"),
    pytest.param("CATL supplies cells to many carmakers.", id="no-named-customer"),
    pytest.param(
        "Volkswagen Group stopped buying cells from Northvolt after the plant closed.", id="stopped-buying"
    ),
    pytest.param("Kia no longer sources battery cells from Northvolt.", id="no-longer-sources"),
    pytest.param("CATL ceased supplying cells to Kestrel Dynamics Inc. last year.", id="ceased-supplying"),
    pytest.param("Geely sold its Volvo brand to the investors of Renault Group.", id="sold-a-brand"),
    pytest.param("Hyundai Motor Group sold its stake in Kia to Toyota.", id="sold-a-stake"),
    pytest.param(
        "Sahyadri Motors will make cells using lithium iron phosphate chemistry licensed from AESC.",
        id="licensed-is-not-supplied",
    ),
    pytest.param(
        "Kestrel Dynamics Inc. received a €50 million investment from Renault Group.", id="investment-from"
    ),
]


@pytest.mark.parametrize("text", NOT_SUPPLY)
def test_supply_rivals_denials_and_money_yield_nothing(text: str) -> None:
    assert [f.fields for f in supply_of(text)] == []


HEDGED = [
    pytest.param("Toyota may source solid-state cells from Kestrel Dynamics Inc.", id="may-source"),
    pytest.param("Volkswagen Group is said to be buying chips from Horizon Robotics.", id="is-said-to-be"),
    pytest.param(
        "CATL is in talks to supply battery cells to Kestrel Dynamics Inc.", id="in-talks-to-supply"
    ),
]


@pytest.mark.parametrize("text", HEDGED)
def test_supply_hedged_relation_has_low_confidence(text: str) -> None:
    found = supply_of(text)
    assert found, "a hedged supply relation is kept, with a lowered confidence"
    assert all(f.confidence < 0.5 and f.modality == "hedged" for f in found), [
        (f.fields, f.confidence) for f in found
    ]


# A supply deal stated between two companies at different tiers of the supply chain: the upstream one supplies.
AGREEMENT_BETWEEN = [
    pytest.param(
        "Albemarle and Ford signed an offtake agreement covering lithium hydroxide.",
        "Albemarle",
        "Ford",
        ["lithium hydroxide"],
        id="miner-and-carmaker-offtake",
    ),
    pytest.param(
        "Mazda and Panasonic Energy concluded a formal contract for the supply of cylindrical batteries.",
        "Panasonic Energy",
        "Mazda",
        ["cylindrical batteries"],
        id="contract-for-the-supply-of",
    ),
    pytest.param(
        "Hyundai Motor recently signed with Samsung SDI the supply contract of batteries for its cars.",
        "Samsung SDI",
        "Hyundai Motor",
        ["batteries for its cars"],
        id="supply-contract-of",
    ),
    pytest.param(
        "Ganfeng Lithium sold a stake to LG Energy Solution. The parties also signed a supply agreement "
        "for lithium carbonate.",
        "Ganfeng Lithium",
        "LG Energy Solution",
        ["lithium carbonate"],
        id="the-parties",
    ),
]


@pytest.mark.parametrize(("text", "supplier", "customer", "items"), AGREEMENT_BETWEEN)
def test_supply_agreement_between_tiers_orients_the_relation(
    text: str, supplier: str, customer: str, items: list[str]
) -> None:
    found = supply_of(text)
    assert len(found) == 1, [f.fields for f in found]
    fields = found[0].fields
    assert same_org(fields["supplier"], supplier) and same_org(fields["customer"], customer), fields
    assert fields["items"] == items


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Toyota and BMW Group signed a supply agreement for engines.", id="same-tier"),
        pytest.param("Albemarle and Ford terminated their offtake agreement for lithium.", id="ended"),
        pytest.param("Albemarle and Ford signed a memorandum on lithium recycling.", id="not-a-supply-deal"),
    ],
)
def test_supply_agreement_without_a_direction_yields_no_supply(text: str) -> None:
    assert [f.fields for f in supply_of(text)] == []


# Phrasings of news and machine-translated text with the customer before the items, the supplier named as
# "the supplier", a plant as the subject, or a model as the subject.
MORE_PHRASINGS = [
    pytest.param(
        "From 2027 Panasonic Energy supplies to Mazda the battery which it produces in Osaka.",
        "Panasonic Energy",
        "Mazda",
        ["battery"],
        id="supplies-to-customer-then-items",
    ),
    pytest.param(
        "Next year CATL will deliver to BMW Group prismatic cells from its plant in Hungary.",
        "CATL",
        "BMW Group",
        ["prismatic cells"],
        id="deliver-to-customer-then-items",
    ),
    pytest.param(
        "Bosch will also provide to Ford the brake-by-wire systems for its trucks.",
        "Bosch",
        "Ford",
        ["brake-by-wire systems"],
        id="provide-to-customer-then-items",
    ),
    pytest.param(
        "Xiaomi unveiled the YU7, and its battery supplier is CATL.",
        "CATL",
        "Xiaomi",
        ["battery"],
        id="its-battery-supplier-is",
    ),
    pytest.param(
        "Nio's motor supplier will be the German group Bosch.",
        "Bosch",
        "Nio",
        ["motor"],
        id="possessive-supplier-will-be",
    ),
    pytest.param(
        "Xiaomi filed the YU7 with the ministry. The battery supplier is CATL.",
        "CATL",
        "Xiaomi",
        ["battery"],
        id="the-supplier-is-for-the-article-company",
    ),
    pytest.param(
        "Toyota Kirloskar Motor will sell the Urban Cruiser EV, which will be supplied by Maruti Suzuki.",
        "Maruti Suzuki",
        "Toyota Kirloskar Motor",
        ["Urban Cruiser EV"],
        id="which-will-be-supplied-by",
    ),
    pytest.param(
        "Ford sells the E-Transit Custom, which is supplied by Ford Otosan.",
        "Ford Otosan",
        "Ford",
        ["E-Transit Custom"],
        id="which-is-supplied-by",
    ),
    pytest.param(
        "Kia offers a small electric van, which was supplied by BYD at first.",
        "BYD",
        "Kia",
        ["small electric van"],
        id="which-was-supplied-by",
    ),
    pytest.param(
        "The Arizona complex, LG Energy Solution's first plant in the US, will produce cylindrical cells for Rivian.",
        "LG Energy Solution",
        "Rivian",
        ["cylindrical cells"],
        id="apposed-plant-produces-for",
    ),
    pytest.param(
        "Hyundai Mobis runs a plant in Georgia that makes power-control units for Kia.",
        "Hyundai Mobis",
        "Kia",
        ["power-control units"],
        id="runs-a-plant-that-makes-for",
    ),
    pytest.param(
        "Samsung SDI's new factory in Indiana is assembling battery modules for Stellantis.",
        "Samsung SDI",
        "Stellantis",
        ["battery modules"],
        id="possessive-factory-assembles-for",
    ),
]


@pytest.mark.parametrize(("text", "supplier", "customer", "items"), MORE_PHRASINGS)
def test_supply_more_phrasings(text: str, supplier: str, customer: str, items: list[str]) -> None:
    found = supply_of(text)
    assert len(found) == 1, [f.fields for f in found]
    fields = found[0].fields
    assert same_org(fields["supplier"], supplier) and same_org(fields["customer"], customer), fields
    assert fields["items"] == items


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        pytest.param("Maruti Suzuki built the e Vitara. The e Vitara uses LFP cells sourced from BYD.", "Maruti Suzuki", id="uses-sourced-from"),
        pytest.param("Tesla updated the Model 3. The Model 3 now runs on chips made by Nvidia.", "Tesla", id="runs-on-made-by"),
        pytest.param("Renault showed the R5 again. The R5 gets cells supplied by LG Energy Solution.", "Renault", id="gets-supplied-by"),
    ],
)
def test_supply_model_subject_goes_to_the_article_company(text: str, customer: str) -> None:
    found = supply_of(text)
    assert [same_org(f.fields["customer"], customer) for f in found] == [True], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("CATL supplies to many carmakers in Europe.", id="supplies-to-no-named-customer"),
        pytest.param("CATL will deliver to BMW Group from 2026.", id="deliver-to-then-a-date"),
        pytest.param("BYD is the largest battery supplier in China.", id="supplier-without-is-org"),
        pytest.param("Tesla's plant in Berlin makes cars for Europe.", id="plant-makes-for-a-market"),
    ],
)
def test_supply_more_phrasings_without_a_relation(text: str) -> None:
    assert [f.fields for f in supply_of(text)] == []


@pytest.mark.parametrize(
    ("text", "customers"),
    [
        pytest.param(
            "Cells from CATL will be supplied to Jaguar Land Rover, the carmaker owned by Tata Motors, and to "
            "Tata Motors' own electric vehicles in India.",
            {"Jaguar Land Rover", "Tata Motors"},
            id="from-to-with-an-apposition-then-and-to",
        ),
        pytest.param(
            "LG Energy Solution will supply cylindrical cells to Rivian, its new US customer, and also to Lucid.",
            {"Rivian", "Lucid"},
            id="supply-to-and-also-to",
        ),
        pytest.param(
            "Bosch supplies e-axles to Kia, which builds them into the EV3, and to Nissan.",
            {"Kia", "Nissan"},
            id="supply-to-relative-then-and-to",
        ),
    ],
)
def test_supply_a_later_and_to_adds_a_customer(text: str, customers: set[str]) -> None:
    found = supply_of(text)
    assert {normalize_entity(f.fields["customer"]) for f in found} == {normalize_entity(c) for c in customers}, [
        f.fields for f in found
    ]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        pytest.param(
            "Magna Steyr builds the BMW Z4 roadster for BMW Group in Graz.",
            ["BMW Z4 roadster"],
            id="brand-then-model-then-lower-case-noun",
        ),
        pytest.param(
            "Magna Steyr builds the Mercedes-Benz G-Class for Mercedes-Benz Group in Graz.",
            ["Mercedes-Benz G-Class"],
            id="brand-then-hyphenated-model",
        ),
        pytest.param(
            "Valmet Automotive builds the Mercedes-Benz GLC SUV for Mercedes-Benz Group in Finland.",
            ["Mercedes-Benz GLC SUV"],
            id="brand-then-model-then-noun",
        ),
    ],
)
def test_supply_contract_manufacturing_items_may_name_a_brand(text: str, items: list[str]) -> None:
    found = supply_of(text)
    assert [f.fields["items"] for f in found] == [items], [f.fields for f in found]


# How news names a supplier chosen, a supplier's product powering a customer's cars, and a supply deal of two.
CHOSEN_AND_POWERED = [
    pytest.param("Mercedes-Benz Group selected CATL as battery supplier for its new CLA.", "CATL", "Mercedes-Benz Group", ["battery"], id="selected-as-supplier"),
    pytest.param("BMW Group picked Northvolt to supply battery cells from 2025.", "Northvolt", "BMW Group", ["battery cells"], id="picked-to-supply"),
    pytest.param("Volvo Cars has chosen Zeekr as its sole motor supplier.", "Zeekr", "Volvo Cars", ["motor"], id="chosen-as-its-sole-supplier"),
    pytest.param("CATL has been named the battery supplier for the Xiaomi SU7.", "CATL", "Xiaomi", ["battery"], id="named-the-supplier-for"),
    pytest.param("Bosch has been selected as chip supplier for Ford.", "Bosch", "Ford", ["chip"], id="selected-as-supplier-for"),
    pytest.param("Tesla's Model Y will use CATL's LFP cells.", "CATL", "Tesla", ["LFP cells"], id="use-possessive"),
    pytest.param("Nio adopted Nvidia's Orin chips last year.", "Nvidia", "Nio", ["Orin chips"], id="adopted-possessive"),
    pytest.param("CATL-made batteries power the Xiaomi SU7.", "CATL", "Xiaomi", ["batteries"], id="made-power"),
    pytest.param("Samsung SDI-built cells go into BMW Group's i4.", "Samsung SDI", "BMW Group", ["cells"], id="built-go-into"),
    pytest.param("Nvidia's Drive Thor chip will power Xpeng's next models.", "Nvidia", "Xpeng", ["Drive Thor chip"], id="possessive-will-power"),
    pytest.param("Xpeng's next models will be powered by Nvidia's Drive Thor chip.", "Nvidia", "Xpeng", ["Drive Thor chip"], id="will-be-powered-by"),
    pytest.param("CATL and Ford signed a deal under which CATL will supply LFP cells.", "CATL", "Ford", ["LFP cells"], id="pair-deal-under-which"),
    pytest.param("Rivian's cells will come from LG Energy Solution.", "LG Energy Solution", "Rivian", ["cells"], id="possessive-come-from"),
]


@pytest.mark.parametrize(("text", "supplier", "customer", "items"), CHOSEN_AND_POWERED)
def test_supply_chosen_supplier_and_powered_models(text: str, supplier: str, customer: str, items: list[str]) -> None:
    found = supply_of(text)
    assert len(found) == 1, [f.fields for f in found]
    fields = found[0].fields
    assert same_org(fields["supplier"], supplier) and same_org(fields["customer"], customer), fields
    assert fields["items"] == items


def test_supply_both_customers_with_items() -> None:
    found = supply_of("CATL supplies both Tesla and BMW Group with battery cells.")
    assert sorted(f.fields["customer"] for f in found) == ["BMW Group", "Tesla"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Tesla named Elon Musk as its chief executive again.", id="named-a-person"),
        pytest.param("BMW Group selected Debrecen as the site for its new plant.", id="selected-a-site"),
        pytest.param("CATL-made batteries power the growth of BYD.", id="power-the-growth-of"),
        pytest.param("Kia picked Ford as partner for vans.", id="picked-a-partner"),
        pytest.param("Hyundai Mobis has secured an order from Volkswagen Group.", id="an-order-is-no-item"),
        pytest.param("Stellantis has been named the best-selling carmaker in Italy.", id="named-best-selling"),
    ],
)
def test_supply_chosen_and_powered_phrasings_without_a_relation(text: str) -> None:
    found = supply_of(text)
    assert all(f.fields["items"] != ["order"] for f in found)
    assert [f.fields for f in found if f.fields["supplier"] != "Hyundai Mobis"] == []


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        pytest.param(
            "Albemarle signed a deal with Ford. The US lithium producer will deliver lithium hydroxide to the "
            "Detroit automaker.",
            "Albemarle",
            "Ford",
            id="detroit-automaker",
        ),
        pytest.param(
            "Redwood Materials and Toyota met. The Nevada-based recycler will supply cathode material to the "
            "Japanese automaker.",
            "Redwood Materials",
            "Toyota",
            id="state-based-recycler",
        ),
        pytest.param(
            "Toyota picked Idemitsu Kosan. The oil refiner will supply solid electrolyte to the carmaker.",
            "Idemitsu Kosan",
            "Toyota",
            id="oil-refiner",
        ),
    ],
)
def test_supply_between_descriptors(text: str, supplier: str, customer: str) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [
        (True, True)
    ], [f.fields for f in found]


# Machine-translated word order (German, Spanish sources): object first, gapped clauses, fronted "for".
TRANSLATED = [
    pytest.param(
        "Xpeng showed the G7 on Monday. The motors come from Nidec, the batteries from CATL, informed the company.",
        [("Nidec", "Xpeng", ["motors"]), ("CATL", "Xpeng", ["batteries"])],
        id="gapped-come-from",
    ),
    pytest.param(
        "Xpeng showed the G7 on Monday. The cells are supplied by CATL, the motors by Bosch.",
        [("CATL", "Xpeng", ["cells"]), ("Bosch", "Xpeng", ["motors"])],
        id="gapped-supplied-by",
    ),
    pytest.param(
        "Volkswagen Group presented the ID.2. For the cells of the ID.2 the carmaker relies on the Chinese "
        "manufacturer Gotion.",
        [("Gotion High-Tech", "Volkswagen Group", ["cells"])],
        id="for-the-cells-relies-on",
    ),
    pytest.param(
        "BMW Group presented the Neue Klasse. The e-axles delivers ZF from 2026.",
        [("ZF Friedrichshafen", "BMW Group", ["e-axles"])],
        id="plural-object-singular-verb",
    ),
    pytest.param(
        "Kia met suppliers in Seoul. The battery packs supplies LG Energy Solution to Hyundai Motor Company.",
        [("LG Energy Solution", "Hyundai Motor Company", ["battery packs"])],
        id="plural-object-singular-verb-to",
    ),
    pytest.param(
        "Renault Group presented the R5. As supplier of the battery was chosen LG Energy Solution, informed the "
        "company.",
        [("LG Energy Solution", "Renault Group", ["battery"])],
        id="as-supplier-was-chosen",
    ),
]


@pytest.mark.parametrize(("text", "pairs"), TRANSLATED)
def test_supply_translated_word_order(text: str, pairs: list[tuple[str, str, list[str]]]) -> None:
    found = [(f.fields["supplier"], f.fields["customer"], f.fields["items"]) for f in supply_of(text)]
    assert len(found) == len(pairs), found
    for (supplier, customer, items), (s, c, i) in zip(pairs, found, strict=True):
        assert same_org(s, supplier) and same_org(c, customer) and i == items, found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kia met Ford. The company supplies Toyota with nothing.", id="singular-subject"),
        pytest.param("Kia met Ford. The motors come from Nidec and cost less.", id="no-customer-but-topic"),
    ],
)
def test_supply_translated_word_order_needs_its_signals(text: str) -> None:
    assert all(not same_org(f.fields["supplier"], "Ford") for f in supply_of(text))


@pytest.mark.parametrize(
    ("text", "supplier", "customer", "items"),
    [
        pytest.param(
            "Samsung SDI and General Motors broke ground in Indiana. The two companies will invest $3.5 billion. "
            "The factory will produce cylindrical batteries which are mounted on the electric vehicles of GM.",
            "Samsung SDI",
            "General Motors",
            ["cylindrical batteries"],
            id="jv-factory-for-one-owner",
        ),
        pytest.param(
            "CATL opened a site in Debrecen. The plant will make LFP cells for BMW Group.",
            "CATL",
            "BMW Group",
            ["LFP cells"],
            id="the-plant-will-make-for",
        ),
        pytest.param(
            "Gotion broke ground in Slovakia. The factory will mainly produce battery modules that are used in "
            "cars of Volkswagen Group.",
            "Gotion High-Tech",
            "Volkswagen Group",
            ["battery modules"],
            id="used-in-cars-of",
        ),
    ],
)
def test_supply_site_of_the_company_in_focus_makes_for_a_customer(
    text: str, supplier: str, customer: str, items: list[str]
) -> None:
    found = supply_of(text)
    assert [
        (same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer), f.fields["items"])
        for f in found
    ] == [(True, True, items)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        pytest.param(
            "Kia opened its plant in Georgia. Hyundai Mobis runs a plant nearby that makes power-control units for "
            "the Metaplant.",
            "Hyundai Mobis",
            "Kia",
            id="for-the-metaplant",
        ),
        pytest.param(
            "Tesla expanded Giga Texas. Panasonic runs a factory in Kansas that produces cells for the gigafactory.",
            "Panasonic",
            "Tesla",
            id="for-the-gigafactory",
        ),
        pytest.param(
            "BMW Group opened its plant in Debrecen. CATL built a factory that makes cells for the assembly plant.",
            "CATL",
            "BMW Group",
            id="for-the-assembly-plant",
        ),
    ],
)
def test_supply_supplier_site_making_parts_for_the_article_companys_plant(
    text: str, supplier: str, customer: str
) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [
        (True, True)
    ], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        pytest.param(
            "Northvolt opened its cell factory in Sweden. The first cells from the plant will go to Scania.",
            "Northvolt",
            "Scania",
            id="first-cells-from-the-plant-go-to",
        ),
        pytest.param(
            "Gotion started building its plant in Illinois. The output of the new factory will be supplied to "
            "Volkswagen Group.",
            "Gotion High-Tech|Gotion",
            "Volkswagen Group",
            id="output-of-the-factory-supplied-to",
        ),
        pytest.param(
            "CATL broke ground in Debrecen. The products of the Hungarian base will supply Mercedes-Benz's new "
            "electric cars.",
            "CATL",
            "Mercedes-Benz",
            id="products-of-the-base-supply",
        ),
    ],
)
def test_supply_site_output_goes_to_a_customer_of_the_company_in_focus(
    text: str, supplier: str, customer: str
) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        pytest.param(
            "Valeo delivers heat pumps for the Taycan of Porsche.",
            "Valeo",
            "Porsche",
            id="for-a-model-name-of-the-customer",
        ),
        pytest.param(
            "Already now Bosch supplies inverters for the Enyaq Coupe of the Volkswagen Group.",
            "Bosch",
            "Volkswagen Group",
            id="for-a-two-word-model-of-the-customer",
        ),
        pytest.param(
            "Rivian has ordered fifty of Proterra's battery packs for its vans.",
            "Proterra",
            "Rivian",
            id="ordered-some-of-possessive-items",
        ),
        pytest.param(
            "Hertz ordered 2,000 of Polestar's electric cars.",
            "Polestar",
            "Hertz",
            id="ordered-number-of-possessive-items",
        ),
        pytest.param(
            "A long-term offtake agreement was signed with LG Energy Solution, under which Albemarle will supply "
            "lithium hydroxide.",
            "Albemarle",
            "LG Energy Solution",
            id="passive-agreement-with-under-which",
        ),
        pytest.param(
            "A supply deal has been reached with Ford, under which SK On will deliver battery cells.",
            "SK On",
            "Ford",
            id="passive-deal-reached-with-under-which",
        ),
        pytest.param(
            "A five-year agreement has been concluded with Stellantis, under which Umicore will provide cathode "
            "materials.",
            "Umicore",
            "Stellantis",
            id="passive-agreement-concluded-with-under-which",
        ),
    ],
)
def test_supply_model_names_orders_and_passive_agreements(text: str, supplier: str, customer: str) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [(True, True)], [f.fields for f in found]


def test_supply_site_products_without_a_customer_yield_nothing() -> None:
    assert supply_of("CATL opened its plant in Erfurt. The products of the plant will go on sale next year.") == []


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        pytest.param("Volvo Cars uses Northvolt-made cells in its EX30.", "Northvolt", "Volvo Cars", id="uses-s-made"),
        pytest.param("Tesla's Model Y uses LG Energy Solution-made cells in China.", "LG Energy Solution", "Tesla", id="possessive-model-uses-s-made"),
        pytest.param(
            "Volvo Cars launched the EX30 in Europe. The EX30 is fitted with CATL-made batteries.",
            "CATL",
            "Volvo Cars",
            id="model-fitted-with-s-made",
        ),
        pytest.param("Toyota has placed an order with Panasonic for 10 GWh of cells.", "Panasonic", "Toyota", id="placed-order-with"),
        pytest.param("Stellantis awarded a contract to Valeo for heat pumps.", "Valeo", "Stellantis", id="awarded-contract-to"),
        pytest.param(
            "Bosch has been awarded a contract by Volkswagen Group to supply inverters.",
            "Bosch",
            "Volkswagen Group",
            id="been-awarded-contract-by",
        ),
        pytest.param(
            "Rivian has signed a contract with Samsung SDI to deliver battery cells from 2026.",
            "Samsung SDI",
            "Rivian",
            id="contract-with-supplier-to-deliver",
        ),
        pytest.param(
            "Samsung SDI signed an agreement with Rivian to supply battery cells.",
            "Samsung SDI",
            "Rivian",
            id="supplier-signed-agreement-with-maker-to-supply",
        ),
    ],
)
def test_supply_made_by_orders_awarded_and_contracts_to_deliver(text: str, supplier: str, customer: str) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Rivian signed a contract with Samsung SDI to deliver it by 2026.",
        "The Government of Canada awarded a grant to Northvolt for its plant.",
        "Honda placed an advert with Reuters for its new model.",
    ],
)
def test_supply_contract_and_award_without_goods_or_supplier_yield_nothing(text: str) -> None:
    assert supply_of(text) == []


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        ("Xiaomi inked a deal with CATL for the supply of batteries.", "CATL", "Xiaomi"),
        ("Renault signed a contract with LG Energy Solution for the delivery of cells.", "LG Energy Solution", "Renault"),
        ("Samsung SDI reached an agreement with Stellantis for the supply of battery packs.", "Samsung SDI", "Stellantis"),
    ],
)
def test_supply_deal_with_for_the_supply_of(text: str, supplier: str, customer: str) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "supplier", "customer", "items"),
    [
        ("CATL will become the battery supplier of BMW Group.", "CATL", "BMW Group", ["battery"]),
        (
            "EVE Energy became the designated supplier for BMW Group's large cylindrical batteries.",
            "EVE Energy",
            "BMW Group",
            ["large cylindrical batteries"],
        ),
        ("Umicore is now the exclusive cathode provider to PowerCo.", "Umicore", "PowerCo", ["cathode"]),
        ("SK On has been chosen by Ford as battery supplier.", "SK On", "Ford Motor", ["battery"]),
        ("Nidec was selected by Stellantis to supply e-axles.", "Nidec", "Stellantis", ["e-axles"]),
        ("Sunwoda will provide Renault batteries for its hybrids.", "Sunwoda", "Renault Group", ["batteries"]),
        ("Bosch supplies Stellantis brake systems from 2026.", "Bosch", "Stellantis", ["brake systems"]),
    ],
)
def test_supply_becomes_supplier_chosen_by_and_double_object(
    text: str, supplier: str, customer: str, items: list[str]
) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer), f.fields["items"]) for f in found] == [(True, True, items)], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "The government will provide Northvolt support for its plant.",
        "Bosch will supply Stellantis with the parts.",
        "CATL is a major investor of Gotion.",
    ],
)
def test_supply_double_object_and_descriptor_guards(text: str) -> None:
    assert all(f.fields["items"] != ["support"] for f in supply_of(text))
    if "investor" in text:
        assert supply_of(text) == []


@pytest.mark.parametrize(
    ("text", "supplier", "customer", "items"),
    [
        ("Skoda launched the Elroq in Prague. Supplier of the cells is CATL.", "CATL", "Skoda", ["cells"]),
        ("Seat will be supplied with batteries by PowerCo.", "PowerCo", "SEAT", ["batteries"]),
        ("Renault is supplied by LG Energy Solution with battery cells.", "LG Energy Solution", "Renault Group", ["battery cells"]),
        ("Volvo Cars takes its cells from Northvolt.", "Northvolt", "Volvo Cars", ["cells"]),
        ("CATL obtained the designated project of BMW Group for cylindrical cells.", "CATL", "BMW Group", ["cylindrical cells"]),
        ("Sunwoda won a nomination from Geely for battery packs.", "Sunwoda", "Zhejiang Geely Holding", ["battery packs"]),
        ("The contract with Samsung SDI covers the supply of cells to Stellantis.", "Samsung SDI", "Stellantis", ["cells"]),
    ],
)
def test_supply_translated_supplier_is_passive_supplied_with_and_nominations(
    text: str, supplier: str, customer: str, items: list[str]
) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer), f.fields["items"]) for f in found] == [(True, True, items)], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Tesla took market share from BYD in Europe.",
        "Kia took inspiration from Hyundai for the design.",
        "Volkswagen took a stake from Rivian.",
    ],
)
def test_supply_taking_share_inspiration_or_stakes_is_no_supply(text: str) -> None:
    assert supply_of(text) == []


@pytest.mark.parametrize(
    ("text", "supplier", "customer", "items"),
    [
        ("The Ocean, the electric SUV of Fisker, is produced for Fisker by Magna Steyr in Graz.", "Magna Steyr", "Fisker", ["Ocean"]),
        ("Electric vans are built for Rivian by Foxconn in Ohio.", "Foxconn", "Rivian", ["Electric vans"]),
        ("The 001, the shooting brake of Zeekr, is made for Zeekr by Geely in Ningbo.", "Zhejiang Geely Holding", "Zeekr", ["001"]),
    ],
)
def test_supply_produced_for_customer_by_maker(text: str, supplier: str, customer: str, items: list[str]) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        (
            "Valeo posted higher sales. The plant in Bietigheim, where currently heat pumps for the Renault-daughter "
            "Ampere are manufactured, remains its largest.",
            "Valeo",
            "Ampere",
        ),
        ("Bosch reported results. Its factory in Hatvan, in which sensors for Audi are built, will grow.", "Bosch", "Audi"),
        ("ZF opened a site in Serbia. The works, where e-axles for Stellantis are assembled, employs 900.", "ZF Friedrichshafen", "Stellantis"),
    ],
)
def test_supply_site_where_items_for_a_customer_are_made(text: str, supplier: str, customer: str) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        ("Daimler Truck delivered the first trucks. Halden Logistik, a Hamburg haulier, has ordered 120 eActros 600.", "Daimler Truck", "Halden Logistik"),
        ("Rivian showed its new van. Amazon ordered 100,000 electric vans for deliveries.", "Rivian", "Amazon"),
        ("BYD expanded in Europe. Uber placed an order for 150 electric cars.", "BYD", "Uber"),
    ],
)
def test_supply_units_ordered_from_the_article_company(text: str, supplier: str, customer: str) -> None:
    found = supply_of(text)
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [(True, True)], [f.fields for f in found]


def test_supply_units_ordered_by_the_article_company_itself_yield_nothing() -> None:
    assert supply_of("Tesla ordered 10,000 robots.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ganfeng Lithium agreed to buy the entire lithium carbonate output of Albemarle's plant for ten years.",
        "Albemarle agreed to supply lithium hydroxide to Ford for five years.",
        "Ford agreed to purchase nickel sulphate from Vale over six years.",
    ],
)
def test_supply_agreed_to_buy_or_supply_is_also_a_supply_agreement(text: str) -> None:
    kinds = [(f.type, f.fields.get("kind")) for f in extract_article(Article("t", text))]
    assert ("supply", None) in kinds and ("partnership", "supply_agreement") in kinds, kinds


@pytest.mark.parametrize(
    ("text", "customers"),
    [
        pytest.param("Besides Kia, Bosch delivers e-motors also to Ford.", {"Kia", "Ford"}, id="besides"),
        pytest.param("Apart from Renault Group, LG Energy Solution supplies cells to Volvo Cars.", {"Renault Group", "Volvo Cars"}, id="apart-from"),
        pytest.param("In addition to Tesla, CATL will supply batteries to BMW Group.", {"Tesla", "BMW Group"}, id="in-addition-to"),
    ],
)
def test_supply_besides_names_another_customer(text: str, customers: set[str]) -> None:
    found = {normalize_entity(f.fields["customer"]) for f in supply_of(text)}
    assert found == {normalize_entity(c) for c in customers}


@pytest.mark.parametrize(
    "text",
    [
        "Schaeffler will deliver from 2027 electric axles to Kia.",
        "Bosch shall supply starting in 2026 electric axles to Kia.",
        "ZF will deliver as of 2028 electric axles to Kia.",
    ],
)
def test_supply_date_before_the_items_is_no_item(text: str) -> None:
    assert [f.fields["items"] for f in supply_of(text)] == [["electric axles"]]


@pytest.mark.parametrize(
    ("text", "supplier", "customer", "items"),
    [
        pytest.param("Daimler Truck said orders rose. DHL Group, a logistics firm, has ordered 120 eActros 600 for its routes.", "Daimler Truck", "DHL Group", ["eActros 600"], id="apposition-has-ordered"),
        pytest.param("Volvo Cars reported orders. Hertz ordered 2,000 EX30 crossovers this year.", "Volvo Cars", "Hertz", ["EX30 crossovers"], id="ordered-this-year"),
        pytest.param("Kia had a strong month. UPS, which ordered 500 PV5 vans, will get the first ones in May.", "Kia", "UPS", ["PV5 vans"], id="which-ordered"),
    ],
)
def test_supply_fleet_order_of_the_maker_in_focus(text: str, supplier: str, customer: str, items: list[str]) -> None:
    found = supply_of(text)
    assert [
        (same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer), f.fields["items"])
        for f in found
    ] == [(True, True, items)], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kia had a strong month. Hertz ordered 500 robots from ABB.", id="order-from-a-named-seller"),
        pytest.param("DHL Group reported results. UPS ordered 500 vans last year.", id="topic-is-no-maker"),
    ],
)
def test_supply_fleet_order_needs_a_maker_in_focus(text: str) -> None:
    assert [f.fields for f in supply_of(text) if f.fields["supplier"] in ("Kia", "DHL Group")] == []


@pytest.mark.parametrize(
    ("text", "supplier", "customer", "items"),
    [
        pytest.param("Volkswagen Group holds a stake in the Chinese battery maker Gotion, whose LFP cells shall come into cheaper models for China.", "Gotion High-Tech", "Volkswagen Group", ["LFP cells"], id="whose-cells-come-into-models"),
        pytest.param("Renault Group works with LG Energy Solution, whose pouch cells will go into the R5 and other cars.", "LG Energy Solution", "Renault Group", ["pouch cells"], id="whose-cells-go-into"),
        pytest.param("Kia named Bosch, whose e-axles will be used in its new vans.", "Bosch", "Kia", ["e-axles"], id="whose-e-axles-used-in"),
    ],
)
def test_supply_whose_items_go_into_a_customers_models(text: str, supplier: str, customer: str, items: list[str]) -> None:
    found = [f for f in supply_of(text) if f.fields["items"] == items]
    assert [(same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer)) for f in found] == [
        (True, True)
    ], [f.fields for f in supply_of(text)]


@pytest.mark.parametrize(
    ("text", "supplier", "customer", "items"),
    [
        pytest.param("The Aria, the sport sedan of Kia, is produced for Kia by Magna Steyr in Graz.", "Magna Steyr", "Kia", ["Aria"], id="apposition-produced-for-by"),
        pytest.param("The EX30 is built for Volvo Cars by Geely in Zhangjiakou.", "Zhejiang Geely Holding", "Volvo Cars", ["EX30"], id="built-for-by"),
        pytest.param("The cells are manufactured for Ford from SK On under a long-term deal.", "SK On", "Ford", ["cells"], id="manufactured-for-from"),
    ],
)
def test_supply_made_for_a_customer_by_a_supplier(text: str, supplier: str, customer: str, items: list[str]) -> None:
    found = supply_of(text)
    assert [
        (same_org(f.fields["supplier"], supplier), same_org(f.fields["customer"], customer), f.fields["items"])
        for f in found
    ] == [(True, True, items)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Kestrel Motors opened a plant. The first client is Renault, which also holds shares.",
            {("Kestrel Motors", "Renault Group")},
        ),
        ("Panasonic Energy runs a plant in Kansas. The main delivery destination is Tesla.", {("Panasonic Energy", "Tesla")}),
        ("CATL's biggest customers are Tesla and BMW.", {("CATL", "Tesla"), ("CATL", "BMW Group")}),
    ],
)
def test_supply_named_customer_of_the_company_in_focus(text: str, pairs: set[tuple[str, str]]) -> None:
    found = {(f.fields["supplier"], f.fields["customer"]) for f in extract_article(Article("t", text)) if f.type == "supply"}
    assert found == pairs


@pytest.mark.parametrize(
    "text",
    [
        "Panasonic Energy has concluded contracts of battery supply with Lucid Group and with Mazda.",
        "Panasonic Energy signed agreements for battery supply with Lucid Group and Mazda.",
        "Panasonic Energy has deals on battery deliveries with Lucid Group, and with Mazda.",
    ],
)
def test_supply_contracts_of_supply_with_several_customers(text: str) -> None:
    facts = extract_article(Article("t", text))
    assert {(f.fields["supplier"], f.fields["customer"]) for f in facts if f.type == "supply"} == {
        ("Panasonic Energy", "Lucid Group"),
        ("Panasonic Energy", "Mazda"),
    }
    assert {f.fields["kind"] for f in facts if f.type == "partnership"} == {"supply_agreement"}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Avatr, Deepal and Qiyuan brands all use CATL battery.", {("CATL", "Avatr"), ("CATL", "Deepal"), ("CATL", "Qiyuan")}),
        ("Kia's new models use CATL cells.", {("CATL", "Kia")}),
        ("Tesla uses Panasonic batteries in the Model 3.", {("Panasonic Holdings", "Tesla")}),
    ],
)
def test_supply_customers_using_a_makers_parts(text: str, pairs: set[tuple[str, str]]) -> None:
    found = {(f.fields["supplier"], f.fields["customer"]) for f in extract_article(Article("t", text)) if f.type == "supply"}
    assert found == pairs


def test_supply_named_customer_goes_to_the_articles_company_not_the_last_one_named() -> None:
    text = (
        "Verkor opened its gigafactory in Dunkirk. Verkor will make cells there. It is the third plant in the "
        "region, after those of AESC and ACC. The first client is Renault."
    )
    found = {(f.fields["supplier"], f.fields["customer"]) for f in extract_article(Article("t", text)) if f.type == "supply"}
    assert found == {("Verkor", "Renault Group")}
