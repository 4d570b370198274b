from datetime import date

import pytest

from evintel.store.periods import period_bounds


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2023-q4", date(2023, 10, 1), date(2023, 12, 31)),
        ("2024-H2", date(2024, 7, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-11/2024-02", date(2023, 11, 1), date(2024, 2, 29)),
        ("2024-05-17", date(2024, 5, 17), date(2024, 5, 17)),
    ],
)
def test_period_bounds_covers_the_stated_span(period, start, end):
    assert period_bounds(period) == (start, end)


@pytest.mark.parametrize("period", [None, "", "cumulative", "Q1", "H2", "2024-13", "last year", "2024-Q5"])
def test_period_bounds_none_without_a_year(period):
    assert period_bounds(period) is None
