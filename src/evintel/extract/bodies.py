"""Public bodies as organisation mentions: governments, states, provinces, cities and ministries, which
invest, lend, subsidise and hold shares in EV news ("the Portuguese government", "the state of Georgia",
"the Maharashtra government", "Spain's government", "the German economy ministry").

Named agencies ("the US Department of Energy", "DOE", "the European Commission") are KB entries and
are found by the gazetteer; this module covers the phrases the KB cannot list. A body's canonical name
is the KB entity when the KB has one ("the Canadian government" -> "Government of Canada"), otherwise
"<Adjective> government", "<Place> government", "State of <Place>". A bare "the government" refers to
the government named or implied (by a country) in the last few sentences, or to nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from evintel.extract.document import Document
from evintel.extract.lexicon import load_lexicon
from evintel.extract.naming import name_lexicon
from evintel.extract.places import find_places, lookup_place
from evintel.models import Mention
from evintel.resolve.kb import KnowledgeBase

_NAME = r"[A-ZÀ-ÖØ-Þ][\w.’'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.’'-]*){0,2}?"
_GREEDY_NAME = r"[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*){0,2}"
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class _Patterns:
    government: re.Pattern[str]
    unit_of: re.Pattern[str]
    ministry: re.Pattern[str]
    bare: re.Pattern[str]
    ministry_of: re.Pattern[str]
    locative: re.Pattern[str]
    window: int
    units: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load_lexicon("bodies")
    levels = "|".join(data["levels"])
    nouns = "|".join(data["government_nouns"])
    units = "|".join(data["units"])
    topics = "(?i:" + "|".join(sorted(data["ministry_topics"], key=len, reverse=True)) + ")"
    return _Patterns(
        government=re.compile(
            rf"(?<![\w-])(?:[Tt]he\s+)?(?:(?:{levels})\s+)?(?P<place>{_NAME})\s+(?:(?:{levels})\s+)?(?:{nouns})(?![\w-])"
        ),
        unit_of=re.compile(
            rf"(?<![\w-])[Tt]he\s+(?:(?P<adj>[A-Z][\w-]*)\s+)?(?P<unit>{units})\s+of\s+(?P<place>{_GREEDY_NAME})"
        ),
        ministry=re.compile(
            rf"(?<![\w-])(?:[Tt]he\s+)?(?P<place>{_NAME})\s+(?P<topic>(?:(?:{topics})\s+)+)(?:ministry|Ministry)(?![\w-])"
        ),
        bare=re.compile(
            rf"(?<![\w-])[Tt]he\s+(?:(?:{levels})\s+)?(?:government|(?:(?:{topics})\s+)+ministry|"
            rf"[Mm]inistry\s+of\s+(?:the\s+)?(?:{topics})(?:\s+(?:{topics}))*)(?![\w-])"
        ),
        # "Spain's Ministry of Industry", "the French Ministry of the Economy" (translated word order)
        ministry_of=re.compile(
            rf"(?<![\w-])(?:[Tt]he\s+)?(?P<place>{_NAME})\s+[Mm]inistry\s+of\s+(?:the\s+)?"
            rf"(?P<topic>(?:{topics})(?:\s+(?:{topics}))*)(?![\w-])"
        ),
        locative=re.compile(rf"(?:{'|'.join(data['locative_before'])})\s+$", re.IGNORECASE),
        window=int(data["window_sentences"]),
        units=frozenset(data["units"]),
    )


def find_bodies(doc: Document, kb: KnowledgeBase, known: list[Mention]) -> list[Mention]:
    """Mentions of public bodies (via="government"; a bare "the government" via="coref"), outside the
    `known` mentions (KB governments among these are antecedents of a bare "the government")."""
    text = doc.text
    patterns = _patterns()
    occupied = [(m.start, m.end) for m in known]
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in occupied)

    def keep(start: int, end: int, name: str, via: str = "government") -> None:
        if free(start, end):
            found.append(Mention(start, end, text[start:end], _canonical(name, kb), via))
            occupied.append((start, end))

    hits = _keyword_hits(text, patterns.units)
    if not hits:
        return []
    for match in _around(patterns.unit_of, text, hits):
        adjective = match.group("adj")
        if adjective and adjective not in name_lexicon().nationalities:
            continue
        if patterns.locative.search(text[max(0, match.start() - 20) : match.start()]):
            continue  # "a plant in the state of Georgia" is a place
        place = _place_prefix(match.group("place"))
        end = match.start("place") + len(place)
        keep(match.start(), end, f"{match.group('unit').capitalize()} of {place}")
    for match in _around(patterns.government, text, hits):
        name = _government_of(match.group("place"))
        if name:
            keep(match.start(), match.end(), name)
    for match in _around(patterns.ministry, text, hits):
        adjective = _adjective(match.group("place"))
        if adjective:
            topic = " ".join(match.group("topic").split()).lower()
            keep(match.start(), match.end(), f"{adjective} {topic} ministry")
    for match in _around(patterns.ministry_of, text, hits):
        adjective = _adjective(match.group("place"))
        if adjective:
            topic = " ".join(match.group("topic").split()).lower()
            keep(match.start(), match.end(), f"{adjective} {topic} ministry")
    governments = [m for m in known if (e := kb.resolve(m.entity)) is not None and e.kind == "government"]
    named = sorted([*found, *governments], key=lambda m: m.start)
    for match in _around(patterns.bare, text, hits):
        start, end = match.span()
        if not free(start, end):
            continue
        name = _recent_government(doc, named, start, patterns.window)
        if name:
            keep(start, end, _canonical(name, kb), "coref")
    return sorted(found, key=lambda m: m.start)


_KEYWORDS = ("overnment", "abinet", "inistry")


def _keyword_hits(text: str, units: frozenset[str]) -> list[int]:
    """Offsets of the words every body phrase contains ("government", "ministry", "state of"); the
    patterns then run only around these (plain substring search is far cheaper than a regex scan)."""
    hits = []
    for keyword in _KEYWORDS:
        position = text.find(keyword)
        while position >= 0:
            hits.append(position)
            position = text.find(keyword, position + 1)
    position = text.find(" of ")
    while position >= 0:
        word_start = text.rfind(" ", 0, position) + 1
        if text[word_start:position] in units:
            hits.append(word_start)
        position = text.find(" of ", position + 1)
    return sorted(hits)


def _around(pattern: re.Pattern[str], text: str, hits: list[int]) -> list[re.Match[str]]:
    """Matches of a pattern in windows around keyword hits (much cheaper than scanning all the text)."""
    found: list[re.Match[str]] = []
    for hit in hits:
        for match in pattern.finditer(text, max(0, hit - 60), min(len(text), hit + 80)):
            if match.start() <= hit < match.end() and (not found or match.start() >= found[-1].end()):
                found.append(match)
    return found


def _place_prefix(words: str) -> str:
    """The longest known place at the start of a capitalised run ("Lower Saxony Holds" -> "Lower
    Saxony"), or its first word."""
    parts = words.split()
    for size in range(len(parts), 1, -1):
        candidate = " ".join(parts[:size])
        if lookup_place(candidate) is not None or candidate in name_lexicon().cities:
            return candidate
    return parts[0]


def _adjective(words: str) -> str | None:
    """The nationality adjective of "Portuguese", "Spain's", "Germany" (None for other words)."""
    lexicon = name_lexicon()
    words = _POSSESSIVE.sub("", words)
    if words in lexicon.nationalities:
        return words
    place = lookup_place(words)
    if place is not None and place[1] == "country":
        return lexicon.adjective_of.get(place[0].lower())
    return None


def _government_of(words: str) -> str | None:
    """ "Portuguese" -> "Portuguese government", "Ontario" -> "Ontario government", else None."""
    adjective = _adjective(words)
    if adjective:
        return f"{adjective} government"
    bare = _POSSESSIVE.sub("", words)
    place = lookup_place(bare)
    if place is not None and place[1] in ("subdivision", "region") or bare in name_lexicon().cities:
        return f"{bare} government"
    return None


def _canonical(name: str, kb: KnowledgeBase) -> str:
    """The KB entity's name for a body the KB lists ("Canadian government" -> "Government of Canada")."""
    for candidate in (name, name.replace(" of ", " of the ")):
        entity = kb.resolve(candidate)
        if entity is not None and entity.kind == "government":
            return entity.name
    return name


def _recent_government(doc: Document, named: list[Mention], position: int, window: int) -> str | None:
    """The government a bare "the government" means: one named in the last few sentences, else the
    government of the country named nearest before it in those sentences."""
    starts = [s.start for s in doc.sentences]
    here = max(0, bisect.bisect_right(starts, position) - 1)
    first = doc.sentences[max(0, here - window + 1)].start if doc.sentences else 0
    earlier = [m for m in named if first <= m.start < position]
    countries = [p for p in find_places(doc.text[first:position]) if p.kind == "country"]
    # The nearer of the last body named and the last country named.
    if earlier and (not countries or earlier[-1].start >= first + countries[-1].start):
        return earlier[-1].entity
    if countries:
        adjective = name_lexicon().adjective_of.get(countries[-1].value.lower())
        if adjective:
            return f"{adjective} government"
    return None
