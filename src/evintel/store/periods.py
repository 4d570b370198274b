"""Reporting periods ("2024-Q1", "2023-H2", "2024-05/2024-08") as date ranges, for filtering and ordering."""

from __future__ import annotations

import calendar
import re
from datetime import date

_PERIOD = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}))?(?:/(\d{4})-(\d{2}))?$", re.IGNORECASE)


def period_bounds(period: str | None) -> tuple[date, date] | None:
    """First and last day a period or a --since/--until value covers; None when it names no year."""
    if not period:
        return None
    value = period.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return day, day
    match = _PERIOD.match(value)
    if not match:
        return None
    year = int(match.group(1))
    part = (match.group(2) or "").upper()
    if part.startswith("Q"):
        first_month, last_month = 3 * int(part[1]) - 2, 3 * int(part[1])
    elif part.startswith("H"):
        first_month, last_month = (1, 6) if part == "H1" else (7, 12)
    elif part:
        first_month = last_month = int(part)
        if not 1 <= first_month <= 12:
            return None
    else:
        first_month, last_month = 1, 12
    end_year = year
    if match.group(3):
        end_year, last_month = int(match.group(3)), int(match.group(4))
        if not 1 <= last_month <= 12:
            return None
    last_day = calendar.monthrange(end_year, last_month)[1]
    return date(year, first_month, 1), date(end_year, last_month, last_day)
