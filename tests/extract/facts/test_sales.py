"""Sales rule, end to end through the extractor: who sold how many, when, where, of which powertrain."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article, Fact


def sales_of(text: str, day: date | None = None) -> list[Fact]:
    return [f for f in extract_article(Article("t", text, day)) if f.type == "sales"]


def same_org(actual: Any, expected: str) -> bool:
    """Name equality as the scorer sees it; `expected` may list alternatives "A|B"."""
    return normalize_entity(str(actual)) in {normalize_entity(e) for e in expected.split("|")}


def xfail(*values: Any, reason: str, id: str) -> Any:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason), id=id)


APR = date(2024, 4, 5)

# (text, article date, expected fields); org is compared as the scorer does, the rest exactly.
STATED = [
    pytest.param(
        "Tesla delivered 386,810 vehicles in the first quarter of 2024.",
        APR,
        {
            "org": "Tesla",
            "quantity": 386810,
            "powertrain": "BEV",
            "period": "2024-Q1",
            "market": None,
            "metric": "sales",
        },
        id="delivered-quarter-bev-only-maker",
    ),
    pytest.param(
        "BYD sold 300,114 new energy vehicles in March.",
        date(2024, 4, 1),
        {
            "org": "BYD",
            "quantity": 300114,
            "powertrain": "xEV",
            "period": "2024-03",
            "market": None,
            "metric": "sales",
        },
        id="nev-month",
    ),
    pytest.param(
        "Volvo Cars sold 12,850 fully electric cars in Sweden last year.",
        date(2024, 2, 10),
        {
            "org": "Volvo Cars",
            "quantity": 12850,
            "powertrain": "BEV",
            "period": "2023",
            "market": "Sweden",
            "metric": "sales",
        },
        id="last-year-country",
    ),
    pytest.param(
        "Polestar handed over about 13,000 cars in the second quarter.",
        date(2024, 7, 10),
        {
            "org": "Polestar",
            "quantity": 13000,
            "powertrain": "BEV",
            "period": "2024-Q2",
            "market": None,
            "metric": "sales",
        },
        id="handed-over-approximate",
    ),
    pytest.param(
        "Kia registered 4,213 electric vehicles in Germany in May.",
        date(2024, 6, 5),
        {
            "org": "Kia",
            "quantity": 4213,
            "powertrain": "BEV",
            "period": "2024-05",
            "market": "Germany",
            "metric": "registrations",
        },
        id="registrations-in-may-is-no-hedge",
    ),
    pytest.param(
        "Kia registered 4,213 electric vehicles in Germany in June.",
        date(2024, 7, 5),
        {
            "org": "Kia",
            "quantity": 4213,
            "powertrain": "BEV",
            "period": "2024-06",
            "market": "Germany",
            "metric": "registrations",
        },
        id="registrations-month-country",
    ),
    pytest.param(
        "Rivian produced 9,612 vehicles in the April-June quarter.",
        date(2024, 7, 3),
        {
            "org": "Rivian",
            "quantity": 9612,
            "powertrain": "BEV",
            "period": "2024-Q2",
            "market": None,
            "metric": "production",
        },
        id="production-month-range-quarter",
    ),
    pytest.param(
        "Toyota sold 1.2mn hybrid vehicles in Europe in 2023.",
        date(2024, 1, 20),
        {
            "org": "Toyota",
            "quantity": 1200000,
            "powertrain": "HEV",
            "period": "2023",
            "market": "Europe",
            "metric": "sales",
        },
        id="mn-hybrid-region",
    ),
    pytest.param(
        "Startup Velora Motors delivered 1,204 cars in January.",
        date(2024, 2, 1),
        {
            "org": "Velora Motors",
            "quantity": 1204,
            "powertrain": "all",
            "period": "2024-01",
            "market": None,
            "metric": "sales",
        },
        id="sentence-initial-startup-descriptor",
    ),
    pytest.param(
        "In January, the startup Velora Motors delivered 1,204 cars.",
        date(2024, 2, 1),
        {
            "org": "Velora Motors",
            "quantity": 1204,
            "powertrain": "all",
            "period": "2024-01",
            "market": None,
            "metric": "sales",
        },
        id="invented-startup",
    ),
    pytest.param(
        "Stellantis shipped 1.4 million vehicles in the first half of 2024.",
        date(2024, 7, 15),
        {
            "org": "Stellantis",
            "quantity": 1400000,
            "powertrain": "all",
            "period": "2024-H1",
            "market": None,
            "metric": "sales",
        },
        id="shipped-first-half",
    ),
    pytest.param(
        "BMW Group delivered 82.700 fully electric cars in the first three months of this year.",
        date(2024, 4, 10),
        {
            "org": "BMW Group|BMW",
            "quantity": 82700,
            "powertrain": "BEV",
            "period": "2024-Q1",
            "market": None,
            "metric": "sales",
        },
        id="dot-thousands-first-three-months",
    ),
    pytest.param(
        "Nissan sold twelve thousand electric cars in Japan in 2023.",
        date(2024, 1, 15),
        {
            "org": "Nissan",
            "quantity": 12000,
            "powertrain": "BEV",
            "period": "2023",
            "market": "Japan",
            "metric": "sales",
        },
        id="number-words",
    ),
    pytest.param(
        "Kestrel Dynamics Inc. booked 2,300 orders for its electric van in March.",
        date(2024, 4, 2),
        {
            "org": "Kestrel Dynamics",
            "quantity": 2300,
            "powertrain": "BEV",
            "period": "2024-03",
            "market": None,
            "metric": "orders",
        },
        id="orders-invented-inc",
    ),
    pytest.param(
        "Hyundai Motor Group has sold more than 1 million electric vehicles since its first model went on sale.",
        date(2024, 3, 1),
        {
            "org": "Hyundai Motor Group",
            "quantity": 1000000,
            "powertrain": "BEV",
            "period": "cumulative",
            "market": None,
            "metric": "sales",
        },
        id="cumulative-since-first-model",
    ),
    pytest.param(
        "Hyundai Motor Group has sold more than 1 million electric vehicles since its launch of the Ioniq brand.",
        date(2024, 3, 1),
        {
            "org": "Hyundai Motor Group",
            "quantity": 1000000,
            "powertrain": "BEV",
            "period": "cumulative",
            "market": None,
            "metric": "sales",
        },
        id="cumulative-since-launch",
    ),
    pytest.param(
        "With 61,855 deliveries in the third quarter, NIO set a new record.",
        date(2024, 10, 2),
        {
            "org": "NIO",
            "quantity": 61855,
            "powertrain": "BEV",
            "period": "2024-Q3",
            "market": None,
            "metric": "sales",
        },
        id="with-deliveries-subject-after",
    ),
    pytest.param(
        "Volkswagen Group's deliveries of battery-electric vehicles rose to 136,400 units in the first quarter.",
        date(2024, 5, 3),
        {
            "org": "Volkswagen Group",
            "quantity": 136400,
            "powertrain": "BEV",
            "period": "2024-Q1",
            "market": None,
            "metric": "sales",
        },
        id="possessive-deliveries-rose-to",
    ),
    pytest.param(
        "In July, Li Auto delivered 51,000 vehicles, up 49.4 percent from a year earlier.",
        date(2024, 8, 1),
        {
            "org": "Li Auto",
            "quantity": 51000,
            "powertrain": "xEV",
            "period": "2024-07",
            "market": None,
            "metric": "sales",
        },
        id="fronted-month-growth-percent",
    ),
    pytest.param(
        "Honda sold nearly 40k plug-in hybrids in the US in the first quarter.",
        None,
        {
            "org": "Honda",
            "quantity": 40000,
            "powertrain": "PHEV",
            "period": "Q1",
            "market": "US",
            "metric": "sales",
        },
        id="k-suffix-undated-quarter",
    ),
    pytest.param(
        "Mercedes-Benz sold 2.04 million cars worldwide last year.",
        date(2024, 2, 10),
        {
            "org": "Mercedes-Benz Group|Mercedes-Benz",
            "quantity": 2040000,
            "powertrain": "all",
            "period": "2023",
            "market": None,
            "metric": "sales",
        },
        id="worldwide-is-no-market",
    ),
    pytest.param(
        "BMW Group reported its quarterly figures on Tuesday. It delivered 94,500 electrified cars in the quarter.",
        date(2024, 7, 9),
        {
            "org": "BMW Group|BMW",
            "quantity": 94500,
            "powertrain": "xEV",
            "period": "2024-Q2",
            "market": None,
            "metric": "sales",
        },
        id="pronoun-subject-next-sentence",
    ),
]


@pytest.mark.parametrize(("text", "day", "expected"), STATED)
def test_sales_stated_figure_fields(text: str, day: date | None, expected: dict[str, Any]) -> None:
    found = [f for f in sales_of(text, day) if f.fields["quantity"] == expected["quantity"]]
    assert len(found) == 1, [f.fields for f in sales_of(text, day)]
    fact = found[0]
    assert same_org(fact.fields["org"], expected["org"]), fact.fields
    for name in ("powertrain", "period", "market", "metric"):
        assert fact.fields[name] == expected[name], (name, fact.fields)
    assert fact.confidence >= 0.5


def test_sales_two_sellers_in_one_sentence_each_get_their_figure() -> None:
    text = (
        "Tesla delivered 386,810 vehicles in the first quarter, while BYD sold 300,114 battery-electric cars."
    )
    found = {f.fields["quantity"]: f.fields for f in sales_of(text, APR)}
    assert set(found) == {386810, 300114}
    assert same_org(found[386810]["org"], "Tesla")
    assert same_org(found[300114]["org"], "BYD")
    assert found[300114]["period"] == "2024-Q1"


def test_sales_evidence_points_at_the_stating_sentence() -> None:
    text = "Volvo Cars opened a new office. Volvo Cars sold 12,850 fully electric cars in Sweden last year."
    (fact,) = sales_of(text, date(2024, 2, 10))
    assert fact.evidence.text == text[fact.evidence.start : fact.evidence.end]
    assert fact.evidence.text.startswith("Volvo Cars sold 12,850")


NOT_ACTUAL = [
    pytest.param("Tesla aims to sell 500,000 cars in China next year.", id="aims-to-sell"),
    pytest.param(
        "Volkswagen Group's Zwickau plant has a capacity of 300,000 vehicles a year.", id="capacity"
    ),
    pytest.param("Analysts expect BYD to sell 1.9 million electric cars this year.", id="analysts-expect"),
    pytest.param("Polestar expects to deliver 150,000 vehicles in 2025.", id="company-expects"),
    pytest.param("Kia targets annual sales of 1.6 million electric vehicles by 2030.", id="target"),
    pytest.param(
        "Stellantis forecasts 2 million electric vehicle sales by the end of the decade.", id="forecast"
    ),
    pytest.param("The Rivian R2 will be priced at $45,000 when deliveries begin.", id="price-dollars"),
    pytest.param("The BYD Seagull sells for 69,800 yuan in China.", id="price-yuan"),
    pytest.param(
        "Cox Automotive estimates that Rivian sold 13,000 vehicles in the quarter.", id="third-party-estimate"
    ),
    pytest.param("BYD's battery sales reached 150 GWh last year.", id="gwh-not-vehicles"),
    pytest.param("Tesla's Gigafactory Berlin can produce 375,000 cars a year.", id="can-produce-a-year"),
    pytest.param(
        "Hyundai Motor Group sold 3,500 chargers to fleet customers in Korea.", id="chargers-not-vehicles"
    ),
    pytest.param("Velora Motors hopes to deliver 20,000 cars next year.", id="hopes"),
    pytest.param("BMW Group's sales target for 2025 is 500,000 electric cars.", id="sales-target-noun"),
    pytest.param("Nissan plans to sell 230,000 electrified cars in Europe by 2026.", id="plans-to-sell"),
    pytest.param("Ebro is now among the 20 brands most sold in Spain.", id="brands-count"),
    pytest.param(
        "Leapmotor sold around 4,000 cars in Europe in the second half, according to Dataforce, a consultancy.",
        id="consultancy-count",
    ),
    pytest.param(
        "Tesla sold about 5,000 Cybertrucks in the quarter, according to Cox Automotive, a research firm.",
        id="research-firm-estimate",
    ),
    pytest.param("Xiaomi delivered some 30,000 cars in May, according to estimates.", id="according-to-estimates"),
    pytest.param("Hyundai and Kia combined sold 125,000 units in the US last month.", id="joint-figure"),
    pytest.param("BMW and Mercedes together delivered 80,000 electric cars.", id="joint-figure-together"),
    pytest.param("Chery Group 1-10 month cumulative sales were strong.", id="numbered-months-no-figure"),
    pytest.param("Leapmotor already sells cars in 13 European countries.", id="countries-count"),
    pytest.param("BYD sells its cars through 250 new dealerships in Europe.", id="dealerships-count"),
    pytest.param('Panasonic started production of the "4680" cylindrical cell.', id="quoted-cell-name"),
]


@pytest.mark.parametrize("text", NOT_ACTUAL)
def test_sales_targets_forecasts_capacities_prices_estimates_yield_nothing(text: str) -> None:
    assert [f.fields for f in sales_of(text, APR)] == []


def test_sales_of_these_continues_the_previous_figure() -> None:
    text = "BMW Group sold 594,000 cars in the first quarter. Of these, 82,700 were fully electric."
    found = {f.fields["quantity"]: f.fields for f in sales_of(text, date(2024, 4, 10))}
    assert set(found) == {594000, 82700}
    assert same_org(found[82700]["org"], "BMW Group|BMW")
    assert (found[82700]["powertrain"], found[82700]["period"]) == ("BEV", "2024-Q1")
    assert found[594000]["powertrain"] == "all"


def test_sales_year_ago_comparison_is_not_the_current_figure() -> None:
    text = "Tesla delivered 386,810 vehicles in the first quarter, down from 422,875 a year earlier."
    current = [f.fields for f in sales_of(text, APR) if f.fields["period"] == "2024-Q1"]
    assert [f["quantity"] for f in current] == [386810]
    year_ago = [f.fields for f in sales_of(text, APR) if f.fields["period"] == "2023-Q1"]
    assert [f["quantity"] for f in year_ago] == [422875]


def test_sales_rounded_restatement_is_one_fact() -> None:
    text = "Volvo Cars sold 12,850 cars in Sweden in March. The figure, some 13,000 cars, was a record."
    assert [f.fields["quantity"] for f in sales_of(text, APR)] == [12850]


DENIED = [
    pytest.param("Toyota denied reports that it sold 100,000 electric cars in China last year.", id="denied-reports"),
    pytest.param("Xiaomi dismissed reports that it had delivered 40,000 cars in May.", id="dismissed-reports"),
    pytest.param("Rivian rejected claims it had built 20,000 trucks in the quarter.", id="rejected-claims"),
]


@pytest.mark.parametrize("text", DENIED)
def test_sales_denied_figure_yields_nothing(text: str) -> None:
    assert [f.fields for f in sales_of(text, APR)] == []


HEDGED = [
    pytest.param(
        "Tesla may have delivered about 440,000 vehicles in the quarter, people familiar with the matter said.",
        id="may-have-people-familiar",
    ),
    pytest.param("Xiaomi is said to have delivered 10,000 cars in April.", id="is-said-to"),
    pytest.param("Rivian reportedly built 14,000 vehicles in the first quarter.", id="reportedly"),
    pytest.param("According to media reports, Zeekr sold 18,000 cars in March.", id="media-reports"),
]


@pytest.mark.parametrize("text", HEDGED)
def test_sales_hedged_figure_has_low_confidence(text: str) -> None:
    found = sales_of(text, APR)
    assert found, "a hedged figure is kept, with a lowered confidence"
    assert all(f.confidence < 0.5 for f in found), [(f.fields, f.confidence) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Leapmotor delivered 87,552 vehicles in the first quarter, more than double the figure a year earlier, "
            "including 37,095 in March.",
            [87552, 37095],
            id="a-year-earlier-compares",
        ),
        pytest.param(
            "BYD sold a million new-energy vehicles in the first quarter – 1,000,804 to be exact.",
            [1000804],
            id="rounded-then-exact",
        ),
        pytest.param(
            "Nio handed over 20,976 vehicles in October. That total includes 4,319 cars from Onvo, its family brand.",
            [20976, 4319],
            id="total-includes",
        ),
        pytest.param(
            "The plant can build 80,000 vehicles a year and delivered 12,400 in its first year.",
            [],
            id="a-year-is-capacity",
        ),
        pytest.param(
            "Tata Motors sold 90,500 vehicles in March 2024, compared to 90,822 units in March 2023.",
            [90500, 90822],
            id="close-figures-of-two-periods",
        ),
        pytest.param(
            "Kia sold 45,210 cars in the first quarter and 45,400 in the second quarter.",
            [45210, 45400],
            id="close-figures-of-two-quarters",
        ),
        pytest.param(
            "Hyundai sold 63,710 cars in March, against 63,900 in February.",
            [63710, 63900],
            id="close-figures-of-two-months",
        ),
    ],
)
def test_sales_figures_beside_comparisons_and_restatements(text: str, expected: list[int]) -> None:
    assert [f.fields["quantity"] for f in sales_of(text, APR)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kia sold 20,000 cars in May. Of these, battery-electric models were 12,345 units and plug-in "
            "hybrids 7,655 units.",
            {12345: "BEV", 7655: "PHEV"},
        ),
        (
            "Kia sold 20,000 cars in May, including 12,345 battery-electric cars and 7,655 plug-in hybrids.",
            {12345: "BEV", 7655: "PHEV"},
        ),
        (
            "Kia sold 20,000 cars in May. Plug-in hybrid sales were 7,655 units and all-electric sales 12,345 "
            "units.",
            {12345: "BEV", 7655: "PHEV"},
        ),
        (
            "Kia sold 20,000 cars in May: hybrids accounted for 1,234,567 units and fully electric cars for "
            "2,345,678 units.",
            {1234567: "HEV", 2345678: "BEV"},
        ),
    ],
)
def test_sales_listed_figures_take_their_own_drive_type(text: str, expected: dict[int, str]) -> None:
    found = {f.fields["quantity"]: f.fields["powertrain"] for f in sales_of(text, date(2024, 6, 3))}
    assert {q: found.get(q) for q in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In July 2025 some 264,000 cars were registered in Germany. Audi registered 17,280 cars in July.",
            {17280: "2025-07"},
        ),
        (
            "BYD in 2024 November sold 506,500 vehicles. Geely November sales were 251,888 units.",
            {506500: "2024-11", 251888: "2024-11"},
        ),
        (
            "Kia posted its March 2025 figures on Tuesday. Kia sold 272,161 cars last month. In the first "
            "quarter it sold 51,010 units.",
            {272161: "2025-03", 51010: "2025-Q1"},
        ),
        (
            "Sales rose sharply in the first half of 2025. Ebro sold 11,532 cars in the second quarter.",
            {11532: "2025-Q2"},
        ),
    ],
)
def test_sales_undated_article_resolves_bare_periods_against_its_stated_year(
    text: str, expected: dict[int, str]
) -> None:
    found = {f.fields["quantity"]: f.fields["period"] for f in sales_of(text)}
    assert {q: found.get(q) for q in expected} == expected


def test_sales_undated_article_without_a_stated_year_leaves_the_year_out() -> None:
    found = {f.fields["quantity"]: f.fields["period"] for f in sales_of("Audi sold 17,280 cars in July.")}
    assert found == {17280: "07"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maruti Suzuki dispatched 1,76,318 units to dealers last month.", (176318, "2025-10")),
        ("Hyundai Motor India's domestic dispatches came in at 53,792 units in October.", (53792, "2025-10")),
        ("Tata Motors despatched 61,134 vehicles in October, up 27 per cent.", (61134, "2025-10")),
        ("Mahindra's dispatches to dealers stood at 71,624 units last month.", (71624, "2025-10")),
    ],
)
def test_sales_dispatches_to_dealers_are_sales(text: str, expected: tuple[int, str]) -> None:
    found = [(f.fields["quantity"], f.fields["period"]) for f in sales_of(text, date(2025, 11, 2))]
    assert found == [expected]
    assert all(f.fields["metric"] == "sales" for f in sales_of(text, date(2025, 11, 2)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tata Motors reported domestic sales of 61,134 units, including 9,286 electric vehicles — its "
            "highest-ever monthly EV number.",
            {61134: "all", 9286: "BEV"},
        ),
        (
            "Kia sold 45,000 cars, of which 8,000 were hybrids, a record for its hybrid line-up.",
            {45000: "all", 8000: "HEV"},
        ),
        (
            "Mahindra sold 71,624 utility vehicles, while Tata sold 9,286 electric vehicles.",
            {71624: "all", 9286: "BEV"},
        ),
        (
            "In pure electric cars, Tesla led with 1.81 million deliveries against 1,574,822 for BYD.",
            {1810000: "BEV", 1574822: "BEV"},
        ),
    ],
)
def test_sales_drive_type_after_another_figure_is_that_figures(text: str, expected: dict[int, str]) -> None:
    found = {f.fields["quantity"]: f.fields["powertrain"] for f in sales_of(text, date(2025, 11, 2))}
    assert {q: found.get(q) for q in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Li Auto handed over 29,927 vehicles in January and said its cumulative deliveries had passed "
            "1.16 million.",
            {29927: "2025-01", 1160000: "cumulative"},
        ),
        (
            "Nio delivered 13,863 cars in January and added that deliveries to date exceeded 700,000.",
            {13863: "2025-01", 700000: "cumulative"},
        ),
        (
            "Zeekr sold 11,737 cars last month and reported that all-time sales reached 500,000 units.",
            {11737: "2025-01", 500000: "cumulative"},
        ),
        (
            "Xpeng has delivered 1.2 million cars since its launch.",
            {1200000: "cumulative"},
        ),
    ],
)
def test_sales_running_total_word_belongs_to_its_own_figure(text: str, expected: dict[int, str]) -> None:
    found = {f.fields["quantity"]: f.fields["period"] for f in sales_of(text, date(2025, 2, 1))}
    assert {q: found.get(q) for q in expected} == expected


@pytest.mark.parametrize(
    ("text", "quantity", "seller"),
    [
        ("Nio delivered 13,863 vehicles, including 2,914 from its lower-priced Onvo brand.", 2914, "Onvo"),
        ("Geely sold 200,000 cars, with 21,000 coming from its premium Zeekr brand.", 21000, "Zeekr"),
        ("Stellantis sold 90,000 cars, including 12,000 units by its Jeep brand.", 12000, "Jeep"),
    ],
)
def test_sales_figure_from_its_named_brand_goes_to_the_brand(text: str, quantity: int, seller: str) -> None:
    found = [f.fields["org"] for f in sales_of(text, date(2025, 2, 1)) if f.fields["quantity"] == quantity]
    assert len(found) == 1 and same_org(found[0], seller), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the KBA, 264,802 cars were newly registered in July. VW led with 52,313 "
            "registrations, followed by BMW with 22,417.",
            {52313: "Germany", 22417: "Germany"},
        ),
        (
            "Figures from the SMMT showed the market grew in March. Ford registered 21,000 cars.",
            {21000: "UK"},
        ),
        (
            "Norway registered 128,691 new cars last year. Tesla was again the top brand, with 23,005 "
            "registrations.",
            {23005: "Norway"},
        ),
        (
            "According to OFV, Tesla registered 23,005 cars last year, while globally it delivered 1.79 "
            "million cars worldwide.",
            {23005: "Norway", 1790000: None},
        ),
    ],
)
def test_sales_cited_registration_body_or_country_frames_the_market(
    text: str, expected: dict[int, str | None]
) -> None:
    found = {f.fields["quantity"]: f.fields["market"] for f in sales_of(text, date(2025, 1, 3))}
    assert {q: found.get(q, "missing") for q in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "In July, the KBA counted 264,802 new cars. Plug-in hybrids came to 26,170 registrations.",
        "The SMMT published its data on Monday. Battery-electric cars reached 40,000 registrations.",
        "OFV released the figures on Thursday. Diesel cars accounted for fewer than 4,000 registrations.",
    ],
)
def test_sales_registration_body_is_never_the_seller(text: str) -> None:
    assert [f.fields["org"] for f in sales_of(text, date(2025, 8, 5))] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tesla led with 23,005 registrations. Volkswagen came second with 13,290 cars, followed by "
            "Toyota with 10,420.",
            {23005: "registrations", 13290: "registrations", 10420: "registrations"},
        ),
        (
            "Rivian produced 10,720 vehicles in the quarter. Lucid followed with 3,891.",
            {10720: "production", 3891: "production"},
        ),
        (
            "Kia sold 51,010 cars in Korea. Prices rose. Hyundai came in at 63,710 units.",
            {51010: "sales", 63710: "sales"},
        ),
        (
            "VW led with 7,944 new registrations. Tesla came only to 2,229 cars, 42 percent fewer.",
            {7944: "registrations", 2229: "registrations"},
        ),
        (
            "VW led with 52,313 new registrations. Skoda came on 20,706 cars, Audi on 17,280.",
            {52313: "registrations", 20706: "registrations", 17280: "registrations"},
        ),
    ],
)
def test_sales_figure_without_metric_word_counts_what_the_sentence_before_counted(
    text: str, expected: dict[int, str]
) -> None:
    found = {f.fields["quantity"]: f.fields["metric"] for f in sales_of(text, date(2025, 1, 3))}
    assert {q: found.get(q) for q in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Volkswagen registered 13,290 cars, followed by Toyota with 10,420 — its figure includes "
            "hybrids — and Volvo with 8,134.",
            {13290: "all", 10420: "all", 8134: "all"},
        ),
        (
            "Kia sold 30,000 cars – a third of them plug-in hybrids – and Hyundai 40,000.",
            {30000: "all", 40000: "all"},
        ),
        (
            "BMW delivered 50,000 cars — electric models made up a fifth — while Audi sold 45,000.",
            {50000: "all", 45000: "all"},
        ),
    ],
)
def test_sales_drive_type_in_a_dash_aside_is_no_figures(text: str, expected: dict[int, str]) -> None:
    found = {f.fields["quantity"]: f.fields["powertrain"] for f in sales_of(text, date(2025, 1, 3))}
    assert {q: found.get(q) for q in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024 January to November, BYD cumulative sales 3,749,000 units.", "2024-01/2024-11"),
        ("In the first nine months, Geely's cumulative deliveries reached 1,489,000 cars.", "2024-01/2024-09"),
        ("In 2023, Chery accumulated sales of 1,881,000 vehicles.", "2023"),
        ("Cumulative deliveries since launch in 2021 passed 152,300 for Nio.", "cumulative"),
        ("Li Auto's cumulative deliveries had passed 1,160,000 by March 2024.", "cumulative"),
        ("Xpeng delivered 86 cars in the second quarter, taking its cumulative total to 2,140.", "cumulative"),
    ],
)
def test_sales_cumulative_over_a_stated_span_takes_the_span(text: str, expected: str) -> None:
    found = sales_of(text, date(2024, 12, 1))
    assert found and found[-1].fields["period"] == expected, [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "quantity", "seller"),
    [
        ("Genesis, Hyundai's luxury brand, sold 12,071 units in the local market.", 12071, "Genesis"),
        ("Cupra, SEAT's performance marque, delivered 248,000 cars last year.", 248000, "Cupra"),
        ("Zeekr, Geely's premium electric brand, handed over 11,737 cars last month.", 11737, "Zeekr"),
    ],
)
def test_sales_brand_with_possessive_apposition_is_the_seller(text: str, quantity: int, seller: str) -> None:
    found = [f.fields["org"] for f in sales_of(text, date(2025, 2, 1)) if f.fields["quantity"] == quantity]
    assert len(found) == 1 and same_org(found[0], seller), found


@pytest.mark.parametrize(
    ("text", "quantity", "seller"),
    [
        (
            "Stellantis paid €1.5 billion for 21% of Hangzhou-based Leapmotor, which sold 293,724 vehicles "
            "in 2024.",
            293724,
            "Leapmotor",
        ),
        ("Renault is working with Geely, which delivered about 3.3 million cars last year.", 3300000, "Geely|Zhejiang Geely Holding"),
        ("Volkswagen invested in Rivian, which has produced 49,476 vehicles this year.", 49476, "Rivian"),
    ],
)
def test_sales_relative_clause_figure_belongs_to_its_antecedent(text: str, quantity: int, seller: str) -> None:
    found = [f.fields["org"] for f in sales_of(text, date(2025, 3, 1)) if f.fields["quantity"] == quantity]
    assert len(found) == 1 and same_org(found[0], seller), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hyundai's sales of eco-friendly vehicles, including hybrids, EVs and hydrogen cars, came to 20,154 units.", "xEV"),
        ("BMW's deliveries of battery-electric and plug-in hybrid cars together reached 98,000 units.", "xEV"),
        ("Toyota's hybrids, plug-in hybrids and EVs, taken together, sold 45,000 units.", "xEV"),
        ("Kia's sales of plug-in hybrids, a growing segment, came to 12,000 units.", "PHEV"),
        ("BYD's sales of plug-in hybrid EVs reached 12,000 units.", "PHEV"),
        ("Li Auto's sales of range-extended electric vehicles reached 36,000 units.", "PHEV"),
    ],
)
def test_sales_several_drive_types_named_for_one_figure_are_lumped(text: str, expected: str) -> None:
    found = [f.fields["powertrain"] for f in sales_of(text, date(2025, 4, 1))]
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "quantity", "market"),
    [
        ("KG Mobility sold 8,310 units including exports, up 5 percent.", 8310, None),
        ("Renault Korea delivered 6,261 cars in March, including exports.", 6261, None),
        ("Tata Motors sold 80,000 vehicles, incl. exports, last month.", 80000, None),
        ("Including exports of 42,204 units, Maruti Suzuki's total sales stood at 2,20,894 units.", 42204, "overseas"),
        ("Hyundai sold 63,710 cars in Korea and 287,323 abroad.", 287323, "overseas"),
    ],
)
def test_sales_total_including_exports_has_no_market(text: str, quantity: int, market: str | None) -> None:
    found = [f.fields["market"] for f in sales_of(text, date(2025, 4, 1)) if f.fields["quantity"] == quantity]
    assert found == [market]


@pytest.mark.parametrize(
    "text",
    [
        "Stellantis sold 90,000 cars in July. In Germany 328,957 electric cars were newly registered in the "
        "first seven months.",
        "Tesla delivered 40,000 cars. In the first half, 1.2 million cars were sold in France, a rise of 3%.",
        "BYD's sales rose. In the first seven months were in Germany 328.957 electric cars new admitted.",
    ],
)
def test_sales_passive_market_total_goes_to_no_company(text: str) -> None:
    assert [f.fields["quantity"] for f in sales_of(text, date(2025, 8, 5))][1:] == []



@pytest.mark.parametrize(
    ("text", "seller"),
    [
        ("According to Vahan, 7,239 Tata Motors EVs were registered during the month.", "Tata Motors"),
        ("Last month 7,239 Hyundai Motor cars were sold in India.", "Hyundai Motor Company|Hyundai"),
        ("In May, 7,239 Ather Energy scooters were registered.", "Ather Energy|Ather"),
    ],
)
def test_sales_maker_name_between_figure_and_noun_is_the_seller(text: str, seller: str) -> None:
    found = [f.fields["org"] for f in sales_of(text, date(2025, 11, 2)) if f.fields["quantity"] == 7239]
    assert len(found) == 1 and same_org(found[0], seller), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BYD registered 5,102 cars in July. The brands Opel (14,992) and Fiat (3,210) developed differently.",
            {"Opel": 14992, "Fiat": 3210},
        ),
        (
            "Tesla registered 1,110 cars. Among importers, Skoda (20,706), Seat (9,800) and Kia (7,100) gained.",
            {"Skoda": 20706, "SEAT": 9800, "Kia": 7100},
        ),
        ("VW led with 52,313 registrations. Next came Opel (14.992) and Ford (8.210).", {"Opel": 14992, "Ford": 8210}),
    ],
)
def test_sales_bracketed_figures_after_names_continue_a_list(text: str, expected: dict[str, int]) -> None:
    found = sales_of(text, date(2025, 8, 5))
    for seller, quantity in expected.items():
        assert any(f.fields["quantity"] == quantity and same_org(f.fields["org"], seller) for f in found), seller


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("BYD sold 380,000 cars in September, of which 71,000 were exported.", 71000),
        ("Chery exported 1,140,000 vehicles in 2024.", 1140000),
        ("In November Great Wall Motor exported 5,630 vehicles, mainly to Thailand and Mexico.", 5630),
        ("SAIC Motor's exports reached 1,080,000 vehicles last year.", 1080000),
    ],
)
def test_sales_exported_figures_are_overseas_sales(text: str, quantity: int) -> None:
    found = [f.fields for f in sales_of(text, date(2025, 1, 3)) if f.fields["quantity"] == quantity]
    assert len(found) == 1 and found[0]["market"] == "overseas" and found[0]["metric"] == "sales", found


@pytest.mark.parametrize(
    ("text", "quantity", "seller"),
    [
        ("BYD overtook Tesla, selling 526,409 BEVs in the quarter versus Tesla's 484,507.", 484507, "Tesla"),
        ("Kia sold 51,010 cars in Korea, against Hyundai's 63,710.", 63710, "Hyundai Motor Company|Hyundai"),
        ("Volvo's deliveries of 59,822 cars trailed BMW's roughly 61,000.", 61000, "BMW Group|BMW"),
    ],
)
def test_sales_possessive_right_before_a_figure_is_its_seller(text: str, quantity: int, seller: str) -> None:
    found = [f.fields["org"] for f in sales_of(text, date(2025, 1, 3)) if f.fields["quantity"] == quantity]
    assert len(found) == 1 and same_org(found[0], seller), found


@pytest.mark.parametrize(
    "text",
    [
        "Volvo Cars sold 59,822 cars in March, down 9%, of which 23% were fully electric.",
        "JSW MG Motor India sold 6,392 units, with EVs contributing close to 70 per cent.",
        "Kia sold 51,010 cars last month, with hybrids making up 40% of the total.",
    ],
)
def test_sales_drive_type_share_of_a_total_leaves_the_total_all(text: str) -> None:
    assert [f.fields["powertrain"] for f in sales_of(text, date(2025, 4, 3))] == ["all"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geely Auto's cumulative sales from January to May reached 1,172,000 units.", "01/05"),
        ("BYD's cumulative sales in the first quarter came to 1,000,804 units.", "Q1"),
        ("Cumulative deliveries since its launch in 2021 passed 152,300 for Nio.", "cumulative"),
    ],
)
def test_sales_cumulative_with_a_stated_range_after_it_takes_the_range(text: str, expected: str) -> None:
    assert [f.fields["period"] for f in sales_of(text)] == [expected]


@pytest.mark.parametrize(
    ("title", "text", "day", "expected"),
    [
        ("Tesla Q3 deliveries beat estimates", "Tesla delivered 497,099 vehicles, it said.", date(2025, 10, 3), "2025-Q3"),
        ("BYD sales hit record in November", "BYD sold 506,804 new energy vehicles.", date(2024, 12, 2), "2024-11"),
        ("Maruti Suzuki sales in FY25", "Maruti Suzuki sold 22,34,266 units.", None, "2024-04/2025-03"),
        ("BYD to double exports in 2026", "BYD sold 506,804 new energy vehicles.", date(2025, 12, 2), None),
        ("Tesla targets 2 million cars in 2026", "Tesla delivered 497,099 vehicles.", date(2025, 10, 3), None),
    ],
)
def test_sales_headline_period_frames_figures_without_one(
    title: str, text: str, day: date | None, expected: str | None
) -> None:
    found = [f for f in extract_article(Article("t", text, day, title=title)) if f.type == "sales"]
    assert [f.fields["period"] for f in found] == [expected]


@pytest.mark.parametrize(
    ("text", "quantity", "market"),
    [
        (
            "China remained BMW's largest market, although deliveries there fell 4.2 percent to 375,200 as a "
            "price war intensified.",
            375200,
            "China",
        ),
        ("Kia sees strong demand in the United States, and sales there rose to 68,000 units in May.", 68000, "US"),
        ("Germany remains Tesla's key market; registrations there dropped to 1,110 in July.", 1110, "Germany"),
    ],
)
def test_sales_there_refers_to_the_market_named_before(text: str, quantity: int, market: str) -> None:
    found = [f.fields["market"] for f in sales_of(text, date(2025, 8, 5)) if f.fields["quantity"] == quantity]
    assert found == [market]


@pytest.mark.parametrize(
    "text",
    [
        "BYD sold 300,000 cars in March as a price war among local brands intensified.",
        "Tesla delivered 336,681 cars in the quarter despite price cuts by rivals.",
        "Nio delivered 13,863 cars last month amid fierce price competition.",
    ],
)
def test_sales_price_war_context_does_not_make_a_figure_a_price(text: str) -> None:
    assert len(sales_of(text, date(2025, 4, 3))) == 1


@pytest.mark.parametrize(
    ("text", "seller", "powertrain"),
    [
        ("Honda Cars India sold 5,124 units in the domestic market last month.", "Honda Cars India", "all"),
        ("Skoda Auto Volkswagen India dispatched 8,100 cars in March.", "Skoda Auto Volkswagen India", "all"),
        ("Revolt Motors sold 3,050 motorcycles in March.", "Revolt Motors", "BEV"),
        ("Kinetic Green sold 1,900 three-wheelers last month.", "Kinetic Green", "BEV"),
        ("Hycan delivered 1,400 cars in March.", "Hycan", "BEV"),
    ],
)
def test_sales_known_regional_sellers_are_resolved(text: str, seller: str, powertrain: str) -> None:
    found = sales_of(text, date(2025, 4, 3))
    assert len(found) == 1 and same_org(found[0].fields["org"], seller), [f.fields for f in found]
    assert found[0].fields["powertrain"] == powertrain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Analysts had expected about 443,000 deliveries, and the result compares with 384,122 for Tesla in "
            "the second quarter.",
            [384122],
        ),
        ("BYD aims to sell 5 million cars this year, and it sold 4,270,000 in 2024.", [4270000]),
        ("Kia expects to sell 3.2 million cars, and the target for 2026 is 3.5 million.", []),
    ],
)
def test_sales_target_in_an_earlier_statement_does_not_cover_the_next(text: str, expected: list[int]) -> None:
    assert [f.fields["quantity"] for f in sales_of(text, date(2025, 10, 2))] == expected


@pytest.mark.parametrize(
    ("text", "quantity", "market"),
    [
        (
            "Maruti Suzuki dispatched 1,76,318 units in the domestic market, against 1,63,130 units a year ago.",
            163130,
            "India",
        ),
        ("Tata Motors reported domestic sales of 61,134 units, including 9,286 electric vehicles.", 9286, "India"),
        ("Mahindra sold 9,412 cars in India, of which 6,880 were SUVs.", 6880, "India"),
        ("Kia sold 51,010 cars in Korea, up from 48,000 a year earlier.", 48000, "South Korea"),
    ],
)
def test_sales_part_or_comparison_of_a_figure_keeps_its_market(text: str, quantity: int, market: str) -> None:
    found = [f.fields["market"] for f in sales_of(text, date(2025, 11, 2)) if f.fields["quantity"] == quantity]
    assert found == [market]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Registrations of electric cars in Norway in March by brand: Tesla 12,000; BYD 9,500; Volvo 8,000.",
            {12000: ("2025-03", "Norway", "registrations", "BEV"), 8000: ("2025-03", "Norway", "registrations", "BEV")},
        ),
        (
            "Deliveries in the second quarter: Nio 72,056, Xpeng 103,181 and Li Auto 111,074.",
            {103181: ("2025-Q2", None, "sales", "BEV"), 111074: ("2025-Q2", None, "sales", "xEV")},
        ),
        (
            "Production in Germany last month: BMW 22,417; Audi 17,280.",
            {17280: ("2025-07", "Germany", "production", "all")},
        ),
    ],
)
def test_sales_items_after_a_colon_header_take_the_headers_fields(
    text: str, expected: dict[int, tuple[str, str | None, str, str]]
) -> None:
    found = {
        f.fields["quantity"]: (f.fields["period"], f.fields["market"], f.fields["metric"], f.fields["powertrain"])
        for f in sales_of(text, date(2025, 8, 4))
    }
    assert {q: found.get(q) for q in expected} == expected


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        (
            "Brand-wise passenger vehicle sales in India in October:\n\nMaruti Suzuki: 1,76,318 units\n"
            "Hyundai Motor India: 53,792 units\n- Tata Motors: 48,131\n\nThe festive season helped.",
            date(2025, 11, 2),
            {176318: ("2025-10", "India", "sales"), 48131: ("2025-10", "India", "sales")},
        ),
        (
            "Top electric car registrations in Norway, 2024:\nTesla 23,005\nVolkswagen 13,290\nBYD 3,364",
            date(2025, 1, 3),
            {23005: ("2024", "Norway", "registrations"), 3364: ("2024", "Norway", "registrations")},
        ),
        ("Tesla said on Monday:\nTesla 23,005\nBYD 3,364", date(2025, 1, 3), {}),
    ],
)
def test_sales_line_list_items_take_the_header_fields(
    text: str, day: date, expected: dict[int, tuple[str, str, str]]
) -> None:
    found = {
        f.fields["quantity"]: (f.fields["period"], f.fields["market"], f.fields["metric"])
        for f in sales_of(text, day)
    }
    assert {q: found.get(q) for q in expected} == expected and (expected or not found)


@pytest.mark.parametrize(
    ("text", "seller"),
    [
        ("Ideal Auto in October delivered new car 51,443 units.", "Li Auto"),
        ("Tengshi in October sold 10,200 units.", "Denza"),
        ("Changan Deep Blue in October sold 28,000 units.", "Deepal"),
    ],
)
def test_sales_machine_translated_chinese_brand_names_resolve(text: str, seller: str) -> None:
    found = sales_of(text, date(2024, 11, 2))
    assert len(found) == 1 and same_org(found[0].fields["org"], seller), [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kia sold 39,270 cars in September, down 5% from 41,426 a year ago but up 6% from 37,362 in August.",
            {39270: "2025-09", 41426: "2024-09", 37362: "2025-08"},
        ),
        (
            "Kia delivered 39,270 cars in September, up from 37,362 in August while down from 41,426 a year earlier.",
            {39270: "2025-09", 37362: "2025-08", 41426: "2024-09"},
        ),
    ],
)
def test_sales_each_compared_figure_keeps_its_own_period(text: str, expected: dict[int, str]) -> None:
    found = {f.fields["quantity"]: f.fields["period"] for f in sales_of(text, date(2025, 10, 1))}
    assert {q: found.get(q) for q in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Motors said the project volume is two to three billion in sales terms.",
        "Kestrel Motors delivered 150 million units of value to shareholders.",
    ],
)
def test_sales_figures_beyond_any_makers_volume_are_no_sales(text: str) -> None:
    assert sales_of(text, date(2024, 6, 3)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Motors grew. The national carmaker, 50.1 per cent owned by DRB-Hicom and 49.9 per cent by China's "
        "Geely, sold 151,487 vehicles in 2024.",
        "Kestrel Motors grew. The truck maker, majority-owned by Volvo, sold 151,487 vehicles in 2024.",
        "Kestrel Motors grew. The carmaker, controlled by Geely, sold 151,487 vehicles in 2024.",
    ],
)
def test_sales_owner_named_in_an_aside_is_not_the_seller(text: str) -> None:
    assert [(f.fields["org"], f.fields["quantity"]) for f in sales_of(text, date(2025, 1, 10))] == [
        ("Kestrel Motors", 151487)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Yutong Bus (600066) said it sold 4,312 buses in October.",
        "Kestrel Power mainly produces 46 series large cylindrical batteries and sold 4,312 cars in October.",
    ],
)
def test_sales_listing_codes_and_cell_series_are_no_figures(text: str) -> None:
    assert [f.fields["quantity"] for f in sales_of(text, date(2024, 11, 2))] == [4312]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Motors said the hybrid 500 will be in production from November.",
        "Kestrel Motors said its 208 was the best seller in May.",
        "Kestrel Motors said the new 3008 has won an award.",
    ],
)
def test_sales_bare_number_acting_as_a_model_name_is_no_figure(text: str) -> None:
    assert sales_of(text, date(2025, 5, 13)) == []
