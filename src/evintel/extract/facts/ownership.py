"""Ownership facts: who owns, holds a stake in, controls or acquired whom, and how much.

Patterns run over sentence templates (organisations as ⟨i⟩, percentages as ⟦Pi⟧), so they state the
grammar of ownership once for every company name: "⟨0⟩ holds a ⟦P0⟧ stake in ⟨1⟩", "⟨1⟩, a
subsidiary of ⟨0⟩", "⟨1⟩ is ⟦P0⟧ owned by ⟨0⟩", "⟨0⟩'s ⟨1⟩ brand", "⟨0⟩ acquired ⟨1⟩".
"""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.context import (
    Discourse,
    OrgRef,
    SentenceView,
    apposition_head,
    folded_text,
    person_refs,
    sentence_asides,
    subject_candidates,
)
from evintel.extract.lexicon import load_lexicon, phrase_alternation
from evintel.extract.modality import confidence_for, find_modality
from evintel.extract.template import ORG, ORG_LIST, PCT, Gate, Template, admitted, build_template, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

# Text between a subject and its verb; "⟨A⟩ and holds …" is a coordinated verb, handled by "coordinated_stake".
_GAP = r"(?!\s*,?\s*and\b)[^⟨⟩.;]{0,60}?"
_SHORT_GAP = r"[^⟨⟩.;]{0,25}?"
_RATIO = re.compile(r"\b(\d{1,2})\s*(?::|-|/|–|to)\s*(\d{1,2})\b")
# Up to four descriptive words before a company name ("48 percent of electric performance brand ⟨C⟩").
_DESCRIPTOR_WORDS = r"(?:(?!(?:from|to|by|with|for|in|at|on|its|their|sales|revenue|revenues|deliveries|output|market|shares|production|profit|capacity)\b)[\w-]+\s+){0,4}?"
# "⟨VW⟩'s ⟨Traton⟩": the parent is the last company of a possessive chain.
_POSSESSIVE_CHAIN = r"(?:\s*(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?⟨\d+⟩)?"
# A stake already sold is no longer held ("agreed to sell" still is).
_SUBSIDIARY_HEADS = "subsidiary|unit|division|arm|affiliate|brand|marque|label|daughter|company|business|venture|offshoot|spin-off"
# "which is basically ⟨X⟩ under the umbrella of ⟨P⟩": a loose restatement of who the owner is.
_IN_EFFECT = r"(?:basically|essentially|effectively|practically|de\s+facto|in\s+effect|in\s+fact)"
# Verbs of keeping a share whose object may be a bare percentage ("keeps the remaining 30 percent").
_BARE_HOLD = (
    r"holds|hold|held|holding|owns|own|owned|owning|keeps|keep|kept|keeping|retains|retain|retained|controls|"
    r"takes|take|took|taking|has|have|had|gets|get|got|will\s+hold|will\s+keep|will\s+own|will\s+have|will\s+take|"
    r"would\s+hold|would\s+keep|would\s+own|would\s+have|still\s+holds|still\s+owns|still\s+has"
)
_SOLD = re.compile(r"\b(?:sold|divested|offloaded|disposed of|exited|has sold|had sold)\b", re.I)


def _alternation(words: list[str]) -> str:
    return phrase_alternation(words, ignore_case=True)  # every pattern below is IGNORECASE


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    lex = load_lexicon("ownership")
    hold = _alternation(lex["holding_verbs"])
    stake = _alternation(lex["stake_nouns"])
    sub = _alternation(lex["subsidiary_nouns"])
    acquire = _alternation(lex["acquisition_verbs"])
    degree = _alternation(lex["degree_words"])
    approx = r"(?:(?:about|around|roughly|some|nearly|almost|just over|just under|more than|over|a further|another|an additional|the remaining)\s+)?"
    flags = re.IGNORECASE
    return [
        # ⟨P⟩ holds/took a 34 percent stake in ⟨C⟩ ; ⟨P⟩ raised its stake from 20 percent to 34 percent in ⟨C⟩
        (
            "stake_in",
            re.compile(
                rf"{ORG}(?P<gap>{_GAP})\b(?:{hold})\b(?P<mid>{_GAP})\b(?:{stake})\b(?P<tail>{_SHORT_GAP})\b(?:in|of)\s+(?:the\s+)?{_DESCRIPTOR_WORDS}(?P<child>{ORG_LIST})",
                flags,
            ),
        ),
        # ⟨P⟩ owns/holds 9.98 percent of ⟨C⟩ ; ⟨P⟩ paid $60 million for 19.9 percent of ⟨C⟩
        (
            "percent_of",
            re.compile(
                rf"{ORG}(?P<gap>{_GAP})\b(?:{hold})\b(?P<mid>[^⟨⟩.;]{{0,40}}?){approx}{PCT}\s+(?:of\s+the\s+(?:voting\s+rights|votes|shares|share\s+capital|capital|equity|stock)\s+|(?:shares|stake|equity|interest)\s+)?(?:of|in)\s+(?:the\s+)?{_DESCRIPTOR_WORDS}(?P<child>{ORG_LIST})",
                flags,
            ),
        ),
        # ⟨C⟩, in which ⟨P⟩ holds a 34 percent stake
        (
            "in_which",
            re.compile(
                rf"(?P<child>{ORG})[^⟨⟩.;]{{0,60}}?,?\s*(?:in|of|at)\s+which\s+(?:the\s+)?{ORG}(?P<gap>{_GAP})\b(?:{hold})\b(?P<mid>{_GAP})(?:\b(?:{stake})\b|{PCT})",
                flags,
            ),
        ),
        # ⟨P⟩ is the largest shareholder (of ⟨C⟩) with about 21 percent
        (
            "shareholder",
            re.compile(
                rf"{ORG}(?P<gap>[^⟨⟩.;]{{0,30}}?)\b(?:is|was|remains|remained|becomes|became|will\s+become|would\s+become|as)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:single\s+)?(?:largest|biggest|main|major|principal|second-largest|second-biggest|third-largest|controlling|majority|minority|key|anchor|leading)?\s*(?:shareholder|stakeholder|owner|investor)(?:\s+(?:in|of)\s+(?P<child>{ORG}))?(?P<tail>[^⟨⟩.;]{{0,25}}?(?:with|holding|owning|of)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?{PCT})?",
                flags,
            ),
        ),
        # ⟨C⟩'s largest shareholder, (the regional utility) ⟨P⟩, keeps 41 percent
        (
            "possessive_shareholder",
            re.compile(
                rf"(?P<child>{ORG})\s*(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}?(?:shareholder|owner|investor|parent|parent\s+company)s?\s*,?\s*(?:the\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?{ORG}(?P<tail>[^⟨⟩.;]{{0,30}}?{PCT})?",
                flags,
            ),
        ),
        # ⟨P⟩, which is ⟨C⟩'s largest shareholder
        (
            "is_shareholder_of",
            re.compile(
                rf"{ORG}(?P<gap>[^⟨⟩.;]{{0,30}}?)\b(?:is|was|remains|remained|becomes|became|will\s+become|would\s+become)\s+(?:now\s+|still\s+|also\s+)?(?P<child>{ORG})\s*(?:'s|’s|')\s+(?:[\w-]+\s+){{0,2}}?(?:shareholder|owner|parent|stakeholder|investor)",
                flags,
            ),
        ),
        # ⟨C⟩ belongs (74.9 percent) to ⟨P⟩
        (
            "belongs_to",
            re.compile(
                rf"(?P<child>{ORG})(?P<gap>[^⟨⟩.;]{{0,30}}?)\bbelong(?:s|ed|ing)?\s+(?:(?:by|with|for|to)?\s*{PCT}\s+)?to\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{ORG}",
                flags,
            ),
        ),
        # ⟨P⟩, which already owns ⟨A⟩, ⟨B⟩ and ⟨C⟩ ; ⟨P⟩ controls the ⟨A⟩, ⟨B⟩ and ⟨C⟩ brands
        (
            "owns_list",
            re.compile(
                rf"{ORG}(?P<gap>,?\s*(?:which|that|who)?\s*(?:already\s+|also\s+|now\s+|still\s+)?)\b(?:owns|controls|acquired|bought|took over)\s+(?:the\s+)?(?P<child>{ORG_LIST})",
                flags,
            ),
        ),
        # ⟨P⟩, the parent company of ⟨A⟩, ⟨B⟩ and ⟨C⟩
        (
            "parent_of",
            re.compile(
                rf"{ORG}\s*,?\s*(?:which\s+is\s+|is\s+|was\s+)?(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:parent(?:\s+company|\s+group)?|owner|holding\s+company|mother\s+company)\s+of\s+(?:the\s+)?(?P<child>{ORG_LIST})",
                flags,
            ),
        ),
        # (across) its ⟨A⟩, ⟨B⟩ and ⟨C⟩ brands: the possessive is a pronoun resolved to the parent
        (
            "its_brands",
            re.compile(
                rf"{ORG}\s+(?P<child>{ORG_LIST})\s+(?:brands|marques|subsidiaries|units|labels)\b", flags
            ),
        ),
        # ⟨C⟩, part of ⟨P⟩
        (
            "part_of",
            re.compile(
                rf"(?P<child>{ORG})\s*,?\s*(?:which\s+is\s+|is\s+|now\s+)?(?:part|a\s+part|a\s+member)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{ORG}{_POSSESSIVE_CHAIN}",
                flags,
            ),
        ),
        # ⟨P⟩ will invest €150 million in ⟨C⟩ ... and take a stake of around 10 percent
        (
            "invest_for_stake",
            re.compile(
                rf"{ORG}(?P<gap>{_GAP})\b(?:invest|invests|invested|investing|inject|injects|injected|pay|pays|paid|put|puts)\s+⟦M\d+⟧\s+(?:in|into)\s+(?P<child>{ORG})[^⟨⟩.;]{{0,60}}?\b(?:take|taking|takes|took|get|gets|getting|receive|receives|acquire|acquires|for|giving\s+it|give\s+it|gives\s+it|in\s+return\s+for)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:stake|share|holding|interest)\s+of\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?{PCT}",
                flags,
            ),
        ),
        # ⟨C⟩, the lower-priced family brand that ⟨P⟩ launched
        (
            "brand_that",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?(?:{sub})\s+(?:that|which)\s+{ORG}\s+(?:launched|created|founded|set\s+up|owns|introduced|spun\s+off|established|controls|runs|bought|acquired)\b",
                flags,
            ),
        ),
        # ⟨C⟩, ⟨the battery company⟩ of (India's) ⟨P⟩ — the descriptor itself was resolved to the child
        (
            "descriptor_of",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?P<desc>⟨\d+⟩)\s+(?:of|between)\s+(?:[\w-]+(?:'s|’s)\s+)?(?:the\s+)?(?P<parents>⟨\d+⟩(?:(?:\s*,\s*|\s+and\s+)(?:[\w-]+(?:'s|’s)\s+)?⟨\d+⟩)*)",
                flags,
            ),
        ),
        # ⟨C⟩, the (50:50) joint venture of ⟨A⟩ and ⟨B⟩
        (
            "venture_of",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?:the|a|an|its|their)\s+(?:[\w:-]+\s+){{0,3}}?(?:joint\s+)?venture\s+(?:company\s+)?(?:of|between|owned\s+by|formed\s+by|set\s+up\s+by)\s+(?P<parents>⟨\d+⟩(?:(?:\s*,\s*|\s+and\s+)(?:[\w-]+(?:'s|’s)\s+)?⟨\d+⟩)*)",
                flags,
            ),
        ),
        # ⟨P⟩ ... owns ⟨A⟩ and holds a stake in ⟨B⟩: the second verb shares the sentence subject
        (
            "coordinated_stake",
            re.compile(
                rf"\band\s+(?:also\s+|still\s+)?(?:{hold})\s+(?:a|an)\s+(?:{PCT}\s+)?(?:[\w-]+\s+)?(?:{stake})\s+in\s+(?P<child>{ORG_LIST})",
                flags,
            ),
        ),
        # ⟨P⟩ has agreed to sell its 41 percent stake in ⟨C⟩ (still held today)
        (
            "its_stake",
            re.compile(
                rf"{ORG}(?P<gap>{_GAP})\b(?:its|their)\s+{PCT}\s+(?:stake|holding|interest|share)\s+in\s+(?:the\s+)?{_DESCRIPTOR_WORDS}(?P<child>{ORG})",
                flags,
            ),
        ),
        # ⟨C⟩ is 60 percent owned by ⟨P⟩ ; ⟨C⟩, majority-owned by ⟨P⟩ ; controlled by
        (
            "owned_by",
            re.compile(
                rf"(?P<child>{ORG})(?P<gap>[^⟨⟩.;]{{0,45}}?)(?:{PCT}|{degree})?[\s-]*(?:owned|controlled|held)\s+(?:by|through|via)\s+(?:its\s+|the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?{ORG}{_POSSESSIVE_CHAIN}",
                flags,
            ),
        ),
        # ⟨C⟩, a/the [luxury] subsidiary/unit/brand of ⟨P⟩
        (
            "subsidiary_of",
            re.compile(
                rf"(?P<child>{ORG})\s*,?\s*(?:which\s+is\s+|is\s+|was\s+|remains\s+|,\s*)?(?:now\s+|still\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{sub})\s+(?:of|owned by|belonging to)\s+(?:[\w-]+\s+){{0,2}}?{ORG}{_POSSESSIVE_CHAIN}",
                flags,
            ),
        ),
        # ⟨C⟩, ⟨P⟩'s luxury marque
        (
            "appositive_possessive",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*{ORG}\s*(?:'s|’s|')\s+(?:[\w-]+\s+){{0,3}}?(?:{sub})\b",
                flags,
            ),
        ),
        # the ⟨P⟩-daughter ⟨C⟩ ; the ⟨P⟩ battery-daughter ⟨C⟩ (German "Tochter": a subsidiary)
        (
            "daughter_compound",
            re.compile(rf"{ORG}(?:\s*-\s*|\s+[\w]+-)(?:daughter|tochter|subsidiary|unit)\s+(?P<child>{ORG})", flags),
        ),
        # ⟨P⟩'s ⟨C⟩ brand ; ⟨P⟩'s luxury brand ⟨C⟩ ; Volkswagen's Traton
        (
            "possessive",
            re.compile(
                rf"{ORG}\s*(?:'s|’s|')\s+(?:(?:[\w-]+\s+){{0,3}}?(?:{sub})\s+)?(?P<child>{ORG})(?P<after>\s+(?:{sub})\b)?",
                flags,
            ),
        ),
        # ⟨C⟩, which is (basically ⟨X⟩) under the umbrella of ⟨P⟩ ; ⟨C⟩ now sits under the wing of ⟨P⟩
        (
            "under_umbrella",
            re.compile(
                rf"(?P<child>{ORG})\s*,?\s*(?:(?:which|that|is|are|was|were|now|still|also|since|then|operates|operating|"
                rf"sits|remains|has\s+been|had\s+been|came|comes|come|brought)\s+)*(?:{_IN_EFFECT}\s+(?P<alias>{ORG})\s+)?"
                rf"(?:now\s+)?under\s+the\s+(?:umbrella|wing|roof|control|ownership)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{ORG}{_POSSESSIVE_CHAIN}",
                flags,
            ),
        ),
        # the entry of ⟨P⟩ into the capital of ⟨C⟩ (translated news: a new shareholder)
        (
            "entry_capital",
            re.compile(
                rf"\b(?:entry|entrance)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{ORG}\s+(?:in|into|to)\s+the\s+(?:share\s+)?capital\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<child>{ORG})",
                flags,
            ),
        ),
        # ⟨C⟩ is jointly owned by ⟨A⟩, ⟨B⟩ and ⟨D⟩: each one is an owner
        (
            "owned_by_list",
            re.compile(
                rf"(?P<child>{ORG})(?P<gap>[^⟨⟩.;]{{0,45}}?)(?:jointly\s+|equally\s+)?(?:owned|controlled|held)\s+by\s+(?:the\s+)?(?P<parents>⟨\d+⟩(?:\s*,\s*⟨\d+⟩)*\s*,?\s*(?:and|&)\s+⟨\d+⟩)",
                flags,
            ),
        ),
        # ⟨P⟩ keeps the remaining 30 percent ; ⟨A⟩ takes 10 percent, while ⟨B⟩ and ⟨C⟩ keep 45 percent each:
        # the company is the one the stakes are being listed for (see _listed_child)
        (
            "holds_bare",
            re.compile(
                rf"(?P<parents>{ORG_LIST})(?P<gap>{_GAP})\b(?:{_BARE_HOLD})\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+|"
                rf"the\s+(?:remaining|other|rest\s+of\s+the)\s+|another\s+|a\s+further\s+)?{PCT}(?P<each>\s+each)?(?:\s+(?:stake|share|holding))?"
                rf"(?:\s+(?:of|in)\s+(?:the\s+|its\s+)?(?:capital|shares|share\s+capital|equity|company|business|firm|group|start-?up|voting\s+rights|votes|stock|venture))?"
                rf"(?=\s*(?:[,.;)]|$)|\s+(?:while|whereas|but|and|after|since|through|via|over|with)\b)",
                flags,
            ),
        ),
        # ⟨P⟩ acquired ⟨C⟩ ; ⟨P⟩ agreed to buy a 45% stake in ⟨C⟩ handled by stake_in
        (
            "acquired",
            re.compile(
                rf"{ORG}(?P<gap>{_SHORT_GAP})\b(?:{acquire})\s+(?:rival\s+|startup\s+|start-up\s+)?(?P<child>{ORG})",
                flags,
            ),
        ),
        # the acquisition of ⟨C⟩ by ⟨P⟩
        (
            "acquisition_by",
            re.compile(
                rf"(?:acquisition|purchase|takeover)\s+of\s+(?P<child>{ORG})\s+by\s+{ORG}",
                flags,
            ),
        ),
    ]


@lru_cache(maxsize=1)
def _gates() -> dict[str, Gate]:
    """For each pattern above, words and slots any match needs (see Gate): most sentences fail them all."""
    lex = load_lexicon("ownership")
    stake = "stake|share|holding|interest|ownership"  # every stake noun contains one of these
    sub = lex["subsidiary_nouns"]
    return {
        "stake_in": gate(stake),
        "percent_of": gate(percent=True),
        "in_which": gate("which"),
        "shareholder": gate("shareholder|stakeholder|owner|investor", orgs=1),
        "possessive_shareholder": gate("shareholder|owner|investor|parent"),
        "is_shareholder_of": gate("shareholder|owner|parent|stakeholder|investor"),
        "belongs_to": gate("belong"),
        "owns_list": gate("owns|controls|acquired|bought|took"),
        "parent_of": gate("parent|owner|holding|mother"),
        "its_brands": gate("brands|marques|subsidiaries|units|labels"),
        "part_of": gate("part|member"),
        "invest_for_stake": gate("stake|share|holding|interest", percent=True, money=True),
        "brand_that": gate("that|which", sub),
        "descriptor_of": gate("of|between", orgs=3),
        "venture_of": gate("venture"),
        "coordinated_stake": gate("and", stake, orgs=1),
        "its_stake": gate("its|their", percent=True),
        "owned_by": gate("owned|controlled|held"),
        "subsidiary_of": gate(sub),
        "appositive_possessive": gate(sub, "'|’"),
        "possessive": gate("'|’"),
        "daughter_compound": gate("daughter|tochter|subsidiary|unit"),
        "under_umbrella": gate("under", "umbrella|wing|roof|control|ownership"),
        "entry_capital": gate("entry|entrance", "capital"),
        "owned_by_list": gate("owned|controlled|held", "and|&", orgs=3),
        "holds_bare": gate(
            "hold|own|keep|kept|retain|control|take|took|has|have|had|get|got", percent=True, orgs=1
        ),
        "acquired": gate(lex["acquisition_verbs"]),
        "acquisition_by": gate("acquisition|purchase|takeover"),
    }


_JV_WORDS = ("venture", "jv", "partnership")  # what _JV needs, see below


def extract_ownership(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Ownership facts stated in one sentence."""
    persons = person_refs(view)
    if not view.orgs and not persons:
        return []
    facts: list[Fact] = []
    passed = admitted(_gates(), view, len(persons))
    for name, pattern in _patterns():
        if name not in passed:
            continue
        # "its" stays a word except where the pattern is about whose "its" it is; persons are slots
        # (owners such as "founder Anika Rao") and are dropped below wherever they land as the child.
        template = build_template(view, pronouns=name in _PRONOUN_PATTERNS, persons=True)
        for match in pattern.finditer(template.text):
            found = _facts_from_match(name, match, template, view, kb, discourse)
            facts.extend(found)
            if found and (found[-1].fields["stake_pct"] is not None or name in _LISTING_PATTERNS):
                view.notes["ownership_child"] = found[-1].fields["child"]
            if found and found[-1].fields.get("stake_pct") is not None:
                facts.extend(_gapped_stakes(view, template, match.end(), found[-1]))
    if any(w in folded_text(view) for w in _JV_WORDS):
        facts.extend(_joint_venture_shares(view, build_template(view, persons=True)))
    return _without_persons_as_children(view, _without_unstaked_duplicates(facts))


# Patterns after which the owners and their stakes are often listed in the next sentences.
_LISTING_PATTERNS = frozenset({"entry_capital", "venture_of", "in_which", "owned_by_list"})


def _without_unstaked_duplicates(facts: list[Fact]) -> list[Fact]:
    """One sentence read twice ("the 60:40 venture of ⟨A⟩ and ⟨B⟩"): a stated stake beats none."""
    staked = {(f.fields["parent"], f.fields["child"]) for f in facts if f.fields["stake_pct"] is not None}
    return [
        f
        for f in facts
        if f.fields["stake_pct"] is not None or (f.fields["parent"], f.fields["child"]) not in staked
    ]


def _without_persons_as_children(view: SentenceView, facts: list[Fact]) -> list[Fact]:
    """People own companies, never the other way round."""
    people = {p.name for p in person_refs(view)}
    return [f for f in facts if f.fields["child"] not in people] if people else facts


_PRONOUN_PATTERNS = frozenset({"its_brands", "descriptor_of", "appositive_possessive", "possessive"})


_GAPPED_PARENT_PCT = re.compile(
    rf"{ORG}(?:\s*,[^⟨⟩.;]{{0,40}},)?(?:\s+[a-z][\w-]*){{0,3}}\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|the\s+remaining\s+|another\s+)?{PCT}(?!\s+(?:of|in)\s+⟨)"
)
_GAPPED_PCT_OF = re.compile(
    rf"\band\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?{PCT}\s+(?:of|in)\s+(?:the\s+)?{ORG}"
)
_GAPPED_PCT_PARENT = re.compile(
    rf"(?:the\s+remaining\s+|another\s+){PCT}[^⟨⟩.;]{{0,40}}?\b(?:hold|holds|held|own|owns|owned|is|are)\b[^⟨⟩.;]{{0,40}}?{ORG}"
)


def _gapped_stakes(view: SentenceView, template: Template, position: int, first: Fact) -> list[Fact]:
    """Stakes listed after a first one with words left out.

    "⟨A⟩ owns 38 percent of ⟨C⟩, and ⟨B⟩ holds 11 percent" (same child), "⟨A⟩ owns 20 percent of ⟨C⟩
    and 5 percent of ⟨D⟩" (same parent), "the remaining 25 percent hold ⟨B⟩" (translated word order).
    """
    rest = template.text[position:]
    parent, child = first.fields["parent"], first.fields["child"]
    facts: list[Fact] = []
    for match in _GAPPED_PCT_OF.finditer(rest):
        other = template.org(match.group(2))
        stake = float(view.percentages[int(match.group(1))].value)
        facts.append(_fact(view, parent, other.name, stake, other, other))
    for pattern in (_GAPPED_PARENT_PCT, _GAPPED_PCT_PARENT):
        for match in pattern.finditer(rest):
            if pattern is _GAPPED_PARENT_PCT:
                org_slot, pct_slot = match.group(1), match.group(2)
            else:
                pct_slot, org_slot = match.group(1), match.group(2)
            other = template.org(org_slot)
            if other.name in (parent, child) or other.plural:
                continue
            stake = float(view.percentages[int(pct_slot)].value)
            facts.append(_fact(view, other.name, child, stake, other, other))
    return facts


def _facts_from_match(
    name: str,
    match: re.Match[str],
    template: Template,
    view: SentenceView,
    kb: KnowledgeBase,
    discourse: Discourse,
) -> list[Fact]:
    groups = match.groupdict()
    text = match.group(0)
    if _SOLD.search(text):
        return []
    slots = re.findall(r"⟨(\d+)⟩", text)
    if name == "descriptor_of":
        desc = template.orgs_in(groups["desc"])[0]
        if not re.search(rf"\b(?:{_SUBSIDIARY_HEADS})\b", desc.text, re.I):
            return []
    if name in ("descriptor_of", "venture_of"):
        child = template.orgs_in(groups["child"])[0]
        owners = [o for o in template.orgs_in(groups["parents"]) if not o.plural and o.name != child.name]
        equal = len(owners) == 2 and bool(re.search(r"\b50\s*[:/-]\s*50\b|\bequal(?:ly)?\b", text))
        ratio = _RATIO.search(text) if len(owners) == 2 and not equal else None
        if ratio and float(ratio.group(1)) + float(ratio.group(2)) == 100:
            shares = [float(ratio.group(1)), float(ratio.group(2))]
            return [
                _fact(view, o.name, child.name, share, o, child)
                for o, share in zip(owners, shares, strict=True)
            ]
        return [_fact(view, o.name, child.name, 50.0 if equal else None, o, child) for o in owners]
    if name == "owned_by_list":
        child = template.orgs_in(groups["child"])[0]
        owners = [o for o in template.orgs_in(groups["parents"]) if not o.plural and o.name != child.name]
        return [_fact(view, o.name, child.name, None, o, child) for o in owners]
    if name == "holds_bare":
        return _bare_stakes(view, template, match, discourse)
    if name == "under_umbrella":
        child = template.orgs_in(groups["child"])[0]
        owners = [template.org(slots[-1]), *template.orgs_in(groups.get("alias") or "")]
        return [
            _fact(view, o.name, child.name, None, o, child, _sentence_span(view, template, match))
            for o in owners
            if not o.plural and o.name != child.name
        ]
    if name == "coordinated_stake":
        subjects = subject_candidates(view, template.sentence_pos(match.start()))
        if not subjects:
            return []
        parents = [subjects[0]]
        children = template.orgs_in(groups["child"])
    elif name in ("shareholder",) and not groups.get("child"):
        focus = _discourse_child(view, template, discourse)
        if focus is None:
            return []
        parents = [template.org(slots[0])]
        children = [focus]
    elif name in (
        "part_of",
        "owned_by",
        "subsidiary_of",
        "appositive_possessive",
        "acquisition_by",
        "in_which",
        "entry_capital",
        "possessive_shareholder",
        "belongs_to",
        "brand_that",
        "descriptor_of",
        "invest_for_stake",
        "daughter_compound",
    ):
        child_slots = re.findall(r"⟨(\d+)⟩", groups["child"])
        parent_slot = (
            [s for s in slots if s not in child_slots][-1:] if name != "appositive_possessive" else [slots[1]]
        )
        if not parent_slot:
            return []
        parents = [template.org(parent_slot[0])]
        children = [template.org(s) for s in child_slots]
    else:
        subject = template.org(slots[0])
        # "⟨X⟩, the investment company of ⟨Y⟩, owns …" speaks of X; a relation wholly inside the aside
        # ("…, the truck maker controlled by Volkswagen's Traton,") speaks of its own subject.
        start, end = template.sentence_pos(match.start()), template.sentence_pos(match.end())
        inside_aside = any(a <= start and end <= b for a, b in sentence_asides(view))
        parents = [subject if inside_aside else apposition_head(view, subject)]
        children = template.orgs_in(groups["child"])
    if (
        name == "possessive"
        and not groups.get("after")
        and not _possessive_is_ownership(parents[0], children, kb, text)
    ):
        return []
    stake = _stake(view, text, groups)
    if stake is None:
        stake = _stake_after(view, template.text[match.end() :])
    if name == "stake_in" and (to := _RAISED_TO.match(template.text[match.end() :])):
        stake = float(view.percentages[int(to.group(1))].value)
    if name == "owned_by" and (second := _AND_BY.match(template.text[match.end() :])):
        parents = [*parents, template.org(second.group(1))]
    facts: list[Fact] = []
    for parent in parents:
        for child in children:
            for parent_name in parent.names:
                for child_name in child.names:
                    if parent_name == child_name or (parent.plural or child.plural):
                        continue
                    facts.append(_fact(view, parent_name, child_name, stake, parent, child))
    return facts


_OWNERSHIP_CONTEXT = re.compile(
    r"\b(?:stake|stakes|shareholders?|shares|capital|owned|owners?|holding|investors?|remaining|acquisition|acquired|"
    r"ownership|equity|venture|founders?|founding|family|backed|invest|invests|invested|investment|participation)\b",
    re.IGNORECASE,
)
# A bare percentage in such a sentence is a share of a market or a change, not of a company.
_NOT_A_HOLDING = re.compile(
    r"\b(?:market|sales|registrations|deliveries|sold|margin|growth|revenue|revenues|profit|output|production|"
    r"capacity|rose|fell|increase|decrease|grew|dropped|jumped|votes?\s+(?:for|against))\b",
    re.IGNORECASE,
)


def _bare_stakes(
    view: SentenceView, template: Template, match: re.Match[str], discourse: Discourse
) -> list[Fact]:
    """A bare stake in the company whose holders are being listed ("⟨P⟩ keeps the remaining 30 percent")."""
    text = view.text
    if _NOT_A_HOLDING.search(text):
        return []
    previous_text = view.previous.text if view.previous is not None else ""
    parents = [o for o in template.orgs_in(match.group("parents")) if not o.plural]
    if len(parents) > 1 and not match.group("each"):
        return []  # "⟨A⟩ and ⟨B⟩ hold 30 percent": together or each is not said
    names = {p.name for p in parents}
    child = _relative_head_child(view, template, match, names)
    if child is None and not (
        _OWNERSHIP_CONTEXT.search(text) or _OWNERSHIP_CONTEXT.search(previous_text) or _recent_child(view)
    ):
        return []
    child = child or _listed_child(view, discourse, names)
    if child is None:
        return []
    stake = _last_pct(view, match.group(0))
    ref = OrgRef(0, 0, child, (child,), "discourse")
    return [_fact(view, p.name, child, stake, p, ref) for p in parents]


def _last_pct(view: SentenceView, text: str) -> float | None:
    slots = re.findall(r"⟦P(\d+)⟧", text)
    return float(view.percentages[int(slots[-1])].value) if slots else None


_RELATIVE = re.compile(r"^\s*,\s*(?:which|who|that)\b", re.IGNORECASE)


def _relative_head_child(
    view: SentenceView, template: Template, match: re.Match[str], parents: set[str]
) -> str | None:
    """The sentence subject, when a relative clause holds the stake ("⟨C⟩ … from ⟨P⟩, which still holds 12 percent")."""
    if not _RELATIVE.match(match.group("gap")):
        return None
    start = template.sentence_pos(match.start())
    subjects = [o for o in subject_candidates(view, start) if o.name not in parents and o.via != "person"]
    # Only the clause opener: a company named later ("backed by ⟨A⟩, which …, and by ⟨B⟩") is another holder.
    return subjects[0].name if subjects and subjects[0].start <= 25 else None


def _recent_child(view: SentenceView) -> str | None:
    """The company whose owners this or one of the last three sentences listed."""
    current: SentenceView | None = view
    for _ in range(4):
        if current is None:
            return None
        child = current.notes.get("ownership_child")
        if isinstance(child, str):
            return child
        current = current.previous
    return None


def _listed_child(view: SentenceView, discourse: Discourse, parents: set[str]) -> str | None:
    """The company a bare stake is in: the one whose owners were just listed, else the article's main company."""
    child = _recent_child(view)
    if child is None:
        child = discourse.main_entity()
        if child is not None and any(child in o.names for o in view.orgs):
            return (
                None  # the main company is named here, yet not as the company held: something else is meant
            )
    if child is None or child in parents:
        return None
    return child


# "controlled by ⟨A⟩, Vietnam's largest conglomerate, and by its founder ⟨B⟩": a second owner.
_AND_BY = re.compile(
    r"^(?:\s*,[^⟨⟩.;]{0,50}?)?\s*,?\s*and\s+(?:also\s+)?by\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,3}?⟨(\d+)⟩"
)


def _discourse_child(view: SentenceView, template: Template, discourse: Discourse) -> OrgRef | None:
    """The company a shareholder sentence is about when it names none: the article's main company."""
    main = discourse.main_entity()
    if main and main not in {o.name for o in view.orgs}:
        return OrgRef(0, 0, main, (main,), "discourse")
    previous = view.previous
    while previous is not None:
        earlier = [o for o in previous.orgs if not o.plural]
        if earlier:
            return earlier[0]
        previous = previous.previous
    return None


def _possessive_is_ownership(parent: OrgRef, children: list[OrgRef], kb: KnowledgeBase, text: str) -> bool:
    """ "Volkswagen's Traton" is ownership; "BMW's Rimac partnership" is not: trust the KB or a unit noun."""
    for child in children:
        entity = kb.resolve(child.name)
        if entity is None:
            return bool(re.search(r"\b(?:unit|subsidiary|brand|division|arm|marque)\b", text, re.I))
        ancestors = {a.name for a in kb.ancestors(entity.id)}
        parent_entity = kb.resolve(parent.name)
        if parent_entity is None or parent_entity.name not in ancestors:
            return False
    return True


def _stake(view: SentenceView, text: str, groups: dict[str, str | None]) -> float | None:
    pct_slots = re.findall(r"⟦P(\d+)⟧", text)
    if pct_slots:
        return float(view.percentages[int(pct_slots[-1])].value)
    if re.search(r"\b(?:wholly|fully|100 percent|entirely|completely)[\s-]+owned\b", text, re.I):
        return 100.0
    return None


_WHICH_HOLDS = re.compile(
    r"^\s*,\s*(?:which|who)\s+(?:holds|owns|has|controls|keeps)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?⟦P(\d+)⟧"
)


# "raised its stake in ⟨C⟩ (from 20 percent) to 40 percent": the stake after "to" is the one now held.
_RAISED_TO = re.compile(
    r"^\s*(?:from\s+⟦P\d+⟧\s+)?to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?⟦P(\d+)⟧"
)


def _stake_after(view: SentenceView, rest: str) -> float | None:
    """ "⟨C⟩ is majority-owned by ⟨P⟩, which holds 62 percent": the stake follows the parent."""
    match = _WHICH_HOLDS.match(rest)
    return float(view.percentages[int(match.group(1))].value) if match else None


def _fact(
    view: SentenceView,
    parent: str,
    child: str,
    stake: float | None,
    p: OrgRef,
    c: OrgRef,
    clause: str | None = None,
) -> Fact:
    base = 0.85 if "coref" not in (p.via, c.via) and c.via != "discourse" else 0.7
    # An aside is read on its own: "⟨C⟩, which is under the umbrella of ⟨P⟩, could help …" still states the owner.
    modality = find_modality(clause).value if clause is not None else view.modality.value
    return Fact(
        "ownership",
        {"parent": parent, "child": child, "stake_pct": _as_number(stake)},
        view.evidence(),
        confidence_for(modality, base),
        modality,
    )


def _sentence_span(view: SentenceView, template: Template, match: re.Match[str]) -> str:
    """The sentence text a template match covers."""
    return view.text[template.sentence_pos(match.start()) : template.sentence_pos(match.end())]


def _as_number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


_JV = re.compile(
    r"(?P<ratio>\b\d{1,2}\s*(?::|/|-|–)\s*\d{1,2}\b)[\s-]*(?:joint\s+)?(?:venture|jv|partnership)",
    re.IGNORECASE,
)


def _joint_venture_shares(view: SentenceView, template: Template) -> list[Fact]:
    """ "⟨JV⟩, its 50:50 joint venture with ⟨B⟩": each partner owns its share of the venture."""
    match = _JV.search(template.text)
    if not match:
        return []
    ratio = _RATIO.search(match.group("ratio"))
    if not ratio:
        return []
    first, second = float(ratio.group(1)), float(ratio.group(2))
    if first + second != 100:
        return []
    before = template.orgs_in(template.text[: match.start()])
    after = template.orgs_in(template.text[match.end() :])
    venture = _venture_name(template, match, before, after)
    if venture is None:
        return []
    partners = [o for o in before + after if o is not venture]
    named = [o for o in partners if not o.plural]
    plural = [o for o in partners if o.plural]
    names: list[str] = []
    for org in named:
        if org.name not in names and org.name != venture.name:
            names.append(org.name)
    if len(names) < 2 and plural:
        names = [n for n in plural[0].names if n != venture.name][:2]
    if len(names) != 2:
        return []
    return [
        _fact(view, names[0], venture.name, first, venture, venture),
        _fact(view, names[1], venture.name, second, venture, venture),
    ]


def _venture_name(
    template: Template, match: re.Match[str], before: list[OrgRef], after: list[OrgRef]
) -> OrgRef | None:
    """The venture itself: the organisation named right before ("X, its 50:50 venture") or after ("called X")."""
    head = template.text[: match.start()]
    tail = template.text[match.end() :]
    called = re.match(rf"\s*,?\s*(?:called|named|dubbed|known as)\s+{ORG}", tail)
    if called:
        return template.org(called.group(1))
    appositive = re.search(rf"{ORG}\s*,\s*(?:its|their|a|the|⟨\d+⟩\s*(?:'s|’s)?)\s*$", head)
    if appositive:
        return template.org(appositive.group(1))
    following = re.match(rf"\s*{ORG}", tail)
    if following:
        return template.org(following.group(1))
    return None
