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
_OWNER_AFTER = re.compile(r"^(?:\s+(?:still\s+|also\s+)?(?:holds|held|owns|owned|controls|has\s+a\s+stake)\b|['’]s\s+stake\b)")


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
    spans = [(m.start, m.end) for m in (*kb_mentions, *families)]
    bodies = find_bodies(doc, kb, spans)
    spans += [(m.start, m.end) for m in bodies]
    unknown = find_companies(doc, [*spans, *words])
    found = sorted([*kb_mentions, *families, *bodies, *unknown], key=lambda m: (m.start, m.end))
    doc.persons = find_persons(doc, [(m.start, m.end) for m in found])
    return found


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


