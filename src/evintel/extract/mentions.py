"""Organisation mentions: KB names via the gazetteer, public bodies, families and companies the KB does
not know; plus person mentions of owners and investors.

`annotate()` runs the whole mention stage: sentences -> named mentions -> coreference.

What lands where (read this before writing a rule):
- `Document.mentions` holds organisations only, and is what `SentenceView.orgs` is built from. Its
  `via` says how a mention was found: "kb" (gazetteer), "pattern" (a company found in text, see
  companies.py), "government" (a public body, see bodies.py: "Portuguese government", "State of
  Georgia"), "family" ("Wallin family": a shareholder, never a seller or maker), "coref" (descriptor,
  pronoun, plural reference or a bare "the government").
- `Document.persons` holds people who own or invest ("founder Lena Hartmann", "chairman Liu Zhiyuan
  holds 18 percent"), via="person". They are kept out of `mentions` on purpose: every OrgRef-based rule
  (sales, supply, partnership, plant, product plan) would otherwise read a person as a company. A rule
  that wants persons as owners or investors asks `doc.persons_in(sentence)` explicitly.
- Places are never organisations: a KB alias that is a place name ("Lower Saxony") counts only inside a
  body phrase ("the German state of Lower Saxony") or as the owner in "Lower Saxony holds ...".
"""

from __future__ import annotations

import re
from dataclasses import replace

from evintel.extract.bodies import find_bodies
from evintel.extract.companies import describe_unknown, find_companies, find_families
from evintel.extract.document import Document, Sentence
from evintel.extract.naming import is_common, is_title_case, last_word, name_lexicon
from evintel.extract.persons import find_persons
from evintel.extract.places import lookup_place
from evintel.extract.sentences import split_sentences
from evintel.models import Article, Mention
from evintel.resolve.kb import KnowledgeBase, load_kb, normalize_name
from evintel.resolve.linking import NameMatch, choose_entity, gazetteer_for, is_ambiguous

__all__ = ["annotate", "describe_unknown", "find_mentions"]

# A place-named KB entity ("Lower Saxony") acts as an organisation when it holds or owns something.
_OWNER_AFTER = re.compile(
    r"^(?:\s+(?:still\s+|also\s+)?(?:holds|held|owns|owned|controls|has\s+a\s+stake)\b|['’]s\s+stake\b)"
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
    """Named organisation mentions (KB names, bodies, families, unknown companies), sorted by start
    offset; also fills `doc.persons` with owner and investor persons."""
    kb_mentions, words = _kb_mentions(doc, kb)
    families = find_families(doc.text, [])
    kb_mentions = [m for m in kb_mentions if not any(f.start <= m.start and m.end <= f.end for f in families)]
    bodies = find_bodies(doc, kb, [*kb_mentions, *families])
    spans = [(m.start, m.end) for m in (*kb_mentions, *families, *bodies)]
    unknown = find_companies(doc, [*spans, *words])
    found = sorted([*kb_mentions, *families, *bodies, *unknown], key=lambda m: (m.start, m.end))
    found = _bracket_aliases(doc.text, found)
    doc.persons = find_persons(doc, [(m.start, m.end) for m in found])
    return found


_OPEN_BRACKET = re.compile(r"\s*\(\s*[\"“]?")
_CLOSE_BRACKET = re.compile(r"[\"”]?\s*\)")


def _bracket_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Ningde Times (CATL)", "CATL (Ningde Times)": a name the KB lacks, written beside a KB name in
    brackets, is that company's other name wherever the article uses it."""
    alias: dict[str, str] = {}
    for first, second in zip(mentions, mentions[1:], strict=False):
        opened = _OPEN_BRACKET.match(text, first.end)
        if opened is None or opened.end() != second.start or not _CLOSE_BRACKET.match(text, second.end):
            continue
        kinds = {first.via, second.via}
        if kinds == {"pattern", "kb"}:
            unknown, known = (first, second) if first.via == "pattern" else (second, first)
            alias.setdefault(unknown.entity, known.entity)
    if not alias:
        return mentions
    return [replace(m, entity=alias[m.entity], via="kb") if m.via == "pattern" and m.entity in alias else m for m in mentions]


def _legal_suffix_run() -> re.Pattern[str]:
    suffixes = sorted(name_lexicon().legal_suffixes, key=len, reverse=True)
    one = "|".join(re.escape(x) for x in suffixes)
    # "Co., Ltd.": suffixes in a row, each after a space or ", "; a suffix ends where a word would.
    return re.compile(rf"(?:,?[ \u00a0](?:{one})(?![\w&]))+")


_LEGAL_SUFFIX_RUN = _legal_suffix_run()
_SURNAME_AFTER = re.compile(r" [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'-]+(?![\w-])")
_UNIT_OF = re.compile(r"(?i:state|province|city|region|canton|prefecture|municipality)\s+of\s")
_LOCATIVE_BEFORE = re.compile(
    r"(?i:\b(?:in|at|near|across|throughout|within|outside|into|of|around|inside)\s+(?:the\s+)?)$"
)


# --- KB names -------------------------------------------------------------------------------------


_LOCAL_ARM = re.compile(
    r" (?:do|da|de|del|of) (?:Brasil|Brazil|México|Mexico|Argentina|Chile|Colombia|Perú|Peru|Venezuela|España|Portugal|"
    r"Italia|France|India|Thailand|Indonesia|Malaysia|Vietnam|South Africa|Japan|Korea|China|Canada)(?![\w-])"
)


_COUNTRY_SPELLINGS = {"brasil": "brazil", "méxico": "mexico", "perú": "peru", "españa": "spain", "italia": "italy"}


def _home_country(arm: str, country: str | None) -> bool:
    """True if " of China" after a KB name is the company's own home country, not a local company abroad."""
    if country is None or not arm.startswith((" of ", " do ", " da ", " de ", " del ")):
        return False
    place = arm.split(" ", 2)[2].strip().lower()
    return _COUNTRY_SPELLINGS.get(place, place) == country.strip().lower()


# "Northvolt Systems Industrial", "Tesla Energy", "Northvolt Dwa ESS": a KB name that goes on into a longer name
# ending on a corporate word names another company (a unit or a venture), not the KB one.
_LONGER_CORPORATE = re.compile(
    r"(?: [A-Z][\w&-]*){0,2} (?:Systems|Industrial|Industries|Solutions|Technologies|Holdings|Energy|Battery|Batteries|"
    r"Power|Materials|Components|Logistics|Software|Engineering|Ventures|Capital|Investments|Finance|Financial|"
    r"Recycling|Charging|Labs|Semiconductors?|Manufacturing|Trading|ESS|Storage)(?![\w-])"
)


def _legal_suffix_end(text: str, end: int, sentences: list[Sentence]) -> int:
    """Where a KB name ends with the legal suffixes written after it ("Mahindra Last Mile Mobility Ltd.",
    "Hyundai Motor Co., Ltd."): the suffix is part of the name, not text between it and what follows."""
    suffix = _LEGAL_SUFFIX_RUN.match(text, end)
    if suffix is None:
        return end
    limit = next((x.end for x in sentences if x.start <= end <= x.end), end)
    return min(suffix.end(), limit)


_MODEL_WORD_BEFORE = re.compile(r"(?<=\s)(?:the|a|an|its|their|[a-z]+)\s+([A-Z][a-z]+)\s$")


def _kb_mentions(doc: Document, kb: KnowledgeBase) -> tuple[list[Mention], list[tuple[int, int]]]:
    """KB names accepted as mentions, and the spans of ambiguous ones judged to be ordinary words."""
    gazetteer = gazetteer_for(kb)
    text = doc.text
    cue_after = name_lexicon().cue_after
    accepted: list[NameMatch] = []
    pending: list[NameMatch] = []
    # One automaton pass over the whole article; each match is then judged within its sentence.
    matches = gazetteer.find(text)
    sentences = doc.sentences
    # A headline written all in lower case ("catl wins order") lets lower-case names match.
    lowered = [x for x in sentences if x.text.islower() and any(c.isalpha() for c in x.text)]
    if lowered:
        inside = [m for m in matches if not any(x.start <= m.start < x.end for x in lowered)]
        for x in lowered:
            inside += gazetteer.find(x.text, offset=x.start)
        matches = sorted(inside, key=lambda m: m.start)
    s = 0
    previous: NameMatch | None = None
    headline_cache: dict[int, bool] = {}
    for match in matches:
        while s < len(sentences) and sentences[s].end <= match.start:
            s += 1
        if s >= len(sentences) or match.end > sentences[s].end or match.start < sentences[s].start:
            continue  # a name across a sentence boundary is two words, not one name
        sentence = sentences[s]
        before = previous if previous is not None and previous.start >= sentence.start else None
        previous = match
        if _is_person(text, match, before, sentence) or _is_bare_place(text, match):
            continue
        if is_ambiguous(match.alias):
            model_word = _MODEL_WORD_BEFORE.search(text, max(sentence.start, match.start - 30), match.start)
            if (
                model_word
                and not is_common(model_word.group(1))  # "the Chinese Envision": a nationality is no model name
                and not (before is not None and before.end + 1 >= match.start)
            ):
                continue  # "the Dolphin Mini", "the Fortwo Smart": the last word of a model's name, not the brand
            if sentence.index not in headline_cache:
                headline_cache[sentence.index] = is_title_case(sentence.text)
            if (
                headline_cache[sentence.index] or _at_sentence_start(text, match, sentence)
            ) and not cue_after.match(text[match.end : match.end + 60]):
                pending.append(match)
                continue
        accepted.append(match)
    # An ambiguous word opening a sentence ("Smart", "Mini") counts if the article names it elsewhere.
    confirmed = {e.id for match in accepted for e in match.entities}
    accepted += [m for m in pending if any(e.id in confirmed for e in m.entities)]
    accepted.sort(key=lambda m: m.start)
    mentions = []
    for match in accepted:
        entity = choose_entity(match.entities, kb, text, match.start, match.end)
        local = _LOCAL_ARM.match(text, match.end) or _LONGER_CORPORATE.match(text, match.end)
        if local and _home_country(local.group(0), entity.country):
            local = None  # "Gotion High-tech of China": a Chinese company's home country describes it
        if local and kb.resolve(text[match.start : local.end()]) is None:
            # "Renault do Brasil", "Nissan Mexicana", "Stellantis de México": the maker's local company
            name = text[match.start : local.end()]
            mentions.append(Mention(match.start, local.end(), name, name, "pattern"))
            continue
        end = _legal_suffix_end(text, match.end, doc.sentences)
        mentions.append(Mention(match.start, end, text[match.start : end], entity.name, "kb"))
    words = [(m.start, m.end) for m in pending if not any(e.id in confirmed for e in m.entities)]
    return mentions, words


def _at_sentence_start(text: str, match: NameMatch, sentence: Sentence) -> bool:
    return not text[sentence.start : match.start].strip(" \"“'‘(")


def _is_bare_place(text: str, match: NameMatch) -> bool:
    """A KB name used as a place: an alias that is a place name ("Lower Saxony"), or a body name such
    as "state of Georgia" after a locative preposition ("a plant in the state of Georgia")."""
    if lookup_place(match.text) is not None:
        return not _OWNER_AFTER.match(text[match.end : match.end + 30])
    return bool(_UNIT_OF.match(match.text)) and bool(
        _LOCATIVE_BEFORE.search(text[max(0, match.start - 16) : match.start])
    )


def _is_person(text: str, match: NameMatch, previous: NameMatch | None, sentence: Sentence) -> bool:
    """ "Henry Ford", "Mate Rimac": a surname-like KB name right after a capitalised given name."""
    word = last_word(text[max(sentence.start, match.start - 30) : match.start])
    if previous is not None and previous.end >= match.start - 1:
        return False
    if word[-1:] in {",", ";", ":", ")", "."}:
        return False  # "At Marshall, Michigan, Ford is investing": punctuation ends the name before
    lexicon = name_lexicon()
    if word.lower() in lexicon.person_roles:
        # "Chief executive Dana Whitfield": a KB name between a role and a surname is a given name.
        surname = _SURNAME_AFTER.match(text, match.end)
        if surname is not None:
            following = surname.group().strip()
            return not (
                following in lexicon.name_heads or following in lexicon.legal_suffixes or is_common(following)
            )
    if not word[:1].isupper():
        return False
    if previous is not None and previous.end > match.start - 1 - len(word):
        return False  # "the Stellantis-brands Opel": the word before holds a company name, not a given name
    if word in lexicon.first_names:
        return True
    if normalize_name(match.text) not in lexicon.surnames:
        return False
    word_start = match.start - 1 - len(word)
    return word_start > sentence.start and not is_common(word)
