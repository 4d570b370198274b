"""Tests for extract/money.py: amounts with ISO currencies, ranges, hedges and non-money traps."""

from __future__ import annotations

import pytest

from evintel.extract.money import find_money, to_iso


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("The group will invest $2.5bn in the site.", 2.5e9, "USD"),
        ("The group will invest US$ 1.2 billion in the site.", 1.2e9, "USD"),
        ("The group will invest US$1.2 billion in the site.", 1.2e9, "USD"),
        ("The group will invest USD 900m in the site.", 9e8, "USD"),
        ("The group will invest 1.5 billion US dollars in the site.", 1.5e9, "USD"),
        ("The group will invest a billion dollars in the site.", 1e9, "USD"),
        ("The group will invest EUR 900 million in the site.", 9e8, "EUR"),
        ("The group will invest EUR900m in the site.", 9e8, "EUR"),
        ("The group will invest €1.2 billion in the site.", 1.2e9, "EUR"),
        ("The group will invest 900 million euros in the site.", 9e8, "EUR"),
        ("The group will invest half a billion euros in the site.", 5e8, "EUR"),
        ("The group will invest 900 million EUR in the site.", 9e8, "EUR"),
        ("The group will invest 3,5 billion yuan in the site.", 3.5e9, "CNY"),
        ("The group will invest RMB 10 billion in the site.", 1e10, "CNY"),
        ("The group will invest CNY 10 billion in the site.", 1e10, "CNY"),
        ("The group will invest 10 billion renminbi in the site.", 1e10, "CNY"),
        ("The group will invest 2 trillion yen in the site.", 2e12, "JPY"),
        ("The group will invest ¥500 billion in the site.", 5e11, "JPY"),
        ("The group will invest 3 trillion won in the site.", 3e12, "KRW"),
        ("The group will invest ₩1.5 trillion in the site.", 1.5e12, "KRW"),
        ("The group will invest KRW 1.5 trillion in the site.", 1.5e12, "KRW"),
        ("The group will invest £120 million in the site.", 1.2e8, "GBP"),
        ("The group will invest 120 million pounds in the site.", 1.2e8, "GBP"),
        ("The group will invest GBP 4bn in the site.", 4e9, "GBP"),
        ("The group will invest Rs 500 crore in the site.", 5e9, "INR"),
        ("The group will invest Rs. 500 crore in the site.", 5e9, "INR"),
        ("The group will invest INR 2,000 crore in the site.", 2e10, "INR"),
        ("The group will invest ₹1 lakh crore in the site.", 1e12, "INR"),
        ("The group will invest TL 12.4 billion in the site.", 1.24e10, "TRY"),
        ("The group will invest 5 billion Turkish lira in the site.", 5e9, "TRY"),
        ("The group will invest Rp 5 trillion in the site.", 5e12, "IDR"),
        ("The group will invest RM1.2 billion in the site.", 1.2e9, "MYR"),
        ("The group will invest 10 billion Thai baht in the site.", 1e10, "THB"),
        ("The group will invest 500 crore rupees in the site.", 5e9, "INR"),
        ("The group will invest CHF 300 million in the site.", 3e8, "CHF"),
        ("The group will invest 300 million Swiss francs in the site.", 3e8, "CHF"),
        ("The group will invest SEK 2 billion in the site.", 2e9, "SEK"),
        ("The group will invest 2 billion kronor in the site.", 2e9, "SEK"),
        ("The group will invest NOK 5bn in the site.", 5e9, "NOK"),
        ("The group will invest A$500 million in the site.", 5e8, "AUD"),
        ("The group will invest AUD 500 million in the site.", 5e8, "AUD"),
        ("The group will invest 2 billion Australian dollars in the site.", 2e9, "AUD"),
        ("The group will invest C$1bn in the site.", 1e9, "CAD"),
        ("The group will invest HK$2 billion in the site.", 2e9, "HKD"),
        ("The group will invest R$3 billion in the site.", 3e9, "BRL"),
        ("The group will invest 4 billion reais in the site.", 4e9, "BRL"),
        ("$2.5bn will go to the site.", 2.5e9, "USD"),
        ("The group will invest 82.700 euros per car.", 82700, "EUR"),
    ],
)
def test_find_money_reads_amount_and_currency(text: str, amount: float, currency: str) -> None:
    [money] = find_money(text)
    assert (money.amount, money.currency) == (pytest.approx(amount), currency)
    assert text[money.start : money.end] == money.text


def test_find_money_bare_yen_sign_is_yuan_in_yuan_context() -> None:
    [money] = find_money("It raised ¥10 billion, the yuan-denominated deal showed.")
    assert money.currency == "CNY"


def test_find_money_two_currencies_give_two_spans_in_order() -> None:
    found = find_money("It will invest EUR 900 million ($980 million) in Hungary.")
    assert [(m.amount, m.currency) for m in found] == [(9e8, "EUR"), (9.8e8, "USD")]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Costs of $2.8-3.4 billion are expected.", 2.8e9, 3.4e9),
        ("Costs of $2.8 to 3.4 billion are expected.", 2.8e9, 3.4e9),
        ("Costs of $2bn to $3bn are expected.", 2e9, 3e9),
        ("Costs of between $1 billion and $2 billion are expected.", 1e9, 2e9),
        ("Costs of 1-2 billion euros are expected.", 1e9, 2e9),
    ],
)
def test_find_money_joins_ranges(text: str, low: float, high: float) -> None:
    [money] = find_money(text)
    assert (money.amount, money.range_end) == (pytest.approx(low), pytest.approx(high))


def test_find_money_change_is_two_amounts() -> None:
    found = find_money("Spending rose from €1.2bn to €1.5bn.")
    assert [(m.amount, m.range_end) for m in found] == [(1.2e9, None), (1.5e9, None)]


@pytest.mark.parametrize(
    ("text", "approximate", "bound"),
    [
        ("It will invest about $5 billion.", True, None),
        ("It will invest some €5 billion.", True, None),
        ("It will invest more than €1bn.", False, "lower"),
        ("It will invest up to $5 billion.", False, "upper"),
        ("It will invest nearly $5 billion.", True, "upper"),
        ("It will invest $5 billion.", False, None),
    ],
)
def test_find_money_reads_hedges(text: str, approximate: bool, bound: str | None) -> None:
    [money] = find_money(text)
    assert (money.approximate, money.bound) == (approximate, bound)


@pytest.mark.parametrize(
    "text",
    [
        "The pack adds 500 pounds of weight.",
        "Hyundai won 3 awards.",
        "Prices in 2023 dollars are lower.",
        "It sold 82,700 cars in 2024.",
        "The dollar fell against the euro.",
        "The BMW iX3 and the ID.4 are built there.",
        "",
    ],
)
def test_find_money_skips_non_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("$", "USD"),
        ("US$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("₩", "KRW"),
        ("₹", "INR"),
        ("Rs", "INR"),
        ("euros", "EUR"),
        ("Euro", "EUR"),
        ("yuan", "CNY"),
        ("RMB", "CNY"),
        ("renminbi", "CNY"),
        ("yen", "JPY"),
        ("won", "KRW"),
        ("pounds sterling", "GBP"),
        ("kronor", "SEK"),
        ("Danish kroner", "DKK"),
        ("Swiss francs", "CHF"),
        ("reais", "BRL"),
        ("usd", "USD"),
        ("A$", "AUD"),
        ("doubloons", None),
    ],
)
def test_to_iso_maps_symbols_codes_and_names(word: str, iso: str | None) -> None:
    assert to_iso(word) == iso


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("an investment of 400 millions of euros until 2029", 400e6, "EUR"),
        ("an aid of 12,7 millions of euros", 12.7e6, "EUR"),
        ("a loan of 3 billions of dollars", 3e9, "USD"),
        ("a subsidy of 2 crores of rupees", 2e7, "INR"),
    ],
)
def test_find_money_plural_scale_with_of_in_translated_text(text: str, amount: float, currency: str) -> None:
    assert [(m.amount, m.currency) for m in find_money(text)] == [(amount, currency)]


@pytest.mark.parametrize("text", ["500 of euros", "thousands of euros", "2 million of the dollars"])
def test_find_money_of_needs_a_plural_scale_before_the_currency(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mercedes invests a three-digit million euro amount in the plant.",
        "It is a multi-million euro deal.",
        "They pay a single-digit billion dollar sum.",
    ],
)
def test_find_money_a_bare_scale_word_states_no_figure(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("GM will spend 1.5 billion Argentine pesos there.", 1.5e9, "ARS"),
        ("a plant worth 3 billion Moroccan dirhams", 3e9, "MAD"),
        ("Toyota earmarked ₱5 billion", 5e9, "PHP"),
        ("BYD committed 2 billion Egyptian pounds", 2e9, "EGP"),
        ("Ford put 3 billion lei into Craiova", 3e9, "RON"),
        ("a grant of 500 million shekels", 5e8, "ILS"),
        ("about 100 billion Chilean pesos", 1e11, "CLP"),
        ("an investment of PHP 2 billion", 2e9, "PHP"),
        ("500 million zlotys", 5e8, "PLN"),
        ("a ₦40 billion assembly plant", 4e10, "NGN"),
    ],
)
def test_find_money_more_currencies(text: str, amount: float, currency: str) -> None:
    found = find_money(text)
    assert [(m.amount, m.currency) for m in found] == [(amount, currency)]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("The group invested 5.500 million reais in the plant.", 5.5e9),
        ("The group will invest 4.100 million euros in the site.", 4.1e9),
        ("about 1.000 million dollars", 1e9),
        ("The bond raised $2.125 billion.", 2.125e9),
        ("The group will invest 1.5 million euros.", 1.5e6),
    ],
)
def test_find_money_continental_thousands_before_a_scale_word(text: str, amount: float) -> None:
    assert [m.amount for m in find_money(text)] == [amount]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("The investment is put with two to three billion US-Dollar.", 2e9),
        ("The plant needs two to three billion dollars.", 2e9),
        ("It will spend 2 to 3 billion dollars.", 2e9),
    ],
)
def test_find_money_word_range_takes_the_upper_ends_scale(text: str, amount: float) -> None:
    assert [m.amount for m in find_money(text)] == [amount]
