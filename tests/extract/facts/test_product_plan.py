"""Product plan rule: launch grammar, products, organisations, timeframes, markets and what is not a plan."""

from __future__ import annotations

import re
from datetime import date

import pytest

from evintel.extract.context import Discourse, OrgRef, SentenceView
from evintel.extract.document import Document, Sentence
from evintel.extract.facts.plant import lowered_text
from evintel.extract.facts.product_plan import (
    _cued_matches_at,
    _lexicon,
    extract_product_plans,
    read_product,
    resolve_timeframe,
)
from evintel.extract.modality import find_modality
from evintel.extract.money import find_money
from evintel.extract.numbers import find_percentages, find_quantities
from evintel.extract.periods import find_periods
from evintel.extract.places import find_places
from evintel.extract.powertrains import find_powertrains
from evintel.models import Article
from evintel.resolve.kb import KnowledgeBase

_MARK = re.compile(r"\[([^\]=]+)(?:=([^\]]+))?\]")
KB = KnowledgeBase([])
DATE = date(2024, 6, 3)


def make_view(marked: str, article_date: date | None = DATE) -> SentenceView:
    """A SentenceView from a sentence whose organisation mentions are marked "[Kia]" or "[the firm=Kia]"."""
    parts: list[str] = []
    orgs: list[OrgRef] = []
    cursor = length = 0
    for match in _MARK.finditer(marked):
        parts.append(marked[cursor : match.start()])
        length += match.start() - cursor
        surface = match.group(1)
        names = tuple((match.group(2) or surface).split("+"))
        orgs.append(
            OrgRef(length, length + len(surface), surface, names, "coref" if surface[0].islower() else "kb")
        )
        parts.append(surface)
        length += len(surface)
        cursor = match.end()
    parts.append(marked[cursor:])
    text = "".join(parts)
    sentence = Sentence(0, 0, len(text), text)
    return SentenceView(
        doc=Document(Article("t", text, article_date), [sentence]),
        sentence=sentence,
        orgs=orgs,
        quantities=find_quantities(text),
        money=find_money(text),
        percentages=find_percentages(text),
        periods=find_periods(text, article_date),
        powertrains=find_powertrains(text),
        places=find_places(text),
        modality=find_modality(text),
    )


def plans(marked: str, article_date: date | None = DATE, topic: str = "Orsino Auto") -> list[dict]:
    discourse = Discourse()
    discourse.topic = OrgRef(0, 0, topic, (topic,), "kb")
    return [f.fields for f in extract_product_plans(make_view(marked, article_date), discourse, KB)]


@pytest.mark.parametrize(
    ("marked", "orgs", "product_word", "timeframe"),
    [
        (
            "[Kestrel Motors] will launch the Vento electric hatchback in Europe in 2026.",
            ["Kestrel Motors"],
            "Vento",
            "2026",
        ),
        (
            "[Kestrel Motors] plans to introduce a three-row electric SUV next year.",
            ["Kestrel Motors"],
            "SUV",
            "2025",
        ),
        ("The Arco compact sedan is due in late 2025.", ["Orsino Auto"], "Arco", "late 2025"),
        ("A long-range version of the Arco will follow in 2026.", ["Orsino Auto"], "Arco", "2026"),
        (
            "The new Sorell pickup will roll off the line in the first half of 2026.",
            ["Orsino Auto"],
            "Sorell",
            "first half of 2026",
        ),
        (
            "Production of the Tempra crossover is scheduled to start in 2027.",
            ["Orsino Auto"],
            "Tempra",
            "2027",
        ),
        (
            "[Kestrel Motors] has delayed the launch of its Vento sedan to 2028.",
            ["Kestrel Motors"],
            "Vento",
            "2028",
        ),
        (
            "[Lumo] and [Hakan Motors] will jointly develop an electric pickup for sale after 2027.",
            ["Lumo", "Hakan Motors"],
            "pickup",
            "after 2027",
        ),
        (
            "[Kestrel Motors] said its first robotaxi would go on sale by the end of the decade.",
            ["Kestrel Motors"],
            "robotaxi",
            "by end of the decade",
        ),
        ("The Zephyr 7 goes on sale in March 2025.", ["Orsino Auto"], "Zephyr", "March 2025"),
        (
            "[Kestrel Motors] is set to unveil the K9 MPV later this year.",
            ["Kestrel Motors"],
            "K9",
            "late 2024",
        ),
        (
            "[Velar Auto] is working with [Dongfa] on two electric models for the Chinese market, due in 2026.",
            ["Velar Auto", "Dongfa"],
            "models",
            "2026",
        ),
        (
            "The carmaker will offer hybrid versions of all its vehicle lines by 2030.",
            ["Orsino Auto"],
            "hybrid versions",
            "by 2030",
        ),
        (
            "[Kestrel Motors] wants to start building the Forto van in Spain from 2026.",
            ["Kestrel Motors"],
            "Forto",
            "from 2026",
        ),
        (
            "[Brio] will build a small electric SUV for [Taiko Motors] from 2026.",
            ["Brio", "Taiko Motors"],
            "SUV",
            "from 2026",
        ),
        (
            "The Nuvo, a city car that [Kestrel Motors] plans to launch next spring, will cost under EUR 20,000.",
            ["Kestrel Motors"],
            "city car",
            "spring 2025",
        ),
        ("The launch of the Arco estate is planned for summer 2025.", ["Orsino Auto"], "Arco", "summer 2025"),
        (
            "Bring it comes in the autumn 2025 the Vento S on the market, [Kestrel Motors] said.",
            ["Kestrel Motors"],
            None,
            None,
        ),
    ],
)
def test_extract_product_plans_reads_orgs_product_and_timeframe(marked, orgs, product_word, timeframe):
    found = plans(marked)
    if product_word is None:
        return  # machine-translated word order: no crash is the requirement here
    assert found, marked
    first = found[0]
    assert first["orgs"] == orgs
    assert product_word.lower() in first["product"].lower()
    assert first["timeframe"] == timeframe


@pytest.mark.parametrize(
    "marked",
    [
        "[Kestrel Motors] launched the Vento in 2023 and sold 40,000 of them last year.",
        "[Kestrel Motors] plans to sell 500,000 electric cars a year by 2030.",
        "The plant will produce 300,000 vehicles a year from 2026.",
        "The plant is due to start production before the end of the year.",
        "Battery cells will come from [Lumen Cells]' plant in Hungary.",
        "[Kestrel Motors] has scrapped plans to launch an electric pickup in 2026.",
        "The test car handled well on wet roads, though the infotainment system felt slow.",
        "Fast chargers along the motorway deliver up to 350 kW, enough for 200 km in ten minutes.",
        "[Lumen Cells] will supply battery cells to [Kestrel Motors] from 2026.",
        "[Royal Post] said it would add another 400 electric vans to its fleet from next year.",
        "The Vento went on sale in Germany in March.",
        "[Kestrel Motors] will invest EUR 2 billion in its plant in Valencia.",
        "Electric vehicle maker [Kestrel Motors] said on Friday it would launch its luxury brand Aurel next year.",
        "Chinese EV start-up [Kestrel Motors] said it would unveil its strategy in May.",
        "The electric truck maker [Kestrel Motors], whose chief said it will introduce a loyalty scheme, grew.",
        "Sales of eco-friendly vehicles, including hybrids and EVs, came to 20,154 units in Korea.",
        "Deliveries of the Vento amounted to 12,000 units, up to a record.",
        "The [Lumen Cells] plant will begin production of battery cells and electrodes for hybrid cars.",
        "[Lumen Cells] will start making cathodes and anodes in Hungary next year.",
        "The van comes from a new vehicle plant in Hwaseong, and European deliveries are expected by the end of the year.",
        "It runs an electric car plant in Ohio, and first shipments are due in 2026.",
        "The sedan is built at the Kestrel car factory, and new orders are expected in the spring.",
    ],
)
def test_extract_product_plans_ignores_non_plans(marked):
    assert plans(marked) == []


@pytest.mark.parametrize(
    ("marked", "markets"),
    [
        ("[Kestrel Motors] will launch the Vento for the US market in 2026.", ["US"]),
        (
            "[Kestrel Motors] will start selling the K5 in Norway, the Netherlands and Germany next year.",
            ["Norway", "Netherlands", "Germany"],
        ),
        ("[Kestrel Motors] will introduce the K5 for European buyers in 2026.", ["Europe"]),
        ("The electric pickup will remain exclusive to the US when it arrives in 2027.", ["US"]),
    ],
)
def test_extract_product_plans_reads_markets(marked, markets):
    found = plans(marked)
    assert found and found[0]["markets"] == markets


def test_extract_product_plans_takes_production_location_from_the_plant():
    found = plans("[Kestrel Motors] will build the Vento at its plant in Kragujevac, Serbia, from 2026.")
    assert found and found[0]["production_location"] == "Kragujevac, Serbia"


def test_extract_product_plans_adds_details_from_a_generic_follow_up_sentence():
    first = make_view("[Kestrel Motors] will launch an electric pickup for the US market.")
    second = make_view("The vehicle will be built in Saltillo, Mexico, and is due after 2027.")
    second.previous = first
    discourse = Discourse()
    facts = extract_product_plans(first, discourse, KB)
    assert extract_product_plans(second, discourse, KB) == []
    assert facts[0].fields["production_location"] == "Saltillo, Mexico"
    assert facts[0].fields["timeframe"] == "after 2027"


def test_extract_product_plans_lowers_confidence_when_hedged():
    found = extract_product_plans(
        make_view("[Kestrel Motors] may launch the Vento in 2026."), Discourse(), KB
    )
    assert found and found[0].confidence < 0.5 and found[0].modality == "hedged"


def test_extract_product_plans_keeps_relative_years_without_a_date():
    found = plans("[Kestrel Motors] plans to launch the Vento next year.", article_date=None)
    assert found and found[0]["timeframe"] == "next year"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the three-row Ioniq 7 SUV for the US market", "three-row Ioniq 7 SUV"),
        ("hybrid versions of all its vehicle lines by 2030", "hybrid versions of all its vehicle lines"),
        ("a crossover based on the Leaf, for sale in 2026", "crossover based on the Leaf"),
        (
            "LMFP (lithium manganese iron phosphate) battery cells, and more",
            "LMFP (lithium manganese iron phosphate) battery cells",
        ),
    ],
)
def test_read_product_stops_at_the_end_of_the_noun_phrase(text, expected):
    found = read_product(text, 0)
    assert found is not None and found[2] == expected


@pytest.mark.parametrize(
    ("phrase", "article_date", "expected"),
    [
        ("by the end of the decade", DATE, "by end of the decade"),
        ("next year", DATE, "2025"),
        ("early next year", DATE, "early 2025"),
        ("later this year", DATE, "late 2024"),
        ("after 2027", None, "after 2027"),
        ("in the second half of 2025", None, "second half of 2025"),
    ],
)
def test_resolve_timeframe_keeps_meaningful_prepositions(phrase, article_date, expected):
    from evintel.extract.facts.product_plan import _TIME

    match = _TIME.search(phrase)
    assert match is not None and resolve_timeframe(match, article_date) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Toyota will build a compact electric SUV for Subaru, based on its e-TNGA platform, from 2026.",
            "e-TNGA platform",
        ),
        (
            "Hyundai plans to launch three electric models on its own dedicated EV platform in 2027.",
            "dedicated EV",
        ),
    ],
)
def test_product_plan_keeps_the_platform_it_is_based_on(text: str, words: str) -> None:
    from evintel.extract import extract_article
    from evintel.models import Article

    plans = [f for f in extract_article(Article("t", text, date(2025, 1, 1))) if f.type == "product_plan"]
    assert plans and words in plans[0].fields["product"]


def test_product_plan_needs_a_named_or_described_product() -> None:
    from evintel.extract import extract_article
    from evintel.models import Article

    text = "Tianlan develops driver-assistance software; the first models with it shall arrive from 2026."
    plans = [f for f in extract_article(Article("t", text, date(2025, 1, 1))) if f.type == "product_plan"]
    assert plans == []


@pytest.mark.parametrize(
    ("marked", "orgs"),
    [
        (
            "[Stellantis]'s venture with electric-car maker [Leapmotor] will start building the B10 SUV next year.",
            ["Stellantis", "Leapmotor"],
        ),
        (
            "[Renault]'s joint venture with [Geely] will launch a hybrid SUV in Brazil in 2026.",
            ["Renault", "Geely"],
        ),
        ("[Toyota]'s JV with [BYD] plans to launch the bZ3 sedan next year.", ["Toyota", "BYD"]),
    ],
)
def test_extract_product_plans_a_venture_with_a_partner_plans_for_both(marked: str, orgs: list[str]) -> None:
    assert [p["orgs"] for p in plans(marked)] == [orgs]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "Stellantis's venture with Leapmotor will start building the B10 compact SUV in 2026. "
            "The B10 will be assembled at Stellantis's Figueruelas factory from 2026.",
            "Figueruelas",
        ),
        (
            "Kia will launch the EV2 crossover in Europe in 2026. The EV2 will be built at Kia's plant in Zilina, Slovakia.",
            "Zilina, Slovakia",
        ),
        (
            "Toyota and BYD will launch the bZ3 sedan next year. Toyota will build the bZ3 at its Tianjin plant.",
            "Tianjin",
        ),
    ],
)
def test_product_plan_restated_later_is_one_plan_with_the_added_details(text: str, location: str) -> None:
    from evintel.extract import extract_article
    from evintel.models import Article

    found = [f.fields for f in extract_article(Article("t", text, DATE)) if f.type == "product_plan"]
    assert len(found) == 1, found
    assert found[0]["production_location"] == location


@pytest.mark.parametrize(
    ("marked", "product", "timeframe"),
    [
        (
            "The pure electric SUV [Xiaomi] YU7 will be formally launched around July this year.",
            "YU7",
            "July 2024",
        ),
        ("The Vento S will be officially unveiled in 2026.", "Vento S", "2026"),
        ("[Kestrel Motors] said the K9 van will be gradually rolled out from 2026.", "K9 van", "from 2026"),
    ],
)
def test_extract_product_plans_manner_adverb_inside_the_passive(
    marked: str, product: str, timeframe: str
) -> None:
    found = plans(marked)
    assert [(product in p["product"], p["timeframe"]) for p in found] == [(True, timeframe)]


@pytest.mark.parametrize(
    ("marked", "product", "location"),
    [
        (
            "[Stellantis] will produce from 2026 in Figueruelas the Leapmotor B10.",
            "Leapmotor B10",
            "Figueruelas",
        ),
        ("[Kestrel Motors] will build in Zilina from 2026 the EV2 crossover.", "EV2 crossover", "Zilina"),
        ("[Kestrel Motors] will assemble from next year in Valencia the Vento S.", "Vento S", "Valencia"),
    ],
)
def test_extract_product_plans_object_after_time_and_place_in_translated_order(
    marked: str, product: str, location: str
) -> None:
    assert [(p["product"], p["production_location"]) for p in plans(marked)] == [(product, location)]


@pytest.mark.parametrize(
    ("marked", "product", "location"),
    [
        (
            "[Kestrel Motors] is preparing its Normal, Illinois, factory for the smaller R2 SUV, with production due in 2026.",
            "smaller R2 SUV",
            "Normal, Illinois",
        ),
        (
            "[Kestrel Motors] is retooling its Louisville plant to build a midsize electric pickup from 2027.",
            "midsize electric pickup",
            "Louisville",
        ),
        ("[Kestrel Motors] has been converting the Rastatt plant for the Vento S.", "Vento S", "Rastatt"),
    ],
)
def test_extract_product_plans_a_site_being_prepared_for_a_product(
    marked: str, product: str, location: str
) -> None:
    assert [(p["product"], p["production_location"]) for p in plans(marked)] == [(product, location)]


def test_extract_product_plans_a_site_prepared_for_something_else_is_no_plan() -> None:
    assert plans("[Kestrel Motors] was preparing its Cologne plant for a strike.") == []


@pytest.mark.parametrize(
    ("marked", "orgs", "product"),
    [
        ("The [Renault] 5 will go on sale in Europe in early 2025.", ["Renault"], "Renault 5"),
        ("[Kia] will officially launch the EV3 in Europe in 2025.", ["Kia"], "EV3"),
        ("Production of the Model 2 is expected to begin in 2025, [Tesla] said.", ["Tesla"], "Model 2"),
        ("The Vento S will arrive in 2026, [Kestrel Motors] confirmed.", ["Kestrel Motors"], "Vento S"),
    ],
)
def test_extract_product_plans_brand_models_adverbs_and_reporting_companies(
    marked: str, orgs: list[str], product: str
) -> None:
    assert [(p["orgs"], p["product"]) for p in plans(marked, topic="Orsino Auto")] == [(orgs, product)]


def test_extract_product_plans_plural_reporters_are_not_the_planners() -> None:
    found = plans("The B10 will be assembled in Spain from 2026, [the companies=Stellantis+Leapmotor] said.")
    assert [p["orgs"] for p in found] == [["Orsino Auto"]]


def test_product_plan_a_shorter_name_with_another_year_is_another_product() -> None:
    from evintel.extract import extract_article
    from evintel.models import Article

    text = "Kia will launch the EV3 GT in Europe in 2026. Kia will launch the EV3 in Korea in 2025."
    found = [
        f.fields["product"] for f in extract_article(Article("t", text, DATE)) if f.type == "product_plan"
    ]
    assert found == ["EV3 GT", "EV3"]


def test_extract_product_plans_reads_a_product_named_before_a_that_clause():
    found = plans(
        "[Lumen Cells] will build a compact electric SUV for [Kestrel Motors] that the carmaker plans to sell in "
        "Spain from 2027."
    )
    assert [p["product"] for p in found] == ["compact electric SUV"]


@pytest.mark.parametrize(
    ("marked", "product", "powertrains"),
    [
        ("[Velo Moto] will launch the Arrow electric motorbike in Thailand next year.", "Arrow electric motorbike", ["BEV"]),
        ("[Velo Moto] plans to introduce two new electric two-wheelers in 2026.", "two new electric two-wheelers", ["BEV"]),
        ("[Kestrel Motors] is set to add a heavier electric chassis for delivery trucks in 2026.", "heavier electric chassis", ["BEV"]),
        ("[Velo Moto] will roll out electric mopeds in Jakarta later this year.", "electric mopeds", ["BEV"]),
        ("[Velo Moto] aims to debut an e-scooter for students in 2025.", "e-scooter", None),
    ],
)
def test_extract_product_plans_two_wheelers_and_chassis_are_products(
    marked: str, product: str, powertrains: list[str] | None
) -> None:
    assert [(p["product"], p["powertrains"]) for p in plans(marked)] == [(product, powertrains)]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        (
            "[Velo Moto] will roll out scooters powered by sodium-ion batteries in 2026.",
            "scooters powered by sodium-ion batteries",
        ),
        (
            "[Kestrel Motors] plans to launch a city bus running on hydrogen fuel cells next year.",
            "city bus running on hydrogen fuel cells",
        ),
        (
            "[Kestrel Motors] will introduce a pickup equipped with a range-extender engine in 2027.",
            "pickup equipped with a range-extender engine",
        ),
    ],
)
def test_extract_product_plans_what_drives_the_product_is_part_of_it(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


@pytest.mark.parametrize(
    "marked",
    [
        "[Kestrel Motors], which had planned to launch the Vento van in Poland this year, has dropped the project.",
        "[Kestrel Motors] had originally intended to introduce the K9 pickup in 2025 before the market cooled.",
        "The group had been planning to start building electric buses in Gliwice next year, but changed course.",
        "[Kestrel Motors] was supposed to have launched the Vento S by 2024.",
    ],
)
def test_extract_product_plans_a_plan_in_the_past_perfect_was_given_up(marked: str) -> None:
    assert plans(marked) == []


@pytest.mark.parametrize(
    "marked",
    [
        "[Royal Post] has ordered forty of [Kestrel Motors]' electric vans, which will be delivered this year.",
        "[Royal Post] bought 120 Vento electric vans that will arrive in 2026.",
        "The city placed an order for 30 electric buses, which will be delivered next spring.",
    ],
)
def test_extract_product_plans_vehicles_ordered_by_a_fleet_are_no_plan(marked: str) -> None:
    assert plans(marked) == []


@pytest.mark.parametrize(
    "marked",
    [
        "An electric-only factory in Vithalapur, Gujarat, is to follow in 2028.",
        "A second plant in Debrecen, Hungary, will follow in 2027.",
        "Its next factory, in Pune, is due in 2026.",
    ],
)
def test_extract_product_plans_a_place_is_no_product(marked: str) -> None:
    assert plans(marked) == []


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Kestrel Motors] plans to produce the Q7 e-volt in Spain from 2025.", "Q7 e-volt"),
        ("[Kestrel Motors] said the Neue Reihe iK5 will enter production in late 2025.", "Neue Reihe iK5"),
        ("[Kestrel Motors] is going to launch the e-KS4 in Mexico next year.", "e-KS4"),
        ("[Aion Motors] will launch the Aion V in Thailand in 2025.", "Aion V"),
    ],
)
def test_extract_product_plans_model_codes_among_lower_case_words(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


@pytest.mark.parametrize(
    "marked",
    [
        "[Kestrel Motors] will launch [Kestrel Motors] next year.",
        "[Kestrel Motors] expects to reach 800V in Q4 next year.",
    ],
)
def test_extract_product_plans_a_company_or_a_unit_is_no_model(marked: str) -> None:
    assert plans(marked) == []


@pytest.mark.parametrize(
    ("marked", "product", "timeframe"),
    [
        ("[Kestrel Motors] will in 2025 launch the Vento S in Thailand.", "Vento S", "2025"),
        ("[Kestrel Motors] will from 2026 produce the K9 in Mexico.", "K9", "from 2026"),
        ("[Kestrel Motors] will next year introduce the Arco GT.", "Arco GT", "2025"),
    ],
)
def test_extract_product_plans_time_between_modal_and_verb(marked: str, product: str, timeframe: str) -> None:
    assert [(p["product"], p["timeframe"]) for p in plans(marked)] == [(product, timeframe)]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Kestrel Motors] plans to export the Bingo city car to Indonesia from 2025.", "Bingo city car"),
        ("[Kestrel Motors] will mass-produce an electric pickup truck from 2026.", "electric pickup truck"),
        ("[Kestrel Motors] will start local production of the K3X in Guangzhou in 2025.", "K3X"),
        ("[Kestrel Motors] is set to begin series production of the Vento van next spring.", "Vento van"),
    ],
)
def test_extract_product_plans_export_and_production_verbs(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


@pytest.mark.parametrize(
    ("marked", "markets", "location"),
    [
        ("[Kestrel Motors] will from 2025 produce the K9 in Mexico.", None, "Mexico"),
        ("[Kestrel Motors] plans to assemble the Vento S in India from next year.", None, "India"),
        ("[Kestrel Motors] plans to sell a Lumo-built EV in Australia and New Zealand from 2026.", ["Australia", "New Zealand"], None),
        ("[Kestrel Motors] plans to export the Bingo to Indonesia from 2025.", ["Indonesia"], None),
        ("[Kestrel Motors] will release the EH7 sedan on the European market in 2025.", ["Europe"], None),
    ],
)
def test_extract_product_plans_where_it_is_made_is_no_market(
    marked: str, markets: list[str] | None, location: str | None
) -> None:
    assert [(p["markets"], p["production_location"]) for p in plans(marked)] == [(markets, location)]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Kestrel Motors] will begin production of the Gravo SUV late this year.", "Gravo SUV"),
        ("[Kestrel Motors] will release the EH7 sedan on the European market in 2025.", "EH7 sedan"),
        ("[Kestrel Motors] will launch the Vento estate early next year.", "Vento estate"),
        ("[Kestrel Motors] will launch a compact SUV on the MEB platform in 2026.", "compact SUV on the MEB platform"),
    ],
)
def test_extract_product_plans_product_ends_before_time_words_and_markets(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


@pytest.mark.parametrize(
    ("marked", "product", "timeframe"),
    [
        ("The K9, which is built in Zilina, will be offered in Germany from 2026.", "K9", "from 2026"),
        ("The Vento S, which the brand showed in Paris, is due to arrive in 2025.", "Vento S", "2025"),
        ("The Arco van, which will use the new platform, will follow in 2027.", "Arco van", "2027"),
    ],
)
def test_extract_product_plans_subject_with_a_relative_clause_aside(marked: str, product: str, timeframe: str) -> None:
    assert [(p["product"], p["timeframe"]) for p in plans(marked)] == [(product, timeframe)]


@pytest.mark.parametrize(
    ("marked", "orgs", "product"),
    [
        ("[Lumo]'s first pure electric SUV, the L8, is expected to be launched in July.", ["Lumo"], "L8"),
        ("[Kestrel Motors]' second model, the KX7 SUV, will be launched in 2025.", ["Kestrel Motors"], "KX7 SUV"),
        ("It is planned that the ET9 will be launched in Germany in 2025, [Lumo] said.", ["Lumo"], "ET9"),
        ("A second model, a compact electric hatchback, is planned for 2026, [Lumo] confirmed.", ["Lumo"], "compact electric hatchback"),
        ("According to [Lumo], the L6 sedan will go on sale in 2026.", ["Lumo"], "L6 sedan"),
    ],
)
def test_extract_product_plans_owner_from_a_possessive_or_an_attribution(
    marked: str, orgs: list[str], product: str
) -> None:
    found = [f.fields for f in extract_product_plans(make_view(marked), Discourse(), KB)]
    assert [(p["orgs"], p["product"]) for p in found] == [(orgs, product)]


def test_extract_product_plans_an_electric_maker_plans_electric_products() -> None:
    discourse = Discourse()
    discourse.topic = OrgRef(0, 0, "Lumo", ("Lumo",), "kb")
    discourse.ev_makers.add("Lumo")
    found = extract_product_plans(make_view("The L6 sedan will go on sale in 2026."), discourse, KB)
    assert [f.fields["powertrains"] for f in found] == [["BEV"]]
    assert plans("The L6 sedan will go on sale in 2026.", topic="Lumo")[0]["powertrains"] is None


@pytest.mark.parametrize(
    "marked",
    [
        "Groundbreaking is planned for later this year.",
        "Construction is scheduled for 2026.",
        "Commissioning is expected in the first half of 2025.",
    ],
)
def test_extract_product_plans_a_capitalised_first_word_is_no_model(marked: str) -> None:
    assert plans(marked) == []


def test_extract_product_plans_is_planned_for_without_other_cues() -> None:
    assert [p["product"] for p in plans("The Vento estate is planned for 2026.")] == ["Vento estate"]


@pytest.mark.parametrize(
    ("marked", "product", "timeframe"),
    [
        ("[Velo Moto] said its new platform will underpin scooters to be launched in the 2026 festive season.", "scooters to be", "2026 festive season"),
        ("[Kestrel Motors] confirmed a compact SUV to be built in Zwickau from 2026.", "compact SUV", "from 2026"),
        ("[Kestrel Motors] showed three concept cars to be sold in Europe from 2027.", "three concept cars", "from 2027"),
        ("[Kestrel Motors] will add two pickups to be produced in Texas from 2028.", "two pickups", "from 2028"),
    ],
)
def test_extract_product_plans_reduced_relative_to_be_launched(marked: str, product: str, timeframe: str) -> None:
    found = plans(marked)
    assert found and found[0]["timeframe"] == timeframe
    assert product.split()[0] in found[0]["product"] and "showed" not in found[0]["product"]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("Its new EL platform will underpin scooters from 2026.", "scooters on the new EL platform"),
        ("The SEA-2 architecture, shared with sister brands, will underpin three SUVs by 2027.", "three SUVs on the SEA-2 architecture"),
        ("The skateboard platform is set to spawn a pickup in 2026.", "pickup on the skateboard platform"),
    ],
)
def test_extract_product_plans_products_a_platform_will_underpin(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Kestrel Motors] said exports of the Vento S to Australia would begin next year.", "Vento S"),
        ("Shipments of the K9 van to Europe are scheduled to start in March 2025.", "K9 van"),
        ("[Kestrel Motors] will co-develop a traction system for buses, the e-Citybus, whose launch is foreseen for 2026.", "e-Citybus"),
        ("Local production of the Arco sedan is envisaged for 2026.", "Arco sedan"),
    ],
)
def test_extract_product_plans_exports_and_whose_launch(marked: str, product: str) -> None:
    assert product in [p["product"] for p in plans(marked)]


@pytest.mark.parametrize(
    ("marked", "timeframe", "powertrains"),
    [
        ("[Kestrel Motors] will introduce a new electric small commercial vehicle in the second half of FY26.", "second half of FY26", ["BEV"]),
        ("[Kestrel Motors] plans to launch the K9 van in fiscal 2026.", "fiscal 2026", None),
        ("The Vento estate will be offered in Germany as of the second half of 2025.", "as of second half of 2025", None),
    ],
)
def test_extract_product_plans_fiscal_years_and_electric_in_the_product(
    marked: str, timeframe: str, powertrains: list[str] | None
) -> None:
    assert [(p["timeframe"], p["powertrains"]) for p in plans(marked)] == [(timeframe, powertrains)]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Kestrel Motors] will present the new electric Vento in the first half of 2025.", "new electric Vento"),
        ("[Kestrel Motors] will in the coming year present the electric Arco.", "electric Arco"),
        ("The next-generation Sorell goes into production in 2026, [Kestrel Motors] said.", "next-generation Sorell"),
        ("From 2026 the Kestrel K4 e-volt is to roll off the assembly line in Zwickau.", "Kestrel K4 e-volt"),
    ],
)
def test_extract_product_plans_model_names_after_adjectives(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


@pytest.mark.parametrize(
    "marked",
    [
        "[Kestrel Motors] will introduce its new strategy Horizon next year.",
        "[Kestrel Motors] will appoint a new CEO Smith in 2025.",
        "[Kestrel Motors] will launch its premium brand Aurel in 2026.",
    ],
)
def test_extract_product_plans_a_named_brand_strategy_or_person_is_no_model(marked: str) -> None:
    assert plans(marked) == []


@pytest.mark.parametrize(
    ("marked", "orgs"),
    [
        ("[Lumo]'s electric L5 will be produced from 2025 in Douai.", ["Lumo"]),
        ("A new electric SUV from [Lumo] is slated for 2026.", ["Lumo"]),
        ("According to the plan, [Lumo]'s Hungarian factory will start production of the Dolphin in 2025.", ["Lumo"]),
    ],
)
def test_extract_product_plans_owner_named_in_or_after_the_product(marked: str, orgs: list[str]) -> None:
    found = [f.fields for f in extract_product_plans(make_view(marked), Discourse(), KB)]
    assert [p["orgs"] for p in found] == [orgs]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Kestrel Motors] is planning the launch of a midsize electric pickup for 2027.", "midsize electric pickup"),
        ("[Kestrel Motors] plans the market launch of the K4 successor in 2026.", "K4 successor"),
        ("[Kestrel Motors] plans to start R2 deliveries in the first half of 2026.", "R2"),
        ("[Kestrel Motors] will begin Vento exports to Europe in 2025.", "Vento"),
        ("[Kestrel Motors] will put the Raval into production in Martorell in 2026.", "Raval"),
        ("[Kestrel Motors] will enter the Japanese market with the Seal sedan next year.", "Seal sedan"),
    ],
)
def test_extract_product_plans_launch_nouns_and_put_into_production(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


@pytest.mark.parametrize(
    "marked",
    [
        "[Kestrel Motors] will start production in Cologne next year.",
        "[Kestrel Motors] will put pressure on its rivals next year.",
        "[Kestrel Motors] will enter the Japanese market next year.",
    ],
)
def test_extract_product_plans_no_product_after_start_or_put(marked: str) -> None:
    assert plans(marked) == []


@pytest.mark.parametrize(
    ("marked", "article_date", "timeframe"),
    [
        ("[Kestrel Motors] will start selling the K3 in the Philippines in the fourth quarter.", date(2024, 9, 10), "fourth quarter of 2024"),
        ("[Kestrel Motors] will launch the K3 in Europe in the first quarter.", date(2024, 9, 10), "first quarter of 2025"),
        ("[Kestrel Motors] will launch the N7 in China in April.", date(2024, 9, 10), "April 2025"),
        ("[Kestrel Motors] will begin producing electric scooters next month.", date(2024, 12, 5), "January 2025"),
        ("[Kestrel Motors] said in March it will add a hybrid model at the plant.", date(2025, 6, 3), None),
    ],
)
def test_extract_product_plans_months_quarters_and_next_month(marked: str, article_date: date, timeframe: str | None) -> None:
    assert [p["timeframe"] for p in plans(marked, article_date)] == [timeframe]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("The first model to be assembled there is the 12-meter electric city bus E12, due in 2025.", "12-meter electric city bus E12"),
        ("[Kestrel Motors] said the first car to roll off the line in Zwickau will be the K4 e-volt.", "K4 e-volt"),
        ("The first vehicle built at the new plant will be the Vento S crossover.", "Vento S crossover"),
    ],
)
def test_extract_product_plans_the_first_model_to_be_built(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


def test_extract_product_plans_the_first_model_already_built_is_no_plan() -> None:
    assert plans("The first model produced here is the K5.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kia will begin producing its first electric scooters for India next month. The K1 and the KX2 will "
            "be made at the Sohna plant.",
            "KX2 electric scooters",
        ),
        (
            "Kia will launch two electric pickups in 2026. The K7 will be built in Zilina.",
            "K7 electric pickups",
        ),
        (
            "Kia plans to introduce new compact SUVs next year. The EV2 will be assembled in Zilina.",
            "EV2 compact SUVs",
        ),
    ],
)
def test_extract_product_plans_a_model_named_after_a_plan_for_a_kind(text: str, expected: str) -> None:
    from evintel.extract import extract_article

    found = [f.fields for f in extract_article(Article("t", text, DATE)) if f.type == "product_plan"]
    named = [p for p in found if p["product"] == expected]
    assert named and named[0]["timeframe"] is not None


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Kestrel Motors] plans to start sales of the new K5 in China in 2025.", "new K5"),
        ("[Kestrel Motors] plans to open sales of the VF 3 in Indonesia next year.", "VF 3"),
        ("[Kestrel Motors] will market the R4 from 2025.", "R4"),
        ("[Kestrel Motors] is to begin exports of the e Vitara to Japan from 2026.", "e Vitara"),
        ("It is reported that the [Kestrel Motors] KU7 is planned to be listed in June 2025.", "Kestrel Motors KU7"),
    ],
)
def test_extract_product_plans_sales_exports_and_listing_verbs(marked: str, product: str) -> None:
    assert [p["product"] for p in plans(marked)] == [product]


@pytest.mark.parametrize(
    ("marked", "location"),
    [
        ("Production of the Raval is to start in 2026 in Martorell.", "Martorell"),
        ("Assembly of the Vento S will begin at Zilina next spring.", "Zilina"),
        ("[Kestrel Motors] will start production of the K4 in 2026 in Kragujevac.", "Kragujevac"),
    ],
)
def test_extract_product_plans_town_after_a_production_cue(marked: str, location: str) -> None:
    assert [p["production_location"] for p in plans(marked)] == [location]


@pytest.mark.parametrize(
    ("marked", "product", "timeframe"),
    [
        ("[Kestrel Motors] will officially start pre-sale of the K3 in August.", "K3", "August 2024"),
        ("[Kestrel Motors] will open pre-orders for the C16 next month.", "C16", "July 2024"),
        ("The [Kestrel Motors] ET9 is scheduled to go on the market in the first quarter of 2025.", "Kestrel Motors ET9", "first quarter of 2025"),
        ("The [Kestrel Motors] Z9 GT will be put into mass production in October.", "Kestrel Motors Z9 GT", "October 2024"),
        ("[Kestrel Motors]' SU7 Ultra is expected to begin deliveries in March 2025.", "Kestrel Motors' SU7 Ultra", "March 2025"),
        ("[Kestrel Motors] is preparing the market entry of the 7X in Europe for 2025.", "7X", "2025"),
        ("[Kestrel Motors] will in October release the new Tiggo 9.", "new Tiggo 9", "October 2024"),
        ("The next-generation K4 should arrive in mid-2025, [Kestrel Motors] said.", "next-generation K4", "mid-2025"),
    ],
)
def test_extract_product_plans_pre_sales_market_entry_and_should(marked: str, product: str, timeframe: str) -> None:
    assert [(p["product"], p["timeframe"]) for p in plans(marked)] == [(product, timeframe)]


def test_extract_product_plans_opening_pre_orders_is_no_fleet_order() -> None:
    assert plans("[Royal Post] placed orders for 40 electric vans, which will be delivered in 2025.") == []


@pytest.mark.parametrize(
    ("marked", "product", "timeframe"),
    [
        ("[Kestrel Motors] also will complete by 2027 its West plant, where the large-size van PV7 is produced.", "large-size van PV7", "by 2027"),
        ("[Kestrel Motors] is building a plant in Ulsan, to be completed in 2026, where the GV90 will be built.", "GV90", "2026"),
        ("[Kestrel Motors] will open a factory in Pune in 2026, where electric scooters will be made.", "electric scooters", "2026"),
    ],
)
def test_extract_product_plans_made_where_a_future_site_stands(marked: str, product: str, timeframe: str) -> None:
    assert [(p["product"], p["timeframe"]) for p in plans(marked)] == [(product, timeframe)]


def test_extract_product_plans_made_where_an_existing_site_stands_is_no_plan() -> None:
    assert plans("[Kestrel Motors] operates a plant in Zilina, where the Ceed is produced.") == []


@pytest.mark.parametrize(
    ("marked", "orgs"),
    [
        ("[Chery], which took over a former [Nissan] factory in Barcelona, will start assembling the Omoda 5 there in 2025.", ["Chery"]),
        ("[Lumo], whose partner is [Kestrel Motors], will launch the L6 sedan in 2026.", ["Lumo"]),
        ("[Lumo] will build the L9 at the former [Kestrel Motors] plant from 2026.", ["Lumo"]),
    ],
)
def test_extract_product_plans_a_company_in_an_aside_is_no_subject(marked: str, orgs: list[str]) -> None:
    assert [p["orgs"] for p in plans(marked)] == [orgs]


@pytest.mark.parametrize(
    "text",
    [
        "Kia wants to build a new entry-level electric car in Portugal. The K1 is to be produced in Palmela from 2027.",
        "Kia plans to launch a compact pickup next year. The KP3 will be built in Zilina.",
        "Kia will introduce a new flagship SUV in 2026. The EV9X will be assembled in Georgia.",
    ],
)
def test_extract_product_plans_a_model_named_after_a_plan_for_one_product_is_that_product(text: str) -> None:
    from evintel.extract import extract_article

    found = [f.fields for f in extract_article(Article("t", text, DATE)) if f.type == "product_plan"]
    assert len(found) == 1 and found[0]["product"].split()[0] in text.split(". ")[1]
    assert found[0]["timeframe"] is not None


@pytest.mark.parametrize(
    ("marked", "markets"),
    [
        ("The K6 PHEV is to come onto the German market in 2025, [Kestrel Motors] said.", ["Germany"]),
        ("[Kestrel Motors] wants to build a new entry-level electric car in Portugal from 2027.", None),
    ],
)
def test_extract_product_plans_onto_a_market_and_built_in_a_country(marked: str, markets: list[str] | None) -> None:
    assert [p["markets"] for p in plans(marked)] == [markets]


@pytest.mark.parametrize(
    ("marked", "orgs", "product"),
    [
        ("[Lumo Group]'s [Kestrel] brand will launch the K4 hatchback in Europe in 2025.", ["Kestrel"], "K4 hatchback"),
        ("[Lumo Group]'s [Kestrel] plans to introduce the K5 in 2026.", ["Kestrel"], "K5"),
        ("The [Kestrel] Micra EV, based on the Lumo 5, will go on sale in Europe in 2025.", ["Kestrel"], "Kestrel Micra EV based on the Lumo 5"),
    ],
)
def test_extract_product_plans_possessed_company_as_subject_and_based_on_a_model(
    marked: str, orgs: list[str], product: str
) -> None:
    found = [f.fields for f in extract_product_plans(make_view(marked), Discourse(), KB)]
    assert [(p["orgs"], p["product"]) for p in found] == [(orgs, product)]


@pytest.mark.parametrize(
    ("marked", "product", "timeframe"),
    [
        ("The [Kestrel] Galaxy E5 will in August be launched.", "Kestrel Galaxy E5", "August 2024"),
        ("The [Kestrel] K7 will next year be introduced in Europe.", "Kestrel K7", "2025"),
        ("The [Kestrel] K9 is to in 2026 be produced in Zilina.", "Kestrel K9", "2026"),
    ],
)
def test_extract_product_plans_time_before_a_passive_in_translated_order(marked: str, product: str, timeframe: str) -> None:
    assert [(p["product"], p["timeframe"]) for p in plans(marked)] == [(product, timeframe)]


def test_extract_product_plans_sop_is_no_product() -> None:
    assert plans("[Kestrel Motors] said SOP is planned in the fourth quarter of this year.") == []


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Lumen Cells] will supply inverters for the electric models [Kestrel Motors] will build on its own EV platform from 2027.", "electric models on its own EV platform"),
        ("It will source motors for the SUVs that [Kestrel Motors] plans to build on the new SEA platform from 2026.", "SUVs on the new SEA platform"),
        ("The sedan that [Kestrel Motors] will launch on its own architecture in 2026 is priced at EUR 40,000.", "sedan on its own architecture"),
    ],
)
def test_extract_product_plans_a_platform_after_the_verb_of_a_relative_clause(marked: str, product: str) -> None:
    assert product in [p["product"] for p in plans(marked)]


@pytest.mark.parametrize(
    "marked",
    [
        "Both companies ended an earlier plan to build cars together in China.",
        "[Kestrel Motors] abandoned its original plan to launch the K5 in 2025.",
        "[Kestrel Motors] shelved plans to introduce an electric pickup next year.",
    ],
)
def test_extract_product_plans_an_ended_plan_is_no_plan(marked: str) -> None:
    assert plans(marked) == []


@pytest.mark.parametrize(
    ("marked", "products"),
    [
        ("[Kestrel Motors] will build two models, the Vento SUV and the Rio pickup, from 2027.", ["Vento SUV", "Rio pickup"]),
        ("[Kestrel Motors] will launch three new EVs, the K3, the K4 and the K5, in Europe next year.", ["K3", "K4", "K5"]),
        ("[Kestrel Motors] will unveil two electric vans, namely the Ferro and the Ferro Max, in 2026.", ["Ferro", "Ferro Max"]),
    ],
)
def test_extract_product_plans_names_each_model_of_a_counted_list(marked, products):
    assert [p["product"] for p in plans(marked)] == products


def test_read_product_skips_a_leading_adverb():
    text = "it will assemble initially the Dolphin Mini in Bahia"
    start, end, product = read_product(text, text.index("initially"))
    assert product == "Dolphin Mini"


@pytest.mark.parametrize(
    ("marked", "products"),
    [
        (
            "[Kestrel Motors] will produce five new models from this year, among them the new Vento.",
            ["five new models", "Vento"],
        ),
        ("[Kestrel Motors] will launch three new EVs next year, including the K3 and the K4.", ["three new EVs", "K3", "K4"]),
        ("[Kestrel Motors] will unveil two new SUVs in 2026, notably the Rio.", ["two new SUVs", "Rio"]),
    ],
)
def test_extract_product_plans_keeps_the_plan_and_each_model_singled_out(marked, products):
    assert [p["product"] for p in plans(marked)] == products


@pytest.mark.parametrize(
    "text",
    [
        "Kia said it will launch the EV2 in 2026 and plans to start EV3 deliveries next year.",
        "The Ridge is expected to go on sale in 2026, while the Dune is to be launched later.",
        "Orsino has decided to put the Raval into production and is set to enter the US market with it.",
        "It is about to present the Q8, which will also be built in Brussels.",
        "The group plans to in 2025 launch a van that would be built in Gliwice.",
    ],
)
def test_candidates_marker_patterns_tried_at_marker_offsets_match_as_a_full_scan(text: str) -> None:
    lex = _lexicon()
    view = make_view(text)
    lowered = lowered_text(view)
    markers = [m.start() for m in lex.marker.finditer(lowered)]
    found = 0
    for pattern in (lex.launch, lex.arrival, lex.start_noun):
        expected = [m.span() for m in pattern.finditer(lowered)]
        assert [m.span() for m in _cued_matches_at(pattern, view, lowered, markers)] == expected
        found += len(expected)
    assert found >= 2
