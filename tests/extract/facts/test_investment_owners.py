"""Amounts that belong to the company named with them, and asides before an investment noun: sentences written here."""

from __future__ import annotations

import pytest

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article


def investments(text: str) -> set[tuple[str, float, str]]:
    return {
        (normalize_entity(f.fields["investor"]), f.fields["amount"], f.fields["currency"])
        for f in extract_article(Article("t", text))
        if f.type == "investment"
    }


@pytest.mark.parametrize(
    ("text", "investor", "amount", "currency"),
    [
        (
            "The new line is part of Toyota's $10 billion U.S. investment plan.",
            "Toyota",
            10_000_000_000,
            "USD",
        ),
        (
            "Kia's Gwangmyeong EV plant, into which 400 billion won was invested, opened in July.",
            "Kia",
            400_000_000_000,
            "KRW",
        ),
        (
            "Ford will delay its planned 1.8 billion Canadian dollar battery project in Quebec.",
            "Ford",
            1_800_000_000,
            "CAD",
        ),
        (
            "Renault, leader of the French market, confirmed investments of 3 billion euros in France.",
            "Renault",
            3_000_000_000,
            "EUR",
        ),
    ],
)
def test_investor_of_an_amount(text: str, investor: str, amount: float, currency: str) -> None:
    assert (normalize_entity(investor), amount, currency) in investments(text)


@pytest.mark.parametrize(
    "text",
    ["Tesla's $25,000 car is delayed again.", "BYD's $2 billion loss in Europe widened."],
)
def test_a_companys_price_or_loss_is_no_investment(text: str) -> None:
    assert investments(text) == set()
