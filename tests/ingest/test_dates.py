from datetime import date, datetime

import pytest

from evintel.ingest.dates import parse_date

JULY_11 = date(2024, 7, 11)


@pytest.mark.parametrize(
    "text",
    [
        "2024-07-11",
        "2024-07-11T08:30:00",
        "2024-07-11T08:30:00Z",
        "2024-07-11T23:30:00+02:00",
        "2024-07-11 08:30",
        "11 July 2024",
        "11 Jul 2024",
        "11th July 2024",
        "Thursday, 11 July 2024",
        "July 11, 2024",
        "Jul. 11, 2024",
        "July 11 2024",
        "Thu, 11 Jul 2024 08:00:00 GMT",
        "Thu, 11 Jul 2024 08:00:00 +0200",
        "2024/07/11",
        "11.07.2024",
        "20240711",
        "  11   July   2024  ",
    ],
)
def test_parse_date_reads_common_formats(text):
    assert parse_date(text) == JULY_11


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "yesterday",
        "2024-13-45",
        "31 February 2024",
        "Julember 11, 2024",
        "11/07",
        "n/a",
        "0000-00-00",
    ],
)
def test_parse_date_returns_none_for_invalid(text):
    assert parse_date(text) is None


def test_parse_date_passes_dates_through():
    assert parse_date(JULY_11) == JULY_11
    assert parse_date(datetime(2024, 7, 11, 9, 0)) == JULY_11
    assert parse_date(None) is None
