"""Investment rule, end to end through the extractor: investor, amount, currency and target."""

from __future__ import annotations

from typing import Any

import pytest

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article, Fact


def investments_of(text: str) -> list[Fact]:
    return [f for f in extract_article(Article("t", text)) if f.type == "investment"]


def same_org(actual: Any, expected: str) -> bool:
    """Name equality as the scorer sees it; `expected` may list alternatives "A|B"."""
    return normalize_entity(str(actual)) in {normalize_entity(e) for e in expected.split("|")}


def xfail(*values: Any, reason: str, id: str) -> Any:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason), id=id)


# (text, investor, amount, currency, target); a target that names a company is compared as a name.
STATED = [
    pytest.param(
        "Volkswagen Group invested $5 billion in Rivian.",
        "Volkswagen Group",
        5e9,
        "USD",
        "Rivian",
        id="invested-usd-in-company",
    ),
    pytest.param(
        "Stellantis will invest EUR 1.5 billion in Leapmotor.",
        "Stellantis",
        1.5e9,
        "EUR",
        "Leapmotor",
        id="will-invest-eur-code",
    ),
    pytest.param(
        "Toyota poured $1.3 billion into a battery plant in North Carolina.",
        "Toyota Motor|Toyota",
        1.3e9,
        "USD",
        "battery plant in North Carolina",
        id="poured-into-project",
    ),
    pytest.param(
        "On Tuesday, startup Velora Motors raised $640 million in a funding round led by Amazon.",
        "Amazon",
        6.4e8,
        "USD",
        "Velora Motors",
        id="round-led-by",
    ),
    pytest.param(
        "Hyundai Motor Group committed 24 trillion won to electric vehicle development in Korea.",
        "Hyundai Motor Group",
        24e12,
        "KRW",
        "electric vehicle development in Korea",
        id="trillion-won",
    ),
    pytest.param(
        "CATL injected 3,5 billion yuan into its Hungarian subsidiary.",
        "CATL",
        3.5e9,
        "CNY",
        "Hungarian subsidiary",
        id="comma-decimal-yuan",
    ),
    pytest.param(
        "BMW Group spent EUR 900 million on its new plant in Debrecen.",
        "BMW Group",
        9e8,
        "EUR",
        "new plant in Debrecen",
        id="spent-on-plant",
    ),
    pytest.param(
        "The Public Investment Fund put $1.5bn into Lucid.",
        "Public Investment Fund",
        1.5e9,
        "USD",
        "Lucid Group",
        id="bn-suffix",
    ),
    pytest.param(
        "Geely paid £100 million for a stake in Kestrel Dynamics Inc.",
        "Zhejiang Geely Holding",
        1e8,
        "GBP",
        "Kestrel Dynamics",
        id="paid-pounds-for-stake",
    ),
    pytest.param(
        "Nissan earmarked ¥300 billion for battery development.",
        "Nissan Motor|Nissan",
        3e11,
        "JPY",
        "battery development",
        id="yen-sign",
    ),
    pytest.param(
        "LG Energy Solution agreed to lend Kestrel Dynamics Inc. $90 million.",
        "LG Energy Solution",
        9e7,
        "USD",
        "Kestrel Dynamics",
        id="lend-dative",
    ),
    pytest.param(
        "Mercedes-Benz Group is investing 2.5 billion euros in its German plants.",
        "Mercedes-Benz Group",
        2.5e9,
        "EUR",
        "German plants",
        id="euros-word",
    ),
    pytest.param(
        "Honda will invest 1 trillion yen in an electric vehicle plant in Canada.",
        "Honda Motor|Honda",
        1e12,
        "JPY",
        "electric vehicle plant in Canada",
        id="trillion-yen",
    ),
    pytest.param(
        "Volvo Cars invested EUR 75 million ($82 million) in Kestrel Dynamics Inc.",
        "Volvo Cars",
        7.5e7,
        "EUR",
        "Kestrel Dynamics",
        id="two-currencies-first-stated",
    ),
    pytest.param(
        "Kestrel Dynamics Inc. received a €50 million investment from Renault Group.",
        "Renault Group",
        5e7,
        "EUR",
        "Kestrel Dynamics",
        id="received-investment-from",
    ),
    pytest.param(
        "Velora Motors secured $200 million in fresh funding from the Japanese carmaker Honda.",
        "Honda Motor|Honda",
        2e8,
        "USD",
        "Velora Motors",
        id="secured-funding-from",
    ),
    pytest.param(
        "Velora Motors has obtained a EUR 90 million loan from Renault Group.",
        "Renault Group",
        9e7,
        "EUR",
        "Velora Motors",
        id="obtained-loan-from",
    ),
    pytest.param(
        "Startup Velora Motors raised $640 million in a funding round led by Amazon.",
        "Amazon",
        6.4e8,
        "USD",
        "Velora Motors",
        id="sentence-initial-startup-target",
    ),
    pytest.param(
        "Start-up Velora Motors raised $90 million in a round led by Renault Group.",
        "Renault Group",
        9e7,
        "USD",
        "Velora Motors",
        id="sentence-initial-start-up-target",
    ),
]


@pytest.mark.parametrize(("text", "investor", "amount", "currency", "target"), STATED)
def test_investment_stated_fields(
    text: str, investor: str, amount: float, currency: str, target: str
) -> None:
    found = investments_of(text)
    assert len(found) == 1, [f.fields for f in found]
    fields = found[0].fields
    assert same_org(fields["investor"], investor), fields
    assert fields["amount"] == amount
    assert fields["currency"] == currency
    assert same_org(fields["target"], target), fields
    assert found[0].confidence >= 0.5


NOT_INVESTMENT = [
    pytest.param("Tesla reported revenue of $25 billion in the quarter.", id="revenue"),
    pytest.param("The Rivian R2 is priced at $45,000.", id="price"),
    pytest.param("BYD is valued at $100 billion.", id="valuation"),
    pytest.param("Polestar posted a net loss of $1.2 billion.", id="loss"),
    pytest.param(
        "Stellantis denied reports that it would invest $2 billion in Velora Motors.", id="denied-reports"
    ),
    pytest.param("Toyota's operating profit rose to 5.3 trillion yen.", id="profit"),
    pytest.param("Volvo Cars cut costs by SEK 18 billion.", id="cost-cuts"),
    pytest.param("Kia said the EV3 will cost about $30,000 in the US.", id="vehicle-cost"),
    pytest.param("Geely scrapped its plan to invest $1 billion in Kestrel Dynamics Inc.", id="scrapped"),
]


@pytest.mark.parametrize("text", NOT_INVESTMENT)
def test_investment_prices_results_and_denials_yield_nothing(text: str) -> None:
    assert [f.fields for f in investments_of(text)] == []


HEDGED = [
    pytest.param(
        "Honda may invest up to $1 billion in Velora Motors, people familiar with the matter said.",
        id="may-invest",
    ),
    pytest.param("Geely is considering investing $500 million in Kestrel Dynamics Inc.", id="is-considering"),
    pytest.param("Toyota is reportedly planning to put $2 billion into Velora Motors.", id="reportedly"),
]


@pytest.mark.parametrize("text", HEDGED)
def test_investment_hedged_amount_has_low_confidence(text: str) -> None:
    found = investments_of(text)
    assert found, "a hedged investment is kept, with a lowered confidence"
    assert all(f.confidence < 0.5 and f.modality == "hedged" for f in found), [
        (f.fields, f.confidence) for f in found
    ]


def test_investment_relative_clause_investor_is_the_apposition_head() -> None:
    from datetime import date

    text = (
        "Kestrel Dynamics Inc. is 60 percent owned by Harrow Capital, the Harrow family's investment vehicle, "
        "which injected £120 million of fresh equity in June."
    )
    found = [f.fields for f in extract_article(Article("t", text, date(2024, 8, 1))) if f.type == "investment"]
    assert [(f["investor"], f["amount"], f["currency"]) for f in found] == [("Harrow Capital", 120_000_000, "GBP")]


def test_investment_financing_round_led_by_goes_to_the_lead() -> None:
    from datetime import date

    text = (
        "Velora Motors, a Chengdu-based electric carmaker, said it had completed B-round financing of "
        "2.1 billion yuan, led by the Chengdu Industrial Guidance Fund."
    )
    found = [f.fields for f in extract_article(Article("t", text, date(2024, 8, 1))) if f.type == "investment"]
    assert [(f["investor"], f["amount"], f["currency"], f["target"]) for f in found] == [
        ("Chengdu Industrial Guidance Fund", 2_100_000_000, "CNY", "Velora Motors")
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        pytest.param(
            "VinFast inaugurated its factory in Thoothukudi, Tamil Nadu, where it has invested $500 million.",
            "Thoothukudi factory",
            id="where-it-invested",
        ),
        pytest.param(
            "CATL is building a plant near Debrecen, Hungary, into which it is investing EUR 7.3 billion.",
            "Debrecen plant",
            id="into-which",
        ),
        pytest.param(
            "Mazda will build a factory in Iwakuni, with an investment of about 75 billion yen.",
            "Iwakuni factory",
            id="with-an-investment-of",
        ),
        pytest.param(
            "In Kentucky, Toyota will put $2 billion into a new factory for LFP cells, officials said.",
            "Kentucky factory",
            id="fronted-place-and-a-factory-for-products",
        ),
        pytest.param(
            "BYD will build a gigafactory at Szeged. The Hungarian government granted EUR 200 million to the "
            "project.",
            "Szeged gigafactory",
            id="the-project-is-the-site-named-before",
        ),
    ],
)
def test_investment_target_is_the_production_site(text: str, target: str) -> None:
    found = investments_of(text)
    assert [f.fields["target"] for f in found] == [target]


def test_investment_target_stays_a_company_named_after_the_amount() -> None:
    found = investments_of("Volkswagen Group invested $5 billion in Rivian, which builds a plant in Normal, Illinois.")
    assert [f.fields["target"] for f in found] == ["Rivian"]


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param(
            "Glencore agreed to acquire Li-Cycle Holdings Corp., the recycler it helped fund, for about $40 million.",
            "Glencore",
            "Li-Cycle",
            id="aside-with-a-funding-verb",
        ),
        pytest.param(
            "Renault Group bought Kestrel Dynamics Inc., a start-up it had backed since 2021, for EUR 90 million.",
            "Renault Group",
            "Kestrel Dynamics",
            id="aside-with-backed",
        ),
        pytest.param(
            "BMW Group will acquire Rimac Technology, which Porsche AG financed in 2021, for EUR 500 million.",
            "BMW Group",
            "Rimac Technology|Rimac Group",
            id="relative-with-financed",
        ),
    ],
)
def test_investment_purchase_price_goes_to_the_buyer_whatever_the_aside_says(
    text: str, investor: str, target: str
) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), same_org(f.fields["target"], target)) for f in found] == [
        (True, True)
    ], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Electra did not disclose its valuation, which French media put at around EUR 800 million.",
        "Analysts put the value of Rivian's software unit at $5 billion; others put it at $3 billion.",
        "Bankers have pegged at $2 billion the price Nissan could fetch for its stake.",
    ],
)
def test_investment_an_estimate_put_at_an_amount_is_no_investment(text: str) -> None:
    assert [f.fields for f in investments_of(text)] == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        pytest.param("Kia agreed to acquire Ford's stake in Rivian for about $1.4 billion.", "Rivian", id="possessive-stake"),
        pytest.param("Toyota will buy Nissan's shares in Renault Group for EUR 900 million.", "Renault Group", id="possessive-shares"),
        pytest.param("BYD agreed to purchase Tesla's 30 percent interest in Kia for $2 billion.", "Kia", id="possessive-interest"),
    ],
)
def test_investment_seller_of_a_stake_is_not_the_target(text: str, target: str) -> None:
    found = investments_of(text)
    assert [same_org(f.fields["target"], target) for f in found] == [True], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        pytest.param(
            "Mazda will build a module and pack assembly factory in Iwakuni, with investment of 75 billion yen.",
            "Iwakuni module and pack assembly factory",
            id="modifiers-of-the-site-noun",
        ),
        pytest.param(
            "Tata will build a battery cell plant in Sanand, an investment of $1.5 billion.",
            "Sanand battery cell plant",
            id="apposed-investment",
        ),
        pytest.param(
            "HL-GA Battery Company, a joint venture of Hyundai and LG Energy Solution, is finishing a $4.3 billion "
            "cell plant expected to start production at the end of the year.",
            "cell plant",
            id="amount-before-the-site-noun",
        ),
        pytest.param(
            "Kia is building a $2 billion vehicle assembly plant that will start production in 2027.",
            "vehicle assembly plant",
            id="amount-before-a-compound-site-noun",
        ),
    ],
)
def test_investment_site_target_keeps_what_the_site_makes(text: str, target: str) -> None:
    found = investments_of(text)
    assert [f.fields["target"] for f in found] == [target]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        pytest.param(
            "Ebro occupies the old plant in Zona Franca. Ebro sold 11,000 cars. The company announced an "
            "investment of EUR 400 million for adapting the installations.",
            "Zona Franca old plant",
            id="installations",
        ),
        pytest.param(
            "Kia runs a factory in Zilina. The company will spend EUR 100 million to modernise the facilities.",
            "Zilina factory",
            id="facilities",
        ),
        pytest.param(
            "Tata bought a site in Sanand. Tata will invest $300 million in the premises next year.",
            "Sanand site",
            id="premises",
        ),
    ],
)
def test_investment_in_the_installations_is_in_the_site_named_before(text: str, target: str) -> None:
    found = investments_of(text)
    assert [f.fields["target"] for f in found] == [target]


@pytest.mark.parametrize(
    ("text", "investor", "amount"),
    [
        pytest.param(
            "Rimac will build a plant in Zagreb. The plant will cost about EUR 200 million and open in 2026.",
            "Rimac Group",
            2e8,
            id="the-plant-will-cost",
        ),
        pytest.param(
            "Hyundai Motor Group opened its plant in Ellabell this year. The $7.6 billion plant employs 1,300 people.",
            "Hyundai Motor Group",
            7.6e9,
            id="amount-before-the-plant-as-subject",
        ),
        pytest.param(
            "Northvolt is building a gigafactory in Heide. The project is expected to cost EUR 4.5 billion.",
            "Northvolt",
            4.5e9,
            id="the-project-is-expected-to-cost",
        ),
    ],
)
def test_investment_cost_of_a_site_goes_to_the_company_in_focus(text: str, investor: str, amount: float) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), f.fields["amount"]) for f in found] == [(True, amount)], [
        f.fields for f in found
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rimac will build a plant in Zagreb. The car will cost about EUR 200,000.",
        "Rimac will build a plant in Zagreb. The plant of Kia will cost EUR 1 billion.",
    ],
)
def test_investment_cost_of_something_else_or_of_a_named_owner_is_not_read_as_the_focus_company(text: str) -> None:
    assert [f.fields["investor"] for f in investments_of(text) if f.fields["investor"] == "Rimac Group"] == []


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param(
            "Electra has raised EUR 304 million in a round led by Eurazeo. Eurazeo is contributing about "
            "EUR 100 million through its fund.",
            "Eurazeo",
            "Electra",
            id="contributing",
        ),
        pytest.param(
            "Rivian raised $2 billion in new funding. Amazon invested $500 million, the company said.",
            "Amazon",
            "Rivian",
            id="invested-after-raised",
        ),
        pytest.param(
            "Northvolt secured EUR 5 billion in debt financing. The European Investment Bank provided "
            "EUR 1 billion.",
            "European Investment Bank",
            "Northvolt",
            id="provided-after-secured",
        ),
    ],
)
def test_investment_contribution_to_a_round_goes_to_the_raiser(text: str, investor: str, target: str) -> None:
    found = [f for f in investments_of(text) if same_org(f.fields["investor"], investor)]
    assert found and all(same_org(f.fields["target"], target) for f in found), [f.fields for f in investments_of(text)]


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param("Lucid raised $1.75 billion from Saudi Arabia's Public Investment Fund.", "Public Investment Fund", "Lucid", id="raised-from"),
        pytest.param("Rivian raised $1 billion from Amazon last year.", "Amazon", "Rivian", id="raised-from-last-year"),
        pytest.param("Northvolt secured EUR 500 million from BMW Group.", "BMW Group", "Northvolt", id="secured-from"),
    ],
)
def test_investment_raised_from_an_investor(text: str, investor: str, target: str) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), same_org(f.fields["target"], target)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param("CATL's Hungarian plant will cost EUR 7.3 billion.", "CATL", "Hungarian plant", id="possessive-plant-will-cost"),
        pytest.param("BYD's new factory costs about $1 billion.", "BYD", "new factory", id="possessive-factory-costs"),
        pytest.param("Tesla's Mexican gigafactory is expected to cost $5 billion.", "Tesla", "Mexican gigafactory", id="possessive-expected-to-cost"),
    ],
)
def test_investment_cost_of_a_companys_site(text: str, investor: str, target: str) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), f.fields["target"]) for f in found] == [(True, target)], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect Tesla to spend $10 billion on capex next year.",
        "Analysts estimate BYD will invest CNY 50 billion in Hungary.",
        "Analysts see Ford pouring $3 billion into its truck plants.",
    ],
)
def test_investment_analysts_estimates_are_no_investment(text: str) -> None:
    assert [f.fields for f in investments_of(text)] == []


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param("The project, a $3 billion investment by Toyota, will employ 2,000 people.", "Toyota", None, id="apposed-investment-by"),
        pytest.param("Rivian welcomed a $1 billion investment by Amazon.", "Amazon", "Rivian", id="welcomed-investment-by"),
        pytest.param("Northvolt's expansion depends on a EUR 500 million loan from the European Investment Bank.", "European Investment Bank", "Northvolt", id="loan-from"),
    ],
)
def test_investment_investor_named_after_the_noun(text: str, investor: str, target: str | None) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), target is None or same_org(f.fields["target"], target)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param(
            "Rivian has secured up to $6.6 billion (EUR 6 billion) in loans from the Department of Energy.",
            "Department of Energy",
            "Rivian",
            id="loans-from-after-a-restated-amount",
        ),
        pytest.param(
            "Northvolt obtained SEK 2 billion (about $190 million) in financing from the Nordic Investment Bank.",
            "Nordic Investment Bank",
            "Northvolt",
            id="financing-from-after-a-restated-amount",
        ),
        pytest.param(
            "Volta Trucks is completing a funding round with a value of EUR 60 million, led by Luxor Capital.",
            "Luxor Capital",
            "Volta Trucks",
            id="completing-round-with-a-value-of",
        ),
        pytest.param(
            "Ather Energy is closing an investment worth $50 million led by the International Finance Corporation.",
            "International Finance Corporation",
            "Ather Energy",
            id="closing-investment-worth",
        ),
        pytest.param(
            "The IFC has invested $40 million in Ather Energy.",
            "International Finance Corporation",
            "Ather Energy",
            id="development-finance-institution",
        ),
    ],
)
def test_investment_round_phrasings_find_the_funder(text: str, investor: str, target: str) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), same_org(f.fields["target"], target)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "The deal with a value of $2 billion gives Rivian access to the platform.",
        "Shares worth $3 billion changed hands as Lucid's valuation rose.",
        "The company has a market value of $40 billion.",
    ],
)
def test_investment_value_words_without_funding_noun_block(text: str) -> None:
    assert investments_of(text) == []


@pytest.mark.parametrize(
    ("text", "investor", "amount"),
    [
        pytest.param(
            "Gotion opened its battery plant in Michigan on Monday. The total investment amounts to $2.4 billion.",
            "Gotion High-Tech|Gotion",
            2.4e9,
            id="total-investment-amounts-to",
        ),
        pytest.param(
            "Rivian broke ground on its Georgia factory. Around $5 billion will be invested over the decade.",
            "Rivian",
            5e9,
            id="passive-will-be-invested",
        ),
        pytest.param(
            "Hyundai held the opening ceremony of its Ulsan EV plant. It was built with an investment value of "
            "KRW 2 trillion.",
            "Hyundai",
            2e12,
            id="built-with-an-investment-value-of",
        ),
        pytest.param(
            "Northvolt started production in Skelleftea. Capital expenditure for the first phase is expected to be "
            "about $3 billion.",
            "Northvolt",
            3e9,
            id="capex-is-expected-to-be",
        ),
        pytest.param(
            "Symbio opened its fuel cell factory near Lyon, which has cost nearly EUR 140 million.",
            "Symbio",
            1.4e8,
            id="relative-which-has-cost",
        ),
    ],
)
def test_investment_stated_capex_without_payer_goes_to_the_company_in_focus(
    text: str, investor: str, amount: float
) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), f.fields["amount"]) for f in found] == [(True, amount)], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Hino has agreed with US authorities to pay $1.6 billion over the emissions scandal.",
        "Toyota settled the lawsuit for $200 million.",
        "The company did not disclose its spending, but analysts put the figure at $300 million.",
        "Industry sources put the cost at roughly $500 million.",
    ],
)
def test_investment_penalties_and_outside_estimates_are_no_investment(text: str) -> None:
    assert investments_of(text) == []


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param(
            "Ducati, the Italian motorcycle maker Audi bought in 2012 for EUR 860 million, will launch an electric bike.",
            "Audi",
            "Ducati",
            id="reduced-relative-bought-in-an-aside",
        ),
        pytest.param(
            "Volvo Cars, which Geely acquired for $1.8 billion in 2010, reported higher sales.",
            "Zhejiang Geely Holding|Geely",
            "Volvo Cars",
            id="which-acquired-for",
        ),
        pytest.param(
            "Ford sold its stake in Mazda to Toyota, a longtime rival, for $500 million.",
            "Toyota",
            "Mazda",
            id="sold-stake-in-to-buyer-for",
        ),
        pytest.param(
            "Renault completed the sale of its battery unit to Stellantis for EUR 1.1 billion.",
            "Stellantis",
            None,
            id="sale-of-unit-to-buyer-for",
        ),
    ],
)
def test_investment_purchase_price_goes_to_the_buyer_named_in_an_aside_or_after_to(
    text: str, investor: str, target: str | None
) -> None:
    found = investments_of(text)
    assert [same_org(f.fields["investor"], investor) for f in found] == [True], [f.fields for f in found]
    if target:
        assert same_org(found[0].fields["target"], target), found[0].fields


@pytest.mark.parametrize(
    "text",
    [
        "Tesla sold 100,000 cars to Hertz for $4.2 billion.",
        "BYD sells buses to Transdev for about EUR 50 million each year.",
        "Rivian delivered vans to Amazon for $1 billion.",
    ],
)
def test_investment_goods_sold_to_a_customer_are_no_purchase_price(text: str) -> None:
    assert investments_of(text) == []


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param(
            "The European Commission awarded EUR 300 million to battery projects. The largest beneficiary is "
            "Northvolt, which will receive EUR 120 million.",
            "European Commission",
            "Northvolt",
            id="awarded-then-will-receive",
        ),
        pytest.param(
            "Business Finland distributes EUR 50 million among ten projects. Valmet Automotive obtains EUR 12 "
            "million for its Uusikaupunki line.",
            "Business Finland",
            "Valmet Automotive",
            id="distributes-then-obtains",
        ),
        pytest.param(
            "The Government of Canada granted CAD 500 million to EV suppliers. Magna received CAD 80 million for "
            "its Ontario plants.",
            "Government of Canada",
            "Magna",
            id="granted-then-received",
        ),
    ],
)
def test_investment_grant_received_goes_to_the_body_that_handed_money_out(
    text: str, investor: str, target: str
) -> None:
    found = [f for f in investments_of(text) if same_org(f.fields["target"] or "", target)]
    assert [same_org(f.fields["investor"], investor) for f in found] == [True], [f.fields for f in investments_of(text)]


def test_investment_receiving_money_without_a_giver_yields_nothing() -> None:
    assert investments_of("Northvolt will receive EUR 120 million next year.") == []


@pytest.mark.parametrize(
    ("text", "investor", "amount"),
    [
        pytest.param(
            "In Hungary, where Bosch already brakes builds, now about EUR 70 million into a new line invests.",
            "Bosch",
            7e7,
            id="verb-final-invests",
        ),
        pytest.param(
            "The deal echoes Volvo Group's $210 million purchase of the bus business of Navistar.",
            "Volvo Group",
            2.1e8,
            id="possessive-purchase",
        ),
        pytest.param(
            "Stellantis left the project. A blow for the Saint-Avold factory of Symbio, which has cost nearly "
            "EUR 140 million.",
            "Symbio",
            1.4e8,
            id="cost-of-the-factory-of-x",
        ),
        pytest.param(
            "Nio announced the plant. Iveco's new engine works, which has cost some EUR 90 million, opened.",
            "Iveco",
            9e7,
            id="cost-of-x-s-works",
        ),
    ],
)
def test_investment_translated_order_possessive_purchase_and_site_owner(
    text: str, investor: str, amount: float
) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), f.fields["amount"]) for f in found] == [(True, amount)], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "People familiar with the plans put the initial budget at more than $1 billion.",
        "Bankers put its total cost at about EUR 2 billion.",
        "Analysts put the new plant's price tag at $4 billion.",
    ],
)
def test_investment_others_putting_a_figure_at_is_no_investment(text: str) -> None:
    assert investments_of(text) == []


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        ("The state of Saxony will subsidise CATL's plant with 100 million euros.", "State of Saxony|Saxony", "CATL"),
        ("The German government subsidized Intel with EUR 9.9 billion.", "German federal government", "Intel"),
        ("The European Investment Bank co-financed Northvolt with EUR 350 million.", "European Investment Bank", "Northvolt"),
    ],
)
def test_investment_subsidise_with_an_amount(text: str, investor: str, target: str) -> None:
    found = investments_of(text)
    assert found and same_org(found[0].fields["investor"], investor), [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "investor", "amount"),
    [
        pytest.param("The plant, in which Stellantis invests 2 billion euros, will open in 2026.", "Stellantis", 2e9, id="in-which-x-invests"),
        pytest.param("The site, into which BMW will pour EUR 800 million, employs 900.", "BMW Group", 8e8, id="into-which-x-will-pour"),
        pytest.param("In the new factory invests Volkswagen 2 billion euros.", "Volkswagen Group", 2e9, id="verb-second-invests-x"),
        pytest.param("Into the Zwickau site invests Volkswagen around EUR 1.2 billion.", "Volkswagen Group", 1.2e9, id="verb-second-around"),
        pytest.param("Mercedes-Benz took a 3% stake in ProLogium for 40 million euros.", "Mercedes-Benz Group", 4e7, id="took-stake-for"),
        pytest.param("Stellantis takes a minority stake in Symbio for EUR 100 million.", "Stellantis", 1e8, id="takes-stake-for"),
    ],
)
def test_investment_relative_inverted_and_stake_taking_subjects(text: str, investor: str, amount: float) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), f.fields["amount"]) for f in found] == [(True, amount)], [f.fields for f in found]


def test_investment_site_target_leaves_out_the_currency() -> None:
    [fact] = investments_of("Chinese CATL will build a 7.3 billion euros plant in Hungary.")
    assert "euros" not in (fact.fields["target"] or "")


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param("Temasek led Ather Energy's $128 million round.", "Temasek", "Ather Energy", id="led-possessive-round"),
        pytest.param("SoftBank Vision Fund led a $200 million round in Gogoro.", "SoftBank Vision Fund", "Gogoro", id="led-round-in"),
        pytest.param("Electra's $85 million round was led by Temasek.", "Temasek", "Electra", id="possessive-round-was-led-by"),
        pytest.param(
            "Northvolt gave an update on Monday. The funding round of EUR 1 billion was led by Goldman Sachs.",
            "Goldman Sachs",
            "Northvolt",
            id="round-of-was-led-by-focus",
        ),
        pytest.param(
            "Iveco will receive from the Italian government 100 million euros.",
            "Italian government",
            "Iveco Group",
            id="receive-from-giver-before-amount",
        ),
        pytest.param(
            "Northvolt obtained from the European Investment Bank a loan of EUR 350 million.",
            "European Investment Bank",
            "Northvolt",
            id="obtained-from-giver-a-loan-of",
        ),
    ],
)
def test_investment_round_leads_and_givers_in_any_order(text: str, investor: str, target: str) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), same_org(f.fields["target"], target)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "investor", "amount"),
    [
        pytest.param(
            "Verkor secured EUR 2 billion. The European Investment Bank approved a loan of EUR 600 million. The plant "
            "will make cells for Renault and is expected to cost about EUR 1.6 billion.",
            "Verkor",
            1.6e9,
            id="plant-will-make-and-is-expected-to-cost",
        ),
        pytest.param(
            "Northvolt presented its plans on Monday. The factory will employ 3,000 people and will cost EUR 4.5 billion.",
            "Northvolt",
            4.5e9,
            id="factory-will-employ-and-will-cost",
        ),
        pytest.param(
            "Toyota broke ground in North Carolina. The site is estimated to cost $13.9 billion.",
            "Toyota Motor",
            1.39e10,
            id="site-is-estimated-to-cost",
        ),
    ],
)
def test_investment_cost_of_a_site_after_a_second_predicate_or_a_lender(text: str, investor: str, amount: float) -> None:
    found = [f for f in investments_of(text) if f.fields["amount"] == amount]
    assert [same_org(f.fields["investor"], investor) for f in found] == [True], [f.fields for f in investments_of(text)]


@pytest.mark.parametrize(
    ("text", "investor"),
    [
        pytest.param(
            "Hyundai opened its Georgia plant. Cells will come from a $4.3 billion joint venture with LG Energy Solution.",
            "Hyundai Motor Group|LG Energy Solution",
            id="from-a-sized-joint-venture",
        ),
        pytest.param(
            "Kia said sales rose. Production will move to a $1 billion plant near Gwangmyeong next year.",
            "Kia",
            id="to-a-sized-plant",
        ),
        pytest.param(
            "BMW unveiled the iX3. The car will be built at a EUR 2 billion factory in Debrecen.",
            "BMW Group",
            id="at-a-sized-factory",
        ),
    ],
)
def test_investment_amount_sizing_a_site_goes_to_the_company_in_focus(text: str, investor: str) -> None:
    found = investments_of(text)
    assert [same_org(f.fields["investor"], investor) for f in found] == [True], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "amount", "target"),
    [
        pytest.param("Volkswagen Group has invested $1 billion in Rivian and has committed up to $5 billion in total.", 5e9, "Rivian", id="second-amount-same-investor"),
        pytest.param("Kivi Nickel builds a refinery. Kivi Nickel sells nickel. Finnish Minerals Group will invest EUR 60 million in return for a 15 percent stake.", 6e7, "Kivi Nickel", id="in-return-for-a-stake"),
        pytest.param("Zeekr shares jumped. Zeekr said so. Geely Auto will pay $2.2 billion for the remaining shares.", 2.2e9, "Zeekr", id="for-the-remaining-shares"),
    ],
)
def test_investment_target_carried_or_read_from_a_stake(text: str, amount: float, target: str) -> None:
    found = [f for f in investments_of(text) if f.fields["amount"] == amount]
    assert [same_org(f.fields["target"], target) for f in found] == [True], [f.fields for f in investments_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Kia will pay royalties on every cell in addition to an upfront fee of $75 million to Ford.",
        "Toyota pays BYD a licence fee of EUR 20 million a year.",
        "People familiar with the plans put the initial budget at more than $1 billion, Kia said.",
    ],
)
def test_investment_fees_and_budget_estimates_are_no_investment(text: str) -> None:
    assert [f.fields for f in investments_of(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The European Investment Bank approved a loan. The plant will cost about EUR 2 billion.",
        "Temasek led the round. The factory is expected to cost $1 billion.",
        "The state of Georgia offered incentives. The project will cost $5 billion.",
    ],
)
def test_investment_cost_of_a_site_is_not_given_to_a_funder_in_focus(text: str) -> None:
    assert [f.fields for f in investments_of(text) if f.fields["amount"] >= 1e9] == []


@pytest.mark.parametrize(
    ("text", "investor", "amount"),
    [
        pytest.param("Battery cells will come from a $4.3 billion joint venture with LG Energy Solution in Georgia.", "LG Energy Solution", 4.3e9, id="money-before-venture-with"),
        pytest.param("A second battery joint venture, with SK On in Bartow County, represents an investment of about $5 billion.", "SK On", 5e9, id="venture-with-then-investment-of"),
        pytest.param("The cells come from a EUR 2 billion venture with CATL near Debrecen.", "CATL", 2e9, id="venture-with-catl"),
    ],
)
def test_investment_venture_with_a_named_partner(text: str, investor: str, amount: float) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), f.fields["amount"], f.fields["target"]) for f in found] == [
        (True, amount, "joint venture")
    ], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "investor", "amount"),
    [
        pytest.param("Northvolt broke ground in Heide. The total investment of the project is EUR 4.5 billion.", "Northvolt", 4.5e9, id="total-investment-of-the-project-is"),
        pytest.param("CATL started work in Debrecen. The investment in the plant amounts to EUR 7.3 billion.", "CATL", 7.3e9, id="investment-in-the-plant-amounts-to"),
        pytest.param("BYD opened its site in Szeged. The planned investment for the factory totals EUR 4 billion.", "BYD", 4e9, id="planned-investment-for-the-factory-totals"),
    ],
)
def test_investment_stated_as_the_sites_investment(text: str, investor: str, amount: float) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), f.fields["amount"]) for f in found] == [(True, amount)], [
        f.fields for f in found
    ]


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        pytest.param("Nio received 3 billion yuan last year from the Hefei government.", "Hefei municipal government", "Nio", id="last-year-from"),
        pytest.param("Rivian received $1 billion in June from Volkswagen Group.", "Volkswagen Group", "Rivian", id="in-june-from"),
        pytest.param("Northvolt secured EUR 500 million this year from BMW Group.", "BMW Group", "Northvolt", id="this-year-from"),
    ],
)
def test_investment_received_with_a_time_before_from(text: str, investor: str, target: str) -> None:
    found = investments_of(text)
    assert [(same_org(f.fields["investor"], investor), same_org(f.fields["target"], target)) for f in found] == [(True, True)], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "investor", "target"),
    [
        ("Kestrel Motors today announces a EUR 304 million capital increase, led by Eurazeo.", "Eurazeo", "Kestrel Motors"),
        ("Kestrel Motors unveiled a $120 million Series B round led by Itochu.", "Itochu", "Kestrel Motors"),
        ("Kestrel Motors said a 50 million euro funding round was led by Toyota.", "Toyota", "Kestrel Motors"),
    ],
)
def test_investment_round_named_after_the_amount_goes_to_its_lead(text: str, investor: str, target: str) -> None:
    found = [f for f in extract_article(Article("t", text)) if f.type == "investment"]
    assert [(normalize_entity(f.fields["investor"]), normalize_entity(f.fields["target"] or "")) for f in found] == [
        (normalize_entity(investor), normalize_entity(target))
    ]
