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
    person_refs,
    sentence_asides,
    subject_candidates,
)
from evintel.extract.facts.ownership_clauses import _gates as clause_gates
from evintel.extract.facts.ownership_clauses import extract_clause_ownership
from evintel.extract.facts.ownership_grammar import FRACTION, SUBSIDIARY_HEADS, UNIT_HEADS, gates, patterns
from evintel.extract.facts.ownership_links import (
    GateSet,
    admitted_by,
    clause_span,
    gate_set,
    ownership_fact,
    ownership_template,
    with_cues,
)
from evintel.extract.facts.ownership_shareholder_lists import extract_listed_shareholders
from evintel.extract.facts.ownership_stakes import _gates as stake_gates
from evintel.extract.facts.ownership_stakes import extract_stake_ownership
from evintel.extract.facts.ownership_takeovers import _gates as takeover_gates
from evintel.extract.facts.ownership_takeovers import extract_takeover_ownership
from evintel.extract.facts.ownership_units import extract_unit_ownership
from evintel.extract.facts.ownership_ventures import extract_venture_ownership
from evintel.extract.modality import find_modality
from evintel.extract.template import ORG, PCT, Gate, Template
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

_RATIO = re.compile(r"\b(\d{1,2})\s*(?::|-|/|–|to)\s*(\d{1,2})\b")
_SLOT = re.compile(ORG)
_PCT_SLOT = re.compile(PCT)
_SUBSIDIARY_HEAD = re.compile(rf"\b(?:{SUBSIDIARY_HEADS})\b", re.I)
_EQUAL_SHARES = re.compile(r"\b50\s*[:/-]\s*50\b|\bequal(?:ly)?\b")
_UNIT_WORD = re.compile(r"\b(?:unit|subsidiary|brand|division|arm|marque)\b", re.I)
_FRACTION_STAKE = re.compile(rf"{FRACTION}|\bhalf\s+of\b", re.I)
_WHOLLY_OWNED = re.compile(r"\b(?:wholly|fully|100 percent|entirely|completely)[\s-]+owned\b", re.I)
# A joint venture's name: "called ⟨X⟩" after it, "⟨X⟩, its" before it, or "⟨X⟩" right after it.
_CALLED = re.compile(rf"\s*,?\s*(?:called|named|dubbed|known as)\s+{ORG}")
_VENTURE_BEFORE = re.compile(rf"{ORG}\s*,\s*(?:its|their|a|an|the|⟨\d+⟩\s*(?:'s|’s)?)\s*$")
_ORG_NEXT = re.compile(rf"\s*{ORG}")
# A stake told as a fraction ("about a fifth", "roughly a third", "two-thirds", "half").
_FRACTIONS = {"half": 50, "third": 33, "thirds": 67, "quarter": 25, "quarters": 75, "fifth": 20, "tenth": 10}
_FRACTION_WORD = re.compile(r"\b(half|thirds?|quarters?|fifth|tenth)\b", re.I)
_BRAND_END = re.compile(r"\s(?:brand|marque|label)$", re.I)
# A stake already sold is no longer held ("agreed to sell" still is).
_SOLD = re.compile(r"\b(?:sold|divested|offloaded|disposed of|exited|has sold|had sold)\b", re.I)
# "completed the sale of ⟨its⟩ stake in ⟨C⟩": a finished sale named just before the stake
_SALE_DONE = re.compile(
    r"\b(?:completed|closed|finali[sz]ed|concluded)\s+(?:the\s+|a\s+)?(?:sale|divestment|divestiture|disposal)"
    r"\s+of\b",
    re.I,
)


def extract_ownership(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Ownership facts stated in one sentence."""
    persons = person_refs(view)
    if not view.orgs and not persons:
        return []
    passed = _admitted_patterns(view, persons)
    # most sentences: no rule of the pattern table can match
    facts = _table_ownership(view, discourse, kb, passed) if passed else []
    ventures = extract_venture_ownership(view, discourse, kb)
    if ventures:
        # A share the sentence gives an owner of the venture it names is not also a share of another company.
        shares = {(f.fields["parent"], f.fields["stake_pct"]): f.fields["child"] for f in ventures}
        facts = [
            f for f in facts if shares.get((f.fields["parent"], f.fields["stake_pct"]), f.fields["child"]) == f.fields["child"]
        ]
    facts.extend(ventures)
    if ventures:  # "In the joint venture, ⟨A⟩ holds 60% …" in a later sentence speaks of this venture
        view.notes["ownership_child"] = ventures[-1].fields["child"]
    facts.extend(extract_unit_ownership(view, discourse, kb))
    facts.extend(extract_listed_shareholders(view))
    if not facts:
        return facts
    return _without_persons_as_children(view, _without_unstaked_duplicates(facts))


def _table_ownership(
    view: SentenceView, discourse: Discourse, kb: KnowledgeBase, passed: set[str]
) -> list[Fact]:
    """Facts of the pattern table and of the clause, stake and takeover modules whose gates admit the sentence."""
    facts: list[Fact] = []
    templates: dict[bool, Template] = {}  # by whether possessive pronouns are slots
    for name, pattern in patterns():
        if name not in passed:
            continue
        # "its" stays a word except where the pattern is about whose "its" it is; persons are slots
        # (owners such as "founder Anika Rao") and are dropped below wherever they land as the child.
        pronouns = name in _PRONOUN_PATTERNS
        if pronouns not in templates:
            templates[pronouns] = ownership_template(view, pronouns=pronouns)
        template = templates[pronouns]
        for match in pattern.finditer(template.text):
            found = _facts_from_match(name, match, template, view, kb, discourse)
            facts.extend(found)
            if found and (found[-1].fields["stake_pct"] is not None or name in _LISTING_PATTERNS):
                view.notes["ownership_child"] = found[-1].fields["child"]
            if found and found[-1].fields.get("stake_pct") is not None:
                facts.extend(_gapped_stakes(view, template, match.end(), found[-1]))
    if _ITS_BRAND_RULE in passed and _ITS_BRAND_WORDS.search(view.text):
        facts.extend(_its_brand(view, ownership_template(view)))
    if _VENTURE_RULE in passed:
        facts.extend(_joint_venture_shares(view, ownership_template(view)))
    facts.extend(extract_clause_ownership(view, discourse, kb, passed))
    facts.extend(extract_stake_ownership(view, discourse, kb, passed))
    facts.extend(extract_takeover_ownership(view, discourse, kb, passed))
    return facts


# The two rules of this module without a pattern list, gated with the patterns by the literals their regexes need.
_ITS_BRAND_RULE = "its_brand"
_VENTURE_RULE = "joint_venture_shares"


@lru_cache(maxsize=1)
def _main_gates() -> dict[str, Gate]:
    """The gates of this module's patterns and rules."""
    rules = {_ITS_BRAND_RULE: Gate(orgs=0), _VENTURE_RULE: Gate(orgs=0)}
    return {**gates(), **with_cues(rules, [(_ITS_BRAND_RULE, _ITS_BRAND_WORDS), (_VENTURE_RULE, _JV)])}


@lru_cache(maxsize=1)
def _side_gates() -> dict[str, Gate]:
    """The gates of the clause, stake and takeover patterns."""
    return {**clause_gates(), **stake_gates(), **takeover_gates()}


@lru_cache(maxsize=1)
def _gate_sets() -> tuple[GateSet, GateSet, GateSet]:
    """The gates of this module, of the side modules, and of both (their names are unique), each as a GateSet."""
    return gate_set(_main_gates()), gate_set(_side_gates()), gate_set({**_main_gates(), **_side_gates()})


def _admitted_patterns(view: SentenceView, persons: list[OrgRef]) -> set[str]:
    """The names of the ownership patterns and rules, of all four modules, whose gates admit the sentence."""
    main, side, every = _gate_sets()
    if not persons:
        return admitted_by(every, view)
    # Persons are slots for this module's patterns only.
    return admitted_by(main, view, len(persons)) | admitted_by(side, view)


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


_VENTURE_OWNERS_BEFORE = re.compile(
    r"\b(?:joint[\s-]+venture|JV)\s+(?:of|between|among|with)\s+[^.;]{0,80}?"
    r"(?:⟨\d+⟩(?:\s*,\s*(?:which|who)\b[^⟨⟩.;]*)?|\s(?:in|of)\s+which\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?⟨\d+⟩[^⟨⟩.;]*)$",
    re.IGNORECASE,
)
_APPOSITION_START = re.compile(r"⟨\d+⟩(?:\s*\([^)]*\))?\s*,")
_APPOSITIONS = frozenset(
    {
        "subsidiary_of",
        "appositive_possessive",
        "appositive_owner_noun",
        "brand_that",
        "part_of",
        "owned_compound_aside",
        "parent_of",
        "company_behind",
    }
)
_PRONOUN_PATTERNS = frozenset({"its_brands", "descriptor_of", "appositive_possessive", "possessive"})


_ITS_BRAND_WORDS = re.compile(r"\b(?:its|their)\b.*\b(?:brand|marque|label|subsidiary)\b", re.I)
# "its lower-priced ⟨C⟩ brand", "its ⟨Lexus brand⟩": read from each possessive pronoun's slot.
_ITS_BRAND = re.compile(
    rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?{ORG}(?P<noun>\s+(?:brand|marque|label|subsidiary)\b)?", re.I
)


def _its_brand(view: SentenceView, template: Template) -> list[Fact]:
    """ "⟨P⟩ … its lower-priced ⟨C⟩ brand": the owner is whoever "its" refers to."""
    facts = []
    for slot in _SLOT.finditer(template.text):
        owner = template.org(slot.group(1))
        if owner.text.lower() not in ("its", "their") or owner.plural:
            continue
        match = _ITS_BRAND.match(template.text, slot.end())
        if match is None:
            continue
        child = template.org(match.group(1))
        if child.name != owner.name and (match.group("noun") or _BRAND_END.search(child.text)):
            facts.append(_fact(view, owner.name, child.name, None, owner, child))
    return facts


_GAPPED_PARENT_PCT = re.compile(
    rf"{ORG}(?:\s*,[^⟨⟩.;]{{0,40}},)?(?:\s+[a-z][\w-]*){{0,3}}\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|the\s+remaining\s+|another\s+)?{PCT}(?!\s+(?:of|in|by)\s+⟨)"
)
_GAPPED_PCT_OF = re.compile(
    rf"\band\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?{PCT}\s+(?:of|in)\s+(?:the\s+)?{ORG}"
)
# "⟨C⟩ is 51 percent owned by ⟨A⟩ and 49 percent by ⟨B⟩": the verb is left out before the second owner.
_GAPPED_PCT_BY = re.compile(
    rf"^[^⟨⟩.;]{{0,20}}?\band\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|the\s+remaining\s+|the\s+rest\s+)?{PCT}\s+(?:is\s+|are\s+)?(?:owned\s+|held\s+)?by\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?{ORG}"
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
    for match in _GAPPED_PCT_BY.finditer(rest):
        other = template.org(match.group(2))
        if other.name not in (parent, child) and not other.plural:
            stake = float(view.percentages[int(match.group(1))].value)
            facts.append(_fact(view, other.name, child, stake, other, other))
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
    if _SOLD.search(text) or _SALE_DONE.search(match.string, max(0, match.start() - 50), match.end()):
        return []
    slots = _SLOT.findall(text)
    if (
        name == "possessive"
        and not groups.get("poss")
        and not template.org(slots[0]).text.endswith(("'s", "’s"))
    ):
        return []  # two names side by side; "the Wolfsburg-based group's daughter ⟨C⟩" keeps its 's in the slot
    if name == "descriptor_of":
        desc = template.orgs_in(groups["desc"])[0]
        if not _SUBSIDIARY_HEAD.search(desc.text):
            return []
    if name in ("descriptor_of", "venture_of"):
        child = template.orgs_in(groups["child"])[0]
        owners = [o for o in template.orgs_in(groups["parents"]) if not o.plural and o.name != child.name]
        equal = len(owners) == 2 and bool(_EQUAL_SHARES.search(text))
        ratio = _RATIO.search(text) if len(owners) == 2 and not equal else None
        if ratio and float(ratio.group(1)) + float(ratio.group(2)) == 100:
            shares = [float(ratio.group(1)), float(ratio.group(2))]
            return [
                _fact(view, o.name, child.name, share, o, child, clause_span(view, template, match))
                for o, share in zip(owners, shares, strict=True)
            ]
        stated = _stake(view, text, groups) if len(owners) == 1 else None
        span = clause_span(view, template, match)
        return [_fact(view, o.name, child.name, 50.0 if equal else stated, o, child, span) for o in owners]
    if name == "owned_by_list":
        child = template.orgs_in(groups["child"])[0]
        owners = [o for o in template.orgs_in(groups["parents"]) if not o.plural and o.name != child.name]
        return [_fact(view, o.name, child.name, None, o, child) for o in owners]
    # "a joint venture of ⟨A⟩ and ⟨B⟩ in which ⟨A⟩ holds 51%", "a venture between ⟨A⟩, which holds 65%, and …":
    # the share is of the venture, never of the last owner named nor of the article's main company.
    upto = match.end("child" if name == "in_which" else 0)
    if name in ("holds_bare", "in_which") and _VENTURE_OWNERS_BEFORE.search(template.text[:upto]):
        return []
    if name == "holds_bare":
        return _bare_stakes(view, template, match, discourse)
    if name == "unit_descriptor":
        owner = template.org(slots[0])
        unit = _unit_referent(view, owner, kb)
        return [] if unit is None else [_fact(view, owner.name, unit.name, None, owner, unit)]
    if name == "under_umbrella":
        child = template.orgs_in(groups["child"])[0]
        owners = [template.org(slots[-1]), *template.orgs_in(groups.get("alias") or "")]
        return [
            _fact(view, o.name, child.name, None, o, child, clause_span(view, template, match))
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
        named = template.org(slots[0])
        # "⟨P⟩, which holds 10 percent of ⟨C⟩, would become its majority owner": the verb is ⟨P⟩'s
        owner = (
            _aside_head(view, named) if (groups.get("gap") or "").lstrip().startswith(",") else None
        ) or named
        focus = _pronoun_at(view, template, match.start("its")) if groups.get("its") else None
        if focus is None or focus.name == owner.name:
            # no owner of itself: "its" is the company just named in the aside, else the one in focus
            focus = named if named is not owner else _discourse_child(view, template, discourse)
        if focus is None:
            return []
        parents = [owner]
        children = [focus]
    elif name in (
        "part_of",
        "brands_of",
        "owned_by",
        "subsidiary_of",
        "appositive_possessive",
        "acquisition_by",
        "name_of",
        "in_which",
        "entry_capital",
        "possessive_shareholder",
        "belongs_to",
        "brand_that",
        "descriptor_of",
        "appositive_owner_noun",
        "which_acquired",
        "invest_for_stake",
        "daughter_compound",
        "owned_compound_aside",
    ):
        child_slots = _SLOT.findall(groups["child"])
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
        if _is_unit_phrase(template, slots[0]):
            referent = _unit_referent(view, subject, kb)
            parents = [referent] if referent is not None else []  # "the ⟨X⟩ unit completed …": X's unit did
    if name == "owner_descriptor":
        children = template.orgs_in(groups["child"])
        described = _owner_named(view, children, kb)
        if described is None:
            return []
        parents = [described]
    if name == "name_of" and not _kb_confirms(parents[0], children, kb):
        return []
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
    # An apposition states the link on its own: "⟨C⟩, a subsidiary of ⟨P⟩, abandoned its IPO" is no denial of it.
    apposition = name in _APPOSITIONS and _APPOSITION_START.match(text)
    # So does a closed relative clause: "⟨P⟩, which owns 24% of ⟨C⟩, has denied …" / "…, may sell more".
    relative = _RELATIVE_LINK.search(text) and template.text[match.end() :].lstrip().startswith(",")
    clause = clause_span(view, template, match) if apposition or relative else None
    # "⟨A⟩, ⟨B⟩ and ⟨C⟩ each hold 30 percent of the company": a child that is one of the holders was misread
    children = [
        c
        for c in children
        if not any(set(c.names) & set(p.names) for p in parents) and not _coordinated_with(view, c, parents)
    ]
    facts: list[Fact] = []
    for parent in parents:
        for child in children:
            for parent_name in parent.names:
                for child_name in child.names:
                    if parent_name == child_name or (parent.plural or child.plural):
                        continue
                    facts.append(_fact(view, parent_name, child_name, stake, parent, child, clause))
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


_NEXT_CLAUSE = re.compile(r",?\s+(?:while|whereas|but)\b|;")


def _bare_stakes(
    view: SentenceView, template: Template, match: re.Match[str], discourse: Discourse
) -> list[Fact]:
    """A bare stake in the company whose holders are being listed ("⟨P⟩ keeps the remaining 30 percent")."""
    text = view.text
    # Only the stake's own clause: "⟨A⟩ kept the other 49 percent, while ⟨B⟩ sold its stake" holds a stake.
    end = template.sentence_pos(match.end())
    later = _NEXT_CLAUSE.search(text, end)
    if _NOT_A_HOLDING.search(text, 0, later.start() if later else len(text)):
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
    child = child or _held_earlier_in_sentence(template, match, names) or _listed_child(view, discourse, names)
    if child is None:
        return []
    stake = _last_pct(view, match.group(0))
    ref = OrgRef(0, 0, child, (child,), "discourse")
    clause = _closed_relative_clause(view, template, match)
    return [_fact(view, p.name, child, stake, p, ref, clause) for p in parents]


# "⟨C⟩'s biggest shareholder", "a stake in ⟨C⟩", "the owners of ⟨C⟩": a company whose holders a sentence names
_HELD_COMPANY = re.compile(
    r"⟨(\d+)⟩(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:shareholder|stakeholder|owner|investor)s?\b"
    r"|\b(?:shareholders?|stakeholders?|owners?|investors?|stakes?)\s+(?:of|in)\s+(?:the\s+)?⟨(\d+)⟩",
    re.IGNORECASE,
)


def _held_earlier_in_sentence(template: Template, match: re.Match[str], parents: set[str]) -> str | None:
    """ "⟨A⟩, ⟨C⟩'s biggest shareholder with 21%, …; ⟨B⟩ holds around 19%": a bare stake is in the company whose
    holders the sentence named before it."""
    held = list(_HELD_COMPANY.finditer(template.text, 0, match.start()))
    if not held:
        return None
    child = template.org(held[-1].group(1) or held[-1].group(2))
    return None if child.plural or child.name in parents else child.name


_RELATIVE_OPENING = re.compile(
    r"⟩\s*,\s*(?:(?:in|of|at)\s+)?(?:which|who|whom)\s[^⟨⟩,;]{0,40}$", re.IGNORECASE
)


def _closed_relative_clause(view: SentenceView, template: Template, match: re.Match[str]) -> str | None:
    """The text of a closed relative clause the match stands in ("⟨C⟩, in which ⟨P⟩ holds 36%, called off …"),
    read on its own for modality; None when the match is part of the main clause."""
    opening = _RELATIVE_OPENING.search(template.text, 0, match.start())
    if opening is None or not template.text[match.end() :].lstrip().startswith(","):
        return None
    return view.text[template.sentence_pos(opening.start() + 1) : template.sentence_pos(match.end())]


def _last_pct(view: SentenceView, text: str) -> float | None:
    slots = _PCT_SLOT.findall(text)
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


def _aside_head(view: SentenceView, org: OrgRef) -> OrgRef | None:
    """The organisation an aside holding `org` is attached to ("⟨P⟩, which holds 10 percent of ⟨org⟩,")."""
    for start, end in sentence_asides(view):
        if start <= org.start < end:
            heads = [o for o in view.orgs if o.end <= start and not view.text[o.end : start].strip(" ,")]
            return heads[-1] if heads and not heads[-1].plural else None
    return None


def _pronoun_at(view: SentenceView, template: Template, position: int) -> OrgRef | None:
    """The organisation a possessive pronoun at a template position refers to ("as its largest shareholder")."""
    start = template.sentence_pos(position)
    return next((o for o in view.orgs if o.start == start and not o.plural), None)


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


_UNIT_AFTER = re.compile(rf"\s+(?:{UNIT_HEADS})\b(?!\s+of\b)", re.I)


def _is_unit_phrase(template: Template, slot: str) -> bool:
    """Whether slot ⟨slot⟩ is the X of "the X unit"."""
    token = f"⟨{slot}⟩"
    position = template.text.find(token)
    return template.text[max(0, position - 4) : position].lower() == "the " and bool(
        _UNIT_AFTER.match(template.text, position + len(token))
    )


def _unit_referent(view: SentenceView, owner: OrgRef, kb: KnowledgeBase) -> OrgRef | None:
    """The company "the ⟨owner⟩ unit" stands for: named earlier in this or the previous sentence, and a
    child of that owner in the KB."""
    start = owner.start
    earlier = [o for o in view.orgs if o.end <= start and not o.plural and o.name != owner.name]
    if view.previous is not None and not earlier:
        earlier = [o for o in view.previous.orgs if not o.plural and o.name != owner.name]
    # "the Audi unit" may be Audi itself: only the KB tells that the unit is another, earlier company
    return next((org for org in earlier if _kb_confirms(owner, [org], kb)), None)


def _kb_confirms(parent: OrgRef, children: list[OrgRef], kb: KnowledgeBase) -> bool:
    """Whether the KB lists the parent among the ancestors of every child."""
    parent_entity = kb.resolve(parent.name)
    if parent_entity is None or not children:
        return False
    for child in children:
        entity = kb.resolve(child.name)
        if entity is None or parent_entity.name not in {a.name for a in kb.ancestors(entity.id)}:
            return False
    return True


def _owner_named(view: SentenceView, children: list[OrgRef], kb: KnowledgeBase) -> OrgRef | None:
    """The company that "the owner of ⟨A⟩ and ⟨B⟩" describes: one named in this or the last two sentences
    that the KB knows as the owner of them all (a descriptor alone does not say which)."""
    current: SentenceView | None = view
    for _ in range(3):
        if current is None:
            return None
        for org in current.orgs:
            if not org.plural and org not in children and _kb_confirms(org, children, kb):
                return org
        current = current.previous
    return None


_UNIT_BETWEEN = re.compile(
    r"(?:'s|’s|⟩)\s+(?:[\w-]+\s+){0,2}?(?:sub-?brand|subsidiary|unit|division|arm|marque|brand|label|daughter)\s+⟨",
    re.I,
)


def _possessive_is_ownership(parent: OrgRef, children: list[OrgRef], kb: KnowledgeBase, text: str) -> bool:
    """ "Volkswagen's Traton" is ownership; "BMW's Rimac partnership" is not: trust the KB or a unit noun."""
    if _UNIT_BETWEEN.search(text):
        return True  # "its sub-brand Ledao", "Geely's luxury marque Lotus": the text says what the child is
    for child in children:
        entity = kb.resolve(child.name)
        if entity is None:
            return bool(_UNIT_WORD.search(text))
        ancestors = {a.name for a in kb.ancestors(entity.id)}
        parent_entity = kb.resolve(parent.name)
        if parent_entity is None or parent_entity.name not in ancestors:
            return False
    return True


_RELATIVE_LINK = re.compile(r"⟩\s*,\s*(?:(?:in|of|at)\s+)?(?:which|who|whom)\s")


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|&)\s*")


def _coordinated_with(view: SentenceView, child: OrgRef, parents: list[OrgRef]) -> bool:
    """Whether a child read off a descriptor ("the company") names a company listed beside a parent."""
    if child.via != "coref":
        return False
    for org in view.orgs:
        if org.via == "coref" or set(org.names).isdisjoint(child.names):
            continue
        for parent in parents:
            first, second = (org, parent) if org.end <= parent.start else (parent, org)
            if _LIST_GAP.fullmatch(view.text[first.end : second.start]):
                return True
    return False


def _stake(view: SentenceView, text: str, groups: dict[str, str | None]) -> float | None:
    pct_slots = _PCT_SLOT.findall(text)
    if pct_slots:
        return float(view.percentages[int(pct_slots[-1])].value)
    fraction = _FRACTION_STAKE.search(text)
    if fraction and (word := _FRACTION_WORD.search(fraction.group(0))):
        return float(_FRACTIONS[word.group(1).lower()])
    if _WHOLLY_OWNED.search(text):
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
    modality = find_modality(clause).value if clause is not None else None
    return ownership_fact(view, parent, child, stake, base, modality)


_JV = re.compile(
    r"(?P<ratio>\b\d{1,2}\s*(?::|/|-|–)\s*\d{1,2}\b|\bequal(?:ly[\s-]+(?:owned|held))?\b)[\s-]*(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:joint\s+)?(?:venture|jv|partnership)",
    re.IGNORECASE,
)


_POSSESSOR_OF_ORG = re.compile(r"⟨\d+⟩\s*(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?=⟨)")


def _joint_venture_shares(view: SentenceView, template: Template) -> list[Fact]:
    """ "⟨JV⟩, its 50:50 (or equal) joint venture with ⟨B⟩": each partner owns its share of the venture."""
    match = _JV.search(template.text)
    if not match:
        return []
    ratio = _RATIO.search(match.group("ratio"))
    if ratio:
        first, second = float(ratio.group(1)), float(ratio.group(2))
    elif match.group("ratio").lower().startswith("equal"):
        first, second = 50.0, 50.0  # "its equal joint venture", "an equally owned venture"
    else:
        return []
    if first + second != 100:
        return []
    before = template.orgs_in(template.text[: match.start()])
    # "with ⟨VW⟩'s battery unit ⟨PowerCo⟩": the possessor says whose unit the partner is; it is no partner
    after = template.orgs_in(_POSSESSOR_OF_ORG.sub("", template.text[match.end() :]))
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
    called = _CALLED.match(tail)
    if called:
        return template.org(called.group(1))
    appositive = _VENTURE_BEFORE.search(head)
    if appositive:
        return template.org(appositive.group(1))
    following = _ORG_NEXT.match(tail)
    if following:
        return template.org(following.group(1))
    return None
