"""The grammar of ownership statements: the patterns ownership.py runs over sentence templates, and the
words each needs ("⟨0⟩ holds a ⟦P0⟧ stake in ⟨1⟩", "⟨1⟩, a subsidiary of ⟨0⟩", "Geely-owned ⟨1⟩")."""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.facts.ownership_links import with_cues
from evintel.extract.lexicon import load_lexicon, phrase_alternation
from evintel.extract.template import ORG, ORG_LIST, PCT, Gate, gate

# Nouns of "the ⟨X⟩ unit": a company X owns, named just before (see ownership._unit_referent).
UNIT_HEADS = "unit|subsidiary|arm|division|affiliate"
# Text between a subject and its verb; "⟨A⟩ and holds …" is a coordinated verb, handled by "coordinated_stake".
_GAP = r"(?!\s*,?\s*and\b)[^⟨⟩.;]{0,60}?"
_SHORT_GAP = r"[^⟨⟩.;]{0,25}?"
# Up to four descriptive words before a company name ("48 percent of electric performance brand ⟨C⟩").
_DESCRIPTOR_WORDS = r"(?:(?!(?:from|to|by|with|for|in|at|on|its|their|sales|revenue|revenues|deliveries|output|market|shares|production|profit|capacity)\b)[\w-]+\s+){0,4}?"
# "⟨PowerCo SE⟩ ("⟨PowerCo⟩"), the battery company of ⟨VW⟩": a short name given in brackets after a name.
_ALIAS = r"(?:\s*\(\s*(?:the\s+)?[\"“”']?(?:⟨\d+⟩|[\w&.-]+)[\"“”']?\s*\))?"
# "⟨VW⟩'s ⟨Traton⟩": the parent is the last company of a possessive chain.
_POSSESSIVE_CHAIN = r"(?:\s*(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?⟨\d+⟩)?"
# A time put between a verb and its object, as translations from German do ("took over in the past year ⟨C⟩").
WHEN_BEFORE_OBJECT = (
    r"(?:(?:in|during|over)\s+(?:the\s+)?(?:(?:past|last|previous|current|same|first|second)\s+)?"
    r"(?:year|month|quarter|spring|summer|autumn|fall|winter|\d{4})|last\s+(?:year|month|week)|earlier\s+this\s+year|"
    r"this\s+year|in\s+\d{4})\s*,?\s+"
)
# Heads of a descriptor that names a dependent company ("⟨C⟩, the battery company of ⟨P⟩").
SUBSIDIARY_HEADS = "subsidiary|unit|division|arm|affiliate|brand|marque|label|daughter|company|business|venture|offshoot|spin-off"
# "which is basically ⟨X⟩ under the umbrella of ⟨P⟩": a loose restatement of who the owner is.
_IN_EFFECT = r"(?:basically|essentially|effectively|practically|de\s+facto|in\s+effect|in\s+fact)"
# Verbs of keeping a share whose object may be a bare percentage ("keeps the remaining 30 percent").
_BARE_HOLD = (
    r"holds|hold|held|holding|owns|own|owned|owning|keeps|keep|kept|keeping|retains|retain|retained|controls|"
    r"takes|take|took|taking|has|have|had|gets|get|got|will\s+hold|will\s+keep|will\s+own|will\s+have|will\s+take|"
    r"would\s+hold|would\s+keep|would\s+own|would\s+have|still\s+holds|still\s+owns|still\s+has"
)
# Only before "of" or the end of a clause: "a third plant" is no stake.
FRACTION = (
    r"(?:(?:a|one)[\s-]+(?:half|third|quarter|fifth|tenth)|two[\s-]+thirds|three[\s-]+quarters)\b"
    r"(?![\s-]+(?!of\b)[a-z])"
)
_FRACTION_WORDS = "half|third|thirds|quarter|quarters|fifth|tenth"


def _alternation(words: list[str]) -> str:
    return phrase_alternation(words, ignore_case=True)  # every pattern below is IGNORECASE


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each ownership pattern with its name, compiled once."""
    lex = load_lexicon("ownership")
    hold = _alternation(lex["holding_verbs"])
    stake = _alternation(lex["stake_nouns"])
    sub = _alternation(lex["subsidiary_nouns"])
    acquire = _alternation(lex["acquisition_verbs"])
    degree = _alternation(lex["degree_words"])
    share = rf"(?:{PCT}|{FRACTION})"
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
                rf"{ORG}(?P<gap>{_GAP})\b(?:{hold})\b(?P<mid>[^⟨⟩.;]{{0,40}}?){approx}{PCT}\s+(?:of\s+the\s+(?:voting\s+rights|votes|shares|share\s+capital|capital|equity|stock)\s+|(?:shares|stake|equity|interest)\s+)?(?:of|in)\s+(?:the\s+)?{_DESCRIPTOR_WORDS}(?P<child>{ORG_LIST})(?!\s+(?:{_BARE_HOLD})\b)",
                flags,
            ),
        ),
        # ⟨P⟩ owns roughly a third of ⟨C⟩ ; ⟨P⟩ bought half of ⟨C⟩
        (
            "fraction_of",
            re.compile(
                rf"{ORG}(?P<gap>{_GAP})\b(?:{hold})\s+(?:{approx}|just\s+(?:over|under)\s+)?(?:{FRACTION}|half)\s+of\s+(?:the\s+)?{_DESCRIPTOR_WORDS}(?P<child>{ORG_LIST})",
                flags,
            ),
        ),
        # ⟨C⟩, in which (the French carmaker) ⟨P⟩ holds a 34 percent stake
        (
            "in_which",
            re.compile(
                rf"(?P<child>{ORG})[^⟨⟩.;]{{0,60}}?,?\s*(?:in|of|at)\s+which\s+(?:the\s+)?{_DESCRIPTOR_WORDS}{ORG}(?P<gap>{_GAP})\b(?:{hold})\b(?P<mid>{_GAP})(?:\b(?:{stake})\b|{share})",
                flags,
            ),
        ),
        # ⟨P⟩ is the largest shareholder (of ⟨C⟩) with about 21 percent; ⟨P⟩, the largest shareholder with a 21% stake,
        (
            "shareholder",
            re.compile(
                rf"{ORG}(?P<gap>[^⟨⟩.;]{{0,30}}?)(?:\b(?:is|was|remains|remained|becomes|became|will\s+become|would\s+become|(?<![,\w]\s)as)|(?<=⟩,)(?=\s+the\s+(?:single\s+)?(?:largest|biggest|main|major|principal|controlling|majority)\s))\s+(?:the\s+|a\s+|an\s+|(?P<its>its\s+))?(?:single\s+)?(?:largest|biggest|main|major|principal|second-largest|second-biggest|third-largest|controlling|majority|minority|key|anchor|leading)?\s*(?:shareholder|stakeholder|owner|investor)(?:\s+(?:in|of)\s+(?P<child>{ORG}))?(?P<tail>[^⟨⟩.;]{{0,25}}?(?:with|holding|owning|of)\s+(?:a\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?{PCT})?",
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
                rf"{ORG}(?P<gap>,?\s*(?:which|that|who)?\s*(?:already\s+|also\s+|now\s+|still\s+)?)\b(?:owns|controls|acquired|bought|took over)\s+(?:the\s+)?(?P<child>{ORG_LIST})(?!\s*(?:'s|’s))",
                flags,
            ),
        ),
        # ⟨P⟩, the state-controlled company behind the ⟨B⟩ electric car brand: the owner of a brand
        (
            "company_behind",
            re.compile(
                rf"{ORG}{_ALIAS}\s*,\s*(?:(?:the|a)\s+(?:[\w-]+\s+){{0,3}}?(?:company|group|firm|maker|carmaker|automaker|"
                rf"startup|owner)|⟨\d+⟩)\s+behind\s+(?:the\s+)?(?P<child>{ORG})\s+(?:[\w-]+\s+){{0,3}}?(?:brand|marque|label)\b",
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
        # the brands ⟨A⟩ and ⟨B⟩ of ⟨P⟩ (translated word order: "las marcas A y B del grupo")
        (
            "brands_of",
            re.compile(
                rf"\b(?:brands?|marques?|subsidiar(?:y|ies)|filiales?)\s+(?P<child>{ORG_LIST})\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?{ORG}",
                flags,
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
                rf"{ORG}(?P<gap>{_GAP})\b(?:invest|invests|invested|investing|inject|injects|injected|pay|pays|paid|put|puts)\s+⟦M\d+⟧\s+(?:in|into)\s+(?P<child>{ORG})[^⟨⟩.;]{{0,60}}?\b(?:take|taking|takes|took|get|gets|getting|receive|receives|acquire|acquires|for|giving\s+it|give\s+it|gives\s+it|in\s+return\s+for)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:stake|share|holding|interest)\s+of\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+)?{PCT}",
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
                rf"(?P<child>{ORG}){_ALIAS}\s*,\s*(?P<desc>⟨\d+⟩)\s+(?:{PCT}\s+)?(?:of|between)\s+(?:[\w-]+(?:'s|’s)\s+)?(?:the\s+)?(?P<parents>⟨\d+⟩(?:(?:\s*,\s*|\s+and\s+)(?:[\w-]+(?:'s|’s)\s+)?⟨\d+⟩)*)",
                flags,
            ),
        ),
        # ⟨C⟩, the (50:50) joint venture of ⟨A⟩ and ⟨B⟩
        (
            "venture_of",
            re.compile(
                rf"(?P<child>{ORG}){_ALIAS}\s*,\s*(?:the|a|an|its|their)\s+(?:[\w:-]+\s+){{0,3}}?(?:joint\s+)?venture\s+(?:company\s+)?(?:of|between|owned\s+by|formed\s+by|set\s+up\s+by)\s+(?P<parents>⟨\d+⟩(?:(?:\s*,\s*|\s+and\s+)(?:[\w-]+(?:'s|’s)\s+)?⟨\d+⟩)*)",
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
                rf"(?P<child>{ORG}){_ALIAS}\s*,?\s*(?:which\s+is\s+|is\s+|was\s+|remains\s+|,\s*)?(?:now\s+|still\s+)?(?:a|an|the)\s+(?:[\w⟦⟧-]+\s+){{0,4}}?(?:{sub})(?:\s+{PCT})?\s+(?:of|owned by|belonging to)\s+(?:[\w-]+\s+){{0,2}}?{ORG}{_POSSESSIVE_CHAIN}",
                flags,
            ),
        ),
        # ⟨C⟩, ⟨P⟩'s luxury marque
        (
            "appositive_possessive",
            re.compile(
                rf"(?P<child>{ORG}){_ALIAS}\s*,\s*(?:the\s+)?{ORG}(?:\s*(?:'s|’s|')|(?<=⟩)(?=\s+(?:wholly|fully|majority|minority|100\s*%|own|main|new)\b))\s+(?:[\w-]+\s+){{0,5}}?(?:{sub})\b",
                flags,
            ),
        ),
        # ⟨C⟩, the ⟨P⟩ brand based in … ; ⟨C⟩, a ⟨P⟩ unit, …
        (
            "appositive_owner_noun",
            re.compile(
                rf"(?P<child>{ORG}){_ALIAS}\s*,\s*(?:the|a|an)\s+{ORG}\s+(?:[\w-]+\s+)?(?:{sub})\b(?!\s+of\b)",
                flags,
            ),
        ),
        # Geely-owned ⟨C⟩ ; ⟨P⟩-controlled ⟨C⟩
        (
            "owned_compound",
            re.compile(
                rf"{ORG}\s*-\s*(?:owned|controlled)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<child>{ORG})", flags
            ),
        ),
        # ⟨C⟩, the ⟨P⟩-owned brand ; ⟨C⟩, a ⟨P⟩-controlled battery maker
        (
            "owned_compound_aside",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?{ORG}\s*-\s*(?:owned|controlled)\s+"
                rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:brand|marque|company|firm|maker|carmaker|automaker|unit|start-?up|"
                rf"manufacturer|subsidiary|supplier|venture|producer|group)\b(?!['’]s)",
                flags,
            ),
        ),
        # ⟨C⟩, which ⟨P⟩ bought in 2010, …
        (
            "which_acquired",
            re.compile(
                rf"(?P<child>{ORG})\s*,\s*(?:which|that)\s+{ORG}\s+(?:already\s+|also\s+)?(?:bought|acquired|owns|controls|took\s+over|"
                rf"has\s+owned|has\s+controlled|purchased)\b",
                flags,
            ),
        ),
        # ⟨P⟩ affiliate ⟨C⟩ ; Volkswagen unit ⟨Audi⟩ ; Geely subsidiary ⟨Polestar⟩
        (
            "unit_noun_compound",
            re.compile(
                rf"{ORG}\s+(?:subsidiary|unit|division|arm|affiliate|brand|marque|daughter)\s+(?P<child>{ORG})(?!\s*(?:'s|’s))",
                flags,
            ),
        ),
        # the ⟨P⟩-daughter ⟨C⟩ ; the ⟨P⟩ battery-daughter ⟨C⟩ (German "Tochter": a subsidiary)
        (
            "daughter_compound",
            re.compile(
                rf"{ORG}(?:\s*-\s*|\s+[\w]+-)(?:daughter|tochter|subsidiary|unit)\s+(?P<child>{ORG})", flags
            ),
        ),
        # ⟨P⟩'s ⟨A⟩, ⟨B⟩ and ⟨C⟩ brands ; ⟨P⟩'s ⟨A⟩ and ⟨B⟩ three new energy brands
        (
            "possessive_brand_list",
            re.compile(
                rf"{ORG}\s*(?:'s|’s|')\s+(?P<child>⟨\d+⟩(?:\s*,\s*⟨\d+⟩)*\s*,?\s*(?:and|&)\s+⟨\d+⟩)\s+"
                rf"(?:[\w-]+\s+){{0,4}}?(?:brands|marques|labels|units|subsidiaries|divisions)\b",
                flags,
            ),
        ),
        # ⟨P⟩'s ⟨C⟩ brand ; ⟨P⟩'s luxury brand ⟨C⟩ ; Volkswagen's Traton
        (
            "possessive",
            re.compile(
                rf"{ORG}(?:\s*(?P<poss>'s|’s|'))?\s+(?:(?:[\w-]+\s+){{0,3}}?(?:{sub})\s+|(?:[a-z][\w-]*\s+){{1,2}}(?=⟨\d+⟩\s+(?:{sub})\b))?(?P<child>{ORG})(?P<after>\s+(?:{sub})\b)?",
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
        # ("agreed to acquire ⟨GM⟩'s stake in the plant" buys a stake, not GM)
        # ⟨P⟩ acquired ⟨C⟩ ; ⟨P⟩ agreed to buy a 45% stake in ⟨C⟩ handled by stake_in
        (
            "acquired",
            re.compile(
                rf"{ORG}(?P<gap>{_SHORT_GAP})\b(?:{acquire})\s+(?:{WHEN_BEFORE_OBJECT})?(?:rival\s+|startup\s+|start-up\s+)?(?P<child>{ORG})(?!\s*(?:'s|’s))",
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
        # ⟨FinDreams Battery⟩ of ⟨BYD⟩ (translated "BYD's FinDreams"): only where the KB knows the link
        (
            "name_of",
            re.compile(rf"(?P<child>{ORG})\s+of\s+(?:the\s+)?{ORG}(?!\s*(?:'s|’s|-))", flags),
        ),
        # Zeekr …; the ⟨Geely⟩ unit completed …: the unit is a company named just before (see _unit_referent)
        (
            "unit_descriptor",
            re.compile(rf"\bthe\s+{ORG}\s+(?:{UNIT_HEADS})\b(?!\s+of\b)", flags),
        ),
        # (as) the owner of ⟨A⟩ and ⟨B⟩ (seeks …): a descriptor of a company named nearby (see _owner_named)
        (
            "owner_descriptor",
            re.compile(
                rf"(?<!⟩,\s)(?<!⟩\s)\b(?:the|its)\s+(?:[\w-]+\s+)?(?:parent(?:\s+company|\s+group)?|owner)\s+of\s+(?:the\s+)?(?P<child>{ORG_LIST})",
                flags,
            ),
        ),
    ]


@lru_cache(maxsize=1)
def gates() -> dict[str, Gate]:
    """For each pattern above, words and slots any match needs (see Gate), with the literals the pattern holds
    (see with_cues): most sentences fail them all."""
    lex = load_lexicon("ownership")
    stake = "stake|share|holding|interest|ownership"  # every stake noun contains one of these
    sub = lex["subsidiary_nouns"]
    return with_cues(
        {
            "stake_in": gate(stake),
            "percent_of": gate(percent=True),
            "fraction_of": gate(_FRACTION_WORDS),
            "in_which": gate("which"),
            "shareholder": gate("shareholder|stakeholder|owner|investor", orgs=1),
            "possessive_shareholder": gate("shareholder|owner|investor|parent"),
            "is_shareholder_of": gate("shareholder|owner|parent|stakeholder|investor"),
            "belongs_to": gate("belong"),
            "owns_list": gate("owns|controls|acquired|bought|took"),
            "parent_of": gate("parent|owner|holding|mother"),
            "company_behind": gate("behind", "brand|marque|label"),
            "its_brands": gate("brands|marques|subsidiaries|units|labels"),
            "brands_of": gate("brand|marque|subsidiar|filiale", "of"),
            "part_of": gate("part|member"),
            "invest_for_stake": gate("stake|share|holding|interest", percent=True, money=True),
            "brand_that": gate("that|which", sub),
            "descriptor_of": gate("of|between", orgs=3),
            "venture_of": gate("venture"),
            "coordinated_stake": gate("and", stake, orgs=1),
            "its_stake": gate("its|their", percent=True),
            "owned_by": gate("owned|controlled|held"),
            "subsidiary_of": gate(sub),
            "appositive_possessive": gate(sub, "'|’|its|their"),
            "appositive_owner_noun": gate(sub, orgs=2),
            "owned_compound": gate("owned|controlled"),
            "owned_compound_aside": gate("owned|controlled"),
            "which_acquired": gate("which|that", "bought|acquired|owns|controls|took|owned|purchased"),
            "unit_noun_compound": gate("subsidiary|unit|division|arm|affiliate|brand|marque|daughter"),
            "possessive": gate("'|’"),
            "possessive_brand_list": gate("'|’", "brands|marques|labels|units|subsidiaries|divisions"),
            "daughter_compound": gate("daughter|tochter|subsidiary|unit"),
            "under_umbrella": gate("under", "umbrella|wing|roof|control|ownership"),
            "entry_capital": gate("entry|entrance", "capital"),
            "owned_by_list": gate("owned|controlled|held", "and|&", orgs=3),
            "holds_bare": gate(
                "hold|own|keep|kept|retain|control|take|took|has|have|had|get|got", percent=True, orgs=1
            ),
            "acquired": gate(lex["acquisition_verbs"]),
            "acquisition_by": gate("acquisition|purchase|takeover"),
            "name_of": gate("of"),
            "unit_descriptor": gate(UNIT_HEADS, orgs=1),
            "owner_descriptor": gate("parent|owner", orgs=1),
        },
        patterns(),
    )
