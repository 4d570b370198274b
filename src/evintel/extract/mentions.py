"""Named organisation mentions: KB names via the gazetteer, and companies the KB does not know,
recognised from their context ("Kestrel Motors Inc.", "startup Voltra", "Qinlong, a battery maker").

`annotate()` runs the whole mention stage: sentences -> named mentions -> coreference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from evintel.extract.document import Document, Sentence
from evintel.extract.lexicon import load_lexicon
from evintel.extract.places import lookup_place
from evintel.extract.sentences import split_sentences
from evintel.models import Article, Entity, Mention
from evintel.resolve.kb import KnowledgeBase, load_kb, normalize_name, slugify
from evintel.resolve.linking import NameMatch, choose_entity, gazetteer_for, is_ambiguous

_CAP_TOKEN = r"[A-ZÀ-ÖØ-Þ](?:[\w&]|[-’'./](?=\w))*"
_CAP_SEQUENCE = re.compile(rf"{_CAP_TOKEN}(?:[ \u00a0](?:&[ \u00a0])?{_CAP_TOKEN})*")
_CAP_WORD = re.compile(_CAP_TOKEN)

# Name heads and role nouns that tell what kind of company an unknown name is.
_HEAD_KINDS = {
    "automaker": {
        "motors",
        "motor",
        "auto",
        "autos",
        "automotive",
        "automobile",
        "automobiles",
        "cars",
        "trucks",
        "vans",
        "buses",
        "carmaker",
        "automaker",
        "car-maker",
        "motorworks",
    },
    "startup": {"startup", "start-up", "upstart", "newcomer", "mobility"},
    "battery_maker": {"batteri", "batterie", "battery", "batteries", "cells", "cell"},
    "raw_materials": {
        "mining",
        "lithium",
        "nickel",
        "cobalt",
        "graphite",
        "minerals",
        "metals",
        "resources",
        "miner",
        "refiner",
    },
    "recycler": {"recycling", "recycler"},
    "charging": {"charging"},
    "investor": {"capital", "ventures", "partners", "investments", "fund", "investor", "lender"},
    "supplier": {
        "supplier",
        "antriebe",
        "components",
        "drive",
        "drives",
        "electronics",
        "systems",
        "specialist",
    },
}


@dataclass(frozen=True, slots=True)
class _Lexicon:
    surnames: frozenset[str]
    first_names: frozenset[str]
    person_titles: frozenset[str]
    legal_suffixes: frozenset[str]
    name_heads: frozenset[str]
    name_prefixes: frozenset[str]
    not_names: frozenset[str]
    cities: frozenset[str]
    nationalities: dict[str, tuple[str, ...]]
    roles: frozenset[str]
    apposition_after: re.Pattern[str]
    subject_after: re.Pattern[str]
    cue_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_lexicon("org_names")
    appositions = "|".join(re.escape(w) for w in sorted(data["apposition_nouns"], key=len, reverse=True))
    verbs = "|".join(re.escape(w) for w in sorted(set(data["subject_verbs"]), key=len, reverse=True))
    return _Lexicon(
        surnames=frozenset(normalize_name(w) for w in data["surnames"]),
        first_names=frozenset(data["first_names"]),
        person_titles=frozenset(data["person_titles"]),
        legal_suffixes=frozenset(data["legal_suffixes"]),
        name_heads=frozenset(data["name_heads"]),
        name_prefixes=frozenset(data["name_prefixes"]),
        not_names=frozenset(data["not_names"]),
        cities=frozenset(data["cities"]),
        nationalities={k: tuple(v) for k, v in data["nationalities"].items()},
        roles=frozenset(data["role_nouns"]),
        apposition_after=re.compile(
            rf"^,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,4}}?({appositions})\b(?!\s+(?:of|for)\s+(?:the\s+)?[A-Z])"
        ),
        subject_after=re.compile(rf"^(?:,\s+)?\s+(?:also\s+|has\s+|had\s+|now\s+)?({verbs})\b"),
        cue_after=re.compile(rf"^(?:['’]s\b|\s+(?:brand|brands|{verbs})\b)"),
    )


def annotate(article: Article, kb: KnowledgeBase | None = None) -> Document:
    """Split an article into sentences and find its named and coreferent organisation mentions."""
    from evintel.extract.coref import resolve_coreference

    kb = kb if kb is not None else load_kb()
    doc = Document(article, split_sentences(article))
    doc.mentions = find_mentions(doc, kb)
    extra = resolve_coreference(doc, kb)
    doc.mentions = sorted([*doc.mentions, *extra], key=lambda m: (m.start, m.end))
    return doc


def find_mentions(doc: Document, kb: KnowledgeBase) -> list[Mention]:
    """Named organisation mentions (KB names and unknown companies), sorted by start offset."""
    kb_mentions, words = _kb_mentions(doc, kb)
    unknown = _unknown_mentions(doc, [*((m.start, m.end) for m in kb_mentions), *words])
    return sorted([*kb_mentions, *unknown], key=lambda m: (m.start, m.end))


# --- KB names -------------------------------------------------------------------------------------


def _kb_mentions(doc: Document, kb: KnowledgeBase) -> tuple[list[Mention], list[tuple[int, int]]]:
    """KB names accepted as mentions, and the spans of ambiguous ones judged to be ordinary words."""
    gazetteer = gazetteer_for(kb)
    text = doc.text
    accepted: list[tuple[NameMatch, Sentence]] = []
    pending: list[tuple[NameMatch, Sentence]] = []
    for sentence in doc.sentences:
        matches = gazetteer.find(sentence.text, offset=sentence.start)
        if not matches:
            continue
        headline = _is_title_case(sentence.text)
        for i, match in enumerate(matches):
            if _is_person(text, match, matches[i - 1] if i else None, sentence):
                continue
            if (
                is_ambiguous(match.alias)
                and (headline or _at_sentence_start(text, match, sentence))
                and not _lexicon().cue_after.match(text[match.end : match.end + 40])
            ):
                pending.append((match, sentence))
                continue
            accepted.append((match, sentence))
    # An ambiguous word opening a sentence ("Smart", "Mini") counts if the article names it elsewhere.
    confirmed = {e.id for match, _ in accepted for e in match.entities}
    accepted += [(m, s) for m, s in pending if any(e.id in confirmed for e in m.entities)]
    mentions = []
    for match, _sentence in accepted:
        entity = choose_entity(match.entities, kb, text, match.start, match.end)
        mentions.append(Mention(match.start, match.end, match.text, entity.name, "kb"))
    words = [(m.start, m.end) for m, _ in pending if not any(e.id in confirmed for e in m.entities)]
    return mentions, words


def _at_sentence_start(text: str, match: NameMatch, sentence: Sentence) -> bool:
    return not text[sentence.start : match.start].strip(" \"“'‘(")


def _last_word(text: str) -> str:
    """The word right before the end of `text` if only a space separates them ("" otherwise)."""
    if not text.endswith((" ", "\u00a0")):
        return ""
    word = text.rstrip().rpartition(" ")[2]
    return word


def _is_title_case(sentence: str) -> bool:
    """A headline written in title case ("Mini Sales Slump As Smart Gains"), where capitals say nothing."""
    if sentence.rstrip()[-1:] in ".!?":
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _is_person(text: str, match: NameMatch, previous: NameMatch | None, sentence: Sentence) -> bool:
    """ "Henry Ford", "Mate Rimac": a surname-like KB name right after a capitalised given name."""
    word = _last_word(text[max(sentence.start, match.start - 30) : match.start])
    if not word[:1].isupper() or (previous is not None and previous.end >= match.start - 1):
        return False
    lexicon = _lexicon()
    if word in lexicon.first_names:
        return True
    if normalize_name(match.text) not in lexicon.surnames:
        return False
    word_start = match.start - 1 - len(word)
    return word_start > sentence.start and not _is_common(word)


def _is_common(word: str) -> bool:
    """Capitalised words that are not names: function words, months, nationalities, places."""
    lexicon = _lexicon()
    return (
        word in lexicon.not_names
        or word in lexicon.nationalities
        or word in lexicon.cities
        or lookup_place(word) is not None
    )


# --- companies the KB does not know ---------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    name: str  # canonical: the name without its legal suffix
    forms: set[str]  # surface forms to look for in the whole article
    cue: str = ""  # role noun or name head that revealed it
    subject_count: int = 0
    strong: bool = False


def _unknown_mentions(doc: Document, known: list[tuple[int, int]]) -> list[Mention]:
    text = doc.text
    lexicon = _lexicon()
    taken = bytearray(len(text))  # 1 where a KB mention lies
    for start, end in known:
        taken[start:end] = b"\x01" * (end - start)
    persons: set[str] = set()
    found: dict[str, _Found] = {}

    def add(name: str, surface: str, cue: str, strong: bool) -> None:
        item = found.setdefault(name, _Found(name, {name}))
        item.forms.add(surface)
        item.cue = item.cue or cue
        if strong:
            item.strong = True
        else:
            item.subject_count += 1

    for sentence in doc.sentences:
        headline = _is_title_case(sentence.text)
        for sequence in _CAP_SEQUENCE.finditer(sentence.text):
            seq_start = sentence.start + sequence.start()
            tokens = [
                (seq_start + t.start(), seq_start + t.end()) for t in _CAP_WORD.finditer(sequence.group())
            ]
            for part in _split_at(tokens, taken):
                _classify(text, part, sentence, headline, persons, add)
    del lexicon
    if not found:
        return []
    known_forms: dict[str, str] = {}
    for item in found.values():
        if not item.strong and item.subject_count < 2:
            continue
        for form in sorted(item.forms, key=len, reverse=True):
            known_forms.setdefault(form, item.name)
        short = _short_form(item.name)
        if short and short not in persons:
            known_forms.setdefault(short, item.name)
    if not known_forms:
        return []
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(known_forms, key=len, reverse=True))
        + r")(?!\w)"
    )
    mentions = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if taken.find(1, start, end) >= 0:
            continue
        mentions.append(Mention(start, end, match.group(), known_forms[match.group()], "pattern"))
    return mentions


def _split_at(tokens: list[tuple[int, int]], taken: bytearray) -> list[list[tuple[int, int]]]:
    """Runs of tokens not covered by KB mentions."""
    parts: list[list[tuple[int, int]]] = [[]]
    for start, end in tokens:
        if taken.find(1, start, end) >= 0:
            parts.append([])
        else:
            parts[-1].append((start, end))
    return [p for p in parts if p]


def _classify(
    text: str,
    part: list[tuple[int, int]],
    sentence: Sentence,
    headline: bool,
    persons: set[str],
    add: Callable[[str, str, str, bool], None],
) -> None:
    """Decide whether a run of capitalised tokens names a company, and register it."""
    lexicon = _lexicon()
    words = [text[s:e] for s, e in part]
    before = text[max(sentence.start, part[0][0] - 40) : part[0][0]]
    # Persons: "chief executive Jan Holm", "Jochen Goller" (known given name).
    title = _last_word(before)
    lead = 0
    while lead < len(words) and (words[lead] in lexicon.not_names or words[lead] in lexicon.nationalities):
        lead += 1
    if lead < len(words) and (
        words[lead] in lexicon.first_names
        or (title in lexicon.person_titles and lead == 0 and len(words) <= 3)
    ):
        if len(words) - lead >= 2 or words[lead] not in lexicon.first_names:
            persons.update(words[lead:])
        return
    words, part = words[lead:], part[lead:]
    # "Korea's Daesan Electric": a place in the possessive is not part of the name.
    if len(words) > 1 and words[0].endswith(("'s", "’s")) and _is_common(words[0][:-2]):
        words, part = words[1:], part[1:]
    if not words or lookup_place(" ".join(words)) is not None:
        return
    if lead:
        before = text[max(sentence.start, part[0][0] - 40) : part[0][0]]
    after = text[part[-1][1] : part[-1][1] + 80]
    # "Kestrel Motors Inc.", "Brightline Mobility Ltd": a legal suffix ends the name.
    for k in range(1, len(words)):
        if words[k] in lexicon.legal_suffixes or words[k] + "." in lexicon.legal_suffixes:
            name_words = words[:k]
            if _distinctive(name_words):
                name_end = part[k - 1][1]
                end = part[k][1]
                while k + 1 < len(words) and words[k + 1] in lexicon.legal_suffixes:
                    k += 1
                    end = part[k][1]
                if text[end : end + 1] == "." and words[k] + "." in lexicon.legal_suffixes:
                    end += 1
                add(text[part[0][0] : name_end], text[part[0][0] : end], "suffix", True)
            return
    # "Groupe Delmont": a corporate prefix starts the name.
    if words[0] in lexicon.name_prefixes and len(words) >= 2 and _distinctive(words[1:2]):
        add(text[part[0][0] : part[1][1]], text[part[0][0] : part[1][1]], "prefix", True)
        return
    # "Nordvik Batteri", "Huoyan Motors": a corporate head word ends the name.
    for h in range(1, len(words)):
        if words[h] in lexicon.name_heads and _distinctive(words[:h]):
            while h + 1 < len(words) and words[h + 1] in lexicon.name_heads:
                h += 1
            name = text[part[0][0] : part[h][1]]
            add(name, name, words[h].lower(), True)
            return
    if headline:
        return
    name_words = _trim(words)
    if not name_words or not _distinctive(name_words):
        return
    name = text[part[0][0] : part[len(name_words) - 1][1]]
    role = _last_word(before)
    if role in lexicon.roles:
        add(name, name, role, True)
        return
    if len(name_words) == len(words):
        apposition = lexicon.apposition_after.match(after)
        if apposition:
            add(name, name, apposition.group(1), True)
            return
        if lexicon.subject_after.match(after):
            add(name, name, "", False)


def _trim(words: list[str]) -> list[str]:
    """The leading name words, up to a title or common word ("Arvent Chief Executive" -> "Arvent")."""
    lexicon = _lexicon()
    kept: list[str] = []
    for word in words:
        if word in lexicon.person_titles or word in lexicon.not_names or len(kept) >= 3:
            break
        kept.append(word)
    return kept


def _distinctive(words: list[str]) -> bool:
    """At least one word that could be a company's own name (not a common word, place or model code)."""
    lexicon = _lexicon()
    for word in words:
        bare = word.rstrip(".")
        if (
            len(bare) < 2
            or any(c.isdigit() for c in bare)
            or bare in lexicon.name_heads
            or bare in lexicon.legal_suffixes
            or bare in lexicon.name_prefixes
            or _is_common(bare)
        ):
            continue
        return True
    return False


def _short_form(name: str) -> str | None:
    """The short name later sentences use: "Kestrel" for "Kestrel Motors", "Delmont" for "Groupe Delmont"."""
    lexicon = _lexicon()
    words = name.split()
    if len(words) < 2:
        return None
    first = words[1] if words[0] in lexicon.name_prefixes else words[0]
    if not _distinctive([first]) or first in lexicon.first_names:
        return None
    return first


def describe_unknown(doc: Document, name: str) -> Entity:
    """An Entity for a company found in text, with the kind, country and HQ its context gives."""
    lexicon = _lexicon()
    kind = "other"
    country = hq = None
    for word in name.lower().split():
        kind = next((k for k, heads in _HEAD_KINDS.items() if word in heads), kind)
    text = doc.text
    for mention in doc.mentions:
        if mention.entity != name or mention.via != "pattern":
            continue
        window = text[max(0, mention.start - 60) : mention.start] + " " + text[mention.end : mention.end + 80]
        for word in re.findall(r"[\w’'-]+", window):
            if kind == "other":
                kind = next((k for k, heads in _HEAD_KINDS.items() if word.lower() in heads), kind)
            if country is None and word in lexicon.nationalities:
                country = lexicon.nationalities[word][0]
            if hq is None and word.endswith("-based"):
                hq = word[: -len("-based")]
    return Entity(id=slugify(name), name=name, kind=kind, country=country, hq=hq, in_kb=False)
