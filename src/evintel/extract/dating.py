"""A stand-in publication date for undated articles, read from the periods and days the text dates.

Undated (often machine-translated) articles name the year once ("In July 2025 …", "in 2024 November") and then
write bare months and quarters ("in July", "the first seven months"); resolved against this date, those keep
their year as in a dated article.
"""

from __future__ import annotations

import re
from datetime import date

from evintel.extract.periods import _MONTH, _YEAR, _month_of, find_periods, opening_scanner, scan

_DATED_VALUE_RE = re.compile(r"^(?:\d{4}-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<m>\d{2}))|\d{4}-\d{2}/(?P<y2>\d{4})-(?P<m2>\d{2}))$")
# A dated period after these words dates another event or a deadline, not what the article reports.
_NOT_REPORTED_BEFORE_RE = re.compile(
    r"\b(?:since|founded|established|launched|closed|opened|until|till|by|before|after|starting|from)\s+"
    r"(?:(?:in|on|early|mid|late|the\s+end\s+of)[\s-]+)?$",
    re.IGNORECASE,
)

_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|due|expect(?:s|ed)?|plans?|planned|aims?|targets?|scheduled|slated|intends?|hopes?"
    r"|set\s+to|is\s+to|are\s+to|forecasts?)\b",
    re.IGNORECASE,
)


# A day with its year ("as of March 31, 2025", "on 15 March 2025"): the article was written on or after it.
_DAY_DATE_RE = re.compile(
    rf"(?:(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m2>{_MONTH}),?)\s+(?P<y>{_YEAR})"
)
_DAY_DATE_SCANNER = opening_scanner(_DAY_DATE_RE)


def reference_date(*texts: str) -> date | None:
    """A stand-in publication date for an undated article: the month after the latest period it dates
    explicitly ("In July 2025 …", "Q3 2025", "in 2024 November"), which news reports soon after it ends, or
    the latest day it dates ("as of March 31, 2025"), if later.

    Undated machine-translated articles often name the year once and then write bare months ("in July",
    "the first seven months"); these then resolve as in a dated article.
    """
    found: list[date] = []
    for text in texts:
        for period in find_periods(text, None):
            match = _DATED_VALUE_RE.match(period.value or "")
            if match is None or period.comparison:
                continue
            if _NOT_REPORTED_BEFORE_RE.search(text, max(0, period.start - 30), period.start):
                continue
            sentence_start = max(text.rfind(mark, 0, period.start) for mark in ".!?\n") + 1
            if _FUTURE_RE.search(text, sentence_start, period.start):
                continue  # "production is due to start in the second half of 2027": a plan, not a report
            value = period.value or ""
            year = int(match.group("y2") or value[:4])
            if match.group("q"):
                last = 3 * int(match.group("q"))
            elif match.group("h"):
                last = 6 * int(match.group("h"))
            else:
                last = int(match.group("m2") or match.group("m"))
            found.append(date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1))
        for match in scan(_DAY_DATE_RE, _DAY_DATE_SCANNER, text):
            sentence_start = max(text.rfind(mark, 0, match.start()) for mark in ".!?\n") + 1
            if _FUTURE_RE.search(text, sentence_start, match.start()) or _NOT_REPORTED_BEFORE_RE.search(
                text, max(0, match.start() - 30), match.start()
            ):
                continue
            try:
                month = _month_of(match.group("m") or match.group("m2"))
                found.append(date(int(match.group("y")), month, int(match.group("d") or match.group("d2"))))
            except ValueError:
                continue  # "February 30": no such day
    return max(found, default=None)
