"""The organisation-name lexicon (extract/data/org_names.yaml) and the word tests every mention finder
shares: capitalised runs, headlines, common words that are never names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from evintel.extract.lexicon import load_lexicon
from evintel.extract.places import lookup_place
from evintel.resolve.kb import normalize_name

# A hyphen continues a name only before a capital or digit: "Rolls-Royce", but "Hartmann-daughter".
# A possessive "'s" ends a name ("Puna Salares Lithium's plant"); other apostrophes stay inside ("O'Neil").
# (Written as runs of [\w&] between the joining characters, which the regex engine scans much faster.)
CAP_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w&]*(?:(?:[’'](?![sS]\b)(?=\w)|[./](?=\w)|-(?=[A-Z0-9À-Þ]))[\w&]*)*"
CAP_SEQUENCE = re.compile(rf"{CAP_TOKEN}(?:[ \u00a0](?:&[ \u00a0])?{CAP_TOKEN})*")
CAP_WORD = re.compile(CAP_TOKEN)
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_NAME_CHAR = re.compile(r"[\w-]")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """The parsed org_names.yaml, as sets and compiled patterns."""

    surnames: frozenset[str]
    first_names: frozenset[str]
    person_titles: frozenset[str]
    person_roles: frozenset[str]
    legal_suffixes: frozenset[str]
    name_heads: frozenset[str]
    finance_heads: frozenset[str]
    name_prefixes: frozenset[str]
    not_names: frozenset[str]
    cities: frozenset[str]
    nationalities: dict[str, tuple[str, ...]]
    adjective_of: dict[str, str]  # country (lower case) -> nationality adjective
    roles: frozenset[str]
    apposition_after: re.Pattern[str]
    subject_after: re.Pattern[str]
    cue_after: re.Pattern[str]


_UNIT_NOUNS = r"(?:brand|marque|unit|subsidiary|division|arm|label)"
_APPOSITION_OWNER = rf"(?:[A-Z][\w&.-]*\s+){{0,2}}?[A-Z][\w&.-]*['’]s\s+(?:[\w-]+\s+){{0,2}}?{_UNIT_NOUNS}\b"
_APPOSITION_OF = rf"(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{_UNIT_NOUNS}\s+of\s+(?:the\s+)?[A-Z]"


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    """The organisation-name lexicon, loaded and compiled once."""
    data = load_lexicon("org_names")
    appositions = "|".join(re.escape(w) for w in sorted(data["apposition_nouns"], key=len, reverse=True))
    verbs = "|".join(re.escape(w) for w in sorted(set(data["subject_verbs"]), key=len, reverse=True))
    nationalities = {k: tuple(v) for k, v in data["nationalities"].items()}
    adjective_of: dict[str, str] = {}
    for adjective, countries in nationalities.items():
        if adjective in ("European", "Asian"):
            continue
        for country in countries:
            adjective_of.setdefault(country.lower(), adjective)
    return NameLexicon(
        surnames=frozenset(normalize_name(w) for w in data["surnames"]),
        first_names=frozenset(data["first_names"]),
        person_titles=frozenset(data["person_titles"]),
        person_roles=frozenset(data["person_roles"]),
        legal_suffixes=frozenset(data["legal_suffixes"]),
        name_heads=frozenset(data["name_heads"]),
        finance_heads=frozenset(data["finance_heads"]),
        name_prefixes=frozenset(data["name_prefixes"]),
        not_names=frozenset(data["not_names"]),
        cities=frozenset(data["cities"]),
        nationalities=nationalities,
        adjective_of=adjective_of,
        roles=frozenset(data["role_nouns"]),
        apposition_after=re.compile(
            rf"^,\s+(?:(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,4}}?(?:({appositions})\b(?!\s+(?:of|for)\s+(?:the\s+)?[A-Z])"
            # "…, the company said": a reporting clause, not an apposition
            r"(?!\s+(?:said|says|added|adds|announced|announces|told|reported|reports|stated|noted|explained|confirmed)\b)"
            # "Arun Plus, a wholly owned subsidiary of PTT": a part of a company is a company itself
            r"|(subsidiary|unit|division|affiliate|daughter)\s+of\b)"
            # "Coretura, a 50:50 joint venture …", "Ionvolt, its equal joint venture …", "Lumora, joint venture in …"
            r"|(?:(?:a|an|the|its|their)\s+)?(?:[\w’':-]+\s+){0,3}?(joint[\s-]+venture)\b)"
        ),
        subject_after=re.compile(rf"^(?:,\s+)?\s+(?:also\s+|has\s+|had\s+|now\s+)?({verbs})\b"),
        # "Genesis sold", "Smart's", "Genesis, Hyundai's luxury brand, …", "Smart, a brand of Mercedes": the word
        # is used as a name.
        cue_after=re.compile(
            rf"^(?:['’]s\b|\s+(?:brand|brands|{verbs})\b"
            # "Amazon, which owns 16% of …": the subject of a company verb in its own relative clause
            rf"|,\s+which\s+(?:also\s+|still\s+|already\s+|now\s+)?(?:{verbs})\b"
            rf"|,\s+(?:a|an|the|[A-Z][\w-]*['’]s)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{appositions})\b"
            rf"|,\s+(?:{_APPOSITION_OWNER}|{_APPOSITION_OF}))"
        ),
    )


def last_word(text: str) -> str:
    """The word right before the end of `text` if only a space separates them ("" otherwise)."""
    if not text.endswith((" ", "\u00a0", "\n")):
        return ""
    stripped = text.rstrip()
    # a hard-wrapped line may put a line break between the words ("partner\nstartup Voltra")
    cut = max(stripped.rfind(" "), stripped.rfind("\n"), stripped.rfind("\u00a0"))
    return stripped[cut + 1 :]


def role_of(word: str) -> str:
    """The role noun a word ends in: "battery-daughter" and "Hartmann-daughter" -> "daughter"; "start-up" and
    "car-maker" stay whole."""
    if "-" not in word or word.lower() in name_lexicon().roles:
        return word
    return word.rpartition("-")[2]


def is_title_case(sentence: str) -> bool:
    """A headline written in title case ("Mini Sales Slump As Smart Gains"), where capitals say nothing."""
    if sentence.rstrip()[-1:] in ".!?":
        return False
    words = [w for w in _TITLE_WORD.findall(sentence) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_COMBINING_FORMS = frozenset(
    {"Franco", "Sino", "Anglo", "Euro", "Indo", "Italo", "Austro", "Russo", "Afro", "Nippo"}
)


def is_nationality_compound(word: str) -> bool:
    """ "Franco-Italian-American", "Sino-German": a hyphenated compound of nationalities."""
    parts = [p for p in word.split("-") if p]
    nationalities = name_lexicon().nationalities
    return len(parts) > 1 and all(p in _COMBINING_FORMS or p in nationalities for p in parts)


@lru_cache(maxsize=16384)
def is_common(word: str) -> bool:
    """Capitalised words that are not names: function words, months, nationalities, places, and
    compounds of these ("Franco-Italian-American", "Sino-German")."""
    lexicon = name_lexicon()
    if "-" in word and all(p in _COMBINING_FORMS or is_common(p) for p in word.split("-") if p):
        return True
    return (
        word in lexicon.not_names
        or word in lexicon.nationalities
        or word in lexicon.cities
        or lookup_place(word) is not None
    )


@lru_cache(maxsize=16384)
def is_place_word(word: str) -> bool:
    """Nationalities, cities and known places ("Hefei", "Finnish", "Ontario")."""
    lexicon = name_lexicon()
    return word in lexicon.nationalities or word in lexicon.cities or lookup_place(word) is not None


def find_names(text: str, names: Iterable[str], *, hyphen_ends: bool) -> list[tuple[int, int]]:
    """Spans of whole-word occurrences of `names` in `text`, left to right, the longest name where several
    start at one place, never overlapping: what one regex alternation of the names (longest first) finds,
    without compiling a pattern for each article's names. A name follows no word character or hyphen and
    is followed by no word character (`hyphen_ends`: nor a hyphen)."""
    after = _NAME_CHAR if hyphen_ends else _WORD_CHAR
    size = len(text)
    spans: list[tuple[int, int]] = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and _NAME_CHAR.match(text, at - 1)) and not (end < size and after.match(text, end)):
                spans.append((at, end))
            at = text.find(name, at + 1)
    spans.sort(key=lambda span: (span[0], -span[1]))
    chosen: list[tuple[int, int]] = []
    reached = 0
    for start, end in spans:
        if start >= reached:
            chosen.append((start, end))
            reached = end
    return chosen
