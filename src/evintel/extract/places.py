"""Places: countries, regions, sub-national units and "City, State" pairs, for plant locations and markets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from evintel.extract.cues import may_match_text
from evintel.extract.lexicon import phrase_alternation, word_scan_pattern

_CAP_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|(?:i|de|del|do|da|dos|das|di|am|an|upon|on|sur|la|le|los|las)(?=\s+[A-ZÀ-ÖØ-Þ]))"
_CAP_PHRASE = rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}"


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in text: `value` is the canonical form facts carry."""

    start: int
    end: int
    text: str
    value: str
    kind: str  # country | region | subdivision | city
    country: str | None = None


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    pattern: re.Pattern[str]
    lowercase_pattern: re.Pattern[str]
    lowercase_names: tuple[str, ...]  # the names lowercase_pattern matches, in lower case
    entries: dict[str, tuple[str, str, str | None]]  # surface (lower) -> (value, kind, country)
    place_heads: frozenset[str]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    data = yaml.safe_load((resources.files("evintel.extract") / "data" / "places.yaml").read_text("utf-8"))
    entries: dict[str, tuple[str, str, str | None]] = {}
    for name, aliases in data["countries"].items():
        for surface in (name, *(aliases or [])):
            entries[surface.lower()] = (name, "country", name)
    for name, aliases in data["regions"].items():
        for surface in (name, *(aliases or [])):
            entries.setdefault(surface.lower(), (name, "region", None))
    for country, names in data["subdivisions"].items():
        for surface in names:
            entries.setdefault(surface.lower(), (surface, "subdivision", country))
    surfaces = sorted(entries, key=len, reverse=True)
    capitalised = [s for s in surfaces if not s.islower() or s[0].isalpha()]
    # Proper names match with their capital; the few lower-case market words ("overseas") match as written.
    original = {}
    for name, aliases in data["countries"].items():
        for surface in (name, *(aliases or [])):
            original[surface.lower()] = surface
    for name, aliases in data["regions"].items():
        for surface in (name, *(aliases or [])):
            original.setdefault(surface.lower(), surface)
    for names in data["subdivisions"].values():
        for surface in names:
            original.setdefault(surface.lower(), surface)
    proper = [original[s] for s in capitalised if original[s][:1].isupper()]
    lower = [original[s] for s in capitalised if not original[s][:1].isupper()]
    proper.sort(key=len, reverse=True)
    lower.sort(key=len, reverse=True)
    # Prefix trees (see lexicon.py): hundreds of names tried one by one at every offset were the cost.
    pattern = word_scan_pattern(proper, whitespace=r"\ ")
    lowercase_names = phrase_alternation(lower, ignore_case=True, whitespace=r"\ ")
    lowercase_pattern = re.compile(r"(?<![\w-])(?:" + lowercase_names + r")(?![\w-])", re.IGNORECASE)
    return _Gazetteer(
        pattern, lowercase_pattern, tuple(name.lower() for name in lower), entries, frozenset(data["place_heads"])
    )


def place_heads() -> frozenset[str]:
    """Nouns that end a place's name ("County", "Prefecture", "Valley"): such a name is a place, not a company."""
    return _gazetteer().place_heads


def lookup_place(name: str) -> tuple[str, str, str | None] | None:
    """(canonical value, kind, country) of a known place name, or None."""
    return _gazetteer().entries.get(name.strip().lower())


def find_places(text: str) -> list[Place]:
    """Known countries, regions and subdivisions, and "City, Subdivision/Country" pairs, in text order."""
    gazetteer = _gazetteer()
    found: list[Place] = []
    for pattern in (gazetteer.pattern, gazetteer.lowercase_pattern):
        if pattern is gazetteer.lowercase_pattern and not _may_name_lowercase_place(text, gazetteer):
            continue  # "overseas", "abroad": a handful of words, rarely there
        for match in pattern.finditer(text):
            value, kind, country = gazetteer.entries[match.group(0).lower()]
            found.append(Place(match.start(), match.end(), match.group(0), value, kind, country))
    found.sort(key=lambda p: (p.start, -p.end))
    places: list[Place] = []
    for place in found:
        if places and place.start < places[-1].end:
            continue
        places.append(place)
    return _with_cities(text, places)


# Characters IGNORECASE matches with an ASCII letter that str.lower() does not turn into it.
_ODD_CASES_RE = re.compile("[\u0130\u0131\u017f]")


def _may_name_lowercase_place(text: str, gazetteer: _Gazetteer) -> bool:
    """False when the text holds none of the lower-case market words ("overseas", "abroad") in any case."""
    if _ODD_CASES_RE.search(text):
        return may_match_text(gazetteer.lowercase_pattern, text)
    lowered = text.lower()
    return any(name in lowered for name in gazetteer.lowercase_names)


_CITY_BEFORE = re.compile(rf"({_CAP_PHRASE}),\s*$")


def _with_cities(text: str, places: list[Place]) -> list[Place]:
    """Join "Clarksville, Tennessee" and "Debrecen, Hungary" into one city place."""
    result: list[Place] = []
    for place in places:
        if place.kind in ("subdivision", "country"):
            window_start = max(0, place.start - 60)
            before = text[window_start : place.start]
            match = _CITY_BEFORE.search(before)
            if match:
                city = match.group(1)
                city_start = window_start + match.start(1)
                previous = result[-1] if result else None
                if previous and previous.end > city_start:
                    if previous.kind == "city" and previous.end <= place.start:
                        # "Shendra, Aurangabad, Maharashtra": extend the city place.
                        merged = text[previous.start : place.end]
                        result[-1] = Place(previous.start, place.end, merged, merged, "city", place.country)
                        continue
                elif not lookup_place(city) and city.split()[0] not in _NOT_CITY:
                    value = f"{city}, {place.text}"
                    result.append(Place(city_start, place.end, value, value, "city", place.country))
                    continue
        result.append(place)
    return result


_NOT_CITY = frozenset(
    {"The", "In", "At", "And", "But", "While", "For", "From", "To", "With", "Its", "Their", "This", "That"}
)

_LOCATION_AFTER = re.compile(
    rf"^\s*(?:in|at|near|outside|on the outskirts of|in the city of)\s+({_CAP_PHRASE})"
)


def find_location_after(text: str, position: int) -> tuple[int, int, str] | None:
    """A capitalised place phrase right after `position` introduced by in/at/near ("... plant in Rastatt")."""
    match = _LOCATION_AFTER.match(text[position:])
    if not match:
        return None
    name = match.group(1).rstrip(".")
    start = position + match.start(1)
    return start, start + len(name), name


def market_of(text: str) -> str | None:
    """The canonical market of a place name ("the United States" -> "US"), or None if not a market."""
    found = lookup_place(_THE.sub("", text.strip()))
    if not found:
        return None
    value, kind, _country = found
    return value if kind in ("country", "region") else None


# Place phrases after a preposition or before a plant noun ("plants in Warren, Ohio and Spring Hill,
# Tennessee", "in the hungarian Kecskemét", "its Austin, Texas factory"). Accented capitals count.
_UP = "A-ZÀ-ÖØ-ÞĀ-ž"
_NAME_WORD = rf"(?:[{_UP}][\w'’.-]*|(?:i|de|del|do|da|dos|das|di|am|an|upon|on|sur|la|le|los|las|pri|bei)(?=\s+[{_UP}]))"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
_DIRECTION = (
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower)"
    r"(?:[\s-](?:east|west)(?:ern)?)?\s+)"
)
_UNIT = r"(?:city|town|village|province|state|region|county|municipality|district|port|prefecture|area)"
_PREPOSITION = r"(?i:in|at|of|near|outside(?:\s+of)?|close\s+to|around|on\s+the\s+outskirts\s+of|based\s+in|located\s+in)"
_STOP_WORDS = frozenset(
    {"The", "A", "An", "In", "At", "It", "Its", "Their", "This", "That", "These", "Those", "He", "She", "We"}
)


@dataclass(frozen=True, slots=True)
class _PhrasePatterns:
    first: re.Pattern[str]
    qualifier: re.Pattern[str]
    next: re.Pattern[str]
    before: re.Pattern[str]
    demonyms: frozenset[str]


@lru_cache(maxsize=1)
def _phrase_patterns() -> _PhrasePatterns:
    data = yaml.safe_load((resources.files("evintel.extract") / "data" / "places.yaml").read_text("utf-8"))
    demonyms = phrase_alternation(data.get("demonyms", []), ignore_case=None, whitespace=r"\ ")
    # "the Black Sea province of Samsun": a region's name before the unit only describes it
    lead = (
        rf"(?:the\s+)?(?:(?i:nearby|neighbou?ring)\s+)?{_DIRECTION}?"
        rf"(?:(?:{demonyms})\s+(?=[{_UP}])|(?i:{demonyms})\s+(?={_UNIT}\s+of\b)"
        rf"|(?<=\bthe\s)(?:[{_UP}][\w-]*\s+){{1,2}}(?=(?:province|state|region|county|prefecture)\s+of\b))?"
        rf"(?:{_DIRECTION}?{_UNIT}\s+of\s+(?:the\s+)?)?"
    )
    return _PhrasePatterns(
        first=re.compile(rf"\s*{_PREPOSITION}\s+{lead}(?P<name>{_NAME})"),
        qualifier=re.compile(rf"(?:\s+{_UNIT})?(?:\s*,\s*(?:in\s+)?|\s+in\s+|\s*\(){lead}(?P<name>{_NAME})"),
        next=re.compile(
            rf"(?:\s*;\s*(?:and\s+)?(?P<semicolon>)|\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|&|as\s+well\s+as|plus)\s+)"
            rf"(?:{_PREPOSITION}\s+)?{lead}(?P<name>{_NAME})"
        ),
        before=re.compile(
            rf"(?P<name>{_NAME})(?:\s*,\s*(?P<qual>{_NAME})(?:,(?=\s))?)?\s+(?P<mods>(?:[\w-]+\s+){{0,2}})$"
        ),
        demonyms=frozenset(d.lower() for d in data.get("demonyms", [])),
    )


_MOD_STOP = frozenset(
    [
        "at",
        "the",
        "in",
        "of",
        "for",
        "from",
        "to",
        "with",
        "by",
        "on",
        "a",
        "an",
        "its",
        "their",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        # "When both plants are completed": a quantifier before the noun counts sites, it does not name one
        "both",
        "all",
        "two",
        "three",
        "four",
        "several",
        "many",
        "some",
    ]
)


def _clean_name(name: str) -> str:
    name = name.rstrip(".,'’")
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _known(name: str) -> tuple[str, str, str | None] | None:
    return lookup_place(_THE.sub("", name))


def _qualified(text: str, start: int, name: str, not_places: frozenset[str]) -> tuple[int, str]:
    """Extend a place by ", Hungary" / " in Hungary" / ", in the German state of Thuringia" qualifiers."""
    end = start + len(name)
    value = name
    known = _known(name)
    if known and known[1] in ("country", "region"):
        return end, value
    pending: list[str] = []
    cursor = end
    for _ in range(3):
        match = _phrase_patterns().qualifier.match(text, cursor)
        if not match:
            break
        qualifier = _clean_name(match.group("name"))
        found = _known(qualifier)
        if found and found[1] in ("country", "subdivision"):
            value = ", ".join([value, *pending, qualifier])
            end = match.start("name") + len(qualifier)
            pending = []
            cursor = end
            if found[1] == "country":
                break
            continue
        if "," in text[cursor : match.start("name")] and qualifier not in not_places and not pending:
            pending.append(qualifier)  # "Shendra, Chhatrapati Sambhajinagar, Maharashtra"
            cursor = match.start("name") + len(qualifier)
            continue
        break
    return end, value


def _usable(name: str, not_places: frozenset[str]) -> bool:
    words = name.split()
    if not words or words[0] in _STOP_WORDS or name in not_places or words[0][0].islower():
        return False  # "on Monday": a particle ("Mo i Rana") never opens a name
    if words[0] in not_places and not _known(name):
        return False  # "North" alone is no place, "North Carolina" is
    return name.lower() not in _phrase_patterns().demonyms  # "in English", "in German"


def read_place_list(text: str, position: int, not_places: frozenset[str] = frozenset()) -> list[Place]:
    """Places right after `position` introduced by in/at/near, with qualifiers and lists ("in X, Y and in Z")."""
    patterns = _phrase_patterns()
    match = patterns.first.match(text, position)
    places: list[Place] = []
    while match:
        name = _clean_name(match.group("name"))
        start = match.start("name")
        first = name.split(" ", 1)[0]
        if " " in name and first.lower() in patterns.demonyms and not _known(name):
            name = name[len(first) + 1 :]  # "in the Slovenian Šempeter pri Gorici" (but "British Columbia")
            start += len(first) + 1
        if not _usable(name, not_places):
            break
        owner = re.match(r"([^'’]+)['’]s\s+(?=\S)", name)
        owner_place = _known(owner.group(1)) if owner else None
        if owner and owner_place and owner_place[1] in ("country", "subdivision"):
            # "in Spain's Navarra region", "in China's Hefei": the place the possessive names lies in the first
            inner = name[owner.end() :]
            start += owner.end()
            known = _known(inner)
            kind = known[1] if known else "city"
            value = f"{inner}, {owner.group(1)}"
            country = owner_place[0] if owner_place[1] == "country" else owner_place[2]
            places.append(Place(start, start + len(inner), inner, value, kind, known[2] if known else country))
            match = patterns.next.match(text, start + len(inner))
            continue
        end, value = _qualified(text, start, name, not_places)
        if match.groupdict().get("semicolon") is not None and value == name:
            break  # "in Kingston, Ontario; Gilbert, Arizona": a semicolon lists places that each carry a qualifier
        known = _known(value)
        kind = known[1] if known else "city"
        place = Place(start, end, text[start:end], value, kind, known[2] if known else None)
        if (
            places
            and places[-1].kind in ("country", "region")
            and re.match(r"\s*,\s*in\s", text[places[-1].end :])
        ):
            places[-1] = place  # "in South-East Asia, in Rayong, Thailand": the apposition is more precise
        else:
            places.append(place)
        match = patterns.next.match(text, end)
    return places


def place_before(
    text: str, position: int, not_places: frozenset[str] = frozenset(), after: int = 0
) -> Place | None:
    """A place named right before a noun at `position` (and not before `after`): "its Austin, Texas factory",
    "the Rastatt plant", and in translated Chinese word order "Hungary Szeged factory" (= Szeged, Hungary)."""
    window_start = max(after, position - 80)
    pattern = _phrase_patterns().before
    match = pattern.search(text, window_start, position)
    # "Li-Cycle's planned Rochester Hub": a name further left with a capitalised word among its modifiers
    # gives way to the name nearer the noun
    while match and any(m[0].isupper() and m not in not_places for m in match.group("mods").split()):
        match = pattern.search(text, match.end("name") + 1, position)
    if not match:
        return None
    mods = match.group("mods").split()
    if any((m[0].isupper() and m not in not_places) or m.lower() in _MOD_STOP for m in mods):
        return None
    if re.search(r"['’]s$", match.group("name")):
        return None  # "Africa's first gigafactory": a possessive, not the site's place
    words = re.split(r"['’]s\s+", match.group("name"))[-1].split()  # "Tesla's Berlin" -> "Berlin"
    # "its North Carolina plant": a known place keeps a first word ("North") that alone is no place
    # ("an EV-only plant": a lower-case particle cannot start a name)
    while words and (words[0] in _STOP_WORDS or words[0] in not_places or words[0].islower()) and not _known(
        " ".join(words)
    ):
        words = words[1:]
    name = _clean_name(" ".join(words))
    if not name or name in not_places or name.endswith(("'s", "’s")) or name.lower() in _phrase_patterns().demonyms:
        return None  # "the Slovenian plant": a country's adjective, not a town
    start = match.end("name") - len(" ".join(words))
    value = name
    end = start + len(name)
    qualifier = match.group("qual")
    head = _known(words[0]) if len(words) > 1 else None
    if not qualifier and head and head[1] in ("country", "subdivision") and not _known(name):
        value = f"{' '.join(words[1:])}, {words[0]}"  # "Hungary Szeged factory": the country comes first
    if qualifier:
        found = _known(qualifier)
        if not found or found[1] not in ("country", "subdivision"):
            return None
        value = f"{name}, {qualifier}"
        end = match.end("qual")
    known = _known(value)
    if known is None and _NOT_A_TOWN.search(name):
        return None  # "the KD assembly plant", "a SiC facility", "an EV-only factory": a modifier, not a town
    return Place(
        start, end, text[start:end], value, known[1] if known else "city", known[2] if known else None
    )


# Unknown names before a site noun that are shaped like acronyms, brand-style words or compounds, not towns:
# "KD", "LFP", "SiC", "SymphonHy", "EV-only" (but "McAllen", "DeKalb", "LaGrange" are towns).
_NOT_A_TOWN = re.compile(
    r"^(?:[A-Z0-9]{2,5}|[A-Z]{2,}-[a-z][\w-]*)$|(?:^|\s)(?!Mc|Mac|De|Di|Du|La|Le|Van|Von|O['’])\w*[a-z][A-Z]"
)
