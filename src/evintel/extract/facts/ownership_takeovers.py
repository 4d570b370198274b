"""Ownership told as a takeover, beside the main patterns of ownership.py: passives and nouns of acquisition.

"⟨C⟩ was acquired by ⟨P⟩", "⟨C⟩, acquired by ⟨P⟩ last year,", "⟨P⟩'s takeover of ⟨C⟩ closed", "⟨P⟩ completed
its takeover of ⟨C⟩", "the sale of ⟨C⟩ to ⟨P⟩ was completed", "⟨P⟩ acquired German engineering firm ⟨C⟩",
"⟨C⟩ has been part of ⟨P⟩ since 1991", "⟨C⟩ became a wholly owned subsidiary of ⟨P⟩", "⟨P⟩ now owns all of ⟨C⟩",
"⟨P⟩ bought out ⟨B⟩'s stake in ⟨C⟩", "⟨P⟩ cut its stake in ⟨C⟩ to 5%". A deal only planned, proposed or
called off is left out: it is no ownership yet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.context import Discourse, SentenceView, is_object
from evintel.extract.facts.ownership_grammar import WHEN_BEFORE_OBJECT
from evintel.extract.facts.ownership_links import (
    APPROX,
    WHOLLY,
    Reader,
    clause_span,
    link_fact,
    pct_in,
    read_patterns,
    single_org,
    with_cues,
)
from evintel.extract.template import ORG, PCT, Gate, Template, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

_FLAGS = re.IGNORECASE
_ACQUIRED = r"(?:acquired|bought|purchased|taken\s+over|absorbed|snapped\s+up|rescued)"
_TAKEOVER = r"(?:takeover|acquisition|purchase|buyout|buy-out)"
# Words between "acquisition of" and the company that describe it, never a thing of it ("assets from", "a stake in").
_DESCRIPTION = (
    r"(?:(?!(?:from|in|of|by|with|to|for|and|stake|stakes|shares|assets|plant|plants|factory|site|business|unit|"
    r"division|operations|part|parts|control|majority|minority)\b)[\w-]+\s+)"
)
# Nouns a description of an acquired company ends in ("German engineering firm ⟨C⟩").
_COMPANY_NOUNS = (
    r"firm|company|maker|startup|start-up|supplier|manufacturer|specialist|developer|producer|recycler|carmaker|"
    r"automaker|brand|group|rival|competitor|peer"
)
# A thing of the company named after it, which is what changed hands ("the Northvolt plant", "X's stake"), or
# a longer name the KB does not know that only starts with the company's ("Northvolt Systems Industrial").
_THING_AFTER = (
    r"(?!\s*(?:'s|’s|'|’)|\s+(?-i:[A-Z][a-z])|\s+(?:plant|plants|factory|factories|site|sites|facility|facilities|assets|business|unit|"
    r"division|operations|stake|shares|mine|mines|gigafactory|works|headquarters|brand)\b)"
)
# A deal not (yet) done: planned, proposed, or called off.
_NOT_DONE = re.compile(
    r"\b(?:planned|proposed|potential|possible|mooted|rumou?red|failed|aborted|blocked|abandoned|collapsed|"
    r"scrapped|called\s+off|cancell?ed|rejected|would|could|might|may|talks|bid)\b",
    re.IGNORECASE,
)
# "⟨C⟩ (…)," : the company named is in apposition, not the object of a preposition before it.
_APPOSED = re.compile(r"(?:\s*\([^()]*\))?\s*,")
_DONE = re.compile(
    r"\b(?:completed|closed|finali[sz]ed|concluded|went\s+through|was\s+done)\b", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        # ⟨C⟩ was acquired by ⟨P⟩ ; ⟨C⟩, acquired by ⟨P⟩ last year, ; ⟨C⟩, which was taken over by ⟨P⟩
        (
            "acquired_by",
            re.compile(
                rf"(?P<child>{ORG})(?:\s*\([^()]*\))?\s*(?:,\s*(?:which\s+|that\s+)?(?:was\s+|has\s+been\s+|had\s+been\s+)?|"
                rf"\s+(?:was|has\s+been|had\s+been|is\s+being)\s+)(?:(?:fully|wholly|recently|later|eventually|since|"
                rf"then|now|finally)\s+)?{_ACQUIRED}\s+(?:[a-z]+\s+)?by\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?"
                rf"(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨P⟩'s takeover of ⟨C⟩ ; ⟨P⟩ completed its takeover of ⟨C⟩
        (
            "takeover_of",
            re.compile(
                rf"(?P<parent>{ORG})(?:\s*(?:'s|’s)\s+(?:(?:[\w$.-]+|⟦M\d+⟧)\s+){{0,2}}?|(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,30}}?\b(?:completed|closed|"
                rf"finali[sz]ed|concluded)\s+(?:its|their|⟨\d+⟩|the)\s+(?:(?:[\w$.-]+|⟦M\d+⟧)\s+){{0,2}}?){_TAKEOVER}\s+of\s+(?:the\s+)?"
                rf"{_DESCRIPTION}{{0,3}}?(?P<child>{ORG}){_THING_AFTER}",
                _FLAGS,
            ),
        ),
        # the sale of ⟨C⟩ to ⟨P⟩ (was completed)
        (
            "sale_of_to",
            re.compile(
                rf"\bsale\s+of\s+(?:the\s+)?{_DESCRIPTION}{{0,2}}?(?P<child>{ORG}){_THING_AFTER}\s+to\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?"
                rf"(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ acquired German engineering firm ⟨C⟩
        (
            "acquired_described",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,25}}?\b(?:acquired|bought|purchased|took\s+over|taken\s+over|completed\s+the\s+"
                rf"acquisition\s+of)\s+(?:{WHEN_BEFORE_OBJECT})?(?:the\s+)?{_DESCRIPTION}{{1,4}}?(?:{_COMPANY_NOUNS})\s+(?P<child>{ORG}){_THING_AFTER}",
                _FLAGS,
            ),
        ),
        # ⟨C⟩ has been part of ⟨P⟩ since 1991 ; ⟨C⟩ became a wholly owned subsidiary of ⟨P⟩
        (
            "became_part",
            re.compile(
                rf"(?P<child>{ORG})[^⟨⟩.;]{{0,20}}?\b(?:has\s+been|had\s+been|became|becomes|has\s+become|had\s+become)\s+"
                rf"(?:a\s+|an\s+|the\s+)?(?:(?:[\w-]+\s+){{0,3}}?(?:subsidiary|unit|division|brand|affiliate|marque)|part|a\s+part)\s+"
                rf"of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ now owns all of ⟨C⟩ ; ⟨P⟩ holds all the shares of ⟨C⟩
        (
            "owns_all",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,20}}?\b(?:owns|holds|controls|acquired|bought|took|own|hold)\s+"
                rf"(?:all|the\s+whole)\s+(?:of\s+)?(?:the\s+)?(?:(?:shares|stock|equity)\s+(?:of|in)\s+(?:the\s+)?)?(?P<child>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ bought out ⟨B⟩'s stake in ⟨C⟩
        (
            "bought_out",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,30}}?\b(?:bought\s+out|buys\s+out|buy\s+out|acquired|bought|took\s+over|"
                rf"purchased)\s+(?P<seller>{ORG})\s*(?:'s|’s|'|’)\s+(?P<whole>remaining\s+|entire\s+|whole\s+)?(?:stake|share|holding|"
                rf"interest|shareholding)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<child>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ cut its stake in ⟨C⟩ (from 10%) to 5%
        (
            "cut_stake",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,30}}?\b(?:cut|cuts|reduced|reduces|lowered|lowers|trimmed|trims|"
                rf"decreased|pared)\s+(?:its|their|⟨\d+⟩)\s+(?:stake|holding|shareholding|interest)\s+in\s+(?:the\s+)?"
                rf"(?:[\w-]+\s+){{0,3}}?(?P<child>{ORG})\s+(?:from\s+{APPROX}{PCT}\s+)?to\s+{APPROX}{PCT}",
                _FLAGS,
            ),
        ),
    ]


@lru_cache(maxsize=1)
def _gates() -> dict[str, Gate]:
    """Words and slots each pattern needs (see template.Gate), with the literals it holds; checked all at once by
    ownership.py."""
    return with_cues(
        {
            "acquired_by": gate("acquired|bought|purchased|taken|absorbed|snapped|rescued", "by"),
            "takeover_of": gate("takeover|acquisition|purchase|buyout|buy-out", "of"),
            "sale_of_to": gate("sale", "to"),
            "acquired_described": gate("acquired|bought|purchased|took|taken|completed"),
            "became_part": gate("been|became|becomes|become", "of"),
            "owns_all": gate("all|whole"),
            "bought_out": gate("bought|buys|buy|acquired|took|purchased", "'|’", orgs=3),
            "cut_stake": gate(
                "cut|cuts|reduced|reduces|lowered|lowers|trimmed|trims|decreased|pared", percent=True, orgs=1
            ),
        },
        _patterns(),
    )


def extract_takeover_ownership(
    view: SentenceView, discourse: Discourse, kb: KnowledgeBase, passed: set[str] | None = None
) -> list[Fact]:
    """Ownership stated by a takeover in one sentence.

    `passed`: the names of the patterns whose gates admit the sentence, when the caller has checked them.
    """
    return read_patterns(view, discourse, kb, _patterns(), _gates(), _READERS, passed)


def _taken(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """A takeover done: the buyer owns the company (all of it where the sentence says so)."""
    parent, child = single_org(template, match.group("parent")), single_org(template, match.group("child"))
    if parent is None or child is None or child.via == "person" or parent.name == child.name:
        return []
    if _NOT_DONE.search(view.text):
        return []
    apposed = _APPOSED.match(template.text[match.end("child") :])
    name = _name_of(match)
    if name == "acquired_by" and is_object(view.text, child) and not apposed:
        return []  # "the plant of ⟨C⟩ was acquired by ⟨P⟩": the thing bought is not ⟨C⟩
    if name == "sale_of_to" and not _DONE.search(view.text):
        return []  # "agreed the sale of ⟨C⟩ to ⟨P⟩": not done yet
    groups = match.groupdict()
    whole = WHOLLY.search(match.group(0)) or groups.get("whole") or name == "owns_all"
    stake = 100.0 if whole else None
    if name == "cut_stake":
        stake = pct_in(view, match.group(0))
    return [link_fact(view, parent, child, stake, clause_span(view, template, match))]


def _name_of(match: re.Match[str]) -> str:
    """The name of the pattern that made a match."""
    return next(name for name, pattern in _patterns() if pattern is match.re)


_READERS: dict[str, Reader] = {name: _taken for name, _ in _patterns()}
