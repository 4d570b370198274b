"""Ownership told in asides, relative clauses and descriptors, beside the main patterns of ownership.py.

These are the shapes news uses to mention an owner in passing, about a descriptor rather than in a clause of
its own: "⟨C⟩, the venture that ⟨A⟩, ⟨B⟩ and ⟨D⟩ hold each at 33.3%", "⟨C⟩, the battery company established
by ⟨A⟩ and ⟨B⟩ with equal shares", "⟨P⟩, ⟨C⟩'s largest shareholder with a 38 percent stake", "⟨P⟩, owner of
22% of ⟨C⟩", "⟨C⟩, the maker ⟨P⟩ bought in 2020", "⟨P⟩'s wholly-owned subsidiary ⟨C⟩" said through a pronoun,
"⟨P⟩, which already holds a minority stake", "⟨C⟩, a Volkswagen Group subsidiary", "⟨C⟩, whose main
shareholder is ⟨P⟩".
"""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.context import Discourse, OrgRef, SentenceView, subject_candidates
from evintel.extract.facts.ownership_links import (
    APPROX,
    WHOLLY,
    WITH_PCT,
    Reader,
    clause_span,
    link_fact,
    pct_in,
    read_patterns,
    simple_link,
    single_org,
    with_cues,
)
from evintel.extract.template import ORG, ORG_LIST, PCT, Gate, Template, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

# A descriptor in apposition: "the hydrogen joint venture", "a battery company", or a slot the coreference
# already resolved to the company before it ("⟨the battery company⟩").
_DESC = r"(?:(?:the|a|an|its|their)\s+(?:[\w:-]+\s+){0,4}?[\w-]+|⟨\d+⟩)"
# Several owners, each possibly with a possessive place before it ("⟨A⟩ and China's ⟨B⟩").
_OWNERS = r"⟨\d+⟩(?:(?:\s*,\s*|\s*,?\s+and\s+)(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?⟨\d+⟩)*"
# Nouns of a dependent company after a possessive ("its wholly-owned subsidiary ⟨C⟩").
_UNIT_NOUNS = (
    r"subsidiary|subsidiaries|unit|units|division|arm|affiliate|brand|brands|marque|label|daughter|offshoot|"
    r"spin-off|joint\s+venture|venture"
)
# Nouns a descriptor of an acquired company ends in ("the British motorcycle maker ⟨P⟩ bought").
_COMPANY_NOUNS = (
    r"maker|makers|company|firm|brand|marque|start-?up|manufacturer|carmaker|automaker|supplier|business|producer|"
    r"unit|label|recycler|developer|rival|specialist|group"
)
_EQUAL = re.compile(
    r"\b(?:equal\s+(?:shares|stakes|parts|proportions)|equally|50\s*(?::|/|-|–)\s*50|fifty-fifty|"
    r"in\s+equal\s+measure)\b",
    re.IGNORECASE,
)
_POSSESSIVE_SLOT = re.compile(r"(?:^(?:its|their)$|(?:'s|’s|')$)", re.IGNORECASE)
_FLAGS = re.IGNORECASE
# A place or owner in the possessive before a partner's name ("Saudi Arabia's", "the kingdom's", "Taiwan's").
_PLACE_OF = r"(?:the\s+)?(?:(?:[\w-]+\s+)?[\w-]+(?:'s|’s)\s+)?"
# Up to two words before a unit noun, none of which makes the two companies kin or partners rather than
# owner and owned ("the Kia sister company", "a Tesla partner brand").
_NOT_KIN = r"(?:(?!(?:sister|partner|rival|peer|customer|supplier|client|competitor)\b)[\w-]+\s+){0,2}?"
_RATIO = re.compile(r"\b(\d{1,2})\s*(?::|/|-|–)\s*(\d{1,2})\b")
_EACH = re.compile(r"\beach\b", re.IGNORECASE)
_JOINTLY = re.compile(r"\b(?:jointly|co-?(?:created|founded|established|owned|held|formed|launched))\b", re.I)
# "… (already) jointly own (a 20% stake in) ⟨C⟩ (in equal parts)": what several owners are said to hold together.
_OWNING = (
    rf"(?:already\s+|also\s+|still\s+|now\s+)?(?P<adv>(?:jointly|each|together|equally)\s+)?"
    rf"(?:own|hold|control)\s+(?:(?:a|an)\s+)?(?:(?P<pct>{APPROX}{PCT})\s+(?:stake\s+|share\s+)?(?:of|in)\s+)?"
    rf"(?:the\s+)?(?P<child>{ORG})(?P<rest>[^⟨⟩.;]{{0,30}})"
)
_VENTURE_WORD = re.compile(r"\b(?:venture|jv|joint)\b", re.IGNORECASE)
_UNIT_NOUN = re.compile(rf"\b(?:{_UNIT_NOUNS})\b", re.I)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        # ⟨P⟩, ⟨C⟩'s largest shareholder with a 38.19 per cent stake
        (
            "apposed_shareholder",
            re.compile(
                rf"(?P<parent>{ORG})\s*,\s*(?:the\s+)?(?P<child>{ORG})\s*(?:'s|’s|')\s+(?:[\w-]+\s+){{0,2}}?"
                rf"(?:shareholder|stakeholder|owner|parent|investor)\b"
                rf"(?P<tail>\s+(?:with|holding|owning|of)\s+(?:a\s+|an\s+)?{APPROX}{PCT})?"
                rf"(?!\s*,?\s*(?:the\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?⟨)",
                _FLAGS,
            ),
        ),
        # ⟨P⟩, owner of 22% of ⟨C⟩ ; ⟨P⟩, which is the holder of 10 percent of ⟨C⟩
        (
            "owner_of_pct",
            re.compile(
                rf"(?P<parent>{ORG})\s*,?\s*(?:which\s+is\s+|is\s+|was\s+|as\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?"
                rf"(?:owner|holder|shareholder)\s+(?:of|with)\s+{APPROX}{PCT}\s+(?:of|in)\s+(?:the\s+)?"
                rf"(?:[\w-]+\s+){{0,3}}?(?P<child>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, the hydrogen joint venture that ⟨A⟩, ⟨B⟩ and ⟨D⟩ hold each at 33.3%
        (
            "descriptor_held",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*{_DESC}\s+(?:that|which|in\s+which|of\s+which)\s+(?P<parents>{ORG_LIST})\s+"
                rf"(?:jointly\s+|equally\s+|each\s+|together\s+)?(?:hold|holds|own|owns|control|controls)\b"
                rf"(?P<rest>[^⟨⟩.;]{{0,30}})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, the battery company established by ⟨A⟩ and China's ⟨B⟩ with equal shares
        (
            "descriptor_founded",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?P<desc>{_DESC})\s+(?:jointly\s+|together\s+)?(?:established|founded|set\s+up|formed|created|"
                rf"co-founded|launched)\s+(?:jointly\s+|together\s+)?by\s+(?P<parents>{_OWNERS})"
                rf"(?P<rest>[^⟨⟩.;]{{0,40}})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, the British motorcycle maker ⟨P⟩ bought in 2020
        (
            "descriptor_bought",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?P<desc>(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?(?:{_COMPANY_NOUNS})|⟨\d+⟩)\s+"
                rf"(?:that\s+|which\s+)?(?P<parent>{ORG})\s+(?:bought|acquired|took\s+over|purchased|snapped\s+up|"
                rf"rescued|has\s+acquired|had\s+acquired|had\s+bought)\b"
                rf"(?!\s+(?:a|an|stakes?|shares?|into|in\s+(?:it|the)\b))",
                _FLAGS,
            ),
        ),
        # its wholly-owned subsidiary ⟨C⟩ ; the company's battery unit ⟨C⟩ (the possessive is a resolved slot)
        (
            "pronoun_unit",
            re.compile(
                rf"(?P<parent>{ORG})\s+(?:[\w-]+\s+){{0,3}}?(?:{_UNIT_NOUNS})\s*,?\s+(?P<child>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩ (HMSI), a wholly owned subsidiary. — the owner is the company the article is about
        (
            "bare_subsidiary",
            re.compile(
                rf"(?P<child>{ORG})(?:\s*\([^()]*\))?\s*,\s*(?:a|an|its)\s+(?:wholly|fully|100\s*(?:%|percent|per\s+cent))"
                rf"[\s-]+owned\s+(?:subsidiary|unit|affiliate|arm)(?=\s*[,.;]|\s*$)",
                _FLAGS,
            ),
        ),
        # ⟨P⟩, which already holds a minority stake — in the company the sentence is about
        (
            "which_holds_stake",
            re.compile(
                rf"(?P<parent>{ORG})(?:\s*\([^()]*\))?\s*,\s*(?:which|who)\s+(?:already\s+|also\s+|still\s+|now\s+)?"
                rf"(?:holds|owns|has|had|held|owned|has\s+held|has\s+owned)\s+(?:a|an)\s+(?:{PCT}\s+)?(?:[\w-]+\s+){{0,2}}?"
                rf"(?:stake|shareholding|holding|interest)\b(?!\s+(?:in|of)\b)",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, the subsidiary of electric mobility of the ⟨P⟩ (translated "la filial de movilidad eléctrica del grupo")
        (
            "unit_of_field_of",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?P<desc>⟨\d+⟩|(?:the|a|an)\s+(?:{_UNIT_NOUNS}))\s+(?:of|for|in)\s+"
                rf"(?:[\w-]+\s+){{1,3}}?(?:of|for)\s+(?:the\s+)?(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, the 60:40 joint venture between (Saudi Arabia's) ⟨A⟩(, a unit of ⟨X⟩,) and (Taiwan's) ⟨B⟩
        (
            "venture_between",
            re.compile(
                rf"(?P<child>{ORG})(?:\s*,\s*|\s+(?:is|was|remains|became|becomes)\s+)(?:the|a|an|its|their)\s+"
                rf"(?P<ratio>(?:[\w:/-]+\s+){{0,3}}?)(?:joint\s+)?venture\s+"
                rf"(?:company\s+)?(?:between|of|owned\s+by|formed\s+by|set\s+up\s+by)\s+{_PLACE_OF}(?P<first>{ORG})"
                rf"(?P<aside>\s*,\s*(?:a|an|the)\s+[^⟨⟩.;]{{0,50}}?⟨\d+⟩\s*,)?\s*,?\s+and\s+{_PLACE_OF}(?P<second>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨A⟩ and ⟨B⟩ (jointly) own ⟨C⟩ (in equal parts) ; ⟨A⟩ and ⟨B⟩ each hold 50% of ⟨C⟩ ; ⟨the two⟩ jointly own ⟨C⟩
        (
            "owners_list",
            re.compile(
                rf"(?P<parents>⟨\d+⟩(?:\s*,\s*⟨\d+⟩)*\s*,?\s*(?:and|&)\s+⟨\d+⟩)\s+{_OWNING}",
                _FLAGS,
            ),
        ),
        # ⟨the two companies⟩ (already) jointly own ⟨C⟩: each company the plural reference stands for
        (
            "plural_owners",
            re.compile(rf"(?P<parents>⟨\d+⟩)(?=\s+(?:already\s+|also\s+|still\s+|now\s+)?(?:jointly|together)\s)\s+{_OWNING}", _FLAGS),
        ),
        # ⟨C⟩, a ⟨P⟩ subsidiary ; the ⟨P⟩ subsidiary ⟨C⟩ ; ⟨C⟩, a Traton company
        (
            "compound_unit",
            re.compile(
                rf"(?:(?P<child>{ORG})\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+)?(?P<parent>{ORG})\s+{_NOT_KIN}"
                rf"(?:{_UNIT_NOUNS}|company)\b(?!\s+(?:of|in|with|to|for)\b)"
                rf"|\bthe\s+(?P<parent2>{ORG})\s+{_NOT_KIN}(?:subsidiary|unit|brand|division|affiliate|arm|"
                rf"daughter|marque|label)\s+(?P<child2>{ORG}))",
                _FLAGS,
            ),
        ),
        # ⟨C⟩ is majority owned by Saudi Arabia's sovereign wealth fund ⟨P⟩ (a long description before the owner)
        (
            "owned_by_described",
            re.compile(
                rf"(?P<child>{ORG})[^⟨⟩.;]{{0,30}}?(?:\b(?:wholly|fully|majority|minority|partly|jointly)[\s-]+|{PCT}[\s-]+)?"
                rf"(?:owned|controlled)\s+by\s+(?:the\s+)?"
                rf"(?:(?!(?:and|or|by|with|from|to|in|at|for|which|that|who)\b)[\w-]+(?:'s|’s)?\s+){{4,7}}?(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, whose main shareholder is ⟨P⟩ with 50.1%
        (
            "whose_shareholder",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*whose\s+(?:[\w-]+\s+){{0,2}}?(?:shareholder|owner|parent(?:\s+company)?|stakeholder)\s+"
                rf"(?:is|was|remains|has\s+been)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?(?P<parent>{ORG}){WITH_PCT}",
                _FLAGS,
            ),
        ),
        # ⟨P⟩, main shareholder of ⟨C⟩, … ; ⟨P⟩, shareholder of ⟨C⟩ at 15%, …
        (
            "apposed_shareholder_of",
            re.compile(
                rf"(?P<parent>{ORG})\s*,\s*(?:the\s+|its\s+)?(?:(?:main|largest|biggest|principal|majority|minority|controlling|first|"
                rf"top|key|reference|historic|leading|anchor)\s+)?(?:shareholder|stakeholder|co-owner)\s+(?:of|in)\s+(?:the\s+)?"
                rf"(?P<child>{ORG}){WITH_PCT}",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, subsidiary of the ⟨P⟩ group ; ⟨C⟩, 100% subsidiary of ⟨P⟩ (no article, as translations write it)
        (
            "bare_subsidiary_of",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?!(?:a|an|the)\b)(?:(?:wholly|fully|majority)[\s-]+owned\s+|{PCT}\s+|(?:[\w-]+\s+){{0,2}}?)"
                rf"(?:subsidiary|unit|division|affiliate|filiale|daughter|branch)\s+(?:{PCT}\s+)?of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
                rf"(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩ is a brand under ⟨P⟩ ; ⟨C⟩, the premium brand under ⟨P⟩ (translated "旗下品牌")
        (
            "unit_under",
            re.compile(
                rf"(?P<child>{ORG})\s*(?:,\s*|\s+(?:is|was|remains|became)\s+)"
                rf"(?P<desc>(?:a|an|the)\s+{_NOT_KIN}(?:{_UNIT_NOUNS}|company)|⟨\d+⟩)\s+"
                rf"under\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩ is jointly created by ⟨A⟩, ⟨B⟩ and ⟨D⟩
        (
            "jointly_founded",
            re.compile(
                rf"(?P<child>{ORG})[^⟨⟩.;]{{0,20}}?\b(?:is|was|has\s+been|were)\s+(?:a\s+(?:[\w-]+\s+){{0,3}}?(?:company|venture|firm|brand)\s+)?"
                rf"(?:jointly|co-?)\s*(?:created|founded|established|set\s+up|formed|launched|owned|held)\s+by\s+(?P<parents>{_OWNERS})"
                rf"(?P<rest>[^⟨⟩.;]{{0,40}})",
                _FLAGS,
            ),
        ),
        # ⟨P⟩, owner of the brands ⟨A⟩ and ⟨B⟩
        (
            "owner_of_brands",
            re.compile(
                rf"(?P<parent>{ORG})(?:\s+group)?\s*,\s*(?:the\s+)?(?:[\w-]+\s+)?(?:owner|parent(?:\s+company|\s+group)?)\s+of\s+"
                rf"(?:the\s+)?"
                rf"(?:[\w-]+\s+)?(?:brands?|marques?|companies|subsidiaries|carmakers|automakers)\s+(?P<children>{ORG_LIST})",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, the Mercedes-Geely joint venture ; the Hyundai-LG joint venture ⟨C⟩
        (
            "paired_venture",
            re.compile(
                rf"(?:(?P<child>{ORG})\s*,\s*(?:the|a|an|their)\s+(?P<ratio>(?:[\w:/-]+\s+){{0,2}}?)(?P<first>{ORG})\s*[-–/]\s*"
                rf"(?P<second>{ORG})\s+(?:[\w-]+\s+){{0,2}}?(?:joint\s+)?venture\b"
                rf"|\bthe\s+(?P<ratio2>(?:[\w:/-]+\s+){{0,2}}?)(?P<first2>{ORG})\s*[-–/]\s*(?P<second2>{ORG})\s+(?:[\w-]+\s+){{0,2}}?"
                rf"(?:joint\s+)?venture\s*,?\s+(?P<child2>{ORG}))",
                _FLAGS,
            ),
        ),
        # ⟨C⟩, ⟨P⟩'s truck and bus group
        (
            "apposed_group",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?:the\s+)?(?P<parent>{ORG})\s*(?:'s|’s)\s+(?:[\w-]+\s+){{0,4}}?"
                rf"(?:group|holding)\b(?=\s*[,.;]|\s*$)",
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
            "apposed_shareholder": gate("shareholder|stakeholder|owner|parent|investor", "'|’"),
            "owner_of_pct": gate("owner|holder|shareholder", percent=True),
            "descriptor_held": gate("that|which", "hold|own|control"),
            "descriptor_founded": gate("established|founded|set up|formed|created|co-founded|launched", "by"),
            "descriptor_bought": gate("bought|acquired|took|purchased|snapped|rescued"),
            "pronoun_unit": gate(_UNIT_NOUNS.replace(r"\s+", " ")),
            "bare_subsidiary": gate("owned", orgs=1),
            "which_holds_stake": gate("which|who", "stake|shareholding|holding|interest", orgs=1),
            "apposed_group": gate("group|holding", "'|’"),
            "paired_venture": gate("venture", orgs=3),
            "unit_under": gate("under"),
            "jointly_founded": gate("jointly|co-|co", "by"),
            "owner_of_brands": gate(
                "owner|parent", "brand|marque|companies|subsidiaries|carmakers|automakers"
            ),
            "unit_of_field_of": gate("of|for|in"),
            "whose_shareholder": gate("whose", "shareholder|owner|parent|stakeholder"),
            "apposed_shareholder_of": gate("shareholder|stakeholder|co-owner", "of|in"),
            "bare_subsidiary_of": gate("subsidiary|unit|division|affiliate|filiale|daughter|branch", "of"),
            "owners_list": gate("and|&", "own|hold|control", orgs=3),
            "plural_owners": gate("jointly|together", "own|hold|control"),
            "compound_unit": gate(_UNIT_NOUNS.replace(r"\s+", " ") + "|company"),
            "owned_by_described": gate("owned|controlled", "by"),
            "venture_between": gate("venture", "and", orgs=3),
        },
        _patterns(),
    )


def extract_clause_ownership(
    view: SentenceView, discourse: Discourse, kb: KnowledgeBase, passed: set[str] | None = None
) -> list[Fact]:
    """Ownership stated in an aside, a relative clause or a descriptor of one sentence.

    `passed`: the names of the patterns whose gates admit the sentence, when the caller has checked them.
    """
    return read_patterns(view, discourse, kb, _patterns(), _gates(), _READERS, passed)


def _bought(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, the maker ⟨P⟩ bought": a descriptor slot must be the child itself, as coreference read it."""
    desc = template.orgs_in(match.group("desc"))
    child = single_org(template, match.group("child"))
    if desc and (child is None or desc[0].name != child.name):
        return []
    return simple_link(match, template, view, discourse, kb)


def _shared(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """Several owners of a descriptor: each gets the stake said to be each one's, or an equal share."""
    child = single_org(template, match.group("child"))
    if child is None:
        return []
    owners = [
        o
        for o in template.orgs_in(match.group("parents"))
        if not o.plural and o.via != "person" and o.name != child.name
    ]
    if not owners:
        return []
    rest = match.group("rest")
    stake = pct_in(view, rest)
    each = _EACH.search(match.group(0))
    if stake is not None and len(owners) > 1 and not each:
        stake = None  # "⟨A⟩ and ⟨B⟩ hold 60 percent": together or each is not said
    if stake is None and _EQUAL.search(rest):
        stake = round(100 / len(owners), 1) if len(owners) > 1 else None
    jointly = _JOINTLY.search(match.group(0))
    if match.re.groupindex.get("desc") and stake is None and not jointly:
        desc = template.text[match.start("desc") : match.end("desc")]
        desc_text = " ".join(o.text for o in template.orgs_in(desc)) or desc
        if not _VENTURE_WORD.search(desc_text):
            return []  # "founded by" alone names founders, not owners, unless shares or a venture are said
    clause = clause_span(view, template, match)
    return [link_fact(view, owner, child, stake, clause) for owner in owners]


def _pronoun_unit(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "its wholly-owned subsidiary ⟨C⟩": only where the owner slot is a possessive ("its", "the company's")."""
    parent, child = single_org(template, match.group("parent")), single_org(template, match.group("child"))
    if parent is None or child is None or not _POSSESSIVE_SLOT.search(parent.text.strip()):
        return []
    if (
        parent.text.strip().lower() in ("its", "their")
        or parent.via == "coref"
        or parent.text.endswith(("'s", "’s"))
    ):
        stake = 100.0 if WHOLLY.search(match.group(0)) else None
        return [link_fact(view, parent, child, stake, clause_span(view, template, match))]
    return []


def _bare_subsidiary(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, a wholly owned subsidiary." names no owner: the company the article is about owns it."""
    child = single_org(template, match.group("child"))
    main = discourse.main_entity()
    if child is None or main is None or main == child.name:
        return []
    if any(o.name == main for o in view.orgs):
        return []  # the main company is named here, yet not as the owner: something else is meant
    parent = OrgRef(0, 0, main, (main,), "discourse")
    return [link_fact(view, parent, child, 100.0, clause_span(view, template, match))]


def _which_holds_stake(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨P⟩, which already holds a minority stake": in the company that opens the sentence."""
    parent = single_org(template, match.group("parent"))
    if parent is None:
        return []
    start = template.sentence_pos(match.start())
    subjects = [o for o in subject_candidates(view, start) if o.name != parent.name and o.via != "person"]
    if not subjects or subjects[0].start > 25:
        return []
    return [
        link_fact(view, parent, subjects[0], pct_in(view, match.group(0)), clause_span(view, template, match))
    ]


def _described_unit(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, the subsidiary of … of ⟨P⟩", "⟨C⟩, the brand under ⟨P⟩": a descriptor slot must name a unit and be the child."""
    desc = template.orgs_in(match.group("desc"))
    child = single_org(template, match.group("child"))
    if desc and (child is None or desc[0].name != child.name or not _UNIT_NOUN.search(desc[0].text)):
        return []
    return simple_link(match, template, view, discourse, kb)


def _venture_between(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """The two partners of a venture, each with its side of a ratio ("60:40") when one is told."""
    child = single_org(template, match.group("child"))
    owners = [single_org(template, match.group("first")), single_org(template, match.group("second"))]
    if child is None or None in owners:
        return []
    shares: list[float | None] = [None, None]
    ratio = _RATIO.search(match.group("ratio"))
    if ratio and float(ratio.group(1)) + float(ratio.group(2)) == 100:
        shares = [float(ratio.group(1)), float(ratio.group(2))]
    clause = clause_span(view, template, match)
    return [
        link_fact(view, owner, child, share, clause)
        for owner, share in zip(owners, shares, strict=True)
        if owner is not None and owner.name != child.name and owner.via != "person"
    ]


def _owners_list(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨A⟩ and ⟨B⟩ own ⟨C⟩ in equal parts", "⟨A⟩ and ⟨B⟩ each hold 50% of ⟨C⟩": every partner owns it."""
    child = single_org(template, match.group("child"))
    owners = [
        named
        for o in template.orgs_in(match.group("parents"))
        if o.via != "person"
        # "the two companies jointly own ⟨C⟩": each company the plural reference stands for
        for named in ([o] if not o.plural else [OrgRef(o.start, o.end, o.text, (n,), o.via) for n in o.names])
    ]
    if child is None or len(owners) < 2 or any(o.name == child.name for o in owners):
        return []
    each = (match.group("adv") or "").strip().lower() == "each"
    stake = pct_in(view, match.group("pct")) if each else None
    if stake is None and (
        _EQUAL.search(match.group("rest")) or (match.group("adv") or "").strip().lower() == "equally"
    ):
        stake = round(100 / len(owners), 1)
    # "… jointly own ⟨C⟩, the venture that shelved plans …": a cue after the statement is another clause's
    upto = view.text[: template.sentence_pos(match.end("child"))]
    return [link_fact(view, owner, child, stake, upto) for owner in owners]


def _compound_unit(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, a ⟨P⟩ subsidiary", "the ⟨P⟩ brand ⟨C⟩": a company name used as the owner's adjective."""
    parent = single_org(template, match.group("parent") or match.group("parent2"))
    child = single_org(template, match.group("child") or match.group("child2"))
    if parent is None or child is None or child.via == "person":
        return []
    stake = 100.0 if WHOLLY.search(match.group(0)) else None
    return [link_fact(view, parent, child, stake, clause_span(view, template, match))]


def _described_owner(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩ is majority owned by Saudi Arabia's sovereign wealth fund ⟨P⟩"."""
    facts = simple_link(match, template, view, discourse, kb)
    if facts and facts[0].fields["stake_pct"] is None and WHOLLY.search(match.group(0)):
        facts[0].fields["stake_pct"] = 100
    return facts


def _owner_of_brands(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨P⟩, owner of the brands ⟨A⟩ and ⟨B⟩": one fact per brand."""
    parent = single_org(template, match.group("parent"))
    if parent is None:
        return []
    clause = clause_span(view, template, match)
    return [
        link_fact(view, parent, child, None, clause)
        for child in template.orgs_in(match.group("children"))
        if not child.plural and child.name != parent.name
    ]


def _paired_venture(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, the Mercedes-Geely joint venture": both named partners own it (each its side of a stated ratio)."""
    groups = match.groupdict()
    suffix = "" if groups.get("child") else "2"
    child = single_org(template, groups["child" + suffix] or "")
    owners = [
        single_org(template, groups["first" + suffix] or ""),
        single_org(template, groups["second" + suffix] or ""),
    ]
    if child is None or owners[0] is None or owners[1] is None:
        return []
    shares: list[float | None] = [None, None]
    ratio = _RATIO.search(groups["ratio" + suffix] or "")
    if ratio and float(ratio.group(1)) + float(ratio.group(2)) == 100:
        shares = [float(ratio.group(1)), float(ratio.group(2))]
    clause = clause_span(view, template, match)
    return [
        link_fact(view, owner, child, share, clause)
        for owner, share in zip(owners, shares, strict=True)
        if owner is not None and owner.name != child.name and owner.via != "person"
    ]


_READERS: dict[str, Reader] = {
    "apposed_shareholder": simple_link,
    "owner_of_pct": simple_link,
    "descriptor_held": _shared,
    "descriptor_founded": _shared,
    "descriptor_bought": _bought,
    "pronoun_unit": _pronoun_unit,
    "bare_subsidiary": _bare_subsidiary,
    "which_holds_stake": _which_holds_stake,
    "apposed_group": simple_link,
    "paired_venture": _paired_venture,
    "unit_under": _described_unit,
    "jointly_founded": _shared,
    "owner_of_brands": _owner_of_brands,
    "unit_of_field_of": _described_unit,
    "whose_shareholder": simple_link,
    "apposed_shareholder_of": simple_link,
    "bare_subsidiary_of": simple_link,
    "owners_list": _owners_list,
    "plural_owners": _owners_list,
    "compound_unit": _compound_unit,
    "owned_by_described": _described_owner,
    "venture_between": _venture_between,
}
