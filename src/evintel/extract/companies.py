"""Companies the KB does not know, recognised from their form and context: a legal suffix ("Kestrel
Motors Inc."), a corporate head word ("Nordvik Batteri", "Hartwell Capital", "Hefei Industrial Investment
Fund"), a corporate prefix ("Groupe Delmont", "Fondo Aurora"), a role noun before ("startup Voltra",
"the Hartmann-daughter Sensoria"), an apposition after ("Tavora, a Shenzhen-based maker"), a compound
naming a parent ("the Delmont-daughter ...", "the Delmont group"), or a recurring subject. Families that
hold shares ("the Castellari family", "the founding Ibarra family") are found here too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from evintel.extract.document import Document
from evintel.extract.naming import (
    CAP_SEQUENCE,
    CAP_WORD,
    find_names,
    is_common,
    is_place_word,
    is_title_case,
    last_word,
    name_lexicon,
    role_of,
)
from evintel.extract.places import lookup_place, place_heads
from evintel.models import Entity, Mention
from evintel.resolve.kb import slugify

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
    "investor": {
        "capital",
        "ventures",
        "partners",
        "investments",
        "investment",
        "invest",
        "fund",
        "fondo",
        "fonds",
        "investor",
        "lender",
        "beteiligungs",
        "beteiligungen",
        "equity",
    },
    "supplier": {
        "supplier",
        "antriebe",
        "components",
        "drive",
        "drives",
        "electronics",
        "elektronik",
        "systems",
        "specialist",
    },
}
# Each head word's kind, for one lookup per word (reversed: the first kind listing a word wins).
_KIND_OF_HEAD = {head: kind for kind, heads in reversed(_HEAD_KINDS.items()) for head in heads}
# "the Delmont-daughter Delsoft": a hyphenated role after a name names that name's parent company.
_PARENT_COMPOUND = re.compile(r"^-(?:[a-z]+-)?(?:daughter|subsidiary|sister|tochter|unit|affiliate)\b")
# "the Delmont group", "the Tata group said": a lower-case company noun right after the name.
_NOUN_AFTER = re.compile(r"^\s+(?:group|concern|conglomerate|holding|carmaker|automaker)\b(?!\s+of\b)")
_FAMILY = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+and\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)?)\s+(?P<noun>famil(?:y|ies))\b"
    r"|(?<![\w-])(?:[Ff]ounder|[Ff]ounding|[Oo]wner|[Cc]ontrolling)\s+family\s+(?P<after>[A-ZÀ-ÖØ-Þ][\w’'-]+)"
)


@dataclass(slots=True)
class _Found:
    name: str  # canonical: the name without its legal suffix
    forms: set[str]  # surface forms to look for in the whole article
    cue: str = ""  # role noun or name head that revealed it
    subject_count: int = 0
    strong: bool = False


def find_companies(doc: Document, known: list[tuple[int, int]]) -> list[Mention]:
    """Mentions (via="pattern") of companies the KB does not know, outside the `known` spans."""
    text = doc.text
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

    sentences = [s for s in doc.sentences if not s.boilerplate]
    starts = [s.start for s in sentences]
    headlines: dict[int, bool] = {}  # by sentence, for the sentences with a capitalised run
    not_names = name_lexicon().not_names
    # One scan of the whole text; each run is judged within its sentence.
    for sequence in CAP_SEQUENCE.finditer(text):
        seq_start, seq_end = sequence.span()
        i = bisect.bisect_right(starts, seq_start) - 1
        if i < 0 or seq_end > sentences[i].end:
            continue
        run = sequence.group()
        if " " not in run and run in not_names:
            continue  # "The", "In", "However": most runs are one common word
        tokens = [(seq_start + t.start(), seq_start + t.end()) for t in CAP_WORD.finditer(run)]
        headline = headlines.get(i)
        if headline is None:
            headline = headlines[i] = is_title_case(sentences[i].text)
        # Most runs hold no KB name: then the whole run is the one part.
        parts = [tokens] if taken.find(1, seq_start, seq_end) < 0 else _split_at(tokens, taken)
        for part in parts:
            _classify(text, part, sentences[i].start, headline, persons, add, taken)
    if not found:
        return []
    known_forms: dict[str, str] = {}
    kept = [item for item in found.values() if item.strong or item.subject_count >= 2]
    # "Hartmann" (from "the Hartmann-daughter") is the short form of "Hartmann Elektronik" named elsewhere.
    full_of = {short: item.name for item in kept if (short := _short_form(item.name))}
    for item in kept:
        name = full_of.get(item.name, item.name)
        for form in sorted(item.forms, key=len, reverse=True):
            known_forms.setdefault(form, name)
        short = _short_form(item.name)
        if short and short not in persons:
            known_forms.setdefault(short, item.name)
    if not known_forms:
        return []
    mentions = []
    for start, end in find_names(text, known_forms, hyphen_ends=False):
        if taken.find(1, start, end) >= 0:
            continue
        surface = text[start:end]
        mentions.append(Mention(start, end, surface, known_forms[surface], "pattern"))
    return mentions


def find_families(text: str, known: list[tuple[int, int]]) -> list[Mention]:
    """Families that hold shares: "the Wallin family", "the founding Oh family", "the founder family
    Castellari" -> mentions (via="family") of "Wallin family", "Oh family", "Castellari family"."""
    if "famil" not in text:
        return []
    found = []
    for match in _FAMILY.finditer(text):
        group = "name" if match.group("name") else "after"
        name = match.group(group)
        first = name.split()[0]
        if is_common(first) or first in name_lexicon().first_names:
            continue
        noun = "families" if match.group("noun") == "families" else "family"
        start, end = (match.start(), match.end()) if group == "name" else match.span("after")
        if any(s < end and start < e for s, e in known) and group == "after":
            continue
        found.append(Mention(start, end, text[start:end], f"{name} {noun}", "family"))
    return found


def _split_at(tokens: list[tuple[int, int]], taken: bytearray) -> list[list[tuple[int, int]]]:
    """Runs of tokens not covered by KB mentions."""
    parts: list[list[tuple[int, int]]] = [[]]
    for start, end in tokens:
        if taken.find(1, start, end) >= 0:
            parts.append([])
        else:
            parts[-1].append((start, end))
    return [p for p in parts if p]


# "a joint venture between ⟨Northvolt⟩ and Norsk Hydro", "with ⟨CATL⟩, Farasis and …": a name listed beside a
# known company after a preposition of dealing is another company.
_DEALING_LIST = re.compile(
    r"\b(?:between|with|by|from|to|of|and)\s+(?:the\s+)?(?:[\w’'&.-]+\s+){0,3}?\x00(?:\s*,\s*|\s+(?:and|&)\s+)$"
)


# "a round led by Leitmotif", "with participation from Quadrant", "renewed its contract with WEG": who leads a
# round or is the other side of a deal is a company (persons and places are ruled out before).
_DEAL_CUE = re.compile(
    r"(?:\b(?:round|financing|funding|investment|raise)\s+(?:was\s+|is\s+)?(?:led|co-led|headed)\s+by"
    r"|\bparticipation\s+(?:from|of|by)"
    r"|\b(?:contract|agreement|deal|partnership|cooperation|collaboration|alliance|memorandum|MoU|MOU|pact)\s+with)"
    r"\s+(?:the\s+)?(?:existing\s+|new\s+)?$",
)


_LOCATIVE_BEFORE = re.compile(r"(?:(\w+)\s+)?\b(?:in|at|near|outside)\s+$")
# "a stake in Motores Bajío, a maker of …": after these words "in" names a company, not a place
_HOLDING_WORDS = frozenset(
    {
        "stake",
        "stakes",
        "interest",
        "share",
        "shares",
        "invest",
        "invests",
        "invested",
        "investing",
        "investment",
        "investments",
        "holding",
        "holdings",
        "position",
    }
)
_BRACKET_OPEN = re.compile(r"\s*\(\s*[\"“]?")
_BRACKET_CLOSE = re.compile(r"[\"”]?\s*\)")
_LIST_GAP = re.compile(r"(?:\s*,\s*|\s+(?:and|&)\s+)$")
_CONTEXT_WORD = re.compile(r"[\w’'-]+")


def _bracketing_known(text: str, end: int, taken: bytearray) -> bool:
    """Whether a capitalised run is followed by a known company in brackets: "Ningde Times (CATL)"."""
    opened = _BRACKET_OPEN.match(text, end)
    if opened is None or opened.end() >= len(text) or not taken[opened.end()]:
        return False
    close = opened.end()
    while close < len(text) and taken[close]:
        close += 1
    return _BRACKET_CLOSE.match(text[close : close + 3]) is not None


def _coordinated_with_known(text: str, start: int, sentence_start: int, taken: bytearray) -> bool:
    """Whether a capitalised run follows "between/with ⟨known company⟩ and" (the known one is in `taken`)."""
    gap = _LIST_GAP.search(text[max(sentence_start, start - 8) : start])
    if gap is None:
        return False
    known_end = start - len(gap.group(0))
    if known_end <= sentence_start or not taken[known_end - 1]:
        return False
    known_start = known_end
    while known_start > sentence_start and taken[known_start - 1]:
        known_start -= 1
    window = text[max(sentence_start, known_start - 40) : known_start] + "\x00" + gap.group(0)
    return _DEALING_LIST.search(window) is not None


def _classify(
    text: str,
    part: list[tuple[int, int]],
    sentence_start: int,
    headline: bool,
    persons: set[str],
    add: Callable[[str, str, str, bool], None],
    taken: bytearray,
) -> None:
    """Decide whether a run of capitalised tokens names a company, and register it (`taken`: 1 where a KB
    mention lies)."""
    lexicon = name_lexicon()
    run_start, run_end = part[0][0], part[-1][1]
    words = [text[s:e] for s, e in part]
    before = text[max(sentence_start, part[0][0] - 40) : part[0][0]]
    corporate = any(
        w in lexicon.name_heads or w in lexicon.legal_suffixes or w in lexicon.name_prefixes for w in words
    )
    lead = 0
    while lead < len(words) and words[lead] in lexicon.not_names and words[lead] not in lexicon.name_prefixes:
        lead += 1
    # "Startup Velora Motors raised …": a role noun capitalised only because it opens the sentence.
    if (
        lead == 0
        and len(words) > 1
        and words[0].lower() in lexicon.roles
        and not text[sentence_start : part[0][0]].strip(" \"“'‘(")
    ):
        lead = 1
    # "Hefei Industrial Investment Fund", "Finnish Minerals Group": a place word and finance heads.
    if not headline and _place_led(words[lead:]):
        last = lead + _place_led(words[lead:])
        name = text[part[lead][0] : part[last - 1][1]]
        add(name, name, words[last - 1].lower(), True)
        return
    while lead < len(words) and words[lead] in lexicon.nationalities:
        lead += 1
    # Persons: "chief executive Jan Holm", "Jochen Goller" (known given name); never a corporate name.
    title = last_word(before)
    if (
        not corporate
        and lead < len(words)
        and (
            words[lead] in lexicon.first_names
            or (title in lexicon.person_titles and lead == 0 and len(words) <= 3)
        )
    ):
        if len(words) - lead >= 2 or words[lead] not in lexicon.first_names:
            persons.update(words[lead:])
        return
    words, part = words[lead:], part[lead:]
    # "Korea's Daesan Electric": a place in the possessive is not part of the name.
    if len(words) > 1 and words[0].endswith(("'s", "’s")) and is_common(words[0][:-2]):
        words, part = words[1:], part[1:]
    if not words or lookup_place(" ".join(words)) is not None:
        return
    if lead:
        before = text[max(sentence_start, part[0][0] - 40) : part[0][0]]
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
    # "Groupe Delmont", "Fondo Aurora": a corporate prefix starts the name.
    if words[0] in lexicon.name_prefixes and len(words) >= 2 and _distinctive(words[1:2]):
        add(text[part[0][0] : part[1][1]], text[part[0][0] : part[1][1]], "prefix", True)
        return
    # "Nordvik Batteri", "Nanchang Industrial Guidance Fund": the name runs to its last head word.
    for h in range(min(len(words), 6) - 1, 0, -1):
        # "Puna Salares Lithium's planned plant": the possessive ending is no part of the name
        head = words[h][:-2] if words[h].endswith(("'s", "’s")) else words[h]
        if head not in lexicon.name_heads or not _distinctive(words[:h]):
            continue
        if any(
            w not in lexicon.name_heads and (w in lexicon.not_names or w in lexicon.person_titles)
            for w in words[1:h]
        ):
            continue
        name = text[part[0][0] : part[h][1] - (len(words[h]) - len(head))]
        add(name, name, head.lower(), True)
        return
    if headline:
        return
    name_words = _trim(words)
    if not name_words or not _distinctive(name_words):
        return
    name = text[part[0][0] : part[len(name_words) - 1][1]]
    role = role_of(last_word(before) if lead else title)
    if role in lexicon.roles and title not in lexicon.person_roles:
        add(name, name, role, True)
        return
    if len(name_words) < len(words):
        return
    whole = not name.endswith(("'s", "’s"))
    # _DEAL_CUE needs one of these words: the substring tests spare most runs the regex.
    if (
        whole
        and ("by" in before or "with" in before or "participation" in before)
        and _DEAL_CUE.search(before)
    ):
        add(name, name, "partner", True)
        return
    # Listed beside a known company after a preposition of dealing, or naming one in brackets after it.
    if (
        whole
        and not any(w in place_heads() for w in name_words)  # "Aichi Prefecture", "Orange County"
        and (
            _coordinated_with_known(text, run_start, sentence_start, taken)
            or _bracketing_known(text, run_end, taken)
        )
    ):
        add(name, name, "partner", True)
        return
    if _PARENT_COMPOUND.match(after) or _NOUN_AFTER.match(after):
        add(name, name, "parent", True)
        return
    apposition = lexicon.apposition_after.match(after)
    if apposition:
        # "its creation in Grenoble, the start-up Verkor …": after "in", a place, whatever follows it
        locative = _LOCATIVE_BEFORE.search(before)
        if not (locative and (locative.group(1) or "").lower() not in _HOLDING_WORDS):
            add(name, name, apposition.group(1) or apposition.group(2) or "venture", True)
            return
    if lexicon.subject_after.match(after):
        add(name, name, "", False)


def _place_led(words: list[str]) -> int:
    """Length of a name made of a place word and corporate heads ("Finnish Minerals Group"), or 0."""
    lexicon = name_lexicon()
    if len(words) < 3 or not is_place_word(words[0]):
        return 0
    for last in range(min(len(words), 6), 2, -1):
        body = words[1:last]
        heads = [w for w in body if w in lexicon.name_heads]
        if (
            body[-1] in lexicon.name_heads
            and len(heads) >= 2
            and any(w in lexicon.finance_heads for w in heads)
        ):
            return last
    return 0


def _trim(words: list[str]) -> list[str]:
    """The leading name words, up to a title or common word ("Arvent Chief Executive" -> "Arvent")."""
    lexicon = name_lexicon()
    kept: list[str] = []
    for word in words:
        if word in lexicon.person_titles or word in lexicon.not_names or len(kept) >= 3:
            break
        kept.append(word)
    return kept


def _distinctive(words: list[str]) -> bool:
    """At least one word that could be a company's own name (not a common word, place or model code)."""
    lexicon = name_lexicon()
    for word in words:
        bare = word.rstrip(".")
        if (
            len(bare) < 2
            or any(c.isdigit() for c in bare)
            or bare in lexicon.name_heads
            or bare in lexicon.legal_suffixes
            or bare in lexicon.name_prefixes
            or is_common(bare)
        ):
            continue
        return True
    return False


def _short_form(name: str) -> str | None:
    """The short name later sentences use: "Kestrel" for "Kestrel Motors", "Delmont" for "Groupe Delmont"."""
    lexicon = name_lexicon()
    words = name.split()
    if len(words) < 2:
        return None
    first = words[1] if words[0] in lexicon.name_prefixes else words[0]
    if not _distinctive([first]) or first in lexicon.first_names:
        return None
    return first


def describe_unknown(doc: Document, name: str) -> Entity:
    """An Entity for a company found in text, with the kind, country and HQ its context gives."""
    lexicon = name_lexicon()
    kind = "other"
    country = hq = None
    if name.endswith((" government", " ministry")):
        return Entity(id=slugify(name), name=name, kind="government", in_kb=False)
    for word in name.lower().split():
        kind = _KIND_OF_HEAD.get(word, kind)
    text = doc.text
    for mention in doc.mentions:
        if mention.entity != name:
            continue
        if mention.via in ("government", "family"):
            return Entity(id=slugify(name), name=name, kind=mention.via, in_kb=False)
        if mention.via != "pattern":
            continue
        window = text[max(0, mention.start - 60) : mention.start] + " " + text[mention.end : mention.end + 80]
        for word in _CONTEXT_WORD.findall(window):
            if kind == "other":
                kind = _KIND_OF_HEAD.get(word.lower(), kind)
            if country is None and word in lexicon.nationalities:
                country = lexicon.nationalities[word][0]
            if hq is None and word.endswith("-based"):
                hq = word[: -len("-based")]
    return Entity(id=slugify(name), name=name, kind=kind, country=country, hq=hq, in_kb=False)
