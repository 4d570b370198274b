"""Publication dates from the many forms sources write them in, to `datetime.date` (or None)."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WORDY = [
    re.compile(rf"^(?:[a-z]+,?\s+)?{_DAY}\s+{_MONTH},?\s+{_YEAR}$"),  # (Thursday,) 11 July 2024
    re.compile(rf"^(?:[a-z]+,?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}$"),  # (Thursday,) July 11, 2024
]
_NUMERIC = [
    (re.compile(r"^(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})$")),  # 2024/07/11
    (re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$")),  # 11.07.2024 (European)
    (re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")),  # 20240711
]


def parse_date(value: str | date | datetime | None) -> date | None:
    """A date from ISO, "11 July 2024", "July 11, 2024", RFC 822 and numeric forms; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = " ".join(value.strip().split())
    if not text:
        return None
    return _parse_iso(text) or _parse_wordy(text) or _parse_numeric(text) or _parse_rfc822(text)


def _parse_iso(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _parse_wordy(text: str) -> date | None:
    lowered = text.lower()
    for pattern in _WORDY:
        match = pattern.match(lowered)
        if match and match["month"] in _MONTHS:
            return _safe_date(int(match["year"]), _MONTHS[match["month"]], int(match["day"]))
    return None


def _parse_numeric(text: str) -> date | None:
    for pattern in _NUMERIC:
        match = pattern.match(text)
        if match:
            return _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return None


def _parse_rfc822(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
