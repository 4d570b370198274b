"""Ownership told as a stake changing hands or in translated word order, beside the main patterns of ownership.py.

"sold a 10% stake in ⟨C⟩ to ⟨B⟩" (the buyer holds it once the sale is done), "⟨P⟩ took over ⟨B⟩'s 50% share in
⟨C⟩", "…, with ⟨B⟩ holding the rest", "⟨C⟩ is owned to 89% by ⟨P⟩, 10% by ⟨Q⟩", "⟨P⟩ possesses 21% of ⟨C⟩",
"⟨C⟩ counts ⟨P⟩ among its shareholders", "the first shareholder of ⟨C⟩", "the participation of ⟨P⟩ in ⟨C⟩".
"""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.context import Discourse, OrgRef, SentenceView
from evintel.extract.facts.ownership_links import (
    APPROX,
    WITH_PCT,
    Reader,
    link_fact,
    pct_in,
    read_patterns,
    simple_link,
    single_org,
    with_cues,
)
from evintel.extract.template import ORG, ORG_LIST, PCT, Gate, Template, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

_FLAGS = re.IGNORECASE


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        # ⟨C⟩ is owned to 89.29% by ⟨P⟩ ; ⟨C⟩ is held at 51 percent by ⟨P⟩ (translated word order) ;
        # ⟨C⟩ will be owned 51% by ⟨A⟩ and 49% by ⟨B⟩ ; ⟨C⟩, 50.1 per cent owned by ⟨A⟩ and 49.9 per cent by ⟨B⟩
        (
            "owned_to",
            re.compile(
                rf"(?P<child>{ORG})[^⟨⟩.;]{{0,30}}?(?:\b(?:owned|held|controlled)\s+(?:(?:to|at|in|for|with)\s+)?{APPROX}"
                rf"{PCT}|{PCT}[\s-]*(?:owned|held|controlled))\s+(?:by|through)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?"
                rf"(?P<parent>{ORG})",
                _FLAGS,
            ),
        ),
        # ⟨S⟩ (completed the sale of | sold) a 10% stake in ⟨C⟩ to ⟨B⟩ — the buyer now holds it; a sale only
        # agreed or planned ("agreed to sell", "will sell") leaves the stake with the seller for now
        (
            "stake_sold_to",
            re.compile(
                rf"(?:\b(?:sold|divested|transferred)|\b(?:completed|closed|finali[sz]ed|concluded)\s+(?:the\s+|its\s+)?sale\s+of)\s+"
                rf"(?:a|an|its|their|the|⟨\d+⟩)?\s*{APPROX}{PCT}\s+(?:stake|share|holding|interest|shareholding)\s+in\s+"
                rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<child>{ORG})(?P<unit>(?:\s*(?:'s|’s))?(?:\s+[\w-]+){{0,3}}?)\s+to\s+"
                rf"(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){{0,3}}?(?P<parent>{ORG})",
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
        # ⟨P⟩ owns 82 percent of that venture (a joint venture named in the last sentences)
        (
            "venture_stake",
            re.compile(
                rf"(?:(?P<parents>{ORG_LIST})\s+each\s+(?:own|hold|control)s?"
                rf"|(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,30}}?\b(?:owns|holds|controls|has|keeps|retains|will\s+own|"
                rf"will\s+hold))\s+{APPROX}{PCT}\s+(?:of|in)\s+(?:that|this|the)\s+(?:new\s+)?(?:joint\s+)?venture\b",
                _FLAGS,
            ),
        ),
        # ⟨P⟩'s 34% stake in ⟨C⟩ (makes it the largest shareholder) ; ⟨P⟩'s 43% stake in ⟨C⟩ was cut to 15%
        (
            "possessive_stake",
            re.compile(
                rf"(?P<parent>{ORG})\s*(?:'s|’s|')\s+(?:(?:remaining|entire|whole|current|existing)\s+)?(?:{APPROX}{PCT}\s+)?"
                rf"(?:[\w-]+\s+)?(?:stake|holding|shareholding|interest)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<child>{ORG})"
                rf"(?P<after>[^⟨⟩.;]{{0,40}})",
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
        # ⟨P⟩ possesses 21% of ⟨C⟩ ; participates with 21% in ⟨C⟩ ; is present in the capital of ⟨C⟩ with 4.99%
        (
            "translated_holding",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,40}}?\b(?:(?:possesses|possess|possessed)\s+{APPROX}{PCT}\s+"
                rf"(?:of|in)\s+(?:the\s+)?(?:capital\s+of\s+)?(?P<child>{ORG})"
                rf"|(?:participates|participate|participated|is\s+present|was\s+present|entered|enters|has\s+entered)\s+"
                rf"(?:with\s+{APPROX}{PCT}\s+)?(?:(?:in|into)\s+)?the\s+(?:share\s+)?capital\s+of\s+(?:the\s+)?(?P<child2>{ORG}){WITH_PCT}"
                rf"|(?:participates|participate|participated)\s+with\s+{APPROX}{PCT}\s+in\s+(?:the\s+)?(?P<child3>{ORG}))",
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
                rf"|(?:counts|count|counted)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?P<parent3>{ORG})\s+as\s+(?:a|an|its|⟨\d+⟩)\s+"
                rf"(?:{APPROX}{PCT}\s+)?(?:[\w-]+\s+)?(?:shareholder|owner|stakeholder)"
                rf"|(?:has|have|had)\s+as\s+(?:its\s+|their\s+|⟨\d+⟩\s+)?(?:[\w-]+\s+)?(?:shareholder|owner|stakeholder)s?\s+"
                rf"(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?P<parent2>{ORG})){WITH_PCT}",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ remains the first shareholder of ⟨C⟩ with 35.7% (translated "premier actionnaire")
        (
            "first_shareholder",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,30}}?\b(?:is|was|remains|remained|becomes|became|as)\s+(?:the\s+|its\s+)?"
                rf"(?:first|top|dominant|reference|historic|historical|single\s+largest)\s+(?:shareholder|stakeholder|owner)\s+"
                rf"(?:of|in)\s+(?:the\s+)?(?P<child>{ORG}){WITH_PCT}",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ is (with 75 percent) at ⟨C⟩ involved ; ⟨P⟩ holds at ⟨C⟩ 89.7 percent ; owns 75 percent at ⟨C⟩
        # (translated German "ist an … beteiligt", "hält an … 89,7 Prozent")
        (
            "involved_at",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,20}}?\b(?:(?:is|was|are|has\s+been)\s+"
                rf"(?:(?:with|by)\s+{APPROX}{PCT}\s+(?:at|in)\s+(?:the\s+)?(?:[\w-]+\s+){{0,5}}?(?P<child>{ORG})\s+"
                rf"(?:involved|participated|engaged)"
                rf"|(?:at|in)\s+(?:the\s+)?(?:[\w-]+\s+){{0,5}}?(?P<child2>{ORG})\s+(?:with\s+{APPROX}{PCT}\s+"
                rf"(?:involved|participated|engaged)|(?:involved|participated|engaged)\s+with\s+{APPROX}{PCT}))"
                rf"|(?:holds|owns|held|owned|keeps)\s+(?:{APPROX}{PCT}\s+at\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<child3>{ORG})"
                rf"|at\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<child4>{ORG})\s+{APPROX}{PCT}))",
                _FLAGS,
            ),
        ),
        # At ⟨C⟩, ⟨P⟩ is involved with around 21 percent
        (
            "at_involved",
            re.compile(
                rf"\b(?:at|in)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<child>{ORG})\s*,\s*(?:the\s+)?(?P<parent>{ORG})\s+"
                rf"(?:is|was|has\s+been)\s+(?:involved|participated|engaged)\s+with\s+{APPROX}{PCT}",
                _FLAGS,
            ),
        ),
        # ⟨P⟩ has a 36% participation in ⟨C⟩ (translated "participación", "partecipazione")
        (
            "participation_in",
            re.compile(
                rf"(?P<parent>{ORG})(?!\s*,?\s*and\b)[^⟨⟩.;]{{0,40}}?\b(?:has|have|had|holds|hold|held|owns|took|takes|acquired|acquires|"
                rf"keeps|retains|will\s+have|will\s+hold)\s+(?:a|an|its|their|⟨\d+⟩)\s+(?:{APPROX}{PCT}\s+)?(?:[\w-]+\s+)?"
                rf"participation\s+(?:of\s+{APPROX}{PCT}\s+)?in\s+(?:the\s+)?(?:capital\s+of\s+(?:the\s+)?)?(?P<child>{ORG})",
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
                rf"(?:[^⟨⟩.;]{{0,30}}?\b(?:is|was|stands\s+at|amounts\s+to|reaches|reached|rose\s+to|of|at)\s+{APPROX}{PCT})?",
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
            "owned_to": gate("owned|held|controlled", percent=True),
            "stake_sold_to": gate("sold|sale|divested|transferred", percent=True),
            "translated_holding": gate("possess|participat|present|entered|enters"),
            "counts_among": gate(
                "count|numbers|includes|included|has|have|had", "shareholder|owner|stakeholder"
            ),
            "first_shareholder": gate(
                "first|top|dominant|reference|historic|single", "shareholder|stakeholder|owner"
            ),
            "majority_of": gate("majority|minority|bulk|entirety|whole"),
            "participation_of": gate("participation|shareholding|stake|holding", "of"),
            "involved_at": gate("at|in", percent=True),
            "venture_stake": gate("venture", percent=True, orgs=1),
            "possessive_stake": gate("'|’", "stake|holding|shareholding|interest", "in"),
            "at_involved": gate("involved|participated|engaged", percent=True),
            "participation_in": gate("participation", "in"),
            "bought_stake_of": gate(
                "acquire|bought|buy|took|takes|taken|take|purchase", "'|’", percent=True, orgs=3
            ),
            "holding_the_rest": gate(
                "rest|remainder|balance|remaining", "with|while|and|whereas", orgs=1, percent=True
            ),
        },
        _patterns(),
    )


def extract_stake_ownership(
    view: SentenceView, discourse: Discourse, kb: KnowledgeBase, passed: set[str] | None = None
) -> list[Fact]:
    """Ownership stated by a stake changing hands or in translated word order in one sentence.

    `passed`: the names of the patterns whose gates admit the sentence, when the caller has checked them.
    """
    return read_patterns(view, discourse, kb, _patterns(), _gates(), _READERS, passed)


_FULL = re.compile(
    r"\b(?:wholly|fully|100\s*(?:%|percent|per\s+cent))[\s-]+owned|\bfull\s+(?:control|ownership)|\bsole\s+(?:owner|shareholder)",
    re.IGNORECASE,
)


# "…, 45% by ⟨B⟩ and (to) 10% by ⟨D⟩": further owners with the verb left out.
_AND_PCT_BY = re.compile(
    rf"\s*(?:,\s*(?:and\s+|while\s+)?|\s(?:and|while)\s+)(?:(?:to|at|in|for|with)\s+)?{APPROX}{PCT}\s+(?:is\s+|are\s+)?"
    rf"(?:owned\s+|held\s+)?by\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?{ORG}",
    re.IGNORECASE,
)


def _owned_to(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    facts = simple_link(match, template, view, discourse, kb)
    child = single_org(template, match.group("child"))
    position = match.end()
    while facts and child is not None and (more := _AND_PCT_BY.match(template.text, position)):
        position = more.end()
        other = template.org(more.group(2))
        if not other.plural and other.name != child.name:
            facts.append(link_fact(view, other, child, float(view.percentages[int(more.group(1))].value)))
    return facts


_UNIT_WORD = re.compile(r"\b(?:unit|business|arm|division|subsidiary|operations)$", re.IGNORECASE)
_POSSESSIVE_START = re.compile(r"^(?:'s|’s)")
_REMAINING = re.compile(r"\bremaining\b", re.I)


def _stake_sold_to(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "sold a 10% stake in ⟨C⟩ to ⟨B⟩": ⟨B⟩ holds 10% of ⟨C⟩ (of "its / Vale's base metals unit", the KB unit)."""
    buyer, child = single_org(template, match.group("parent")), single_org(template, match.group("child"))
    if buyer is None or child is None:
        return []
    unit = _POSSESSIVE_START.sub("", match.group("unit").strip()).strip()
    if unit or match.group("unit").strip():
        named = _named_unit(child, unit, kb) if _UNIT_WORD.search(unit) else None
        if named is None:
            return []  # "a stake in ⟨C⟩ plant to ⟨B⟩": not the company itself
        child = named
    return [link_fact(view, buyer, child, pct_in(view, match.group(0)))]


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


def _bought_stake_of(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨P⟩ took over ⟨B⟩'s 50% share in ⟨C⟩": ⟨P⟩ owns ⟨C⟩, all of it when the sentence says so."""
    parent, child = single_org(template, match.group("parent")), single_org(template, match.group("child"))
    if parent is None or child is None:
        return []
    whole = bool(_FULL.search(match.group("rest")) or _REMAINING.search(match.group(0)))
    return [link_fact(view, parent, child, 100.0 if whole else None)]


def _holding_the_rest(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨A⟩ owns 82 percent of ⟨C⟩, with ⟨B⟩ holding the rest": ⟨B⟩ holds 100 minus the stake just told."""
    parent = single_org(template, match.group("parent"))
    child_name = view.notes.get("ownership_child")
    stake = pct_in(view, template.text[: match.start()])
    if parent is None or not isinstance(child_name, str) or stake is None or not 0 < stake < 100:
        return []
    child = OrgRef(0, 0, child_name, (child_name,), "discourse")
    return [link_fact(view, parent, child, round(100 - stake, 2))]


def _venture_stake(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨P⟩ owns 82 percent of that venture": the joint venture (by the KB) named last, here or in the last two
    sentences."""
    if match.group("parents"):  # "⟨A⟩, ⟨B⟩ and ⟨C⟩ each own 30% of the venture"
        parents = [o for o in template.orgs_in(match.group("parents")) if not o.plural]
    else:
        single = single_org(template, match.group("parent"))
        parents = [single] if single is not None else []
    if not parents:
        return []
    before = [o for o in view.orgs if o.end <= template.sentence_pos(match.start())]
    earlier: list[OrgRef] = list(reversed(before))
    current = view.previous
    for _ in range(2):
        if current is None:
            break
        earlier += list(reversed(current.orgs))
        current = current.previous
    for org in earlier:
        entity = None if org.plural else kb.resolve(org.name)
        if entity is not None and entity.kind == "joint_venture" and all(org.name != p.name for p in parents):
            venture = OrgRef(0, 0, org.name, (org.name,), "discourse")
            view.notes["ownership_child"] = org.name
            return [link_fact(view, parent, venture, pct_in(view, match.group(0))) for parent in parents]
    return []


# "… was sold", "… is for sale", "… will be divested": the stake is leaving its holder.
_LEAVING_AFTER = re.compile(
    r"^\s*(?:,[^,]*,\s*)?(?:was|were|is|will\s+be|would\s+be|has\s+been|had\s+been|is\s+being|could\s+be|may\s+be)?\s*"
    r"(?:sold|divested|offloaded|transferred|put\s+up\s+for\s+sale|for\s+sale|on\s+sale|up\s+for\s+sale|disposed)",
    re.IGNORECASE,
)
_CUT_TO = re.compile(
    rf"^\s*(?:was|were|has\s+been|had\s+been|will\s+be)\s+(?:cut|reduced|lowered|trimmed|raised|increased|lifted)\s+to\s+{APPROX}{PCT}",
    re.IGNORECASE,
)


def _possessive_stake(
    match: re.Match[str], template: Template, view: SentenceView, discourse: Discourse, kb: KnowledgeBase
) -> list[Fact]:
    """ "⟨P⟩'s 34% stake in ⟨C⟩": a holding, unless it is changing hands ("buy ⟨P⟩'s stake", "… was sold")."""
    if _TRADE_BEFORE.search(template.text[: match.start()]) or _LEAVING_AFTER.match(match.group("after")):
        return []
    parent, child = single_org(template, match.group("parent")), single_org(template, match.group("child"))
    if parent is None or child is None or child.via == "person":
        return []
    stake = pct_in(view, template.text[match.start() : match.start("child")])
    if cut := _CUT_TO.match(match.group("after")):
        stake = float(view.percentages[int(cut.group(1))].value)
    return [link_fact(view, parent, child, stake)]


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
    return simple_link(match, template, view, discourse, kb)


_READERS: dict[str, Reader] = {
    "owned_to": _owned_to,
    "stake_sold_to": _stake_sold_to,
    "translated_holding": simple_link,
    "counts_among": simple_link,
    "first_shareholder": simple_link,
    "majority_of": simple_link,
    "participation_of": _participation_of,
    "involved_at": simple_link,
    "venture_stake": _venture_stake,
    "possessive_stake": _possessive_stake,
    "at_involved": simple_link,
    "participation_in": simple_link,
    "bought_stake_of": _bought_stake_of,
    "holding_the_rest": _holding_the_rest,
}
