"""Reporting periods in news text, resolved to SCHEMA.md values against the article date.

Values: ``YYYY`` | ``YYYY-Qn`` | ``YYYY-Hn`` | ``YYYY-MM`` | ``YYYY-MM/YYYY-MM`` | ``cumulative``.

Resolution conventions:
- A phrase without a year ("the fourth quarter", "October", "the first nine months") takes the
  latest year in which the period had *started* by the article date: an article of 2024-02-10
  saying "the fourth quarter" means 2023-Q4, one of 2024-12-20 means 2024-Q4 (the quarter under way).
- Anaphoric phrases ("in the quarter", "in the month", "the half-year") take the latest period that
  had *ended* by the article date and carry ``anaphoric=True``: callers should prefer a period named
  earlier in the article.
- Month ranges collapse to a quarter, half or year when they are one (Jan-Jun -> H1); others stay ranges.
- "year to date" / "so far this year" run from January to the article's month.
- "full-year" / "the full year" without a year: the previous year when the article is dated
  January-March (annual results season), else the article's year.
- Fiscal years run April-March (Japanese and Indian carmakers): "FY25" and "FY2024/25" end in March
  2025; "fiscal 2024" (Nikkei style) starts in April 2024; "the fiscal year ended March 31" ends in the
  latest March not after the article date. Fiscal quarter n is calendar quarter n+1.
- Without an article date and without a year in the phrase, the year is left out: "Q1", "H1",
  "03" (a month), "01/09" (a month range). Phrases that need the date ("last year", "year to date")
  then have ``value=None``.
- Comparison phrases ("a year earlier", "the same period last year", "year-on-year") and periods right
  after a comparison word ("up 5% on 2023", "compared with last year") carry ``comparison=True``;
  figures tied to them are the old values. Their value is None when it depends on the main period.
- Running totals ("since launch", "to date", "cumulative") have value ``cumulative``; callers decide
  whether the figure next to them is a running total. "in total" is *not* read as cumulative: it
  usually sums a stated period ("in total, 1.2 million cars in 2024").
- Day dates ("on 15 March", "July 11, 2024", "2024-07-11") are events, not periods, and are skipped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

from evintel.extract.cues import cue_text, required_literals
from evintel.extract.lexicon import phrase_alternation
from evintel.extract.numbers import _alternation, load_lexicon


@dataclass(frozen=True, slots=True)
class Period:
    """A period phrase found in text, with its SCHEMA.md value (None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: str | None
    comparison: bool = False
    anaphoric: bool = False


_LEX = load_lexicon("periods")
_MONTH_NUM: dict[str, int] = _LEX["months"]
_ORDINAL: dict[str, int] = _LEX["ordinals"]
_COUNT: dict[str, int] = _LEX["month_counts"]

# Month names must be capitalised ("May", "March" are words too); abbreviations may carry a dot.
_FULL_MONTHS = [m.capitalize() for m, n in _MONTH_NUM.items() if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m.capitalize() for m in _MONTH_NUM if m.capitalize() not in _FULL_MONTHS]
# Machine translation and careless copy write months in lower case ("deliveries in october"); "may" and
# "march" are also common words, so lower-case they count only after "in".
_LOWER_MONTHS = [m.lower() for m in _FULL_MONTHS if m not in ("May", "March")]
_MONTH = (
    rf"(?-i:{_alternation(_FULL_MONTHS)}|{_alternation(_ABBR_MONTHS)}\.?|{_alternation(_LOWER_MONTHS)}"
    rf"|(?<=\bin\s)(?:may|march))(?![\w])"
)
_YEAR = r"(?:19|20)\d{2}(?![\w-]|\.\d)"
_QUARTER_WORD = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"


def _year_ref(n: int) -> str:
    """A year after a period: " 2024", " of 2024", ", 2024", " of this year", " of its fiscal year"."""
    return (
        rf"(?:(?:\s+(?:of|in)|,)?\s+(?:(?P<y{n}>{_YEAR})"
        rf"|(?P<rel{n}>this|last|next|the\s+current|the\s+previous|the\s+prior|the\s+past|the)"
        rf"\s+(?:calendar\s+)?year(?![\w-])"
        rf"|(?P<fis{n}>(?:its|the|their)\s+(?:current\s+)?(?:fiscal|financial|business)(?:\s+year)?)))"
    )


@dataclass(frozen=True, slots=True)
class _Ctx:
    """The article date and helpers for resolving periods against it."""

    today: date | None

    def started_year(self, month: int) -> int | None:
        """The latest year in which `month` had started by the article date."""
        if self.today is None:
            return None
        return self.today.year if month <= self.today.month else self.today.year - 1

    def ended_year(self, last_month: int) -> int | None:
        """The latest year in which a period ending with `last_month` had ended by the article date."""
        if self.today is None:
            return None
        return self.today.year if last_month < self.today.month else self.today.year - 1

    def year(self, match: re.Match[str], n: int, first_month: int) -> tuple[int | None, bool]:
        """The year named by year-ref group n, or implied by the article date; and whether it is a comparison."""
        explicit = match.groupdict().get(f"y{n}")
        if explicit:
            return int(explicit), False
        rel = (match.groupdict().get(f"rel{n}") or "").lower()
        if rel and rel != "the" and self.today is None:
            return None, False
        if rel == "this" or rel == "the current":
            return self.today.year if self.today else None, False
        if rel == "last" or rel == "the past":
            return (self.today.year - 1 if self.today else None), False
        if rel in ("the previous", "the prior"):
            return (self.today.year - 1 if self.today else None), True
        if rel == "next":
            return (self.today.year + 1 if self.today else None), False
        return self.started_year(first_month), False


def _months(y1: int | None, m1: int, y2: int | None, m2: int) -> str:
    """The SCHEMA.md value of the months m1..m2, collapsed to a quarter, half or year when it is one."""
    prefix = f"{y1}-" if y1 is not None else ""
    if y1 == y2 or y2 is None:
        if m1 == m2:
            return f"{prefix}{m1:02d}"
        if (m1, m2) == (1, 12):
            return str(y1) if y1 is not None else "01/12"
        if m2 - m1 == 2 and m1 % 3 == 1:
            return f"{prefix}Q{(m1 + 2) // 3}"
        if m2 - m1 == 5 and m1 in (1, 7):
            return f"{prefix}H{1 if m1 == 1 else 2}"
    if y1 is None or y2 is None:
        return f"{m1:02d}/{m2:02d}"
    return f"{y1}-{m1:02d}/{y2}-{m2:02d}"


def _quarter(y: int | None, q: int) -> str:
    return f"{y}-Q{q}" if y is not None else f"Q{q}"


def _half(y: int | None, h: int) -> str:
    return f"{y}-H{h}" if y is not None else f"H{h}"


def _fiscal_quarter(ctx: _Ctx, fq: int, fy_end: int | None) -> str:
    """Calendar quarter of fiscal quarter fq of an April-March fiscal year ending in March of fy_end."""
    q = fq % 4 + 1
    if fy_end is not None:
        return _quarter(fy_end if q == 1 else fy_end - 1, q)
    return _quarter(ctx.started_year(3 * q - 2), q)


def _month_of(word: str) -> int:
    return _MONTH_NUM[word.lower().rstrip(".")]


# Characters other than the two ASCII cases that IGNORECASE matching equates with an ASCII letter.
_OTHER_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
# The class items a match may open with (None: any character), and whether the match may be empty.
_Opening = tuple[set[str] | None, bool]


def _cases(code: int, ignore_case: bool) -> set[str] | None:
    """Class items for one pattern character: its case variants under IGNORECASE (None: not known)."""
    char = chr(code)
    if not ignore_case or char.lower() == char.upper():
        return {re.escape(char)}
    if not char.isascii():
        return None
    return {re.escape(c) for c in char.lower() + char.upper() + _OTHER_CASES.get(char.lower(), "")}


def _opening(items: list[tuple[object, Any]], flags: int) -> _Opening:
    """What a stretch of parsed pattern may open with: the first characters of its non-empty matches."""
    chars: set[str] = set()
    for op, av in items:
        first, may_be_empty = _node_opening(op, av, flags)
        if first is None:
            return None, True
        chars |= first
        if not may_be_empty:
            return chars, False
    return chars, True


def _node_opening(op: object, av: Any, flags: int) -> _Opening:
    ignore_case = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        return _cases(av, ignore_case), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero width
    if op is sre.SUBPATTERN:
        _group, add, remove, body = av
        return _opening(body, (flags | add) & ~remove)
    if op is sre.BRANCH:
        openings = [_opening(branch, flags) for branch in av[1]]
        if any(first is None for first, _ in openings):
            return None, True
        return set().union(*(first for first, _ in openings if first)), any(empty for _, empty in openings)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        first, may_be_empty = _opening(body, flags)
        return first, may_be_empty or low == 0
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                found = _cases(value, ignore_case)
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                found = {_CATEGORIES[value]}
            elif kind is sre.RANGE and not (ignore_case and _has_letters(*value)):
                found = {f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"}
            else:
                found = None  # negated classes, letter ranges under IGNORECASE
            if found is None:
                return None, True
            chars |= found
        return chars, False
    return None, True


def _has_letters(first: int, last: int) -> bool:
    return any(chr(code).isalpha() for code in range(first, last + 1))


def opening_scanner(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that finds every offset where `pattern` matches, fast (None when it cannot be built).

    The regex engine jumps from candidate to candidate only in patterns that open with a plain character
    or class; one that opens with a lookbehind, an optional group or a letter under IGNORECASE is tried
    at every offset. The scanner opens with the class of characters `pattern` can start with and then
    checks `pattern` itself in a lookahead, from inside a one-character lookbehind.
    """
    first, may_be_empty = _opening(list(_parser.parse(pattern.pattern, pattern.flags)), pattern.flags)
    if first is None or may_be_empty:
        return None
    body = f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else pattern.pattern
    return re.compile(f"[{''.join(sorted(first))}](?<=(?={body})(?s:.))")


def scan(
    pattern: re.Pattern[str],
    scanner: re.Pattern[str] | None,
    text: str,
    start: int = 0,
    end: int | None = None,
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, start, end), tried only where `scanner` (see opening_scanner) finds a match."""
    end = len(text) if end is None else end
    if scanner is None:
        yield from pattern.finditer(text, start, end)
        return
    resume = start
    for hit in scanner.finditer(text, start, end):
        if hit.start() < resume:
            continue  # inside the previous match: finditer does not look for overlapping ones
        match = pattern.match(text, hit.start(), end)
        if match is not None:
            resume = match.end()
            yield match


# Each rule: a regex and a handler returning (value, comparison, anaphoric) or None to drop the match.
_Result = tuple[str | None, bool, bool] | None
_Handler = Callable[[re.Match[str], _Ctx], _Result]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A period rule: its regex, a fast scanner for it, its handler, its gate and its cue literals."""

    pattern: re.Pattern[str]
    scanner: re.Pattern[str] | None
    handler: _Handler
    # Lower-case words one of which the phrase must contain; the regex runs only around them.
    # "MONTH" stands for a capitalised month name.
    gate: tuple[str, ...]
    # Strings one of which the cue text of any match contains (see cues.required_literals); None: unknown.
    literals: frozenset[str] | None


_RULES: list[_Rule] = []


def _rule(pattern: str, gate: tuple[str, ...]) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        compiled = re.compile(pattern, re.IGNORECASE)
        _RULES.append(_Rule(compiled, opening_scanner(compiled), handler, gate, required_literals(compiled)))
        return handler

    return register


@_rule(
    rf"(?<![\w-])(?:(?-i:Q)(?P<q>[1-4])(?:(?:\s*[/-]\s*|\s+)(?P<y1>{_YEAR})|['’](?P<yy>\d{{2}})(?!\d))?"
    rf"|(?P<q2>[1-4])(?-i:Q)(?P<yy2>\d{{2}})?|(?P<py>{_YEAR})[\s-]?(?-i:Q)(?P<q3>[1-4]))(?![\w])",
    ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"),
)
def _quarter_label(m: re.Match[str], ctx: _Ctx) -> _Result:
    q = int(m.group("q") or m.group("q2") or m.group("q3"))
    year = m.group("y1") or m.group("py")
    short = m.group("yy") or m.group("yy2")
    y = int(year) if year else 2000 + int(short) if short else ctx.started_year(3 * q - 2)
    return _quarter(y, q), False, False


@_rule(
    rf"(?<![\w-])(?-i:H)(?P<h>[12])(?:(?:\s*[/-]\s*|\s+)(?P<y1>{_YEAR})|['’](?P<yy>\d{{2}})(?!\d))?(?![\w])"
    rf"|(?<![\w-])(?P<h2>[12])(?-i:H)(?P<yy2>\d{{2}})?(?![\w])",
    ("h1", "h2", "1h", "2h"),
)
def _half_label(m: re.Match[str], ctx: _Ctx) -> _Result:
    h = int(m.group("h") or m.group("h2"))
    short = m.group("yy") or m.group("yy2")
    y = int(m.group("y1")) if m.group("y1") else 2000 + int(short) if short else ctx.started_year(6 * h - 5)
    return _half(y, h), False, False


def _year_first(m: re.Match[str]) -> bool:
    """Whether the year is written before the period word ("2024 fourth quarter", "2025 year first half")."""
    return bool(m.group("y0"))


@_rule(
    rf"(?:(?<![\w.,/$€£-])(?P<y0>{_YEAR})(?:\s+year)?\s+(?!the\b))?"
    rf"\b(?:the\s+)?(?:(?P<fiscal>fiscal|financial)[\s-]+)?(?P<ord>{_QUARTER_WORD})[\s-]+"
    rf"(?:(?P<fiscal2>fiscal|financial)[\s-]+)?quarter(?![\w-])"
    rf"(?:\s+of\s+(?:fiscal|financial)\s+(?:year\s+)?(?P<fy1>{_YEAR})|{_year_ref(1)})?",
    ("quarter",),
)
def _quarter_phrase(m: re.Match[str], ctx: _Ctx) -> _Result:
    word = m.group("ord").lower()
    has_year = bool(m.group("y1") or m.group("rel1"))
    if m.group("fiscal") or m.group("fiscal2") or m.group("fis1") or m.group("fy1"):
        fq = 4 if word in ("final", "last") else _ORDINAL[word]
        if m.group("fy1"):  # "the third quarter of fiscal 2025": fiscal 2025 starts in April 2025
            return _fiscal_quarter(ctx, fq, int(m.group("fy1")) + 1), False, False
        return _fiscal_quarter(ctx, fq, int(m.group("y1")) if m.group("y1") else None), False, False
    if word == "last" and not has_year:
        # "in the last quarter": the latest quarter that had ended by the article date.
        if ctx.today is None:
            return None
        q = (ctx.today.month - 1) // 3
        return (_quarter(ctx.today.year, q) if q else _quarter(ctx.today.year - 1, 4)), False, False
    q = 4 if word in ("final", "last") else _ORDINAL[word]
    if _year_first(m) and not has_year:
        return _quarter(int(m.group("y0")), q), False, False  # "2024 fourth quarter", "2024 year third quarter"
    y, comparison = ctx.year(m, 1, 3 * q - 2)
    return _quarter(y, q), comparison, False


@_rule(
    rf"(?:(?<![\w.,/$€£-])(?P<y0>{_YEAR})(?:\s+year)?\s+(?!the\b))?"
    rf"\b(?:the\s+)?(?P<ord>first|second|1st|2nd|latter)[\s-]+(?:half|semester)(?:[\s-]+(?:of\s+the\s+)?year)?(?![\w-])"
    rf"{_year_ref(1)}?",
    ("half", "semester"),
)
def _half_phrase(m: re.Match[str], ctx: _Ctx) -> _Result:
    h = 1 if m.group("ord").lower() in ("first", "1st") else 2
    if _year_first(m) and not (m.group("y1") or m.group("rel1")):
        return _half(int(m.group("y0")), h), False, False  # "2025 year first half" (machine translation)
    y, comparison = ctx.year(m, 1, 6 * h - 5)
    return _half(y, h), comparison, False


@_rule(r"\bthe\s+(?:first\s+)?half[\s-]year(?![\w-])", ("half",))
def _half_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    if "first" in m.group(0).lower():
        return _half(ctx.started_year(1), 1), False, False
    if ctx.today is None:
        return "H1", False, True
    if ctx.today.month >= 7:
        return _half(ctx.today.year, 1), False, True
    return _half(ctx.today.year - 1, 2), False, True


_COUNT_WORD = _alternation([*_COUNT, *(str(n) for n in range(1, 13))])


@_rule(
    rf"\b(?:the\s+)?(?P<which>first|opening|final|last)\s+(?P<n>{_COUNT_WORD})\s+months"
    rf"(?:\s+of\s+the\s+year(?![\w-])|{_year_ref(1)})?",
    ("months",),
)
def _first_months(m: re.Match[str], ctx: _Ctx) -> _Result:
    n = _COUNT.get(m.group("n").lower()) or int(m.group("n"))
    if m.group("which").lower() in ("final", "last"):
        if not (m.group("y1") or m.group("rel1")) and "of the year" not in m.group(0).lower():
            return None  # "the last three months": a rolling window, not a calendar period
        y, comparison = ctx.year(m, 1, 13 - n)
        return _months(y, 13 - n, y, 12), comparison, False
    y, comparison = ctx.year(m, 1, 1)
    return _months(y, 1, y, n), comparison, False


# A day number after or before a month: "July 11", "15 March", "the 3rd of May".
_DAY_AFTER_RE = re.compile(r"\s+\d{1,2}(?!\d)")
_DAY_BEFORE_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
# Words after which "May" is the month, not the verb.
_MONTH_WORD_BEFORE_RE = re.compile(
    r"\b(?:in|of|during|for|since|until|till|by|through|from|early|late|mid|end)[\s-]+$"
)
# A day date before a year: "July 11, 2024", "11 July 2024".
_DAY_BEFORE_YEAR_RE = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH}),?\s+$")


@_rule(
    rf"(?:\b(?:between|from)\s+)?(?:(?<![\w.,/-])(?P<y0>{_YEAR})\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?"
    rf"\s*(?:-|–|—|/|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\band\b)\s*"
    rf"(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?(?:\s+(?:quarter|period|months))?(?![\w-])",
    ("MONTH",),
)
def _month_range(m: re.Match[str], ctx: _Ctx) -> _Result:
    m1, m2 = _month_of(m.group("m1")), _month_of(m.group("m2"))
    if _DAY_AFTER_RE.match(m.string[m.end() : m.end() + 4]):
        return None  # "from March to July 11": an end date
    if "and" in m.group(0).lower() and not m.group(0).lower().startswith("between"):
        return None  # "January and June" lists two months
    y1: int | None
    y2: int | None
    if m.group("y0") and not (m.group("y1") or m.group("y2")):
        y1 = int(m.group("y0"))  # "2024 January to November": the year written first (Chinese, Japanese order)
        y2 = y1 if m1 <= m2 else y1 + 1
    elif m.group("y1") or m.group("y2"):
        y2 = int(m.group("y2") or m.group("y1"))
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if m1 <= m2 else y2 - 1)
    else:
        y1 = ctx.started_year(m1)
        y2 = None if y1 is None else (y1 if m1 <= m2 else y1 + 1)
    return _months(y1, m1, y2, m2), False, False


@_rule(
    rf"\b(?:the\s+)?(?:(?P<n>three|six|nine|twelve|3|6|9|12)\s+months|(?:fiscal|financial|business)\s+year"
    rf"|(?P<unit>quarter|half[\s-]year|half)|year)\s+(?:that\s+|which\s+)?(?P<kind>ended|ending|ends|to|through|till)\s+(?:on\s+|in\s+)?"
    rf"(?P<m>{_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?P<y>{_YEAR}))?",
    ("MONTH",),
)
def _months_to(m: re.Match[str], ctx: _Ctx) -> _Result:
    last = _month_of(m.group("m"))
    n = {"three": 3, "six": 6, "nine": 9, "twelve": 12}.get((m.group("n") or "").lower())
    n = n or (int(m.group("n")) if m.group("n") else 12)
    if m.group("unit"):
        n = 3 if m.group("unit").lower() == "quarter" else 6  # "the quarter ended December 31"
    if m.group("y"):
        y2: int | None = int(m.group("y"))
    elif ctx.today is None:
        y2 = None
    elif m.group("kind").lower() in ("ending", "ends"):
        y2 = ctx.today.year if last >= ctx.today.month else ctx.today.year + 1
    else:
        y2 = ctx.today.year if last < ctx.today.month else ctx.today.year - 1
    first = (last - n) % 12 + 1
    y1 = None if y2 is None else (y2 if first <= last else y2 - 1)
    return _months(y1, first, y2, last), False, False


@_rule(
    r"(?<![\w-])(?-i:(?P<kind>[QH]))(?P<n>[1-4])\s*(?:of\s+)?(?:FY|fiscal\s+(?:year\s+)?)\s?['’]?(?P<a>\d{4}|\d{2})"
    r"(?:\s*[/-]\s*(?P<b>\d{4}|\d{2}))?(?![\w])",
    ("fy", "fiscal"),
)
def _fiscal_label(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "Q3 FY25", "Q3FY25", "H1 FY2025-26": a quarter or half of an April-March fiscal year."""
    a, b = m.group("a"), m.group("b")
    end = int(b) if b and len(b) == 4 else 2000 + int(b) if b else int(a) if len(a) == 4 else 2000 + int(a)
    if m.group("kind") == "Q":
        return _fiscal_quarter(ctx, int(m.group("n")), end), False, False
    if int(m.group("n")) > 2:
        return None
    return (_months(end - 1, 4, end - 1, 9) if m.group("n") == "1" else _months(end - 1, 10, end, 3)), False, False


@_rule(
    rf"(?:(?<![\w.,/-])(?P<y>{_YEAR})(?:\s+year)?\s+)?(?<![\w.,/-])(?P<a>1[0-2]|0?[1-9])\s*[-–~]\s*(?P<b>1[0-2]|0?[1-9])"
    r"\s*months?(?![\w-])",
    ("month", "months"),
)
def _numbered_months(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "1-10 month cumulative sales" (machine-translated Chinese): January to October."""
    a, b = int(m.group("a")), int(m.group("b"))
    if a >= b:
        return None
    y = int(m.group("y")) if m.group("y") else ctx.started_year(a)
    return _months(y, a, y, b), False, False


@_rule(rf"\bthe\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?\s+quarter(?![\w-])", ("MONTH",))
def _month_quarter(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "the December quarter" (Indian and Australian usage): the quarter that ends in that month."""
    last = _month_of(m.group("m"))
    if last % 3:
        return None
    y = int(m.group("y")) if m.group("y") else ctx.started_year(last - 2)
    return _quarter(y, last // 3), False, False


@_rule(r"(?<![\w./$€£-])(?P<y>(?:19|20)\d{2})\s*[-/–]\s*(?P<yy>\d{2})(?![\w./%-])", ("19", "20"))
def _split_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "in 2024-25", "2024/25": an April-March fiscal year (Indian usage) when the years follow each other."""
    y, yy = int(m.group("y")), int(m.group("yy"))
    if (y + 1) % 100 != yy:
        return None
    return _months(y, 4, y + 1, 3), False, False


@_rule(
    r"(?<![\w-])(?:FY\s?['’]?(?P<a>\d{4}|\d{2})(?:\s*[/-]\s*(?P<b>\d{4}|\d{2}))?"
    r"|(?:fiscal|financial)(?:\s+year)?\s+(?P<c>(?:19|20)\d{2})(?:\s*[/-]\s*(?P<d>\d{4}|\d{2}))?"
    r"|(?P<e>(?:19|20)\d{2})\s*[/-]\s*(?P<f>\d{2}|\d{4})\s+(?:fiscal|financial)(?:\s+year)?)(?![\w])",
    ("fy", "fiscal", "financial"),
)
def _fiscal_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    def full(y: str) -> int:
        return int(y) if len(y) == 4 else 2000 + int(y)

    if m.group("a"):
        end = full(m.group("b")) if m.group("b") else full(m.group("a"))  # FY25 ends in March 2025
    elif m.group("c"):
        end = full(m.group("d")) if m.group("d") else int(m.group("c")) + 1  # fiscal 2024 starts April 2024
    else:
        end = full(m.group("f"))
    return _months(end - 1, 4, end, 3), False, False


@_rule(
    rf"(?:(?<![\w.,/$€£-])(?P<y0>{_YEAR})\s+)?"
    rf"(?P<m>{_MONTH})(?:(?:\s+of|,)?\s+(?P<y>{_YEAR})|\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?![\w-]))?(?![\w-])",
    ("MONTH",),
)
def _month(m: re.Match[str], ctx: _Ctx) -> _Result:
    text = m.string
    word = m.group("m")
    month = _month_of(word)
    before = text[max(0, m.start() - 24) : m.start()]
    after = text[m.end() : m.end() + 8]
    if _DAY_BEFORE_RE.search(before) or _DAY_AFTER_RE.match(after):
        return None  # a day date: "on 15 March", "July 11"
    has_year = bool(m.group("y") or m.group("rel"))
    if (
        word.lower().rstrip(".") == "may"
        and not has_year
        and not _MONTH_WORD_BEFORE_RE.search(before)
    ):
        return None  # "May" the verb
    if (
        len(word.rstrip(".")) <= 4
        and word.lower().rstrip(".") not in ("may", "june", "july")
        and not (has_year or word.endswith("."))
    ):
        return None  # "Jan" the first name
    if m.group("y0") and not has_year:
        # "in 2024 November" (the year written first, as Chinese and Japanese do); never "2023 May" the verb
        if word.lower() == "may":
            return None
        return _months(int(m.group("y0")), month, int(m.group("y0")), month), False, False
    rel = (m.group("rel") or "").lower()
    if m.group("y"):
        y: int | None = int(m.group("y"))
    elif rel:
        if ctx.today is None:
            return None, False, False
        y = ctx.today.year + {"this": 0, "last": -1, "next": 1}[rel]
    else:
        y = ctx.started_year(month)
    return _months(y, month, y, month), False, False


@_rule(
    r"\b(?P<rel>last|this|next|the\s+current|the\s+past)\s+(?P<unit>month|quarter)(?![\w-])",
    ("month", "quarter"),
)
def _relative_unit(m: re.Match[str], ctx: _Ctx) -> _Result:
    if ctx.today is None:
        return None, False, False
    rel = m.group("rel").lower()
    shift = {"last": -1, "the past": -1, "next": 1}.get(rel, 0)
    if m.group("unit").lower() == "month":
        index = ctx.today.year * 12 + ctx.today.month - 1 + shift
        y, month = divmod(index, 12)
        return _months(y, month + 1, y, month + 1), False, False
    index = ctx.today.year * 4 + (ctx.today.month - 1) // 3 + shift
    y, q = divmod(index, 4)
    return _quarter(y, q + 1), False, False


@_rule(r"\b(?:in|during|for|over)\s+the\s+(?P<unit>month|quarter)(?![\w-])", ("month", "quarter"))
def _anaphoric_unit(m: re.Match[str], ctx: _Ctx) -> _Result:
    if ctx.today is None:
        return None, False, True
    if m.group("unit").lower() == "month":
        index = ctx.today.year * 12 + ctx.today.month - 2
        y, month = divmod(index, 12)
        return _months(y, month + 1, y, month + 1), False, True
    index = ctx.today.year * 4 + (ctx.today.month - 1) // 3 - 1
    y, q = divmod(index, 4)
    return _quarter(y, q + 1), False, True


@_rule(
    r"\b(?:(?:the\s+)?year[\s-]to[\s-]date|(?-i:YTD)|so\s+far\s+this\s+year|this\s+year\s+so\s+far"
    r"|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year"
    rf"|so\s+far\s+in\s+(?P<y>{_YEAR}))(?![\w-])",
    ("year", "ytd", "so far"),
)
def _year_to_date(m: re.Match[str], ctx: _Ctx) -> _Result:
    if ctx.today is None:
        return None, False, False
    y = int(m.group("y")) if m.group("y") else ctx.today.year
    last = ctx.today.month if y == ctx.today.year else 12
    return _months(y, 1, y, last), False, False


@_rule(
    rf"\b(?:(?:the\s+)?(?:full|whole|entire)[\s-]year|calendar(?:\s+year)?|(?:the\s+)?year)\s+(?P<y>{_YEAR})"
    rf"|(?<![\w.,/$€£-])(?P<y2>{_YEAR})(?:\s+as\s+a\s+whole)?",
    ("19", "20"),
)
def _year(m: re.Match[str], ctx: _Ctx) -> _Result:
    text = m.string
    before = text[max(0, m.start() - 30) : m.start()]
    if m.group("y2") and _DAY_BEFORE_YEAR_RE.search(before):
        return None  # the year of a day date: "July 11, 2024"
    return m.group("y") or m.group("y2"), False, False


@_rule(r"\b(?P<rel>this|last|next|the\s+current|the\s+past)\s+year(?![\w-])", ("year",))
def _relative_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    if ctx.today is None:
        return None, False, False
    rel = m.group("rel").lower()
    shift = {"last": -1, "the past": -1, "next": 1}.get(rel, 0)
    return str(ctx.today.year + shift), False, False


@_rule(
    r"\b(?:(?:the\s+)?full[\s-]year|the\s+year\s+as\s+a\s+whole|the\s+whole\s+year|the\s+entire\s+year)(?![\w-])",
    ("year",),
)
def _full_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    if ctx.today is None:
        return None, False, True
    return str(ctx.today.year - 1 if ctx.today.month <= 3 else ctx.today.year), False, True


@_rule(
    r"\b" + _alternation(_LEX["cumulative"]) + r"(?![\w-])",
    ("cumulativ", "to date", "so far", "all-time", "all time", "since", "history", "backlog", "order book"),
)
def _cumulative(m: re.Match[str], ctx: _Ctx) -> _Result:
    return "cumulative", False, False


@_rule(
    r"(?<![\w-])" + _alternation(_LEX["comparison"]) + r"(?![\w-])",
    (
        "earlier",
        "ago",
        "before",
        "previous",
        "prior",
        "preceding",
        "year",
        "quarter",
        "month",
        "y/y",
        "q/q",
        "m/m",
        "yoy",
    ),
)
def _comparison(m: re.Match[str], ctx: _Ctx) -> _Result:
    return None, True, False


_COMPARISON_BEFORE_RE = re.compile(
    r"\b" + _alternation(_LEX["comparison_markers"]) + r"\s+(?:(?:in|during|for)\s+)?$", re.IGNORECASE
)
# A change, as a verb or a noun ("rose 5% from", "a drop of more than 60% from"): a "from" after it compares.
_CHANGE_RE = re.compile(
    r"\b(?:up|down|rise|rises|rose|risen|fell|fall|fallen|increased?|decreased?|declined?|climbed|jumped|"
    r"dropped|grew|grown|gained|slipped|surged|slumped|drop|jump|gain|growth|increase|decrease|decline|plunge|"
    r"slump|surge)\b(?:\s+\S+){0,5}\s*$",
    re.IGNORECASE,
)


_MONTH_GATE_RE = re.compile(
    r"(?=[JFMASOND])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    rf"|\b(?:{_alternation(_LOWER_MONTHS)}|in\s(?:may|march))\b"
)
_MONTH_GATE_SCANNER = opening_scanner(_MONTH_GATE_RE)
_GATE_RE = re.compile(
    phrase_alternation(
        {g for rule in _RULES for g in rule.gate if g != "MONTH"}, ignore_case=False, whitespace=r"\ "
    )
)


def _literal_automaton() -> ahocorasick.Automaton:
    """An automaton finding the rules' cue literals in one pass over a text's cue text; each literal's value
    is the bit mask (bit i: _RULES[i]) of the rules that have it."""
    masks: dict[str, int] = {}
    for index, rule in enumerate(_RULES):
        for literal in rule.literals or ():
            masks[literal] = masks.get(literal, 0) | 1 << index
    automaton = ahocorasick.Automaton()
    for literal, mask in masks.items():
        automaton.add_word(literal, mask)
    automaton.make_automaton()
    return automaton


_LITERAL_AUTOMATON = _literal_automaton()
# Rules without known literals may match any text.
_UNGATED_MASK = sum(1 << index for index, rule in enumerate(_RULES) if rule.literals is None)
_FOLDED_CHARS_RE = re.compile("[\u0130\u0131\u017f]")


def _cue_text(text: str) -> str:
    """cues.cue_text, without its character mapping (slow on long texts) where none of its characters occur."""
    if _FOLDED_CHARS_RE.search(text) is None:
        return " ".join(text.lower().split())
    return cue_text(text)


def _possible_rules(text: str) -> tuple[_Rule, ...]:
    """The rules that may match somewhere in the text: those with one of their cue literals in it."""
    mask = _UNGATED_MASK
    for _end, rules in _LITERAL_AUTOMATON.iter(_cue_text(text)):
        mask |= rules
    return _rules_of(mask) if mask else ()


@lru_cache(maxsize=4096)
def _rules_of(mask: int) -> tuple[_Rule, ...]:
    """The rules whose bits are set in a mask (few distinct masks occur: kept)."""
    return tuple(rule for index, rule in enumerate(_RULES) if mask >> index & 1)

_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+(?=[A-Z\"“‘(])|\n")


def _chunks(text: str) -> list[tuple[int, int]]:
    """Sentence-like spans of text; period phrases never cross them."""
    spans, start = [], 0
    for brk in _SENTENCE_BREAK_RE.finditer(text):
        spans.append((start, brk.end()))
        start = brk.end()
    spans.append((start, len(text)))
    return spans


def _windows(positions: list[int], chunks: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """Merged spans around gate hits, within each hit's sentence, wide enough for any period phrase."""
    spans: list[tuple[int, int]] = []
    for pos in sorted(positions):
        chunk_start, chunk_end = chunks[bisect.bisect_right(starts, pos) - 1]
        start, end = max(chunk_start, pos - 70), min(chunk_end, pos + 60)
        if spans and start <= spans[-1][1] and spans[-1][0] >= chunk_start:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def find_periods(text: str, article_date: date | None) -> list[Period]:
    """Period phrases in text, each resolved against the article date, longest phrase first on overlap."""
    # A rule whose cue literals are all absent from the text cannot match anywhere in it.
    rules = _possible_rules(text)
    if not rules:
        return []
    hits: dict[str, list[int]] = {}
    if any(rule.gate != ("MONTH",) for rule in rules):
        for hit in _GATE_RE.finditer(text.lower()):
            hits.setdefault(hit.group(0), []).append(hit.start())
    if any("MONTH" in rule.gate for rule in rules):
        for hit in scan(_MONTH_GATE_RE, _MONTH_GATE_SCANNER, text):
            hits.setdefault("MONTH", []).append(hit.start())
    if not hits:
        return []
    ctx = _Ctx(article_date)
    chunks = _chunks(text) if len(text) > 300 else [(0, len(text))]
    starts = [start for start, _ in chunks]
    candidates: list[tuple[int, int, str | None, bool, bool]] = []
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # by gate: several rules share one
    for rule in rules:
        if hits.keys().isdisjoint(rule.gate):
            continue
        if rule.gate not in windows:
            positions = [pos for word in rule.gate for pos in hits.get(word, ())]
            windows[rule.gate] = _windows(positions, chunks, starts)
        # Rules run only around their gate words: scanning whole texts with many regexes is too slow.
        for start, end in windows[rule.gate]:
            for match in scan(rule.pattern, rule.scanner, text, start, end):
                result = rule.handler(match, ctx)
                if result is not None:
                    candidates.append((match.start(), match.end(), *result))
    candidates = list(set(candidates))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int, str | None, bool, bool]] = []
    for cand in candidates:
        if all(cand[1] <= s or cand[0] >= e for s, e, *_ in taken):
            taken.append(cand)
    taken.sort()
    periods = []
    for start, end, value, comparison, anaphoric in taken:
        if not comparison:
            marker = _COMPARISON_BEFORE_RE.search(text, max(0, start - 24), start)
            # "from 2026" starts a timeframe; only "up/down/rose ... from 2023" compares.
            if marker and (
                marker.group(0).split()[0].lower() != "from"
                or _CHANGE_RE.search(text, max(0, marker.start() - 40), marker.start())
            ):
                comparison = True
        periods.append(Period(start, end, text[start:end], value, comparison, anaphoric))
    return periods


def resolve_period(phrase: str, article_date: date | None) -> str | None:
    """The SCHEMA.md value of one period phrase ("the first quarter" -> "2024-Q1"), or None."""
    for period in sorted(find_periods(phrase, article_date), key=lambda p: p.start - p.end):
        if period.value is not None and not period.comparison:
            return period.value
    return None
