"""Figures in news text: "82,700", "82.700", "1.2mn", "twelve thousand", "3,5 billion", ranges, percentages.

Every finder works on a plain string and returns spans with character offsets into that string,
so a caller can pass one sentence and add the sentence offset.

Reading conventions (machine-translated text writes numbers the continental way):
- a comma followed by exactly three digits groups thousands ("82,700", "1,090"); any other
  comma is a decimal comma ("1,67 million", "3,5 billion"), except in Indian grouping, where pairs of
  digits come before the last three ("1,76,318" = 176318);
- a dot followed by exactly three digits groups thousands when no scale word follows
  ("82.700 vehicles" = 82700) but is a decimal point before one ("1.210 million" = 1210000);
- one-letter scales count only when glued to the digits ("1.2m", "40k", "$3b"), never "5 m".

`find_quantities` leaves out money by default: amounts belong to `evintel.extract.money.find_money`,
which reads the same figures with their currency. Pass `include_money=True` to keep them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from evintel.extract.lexicon import phrase_alternation


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The packaged lexicon `extract/data/<name>.yaml`, read once per process."""
    path = resources.files("evintel.extract") / "data" / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"extract/data/{name}.yaml: expected a mapping at the top level")
    return data


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure found in text: its span, value, hedging, bound, unit and the end of a range."""

    start: int
    end: int
    text: str
    value: float
    approximate: bool = False
    bound: str | None = None  # "lower" (more than, over, at least) | "upper" (less than, up to, nearly)
    unit: str | None = None  # canonical unit noun that follows ("units", "cars", "GWh") or "percent"
    range_end: float | None = None  # upper end of "30,000-35,000", "between 15 and 20 percent"


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    return "(?:" + phrase_alternation(words, ignore_case=None) + ")"  # a prefix tree: see lexicon.py


_LEX = load_lexicon("numbers")
_UNIT_WORDS: dict[str, int] = {**_LEX["units"], **_LEX["tens"]}
_SCALES: dict[str, int] = _LEX["scales"]
_SUFFIX_SCALES: dict[str, int] = _LEX["suffix_scales"]
_QUALIFIERS: dict[str, dict[str, Any]] = _LEX["qualifiers"]
_TRAILING: dict[str, dict[str, Any]] = _LEX["trailing_qualifiers"]
_UNIT_NOUNS: dict[str, str] = _LEX["unit_nouns"]
_DESIGNATORS = frozenset(_LEX["designator_words"])
_CAPITALISED_OK = frozenset(_LEX["capitalised_non_names"])
_MONTHS = load_lexicon("periods")["months"]

# Digits: thousands groups with "," / "." / narrow spaces, or a plain number with an optional
# decimal part. The negative lookahead forces "1,2345" to be read whole, not as "1,234" + "5".
DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # Indian grouping: "1,76,318", "22,34,266"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+"
    r"|\d{1,3}(?: \d{3})+(?!\d|[.,]\d)"  # French and Nordic grouping with plain spaces: "1 171 023"
    r"|\d+(?:[.,]\d+)?)(?![\d])"
)
SCALE = (
    r"(?:\s*(?:" + _alternation(list(_SCALES)) + r")(?![\w])"
    r"(?:\s+(?:lakh|crore|million|billion)(?![\w]))?"
    r"|(?:" + "|".join(_SUFFIX_SCALES) + r")(?![\w]))"
)
_NUMBER_WORD = _alternation(
    [*_UNIT_WORDS, "hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "dozen"]
)
_BIG_WORD = r"(?:hundred|thousand|million|billion|trillion|lakh|crore|dozen)"
WORDS = (
    rf"(?:(?:half\s+an?|an?)\s+(?={_BIG_WORD}\b))?{_NUMBER_WORD}\b"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:an?\s+half\b|{_NUMBER_WORD}\b))*"
)
# Figure: digits (not glued to letters, a dot or a letter-hyphen, so "iX3", "ID.4", "e-2008",
# "Q1", "mid-2025" are skipped) with optional scale words, or number words.
_FIGURE = (
    rf"(?<![\w.,])(?<![A-Za-z]-)(?P<digits>{DIGITS})(?P<scale>{SCALE})?"
    rf"(?P<glued>GWh|MWh|kWh|GW|MW|kW|km|kg)?(?:(?![\w])|(?=pct?\b))"
    rf"|(?<![\w-])(?P<words>{WORDS})"
)
# Digit figures are read with `match` at each digit that `_DIGIT_RE` finds (a pattern that opens with
# a character class, so the regex engine jumps from digit to digit); the left-context checks of
# `_FIGURE` are made in `_left_ok`.
_DIGIT_RE = re.compile(r"\d")
_ASCII_DIGIT_RE = re.compile(r"[0-9]")  # the same in ASCII text, and a cheaper test for the regex engine
# A run of digits with no separator after it can only be read whole, so it is tried first, without the
# five grouping alternatives of DIGITS (each of which needs a separator within the first four characters).
_DIGITS_AT_RE = re.compile(
    rf"(?P<digits>\d++(?![.,\u00a0\u202f\u2009 ])|{DIGITS})"
    rf"(?P<scale>(?i:{SCALE}))?(?P<glued>GWh|MWh|kWh|GW|MW|kW|km|kg)?(?:(?![\w])|(?=pct?\b))"
)
# Number words are found from their last word backwards: a scale word ("twelve thousand") or a
# small number right before "percent" ("eight percent"). Small number words alone ("two firms") are
# never quantities here. Most sentences hold none of the anchor words: `_WORD_ANCHOR_PARTS` are
# substrings of every anchor, tested with `in` before the regex runs.
_WORD_ANCHOR_RE = re.compile(
    r"(?:hundred|thousand|million|billion|trillion|lakh|crore|dozen|per\s?cent)(?![\w])"
)
_WORDS_TAIL_RE = re.compile(rf"(?<![\w-])(?P<words>{WORDS})(?P<tail>\s*-?\s*)$")
# Number words and their tail are lower-case letters, spaces and hyphens: read backwards, this run bounds
# where a `_WORDS_TAIL_RE` match may start.
_WORDS_RUN_RE = re.compile(r"[a-z\s-]*")
_SMALL_WORDS = frozenset([*_UNIT_WORDS, "a", "an", "half"])
_PARSE_RE = re.compile(rf"\s*(?:{_FIGURE})\s*", re.IGNORECASE)
_PERCENT_GATE_RE = re.compile(r"[Pp](?:er\s?cent|ct?\b|ERCENT)")
_BIG_WORD_RE = re.compile(_BIG_WORD, re.IGNORECASE)
_WORD_GATE_RE = re.compile(
    r"hundred|thousand|million|billion|trillion|lakh|crore|dozen|" + "|".join(_UNIT_WORDS)
)

_PERCENT_RE = re.compile(
    r"(?:\s*(?:%|per\s?cent\b|pct?\b|percentage\s+points?\b|pp\b)|-(?:per-?cent|percentage-point)\b)",
    re.IGNORECASE,
)
_UNIT_RE = re.compile(
    r"(?:\s+|-)(?:(?:"
    + _alternation(_LEX["unit_modifiers"])
    + r")[\s-]+){0,3}(?P<unit>"
    + _alternation(list(_UNIT_NOUNS))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[^\w]))(?P<q>" + _alternation(list(_QUALIFIERS)) + r")\s*$", re.IGNORECASE
)
_PHRASAL_OVER_RE = re.compile(
    r"\b(?:hand|hands|handed|handing|turn|turns|turned|took|take|takes|taken|taking|pass|passed)\s+$", re.I
)
_TRAILING_RE = re.compile(r"\s*(?P<q>" + _alternation(list(_TRAILING)) + r")(?![\w])", re.IGNORECASE)
# What each anchored regex needs to see first (after spaces), so that most figures skip it with one look;
# none of these letters has a case fold outside ASCII.
_QUALIFIER_PHRASES = tuple(_QUALIFIERS)
_TRAILING_STARTS = frozenset("-+pPoO")
_TIME_STARTS = frozenset("aApPhHgGcCuU")
_SERIES_STARTS = frozenset("SCe-")
_PERCENT_STARTS = frozenset("%pP-")
_RANGE_GAP_RE = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\bbetween\s+(?:some\s+|about\s+|around\s+)?$", re.IGNORECASE)
_FROM_RE = re.compile(r"\bfrom\s+(?:some\s+|about\s+|around\s+|a\s+|just\s+)?$", re.IGNORECASE)
_MONTH_ALT = _alternation([m.capitalize() for m in _MONTHS])
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTH_ALT}\.?\s+$")
_MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH_ALT}\b")
_YEAR_LEAD_RE = re.compile(
    r"\b(?:in|by|since|from|until|till|to|of|for|during|through|early|late|mid|end|year|years|fiscal|quarter|half|"
    r"Q[1-4]|H[12]|"
    r"FY|before|after|between|and|or|the|circa|around|spring|summer|autumn|fall|winter|january|"
    r"february|march|april|may|june|july|august|september|october|november|december)[\s-]+$",
    re.IGNORECASE,
)
_DESIGNATOR_RE = re.compile(r"(?:^|(?<=[^\w]))(?P<w>[A-Za-z][\w.-]*)\s+$")
_SERIES_AFTER_RE = re.compile(r"^[\s-]?(?:Series|Class|er|Serie|-Series)\b")
_TIME_AFTER_RE = re.compile(r"^(?::\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT\b|CET\b|CEST\b|UTC\b))", re.I)
_DIGIT_SPACES_RE = re.compile(r"[\u00a0\u202f\u2009 ]")
_SPACES_RE = re.compile(r"\s+")
_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_MASK_RE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # ISO dates
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 11/07/2024, 11.07.2024
    r"|\+\d[\d\s().-]{7,}\d"  # +49 89 382-0
    r"|\(\d{2,5}\)\s?\d{3,4}[-\s]\d{3,4}\b"  # (555) 123-4567
    r"|\b\d{3}-\d{3}-\d{4}\b"
    r"|\b\d{1,2}:\d{2}\b"  # times
    r"|\bFY\s?['’]?\d{2,4}(?:\s?[/-]\s?\d{2,4})?\b"  # fiscal-year labels: "FY2024-25", "FY 24/25"
    r"|\b(?:19|20)\d{2}[/-]\d{2}\b(?![\d%]|[.,]\d)"  # split years: "in 2024-25", "2023/24"
    r"|\b(?:NYSE|NASDAQ|Nasdaq|HKEX|HKSE|SGX|SSE|SZSE|SEHK|TSE|TYO|KRX|KOSPI|NSE|BSE|ETR|XETRA|FWB|LSE|EPA|BIT|"
    r"OTC|OTCMKTS|HKG|SHA|SHE|TWO|TPE|KOSDAQ|IDX|SET|BMV|B3|BVMF|BME|AMS|ASX|TSX)\s*:\s*\d+"  # stock codes: "HKEX: 9866"
    r"|\b\d{4,6}\.(?:HK|SZ|SS|SH|T|KS|KQ|NS|BO|TW)\b"  # "9866.HK", "002594.SZ"
    r"|(?<=\()\d{6}(?=\))"  # a Chinese listing code in brackets after the name: "Yutong Bus (600066)"
    r"|(?<![\d,.])\d{1,3}/\d{1,3}(?![\d/])"  # slide counters and fractions: "3/10", "24/7"
)
# Every `_MASK_RE` match holds one of these ("-" or "/" between digits, "+1", "(1", "1)", ":", "1.2.3",
# ".HK", "FY"): a cheap test that most figures fail. Each opens with a plain character, so the regex
# engine skips ahead.
_MASK_GATE_RE = re.compile(r"-(?<=\d-)\d|/(?<=\d/)\d|\+\d|\(\d|\)(?<=\d\))|:|\.\d\d?\.\d|\.[HSTKNB]|FY")


def _decimal_digits(digits: str, scaled: bool) -> Decimal:
    """The value of a digit string under the conventions in the module docstring."""
    if digits.isdecimal():
        return Decimal(digits)  # no separators: the common case
    s = _DIGIT_SPACES_RE.sub("", digits)
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            return Decimal(s.replace(".", "").replace(",", "."))
        return Decimal(s.replace(",", ""))
    for sep in ",.":
        if sep not in s:
            continue
        parts = s.split(sep)
        if len(parts) > 2:
            return Decimal("".join(parts))
        head, tail = parts
        grouped = len(tail) == 3 and head not in ("", "0")
        # "5.500 million reais", "4.100 million euros": continental thousands before a scale word; English would
        # write 5.5 million, never a decimal with two trailing zeros ("$2.125 billion" stays a decimal)
        if grouped and (sep == "," or not scaled or tail.endswith("00")):
            return Decimal(head + tail)
        return Decimal(f"{head or '0'}.{tail}")
    return Decimal(s)


def _scale_value(scale: str) -> Decimal:
    """The multiplier of a scale suffix such as " million", "bn", "m" or " lakh crore"."""
    phrase = " ".join(scale.lower().split())
    if phrase in _SCALES:
        return Decimal(_SCALES[phrase])  # "ten thousand", "hundred million": one scale of two words
    value = Decimal(1)
    for word in scale.lower().split():
        factor = _SCALES.get(word) or _SCALES.get(word.rstrip(".")) or _SUFFIX_SCALES.get(word)
        if factor:
            value *= factor
    return value


def _words_value(words: str) -> Decimal | None:
    """The value of number words: "two hundred and fifty thousand", "half a million", "a dozen"."""
    tokens = _WORD_SPLIT_RE.split(words.lower())
    total, current = Decimal(0), Decimal(0)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token == "and":
            pass
        elif token == "half":
            current += Decimal("0.5")
            if nxt in ("a", "an"):
                i += 1
        elif token in ("a", "an"):
            if nxt == "half":
                current += Decimal("0.5")
                i += 1
            else:
                current += 1
        elif token in _UNIT_WORDS:
            current += _UNIT_WORDS[token]
        elif token == "hundred":
            current = (current or Decimal(1)) * 100
        elif token == "dozen":
            current = (current or Decimal(1)) * 12
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = Decimal(0)
        else:
            return None
        i += 1
    return total + current


def _figure_value(match: re.Match[str]) -> Decimal | None:
    """The value of a `_FIGURE` match."""
    words = _group(match, "words")
    if words:
        return _words_value(words)
    scale = match.group("scale")
    return _decimal_digits(match.group("digits"), bool(scale)) * (_scale_value(scale) if scale else 1)


def _group(match: re.Match[str], name: str) -> str | None:
    """The named group of a match, or None when the match's regex has no such group."""
    return match.group(name) if name in match.re.groupindex else None


def parse_number(text: str) -> float | None:
    """The value of a whole figure such as "82,700", "1,67 million", "1.2mn", "a million", or None."""
    match = _PARSE_RE.fullmatch(text)
    if match is None or match.group("glued"):
        return None
    value = _figure_value(match)
    return float(value) if value is not None else None


def qualifiers(text: str, start: int, end: int) -> tuple[bool, str | None]:
    """Whether the figure at text[start:end] is approximate, and its bound, from the words around it."""
    approximate, bound = False, None
    before = None
    if _may_follow_qualifier(text, start):
        before = _QUALIFIER_RE.search(text, max(0, start - 24), start)
    if (
        before
        and before.group("q").lower() == "over"
        and _PHRASAL_OVER_RE.search(text, max(0, before.start() - 12), before.start())
    ):
        before = None  # "handed over 82,700": a verb particle, not a bound
    if before:
        # casefold: IGNORECASE matching equates "ſome" with "some", which lower() does not
        info = _QUALIFIERS.get(_SPACES_RE.sub(" ", before.group("q").casefold()), {})
        approximate = bool(info.get("approximate"))
        bound = info.get("bound")
    after = _TRAILING_RE.match(text, end) if _next_visible(text, end) in _TRAILING_STARTS else None
    if after:
        info = _TRAILING.get(_SPACES_RE.sub(" ", after.group("q").casefold()), {})
        approximate = approximate or bool(info.get("approximate"))
        bound = info.get("bound") or bound
    return approximate, bound


def _may_follow_qualifier(text: str, start: int) -> bool:
    """False when the words right before `start` cannot end a qualifier: a quick test before `_QUALIFIER_RE`
    (case folding is left to the regex when the words are not plain ASCII)."""
    head = text[max(0, start - 24) : start]
    return not head.isascii() or " ".join(head.split()).lower().endswith(_QUALIFIER_PHRASES)


def _next_visible(text: str, end: int) -> str:
    """The first character after `end` that is not whitespace ("" at the end of the text)."""
    return text[end:].lstrip()[:1]


def _left_ok(text: str, start: int, words: bool) -> bool:
    """Whether a figure may start here: not glued to a word, a dot or a letter-hyphen ("iX3", "e-2008")."""
    if start == 0:
        return True
    prev = text[start - 1]
    if prev.isalnum() or prev == "_" or (not words and prev in ".,"):
        return False
    return not (prev == "-" and (words or (start >= 2 and text[start - 2].isalpha())))


def _is_plain_integer(match: re.Match[str]) -> bool:
    return bool(match.group("digits")) and match.group("digits").isdigit() and not match.group("scale")


def _rejected(text: str, match: re.Match[str]) -> bool:
    """True for figures that are years, dates, times, ranks or model names rather than quantities."""
    start, end = match.span()
    window_start, window_end = max(0, start - 12), min(len(text), end + 12)
    if start and text[start - 1] in "#№":
        return True
    if start and text[start - 1] in "\"“'‘" and text[end : end + 1] in ('"', "”", "'", "’"):
        return True  # a quoted figure alone is a name: the "4680" cell, the "500e"
    if _MASK_GATE_RE.search(text, window_start, window_end) and any(
        m.start() <= start < m.end() for m in _MASK_RE.finditer(text, window_start, window_end)
    ):
        return True
    after_time = text[end : end + 6]
    if (after_time[:1] == ":" or after_time.lstrip()[:1] in _TIME_STARTS) and _TIME_AFTER_RE.match(
        after_time
    ):
        return True
    if not _is_plain_integer(match):
        return False
    digits = match.group("digits")
    number = int(digits)
    before = text[max(0, start - 24) : start]
    after = text[end : end + 24]
    if (
        len(digits) == 4
        and 1900 <= number <= 2100
        and not match.group("glued")
        and (
            after.startswith(("'s", "’s", "-"))
            or not _UNIT_RE.match(text, end)
            or _YEAR_LEAD_RE.search(before)
        )
    ):
        return True
    # Both regexes below must end with the last word of `before`, which holds no space: searching from
    # after the last space finds the same match as searching all of `before`.
    last_word = before.rfind(" ", 0, len(before.rstrip())) + 1
    if (
        number <= 31
        and len(digits) <= 2
        and (_MONTH_BEFORE_RE.search(before, last_word) or _MONTH_AFTER_RE.match(after))
    ):
        return True
    if (after[:1] in _SERIES_STARTS or after[1:2] in _SERIES_STARTS) and _SERIES_AFTER_RE.match(after):
        return True
    word = _DESIGNATOR_RE.search(before, last_word)
    if word:
        w = word.group("w")
        if w.lower() in _DESIGNATORS:
            return True
        # "Peugeot 208", "Fiat 500": a bare figure right after a capitalised name mid-sentence.
        prior = text[max(0, start - len(word.group(0)) - 40) : start - len(word.group(0))].rstrip()
        sentence_start = start - len(word.group(0)) <= 0 or not prior or prior[-1] in '.!?:;"“(\n'
        # "… and Samsung SDI 49 percent": a figure with a percent unit is never a model name.
        if (
            w[0].isupper()
            and w.lower() not in _CAPITALISED_OK
            and not sentence_start
            and not _PERCENT_RE.match(text, end)
        ):
            return True
    return False


def _unit(text: str, end: int) -> tuple[str | None, int]:
    """The unit of the figure ending at `end` ("percent" or a unit noun) and where the percent sign ends."""
    visible = _next_visible(text, end)
    percent = _PERCENT_RE.match(text, end) if visible in _PERCENT_STARTS else None
    if percent:
        word = percent.group(0).lower()
        return ("percentage points" if "point" in word or word.strip() == "pp" else "percent"), percent.end()
    trailing = _TRAILING_RE.match(text, end) if visible in _TRAILING_STARTS else None
    unit = _UNIT_RE.match(text, trailing.end() if trailing else end)
    if unit:
        return _UNIT_NOUNS[_SPACES_RE.sub(" ", unit.group("unit").lower())], end
    return None, end


def _figures(text: str) -> list[re.Match[str]]:
    """Digit figures and number-word figures that may start where they are, in text order."""
    found = _digit_figures(text)
    lower = _lower(text)
    if not _may_hold_word_anchor(lower):
        return found
    words: list[re.Match[str]] = []
    for anchor in _WORD_ANCHOR_RE.finditer(lower):
        end = anchor.end() if anchor.group(0)[0] != "p" else anchor.start()
        window_start = max(0, anchor.start() - 80)
        run = _WORDS_RUN_RE.match(lower[window_start:end][::-1])
        match = _WORDS_TAIL_RE.search(lower, end - run.end(), end) if run and run.end() else None
        if match is None:
            continue
        tokens = set(_WORD_SPLIT_RE.split(match.group("words")))
        if not tokens & _SMALL_WORDS or any(f.start() <= match.start() < f.end() for f in found):
            continue
        if words and words[-1].start() == match.start():
            words[-1] = match  # "two hundred and fifty thousand" supersedes "two hundred"
        elif not words or words[-1].end() <= match.start():
            words.append(match)
    return sorted([*found, *words], key=lambda m: m.start()) if words else found


def _may_hold_word_anchor(lower: str) -> bool:
    """False when no `_WORD_ANCHOR_RE` word can be in the lower-cased text: a quick test before the scan."""
    return (
        "illion" in lower
        or "hundred" in lower
        or "thousand" in lower
        or "lakh" in lower
        or "crore" in lower
        or "dozen" in lower
        or ("cent" in lower and "per" in lower)
    )


def _digit_figures(text: str) -> list[re.Match[str]]:
    """Digit figures that may start where they are, as a left-to-right scan of `_DIGITS_AT_RE` finds them."""
    found = []
    position = 0
    digit_re = _ASCII_DIGIT_RE if text.isascii() else _DIGIT_RE
    while (digit := digit_re.search(text, position)) is not None:
        match = _DIGITS_AT_RE.match(text, digit.start())
        if match is None:
            position = digit.start() + 1
            continue
        if _left_ok(text, match.start(), False):
            found.append(match)
        position = match.end()
    return found


def _lower(text: str) -> str:
    """Lower-cased text with the same length, so offsets stay valid."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=64)
def _singles(text: str) -> tuple[Quantity, ...]:
    """Every figure in text that is a quantity, before joining ranges (cached: quantities and percentages
    of one sentence are both read from it)."""
    return tuple(_find_singles(text))


def _find_singles(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    for match in _figures(text):
        words = _group(match, "words")
        if not words and _rejected(text, match):
            continue
        value = _figure_value(match)
        if value is None:
            continue
        start, end = match.span()
        glued = _group(match, "glued")
        unit, end_with_percent = _unit(text, end)
        if glued:
            unit = _UNIT_NOUNS[glued.lower()]
        if words and not unit and not _BIG_WORD_RE.search(words):
            continue  # "one of the", "two firms": small number words count only with a unit
        approximate, bound = qualifiers(text, start, end_with_percent)
        found.append(
            Quantity(
                start, end_with_percent, text[start:end_with_percent], float(value), approximate, bound, unit
            )
        )
    return found


def _join_ranges(text: str, singles: Sequence[Quantity]) -> list[Quantity]:
    """Join "30,000-35,000", "2.8 to 3.4 billion", "between 15 and 20 percent" into one Quantity."""
    out: list[Quantity] = []
    i = 0
    while i < len(singles):
        first = singles[i]
        if i + 1 < len(singles):
            second = singles[i + 1]
            gap = text[first.end : second.start]
            connector = gap.strip().lower()
            gap_match = _RANGE_GAP_RE.fullmatch(gap) if len(connector) <= 3 else None  # "-", "to", "and"
            before = text[max(0, first.start - 30) : first.start]
            ok = (
                gap_match is not None
                and (connector != "and" or _BETWEEN_RE.search(before))
                and (connector != "to" or not _FROM_RE.search(before))
                and (first.unit is None or first.unit == second.unit)
            )
            if ok:
                low = first.value
                multiplier = _multiplier_of(second)
                if _multiplier_of(first) == 1 and low * multiplier <= second.value:
                    # "2.8 to 3.4 billion": the scale of the upper end applies to the lower end.
                    low *= multiplier
                if low <= second.value:
                    out.append(
                        Quantity(
                            first.start,
                            second.end,
                            text[first.start : second.end],
                            low,
                            first.approximate or second.approximate,
                            first.bound,
                            second.unit,
                            second.value,
                        )
                    )
                    i += 2
                    continue
        out.append(first)
        i += 1
    return out


def _multiplier_of(quantity: Quantity) -> float:
    """The scale word multiplier of a figure ("3.4 billion" -> 1e9), 1 when it has none."""
    match = _PARSE_RE.match(quantity.text)
    if match and match.group("scale"):
        return float(_scale_value(match.group("scale")))
    if match and match.group("words"):
        for word in reversed(match.group("words").lower().split()):
            if word in _SCALES:
                return float(_SCALES[word])
    return 1.0


def _join_compounds(text: str, singles: Sequence[Quantity]) -> list[Quantity]:
    """Join "29 thousand 73" and "1 lakh 20 thousand" (machine-translated Turkish, Korean, Hindi figures): a
    scaled figure followed by a smaller one that fits below its scale is one number."""
    out: list[Quantity] = []
    for quantity in singles:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.unit is None
            and previous.range_end is None
            and not text[previous.end : quantity.start].strip()
            and (scale := _multiplier_of(previous)) >= 1000
            and quantity.unit != "percent"
            and 0 < quantity.value < scale
            and float(previous.value).is_integer()
        ):
            out[-1] = Quantity(
                previous.start,
                quantity.end,
                text[previous.start : quantity.end],
                previous.value + quantity.value,
                previous.approximate or quantity.approximate,
                previous.bound,
                quantity.unit,
            )
            continue
        out.append(quantity)
    return out


def find_quantities(text: str, *, include_money: bool = False) -> list[Quantity]:
    """Quantities in text, with ranges joined; money amounts are left to find_money unless asked for."""
    found = _join_ranges(text, _join_compounds(text, _singles(text)))
    if include_money or not found:
        return found
    from evintel.extract.money import find_money  # money builds on this module

    money = [(m.start, m.end) for m in find_money(text)]
    return [q for q in found if not any(s < q.end and q.start < e for s, e in money)]


def find_percentages(text: str) -> list[Quantity]:
    """Percentages in text ("20 percent", "20%", "20 per cent", "51-percent"), ranges joined."""
    if "%" not in text and not _PERCENT_GATE_RE.search(text):
        return []
    return [q for q in _join_ranges(text, _singles(text)) if q.unit == "percent"]
