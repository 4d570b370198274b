"""Tests for extract/periods.py: period phrases resolved against the article date."""

from __future__ import annotations

import re
from datetime import date

import pytest

from evintel.extract.periods import _RULES, find_periods, opening_scanner, resolve_period, scan

JULY = date(2024, 7, 11)


@pytest.mark.parametrize(
    ("phrase", "today", "expected"),
    [
        ("Q1 2024", JULY, "2024-Q1"),
        ("Q3'24", JULY, "2024-Q3"),
        ("1Q24", JULY, "2024-Q1"),
        ("2024 Q2", JULY, "2024-Q2"),
        ("Q2", JULY, "2024-Q2"),
        ("the first quarter", JULY, "2024-Q1"),
        ("first-quarter", JULY, "2024-Q1"),
        ("the 2nd quarter", JULY, "2024-Q2"),
        ("the second quarter of 2023", JULY, "2023-Q2"),
        ("the third quarter of last year", JULY, "2023-Q3"),
        ("the first quarter of this year", JULY, "2024-Q1"),
        ("the first quarter of next year", JULY, "2025-Q1"),
        ("the third quarter", JULY, "2024-Q3"),
        ("the fourth quarter", JULY, "2023-Q4"),
        ("the fourth quarter", date(2024, 2, 10), "2023-Q4"),
        ("the fourth quarter", date(2024, 12, 20), "2024-Q4"),
        ("the final quarter of 2023", JULY, "2023-Q4"),
        ("the last quarter", JULY, "2024-Q2"),
        ("the last quarter", date(2024, 2, 8), "2023-Q4"),
        ("the July-September quarter", date(2025, 10, 20), "2025-Q3"),
        ("the April-June quarter", JULY, "2024-Q2"),
        ("the final three months of 2023", JULY, "2023-Q4"),
        ("the first three months of this year", date(2025, 4, 2), "2025-Q1"),
        ("the first half", JULY, "2024-H1"),
        ("first-half", JULY, "2024-H1"),
        ("the first half of 2025", JULY, "2025-H1"),
        ("the second half of 2023", JULY, "2023-H2"),
        ("H1", JULY, "2024-H1"),
        ("H1 2023", JULY, "2023-H1"),
        ("1H24", JULY, "2024-H1"),
        ("the half-year", JULY, "2024-H1"),
        ("the first six months of the year", JULY, "2024-H1"),
        ("the first six months", JULY, "2024-H1"),
        ("the first nine months", date(2024, 10, 15), "2024-01/2024-09"),
        ("the first nine months of 2023", JULY, "2023-01/2023-09"),
        ("the first eight months", date(2024, 9, 4), "2024-01/2024-08"),
        ("January-September", date(2024, 10, 15), "2024-01/2024-09"),
        ("January to September", date(2024, 10, 15), "2024-01/2024-09"),
        ("between January and June", JULY, "2024-H1"),
        ("Jan-Mar", JULY, "2024-Q1"),
        ("the January-August period", date(2024, 9, 4), "2024-01/2024-08"),
        ("April 2023 to March 2024", JULY, "2023-04/2024-03"),
        ("January-December", JULY, "2024"),
        ("March", JULY, "2024-03"),
        ("in March", JULY, "2024-03"),
        ("March 2024", JULY, "2024-03"),
        ("March of 2023", JULY, "2023-03"),
        ("in March last year", JULY, "2023-03"),
        ("October", JULY, "2023-10"),
        ("in May", JULY, "2024-05"),
        ("Dec. 2023", JULY, "2023-12"),
        ("last month", JULY, "2024-06"),
        ("last month", date(2025, 1, 3), "2024-12"),
        ("this month", JULY, "2024-07"),
        ("last year", JULY, "2023"),
        ("this year", JULY, "2024"),
        ("next year", JULY, "2025"),
        ("in 2023", JULY, "2023"),
        ("2023 as a whole", JULY, "2023"),
        ("full-year 2023", JULY, "2023"),
        ("the year to date", JULY, "2024-01/2024-07"),
        ("so far this year", JULY, "2024-01/2024-07"),
        ("year-to-date", JULY, "2024-01/2024-07"),
        ("YTD", JULY, "2024-01/2024-07"),
        ("the fiscal year ended March 31, 2025", JULY, "2024-04/2025-03"),
        ("the fiscal year ended March 31", date(2024, 6, 5), "2023-04/2024-03"),
        ("the fiscal year that ended in March", date(2025, 5, 14), "2024-04/2025-03"),
        ("the fiscal year ending March 2026", JULY, "2025-04/2026-03"),
        ("the financial year to March 2025", JULY, "2024-04/2025-03"),
        ("the three months to September", date(2024, 11, 5), "2024-Q3"),
        ("FY2024/25", JULY, "2024-04/2025-03"),
        ("FY25", JULY, "2024-04/2025-03"),
        ("fiscal 2024", JULY, "2024-04/2025-03"),
        ("fiscal 2024-25", JULY, "2024-04/2025-03"),
        ("the second quarter of its fiscal year", date(2025, 10, 20), "2025-Q3"),
        ("since launch", JULY, "cumulative"),
        ("since its market launch", JULY, "cumulative"),
        ("to date", JULY, "cumulative"),
        ("cumulative", JULY, "cumulative"),
        ("since it was founded", JULY, "cumulative"),
        ("since the opening of the orders", JULY, "cumulative"),
        ("an order backlog", JULY, "cumulative"),
    ],
)
def test_resolve_period_resolves_against_article_date(phrase: str, today: date, expected: str) -> None:
    assert resolve_period(phrase, today) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the first quarter", "Q1"),
        ("the first three months of this year", "Q1"),
        ("the first half", "H1"),
        ("in March", "03"),
        ("January-September", "01/09"),
        ("the first nine months", "01/09"),
        ("Q1 2024", "2024-Q1"),
        ("in 2023", "2023"),
        ("the fiscal year ended March 31, 2025", "2024-04/2025-03"),
        ("since launch", "cumulative"),
        ("last year", None),
        ("so far this year", None),
        ("last month", None),
    ],
)
def test_resolve_period_without_date_leaves_year_out(phrase: str, expected: str | None) -> None:
    assert resolve_period(phrase, None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The deal was signed on 15 March.",
        "The deal was signed on July 11, 2024.",
        "The deal was signed on 2024-07-11.",
        "The deal was signed on March 3rd.",
        "Prices may rise, the firm said.",
        "Jan Schmidt, the chief executive, said so.",
        "The firm sold 82,700 cars.",
    ],
)
def test_find_periods_skips_dates_and_words(text: str) -> None:
    assert [p for p in find_periods(text, JULY) if p.value not in (None, "2024")] == []
    assert all(p.text != "March" and p.text != "May" for p in find_periods(text, JULY))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Sales rose 8% from a year earlier.", "a year earlier"),
        ("Sales rose 8% on the same period last year.", "the same period last year"),
        ("Sales rose 8% year-on-year.", "year-on-year"),
        ("It sold 90,000, up from 80,000 in the previous quarter.", "the previous quarter"),
        ("Sales rose 8% compared with last year.", "last year"),
        ("Sales rose 8% on 2023.", "2023"),
        ("Sales were higher than in the first quarter.", "the first quarter"),
    ],
)
def test_find_periods_flags_comparison_periods(text: str, phrase: str) -> None:
    [period] = [p for p in find_periods(text, JULY) if p.text == phrase]
    assert period.comparison


def test_find_periods_main_period_is_not_comparison() -> None:
    periods = find_periods("In the second quarter it sold 87,461 cars, up 8% from a year earlier.", JULY)
    assert [(p.value, p.comparison) for p in periods] == [("2024-Q2", False), (None, True)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In the quarter it sold 9,000 cars.", "2024-Q2"),
        ("In the month it sold 9,000 cars.", "2024-06"),
    ],
)
def test_find_periods_marks_anaphoric_phrases(text: str, value: str) -> None:
    [period] = find_periods(text, JULY)
    assert (period.value, period.anaphoric) == (value, True)


def test_find_periods_prefers_longest_phrase() -> None:
    text = "It sold 1.2 million cars in the first half of 2024 and so far this year."
    assert [p.text for p in find_periods(text, JULY)] == ["the first half of 2024", "so far this year"]


def test_find_periods_offsets_point_into_text() -> None:
    text = "After 82,700 in the first quarter, deliveries rose to 87,461 in the second quarter."
    periods = find_periods(text, JULY)
    assert [p.value for p in periods] == ["2024-Q1", "2024-Q2"]
    for period in periods:
        assert text[period.start : period.end] == period.text


def test_find_periods_returns_nothing_for_plain_text() -> None:
    assert find_periods("The company builds cars.", JULY) == []


@pytest.mark.parametrize(
    ("text", "comparison"),
    [
        ("It will build the model from 2026.", False),
        ("Sales rose 8% from 2023.", True),
        ("Sales were down 3 percent from last year.", True),
        ("It delivered 13,863 cars, a drop of more than 60% from December.", True),
        ("Deliveries hit 30,000, a jump of 268 percent from 2023.", True),
        ("Output reached 5,000 units, an increase of some 12 percent from March.", True),
        ("Orders are taken from March.", False),
        ("BYD registered 1,383 cars, nearly five times as many as in March 2024.", True),
        ("It sold twice as much as in 2023.", True),
    ],
)
def test_find_periods_from_compares_only_after_a_change(text: str, comparison: bool) -> None:
    [period] = find_periods(text, JULY)
    assert period.comparison is comparison


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The carmaker sold 30,000 cars in october.", "2024-10"),
        ("Deliveries in september 2023 reached 12,000 units.", "2023-09"),
        ("From january to september it sold 5,000 cars.", "2024-01/2024-09"),
        ("It delivered 9,000 vehicles in may.", "2024-05"),
        ("Its registrations in march were 4,000.", "2024-03"),
    ],
)
def test_find_periods_reads_lower_case_month_names(text: str, expected: str) -> None:
    assert [p.value for p in find_periods(text, date(2024, 11, 2))] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The company may sell 5,000 cars.",
        "Troops march on the capital.",
        "Sales may rise in 2025, the march of electric cars goes on.",
    ],
)
def test_find_periods_leaves_may_and_march_as_words(text: str) -> None:
    assert all(p.text.lower() not in ("may", "march") for p in find_periods(text, date(2024, 11, 2)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company in 2024 November sold 50,000 cars.", "2024-11"),
        ("Its 2023 March deliveries came to 8,000 units.", "2023-03"),
        ("2024 January to November, sales were 3.7 million.", "2024-01/2024-11"),
        ("From 2025 January to June it sold 12,000 units.", "2025-H1"),
        ("Sales in the first semester of 2025 reached 11,000 cars.", "2025-H1"),
        ("The second semester saw 4,000 registrations.", "2024-H2"),
    ],
)
def test_find_periods_reads_year_before_month_and_semesters(text: str, expected: str) -> None:
    assert [p.value for p in find_periods(text, date(2025, 1, 15)) if not p.comparison] == [expected]


def test_find_periods_year_before_may_is_no_month() -> None:
    assert [p.value for p in find_periods("Prices in 2024 May rise again.", None)] == ["2024"]



@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Q3 FY25", "2024-Q4"),
        ("Q3FY25", "2024-Q4"),
        ("Q1 FY2025-26", "2025-Q2"),
        ("Q4 FY24", "2024-Q1"),
        ("H1 FY26", "2025-04/2025-09"),
        ("H2 FY25", "2024-10/2025-03"),
        ("the third quarter of fiscal 2025", "2025-Q4"),
        ("the quarter ended December 31", "2024-Q4"),
        ("the quarter ending June 30, 2025", "2025-Q2"),
        ("the half-year ended September 30, 2024", "2024-04/2024-09"),
        ("the December quarter", "2024-Q4"),
        ("the March quarter", "2025-Q1"),
        ("2024-25", "2024-04/2025-03"),
        ("2024/25", "2024-04/2025-03"),
    ],
)
def test_resolve_period_reads_fiscal_quarters_halves_and_split_years(phrase: str, expected: str) -> None:
    assert resolve_period(phrase, date(2025, 2, 10)) == expected


@pytest.mark.parametrize("text", ["Sales in 2019-2024 grew.", "A 2024-30 plan.", "The May quarter.", "Up 2024-26."])
def test_find_periods_split_year_needs_consecutive_years(text: str) -> None:
    assert all("/" not in (p.value or "") for p in find_periods(text, date(2025, 2, 10)))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("1-10 month cumulative sales", "2024-01/2024-10"),
        ("2024 1-11 months", "2024-01/2024-11"),
        ("1-6 month", "2024-H1"),
    ],
)
def test_resolve_period_reads_numbered_month_ranges(phrase: str, expected: str) -> None:
    assert resolve_period(phrase, date(2024, 12, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025 year first half, Chery sold 1,260,000 cars.", ["2025-H1"]),
        ("In 2024 fourth quarter BYD sold 1,500,000 cars.", ["2024-Q4"]),
        ("Sales in 2023 year third quarter rose.", ["2023-Q3"]),
        ("In 2023 the first half was weak.", ["2023", "2025-H1"]),
    ],
)
def test_find_periods_reads_year_before_quarter_and_half(text: str, expected: list[str]) -> None:
    assert [p.value for p in find_periods(text, date(2025, 8, 1))] == expected


_SCAN_TEXTS = [
    "Tesla delivered 495,570 vehicles in the fourth quarter of 2024, up 2.3% from a year earlier.",
    "From January to March 2025 BYD sold 1,000,292 cars; in March alone 377,420, the most since launch.",
    "Q3 FY25 volumes rose, H1 2024-25 fell, 1H24 and 3Q23 were flat year-on-year in the fiscal year ended March 31.",
    "THE FIRST HALF OF 2023 AND THE SECOND QUARTER ſince ıt began: KİA SOLD 20 cars",
    "in may 2024 and in\nmarch, 2019/20 and 1-10 months, the December quarter, so far this year, YTD",
]


@pytest.mark.parametrize("text", _SCAN_TEXTS)
def test_scan_finds_what_finditer_finds(text: str) -> None:
    for rule in _RULES:
        for start, end in [(0, len(text)), (5, len(text) - 7), (17, 60)]:
            expected = [m.span() for m in rule.pattern.finditer(text, start, end)]
            assert [m.span() for m in scan(rule.pattern, rule.scanner, text, start, end)] == expected


@pytest.mark.parametrize(
    ("pattern", "opens"),
    [
        (r"(?:(?<!\w)\d+\s+)?(?i:kia)", ["Kia", "KIA", "\u212aia", "12 kia"]),
        (r"\b(?:the\s+)?(?-i:S)ince", ["Since", "the Since", "THE Since"]),
        (r"(?i:since|in)\b", ["ſince", "ınce", "İn"]),
    ],
)
def test_opening_scanner_finds_every_opening(pattern: str, opens: list[str]) -> None:
    compiled = re.compile(pattern)
    scanner = opening_scanner(compiled)
    assert scanner is not None
    for text in opens:
        assert [m.start() for m in scanner.finditer(text)][:1] == [m.start() for m in compiled.finditer(text)][:1]


def test_opening_scanner_gives_up_on_patterns_that_open_with_anything() -> None:
    assert opening_scanner(re.compile(r"(?:.|x)y")) is None
    assert opening_scanner(re.compile(r"[^a]b")) is None
    assert opening_scanner(re.compile(r"a?")) is None
