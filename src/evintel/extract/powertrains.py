"""Powertrain words in news text mapped to SCHEMA.md values: BEV | PHEV | HEV | FCEV | xEV | all.

The phrases and the conventions behind the ambiguous ones ("EV" = BEV, range extenders = PHEV,
mild hybrids = HEV, "plug-ins" = xEV) live in `extract/data/powertrains.yaml`. Unqualified
"vehicles"/"cars" yield nothing: callers default to ``all``. A phrase such as "battery-electric and
plug-in hybrid models" yields one span per powertrain, in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evintel.extract.numbers import load_lexicon


@dataclass(frozen=True, slots=True)
class Powertrain:
    """A powertrain phrase found in text and its SCHEMA.md value."""

    start: int
    end: int
    text: str
    value: str


_LEX = load_lexicon("powertrains")


def _phrase(words: str) -> str:
    """Regex of a phrase whose words may be joined by spaces or hyphens, with an optional plural "s"."""
    parts = [re.escape(w) for w in re.split(r"[\s-]+", words.strip())]
    return r"[\s-]+".join(parts) + "s?"


def _first_word(phrase: str) -> str:
    """The anchor of a phrase: its first word, or its first two when the first is one letter ("e-car")."""
    words = re.split(r"[\s-]+", phrase.strip().lower())
    return f"{words[0]}-{words[1]}" if len(words[0]) == 1 and len(words) > 1 else words[0]


def _build() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, re.Pattern[str]], dict[str, str]]:
    """Anchor regexes for first words and abbreviations, one phrase regex per first word, group values.

    Scanning one big alternation at every character is slow; instead cheap anchors find where a phrase
    may start and only the phrases beginning with that word are tried there, longest first.
    """
    nouns = "|".join(_phrase(n) for n in sorted(_LEX["vehicle_nouns"], key=len, reverse=True))
    noun_tail = rf"(?:[\s-]+(?:{nouns}))"
    shared = r"(?=[\s,]+(?:and|or|&)\s+(?:plug[\s-]?in\s+)?hybrid)"
    by_word: dict[str, list[tuple[str, str]]] = {}
    for value, phrases in _LEX["phrases"].items():
        for p in phrases:
            by_word.setdefault(_first_word(p), []).append((_phrase(p) + f"{noun_tail}?", value))
    for value, phrases in _LEX["needs_noun"].items():
        # "electric and hybrid vehicles": the noun is shared with the next powertrain word.
        for p in phrases:
            pattern = _phrase(p).removesuffix("s?") + f"(?:{noun_tail}|{shared})"
            by_word.setdefault(_first_word(p), []).append((pattern, value))
    for abbreviation, value in _LEX["abbreviations"].items():
        by_word.setdefault(abbreviation, []).append((f"(?-i:{re.escape(abbreviation)})s?{noun_tail}?", value))
    values: dict[str, str] = {}
    regexes: dict[str, re.Pattern[str]] = {}
    for word, entries in by_word.items():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
        alternatives = []
        for pattern, value in entries:
            name = f"p{len(values)}"
            values[name] = value
            alternatives.append(f"(?P<{name}>{pattern})")
        regexes[word] = re.compile("(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)
    words = sorted((w for w in by_word if w.islower()), key=len, reverse=True)
    abbreviations = sorted((w for w in by_word if not w.islower()), key=len, reverse=True)
    word_anchor = re.compile("|".join(re.escape(w) for w in words))
    abbreviation_anchor = re.compile(r"(?=[A-Zx])(?:" + "|".join(re.escape(w) for w in abbreviations) + ")")
    return word_anchor, abbreviation_anchor, regexes, values


_WORD_ANCHOR_RE, _ABBREVIATION_ANCHOR_RE, _BY_FIRST_WORD, _GROUP_VALUE = _build()
_HYDROGEN_NEAR_RE = re.compile(r"[\s-]+(?:\w+[\s-]+){0,2}(?:hydrogen|fuel[\s-]cell)", re.IGNORECASE)


def find_powertrains(text: str) -> list[Powertrain]:
    """Powertrain phrases in text ("fully electric", "PHEVs", "new energy vehicles"), in text order."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = text  # rare length-changing case folds: fall back to case-sensitive anchors
    anchors = [(m.start(), m.group(0)) for m in _WORD_ANCHOR_RE.finditer(lower)]
    anchors += [(m.start(), m.group(0)) for m in _ABBREVIATION_ANCHOR_RE.finditer(text)]
    anchors.sort()
    found: list[Powertrain] = []
    covered = 0
    for start, word in anchors:
        if start < covered or (start and (text[start - 1].isalnum() or text[start - 1] in "-_")):
            continue
        match = _BY_FIRST_WORD[word].match(text, start)
        if match is None or match.lastgroup is None:
            continue
        phrase = match.group(0)
        if phrase.lower().startswith("zero") and _HYDROGEN_NEAR_RE.match(text, match.end()):
            continue  # "zero-emission hydrogen trucks": the hydrogen phrase decides
        found.append(Powertrain(start, match.end(), phrase, _GROUP_VALUE[match.lastgroup]))
        covered = match.end()
    return found
