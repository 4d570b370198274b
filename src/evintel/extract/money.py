"""Money amounts in news text with ISO 4217 currencies: "$2.5bn", "EUR 900 million", "3,5 billion yuan".

Figures are read as in `evintel.extract.numbers`. Currency conventions:
- "$" alone is USD; "A$", "C$", "HK$", "R$", ... name their own dollars;
- "¥" alone is JPY unless "yuan", "RMB", "renminbi" or "CNY" appears within 150 characters;
- "kroner" alone is NOK ("Danish kroner" is DKK), "kronor" SEK, "francs" CHF;
- names that are ordinary words too ("pounds", "won") count only after a scale word
  ("100 million pounds", "3 trillion won"), never "500 pounds of cells";
- a plural scale may take "of" in translated text ("400 millions of euros");
- a sum given in two currencies ("EUR 900 million ($980 million)") yields two Money spans, in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from evintel.extract import numbers
from evintel.extract.lexicon import phrase_alternation
from evintel.extract.numbers import DIGITS, SCALE, WORDS, load_lexicon


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money found in text: span, amount, ISO currency, hedging, bound and range end."""

    start: int
    end: int
    text: str
    amount: float
    currency: str
    approximate: bool = False
    bound: str | None = None
    range_end: float | None = None


_LEX = load_lexicon("currencies")
_SYMBOLS: dict[str, str] = _LEX["symbols"]
_CODES: dict[str, str] = {code: _LEX["code_aliases"].get(code, code) for code in _LEX["codes"]}
_NAMES: dict[str, str] = _LEX["names"]
_AMBIGUOUS = frozenset(_LEX["ambiguous_names"])
_YUAN_RE = re.compile(numbers._alternation(_LEX["yuan_context"]), re.IGNORECASE)

_SYMBOL = numbers._alternation(list(_SYMBOLS))
_CODE = r"(?<![A-Za-z])" + numbers._alternation(list(_CODES)) + r"(?![A-Za-z])"
_NAME = "(?i:" + numbers._alternation(list(_NAMES)) + r")(?![\w])"


def _number(n: int, words: bool) -> str:
    """The figure sub-pattern with numbered groups (digits + scale, or number words)."""
    digits = rf"(?P<d{n}>{DIGITS})(?P<s{n}>{SCALE})?"
    return f"(?i:{digits}|(?<![\\w-])(?P<w{n}>{WORDS}))" if words else f"(?i:{digits})"


_DASH = r"\s*(?:-|–|—|to)\s*"
_PREFIXED = (
    rf"(?<![A-Za-z])(?P<pre>{_SYMBOL}|{_CODE})\s?{_number(1, False)}"
    rf"(?:(?P<gap1>{_DASH}(?:(?:{_SYMBOL}|{_CODE})\s?)?){_number(2, False)})?(?![\w])"
)
_SUFFIXED = (
    rf"(?<![\w.,$€£¥₩₹])(?<![A-Za-z]-){_number(3, True)}"
    rf"(?:(?P<gap2>{_DASH}){_number(4, True)})?(?:(?:(?<=illions)|(?<=crores)|(?<=lakhs))\s+of)?\s*"
    rf"(?P<post>{_NAME}|{_CODE})"
)
_MONEY_RE = re.compile(f"{_PREFIXED}|{_SUFFIXED}")
_JOIN_GAP_RE = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
# Where an amount may be: a run of digits, or a scale word for amounts in words ("a billion dollars").
# Written to open with a character class, which lets the regex engine skip to candidate offsets; a text
# without "illion" is scanned for digit runs alone, which skips further.
_ANCHOR_RE = re.compile(r"[\di](?:(?<=\d)[\d.,]*|(?<=i)llion)")
_DIGIT_ANCHOR_RE = re.compile(r"\d[\d.,]*")
_ASCII_DIGIT_ANCHOR_RE = re.compile(r"[0-9][0-9.,]*")  # the same in ASCII text, and cheaper to scan
# The gates only answer yes or no, so their alternatives may be written as prefix trees (see lexicon.py).
_CURRENCY_GATE_RE = re.compile(
    r"(?<![a-z])(?:" + phrase_alternation(_NAMES, ignore_case=False, whitespace=r"\ ") + r")(?![a-z])"
)
# Symbols and codes are two gates, each opening with a choice of characters so that the regex engine skips
# ahead: the codes' "not after a letter" test sits behind their first letter (see lexicon.word_scan_pattern).
_SYMBOL_GATE_RE = re.compile(r"[$€£¥￥₩₹₺₱₫₪₴₦₽฿]")
_CODE_GATE_RE = re.compile(
    phrase_alternation(
        [*_CODES, *(s for s in _SYMBOLS if s[0].isalpha())], ignore_case=False, after_first=r"(?<![A-Za-z].)"
    )
)


def to_iso(currency_word: str) -> str | None:
    """The ISO 4217 code of a currency symbol, code or name ("€" -> EUR, "yuan" -> CNY), or None."""
    word = currency_word.strip()
    if word in _SYMBOLS:
        return _SYMBOLS[word]
    if word.upper() in _CODES:
        return _CODES[word.upper()]
    return _NAMES.get(re.sub(r"\s+", " ", word.lower()))


def _value(match: re.Match[str], n: int) -> tuple[Decimal, bool] | None:
    """The value of figure group n and whether it carries a scale."""
    words = match.group(f"w{n}") if f"w{n}" in match.re.groupindex else None
    if words:
        value = numbers._words_value(words)
        # "two to three billion": "two" alone carries no scale, so the upper end's applies to it
        scaled = any(w in numbers._SCALES for w in words.lower().split())
        return (value, scaled) if value is not None else None
    digits = match.group(f"d{n}")
    if digits is None:
        return None
    scale = match.group(f"s{n}")
    value = numbers._decimal_digits(digits, bool(scale))
    return (value * numbers._scale_value(scale), True) if scale else (value, False)


def _currency(text: str, match: re.Match[str]) -> str | None:
    """The ISO code of a money match, resolving the bare yen sign by context."""
    marker = match.group("pre") or match.group("post")
    iso = to_iso(marker)
    if marker in ("¥", "￥") and _YUAN_RE.search(text, max(0, match.start() - 150), match.end() + 150):
        return "CNY"
    return iso


_BARE_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"})


def _from_match(text: str, match: re.Match[str]) -> list[Money]:
    """The Money of one regex match (two for "from $2bn to $3bn"), or none when it is not money."""
    first_n, second_n = (1, 2) if match.group("pre") else (3, 4)
    first = _value(match, first_n)
    if first is None:
        return []
    post = match.group("post")
    has_second = bool(match.group(f"d{second_n}") or match.groupdict().get(f"w{second_n}"))
    second = _value(match, second_n) if has_second else None
    has_scale = first[1] or (second is not None and second[1])
    if post and post.lower() in _AMBIGUOUS and not has_scale:
        return []
    if post and not has_scale and re.fullmatch(r"(?:19|20)\d\d", match.group(f"d{first_n}") or ""):
        return []  # "in 2023 dollars": a year, not an amount
    words = match.groupdict().get(f"w{first_n}")
    if words and words.lower() in _BARE_SCALES:
        return []  # "a three-digit million euro amount", "multi-million euro": no figure is stated
    currency = _currency(text, match)
    if currency is None:
        return []
    start, end = match.span()
    amount, range_end = first[0], None
    if second is not None:
        if not first[1] and second[1] and amount * _scale_of(match, second_n) <= second[0]:
            amount *= _scale_of(match, second_n)  # "$2.8-3.4 billion", "from 2 to 3 billion euros"
        gap = match.group("gap1") or match.group("gap2") or ""
        if "to" in gap.lower() and numbers._FROM_RE.search(text, max(0, start - 30), start):
            # "from $2bn to $3bn" is a change, not a range: two amounts.
            head_end = match.end(f"gap{1 if first_n == 1 else 2}") - len(gap)
            approximate, bound = numbers.qualifiers(text, start, head_end)
            head = Money(start, head_end, text[start:head_end], float(amount), currency, approximate, bound)
            tail = _MONEY_RE.search(text, head_end + len(gap) - (1 if match.group("pre") else 0))
            rest = _from_match(text, tail) if tail and tail.start() < end else []
            return [head, *rest]
        range_end = second[0]
    approximate, bound = numbers.qualifiers(text, start, end)
    return [
        Money(
            start,
            end,
            text[start:end],
            float(amount),
            currency,
            approximate,
            bound,
            float(range_end) if range_end is not None else None,
        )
    ]


def _scale_of(match: re.Match[str], n: int) -> Decimal:
    """The multiplier of figure group n's scale words."""
    scale = match.group(f"s{n}")
    if scale:
        return numbers._scale_value(scale)
    words = match.groupdict().get(f"w{n}")
    for word in reversed((words or "").lower().split()):
        if word in numbers._SCALES:
            return Decimal(numbers._SCALES[word])
    return Decimal(1)


def _join(text: str, found: list[Money]) -> list[Money]:
    """Join "$2bn to $3bn" and "between €1bn and €2bn" into one Money with a range end."""
    out: list[Money] = []
    i = 0
    while i < len(found):
        first = found[i]
        if i + 1 < len(found):
            second = found[i + 1]
            gap = text[first.end : second.start]
            connector = gap.strip().lower()
            before = text[max(0, first.start - 30) : first.start]
            if (
                _JOIN_GAP_RE.fullmatch(gap)
                and first.currency == second.currency
                and first.range_end is None
                and first.amount <= second.amount
                and (connector != "and" or numbers._BETWEEN_RE.search(before))
                and (connector != "to" or not numbers._FROM_RE.search(before))
            ):
                out.append(
                    Money(
                        first.start,
                        second.end,
                        text[first.start : second.end],
                        first.amount,
                        first.currency,
                        first.approximate,
                        first.bound,
                        second.range_end or second.amount,
                    )
                )
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def find_money(text: str) -> list[Money]:
    """Money amounts in text with ISO currencies, ranges joined, in text order."""
    return list(_money_in(text))


@lru_cache(maxsize=64)
def _money_in(text: str) -> tuple[Money, ...]:
    """Cached: a sentence's money is read both for itself and to set its quantities apart."""
    return tuple(_find_money(text))


def _find_money(text: str) -> list[Money]:
    lower = text.lower()
    if len(lower) != len(text):
        lower = numbers._lower(text)
    found: list[Money] = []
    covered = -1
    # The full money regex is costly; run it only around figures with a currency word close by.
    if "illion" in lower:
        anchors = _ANCHOR_RE
    else:
        anchors = _ASCII_DIGIT_ANCHOR_RE if lower.isascii() else _DIGIT_ANCHOR_RE
    for anchor in anchors.finditer(lower):
        if anchor.start() < covered:
            continue
        back = 8 if anchor.group(0)[0].isdigit() else 40
        start, end = max(0, anchor.start() - back), min(len(text), anchor.end() + 40)
        if not (
            _SYMBOL_GATE_RE.search(text, start, end)
            or _CODE_GATE_RE.search(text, start, end)
            or _CURRENCY_GATE_RE.search(lower, start, end)
        ):
            continue
        for match in _MONEY_RE.finditer(text, start, min(len(text), end + 30)):
            if covered <= match.start() <= anchor.end():
                for money in _from_match(text, match):
                    if money.start >= covered:
                        found.append(money)
                        covered = money.end
            if match.end() > anchor.end():
                break  # the next matches start after the anchor and are not read: spare the scan for them
    return _join(text, found)
