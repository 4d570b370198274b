"""Tests for extract/dating.py: a stand-in date for undated articles."""

from __future__ import annotations

from datetime import date

import pytest

from evintel.extract.dating import reference_date


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("In July 2025 some 260,000 cars were registered. In July the share rose.",), date(2025, 8, 1)),
        (("BYD in 2024 November sold 500,000 cars.",), date(2024, 12, 1)),
        (("Tesla reports Q3 2025 deliveries", "It handed over 497,099 cars."), date(2025, 10, 1)),
        (("The brand sold 11,532 cars in the first semester of 2025.",), date(2025, 7, 1)),
        (("Sales in December 2024 fell.", "Sales in March 2025 rose."), date(2025, 4, 1)),
        (("Nissan closed the plant in December 2021. Ebro sold 9,000 cars in the first half of 2025.",), date(2025, 7, 1)),
        (("Founded in March 2015, the firm sold 9,000 cars in the second half.",), None),
        (("Production is due to start in the second half of 2027.",), None),
        (("The company will open the plant in March 2026.",), None),
        (("Sales rose in 2024 and 2025.",), None),
        (("Deliveries rose 30% from March 2024.",), None),
        (("Cumulative deliveries reached 686,000 as of March 31, 2025.",), date(2025, 3, 31)),
        (("SHANGHAI, 2 April 2025 - Nio said deliveries rose.",), date(2025, 4, 2)),
        (("The company was founded on 3 March 2015. It sold 9,000 cars in March.",), None),
        (("The car will go on sale on June 1, 2026.",), None),
    ],
)
def test_reference_date_is_the_month_after_the_latest_reported_period(
    texts: tuple[str, ...], expected: date | None
) -> None:
    assert reference_date(*texts) == expected
