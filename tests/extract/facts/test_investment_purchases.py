"""Purchase prices as investments: the buyer after "by" in a nominal purchase, and "at a consideration of"."""

from __future__ import annotations

import pytest

from evintel.extract import extract_article
from evintel.models import Article


def investments(text: str) -> list[tuple[str, float, str, str | None]]:
    return [
        (f.fields["investor"], f.fields["amount"], f.fields["currency"], f.fields["target"])
        for f in extract_article(Article("t", text))
        if f.type == "investment"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The acquisition of Proterra's battery unit by Volvo Group, closed last spring for $210 million, brought a pack plant.",
            [("Volvo Group", 210_000_000, "USD", "Proterra")],
            id="acquisition-of-part-by-aside-for",
        ),
        pytest.param(
            "The takeover of Northvolt by Lyten was completed in August for about $50 million.",
            [("Lyten", 50_000_000, "USD", "Northvolt")],
            id="takeover-of-by-was-completed-for",
        ),
        pytest.param(
            "After the purchase of a 49% stake in Leapmotor by Stellantis for EUR 1.5 billion, the two set up a venture.",
            [("Stellantis", 1_500_000_000, "EUR", "Leapmotor")],
            id="purchase-of-stake-in-by-for",
        ),
    ],
)
def test_investment_nominal_purchase_by_a_buyer(
    text: str, expected: list[tuple[str, float, str, str | None]]
) -> None:
    assert investments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Stellantis acquired a 20% stake in Leapmotor at a consideration of EUR 1.5 billion.",
            [("Stellantis", 1_500_000_000, "EUR", "Leapmotor")],
            id="at-a-consideration-of",
        ),
        pytest.param(
            "Geely bought 7.6% of Aston Martin for a total consideration of GBP 234 million.",
            [("Zhejiang Geely Holding", 234_000_000, "GBP", "Aston Martin")],
            id="for-a-total-consideration-of",
        ),
    ],
)
def test_investment_purchase_at_a_consideration(
    text: str, expected: list[tuple[str, float, str, str | None]]
) -> None:
    assert investments(text) == expected


def test_investment_nominal_sale_of_cars_by_a_maker_is_no_purchase() -> None:
    # the thing acquired must be a company: a price of cars bought by a fleet is not an investment by the maker
    text = "The acquisition of 500 vans by DHL from Ford was signed for EUR 20 million."
    assert [i for i in investments(text) if i[0] == "Ford"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Stellantis is building a battery plant in Spain. The company will invest EUR 4.1 billion, and the "
            "Government granted EUR 298 million.",
            [("Stellantis", 4_100_000_000, "EUR", None)],
            id="and-the-government-granted",
        ),
        pytest.param(
            "Renault is expanding its Douai plant. The company will invest EUR 500 million; the regional government "
            "will also provide EUR 50 million.",
            [("Renault Group", 500_000_000, "EUR", None)],
            id="the-regional-government-will-provide",
        ),
        pytest.param(
            "Northvolt said the government will lend it EUR 500 million.",
            [],
            id="said-the-government-will-lend",
        ),
        pytest.param(
            "The German government granted Intel EUR 10 billion.",
            [("German federal government", 10_000_000_000, "EUR", "Intel")],
            id="named-government-still-invests",
        ),
    ],
)
def test_investment_public_body_subject_is_not_the_company_in_focus(
    text: str, expected: list[tuple[str, float, str, str | None]]
) -> None:
    assert investments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Already the Renault, second group of the country, keeps the investment plan of R$ 6 billion in Brazil "
            "between 2025 and 2028.",
            [("Renault Group", 6_000_000_000, "BRL", "Brazil")],
            id="investment-plan-of-between-years",
        ),
        pytest.param(
            "Hyundai confirmed an investment programme of $21 billion in the US until 2028.",
            [("Hyundai Motor Group", 21_000_000_000, "USD", "US")],
            id="investment-programme-of-until-year",
        ),
    ],
)
def test_investment_plan_of_an_amount(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert investments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Northvolt is building a plant. The plant will be financed by a loan of EUR 500 million from KfW.",
            [("KfW", 500_000_000, "EUR", None)],
            id="plant-financed-by-a-loan-from",
        ),
        pytest.param(
            "Izera will be partly funded with a state loan of PLN 4.5 billion from the development bank BGK.",
            [("BGK", 4_500_000_000, "PLN", "Izera")],
            id="company-funded-with-a-loan-from-named-bank",
        ),
        pytest.param(
            "Verkor was backed by a grant of EUR 650 million from the French state.",
            [("French state", 650_000_000, "EUR", "Verkor")],
            id="backed-by-a-grant-from",
        ),
    ],
)
def test_investment_passive_funding_from_a_lender(
    text: str, expected: list[tuple[str, float, str, str | None]]
) -> None:
    assert investments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kia sold 900 cars in Chile. Meanwhile, Movilidad Andina will receive an initial investment of 40 million pesos.",
            [],
            id="named-receiver-is-not-the-focus",
        ),
        pytest.param(
            "Scania builds buses in Brazil. The buses are made at the factory of Sao Bernardo, which receives "
            "investments of R$ 2 billion until 2028.",
            [("Scania", 2_000_000_000, "BRL")],
            id="the-focus-site-receives",
        ),
    ],
)
def test_investment_received_by_a_named_project_or_the_focus_site(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [(investor, amount, currency) for investor, amount, currency, _ in investments(text)] == expected
