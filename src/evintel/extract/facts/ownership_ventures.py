"""Joint ventures and their owners: who holds a venture, and how much each owner holds.

News names a venture's owners in many shapes, and the shares beside them:
- "⟨V⟩, the charging joint venture of ⟨A⟩, the ⟨B⟩ and the ⟨C⟩"; "the joint venture in equal parts among …";
- "⟨V⟩, the engine venture that ⟨A⟩ shares with ⟨B⟩ (45 % each) and ⟨C⟩ (10 %)";
- "⟨V⟩ is owned in equal parts by ⟨the two truck makers⟩"; "⟨V⟩, which ⟨the two companies⟩ own 50-50";
- "⟨A⟩ operates the joint venture ⟨V⟩ with ⟨B⟩, in which each side holds 50 percent".
Equal shares ("in equal parts", "50-50", "each side holds half") are split evenly between the owners named;
a share in brackets after an owner is that owner's ("each" gives it to every owner not yet given one).
"""

from __future__ import annotations

import re

from evintel.extract.context import Discourse, OrgRef, SentenceView
from evintel.extract.cues import may_match
from evintel.extract.facts.ownership_links import ownership_fact, stake_number
from evintel.extract.template import ORG, Template, build_template
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

# A list of organisation slots, each perhaps after "the" or a short descriptor ("the Chinese ⟨B⟩").
_ITEM = r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}?⟨\d+⟩(?:\s*\(\s*⟦P\d+⟧(?:\s+each)?\s*\))?"
_LIST = rf"{_ITEM}(?:\s*,\s*{_ITEM})*(?:\s*,?\s*(?:and|&)\s+{_ITEM})?"
_VENTURE_NOUN = r"(?:joint[\s-]+venture|venture|JV|joint\s+(?:company|society|undertaking|enterprise))"
_EQUAL = r"(?:in\s+equal\s+(?:parts|shares|measure)|equally|evenly|50\s*[-:/–]\s*50|fifty[\s-]fifty)"
_ALIAS = r"(?:\s*\(\s*(?:⟨\d+⟩|[\w&.-]+)\s*\))?"

# "⟨V⟩, the (charging) joint venture (in equal parts) of/between/among ⟨A⟩, ⟨B⟩ and ⟨C⟩"
_VENTURE_OF = re.compile(
    rf"(?P<child>{ORG}){_ALIAS}\s*,\s*(?:the|a|an|its|their)\s+(?P<desc>(?:[\w:-]+\s+){{0,4}}?){_VENTURE_NOUN}"
    rf"(?:\s+company)?\s+(?P<equal>{_EQUAL}\s+)?(?:(?:formed|set\s+up|created|owned|held)\s+(?:jointly\s+)?by|of|between|among|amongst)\s+"
    rf"(?P<parents>{_LIST})",
    re.IGNORECASE,
)
# "⟨V⟩, the engine joint venture that ⟨A⟩ shares with ⟨B⟩ (45 % each) and ⟨C⟩ (10 %)"
_VENTURE_SHARED = re.compile(
    rf"(?P<child>{ORG}){_ALIAS}\s*,\s*(?:the|a|an|its|their)\s+(?P<desc>(?:[\w:-]+\s+){{0,6}}?){_VENTURE_NOUN}\b"
    rf"[^⟨⟩.;]{{0,40}}?\b(?:that|which)\s+(?P<first>{ORG})\s+(?:shares|runs|operates|owns|holds|set\s+up|formed|founded|"
    rf"created|established|has\s+formed|has\s+set\s+up)\s+(?:jointly\s+|together\s+)?with\s+(?P<parents>{_LIST})",
    re.IGNORECASE,
)
# "⟨V⟩ is owned in equal parts by ⟨A⟩ and ⟨B⟩", "⟨V⟩ … jointly owned 50-50 by ⟨the two makers⟩"
_OWNED_EQUALLY = re.compile(
    rf"(?P<child>{ORG})[^⟨⟩.;]{{0,60}}?\b(?:owned|held|controlled)\s+(?:jointly\s+)?(?P<equal>{_EQUAL})\s+by\s+"
    rf"(?P<parents>{_LIST})",
    re.IGNORECASE,
)
# "⟨V⟩ is owned by a consortium of ⟨A⟩, ⟨B⟩ and ⟨C⟩": co-owners, shares not given
_OWNED_BY_GROUP = re.compile(
    rf"(?P<child>{ORG})[^⟨⟩.;]{{0,45}}?\b(?:owned|held|controlled|backed)\s+(?:jointly\s+)?by\s+(?:a\s+)?(?:[\w-]+\s+)?"
    rf"(?:consortium|group|coalition|syndicate|alliance)\s+of\s+(?:companies\s+|firms\s+)?(?P<parents>{_LIST})",
    re.IGNORECASE,
)
# "…, with ⟨F⟩ holding a 5% stake": one more owner, with its share, after the list
_WITH_HOLDING = re.compile(
    r"\s*,?\s*(?:with|while|and)\s+(?:the\s+)?⟨(\d+)⟩\s+(?:holding|owning|keeping|having|retaining)\s+"
    r"(?:a\s+|an\s+|the\s+(?:remaining|other)\s+)?⟦P(\d+)⟧",
    re.IGNORECASE,
)
# "⟨V⟩, which ⟨the two companies⟩ own 50-50", "⟨V⟩, which ⟨A⟩ and ⟨B⟩ own equally"
_WHICH_OWN_EQUALLY = re.compile(
    rf"(?P<child>{ORG}){_ALIAS}\s*,\s*(?:which|that)\s+(?P<parents>{_LIST})\s+(?:jointly\s+)?(?:own|owns|hold|holds|control|controls)"
    rf"\s+(?P<equal>{_EQUAL})",
    re.IGNORECASE,
)
# "… in which each side holds 50 percent", "each partner owns half": equal shares of the venture named.
_EACH_HOLDS = re.compile(
    r"\s*,?\s*(?:in\s+which\s+|where\s+|with\s+)?each\s+(?:(?:side|partner|party|company|firm|group|of\s+(?:the|them|the\s+two))\s*(?:\w+\s+)?)?"
    r"(?:holds|owns|has|controls|will\s+hold|will\s+own|keeps)\s+(?:a\s+)?(?:(?P<pct>⟦P\d+⟧)|half)",
    re.IGNORECASE,
)
# "the joint venture ⟨V⟩", "a joint venture called ⟨V⟩": the venture named after its noun.
_VENTURE_NAMED = re.compile(
    rf"\b(?:joint[\s-]+venture|JV)\s+(?:company\s+)?(?:(?:called|named|dubbed|known\s+as)\s+)?(?:[\"“]\s*)?{ORG}",
    re.IGNORECASE,
)
_SLOT = re.compile(r"⟨(\d+)⟩")
_DESCRIBES_VENTURE = re.compile(rf"\b{_VENTURE_NOUN}\b", re.IGNORECASE)
# "⟨V⟩, the joint society in which ⟨A⟩ has 30% and the Catalan group ⟨B⟩ 70%"; "⟨V⟩, joint venture in which …";
# "⟨V⟩, the joint venture established by ⟨A⟩ and ⟨B⟩, in which ⟨A⟩ holds 51% and ⟨B⟩ holds 49%"
_IN_WHICH = re.compile(
    rf"(?P<child>{ORG}){_ALIAS}\s*,\s*(?:(?:the|a|an|its|their)\s+)?(?:[\w:-]+\s+){{0,4}}?{_VENTURE_NOUN}"
    rf"(?:\s+(?:established|set\s+up|formed|founded|created|launched)\s+(?:jointly\s+)?by\s+[^.;⟦]{{0,80}}?,)?\s+in\s+which\s+"
    r"(?P<clause>[^.;]{0,160})",
    re.IGNORECASE,
)
# "in which ⟨A⟩ and ⟨B⟩ each have ⟦P0⟧": one share for every owner listed
_OWNER_ITEM = r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}?⟨\d+⟩(?:\s+(?:group|company|concern))?"
_OWNER_LIST = rf"{_OWNER_ITEM}(?:\s*,\s*{_OWNER_ITEM})*\s*,?\s*(?:and|&)\s+{_OWNER_ITEM}"
_EACH_HAVE = re.compile(
    rf"(?P<owners>{_OWNER_LIST})\s+each\s+(?:have|has|hold|holds|own|owns|control|controls)\s+(?:a\s+)?⟦P(?P<pct>\d+)⟧"
)
# An owner and the share after it, before the next owner: "⟨A⟩ has ⟦P0⟧", "⟨B⟩ ⟦P1⟧", "⟨C⟩ holds the remaining ⟦P2⟧".
_OWNER_SHARE = re.compile(r"⟨(\d+)⟩[^⟨⟩⟦]{0,30}?⟦P(\d+)⟧")
_SHARE_AFTER = re.compile(r"\s*\(\s*⟦P(\d+)⟧(?P<each>\s+each)?\s*\)")
_CUES = re.compile(
    r"venture|consortium|coalition|syndicate|\bjv\b|joint\s+(?:company|society|undertaking|enterprise)|equal\s+(?:parts|shares)|equally|evenly|"
    r"50\s*[-:/–]\s*50|fifty[\s-]fifty|each\s+(?:side|partner|party)",
    re.IGNORECASE,
)


def extract_venture_ownership(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Ownership of joint ventures by their owners, with each owner's share where the sentence gives it."""
    if len(view.orgs) < 2:
        return []
    if view.text.startswith(("In ", "At ")):
        fronted = _fronted_company_shares(view)
        if fronted:
            return fronted
    if not (may_match(_CUES, view) and _CUES.search(view.text)):
        return []
    template = build_template(view)
    text = _venture_descriptions_as_words(template)
    facts: list[Fact] = []
    for pattern in (_VENTURE_OF, _VENTURE_SHARED, _OWNED_EQUALLY, _WHICH_OWN_EQUALLY, _OWNED_BY_GROUP):
        for match in pattern.finditer(text):
            child = template.org(match.group("child")[1:-1])
            owners = _owners(view, template, match)
            equal = bool(match.groupdict().get("equal")) or bool(
                re.search(r"\b50\s*[-:/–]\s*50\b", match.groupdict().get("desc") or "")
            )
            found = _venture_facts(view, template, match, child, owners, equal)
            found = _shares_in_which_after(view, template, text, match.end(), found)
            facts.extend(_each_holds_after(view, text, match.end(), found))
            facts.extend(_holding_after(view, template, text, match.end(), child) if found else [])
    for match in _IN_WHICH.finditer(text):
        facts.extend(_shares_in_which(view, template, match))
    if not facts:
        facts.extend(_each_side_holds(view, template))
    return facts


def _venture_descriptions_as_words(template: Template) -> str:
    """The template with descriptions of a venture put back as words: coreference reads "⟨V⟩, the joint
    venture of ⟨A⟩ …" as a reference to ⟨V⟩, but here the words are the point."""

    def words(slot: re.Match[str]) -> str:
        ref = template.org(slot.group(1))
        return ref.text if ref.via == "coref" and _DESCRIBES_VENTURE.search(ref.text) else slot.group(0)

    return _SLOT.sub(words, template.text)


def _owners(
    view: SentenceView, template: Template, match: re.Match[str]
) -> list[tuple[OrgRef, float | None, bool]]:
    """The owners a match names, in order, each with the share in brackets after it (and whether "each")."""
    owners: list[tuple[OrgRef, float | None, bool]] = []
    spans = []
    if match.groupdict().get("first"):
        spans.append(match.span("first"))
    spans.append(match.span("parents"))
    for start, end in spans:
        for slot in re.finditer(ORG, match.string[start:end]):
            ref = template.org(slot.group(1))
            share = _SHARE_AFTER.match(match.string, start + slot.end())
            value = _percent(view, share.group(1)) if share else None
            each = bool(share and share.group("each"))
            if ref.plural:
                owners.extend((_named(ref, name), value, each) for name in ref.names)
            else:
                owners.append((ref, value, each))
    return owners


def _venture_facts(
    view: SentenceView,
    template: Template,
    match: re.Match[str],
    child: OrgRef,
    owners: list[tuple[OrgRef, float | None, bool]],
    equal: bool,
) -> list[Fact]:
    """One fact per owner of the venture, shares spread by "each" and by equal-share words."""
    named: list[tuple[OrgRef, float | None, bool]] = []
    for ref, value, each in owners:
        if ref.name != child.name and ref.name not in [r.name for r, _v, _e in named]:
            named.append((ref, value, each))
    if not named or (len(named) < 2 and not equal):
        return []
    shares: list[float | None] = [value for _ref, value, _each in named]
    for i, (_ref, value, each) in enumerate(named):
        if each and value is not None:
            for j in range(i):
                if shares[j] is None:
                    shares[j] = value
    if equal and len(named) >= 2 and all(share is None for share in shares):
        shares = [round(100 / len(named), 1)] * len(named)
    return [
        _fact(view, ref.name, child.name, share, ref, child)
        for (ref, _v, _e), share in zip(named, shares, strict=True)
    ]


def _each_holds_after(view: SentenceView, text: str, end: int, found: list[Fact]) -> list[Fact]:
    """ "… the joint venture of ⟨A⟩ and ⟨B⟩ in which each partner holds 37.8%": the share goes to every owner."""
    each = _EACH_HOLDS.match(text, end) if found else None
    if each is None or not each.group("pct"):
        return found
    share = _percent(view, each.group("pct")[2:-1])
    for fact in found:
        if fact.fields["stake_pct"] is None and share is not None:
            fact.fields["stake_pct"] = stake_number(share)
    return found


_IN_WHICH_AFTER = re.compile(r"\s*,?\s*in\s+which\s+(?P<clause>[^.;]{0,120})", re.IGNORECASE)


def _shares_in_which_after(
    view: SentenceView, template: Template, text: str, end: int, found: list[Fact]
) -> list[Fact]:
    """ "… a joint venture of ⟨A⟩ and ⟨B⟩ in which ⟨A⟩ holds 51%": the share goes to that owner's fact."""
    after = _IN_WHICH_AFTER.match(text, end) if found else None
    if after is None:
        return found
    for slot, pct in _OWNER_SHARE.findall(after.group("clause")):
        owner = template.org(slot).name
        for fact in found:
            if fact.fields["parent"] == owner and fact.fields["stake_pct"] is None:
                share = _percent(view, pct)
                fact.fields["stake_pct"] = stake_number(share)
    return found


def _holding_after(view: SentenceView, template: Template, text: str, end: int, child: OrgRef) -> list[Fact]:
    """ "… owned by a consortium of ⟨A⟩ and ⟨B⟩, with ⟨F⟩ holding a 5% stake": one more owner, with its share."""
    holding = _WITH_HOLDING.match(text, end)
    if holding is None:
        return []
    owner = template.org(holding.group(1))
    if owner.plural or owner.name == child.name:
        return []
    return [_fact(view, owner.name, child.name, _percent(view, holding.group(2)), owner, child)]


def _shares_in_which(view: SentenceView, template: Template, match: re.Match[str]) -> list[Fact]:
    """ "⟨V⟩, the joint society in which ⟨A⟩ has 30% and ⟨B⟩ 70%": each owner with the share after it
    ("… in which ⟨A⟩ and ⟨B⟩ each have 50%": the share of every owner)."""
    child = template.org(match.group("child")[1:-1])
    clause = match.group("clause")
    each = _EACH_HAVE.match(clause)
    pairs = [(slot, each.group("pct")) for slot in _SLOT.findall(each.group("owners"))] if each else []
    pairs = pairs or _OWNER_SHARE.findall(clause)
    if len(pairs) < 2:
        return []
    facts = []
    for slot, pct in pairs:
        owner = template.org(slot)
        if owner.name != child.name and not owner.plural:
            facts.append(_fact(view, owner.name, child.name, _percent(view, pct), owner, child))
    return facts if len(facts) >= 2 else []


# "In ⟨V⟩, ⟨A⟩ holds ⟦P0⟧ (shares), ⟨B⟩ (holds) ⟦P1⟧": the company held put first, as translations often do.
_FRONTED_COMPANY = re.compile(r"^(?:In|At)\s+⟨(\d+)⟩\s*,\s*(?P<clause>[^.;]{0,160})")
_FRONTED_SHARE = re.compile(
    r"⟨(\d+)⟩\s+(?:holds|owns|has|controls|keeps|retains|hold|own|have)\s+(?:a\s+|an\s+|the\s+(?:remaining|other)\s+)?"
    r"⟦P(\d+)⟧(?:\s+(?:of\s+the\s+)?(?:shares|stake|equity|interest))?"
    r"|⟨(\d+)⟩\s+⟦P(\d+)⟧"
)


def _fronted_company_shares(view: SentenceView) -> list[Fact]:
    """ "In the joint venture, ⟨A⟩ holds 60% shares, ⟨B⟩ holds 40%": each owner's share of the company named
    first (a description such as "the joint venture" resolved by coreference); at least two owners."""
    template = build_template(view)
    fronted = _FRONTED_COMPANY.match(template.text)
    if fronted is None:
        return []
    child = template.org(fronted.group(1))
    if child.plural:
        return []
    pairs: list[tuple[OrgRef, float | None]] = []
    for share in _FRONTED_SHARE.finditer(fronted.group("clause")):
        slot, pct = (share.group(1), share.group(2)) if share.group(1) else (share.group(3), share.group(4))
        owner = template.org(slot)
        if owner.plural or owner.name == child.name or owner.name in [o.name for o, _p in pairs]:
            return []
        pairs.append((owner, _percent(view, pct)))
    total = sum(p for _o, p in pairs if p is not None)
    if len(pairs) < 2 or total > 100.5:
        return []
    return [_fact(view, owner.name, child.name, pct, owner, child) for owner, pct in pairs]


def _each_side_holds(view: SentenceView, template: Template) -> list[Fact]:
    """ "⟨A⟩ operates the joint venture ⟨V⟩ with ⟨B⟩, in which each side holds 50 percent": two owners, even shares."""
    each = _EACH_HOLDS.search(template.text)
    named = _VENTURE_NAMED.search(template.text)
    if each is None or named is None or named.end() > each.start():
        return []
    venture = template.org(named.group(1))
    owners: list[OrgRef] = []
    for ref in template.orgs:
        if ref.via == "coref" and not ref.plural:
            continue
        for name in ref.names:
            if name != venture.name and name not in [o.name for o in owners]:
                owners.append(_named(ref, name) if ref.plural else ref)
    if len(owners) != 2:
        return []
    pct = each.group("pct")
    share = _percent(view, pct[2:-1]) if pct else 50.0
    if share != 50:
        return []
    return [_fact(view, owner.name, venture.name, share, owner, venture) for owner in owners]


def _percent(view: SentenceView, index: str) -> float | None:
    """The value of percentage slot ⟦P<index>⟧ of the sentence."""
    found = view.percentages
    return found[int(index)].value if int(index) < len(found) else None


def _named(ref: OrgRef, name: str) -> OrgRef:
    """One company of a plural reference ("the two truck makers"), as a reference of its own."""
    return OrgRef(ref.start, ref.end, ref.text, (name,), ref.via)


def _fact(view: SentenceView, parent: str, child: str, stake: float | None, p: OrgRef, c: OrgRef) -> Fact:
    return ownership_fact(view, parent, child, stake, 0.8 if "coref" not in (p.via, c.via) else 0.7)
