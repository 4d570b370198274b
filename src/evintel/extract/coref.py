"""Coreference for organisations: descriptors ("the Munich-based carmaker", "the group"), pronouns
("it", "its", "they") and plural references ("both firms", "the two giants") -> named mentions.

Deterministic and local: a reference looks back over the current and the previous few sentences
(plural ones twice as far), and picks the nearest compatible antecedent (kind, country, HQ, KB
descriptors); pronouns prefer the subject, i.e. the first organisation of the nearest sentence.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from evintel.extract.document import Document
from evintel.extract.lexicon import load_lexicon, phrase_alternation
from evintel.extract.mentions import describe_unknown
from evintel.extract.naming import is_nationality_compound, name_lexicon
from evintel.extract.places import lookup_place
from evintel.models import Entity, Mention
from evintel.resolve.kb import KnowledgeBase, normalize_name
from evintel.resolve.linking import fold_text

_WORD = re.compile(r"\S+")
_COORDINATED_AFTER = re.compile(r"\s+(?:and|as\s+well\s+as)\b")
_OF_AFTER = re.compile(r"\s+of\b")
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z][\w-]*)")
_ACCORDING_TO_END = re.compile(r"according\s+to\s+$", re.IGNORECASE)
_ARTICLE_ONLY = re.compile(r"(?:(?:the|a|an)\s+)?", re.IGNORECASE)
_NOT_COMPANIES = frozenset({"government", "family"})
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|into|to|from|with|for|at|on)\s+$")
_SET_BEFORE = re.compile(
    r"\b(?:one|most|all|some|many|rest|none|each|any|several|few|\w{3,}est)\s+of\s+$", re.IGNORECASE
)
_VEHICLE_KINDS = frozenset({"group", "automaker", "brand", "startup", "joint_venture"})
# Per-KB automaton of head-less KB descriptors (False: the KB has none).
_DESCRIPTOR_AUTOMATA: weakref.WeakKeyDictionary[KnowledgeBase, Any] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class _Lexicon:
    heads: dict[str, frozenset[str]]
    modifiers: frozenset[str]
    nationalities: dict[str, frozenset[str]]
    preferred_kind: dict[str, str]
    descriptor: re.Pattern[str]
    plural_numbered: re.Pattern[str]
    plural_bare: re.Pattern[str]
    bare_counts: dict[str, int]
    numbers: dict[str, int]
    pronoun: re.Pattern[str]
    it_verb: re.Pattern[str]
    it_pleonastic: re.Pattern[str]
    reporting: re.Pattern[str]
    window: int
    plural_words: frozenset[str]
    combining: dict[str, tuple[str, ...]]
    generic_heads: frozenset[str]
    triggers: ahocorasick.Automaton
    headless: re.Pattern[str]
    thing_subject: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return phrase_alternation(words, ignore_case=None)  # used with and without IGNORECASE


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_lexicon("coref")
    names = load_lexicon("org_names")
    heads = {normalize_name(h): frozenset(kinds) for h, kinds in data["heads"].items()}
    nationalities: dict[str, frozenset[str]] = {}
    for adjective, countries in names["nationalities"].items():
        nationalities[normalize_name(adjective)] = frozenset(normalize_name(c) for c in countries)
    numbers = {str(k).lower(): int(v) for k, v in data["numbers"].items()}
    number_words = _alternation([k for k in numbers if k != "both"])
    plural_heads = _alternation(data["plural_heads"])
    bare = {str(k): int(v) for k, v in data["plural_bare"].items() if not str(k).isdigit() and k != "two"}
    return _Lexicon(
        heads=heads,
        modifiers=frozenset(m.lower() for m in data["modifiers"]),
        nationalities=nationalities,
        preferred_kind=dict(data["preferred_kind"]),
        descriptor=re.compile(
            rf"(?<![\w-])(?:[Tt]he|[Tt]his)\s+((?:[\w’'.-]+\s+){{0,3}}?)({_alternation(list(data['heads']))})"
            rf"(?:['’]s)?(?![\w-])",
            re.IGNORECASE,
        ),
        plural_numbered=re.compile(
            rf"(?<![\w-])(?:(both)|(?:the|all)\s+({number_words}))\s+(?:[\w-]+\s+)?({plural_heads})(?![\w-])",
            re.IGNORECASE,
        ),
        plural_bare=re.compile(rf"(?<![\w-])the\s+({_alternation(list(bare))})(?![\w-])", re.IGNORECASE),
        bare_counts={k.lower(): v for k, v in bare.items()},
        numbers=numbers,
        pronoun=re.compile(r"(?<![\w-])(it|its|they|their|them)(?![\w’'-])", re.IGNORECASE),
        it_verb=re.compile(rf"^\s+({_alternation(data['it_verbs'])})\b"),
        it_pleonastic=re.compile(rf"^\s+({_alternation(data['it_pleonastic_after'])})\b"),
        reporting=re.compile(rf"^\s+({_alternation(data['reporting_verbs'])})\b"),
        window=int(data["window_sentences"]),
        plural_words=frozenset(data["plural_heads"]),
        combining={str(k): (str(v),) for k, v in data.get("combining_forms", {}).items()},
        generic_heads=frozenset(data["generic_heads"]),
        triggers=_triggers(list(data["heads"]), list(data["plural_heads"]), list(bare)),
        headless=re.compile(
            rf"(?<![\w-])[Tt]he\s+([A-ZÀ-ÖØ-Þ][\w’'-]*-(?:based|headquartered))"
            rf"(?=\s*[,.;:)]|\s+(?:{_alternation(data['headless_next'])})\b)"
        ),
        # "This electric pickup", "The new model", "Its plant": a sentence opening on a thing.
        thing_subject=re.compile(
            rf"^\W*(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Aa]n?)\s+(?:[\w’'-]+\s+){{0,3}}?"
            rf"(?:{_alternation(data['thing_heads'])})\b"
        ),
    )


def _triggers(heads: list[str], plurals: list[str], bare: list[str]) -> ahocorasick.Automaton:
    """One automaton over every word that can anchor a reference (heads, plural nouns, pronouns)."""
    automaton = ahocorasick.Automaton()
    entries: dict[str, tuple[str, str]] = {}
    for word in ("it", "its", "they", "their", "them"):
        entries[word] = ("pronoun", word)
    for word in (*plurals, *bare):
        entries[fold_text(word).rstrip("'")] = ("plural", normalize_name(word))
    for word in heads:
        entries.setdefault(fold_text(word), ("head", normalize_name(word)))
    for key, (role, word) in entries.items():
        automaton.add_word(key, (len(key), role, word))
    automaton.make_automaton()
    return automaton


@dataclass(frozen=True, slots=True)
class _Reference:
    start: int
    end: int
    kind: str  # descriptor | pronoun | plural_pronoun | plural
    head: str = ""
    modifiers: tuple[str, ...] = ()
    count: int = 0
    phrase: str = ""  # a KB descriptor matched as written ("the losange")


def resolve_coreference(doc: Document, kb: KnowledgeBase) -> list[Mention]:
    """Mentions (via="coref") for the descriptors, pronouns and plural references of a document."""
    lexicon = _lexicon()
    text = doc.text
    starts = [s.start for s in doc.sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    named = sorted((m for m in doc.mentions if m.entity), key=lambda m: m.start)
    taken = [(m.start, m.end) for m in doc.mentions]
    references = _find_references(text, taken, lexicon)
    references = _merge(references, _kb_descriptors(text, taken, kb))
    references = _merge(references, _headless(text, taken, lexicon))
    profiles: dict[str, Entity] = {}

    def profile(name: str) -> Entity:
        if name not in profiles:
            found = kb.resolve(name)
            profiles[name] = (
                found if found is not None and found.name == name else describe_unknown(doc, name)
            )
        return profiles[name]

    pool: list[tuple[int, Mention]] = [(sentence_of(m.start), m) for m in named]
    groups = _coordinations(text, named, sentence_of)
    resolved: list[Mention] = []
    for ref in references:
        here = sentence_of(ref.start)
        span = (2 if ref.kind == "plural" else 1) * lexicon.window
        before = [(i, m) for i, m in pool if m.end <= ref.start and here - span <= i]
        surface = text[ref.start : ref.end]
        mention: Mention | None = None
        if ref.kind == "descriptor":
            name = _resolve_descriptor(
                ref, before, pool, here, text, kb, profile, lexicon, doc.sentences[here].start
            )
            mention = Mention(ref.start, ref.end, surface, name, "coref") if name else None
        elif ref.kind == "pronoun":
            name = (
                None
                if _means_thing(doc, ref, here, before, lexicon)
                else _coordinated_possessor(text, ref, before, here)
                or _reporting_subject(text, ref, before, here)
                or _relative_subject(text, doc.sentences[here].start, ref.start, before, here)
                or _subject(before, here, text)
            )
            mention = Mention(ref.start, ref.end, surface, name, "coref") if name else None
        else:
            earlier = [(i, end, g) for i, end, g in groups if end <= ref.start and here - span <= i]
            members = _group(before, here, ref, earlier)
            if len(members) == 1 and ref.kind == "plural_pronoun":
                mention = Mention(ref.start, ref.end, surface, members[0], "coref")
            elif len(members) >= 2:
                mention = Mention(ref.start, ref.end, surface, "", "coref", tuple(members))
                bisect.insort(groups, (here, ref.end, tuple(members)), key=lambda item: item[1])
        if mention is not None:
            resolved.append(mention)
            if mention.entity:
                bisect.insort(pool, (here, mention), key=lambda item: item[1].start)
    return resolved


def _find_references(text: str, taken: list[tuple[int, int]], lexicon: _Lexicon) -> list[_Reference]:
    """Descriptors, pronouns and plural references, not overlapping named mentions or each other."""
    folded = fold_text(text)
    size = len(folded)
    hits = []
    for last, (length, role, key) in lexicon.triggers.iter(folded):
        start, end = last - length + 1, last + 1
        if (start > 0 and folded[start - 1].isalnum()) or (end < size and folded[end].isalnum()):
            continue
        hits.append((start, end, role, key))
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    occupied = bytearray(size + 1)  # 1 where a mention or an accepted reference lies
    for s, e in taken:
        occupied[s:e] = b"\x01" * (e - s)
    found: list[_Reference] = []
    mention_starts = {s for s, _ in taken}

    def free(start: int, end: int) -> bool:
        return occupied.find(1, start, end) < 0

    for start, end, role, key in hits:
        if not free(start, end):
            continue
        reference = None
        if role == "pronoun":
            reference = _pronoun(text, start, end, key, lexicon)
        elif role == "plural":
            reference = _plural(text, start, end, key, lexicon)
        if reference is None and role in ("head", "plural") and key in lexicon.heads:
            reference = _descriptor(text, start, end, key, mention_starts, lexicon)
        if reference is not None and free(reference.start, reference.end):
            found.append(reference)
            occupied[reference.start : reference.end] = b"\x01" * (reference.end - reference.start)
    found.sort(key=lambda r: r.start)
    return found


def _kb_descriptors(text: str, taken: list[tuple[int, int]], kb: KnowledgeBase) -> list[_Reference]:
    """KB descriptors without a common head noun ("the losange"), matched as written."""
    automaton = _descriptor_automaton(kb)
    if automaton is None:
        return []
    folded = fold_text(text)
    size = len(folded)
    found = []
    for last, (length, phrase) in automaton.iter(folded):
        start, end = last - length + 1, last + 1
        if (start > 0 and folded[start - 1].isalnum()) or (end < size and folded[end].isalnum()):
            continue
        if folded[max(0, start - 4) : start] == "the " and not phrase.startswith("the "):
            start -= 4
        if all(end <= s or start >= e for s, e in taken):
            found.append(_Reference(start, end, "descriptor", head=phrase.split()[-1], phrase=phrase))
    return found


def _descriptor_automaton(kb: KnowledgeBase) -> ahocorasick.Automaton | None:
    cached = _DESCRIPTOR_AUTOMATA.get(kb)
    if cached is not None:
        return cached or None
    heads = _lexicon().heads
    automaton = ahocorasick.Automaton()
    for phrase in kb.descriptors():
        if phrase and normalize_name(phrase.split()[-1]) not in heads:
            automaton.add_word(phrase, (len(phrase), phrase))
    if len(automaton):
        automaton.make_automaton()
        _DESCRIPTOR_AUTOMATA[kb] = automaton
        return automaton
    _DESCRIPTOR_AUTOMATA[kb] = False
    return None


def _merge(first: list[_Reference], second: list[_Reference]) -> list[_Reference]:
    """References of both lists, the first list winning where they overlap, in text order."""
    merged = list(first)
    for ref in second:
        if all(ref.end <= r.start or ref.start >= r.end for r in first):
            merged.append(ref)
    return sorted(merged, key=lambda r: r.start)


def _headless(text: str, taken: list[tuple[int, int]], lexicon: _Lexicon) -> list[_Reference]:
    """ "the Lyon-based" used as a noun (machine-translated "le lyonnais"): the company based there."""
    if "-based" not in text and "-headquartered" not in text:
        return []
    found = []
    for match in lexicon.headless.finditer(text):
        start, end = match.span(0)
        end = match.end(1)
        if all(end <= s or start >= e for s, e in taken):
            found.append(_Reference(start, end, "descriptor", head="company", modifiers=(match.group(1),)))
    return found


def _words_before(text: str, position: int) -> list[re.Match[str]]:
    """The last few whitespace-separated words before a position (nearest last)."""
    window = text[max(0, position - 80) : position]
    if window and not window[-1].isspace():
        return []
    return list(_WORD.finditer(window))[-5:]


def _pronoun(text: str, start: int, end: int, word: str, lexicon: _Lexicon) -> _Reference | None:
    if word == "it":
        after = text[end : end + 40]
        if not lexicon.it_verb.match(after) or lexicon.it_pleonastic.match(after):
            return None
        return _Reference(start, end, "pronoun")
    if word == "its":
        return _Reference(start, end, "pronoun")
    return _Reference(start, end, "plural_pronoun")


def _plural(text: str, start: int, end: int, key: str, lexicon: _Lexicon) -> _Reference | None:
    """ "both firms", "the two giants", "all three carmakers", "the pair", "the partners"."""
    words = [m.group() for m in _words_before(text, start)]
    coordinated = _COORDINATED_AFTER.match(text[end : end + 12])
    if coordinated and any(w.lower() == "both" for w in words[-3:]):
        return None  # "both foreign brands and domestic rivals": a coordination, not a reference
    offset = start - 80 if start >= 80 else 0
    matches = _words_before(text, start)
    for used in (1, 2, 3):
        if len(words) < used:
            break
        opener = words[-used].lower()
        between = words[len(words) - used + 1 :]
        if used == 3 and not (
            words[-used].lower() in ("the", "all") and between[0].lower() in lexicon.numbers
        ):
            continue
        if opener == "both" and used <= 2:
            return _Reference(offset + matches[-used].start(), end, "plural", count=2)
        if opener in ("the", "all") and used >= 2 and between[0].lower() in lexicon.numbers:
            return _Reference(
                offset + matches[-used].start(), end, "plural", count=lexicon.numbers[between[0].lower()]
            )
    if key in lexicon.bare_counts and words and words[-1].lower() == "the":
        return _Reference(offset + matches[-1].start(), end, "plural", count=lexicon.bare_counts[key])
    return _plural_with_adjectives(words, matches, offset, end, lexicon)


_ADJECTIVE = re.compile(r"[A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)*")
_NOT_ADJECTIVE = frozenset(
    {"of", "and", "or", "with", "by", "in", "for", "to", "from", "other", "more", "new"}
)
_NUMBER_OPENERS = frozenset({"the", "all", "these", "those"})
_AGENT_BEFORE = frozenset({"by"})


def _plural_with_adjectives(
    words: list[str], matches: list[re.Match[str]], offset: int, end: int, lexicon: _Lexicon
) -> _Reference | None:
    """ "the two big Japanese carmakers", "both German groups", and in translated text "developed by two
    important brands" (a count after "by" or opening a sentence): adjectives between count and head."""
    for gap in (1, 2):
        at = len(words) - gap - 1  # index of the count word
        if at < 0:
            break
        adjectives = words[at + 1 :]
        if not all(_ADJECTIVE.fullmatch(w) and w.lower() not in _NOT_ADJECTIVE for w in adjectives):
            break
        word = words[at]
        lowered = word.lower()
        if lowered == "both":
            return _Reference(offset + matches[at].start(), end, "plural", count=2)
        if lowered not in lexicon.numbers:
            continue
        count = lexicon.numbers[lowered]
        opener = words[at - 1] if at > 0 else ""
        if opener.lower() in _NUMBER_OPENERS:
            return _Reference(offset + matches[at - 1].start(), end, "plural", count=count)
        if opener.lower() in _AGENT_BEFORE or (word[0].isupper() and (not opener or opener[-1] in '.!?:;"')):
            return _Reference(offset + matches[at].start(), end, "plural", count=count)
    return None


def _descriptor(
    text: str, start: int, end: int, head: str, mention_starts: set[int], lexicon: _Lexicon
) -> _Reference | None:
    """ "the Munich-based carmaker", "the group's", "this Japanese firm"."""
    matches = _words_before(text, start)
    offset = start - 80 if start >= 80 else 0
    chosen = None
    for used in range(1, min(4, len(matches)) + 1):
        opener = matches[-used].group()
        modifiers = [m.group() for m in matches[len(matches) - used + 1 :]]
        if opener in ("the", "The", "this", "This") and all(_valid_modifier(m, lexicon) for m in modifiers):
            chosen = (offset + matches[-used].start(), tuple(modifiers))
            break
    if chosen is None:
        return None
    possessive = text[end : end + 2] in ("'s", "’s")
    if possessive:
        end += 2
    after = text[end : end + 40]
    # "the startup Tavora", "the Japanese supplier Aisin": a role noun before a name, not a reference.
    gap = len(after) - len(after.lstrip(" "))
    if gap and end + gap in mention_starts:
        return None
    if head in ("group", "company", "firm", "business", "unit") and _OF_AFTER.match(after):
        return None
    preceding = text[max(0, chosen[0] - 30) : chosen[0]]
    # _SET_BEFORE ends on "of" and a space: testing that first spares most descriptors the regex.
    if preceding.rstrip()[-2:].lower() == "of" and _SET_BEFORE.search(preceding):
        return None  # "the largest of the group", "one of the firms": a set of companies, not one
    # "one of the giant manufacturers": the head is an adjective of the next noun.
    following = _LOWER_WORD_AFTER.match(after)
    if (
        following
        and not possessive  # "the group's daughter": a possessor, not an adjective of the next noun
        and (following.group(1) in lexicon.heads or following.group(1) in lexicon.plural_words)
    ):
        return None
    return _Reference(chosen[0], end, "descriptor", head=head, modifiers=chosen[1])


# First parts of compound nationalities ("Franco-Italian-American", "Sino-German").
_NATIONALITY_PREFIXES = frozenset({"franco", "sino", "italo", "anglo", "indo", "russo", "nippo", "euro", "afro"})


def _valid_modifier(word: str, lexicon: _Lexicon) -> bool:
    bare = word.rstrip("’'s") if word.endswith(("'s", "’s")) and word.lower() != "world's" else word
    lowered = bare.lower()
    parts = lowered.split("-")
    return (
        lowered in lexicon.modifiers
        or normalize_name(bare) in lexicon.nationalities
        or is_nationality_compound(bare)
        or bare in ("South", "North")
        or lowered.endswith(("-based", "-headquartered"))
        or bare in name_lexicon().cities  # "the Detroit automaker", "the Munich carmaker"
        or (
            len(parts) >= 2
            and all(p in _NATIONALITY_PREFIXES or normalize_name(p) in lexicon.nationalities for p in parts)
        )
    )


def _resolve_descriptor(
    ref: _Reference,
    before: list[tuple[int, Mention]],
    pool: list[tuple[int, Mention]],
    here: int,
    text: str,
    kb: KnowledgeBase,
    profile: Callable[[str], Entity],
    lexicon: _Lexicon,
    sentence_start: int = 0,
) -> str | None:
    """The nearest antecedent compatible with a descriptor's head, nationality and base."""
    phrase = ref.phrase or " ".join((*ref.modifiers, ref.head))
    listed = {e.name for e in (kb.by_descriptor(phrase) or kb.by_descriptor("the " + phrase))}
    kinds = lexicon.heads.get(ref.head, frozenset({"any"}))
    countries: set[str] = set()
    bases: list[str] = []
    compounds: list[str] = []  # "Franco-Italian-American": one of its countries, or a KB descriptor that says so
    compound_countries: set[str] = set()
    for modifier in ref.modifiers:
        key = normalize_name(modifier)
        if key in lexicon.nationalities:
            countries |= lexicon.nationalities[key]
        elif modifier.lower().endswith(("-based", "-headquartered")):
            bases.append(modifier.rsplit("-", 1)[0])
        elif modifier in name_lexicon().cities and not listed:
            bases.append(modifier)
        elif is_nationality_compound(modifier):
            compounds.append(modifier.lower())
            for part in modifier.split("-"):
                compound_countries |= lexicon.nationalities.get(normalize_name(part), frozenset())
                compound_countries |= {normalize_name(c) for c in lexicon.combining.get(part, ())}

    def compatible(name: str) -> bool:
        if listed:
            return name in listed
        entity = profile(name)
        if entity.kind in _NOT_COMPANIES and ref.head != "fund":
            return False  # "the company" is never a government or a family
        known = entity.in_kb
        # A company found in text has only a guessed kind: vehicle makers of any sort fit each other.
        guessed_fit = not known and (entity.kind == "other" or {entity.kind, *kinds} <= _VEHICLE_KINDS)
        if "any" not in kinds and entity.kind not in kinds and not guessed_fit:
            return False
        if countries and (entity.country or known) and normalize_name(entity.country or "") not in countries:
            return False
        if (
            compounds
            and known
            and normalize_name(entity.country or "") not in compound_countries
            and not any(c in d.lower() for c in compounds for d in entity.descriptors)
        ):
            return False
        return not bases or all(_based_in(entity, base) for base in bases)

    verdicts: dict[str, bool] = {}  # the same few names recur in `before`

    def compatible_once(name: str) -> bool:
        verdict = verdicts.get(name)
        if verdict is None:
            verdict = verdicts[name] = compatible(name)
        return verdict

    candidates = [(i, m) for i, m in reversed(before) if m.entity and compatible_once(m.entity)]
    if (
        not candidates
        and listed
        and not (ref.phrase or _names_something(phrase, lexicon) or _distinctive(text[ref.start : ref.end], lexicon))
        and ref.head not in _RELATIONAL_HEADS
    ):
        # "the electric van maker": a KB entity goes by these common words, but the article speaks of another
        # (never for "the battery subsidiary": a subsidiary of someone, not the company named before)
        listed = set()
        verdicts.clear()
        candidates = [(i, m) for i, m in reversed(before) if m.entity and compatible_once(m.entity)]
    if not ref.modifiers and ref.head not in _RELATIONAL_HEADS:
        # "⟨X⟩, a subsidiary of ⟨Y⟩, announced … the company has crossed …": the owner named in the aside is
        # not what a bare "the company" takes up
        # … nor a company named only inside a subordinate clause ("the land where Ford produced cars until 2021")
        principal = [(i, m) for i, m in candidates if not _in_aside_or_subordinate(text, m, i != here)]
        candidates = principal or candidates
    if _PREPOSITION_BEFORE.search(text[max(0, ref.start - 12) : ref.start]):
        # "Sumitomo now owns 15 percent of the company": an object is not its own clause's subject.
        elsewhere = [(i, m) for i, m in candidates if i != here or _not_a_subject(text, m, ref.start)]
        candidates = elsewhere or candidates
    after = text[ref.end : ref.end + 30]
    if (
        candidates
        and lexicon.reporting.match(after)
        and text[max(0, ref.start - 2) : ref.start].strip() in (",", "”", '"')
    ):
        same = [m for i, m in candidates if i == here]
        if same:
            return _lift(same[-1].entity, ref.head, kb)
    if candidates and _REPORTED_BEFORE.search(text[max(sentence_start, ref.start - 30) : ref.start]):
        # "…, informed the company" / "…, said the company" (translated order): the sentence's subject if it opens
        # on a company, else the company of the sentences before, never an object named in this sentence
        same = [m for i, m in candidates if i == here]
        if same and not text[sentence_start : same[0].start].strip(" \"“'"):
            return _lift(same[0].entity, ref.head, kb)
        candidates = [(i, m) for i, m in candidates if i != here] or candidates
    preferred = lexicon.preferred_kind.get(ref.head)
    if preferred:
        for _, mention in candidates:
            if profile(mention.entity).kind == preferred:
                return mention.entity
    if candidates and ref.head in lexicon.generic_heads:
        # "the company" after "the Mini brand ...": companies are rarely brands.
        companies = [(i, m) for i, m in candidates if profile(m.entity).kind != "brand"]
        candidates = companies or candidates
    if candidates:
        # Subjects persist: the first compatible organisation of the nearest sentence that has one.
        nearest = candidates[0][0]
        in_nearest = [m for i, m in candidates if i == nearest]
        # "Like the Wolfsburg-based group communicated, PowerCo has …": the reporter is not the subject;
        # "… signed with POSCO, under which Cirba will provide …": a prepositional object is no subject either
        subjects = [
            m
            for m in in_nearest
            if not _in_fronted_report(text, m) and not _OBJECT_BEFORE.search(text[max(0, m.start - 25) : m.start])
        ]
        first = (subjects or in_nearest)[-1]
        if ref.head in ("brand", "marque"):
            return _lower(first, kb)
        return _lift(first.entity, ref.head, kb)
    fitting = frozenset({lexicon.preferred_kind[ref.head]}) if ref.head in lexicon.preferred_kind else kinds
    if not listed and len(bases) == 1 and "any" not in fitting:
        # "the Wolfsburg-based group" with no antecedent: the one company of that kind based there
        based = _based_there(kb, bases[0], fitting)
        if based is not None:
            return based
    if listed:
        # A KB descriptor names its entity even when it was mentioned long before, or only so.
        earlier = [m for _, m in pool if m.end <= ref.start and m.entity in listed]
        if earlier:
            return str(earlier[-1].entity)
        if len(listed) == 1 and _distinctive(text[ref.start : ref.end], lexicon):
            # "the Munich-based carmaker", "the Ford-Koc joint venture"; "the battery joint venture" could be any
            return next(iter(listed))
    return None


_FRONTED_REPORT_BEFORE = re.compile(r"(?:^|[.!?]\s+)\W*(?:like|as|according\s+to)\s+(?:[\w’'-]+\s+){0,4}?$", re.IGNORECASE)
_FRONTED_REPORT_AFTER = re.compile(
    r"^[^,.;]{0,40}?\b(?:said|says|communicated|announced|reported|informed|confirmed|stated|explained)\b[^,.;]{0,25},",
    re.IGNORECASE,
)


def _in_fronted_report(text: str, mention: Mention) -> bool:
    """Whether a mention is the reporter of a fronted "Like/As ⟨X⟩ said," clause (translated news)."""
    before = _FRONTED_REPORT_BEFORE.search(text[max(0, mention.start - 60) : mention.start])
    if before is None:
        return False
    after = text[mention.end : mention.end + 60]
    if _ACCORDING_TO_END.search(before.group(0)):
        return after.lstrip().startswith(",")
    return bool(_FRONTED_REPORT_AFTER.match(after))


_OWNER_IN_ASIDE = re.compile(
    r",\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:subsidiary|unit|division|arm|affiliate|daughter|brand|part|member)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$|,\s+(?:(?:wholly|majority|partly)[\s-]+)?(?:owned|controlled)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SUBORDINATE_BEFORE = re.compile(r"\b(?:where|whereas|when)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_RELATIONAL_HEADS = frozenset({"subsidiary", "unit", "division", "arm", "affiliate", "venture", "partner", "parent", "daughter"})


def _in_aside_or_subordinate(text: str, mention: Mention, other_sentence: bool) -> bool:
    """Whether a mention is the owner named in an aside (", a subsidiary of ⟨Y⟩") or, in an earlier
    sentence, a name inside a subordinate clause ("where ⟨Y⟩ produced cars")."""
    window = text[max(0, mention.start - 40) : mention.start]
    # _OWNER_IN_ASIDE opens on a comma: most windows have none and skip the regex.
    if "," in window and _OWNER_IN_ASIDE.search(window):
        return True
    return other_sentence and _SUBORDINATE_BEFORE.search(window) is not None


def _distinctive(phrase: str, lexicon: _Lexicon) -> bool:
    """Whether a descriptor can name a company never mentioned: "the Munich-based carmaker", "Tesla's rival",
    "the Chinese battery giant", never a generic "the market leader" or "the battery subsidiary"."""
    words = phrase.split()[1:] if phrase.lower().startswith(("the ", "this ")) else phrase.split()
    return any(
        w[:1].isupper() or w[:1].isdigit() or "-based" in w or w.endswith(("'s", "’s")) or normalize_name(w) in lexicon.nationalities
        for w in words
    )


_REPORTED_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:to|as)\s+)(?:said|says|informed|reported|announced|explained|confirmed|stated|communicated|"
    r"indicated|added)\s+$",
    re.IGNORECASE,
)


_OBJECT_BEFORE = re.compile(r"\b(?:of|in|into|to|from|with|for|at|on|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")


_OWN_RELATIVE = re.compile(r"\s*,\s*(?:(?:a|an|the)\s+[^,;.]{1,40},\s*)?(?:which|who|that)\b")


def _not_a_subject(text: str, mention: Mention, until: int) -> bool:
    """ "Nissan's top shareholder", "the models of the Chinese Chery": a name that heads no clause of its own
    (unless a relative clause opens after it: "from the fund, which now holds 15 percent of the company")."""
    if _OWN_RELATIVE.match(text, mention.end, until):
        return False
    if text[mention.end : mention.end + 2] in ("'s", "’s"):
        return True
    return bool(_OBJECT_BEFORE.search(text[max(0, mention.start - 40) : mention.start]))


def _based_there(kb: KnowledgeBase, base: str, kinds: frozenset[str]) -> str | None:
    """The only KB entity of one of these kinds with its headquarters in `base` (None if none or several)."""
    key = normalize_name(base)
    found = {e.name for e in kb if e.kind in kinds and e.hq and normalize_name(e.hq) == key}
    return next(iter(found)) if len(found) == 1 else None


def _names_something(phrase: str, lexicon: _Lexicon) -> bool:
    """Whether a descriptor carries a name ("Sony-Honda joint venture", "Afeela maker"), not only common words
    and nationalities ("battery joint venture", "Turkish carmaker")."""
    return any(
        any(c.isupper() for c in word) and normalize_name(word) not in lexicon.nationalities
        for word in phrase.split()
    )


def _lift(name: str, head: str, kb: KnowledgeBase) -> str:
    """ "the group" after a brand name means the brand's group."""
    if head != "group":
        return name
    entity = kb.resolve(name)
    if entity is not None and entity.name == name and entity.kind == "brand":
        parent = kb.parent(entity.id)
        if parent is not None and parent.kind == "group":
            return parent.name
    return name


def _lower(mention: Mention, kb: KnowledgeBase) -> str:
    """ "the brand" after a group linked from a shared name ("BMW") means the brand of that name."""
    entity = kb.resolve(mention.entity)
    if entity is not None and entity.name == mention.entity and entity.kind == "group":
        key = normalize_name(mention.text.removesuffix("'s").removesuffix("’s"))
        for child in kb.children(entity.id):
            if child.kind == "brand" and key in {normalize_name(n) for n in (child.name, *child.aliases)}:
                return child.name
    return mention.entity


def _based_in(entity: Entity, base: str) -> bool:
    """Whether "<base>-based" fits an entity (its HQ city or country); unknown companies always fit."""
    if not entity.in_kb and entity.hq is None:
        return True
    key = normalize_name(base)
    if entity.hq and normalize_name(entity.hq) == key:
        return True
    place = lookup_place(base)
    if place is not None and entity.country:
        country = _country_key(entity.country)
        return _country_key(place[0]) == country or _country_key(place[2] or "") == country
    return False


def _country_key(name: str) -> str:
    """A country in one spelling whatever the source writes ("United States", "US", "USA" -> "us")."""
    place = lookup_place(name)
    return normalize_name(place[0] if place is not None and place[1] == "country" else name)


def _means_thing(
    doc: Document, ref: _Reference, here: int, before: list[tuple[int, Mention]], lexicon: _Lexicon
) -> bool:
    """Whether "It"/"its" takes up a thing that opened the sentence, not an organisation: "This
    electric pickup will be built in Ohio. It will remain ...", "The plant, which Kestrel owns, has its
    own ..."."""
    sentence = doc.sentences[here]
    text = doc.text
    in_sentence = [m for i, m in before if i == here]
    if in_sentence or text[sentence.start : ref.start].strip():
        # Within a sentence: the opening thing wins unless an organisation opens the sentence.
        opening = sentence
        if in_sentence and in_sentence[0].start - sentence.start < 5:
            return False
        if not text[sentence.start : ref.start].strip():
            return False
    else:
        if here == 0:
            return False
        opening = doc.sentences[here - 1]
        first = next((m for i, m in before if i == here - 1), None)
        if first is not None and first.start - opening.start < 5:
            return False
    match = lexicon.thing_subject.match(opening.text)
    if match is None:
        return False
    thing_end = opening.start + match.end()
    organisations = [m for _, m in before if opening.start <= m.start < thing_end]
    return not organisations


_SAID_IT = re.compile(
    r"\s+(?:said|says|announced|announces|added|reported|reports|stated|confirmed|confirms|expects|expected|"
    r"told\s+[\w\s]{1,30}?|noted|explained|disclosed|revealed)(?:\s+on\s+\w+)?(?:\s+that)?\s+$",
    re.IGNORECASE,
)


def _reporting_subject(text: str, ref: _Reference, before: list[tuple[int, Mention]], here: int) -> str | None:
    """ "…, while Mahindra said it had received 30,179 bookings": "it" right after "⟨X⟩ said" is X."""
    if text[ref.start : ref.end].lower() != "it":
        return None
    for i, mention in reversed(before):
        if i != here or not mention.entity or mention.end > ref.start or ref.start - mention.end > 60:
            continue
        if _SAID_IT.fullmatch(text, mention.end, ref.start):
            return mention.entity
        return None
    return None


_COORDINATED_ITS = re.compile(r"\s+(?:and|&|as\s+well\s+as|plus)\s+$", re.IGNORECASE)


# "⟨X⟩, through its subsidiary ⟨C⟩, builds …"; "a venture of ⟨A⟩ and ⟨B⟩ through its unit ⟨C⟩"
_INSTRUMENT_ITS = re.compile(r"(?P<comma>\s*,)?\s+(?:through|via|by\s+way\s+of)\s+$", re.IGNORECASE)
# "the ⟨Stellantis⟩ group, through its …": a head noun after the name
_HEADED_INSTRUMENT_ITS = re.compile(
    r"\s+(?:group|company|corporation|concern|carmaker|automaker)" + _INSTRUMENT_ITS.pattern, re.IGNORECASE
)
_LAST_OF_LIST = re.compile(r"(?:,|\band|&)\s+(?:the\s+)?$", re.IGNORECASE)
_OBJECT_OF_PREPOSITION = re.compile(
    r"\b(?:of|from|in|at|to|with|for|by|on|into|than)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?$", re.IGNORECASE
)


def _instrument_gap(text: str, ref: _Reference, before: list[tuple[int, Mention]], here: int) -> re.Match[str] | None:
    """ "⟨X⟩, through its" (an aside of X's) or "⟨A⟩ and ⟨X⟩ through its" (the last of a list): "its" is X's;
    a bare "⟨A⟩ sells to ⟨X⟩ through its dealers" keeps its subject."""
    for pattern in (_INSTRUMENT_ITS, _HEADED_INSTRUMENT_ITS):
        gap = pattern.search(text, max(0, ref.start - 32), ref.start)
        named = [m for i, m in before if gap and i == here and m.end == gap.start() and m.entity]
        if gap is None or not named:
            continue
        head = named[-1].start
        if gap.group("comma") and _OBJECT_OF_PREPOSITION.search(text, max(0, head - 16), head):
            continue  # "the old factory of ⟨X⟩, through its alliance …": X is no subject
        if gap.group("comma") or _LAST_OF_LIST.search(text, max(0, head - 8), head):
            return gap
    return None


def _coordinated_possessor(text: str, ref: _Reference, before: list[tuple[int, Mention]], here: int) -> str | None:
    """ "to Tata Motors and its UK arm Jaguar Land Rover": "its" right after "⟨X⟩ and" is X's."""
    if text[ref.start : ref.end].lower() != "its":
        return None
    gap = _COORDINATED_ITS.search(text, max(0, ref.start - 16), ref.start) or _instrument_gap(text, ref, before, here)
    if gap is None:
        return None
    for i, mention in reversed(before):
        if i == here and mention.end == gap.start() and mention.entity:
            return mention.entity
    return None


_RELATIVE = re.compile(r"\b(?:that|which|who|whom|where)\s+", re.IGNORECASE)


def _relative_subject(
    text: str, sentence_start: int, position: int, before: list[tuple[int, Mention]], here: int
) -> str | None:
    """In "…, a small SUV that Kia will build at its plant", "its" belongs to the relative clause's subject; in
    "⟨X⟩, which counts ⟨Y⟩ as its shareholder", to the clause's antecedent (else to the sentence's subject)."""
    markers = list(_RELATIVE.finditer(text, sentence_start, position))
    if not markers or "," in text[markers[-1].end() : position]:
        return None  # no relative clause, or it closed before the pronoun
    start = markers[-1].end()
    inside = [m for i, m in before if i == here and m.entity and m.start >= start and m.via != "coref"]
    if not inside:
        return None
    if _ARTICLE_ONLY.fullmatch(text[start : inside[0].start]):
        return inside[0].entity
    # "⟨X⟩, which counts ⟨Y⟩ as its majority shareholder": a verb opens the clause, whose subject is ⟨X⟩
    antecedent = [
        m
        for i, m in before
        if i == here and m.entity and m.end <= markers[-1].start() and not text[m.end : markers[-1].start()].strip(" ,")
    ]
    return antecedent[-1].entity if antecedent else None


def _subject(before: list[tuple[int, Mention]], here: int, text: str = "") -> str | None:
    """The first organisation of the nearest sentence that has one (the likely subject), past the reporter of a
    fronted "Like ⟨X⟩ said," clause."""
    singular = [(i, m) for i, m in before if m.entity]
    if not singular:
        return None
    nearest = max(i for i, _ in singular)
    in_nearest = [m for i, m in singular if i == nearest]
    return next((m.entity for m in in_nearest if not _in_fronted_report(text, m)), in_nearest[0].entity)


_COORDINATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?", re.IGNORECASE)


def _coordinations(
    text: str, named: list[Mention], sentence_of: Callable[[int], int]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Named organisations listed together ("Honda and Nissan", "⟨A⟩, ⟨B⟩ and ⟨C⟩"): (sentence, end, names)."""
    groups: list[tuple[int, int, tuple[str, ...]]] = []
    run: list[Mention] = []
    for mention in [*named, None]:
        if mention is not None and run and _COORDINATOR.fullmatch(text, run[-1].end, mention.start):
            run.append(mention)
            continue
        names = tuple(dict.fromkeys(m.entity for m in run))
        if len(names) >= 2:
            groups.append((sentence_of(run[0].start), run[-1].end, names))
        run = [mention] if mention is not None else []
    return groups


def _group(
    before: list[tuple[int, Mention]],
    here: int,
    ref: _Reference,
    groups: list[tuple[int, int, tuple[str, ...]]],
) -> list[str]:
    """The organisations a plural reference points at, in text order. Companies listed together or already
    referred to as a group ("⟨A⟩ and ⟨B⟩ said … ⟨C⟩ … The two companies", "the two companies … their") are
    meant where that group is in the nearest sentence that names a company; else the most recent companies."""
    singular = [(i, m) for i, m in before if m.entity]
    if not singular:
        return []
    nearest = max(i for i, _ in singular)
    numbered = ref.count > 0 and ref.kind != "plural_pronoun"
    listed = [g for i, _, g in groups if i >= nearest and (len(g) == ref.count or not numbered)]
    if not listed and nearest == here:
        # "⟨C⟩ is owned by the two truck makers": a company of the reference's own sentence that is listed
        # with no partner is the subject, not one of the group; the group is the one named before.
        previous = max((i for i, _ in singular if i < here), default=None)
        if previous is not None:
            listed = [g for i, _, g in groups if i >= previous and (len(g) == ref.count or not numbered)]
    if listed:
        return list(listed[-1])
    if not numbered:
        for index in sorted({i for i, _ in singular}, reverse=True):
            names = list(dict.fromkeys(m.entity for i, m in singular if i == index))
            if len(names) >= 2 or ref.kind == "plural_pronoun":
                return names
        return []
    recent: list[str] = []
    for _, mention in reversed(singular):
        if mention.entity not in recent:
            recent.append(mention.entity)
        if len(recent) == ref.count:
            break
    order = {name: min(m.start for _, m in singular if m.entity == name) for name in recent}
    return sorted(recent, key=order.__getitem__)
