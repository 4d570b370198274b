"""Partnership facts: joint ventures, supply agreements, joint development, platform sharing, licences, alliances."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from evintel.evaluate import normalize_entity
from evintel.extract.context import Discourse, OrgRef, SentenceView, clause_bounds
from evintel.extract.cues import may_match
from evintel.extract.facts.partnership_phrasings import (
    contract_manufacturing,
    deal_denied,
    described_split_venture,
    relative_joint_project,
    tidy_scopes,
    together_with_venture,
    venture_owner_phrasings,
    venture_product,
    venture_subject,
    without_acting_units,
)
from evintel.extract.lexicon import load_lexicon, phrase_pattern
from evintel.extract.modality import confidence_for, find_modality
from evintel.extract.places import lookup_place
from evintel.extract.template import ORG_LIST, Gate, Template, build_template, gate
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

KIND_ORDER = (
    "joint_venture",
    "supply_agreement",
    "joint_development",
    "platform_sharing",
    "licensing",
    "alliance",
)
_NOT_PARTNER_CONTEXT = re.compile(
    r"\b(?:rival|rivals|competitor|competitors|compete|competing|ahead of|behind|than)\b", re.I
)


_OWNERSHIP_CONTEXT = re.compile(
    r"\b(?<!-)(?:stake|stakes|percent|per cent|shares|shareholder|owns|owned|owner|holds|acquire|acquired|acquisition|buy|"
    r"bought|purchase|purchased|takeover|take over|took over|takes over|taken over|taking over|backed by|invest|invests|"
    r"invested|investment|funding|sell|sold)\b|⟦P|\d\s?%",
    re.I,
)
# A deal word or mention that names a venture as such ("the joint venture", "the JV").
_VENTURE_WORD = re.compile(r"\b(?:venture|jv)\b", re.I)
_PARTNER_WORD = re.compile(r"partner|alliance|agreement|memorandum|mou", re.I)
_SEEKING = re.compile(
    r"\b(?:looking for|seeking|search for|searching for|find|found no|without)\s+(?:a\s+|new\s+)?partners?\b",
    re.I,
)
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
    patterns["other_topics"] = phrase_pattern(lex["other_topics"])
    return patterns


def _cued_search(pattern: re.Pattern[str], view: SentenceView, text: str) -> re.Match[str] | None:
    """pattern.search(text) over the sentence or its template, skipped when its cues are absent."""
    return pattern.search(text) if may_match(pattern, view) else None


def _cued_finditer(pattern: re.Pattern[str], view: SentenceView, text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) over the sentence or its template, skipped when its cues are absent."""
    return pattern.finditer(text) if may_match(pattern, view) else iter(())


@lru_cache(maxsize=1)
def _trigger_gate() -> Gate:
    """The first words of every deal word: a sentence with none of them has no trigger (see Gate)."""
    return gate([w for words in load_lexicon("partnership")["kinds"].values() for w in words], orgs=0)


def extract_partnerships(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Partnership facts stated in one sentence: a deal word, or companies that build a plant together."""
    facts = _stated_partnerships(view, discourse, kb) if _trigger_gate().admits(view) else []
    return (
        facts
        or _joint_project(view)
        or _founded_venture(view, kb)
        or _established_by(view)
        or _split_venture(view)
        or together_with_venture(view)
        or relative_joint_project(view)
        or described_split_venture(view)
        or contract_manufacturing(view)
    )


# "⟨A⟩ and ⟨B⟩ (said ⟨they⟩) plan to invest … to build a battery plant": two companies that build, set up or
# invest in one site or company together have a joint venture even where no deal word says so.
_JOINT_PROJECT = re.compile(
    r"(?:^|[,;:]\s+|\b(?:that|while|as|after|when|where)\s+)(?:[^⟨⟩.;,]{0,30}?\s)?"
    r"(?P<list>⟨\d+⟩(?:\s*,\s*⟨\d+⟩)*\s*,?\s*(?:and|&)\s+⟨\d+⟩)"
    r"(?P<mid>(?:[^⟨⟩.;]|⟨\d+⟩){0,70}?)"
    r"\b(?:(?:jointly|together)\s+)?(?:build|construct|set\s+up|establish|form|create|invest|open)\w*\b"
    r"(?P<object>[^⟨⟩.;]{0,70}?)"
    r"\b(?:plants?|factor(?:y|ies)|gigafactor(?:y|ies)|facilit(?:y|ies)|(?:production|manufacturing)\s+(?:sites?|bases?)"
    r"|(?:joint|new)\s+(?:company|firm)|venture)\b",
    re.I,
)
_SEPARATELY = re.compile(r"\b(?:each|separately|respectively|own|both\s+of\s+which|rivals?|competitors?)\b", re.I)
_PLURAL_SITES = re.compile(r"\b(?:plants|factories|gigafactories|facilities|sites|bases)\s*(?:in|at|near|across|$)", re.I)
_TOGETHER = re.compile(r"\b(?:jointly|together|joint|shared|common|agreed|agree|agrees|agreement|deal)\b", re.I)
_JOINT_GATE = re.compile(r"\b(?:build|construct|set\s+up|establish|form|create|invest|open)", re.I)


def _joint_project(view: SentenceView) -> list[Fact]:
    """A joint venture read off a coordinated subject that builds or invests in one plant or company."""
    if len(view.orgs) < 2 or not may_match(_JOINT_GATE, view) or not _JOINT_GATE.search(view.text):
        return []
    template = build_template(view)
    match = _JOINT_PROJECT.search(template.text)
    if not match or _SEPARATELY.search(match.group(0)):
        return []
    if _PLURAL_SITES.search(match.group(0)) and not _TOGETHER.search(match.group(0)):
        return []  # "GM and Ford set up plants in Mexico": each its own, unless built together
    if any(not template.org(i).plural for i in re.findall(r"⟨(\d+)⟩", match.group("mid"))):
        return []  # another company between the subject and its verb: the list is not the subject
    names: list[str] = []
    for org in template.orgs_in(match.group("list")):
        if org.plural:
            return []
        names.extend(n for n in org.names if n not in names)
    if not 2 <= len(names) <= 4:
        return []
    modality = view.modality.value
    status = deal_status(view.text, modality, view)
    if status == "ended":
        return []
    fields = {"parties": names, "kind": "joint_venture", "scope": _scope(view, names), "status": status}
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, 0.7), modality)]


# "⟨A⟩ and ⟨B⟩ set up ⟨V⟩", "⟨A⟩ and ⟨B⟩ will jointly own ⟨V⟩", "⟨the two companies⟩ already jointly own ⟨V⟩": a
# venture the KB knows, founded or owned by a pair (named, or referred to as one).
_FOUNDED_VENTURE = re.compile(
    r"(?P<list>⟨\d+⟩(?:(?:\s*,\s*⟨\d+⟩)*\s*,?\s*(?:and|&)\s+⟨\d+⟩)?)\s+(?:have\s+|had\s+|will\s+|would\s+|also\s+|already\s+|still\s+)*"
    r"(?:set\s+up|sets\s+up|setting\s+up|founded|found|establish(?:ed|es)?|form(?:ed|s)?|creat(?:e|ed|es)|launch(?:ed|es)?|"
    r"(?:jointly|together)\s+(?:own|owns|owned|control|controls|run|runs))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?P<venture>⟨\d+⟩)",
    re.I,
)


def _founded_venture(view: SentenceView, kb: KnowledgeBase) -> list[Fact]:
    """A joint venture read off a pair that founds or jointly owns a venture the KB lists as one."""
    # The verbs are letters only, never part of a slot: the sentence's cues hold for its template.
    pair_referred = any(len(o.names) >= 2 for o in view.orgs)
    if len(view.orgs) < (2 if pair_referred else 3) or not may_match(_FOUNDED_VENTURE, view):
        return []
    template = build_template(view)
    match = _FOUNDED_VENTURE.search(template.text)
    if not match:
        return []
    venture_org = template.org(match.group("venture").strip("⟨⟩"))
    venture = kb.resolve(venture_org.name)
    if venture is None or venture.kind != "joint_venture":
        return []
    names: list[str] = []
    for org in template.orgs_in(match.group("list")):
        names.extend(n for n in org.names if n not in names and n != venture.name)
    if not 2 <= len(names) <= 4:
        return []
    purpose = _VENTURE_PURPOSE.match(template.text[match.end() :])
    scope = _clean_scope(purpose.group("scope")) if purpose else None
    modality = view.modality.value
    if modality == "denied" and find_modality(view.text[: venture_org.end]).value != "denied":
        modality = "asserted"  # "… jointly own V, the venture that shelved plans for a plant": V's plan was dropped
    fields = {"parties": names, "kind": "joint_venture", "scope": [scope] if scope else _scope(view, names), "status": None}
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, 0.7), modality)]


# "⟨V⟩, the battery company established by ⟨A⟩ and China's ⟨B⟩ with equal shares": a company founded by a pair.
_ESTABLISHED_BY = re.compile(
    r"(?:⟨(?P<venture>\d+)⟩|\b(?:company|firm|venture|maker|manufacturer|producer|start-?up|business|enterprise))\s*,?\s+"
    r"(?:(?:which|that)\s+(?:was|is|has\s+been|had\s+been)\s+)?(?:jointly\s+)?(?:established|founded|set\s+up|formed|created)\s+"
    r"(?:jointly\s+|together\s+)?(?:in\s+\d{4}\s+)?by\s+(?:the\s+)?(?P<list>⟨\d+⟩\s*,?\s*(?:and|&)\s+(?:[\w-]+(?:'s|’s)\s+)?⟨\d+⟩)",
    re.I,
)


# "⟨A⟩ holds 75% and ⟨B⟩ 25% of the joint venture", "the venture, in which ⟨A⟩ holds 51% and ⟨B⟩ 49%"
_STAKE_SPLIT = re.compile(
    r"⟨(?P<a>\d+)⟩\s+(?:holds|owns|will\s+hold|will\s+own|has|have|controls|takes|will\s+take|would\s+hold|would\s+own)\s+"
    r"(?:a\s+|the\s+)?⟦P\d+⟧(?:\s+stake)?\s*(?:,\s*|\s+)(?:and|while|with)\s+⟨(?P<b>\d+)⟩\s+(?:(?:holds|owns|will\s+hold|"
    r"will\s+own|has|takes|controls|the\s+remaining|the\s+other|the\s+rest\s+of)\s+)?(?:a\s+|the\s+(?:remaining\s+)?)?⟦P\d+⟧",
    re.I,
)


def _split_venture(view: SentenceView) -> list[Fact]:
    """A joint venture read off two owners' shares of it."""
    if len(view.orgs) < 2 or not _cued_search(_VENTURE_SENTENCE, view, view.text):
        return []
    if len(view.percentages) < 2:
        return []
    template = build_template(view)
    match = _STAKE_SPLIT.search(template.text)
    if not match:
        return []
    a, b = template.org(match.group("a")), template.org(match.group("b"))
    if a.plural or b.plural or a.name == b.name:
        return []
    modality = view.modality.value
    fields = {"parties": [a.name, b.name], "kind": "joint_venture", "scope": _scope(view, [a.name, b.name]), "status": None}
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, 0.7), modality)]


_FOUNDING_VERB = re.compile(r"\b(?:established|founded|set\s+up|formed|created)\b", re.I)


def _established_by(view: SentenceView) -> list[Fact]:
    """A joint venture read off a company that two others established or founded together."""
    if len(view.orgs) < 2 or not _cued_search(_FOUNDING_VERB, view, view.text):
        return []
    template = build_template(view)
    match = _ESTABLISHED_BY.search(template.text)
    if not match:
        return []
    venture = template.org(match.group("venture")).names if match.group("venture") else ()
    founders = template.orgs_in(match.group("list"))
    if any(o.plural or o.via in ("person", "family") for o in founders):
        return []
    names: list[str] = []
    for org in founders:
        names.extend(n for n in org.names if n not in names and n not in venture)
    if len(names) != 2:
        return []
    modality = view.modality.value
    fields = {"parties": names, "kind": "joint_venture", "scope": _scope(view, names), "status": None}
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, 0.7), modality)]


# "… set up ⟨V⟩ to sell EVs outside China", "… own ⟨V⟩, which makes engines": what the venture does.
_VENTURE_PURPOSE = re.compile(
    r"^\s*(?:,\s*(?:which|that)\s+(?:will\s+)?(?:makes?|builds?|produces?|develops?|sells?|supplies|supply)|"
    r"to\s+(?:make|build|produce|develop|sell|supply|distribute|market))\s+(?P<scope>[^,.;⟨⟩⟦]{3,70})",
    re.I,
)


def _stated_partnerships(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Partnerships named by a deal word ("joint venture", "supply agreement", "partnership", …)."""
    lex = _lexicon()
    text = view.text
    triggers = [t for t in _cued_finditer(lex["any"], view, text) if not _inside_org(view, t)]
    if not triggers or deal_denied(view):
        return []
    trigger = triggers[0]
    kind = _kind(view)
    clause_start, clause_end = clause_bounds(text, trigger.start())
    owners = (_venture_owners(view) or venture_owner_phrasings(view)) if kind == "joint_venture" else None
    if kind == "joint_venture" and owners is None and _unread_owners(view):
        return []  # "⟨V⟩, a joint venture between Saudi Arabia's Ma'aden and ⟨B⟩": one owner is not known
    roles = _org_roles(view) if not owners else []
    parties = owners or _parties(view, roles, clause_start, clause_end, discourse)
    if len(parties) < 2:
        parties = _parties(view, roles, 0, len(text), discourse)
    parties = without_acting_units(view, parties)
    if len(parties) > 2:
        # "⟨A⟩'s joint venture with ⟨B⟩, ⟨A-B⟩, …": the venture named beside its owners is no party of its own
        own = [p for p in parties if (known := kb.resolve(p)) is None or known.kind != "joint_venture"]
        parties = own if len(own) >= 2 else parties
    if len(parties) < 2 or len(parties) > (7 if owners else 4):
        return []
    if (
        kind in ("alliance", "other")
        and _cued_search(_NOT_PARTNER_CONTEXT, view, text)
        and not _cued_search(_PARTNER_WORD, view, text)
    ):
        return []
    if (
        kind == "alliance"
        and (_OWNERSHIP_CONTEXT.search(text) or _cued_search(_SEEKING, view, text))
        and not _cued_search(_STRONG_ALLIANCE, view, text)
    ):
        return []
    status = deal_status(text, view.modality.value, view)
    if status == "talks" and kind in _TENTATIVE_KINDS:
        kind = "alliance"  # talks about developing or sharing something are an alliance until agreed
    if status == "ended" and _ONLY_ORDER.fullmatch(" ".join(t.group(0).lower() for t in triggers)):
        return []  # a cancelled order is a purchase that did not happen, not a partnership that ended
    modality = "denied" if status == "ended" else view.modality.value
    if status == "talks" and modality == "asserted":
        modality = "hedged"
    fields = {
        "parties": parties,
        "kind": kind,
        "scope": _scope(view, parties),
        "status": status,
    }
    base = 0.8 if kind != "alliance" else 0.7
    pairs = _pairs_with(view, parties) if kind != "joint_venture" else None
    if pairs:
        return [
            Fact(
                "partnership",
                {**fields, "parties": pair},
                view.evidence(),
                confidence_for(modality, base),
                modality,
            )
            for pair in pairs
        ]
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, base), modality)]


_TENTATIVE_KINDS = frozenset({"joint_development", "platform_sharing", "licensing"})
_ONLY_ORDER = re.compile(r"(?:orders?\s*)+")


def _inside_org(view: SentenceView, trigger: re.Match[str]) -> bool:
    """A deal word that is part of a mention ("the partners" resolved to two companies) is no trigger;
    a venture named as such ("the joint venture of ⟨A⟩ and ⟨B⟩") still is."""
    if _VENTURE_WORD.search(trigger.group(0)):
        return False
    return any(o.start <= trigger.start() and trigger.end() <= o.end for o in view.orgs)


_MEMORANDUM = re.compile(r"\b(?:memorandum\s+of\s+understanding|mou|m\.o\.u\.|letter\s+of\s+intent)\b", re.I)
_DEVELOPS = re.compile(
    r"\b(?:(?:to|will|would|shall)\s+(?:jointly\s+|together\s+)?develop|on\s+developing|"
    r"(?:for|on)\s+the\s+(?:joint\s+)?(?:mass\s+)?(?:development|production)\s+of|"
    r"work(?:s|ed|ing)?\s+(?:together\s+)?(?:with\s+[^,.;]{1,60}?\s+)?on\s+(?:[\w-]+\s+){0,4}?"
    r"(?:models?|cars?|vehicles?|EVs?|pickups?|SUVs?|vans?|trucks?|sedans?))\b",
    re.I,
)


def _kind(view: SentenceView) -> str:
    """The most specific deal kind a sentence names; a memorandum stays an alliance, cooperating to
    develop something is joint development."""
    lex = _lexicon()
    text = view.text
    kind = next((k for k in KIND_ORDER if _cued_search(lex[k], view, text)), "other")
    if kind in ("joint_development", "platform_sharing", "licensing") and _cued_search(_MEMORANDUM, view, text):
        return "alliance"
    if kind == "alliance" and _cued_search(_DEVELOPS, view, text):
        return "joint_development"
    if kind == "alliance" and _cued_search(lex["other_topics"], view, text):
        return "other"
    return kind


_QUALIFIED = r"(?:(?:[\w-]+\s+){0,3}?[\w-]+(?:'s|’s)\s+|(?:[\w-]+\s+){1,3}?)?⟨\d+⟩"
_QUALIFIED_LIST = rf"{_QUALIFIED}(?:(?:\s*,\s*{_QUALIFIED})*\s*,?\s*(?:and|&)\s+{_QUALIFIED})?"
_VENTURE_OF = re.compile(
    r"\b(?:joint\s+)?venture\s+(?:company\s+)?(?:(?:is|was|will\s+be)\s+(?:jointly\s+|equally\s+)?)?"
    r"(?:of|between|owned\s+by|formed\s+by|set\s+up\s+by|"
    rf"(?:jointly\s+)?(?:invested|founded|created|established)\s+by)\s+(?:the\s+)?({_QUALIFIED_LIST})",
    re.I,
)


def _venture_owners(view: SentenceView) -> list[str] | None:
    """ "the joint venture of ⟨A⟩ and ⟨B⟩": exactly the owners named there are the parties."""
    template = build_template(view)
    # "between ⟨A⟩, a wholly owned subsidiary of ⟨P⟩, and ⟨B⟩": the parent in the aside is no owner
    text = _OWNER_ASIDE.sub(_blank, template.text) if may_match(_OWNER_ASIDE, view) else template.text
    match = _cued_search(_VENTURE_OF, view, text)
    if not match:
        slot = _cued_search(_VENTURE_SLOT_OF, view, template.text)
        if not slot or not _VENTURE_WORD.search(template.org(slot.group(1)).text):
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


_OWNER_PAIR = re.compile(r"\bventure\s+(?:company\s+)?(?:between|of)\s+(?P<list>[^.;⟦]{0,80}?\s(?:and|&)\s[^.;,⟦]{0,40})", re.I)


def _unread_owners(view: SentenceView) -> bool:
    """Whether the sentence names a venture's pair of owners of which fewer than two are known companies."""
    match = _cued_search(_OWNER_PAIR, view, build_template(view).text)
    return match is not None and match.group("list").count("⟨") < 2


_OWNER_ASIDE = re.compile(
    r"(?<=⟩)\s*,\s*(?:a|an|the|its)\s+(?:[\w-]+\s+){0,4}?(?:subsidiary|unit|division|arm|affiliate|daughter)\s+of\s+"
    r"(?:the\s+)?[^,⟨⟩]{0,30}?⟨\d+⟩(?=\s*,)",
    re.I,
)


def _blank(match: re.Match[str]) -> str:
    """The matched text replaced by spaces, so offsets stay put."""
    return " " * len(match.group(0))


_VENTURE_SLOT_OF = re.compile(rf"⟨(\d+)⟩\s+(?:of|between)\s+(?:the\s+)?({_QUALIFIED_LIST})")


_WITH_LIST = re.compile(rf"\bwith\s+(?:both\s+)?(?:(?:[a-z][\w-]*\s+){{1,3}}(?=⟨))?({ORG_LIST})")


_AND_WITH = re.compile(r",?\s+and\s+(?:also\s+)?with\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(⟨\d+⟩)")


def _pairs_with(view: SentenceView, parties: list[str]) -> list[list[str]] | None:
    """ "⟨X⟩ has partnered with ⟨A⟩ and ⟨B⟩": two bilateral partnerships, not one three-way deal."""
    template = build_template(view)
    match = _cued_search(_WITH_LIST, view, template.text)
    if not match:
        return None
    partners = [o.name for o in template.orgs_in(match.group(1)) if not o.plural]
    # "… an agreement with hotel group ⟨A⟩ to install chargers …, and with ⟨B⟩, …": each "with" names a partner
    for later in _AND_WITH.finditer(template.text, match.end()):
        partners += [o.name for o in template.orgs_in(later.group(1)) if not o.plural and o.name not in partners]
    others = [p for p in parties if p not in partners]
    if len(partners) < 2 or len(others) != 1:
        return None
    return [[others[0], partner] for partner in partners if partner in parties]


_MODIFIER_AFTER = re.compile(
    r"^(?:\s*(?:'s|’s))?\s+(?:(?!(?:the|a|an|its|their)\s)[\w-]+\s+)?(?:executive|executives|factory|plant|site|chief|boss|founder|veteran|"
    r"engineers?|dealers?|shares|brand|models?|vehicles?|cars?|EVs?|SUVs?|subsidiary|unit|division|arm|daughter|"
    r"employees|staff|workers|assets|creditors)\b|"
    r"^-(?:daughter|subsidiary|owned|backed|controlled|affiliated)\b",
    re.I,
)
_MODIFIER_BEFORE = re.compile(
    r"(?:\bformer|\bex-|\bfounded by|\bowned by|\bcontrolled by|\bunit of|\bsubsidiary of|\bbrand of|\bsuch as|\blike|"
    r"\bincluding|\bowner of|\bparent of|\bparent company of|\bdivision of|\barm of|\baffiliate of|\bdaughter of|"
    r"\b(?:factory|plant|site|works|premises|facility|headquarters)\s+of)"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_RELATIVE = re.compile(
    r",\s*(?:which|who)\s+(?:is|was|are)\s+[^,]*?\b(?:owned|controlled|backed|founded|based|listed)\b[^,]*|"
    r",\s*(?:at|in|of)\s+which\b[^,]*",  # "the venture Qilsoft, at which ⟨X⟩ holds 55 percent": X is the owner's side
    re.I,
)
# A venture's own name: right after "joint venture (called)" …
_VENTURE_NAME_BEFORE = re.compile(
    r"(?:joint[\s-]+venture|\bjv\b|venture|joint\s+(?:company|enterprise))(?:\s+(?:company|firm|entity|business))?\s*,?\s*"
    r"(?:called|named|dubbed|known as)?\s*$",
    re.I,
)
# … or right before ", their joint venture", ", a 50:50 venture".
_VENTURE_NAME_AFTER = re.compile(
    r"^\s*,\s*(?:its|their|a|the|an|(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:'s|’s))\s+(?:[\w:%-]+\s+){0,3}?"
    r"(?:joint[\s-]+venture|jv|venture)",
    re.I,
)


def _org_roles(view: SentenceView) -> list[tuple[OrgRef, bool]]:
    """The organisations that may take part in a deal, each with whether it is the venture itself rather than a
    party; mere modifiers ("⟨X⟩ executives", "a former ⟨X⟩ engineer") and owners named in asides are left out."""
    text = view.text
    excluded = [(m.start(), m.end()) for m in _cued_finditer(_RELATIVE, view, text)]
    modifier_after, modifier_before = may_match(_MODIFIER_AFTER, view), may_match(_MODIFIER_BEFORE, view)
    venture_names = may_match(_VENTURE_NAME_BEFORE, view) or may_match(_VENTURE_NAME_AFTER, view)
    roles: list[tuple[OrgRef, bool]] = []
    for org in view.orgs:
        if any(a <= org.start and org.end <= b for a, b in excluded):
            continue
        if (modifier_after and _MODIFIER_AFTER.match(text[org.end :])) or (
            modifier_before and _MODIFIER_BEFORE.search(text[max(0, org.start - 40) : org.start])
        ):
            continue
        venture = _VENTURE_WORD.search(org.text) is not None or (
            venture_names
            and (
                _VENTURE_NAME_BEFORE.search(text[max(0, org.start - 40) : org.start]) is not None
                or _VENTURE_NAME_AFTER.match(text[org.end : org.end + 50]) is not None
            )
        )
        roles.append((org, venture))
    return roles


def _parties(
    view: SentenceView, roles: list[tuple[OrgRef, bool]], start: int, end: int, discourse: Discourse
) -> list[str]:
    """The distinct organisations between `start` and `end` that take part in a deal (of `roles`, see _org_roles),
    leaving out the venture itself."""
    text = view.text
    names: list[str] = []
    keys: set[str] = set()
    ventures: set[str] = set()
    kept: list[OrgRef] = []
    for org, venture in roles:
        if org.start < start or org.end > end:
            continue
        if venture:
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
    if len(names) == 1 and _named_only_after_with(text, start, end, kept):
        main = discourse.main_entity()
        if main and normalize_entity(main) not in keys and main not in ventures:
            names.insert(0, main)
    return names


# "a deal with ⟨X⟩", "technology licensed from ⟨X⟩": the other party is the company the article is about.
_WITH_BEFORE = re.compile(
    r"\b(?:with|between|licen[cs]ed\s+from|(?:a|under)\s+licen[cs]e\s+from|licen[cs]ing\s+from)\s+(?:[\w'’-]+\s+){0,4}?$",
    re.I,
)


def _named_only_after_with(text: str, start: int, end: int, kept: list[OrgRef]) -> bool:
    """ "The carmaker signed a deal with ⟨X⟩": the unnamed subject is the article's main entity. Not when
    the one named party is the subject ("⟨X⟩ is working on partnerships with other manufacturers")."""
    named = [o for o in kept if start <= o.start and o.end <= end]
    if not named:
        return False
    first = named[0]
    return bool(_WITH_BEFORE.search(text[max(start, first.start - 50) : first.start]))


# "signed a memorandum of understanding to begin formal talks": the memorandum is signed, the talks are its subject.
_SIGNED_TO_TALK = re.compile(
    r"\b(?:signed|signs|inked|concluded|sealed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:memorandum\s+of\s+understanding|mou|agreement|letter\s+of\s+intent|framework\s+agreement)\s+"
    r"(?:(?:on|last|this|in)\s+\w+\s+)?(?:to|on)\s+(?:begin|start|launch|open|hold|enter\s+into|beginning|starting|launching|opening|holding)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:talks|negotiations|discussions)\b",
    re.I,
)


def deal_status(text: str, modality: str, view: SentenceView | None = None) -> str | None:
    """Ended, talks or signed when the sentence says so; otherwise no status (a plain report of a deal).
    `view`: the sentence whose text this is, so that its cue index skips the patterns it lacks words for."""
    lex = _lexicon()

    def says(pattern: re.Pattern[str]) -> bool:
        return (view is None or may_match(pattern, view)) and pattern.search(text) is not None

    if says(lex["status:ended"]):
        return "ended"
    if says(_SIGNED_TO_TALK):
        return "signed"
    if says(lex["status:talks"]):
        return "talks"
    if says(lex["status:signed"]):
        return "signed"  # "signed an MoU to explore …": the memorandum is signed
    if says(lex["status:tentative"]) or modality == "hedged":
        return "talks"
    return None


# What a deal is about, read on the template (organisations as ⟨i⟩, pronouns as words), in this order:
# the object of a deal verb ("co-develop electric sedans", "licensed its e-motor technology to ⟨X⟩"),
# a phrase after a deal word ("on battery cells", "a joint venture with ⟨X⟩ to build LFP batteries"),
# the subject of a passive deal verb ("This pickup, which will be jointly developed by …", "chemistry
# licensed from ⟨X⟩") and the modifier of a deal noun ("an electric pickup partnership").
# A company name inside a scope, as part of a noun phrase ("⟨Volkswagen⟩-brand models", "⟨Leapmotor⟩ models").
_NAME_IN_SCOPE = (
    r"⟨\d+⟩(?=-|\s+(?!(?:and|or|to|in|for|on|with|from|by|at|as|is|are|was|were|will|has|have|had|that|which)\b)"
    r"[a-z])"
)
_OBJECT_VERB = re.compile(
    r"\b(?:(?:jointly|together)\s+(?:develop|produce|build|make|engineer)(?:s|ed|ing)?|co-?develop(?:s|ed|ing)?|"
    r"co-?engineer(?:s|ed|ing)?|develop(?:s|ed|ing)?\s+(?:together|jointly)|licen[cs](?:e|es|ed|ing))"
    r"(?:\s+and\s+(?:jointly\s+|together\s+)?(?:produce|build|make|manufacture|sell|market)(?:s|d|ed)?)?"
    r"(?:\s+(?:together|jointly))?\s+(?!(?:to|with|by|from|for|on|in|at|as|of|and|or|a\s+deal|an?\s+agreement|"
    rf"agreements?|deals?|fees?|that|which|will|would|is|are|was|were|has|have|had)\b)(?P<scope>(?:[^,.;()⟨⟩⟦]|(?<=\d)[.,](?=\d)|{_NAME_IN_SCOPE}){{3,80}})",
    re.I,
)
_AFTER_TRIGGER = re.compile(
    rf"^(?:\s+(?:with|between))?(?:\s+(?:[\w'’-]+\s+){{0,3}}?{ORG_LIST})?[^.;,⟨⟩]{{0,25}}?\b(?:"
    r"(?:for|on)\s+the\s+(?:joint\s+)?(?:mass\s+)?(?:supply|development|production|distribution|sale|sales)\s+of|"
    r"to\s+(?:jointly\s+)?(?:develop|co-develop|build|(?:mass-)?produce|make|manufacture|supply|source|explore|research|"
    r"collect|recycle|sell|market|distribute|assemble)(?:\s+and\s+\w+)?|to\s+explore\s+\w+ing|"
    r"in\s+the\s+(?:fields?|areas?)\s+of|dedicated\s+to|focused\s+on|focusing\s+on|"
    rf"on|for|covering|covers|cover|around|involving|about)\s+(?P<scope>(?:[^,.;()⟨⟩⟦]|(?<=\d)[.,](?=\d)|{_NAME_IN_SCOPE}){{3,80}})",
    re.I,
)
# "the supply contract of batteries", "a licence of its LFP technology": what a supply or licence deal covers.
_OF_HEAD = re.compile(r"(?:supply|contract|agreement|deal|order|licen[cs]e|licensing)$", re.I)
_OF_AFTER = re.compile(
    rf"^\s+of\s+(?!(?:the\s+)?(?:two|both|companies|partners|parties|century|understanding)\b)"
    rf"(?P<scope>(?:[^,.;()⟨⟩⟦]|(?<=\d)[.,](?=\d)|{_NAME_IN_SCOPE}){{3,80}})",
    re.I,
)
_TO_SUPPLY = re.compile(r"\bto\s+supply$", re.I)
_SUPPLY_OBJECT = re.compile(
    r"^\s+(?!(?:to|with|from|for|of|it|them|the\s+two|both)\b)(?P<scope>(?:[^,.;()⟨⟩⟦]|(?<=\d)[.,](?=\d)){3,80})",
    re.I,
)
_PASSIVE_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:the|this|these|its|their|an?|use|uses|using|used|of)\s+)"
    r"(?P<scope>(?:[\w-]+\s+){0,4}?[\w-]+)\s*"
    r"(?:,\s*(?:which|that)\s+)?(?:(?:will|would|is|are|was|were|to|be|been|being|has|have|had|also|now|"
    r"already|both)\s+)*$",
    re.I,
)
_IS_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[\w-]+\s+)?$", re.I)
_NOUN_TRIGGER = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Tt]his)\s+(?:\d+[:/-]\d+\s+)?(?P<scope>(?:[a-z][\w-]*\s+){1,3}?)"
    r"(?:partnership|alliance|cooperation|collaboration|tie-up|(?:joint\s+)?venture)\b",
)
# Product words in a venture's own name ("Ultium Cells", "HL-GA Battery Company"): what the venture makes.
_PRODUCT_IN_NAME = re.compile(
    r"\b(?:batter(?:y|ies)|cells?|e-?axles?|e-?motors?|semiconductors?|chips?|cathodes?|anodes?|charging|recycling)\b",
    re.I,
)
_PLATFORM = re.compile(
    r"\b(?:common|shared|joint|same)\s+(?:[\w-]+\s+){0,3}?(?:platform|architecture|underpinnings)\b", re.I
)
_SCOPE_STOP = re.compile(
    r"\s+(?:from|by|at|with|under|starting|beginning|until|after|before|which|that|who|such\s+as|as|while|where|when|"
    r"and\s+(?:will|would|to|is|are|was|were|has|have|had|said|plans?)|will|would|is|are|was|were|has|have|"
    r"the\s+(?:two|companies|partners)|said|says|according|worth|valued|"
    r"in\s+(?:the\s+)?(?:coming|future|next|first|second|third|fourth|early|late|\d{4})|in\s+a\b|in\s+an\b|"
    r"(?:last|this|next)\s+(?:year|month|week|decade)|due\s+(?:in|to|by)|citing)\b.*$",
    re.I,
)
_DETERMINER = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|our|this|these|those|both|all|two|new)\s+)+", re.I
)


@lru_cache(maxsize=1)
def _not_scope_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon("partnership")["not_scope_words"])


def _scope(view: SentenceView, parties: Sequence[str]) -> list[str] | None:
    """What the deal is about, as written (with a second "and to share …" and the members of "such as"
    lists); else what the venture's own name says it makes."""
    scopes = _stated_scope(view, parties) or venture_subject(view) or venture_product(view)
    if not scopes:
        return None
    text = build_template(view, pronouns=False).text
    for more in _cued_finditer(_AND_TO_VERB, view, text):
        raw = more.group("scope")
        listed = _SUCH_AS.search(raw)
        parts = [raw[: listed.start()]] if listed else [raw]
        if listed:
            parts += re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+", listed.group("list"))
        for part in parts:
            extra = _clean_scope(part)
            if extra and extra not in scopes:
                scopes.append(extra)
    return tidy_scopes(scopes)


# "… to jointly develop software and to share EV components such as batteries": a second thing agreed on.
_AND_TO_VERB = re.compile(
    r"\band\s+to\s+(?:jointly\s+|also\s+|together\s+)?(?:share|develop|co-develop|build|produce|make|supply|source|"
    r"sell|use|procure|buy)\s+(?P<scope>[^,.;()⟨⟩⟦]{3,80})",
    re.I,
)
_SUCH_AS = re.compile(r"\s+(?:such\s+as|including|like)\s+(?P<list>.+)$", re.I)


def _stated_scope(view: SentenceView, parties: Sequence[str]) -> list[str] | None:
    """What the deal is about, as written; else what the venture's own name says it makes (a company in the
    sentence that is none of the `parties`: "⟨A⟩ and ⟨B⟩ run Ultium Cells, a joint venture")."""
    template = build_template(view, pronouns=False)
    text = template.text
    # Its patterns need no word a slot could supply (test_partnership): the sentence's cues hold for the template.
    for match in _cued_finditer(_OBJECT_VERB, view, text):
        if _DETERMINED.search(text[: match.start()]):
            continue  # "the licensing model": a noun's modifier, not a verb with an object
        scope = _clean_scope(_fill(template, match.group("scope")), text.startswith("⟨", match.end()))
        if scope:
            return [scope]
    # Deal words are letters only, never part of a slot: the sentence's cues hold for its template.
    found = list(_cued_finditer(_lexicon()["any"], view, text))
    triggers = [m.span() for m in found]
    for trigger in found:
        if _TO_SUPPLY.search(trigger.group(0)):  # "agreed to supply LFP cells and modules to ⟨X⟩"
            of = _SUPPLY_OBJECT.match(text[trigger.end() :])
        else:
            of = _OF_AFTER.match(text[trigger.end() :]) if _OF_HEAD.search(trigger.group(0)) else None
        if of:
            scope = _clean_scope(_fill(template, of.group("scope")), text.startswith("⟨", trigger.end() + of.end()))
            if scope:
                return [scope]
    for _start, end in triggers:
        after = _AFTER_TRIGGER.match(text[end:])
        if after:
            scope = _clean_scope(
                _fill(template, after.group("scope")), text.startswith("⟨", end + after.end())
            )
            if scope:
                return [scope]
    for start, end in triggers:
        if re.match(r"\s+(?:from|by)\b", text[end:]) or _IS_PASSIVE.search(text[:start]):
            passive = _PASSIVE_BEFORE.search(text[:start])
            if passive:
                scope = _clean_scope(passive.group("scope"))
                if scope and scope.lower() not in _not_scope_words():
                    return [scope]
    # "the battery joint venture" may itself be a mention (of the venture), hidden in the template.
    venture_mentions = [o.text for o in view.orgs if _VENTURE.search(o.text)]
    noun_triggers = may_match(_NOUN_TRIGGER, view)  # the mentions are sentence text too
    for match in [m for t in (text, *venture_mentions) if noun_triggers for m in _NOUN_TRIGGER.finditer(t)]:
        words = match.group("scope").split()
        while words and (words[0].lower() in _not_scope_words() or re.search(r"\d", words[0])):
            words.pop(0)
        if words and not any(w.lower() in _not_scope_words() or w.lower() in _FUNCTION_WORDS for w in words):
            return [" ".join(words)]
    platform = _cued_search(_PLATFORM, view, text)
    if platform:
        return [platform.group(0)]  # "share a common electric car platform": the platform is the subject
    for org in view.orgs:
        if org.via == "coref" or any(name in parties for name in org.names):
            continue
        named = [m.group(0).lower() for name in org.names for m in _PRODUCT_IN_NAME.finditer(name)]
        if named and _cued_search(_VENTURE_SENTENCE, view, text):
            return [" ".join(dict.fromkeys(named))]
    return None


# Words that never name what a deal is about ("a memorandum of cooperation", "which is a joint venture").
_FUNCTION_WORDS = frozenset(
    {"of", "which", "that", "who", "the", "a", "an", "with", "and", "or", "for", "to", "in", "on", "by", "its",
     "their", "this", "these", "is", "are", "was", "were", "be", "has", "have", "it", "they"}
)
_VENTURE_SENTENCE = re.compile(r"\b(?:joint\s+venture|venture|jv)\b", re.I)
_VENTURE = re.compile(r"\bventure\b", re.I)


_BEFORE_SLOT = re.compile(r"\s+(?:to|with|from|by|for|and|of)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


# "up to 6,000 tonnes a year of nickel sulphate": the material is the scope, not the amount.
_QUANTITY_LEAD = re.compile(
    r"^\s*(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|up\s+to\s+|about\s+|around\s+|some\s+|almost\s+)?"
    r"\d[\d,.]*\s*(?:(?:million|billion|thousand)\s+)?(?:(?:tonnes|tons|units|GWh|MWh|kWh)"
    r"(?:\s+(?:a|per)\s+(?:year|annum|month))?\s+(?:of\s+)?)?",
    re.I,
)
_DETERMINED = re.compile(r"\b(?:the|a|an|its|their|this|that)\s+$", re.I)
_COMPOUND_SLOT = re.compile(r"⟨(\d+)⟩")


def _fill(template: Template, scope: str) -> str:
    """A scope with its company-name compounds ("⟨2⟩-brand electric models") written out again."""
    return _COMPOUND_SLOT.sub(lambda m: template.org(m.group(1)).text, scope)


def _clean_scope(raw: str, before_slot: bool = False) -> str | None:
    """A scope phrase without trailing clauses, leading determiners or a closing place ("for China");
    `before_slot`: the phrase ran into a company ("technology to startup ⟨X⟩"), which is no part of it."""
    if before_slot:
        raw = _BEFORE_SLOT.sub("", raw)
    scope = _SCOPE_STOP.sub("", _QUANTITY_LEAD.sub("", raw)).strip()
    scope = _DETERMINER.sub("", scope)
    words = scope.split()
    for i in range(1, len(words)):
        if words[i].lower() in ("for", "in") and i + 1 < len(words) and _is_place(" ".join(words[i + 1 :])):
            words = words[:i]
            break
    scope = " ".join(words).strip(" -")
    if len(scope) < 3 or scope.lower() in _not_scope_words() or not re.search(r"[a-z]", scope, re.I):
        return None
    if _WHEN.fullmatch(scope):
        return None  # "signed … on Monday": a date, not a subject
    if _DEAL_HEAD.search(scope) or _DEAL_START.match(scope) or (before_slot and re.fullmatch(r"[a-z]+ing", scope)):
        return None  # "a technology partnership", a lone "using": no subject matter
    return scope


_WHEN = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|january|february|march|"
    r"april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2})?",
    re.I,
)
_DEAL_HEAD = re.compile(
    r"\b(?:partnership|alliance|cooperation|collaboration|agreement|deal|contract|memorandum|mou|talks|"
    r"venture|tie-up|relationship)s?$",
    re.I,
)


# "builds on a memorandum of understanding signed in November": another deal, not a subject matter.
_DEAL_START = re.compile(r"(?:memorandum|mou|agreement|deal|contract|letter\s+of\s+intent|talks)\b", re.I)


def _is_place(text: str) -> bool:
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return lookup_place(text) is not None
