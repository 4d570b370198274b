"""Partnership facts: joint ventures, supply agreements, joint development, platform sharing, licences, alliances."""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.context import Discourse, OrgRef, SentenceView, clause_bounds
from evintel.extract.lexicon import load_lexicon, phrase_pattern
from evintel.evaluate import normalize_entity
from evintel.extract.modality import confidence_for
from evintel.extract.template import ORG_LIST, build_template
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

KIND_ORDER = ("joint_venture", "supply_agreement", "joint_development", "platform_sharing", "licensing", "alliance")
_SCOPE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:on|for|to develop|to jointly develop|to co-develop|to build|to produce|to make|"
    r"to supply|to source|covering|around|in the (?:field|area)s? of|for the (?:supply|development|production) of|"
    r"involving|about)\s+(?P<scope>[^,.;()⟨⟩]{3,80})",
    re.I,
)
_SCOPE_STOP = re.compile(
    r"\s+(?:from|by|in|at|with|under|starting|beginning|until|after|before|which|that|as|while|and (?:will|would|to)|"
    r"the (?:two|companies|partners)|said)\b.*$",
    re.I,
)
_NOT_PARTNER_CONTEXT = re.compile(r"\b(?:rival|rivals|competitor|competitors|compete|competing|ahead of|behind|than)\b", re.I)


_OWNERSHIP_CONTEXT = re.compile(
    r"\b(?:stake|stakes|percent|per cent|shares|shareholder|owns|owned|holds|acquire|acquired|acquisition|buy|bought|"
    r"takeover|take over|backed by|invest|invests|invested|investment|funding|sell|sold)\b|⟦P",
    re.I,
)
_SEEKING = re.compile(r"\b(?:looking for|seeking|search for|searching for|find|found no|without)\s+(?:a\s+|new\s+)?partners?\b", re.I)
_STRONG_ALLIANCE = re.compile(
    r"\b(?:alliance|memorandum of understanding|mou|strategic partnership|strategic cooperation|partnered|partnering|"
    r"team(?:ed)? up|join(?:ed)? forces|tie-up|collaborat\w+|cooperat\w+)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, re.Pattern[str]]:
    lex = load_lexicon("partnership")
    patterns = {kind: phrase_pattern(lex["kinds"][kind]) for kind in KIND_ORDER}
    patterns.update({f"status:{k}": phrase_pattern(v) for k, v in lex["status"].items()})
    patterns["any"] = phrase_pattern([w for words in lex["kinds"].values() for w in words])
    return patterns


def extract_partnerships(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Partnership facts stated in one sentence."""
    lex = _lexicon()
    text = view.text
    trigger = lex["any"].search(text)
    if not trigger:
        return []
    kind = next((k for k in KIND_ORDER if lex[k].search(text)), "other")
    clause_start, clause_end = clause_bounds(text, trigger.start())
    parties = _parties(view, clause_start, clause_end, discourse)
    if len(parties) < 2:
        parties = _parties(view, 0, len(text), discourse)
    if len(parties) < 2 or len(parties) > 4:
        return []
    if kind == "alliance" and _NOT_PARTNER_CONTEXT.search(text) and not re.search(r"partner|alliance|agreement|memorandum|mou", text, re.I):
        return []
    if kind == "alliance" and (_OWNERSHIP_CONTEXT.search(text) or _SEEKING.search(text)) and not _STRONG_ALLIANCE.search(text):
        return []
    status = _status(text, view.modality.value)
    modality = "denied" if status == "ended" else view.modality.value
    if status == "talks" and modality == "asserted":
        modality = "hedged"
    fields = {
        "parties": parties,
        "kind": kind,
        "scope": _scope(text, trigger.end()),
        "status": status,
    }
    base = 0.8 if kind != "alliance" else 0.7
    if kind == "joint_venture":
        owners = _venture_owners(view)
        if owners:
            fields["parties"] = owners
    pairs = _pairs_with(view, parties) if kind != "joint_venture" else None
    if pairs:
        return [
            Fact("partnership", {**fields, "parties": pair}, view.evidence(), confidence_for(modality, base), modality)
            for pair in pairs
        ]
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, base), modality)]


_VENTURE_OF = re.compile(
    rf"\b(?:joint\s+)?venture\s+(?:company\s+)?(?:of|between|owned\s+by|formed\s+by|set\s+up\s+by)\s+({ORG_LIST})",
    re.I,
)


def _venture_owners(view: SentenceView) -> list[str] | None:
    """"the joint venture of ⟨A⟩ and ⟨B⟩": exactly the owners named there are the parties."""
    template = build_template(view)
    match = _VENTURE_OF.search(template.text)
    if not match:
        slot = _VENTURE_SLOT_OF.search(template.text)
        if not slot or not re.search(r"\b(?:venture|jv)\b", template.org(slot.group(1)).text, re.I):
            return None
        match = slot
        names_group = 2
    else:
        names_group = 1
    names: list[str] = []
    for org in template.orgs_in(match.group(names_group)):
        for name in org.names:
            if name not in names:
                names.append(name)
    return names if len(names) >= 2 else None


_VENTURE_SLOT_OF = re.compile(rf"⟨(\d+)⟩\s+(?:of|between)\s+({ORG_LIST})")


_WITH_LIST = re.compile(rf"\bwith\s+(?:both\s+)?({ORG_LIST})")


def _pairs_with(view: SentenceView, parties: list[str]) -> list[list[str]] | None:
    """"⟨X⟩ has partnered with ⟨A⟩ and ⟨B⟩": two bilateral partnerships, not one three-way deal."""
    template = build_template(view)
    match = _WITH_LIST.search(template.text)
    if not match:
        return None
    partners = [o.name for o in template.orgs_in(match.group(1)) if not o.plural]
    others = [p for p in parties if p not in partners]
    if len(partners) < 2 or len(others) != 1:
        return None
    return [[others[0], partner] for partner in partners if partner in parties]


_MODIFIER_AFTER = re.compile(
    r"^(?:\s*(?:'s|’s))?\s+(?:[\w-]+\s+)?(?:executive|executives|factory|plant|site|chief|boss|founder|veteran|"
    r"engineers?|dealers?|shares|brand|models?|vehicles?|cars?|subsidiary|unit|division|arm|daughter)\b",
    re.I,
)
_MODIFIER_BEFORE = re.compile(r"(?:\bformer|\bex-|\bfounded by|\bowned by|\bcontrolled by|\bunit of|\bsubsidiary of|\bbrand of|\bsuch as|\blike|\bincluding)\s+(?:[\w-]+\s+){0,2}$", re.I)
_RELATIVE = re.compile(r",\s*(?:which|who)\s+(?:is|was|are)\s+[^,]*?\b(?:owned|controlled|backed|founded|based|listed)\b[^,]*", re.I)
_VENTURE_NAME = re.compile(
    r"(?:joint[\s-]+venture|\bjv\b|venture)\s*,?\s*(?:called|named|dubbed|known as)?\s*$|"
    r"^\s*,\s*(?:its|their|a|the|an)\s+(?:[\w:%-]+\s+){0,3}?(?:joint[\s-]+venture|jv|venture)",
    re.I,
)


def _parties(view: SentenceView, start: int, end: int, discourse: Discourse) -> list[str]:
    """The distinct organisations that take part in a deal, leaving out mere modifiers and the venture itself."""
    text = view.text
    excluded = [(m.start(), m.end()) for m in _RELATIVE.finditer(text)]
    names: list[str] = []
    keys: set[str] = set()
    ventures: set[str] = set()
    kept: list[OrgRef] = []
    for org in view.orgs:
        if org.start < start or org.end > end:
            continue
        if any(a <= org.start and org.end <= b for a, b in excluded):
            continue
        if _MODIFIER_AFTER.match(text[org.end :]) or _MODIFIER_BEFORE.search(text[max(0, org.start - 40) : org.start]):
            continue
        if (
            re.search(r"\b(?:venture|jv)\b", org.text, re.I)
            or _VENTURE_NAME.search(text[max(0, org.start - 40) : org.start])
            or _VENTURE_NAME.match(text[org.end : org.end + 50])
        ):
            ventures.update(org.names)
            continue
        kept.append(org)
    for org in kept:
        for name in org.names:
            if name in ventures:
                continue
            key = normalize_entity(name)
            if key not in keys:
                keys.add(key)
                names.append(name)
    if len(names) == 1 and re.search(r"\b(?:with|between)\b", text[start:end], re.I):
        main = discourse.main_entity()
        if main and normalize_entity(main) not in keys and main not in ventures:
            names.insert(0, main)
    return names


def _status(text: str, modality: str) -> str:
    lex = _lexicon()
    if lex["status:ended"].search(text):
        return "ended"
    if lex["status:talks"].search(text) or modality == "hedged":
        return "talks"
    if lex["status:signed"].search(text):
        return "signed"
    return "announced"


def _scope(text: str, position: int) -> list[str] | None:
    match = _SCOPE.match(text[position:])
    if not match:
        return None
    scope = _SCOPE_STOP.sub("", match.group("scope")).strip()
    scope = re.sub(r"^(?:the|a|an|its|their)\s+", "", scope, flags=re.I)
    return [scope] if scope else None
