"""Ownership told in asides, relative clauses and translated passives, beside the main patterns of ownership.py.

These are the shapes news uses to mention an owner in passing, about a descriptor rather than in a clause of
its own: "⟨C⟩, the venture that ⟨A⟩, ⟨B⟩ and ⟨D⟩ hold each at 33.3%", "⟨C⟩, the battery company established
by ⟨A⟩ and ⟨B⟩ with equal shares", "⟨P⟩, ⟨C⟩'s largest shareholder with a 38 percent stake", "⟨P⟩, owner of
22% of ⟨C⟩", "⟨C⟩ is owned to 89% by ⟨P⟩", "⟨C⟩, the maker ⟨P⟩ bought in 2020", "⟨P⟩'s wholly-owned
subsidiary ⟨C⟩" said through a pronoun, "⟨P⟩, which already holds a minority stake", and a stake sold to a
buyer ("sold a 10% stake in ⟨C⟩ to ⟨B⟩": the buyer now holds it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from evintel.extract.context import Discourse, OrgRef, SentenceView, subject_candidates
from evintel.extract.modality import confidence_for, find_modality
from evintel.extract.template import ORG, ORG_LIST, PCT, Gate, Template, admitted, build_template, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

_APPROX = (
    r"(?:(?:about|around|roughly|some|nearly|almost|approximately|just\s+over|just\s+under|more\s+than|"
    r"up\s+to|over)\s+)?"
)
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
_WHOLLY = re.compile(
    r"\b(?:wholly|fully|100\s*(?:%|percent|per\s+cent)|entirely)[\s-]+owned\b", re.IGNORECASE
)
_POSSESSIVE_SLOT = re.compile(r"(?:^(?:its|their)$|(?:'s|’s|')$)", re.IGNORECASE)
_FLAGS = re.IGNORECASE
# A place or owner in the possessive before a partner's name ("Saudi Arabia's", "the kingdom's", "Taiwan's").
_PLACE_OF = r"(?:the\s+)?(?:(?:[\w-]+\s+)?[\w-]+(?:'s|’s)\s+)?"
# Up to two words before a unit noun, none of which makes the two companies kin or partners rather than
# owner and owned ("the Kia sister company", "a Tesla partner brand").
_NOT_KIN = r"(?:(?!(?:sister|partner|rival|peer|customer|supplier|client|competitor)\b)[\w-]+\s+){0,2}?"
# "… with 21%", "… at 15%": a stake told after the owner.
_WITH_PCT = rf"(?:\s*,?\s+(?:with|at|holding|owning)\s+(?:a\s+|an\s+)?{_APPROX}{PCT})?"
_RATIO = re.compile(r"\b(\d{1,2})\s*(?::|/|-|–)\s*(\d{1,2})\b")
_FULL = re.compile(
    r"\b(?:wholly|fully|100\s*(?:%|percent|per\s+cent))[\s-]+owned|\bfull\s+(?:control|ownership)|\bsole\s+(?:owner|shareholder)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        # ⟨C⟩ is owned to 89.29% by ⟨P⟩ ; ⟨C⟩ is held at 51 percent by ⟨P⟩ (translated word order) ;
        # ⟨C⟩ will be owned 51% by ⟨A⟩ and 49% by ⟨B⟩
        (
            "owned_to",
            re.compile(
                rf"(?P<child>{ORG})[^⟨⟩.;]{{0,30}}?\b(?:owned|held|controlled)\s+(?:(?:to|at|in|for|with)\s+)?{_APPROX}"
                rf"{PCT}\s+(?:by|through)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨P⟩, ⟨C⟩'s largest shareholder with a 38.19 per cent stake
        (
            "apposed_shareholder",
            re.compile(
                rf"(?P<parent>{ORG})\s*,\s*(?:the\s+)?(?P<child>{ORG})\s*(?:'s|’s|')\s+(?:[\w-]+\s+){{0,2}}?"
                rf"(?:shareholder|stakeholder|owner|parent|investor)\b"
                rf"(?P<tail>\s+(?:with|holding|owning|of)\s+(?:a\s+|an\s+)?{_APPROX}{PCT})?"
                rf"(?!\s*,?\s*(?:the\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?⟨)",
                _FLAGS,
            ),
        ),
        # ⟨P⟩, owner of 22% of ⟨C⟩ ; ⟨P⟩, which is the holder of 10 percent of ⟨C⟩
        (
            "owner_of_pct",
            re.compile(
                rf"(?P<parent>{ORG})\s*,?\s*(?:which\s+is\s+|is\s+|was\s+|as\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?"
                rf"(?:owner|holder|shareholder)\s+(?:of|with)\s+{_APPROX}{PCT}\s+(?:of|in)\s+(?:the\s+)?"
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
                rf"(?P<child>{ORG})\s*,\s*(?P<desc>{_DESC})\s+(?:established|founded|set\s+up|formed|created|"
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
        # ⟨S⟩ (completed the sale of | sold) a 10% stake in ⟨C⟩ to ⟨B⟩ — the buyer now holds it; a sale only
        # agreed or planned ("agreed to sell", "will sell") leaves the stake with the seller for now
        (
            "stake_sold_to",
            re.compile(
                rf"(?:\b(?:sold|divested|transferred)|\b(?:completed|closed|finali[sz]ed|concluded)\s+(?:the\s+|its\s+)?sale\s+of)\s+"
                rf"(?:a|an|its|their|the|⟨\d+⟩)?\s*{_APPROX}{PCT}\s+(?:stake|share|holding|interest|shareholding)\s+in\s+"
                rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<child>{ORG})(?P<unit>(?:\s+[\w-]+){{0,3}}?)\s+to\s+"
                rf"(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?(?P<parent>{ORG})",
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
        # ⟨P⟩ has taken over ⟨B⟩'s 50 per cent share in ⟨C⟩ (turning it into a wholly-owned subsidiary)
        (
            "bought_stake_of",
            re.compile(
                rf"(?P<parent>{ORG})[^⟨⟩.;]{{0,40}}?\b(?:acquired|acquires|acquire|bought|buys|buy|took\s+over|takes\s+over|"
                rf"taken\s+over|take\s+over|purchased|purchases)\s+(?P<seller>{ORG})\s*(?:'s|’s|'|’)\s+(?:remaining\s+|entire\s+)?"
                rf"{PCT}\s+(?:stake|share|holding|interest|shareholding)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?"
                rf"(?P<child>{ORG})(?P<rest>[^⟨⟩.;]*)",
                _FLAGS,
            ),
        ),
        # …, with ⟨B⟩ holding the rest (of the company whose stake was just told)
        (
            "holding_the_rest",
            re.compile(
                rf"\b(?:with|while|and|whereas)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?P<parent>{ORG})\s+"
                rf"(?:holding|owning|having|controlling|keeping|retaining|holds|owns|has|controls|keeps|retains)\s+"
                rf"the\s+(?:rest|remainder|balance|remaining\s+(?:stake|shares|equity|interest))\b",
                _FLAGS,
            ),
        ),
        # ⟨A⟩ and ⟨B⟩ (jointly) own ⟨C⟩ (in equal parts) ; ⟨A⟩ and ⟨B⟩ each hold 50% of ⟨C⟩
        (
            "owners_list",
            re.compile(
                rf"(?P<parents>⟨\d+⟩(?:\s*,\s*⟨\d+⟩)*\s*,?\s*(?:and|&)\s+⟨\d+⟩)\s+(?P<adv>(?:jointly|each|together|equally)\s+)?"
                rf"(?:own|hold|control)\s+(?:(?:a|an)\s+)?(?:(?P<pct>{_APPROX}{PCT})\s+(?:stake\s+|share\s+)?(?:of|in)\s+)?"
                rf"(?:the\s+)?(?P<child>{ORG})(?P<rest>[^⟨⟩.;]{{0,30}})",
                _FLAGS,
            ),
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
                rf"(?:is|was|remains|has\s+been)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?(?P<parent>{ORG}){_WITH_PCT}",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ possesses 21% of ⟨C⟩ ; participates with 21% in ⟨C⟩ ; is present in the capital of ⟨C⟩ with 4.99%
        (
            "translated_holding",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,40}}?\b(?:(?:possesses|possess|possessed)\s+{_APPROX}{PCT}\s+"
                rf"(?:of|in)\s+(?:the\s+)?(?:capital\s+of\s+)?(?P<child>{ORG})"
                rf"|(?:participates|participate|participated|is\s+present|was\s+present|entered|enters|has\s+entered)\s+"
                rf"(?:with\s+{_APPROX}{PCT}\s+)?(?:(?:in|into)\s+)?the\s+(?:share\s+)?capital\s+of\s+(?:the\s+)?(?P<child2>{ORG}){_WITH_PCT}"
                rf"|(?:participates|participate|participated)\s+with\s+{_APPROX}{PCT}\s+in\s+(?:the\s+)?(?P<child3>{ORG}))",
                _FLAGS,
            ),
        ),
        # ⟨C⟩ counts ⟨P⟩ among its shareholders (with 21%) ; ⟨C⟩ has as (main) shareholder ⟨P⟩
        (
            "counts_among",
            re.compile(
                rf"(?P<child>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,30}}?\b(?:(?:counts|count|counted|numbers|includes|included)\s+"
                rf"(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?P<parent>{ORG})\s+(?:among|as\s+one\s+of)\s+(?:its|their|⟨\d+⟩)\s+"
                rf"(?:[\w-]+\s+)?(?:shareholders|owners|stakeholders)"
                rf"|(?:has|have|had)\s+as\s+(?:its\s+|their\s+|⟨\d+⟩\s+)?(?:[\w-]+\s+)?(?:shareholder|owner|stakeholder)s?\s+"
                rf"(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?P<parent2>{ORG})){_WITH_PCT}",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ remains the first shareholder of ⟨C⟩ with 35.7% (translated "premier actionnaire")
        (
            "first_shareholder",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,30}}?\b(?:is|was|remains|remained|becomes|became|as)\s+(?:the\s+|its\s+)?"
                rf"(?:first|top|dominant|reference|historic|historical|single\s+largest)\s+(?:shareholder|stakeholder|owner)\s+"
                rf"(?:of|in)\s+(?:the\s+)?(?P<child>{ORG}){_WITH_PCT}",
                _FLAGS,
            ),
        ),
        # ⟨P⟩, main shareholder of ⟨C⟩, … ; ⟨P⟩, shareholder of ⟨C⟩ at 15%, …
        (
            "apposed_shareholder_of",
            re.compile(
                rf"(?P<parent>{ORG})\s*,\s*(?:the\s+|its\s+)?(?:(?:main|largest|biggest|principal|majority|minority|controlling|first|"
                rf"top|key|reference|historic|leading|anchor)\s+)?(?:shareholder|stakeholder|co-owner)\s+(?:of|in)\s+(?:the\s+)?"
                rf"(?P<child>{ORG}){_WITH_PCT}",
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
        # ⟨P⟩ holds the majority of ⟨C⟩ ; ⟨P⟩ owns the entirety of ⟨C⟩
        (
            "majority_of",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,40}}?\b(?:holds|owns|controls|has|hold|own|control|have|keeps|retains)\s+"
                rf"(?:the\s+|a\s+)?(?P<degree>majority|minority|bulk|entirety|whole)\s+(?:stake\s+)?(?:of|in)\s+(?:the\s+)?"
                rf"(?:[\w-]+\s+){{0,3}}?(?P<child>{ORG})(?!\s*(?:'s|’s|'|’))",
                _FLAGS,
            ),
        ),
        # the participation of ⟨P⟩ in (the capital of) ⟨C⟩ (is 21%) (translated "la participación de")
        (
            "participation_of",
            re.compile(
                rf"\b(?:participation|shareholding|stake|holding)\s+of\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,2}}?(?P<parent>{ORG})\s+"
                rf"in\s+(?:the\s+)?(?:capital\s+of\s+(?:the\s+)?)?(?P<child>{ORG})"
                rf"(?:[^⟨⟩.;]{{0,30}}?\b(?:is|was|stands\s+at|amounts\s+to|reaches|reached|rose\s+to|of|at)\s+{_APPROX}{PCT})?",
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
    """Words and slots each pattern needs (see template.Gate)."""
    return {
        "owned_to": gate("owned|held|controlled", percent=True),
        "apposed_shareholder": gate("shareholder|stakeholder|owner|parent|investor", "'|’"),
        "owner_of_pct": gate("owner|holder|shareholder", percent=True),
        "descriptor_held": gate("that|which", "hold|own|control"),
        "descriptor_founded": gate("established|founded|set up|formed|created|co-founded|launched", "by"),
        "descriptor_bought": gate("bought|acquired|took|purchased|snapped|rescued"),
        "pronoun_unit": gate(_UNIT_NOUNS.replace(r"\s+", " ")),
        "bare_subsidiary": gate("owned", orgs=1),
        "which_holds_stake": gate("which|who", "stake|shareholding|holding|interest", orgs=1),
        "stake_sold_to": gate("sold|sale|divested|transferred", percent=True),
        "apposed_group": gate("group|holding", "'|’"),
        "unit_of_field_of": gate("of|for|in"),
        "whose_shareholder": gate("whose", "shareholder|owner|parent|stakeholder"),
        "translated_holding": gate("possess|participat|present|entered|enters"),
        "counts_among": gate("count|numbers|includes|included|has|have|had", "shareholder|owner|stakeholder"),
        "first_shareholder": gate(
            "first|top|dominant|reference|historic|single", "shareholder|stakeholder|owner"
        ),
        "apposed_shareholder_of": gate("shareholder|stakeholder|co-owner", "of|in"),
        "bare_subsidiary_of": gate("subsidiary|unit|division|affiliate|filiale|daughter|branch", "of"),
        "majority_of": gate("majority|minority|bulk|entirety|whole"),
        "participation_of": gate("participation|shareholding|stake|holding", "of"),
        "owners_list": gate("and|&", "own|hold|control", orgs=3),
        "compound_unit": gate(_UNIT_NOUNS.replace(r"\s+", " ") + "|company"),
        "owned_by_described": gate("owned|controlled", "by"),
        "venture_between": gate("venture", "and", orgs=3),
        "bought_stake_of": gate(
            "acquire|bought|buy|took|takes|taken|take|purchase", "'|’", percent=True, orgs=3
        ),
        "holding_the_rest": gate(
            "rest|remainder|balance|remaining", "with|while|and|whereas", orgs=1, percent=True
        ),
    }


def extract_clause_ownership(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Ownership stated in an aside, a relative clause or a translated passive of one sentence."""
    if not view.orgs:
        return []
    passed = admitted(_gates(), view, 0)
    if not passed:
        return []
    template = build_template(view, pronouns=True, persons=True)
    facts: list[Fact] = []
    for name, pattern in _patterns():
        if name not in passed:
            continue
        for match in pattern.finditer(template.text):
            found = _READERS[name](match, template, view, discourse, kb)
            found = [f for f in found if f.fields["parent"] != f.fields["child"]]
            facts.extend(found)
            if found and found[-1].fields["stake_pct"] is not None:
                view.notes["ownership_child"] = found[-1].fields["child"]
    return facts


def _pct(view: SentenceView, fragment: str | None) -> float | None:
    """The last percentage slot in a template fragment."""
    slots = re.findall(r"⟦P(\d+)⟧", fragment or "")
    return float(view.percentages[int(slots[-1])].value) if slots else None


def _single(template: Template, fragment: str) -> OrgRef | None:
    refs = template.orgs_in(fragment)
    return refs[0] if refs and not refs[0].plural else None


def _link(
    view: SentenceView, parent: OrgRef, child: OrgRef, stake: float | None, clause: str | None = None
) -> Fact:
    """One ownership fact; an aside (clause) keeps its own modality, apart from the sentence's."""
    base = 0.85 if "coref" not in (parent.via, child.via) and child.via != "discourse" else 0.7
    modality = find_modality(clause).value if clause is not None else view.modality.value
    stake_value: float | int | None = stake
    if stake is not None and float(stake).is_integer():
        stake_value = int(stake)
    return Fact(
        "ownership",
        {"parent": parent.name, "child": child.name, "stake_pct": stake_value},
        view.evidence(),
        confidence_for(modality, base),
        modality,
    )


def _span(view: SentenceView, template: Template, match: re.Match[str]) -> str:
    return view.text[template.sentence_pos(match.start()) : template.sentence_pos(match.end())]


def _simple(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """One parent, one child, the stake from a percentage inside the match (or 'wholly owned')."""
    groups = match.groupdict()
    parent_slot = next((groups[g] for g in ("parent", "parent2") if groups.get(g)), None)
    child_slot = next((groups[g] for g in ("child", "child2", "child3") if groups.get(g)), None)
    if parent_slot is None or child_slot is None:
        return []
    parent, child = _single(template, parent_slot), _single(template, child_slot)
    if parent is None or child is None or child.via == "person":
        return []
    stake = _pct(view, match.group(0))
    if stake is None and (
        _WHOLLY.search(match.group(0)) or (groups.get("degree") or "").lower() in ("entirety", "whole")
    ):
        stake = 100.0
    return [_link(view, parent, child, stake, _span(view, template, match))]


def _bought(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, the maker ⟨P⟩ bought": a descriptor slot must be the child itself, as coreference read it."""
    desc = template.orgs_in(match.group("desc"))
    child = _single(template, match.group("child"))
    if desc and (child is None or desc[0].name != child.name):
        return []
    return _simple(match, template, view, discourse, kb)


# "…, 45% by ⟨B⟩ and (to) 10% by ⟨D⟩": further owners with the verb left out.
_AND_PCT_BY = re.compile(
    rf"\s*(?:,\s*(?:and\s+|while\s+)?|\s(?:and|while)\s+)(?:(?:to|at|in|for|with)\s+)?{_APPROX}{PCT}\s+(?:is\s+|are\s+)?"
    rf"(?:owned\s+|held\s+)?by\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?{ORG}",
    re.IGNORECASE,
)


def _owned_to(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    facts = _simple(match, template, view, discourse, kb)
    child = _single(template, match.group("child"))
    position = match.end()
    while facts and child is not None and (more := _AND_PCT_BY.match(template.text, position)):
        position = more.end()
        other = template.org(more.group(2))
        if not other.plural and other.name != child.name:
            facts.append(_link(view, other, child, float(view.percentages[int(more.group(1))].value)))
    return facts


def _shared(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """Several owners of a descriptor: each gets the stake said to be each one's, or an equal share."""
    child = _single(template, match.group("child"))
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
    stake = _pct(view, rest)
    each = re.search(r"\beach\b", match.group(0), re.IGNORECASE)
    if stake is not None and len(owners) > 1 and not each:
        stake = None  # "⟨A⟩ and ⟨B⟩ hold 60 percent": together or each is not said
    if stake is None and _EQUAL.search(rest):
        stake = round(100 / len(owners), 1) if len(owners) > 1 else None
    if match.re.groupindex.get("desc") and stake is None:
        desc = template.text[match.start("desc") : match.end("desc")]
        desc_text = " ".join(o.text for o in template.orgs_in(desc)) or desc
        if not re.search(r"\b(?:venture|jv|joint)\b", desc_text, re.IGNORECASE):
            return []  # "founded by" alone names founders, not owners, unless shares or a venture are said
    clause = _span(view, template, match)
    return [_link(view, owner, child, stake, clause) for owner in owners]


def _pronoun_unit(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "its wholly-owned subsidiary ⟨C⟩": only where the owner slot is a possessive ("its", "the company's")."""
    parent, child = _single(template, match.group("parent")), _single(template, match.group("child"))
    if parent is None or child is None or not _POSSESSIVE_SLOT.search(parent.text.strip()):
        return []
    if (
        parent.text.strip().lower() in ("its", "their")
        or parent.via == "coref"
        or parent.text.endswith(("'s", "’s"))
    ):
        stake = 100.0 if _WHOLLY.search(match.group(0)) else None
        return [_link(view, parent, child, stake, _span(view, template, match))]
    return []


def _bare_subsidiary(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, a wholly owned subsidiary." names no owner: the company the article is about owns it."""
    child = _single(template, match.group("child"))
    main = discourse.main_entity()
    if child is None or main is None or main == child.name:
        return []
    if any(o.name == main for o in view.orgs):
        return []  # the main company is named here, yet not as the owner: something else is meant
    parent = OrgRef(0, 0, main, (main,), "discourse")
    return [_link(view, parent, child, 100.0, _span(view, template, match))]


def _which_holds_stake(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨P⟩, which already holds a minority stake": in the company that opens the sentence."""
    parent = _single(template, match.group("parent"))
    if parent is None:
        return []
    start = template.sentence_pos(match.start())
    subjects = [o for o in subject_candidates(view, start) if o.name != parent.name and o.via != "person"]
    if not subjects or subjects[0].start > 25:
        return []
    return [_link(view, parent, subjects[0], _pct(view, match.group(0)), _span(view, template, match))]


_UNIT_WORD = re.compile(r"\b(?:unit|business|arm|division|subsidiary|operations)$", re.IGNORECASE)


def _stake_sold_to(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "sold a 10% stake in ⟨C⟩ to ⟨B⟩": ⟨B⟩ holds 10% of ⟨C⟩ (of "its base metals unit", the KB unit)."""
    buyer, child = _single(template, match.group("parent")), _single(template, match.group("child"))
    if buyer is None or child is None:
        return []
    unit = match.group("unit").strip()
    if unit:
        named = _named_unit(child, unit, kb) if _UNIT_WORD.search(unit) else None
        if named is None:
            return []  # "a stake in ⟨C⟩ plant to ⟨B⟩": not the company itself
        child = named
    return [_link(view, buyer, child, _pct(view, match.group(0)))]


def _named_unit(owner: OrgRef, words: str, kb: KnowledgeBase) -> OrgRef | None:
    """The KB child of an owner that "its base metals unit" describes: its name holds every descriptive word."""
    entity = kb.resolve(owner.name)
    wanted = set(normalize_name(_UNIT_WORD.sub("", words)).split())
    if entity is None or not wanted:
        return None
    for child in kb.children(entity.id):
        if wanted <= set(normalize_name(child.name).split()):
            return OrgRef(owner.start, owner.end, child.name, (child.name,), "coref")
    return None


def _unit_of_field_of(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, the subsidiary of electric mobility of ⟨P⟩": a descriptor slot must name a unit and be the child."""
    desc = template.orgs_in(match.group("desc"))
    child = _single(template, match.group("child"))
    if desc and (
        child is None
        or desc[0].name != child.name
        or not re.search(rf"\b(?:{_UNIT_NOUNS})\b", desc[0].text, re.I)
    ):
        return []
    return _simple(match, template, view, discourse, kb)


def _venture_between(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """The two partners of a venture, each with its side of a ratio ("60:40") when one is told."""
    child = _single(template, match.group("child"))
    owners = [_single(template, match.group("first")), _single(template, match.group("second"))]
    if child is None or None in owners:
        return []
    shares: list[float | None] = [None, None]
    ratio = _RATIO.search(match.group("ratio"))
    if ratio and float(ratio.group(1)) + float(ratio.group(2)) == 100:
        shares = [float(ratio.group(1)), float(ratio.group(2))]
    clause = _span(view, template, match)
    return [
        _link(view, owner, child, share, clause)
        for owner, share in zip(owners, shares, strict=True)
        if owner is not None and owner.name != child.name and owner.via != "person"
    ]


def _bought_stake_of(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨P⟩ took over ⟨B⟩'s 50% share in ⟨C⟩": ⟨P⟩ owns ⟨C⟩, all of it when the sentence says so."""
    parent, child = _single(template, match.group("parent")), _single(template, match.group("child"))
    if parent is None or child is None:
        return []
    whole = bool(_FULL.search(match.group("rest")) or re.search(r"\bremaining\b", match.group(0), re.I))
    return [_link(view, parent, child, 100.0 if whole else None)]


def _holding_the_rest(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨A⟩ owns 82 percent of ⟨C⟩, with ⟨B⟩ holding the rest": ⟨B⟩ holds 100 minus the stake just told."""
    parent = _single(template, match.group("parent"))
    child_name = view.notes.get("ownership_child")
    stake = _pct(view, template.text[: match.start()])
    if parent is None or not isinstance(child_name, str) or stake is None or not 0 < stake < 100:
        return []
    if not any(child_name in o.names for o in view.orgs):
        return []  # the company was named in an earlier sentence: its stakes there are not these
    child = OrgRef(0, 0, child_name, (child_name,), "discourse")
    return [_link(view, parent, child, round(100 - stake, 2))]


def _owners_list(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨A⟩ and ⟨B⟩ own ⟨C⟩ in equal parts", "⟨A⟩ and ⟨B⟩ each hold 50% of ⟨C⟩": every partner owns it."""
    child = _single(template, match.group("child"))
    owners = [o for o in template.orgs_in(match.group("parents")) if not o.plural and o.via != "person"]
    if child is None or len(owners) < 2 or any(o.name == child.name for o in owners):
        return []
    each = (match.group("adv") or "").strip().lower() == "each"
    stake = _pct(view, match.group("pct")) if each else None
    if stake is None and (
        _EQUAL.search(match.group("rest")) or (match.group("adv") or "").strip().lower() == "equally"
    ):
        stake = round(100 / len(owners), 1)
    return [_link(view, owner, child, stake) for owner in owners]


def _compound_unit(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩, a ⟨P⟩ subsidiary", "the ⟨P⟩ brand ⟨C⟩": a company name used as the owner's adjective."""
    parent = _single(template, match.group("parent") or match.group("parent2"))
    child = _single(template, match.group("child") or match.group("child2"))
    if parent is None or child is None or child.via == "person":
        return []
    stake = 100.0 if _WHOLLY.search(match.group(0)) else None
    return [_link(view, parent, child, stake, _span(view, template, match))]


def _described_owner(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨C⟩ is majority owned by Saudi Arabia's sovereign wealth fund ⟨P⟩"."""
    facts = _simple(match, template, view, discourse, kb)
    if facts and facts[0].fields["stake_pct"] is None and _WHOLLY.search(match.group(0)):
        facts[0].fields["stake_pct"] = 100
    return facts


_TRADE_BEFORE = re.compile(
    r"\b(?:sale|sell|sells|sold|selling|divest\w*|dispos\w*|exit\w*|acquir\w*|bought|buy|buys|purchas\w*|took\s+over|"
    r"take\s+over|takes\s+over|taken\s+over|transfer\w*)\b[^.;]*$",
    re.IGNORECASE,
)


def _participation_of(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "the participation of ⟨P⟩ in ⟨C⟩": a holding, unless it is being sold or bought ("the sale of the stake of")."""
    if _TRADE_BEFORE.search(template.text[: match.start()]):
        return []
    return _simple(match, template, view, discourse, kb)


_Reader = Callable[[re.Match[str], Template, SentenceView, Discourse, KnowledgeBase], list[Fact]]
_READERS: dict[str, _Reader] = {
    "owned_to": _owned_to,
    "apposed_shareholder": _simple,
    "owner_of_pct": _simple,
    "descriptor_held": _shared,
    "descriptor_founded": _shared,
    "descriptor_bought": _bought,
    "pronoun_unit": _pronoun_unit,
    "bare_subsidiary": _bare_subsidiary,
    "which_holds_stake": _which_holds_stake,
    "stake_sold_to": _stake_sold_to,
    "apposed_group": _simple,
    "unit_of_field_of": _unit_of_field_of,
    "whose_shareholder": _simple,
    "translated_holding": _simple,
    "counts_among": _simple,
    "first_shareholder": _simple,
    "apposed_shareholder_of": _simple,
    "bare_subsidiary_of": _simple,
    "majority_of": _simple,
    "participation_of": _participation_of,
    "owners_list": _owners_list,
    "compound_unit": _compound_unit,
    "owned_by_described": _described_owner,
    "venture_between": _venture_between,
    "bought_stake_of": _bought_stake_of,
    "holding_the_rest": _holding_the_rest,
}
