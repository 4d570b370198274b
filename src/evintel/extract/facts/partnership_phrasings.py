"""Partnership phrasings the deal-word rule reads poorly: ventures owned "among" a list or "shared with"
partners, "together with ⟨A⟩, ⟨B⟩ operates the joint venture", a unit acting for its parent, and deals
the sentence says were never signed."""

from __future__ import annotations

import re

from evintel.extract.context import SentenceView
from evintel.extract.cues import may_match
from evintel.extract.modality import confidence_for
from evintel.extract.template import Template, build_template
from evintel.models import Fact

_QUALIFIED = (
    r"(?:(?:[\w-]+\s+){0,3}?[\w-]+(?:'s|’s)\s+|(?:the\s+)?(?:[\w-]+\s+){0,3}?)?⟨\d+⟩(?:\s*\([^()]{0,20}\))?"
)
_OWNER_LIST = rf"{_QUALIFIED}(?:(?:\s*,\s*{_QUALIFIED})*\s*,?\s*(?:and|&)\s+{_QUALIFIED})?"

# "the joint venture in equal parts among ⟨A⟩, ⟨B⟩ and ⟨C⟩", "a venture owned equally among ⟨A⟩ and ⟨B⟩"
_VENTURE_AMONG = re.compile(
    r"(?:\b(?:joint\s+)?venture|⟨\d+⟩)\s+(?:[\w-]+\s+){0,4}?(?:among|amongst)\s+(?:the\s+)?"
    rf"(?P<list>{_OWNER_LIST})",
    re.I,
)
# "⟨V⟩, the joint venture of engines that ⟨A⟩ shares with ⟨B⟩ and ⟨C⟩": the venture's owners are A and B, C.
_VENTURE_SHARED = re.compile(
    r"(?:\b(?:venture|jv)|⟨\d+⟩)(?:\s+[^⟨⟩.;,]{0,60}?)?\s+(?:that|which)\s+(?P<owner>⟨\d+⟩)\s+"
    r"(?:shares|shared|runs|ran|operates|operated|co-owns|co-owned|owns\s+jointly|jointly\s+owns)\s+"
    rf"(?:jointly\s+)?with\s+(?P<list>{_OWNER_LIST})",
    re.I,
)


def venture_owner_phrasings(view: SentenceView) -> list[str] | None:
    """The owners of a joint venture named "among" a list or as the company that shares it "with" others."""
    if len(view.orgs) < 2 or not (may_match(_VENTURE_AMONG, view) or may_match(_VENTURE_SHARED, view)):
        return None
    template = build_template(view)
    names: list[str] = []
    among = _VENTURE_AMONG.search(template.text)
    shared = None if among else _VENTURE_SHARED.search(template.text)
    if among and _names_venture(template, among.group(0)):
        spans = [among.group("list")]
    elif shared and _names_venture(template, shared.group(0)):
        spans = [shared.group("owner"), shared.group("list")]
    else:
        return None
    for span in spans:
        for org in template.orgs_in(span):
            if org.plural:
                return None
            names.extend(n for n in org.names if n not in names)
    return names if len(names) >= 2 else None


def _names_venture(template: Template, text: str) -> bool:
    """Whether the matched stretch speaks of a venture: the word itself or a mention that reads "… venture"."""
    if re.search(r"\b(?:venture|jv)\b", text, re.I):
        return True
    slot = re.match(r"⟨(\d+)⟩", text)
    return bool(slot and re.search(r"\b(?:venture|jv)\b", template.org(slot.group(1)).text, re.I))


# "⟨A⟩, through its unit ⟨U⟩," / "via its subsidiary ⟨U⟩": the unit acts for its parent, it is no party of its own.
_ACTING_UNIT = re.compile(
    r"\b(?:through|via|by\s+way\s+of)\s+(?:the\s+latter's\s+|its\s+|their\s+|⟨\d+⟩\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:unit|subsidiary|division|arm|affiliate|daughter(?:\s+company)?)\s+(?:the\s+)?(?P<unit>⟨\d+⟩)",
    re.I,
)


def without_acting_units(view: SentenceView, parties: list[str]) -> list[str]:
    """The parties less the units named as acting for a parent ("⟨A⟩, through its unit ⟨U⟩"), while two remain."""
    if len(parties) < 3 or not may_match(_ACTING_UNIT, view):
        return parties
    template = build_template(view)
    units = {
        name
        for m in _ACTING_UNIT.finditer(template.text)
        for name in template.org(m.group("unit").strip("⟨⟩")).names
    }
    kept = [p for p in parties if p not in units]
    return kept if len(kept) >= 2 else parties


# "but no agreement has been signed", "no deal was reached": the sentence denies the deal it names.
_NO_DEAL = re.compile(
    r"\bno\s+(?:formal\s+|final\s+|binding\s+)?(?:agreement|deal|contract|accord)\s+(?:has|had|have)?\s*(?:yet\s+)?"
    r"(?:been|was|is|were)\s+(?:yet\s+)?(?:signed|reached|concluded|struck|agreed)\b",
    re.I,
)


def deal_denied(view: SentenceView) -> bool:
    """Whether the sentence says no agreement was signed or reached."""
    return may_match(_NO_DEAL, view) and _NO_DEAL.search(view.text) is not None


# "Together with ⟨A⟩ ⟨B⟩ operates since 2023 the joint venture …" (translated word order): A and B run it.
_TOGETHER_WITH_VENTURE = re.compile(
    r"\b(?:together|jointly)\s+with\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?P<a>⟨\d+⟩)\s*,?\s+(?:the\s+)?(?P<b>⟨\d+⟩)\s+"
    r"(?:has\s+|had\s+|will\s+|also\s+)*(?:operates?|operated|runs?|ran|owns?|owned|founded|set\s+up|sets\s+up|"
    r"established|formed|created|launched|holds?|held|has|had)\b[^⟨⟩.;]{0,40}?\b(?:joint\s+)?venture\b",
    re.I,
)
# "… the joint venture ⟨V⟩ for axle systems": what the venture makes, after its name.
_VENTURE_FOR = re.compile(
    r"^\s*(?:⟨\d+⟩\s*)*(?:[A-Z][\w-]*\s+){0,3}(?:for|of|in)\s+(?P<scope>[a-z][\w-]*(?:\s+(?!(?:in|at|with|which|that|and\s+the)\b)"
    r"[a-z][\w-]*){0,4})"
)


def together_with_venture(view: SentenceView) -> list[Fact]:
    """A joint venture of a company and the partner it runs the venture "together with"."""
    if len(view.orgs) < 2 or not may_match(_TOGETHER_WITH_VENTURE, view):
        return []
    template = build_template(view)
    match = _TOGETHER_WITH_VENTURE.search(template.text)
    if not match:
        return []
    a, b = template.org(match.group("a").strip("⟨⟩")), template.org(match.group("b").strip("⟨⟩"))
    if a.plural or b.plural or a.name == b.name:
        return []
    purpose = _VENTURE_FOR.match(template.text[match.end() :])
    scope = [purpose.group("scope")] if purpose else None
    modality = view.modality.value
    fields = {"parties": [b.name, a.name], "kind": "joint_venture", "scope": scope, "status": None}
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, 0.7), modality)]


# "the joint venture of thermal and hybrid engines that …", "⟨V⟩ (the joint venture) for axle systems":
# the venture named by what it makes.
_VENTURE_SUBJECT = re.compile(
    r"(?:\b(?:venture|jv)|⟨(?P<slot>\d+)⟩)\s+(?:for|of)\s+(?!(?:the|a|an|its|their|two|both|equal|companies|partners)\b)"
    r"(?P<scope>[a-z][\w-]*(?:\s+(?!(?:that|which|who|in|at|with|from|by|since|is|was|will)\b)[a-z][\w-]*){0,5})(?=\s*(?:[,.;(]|that\b|which\b|in\b|at\b|$))"
)


def venture_subject(view: SentenceView) -> list[str] | None:
    """What a joint venture makes, written right after the venture ("joint venture of hybrid engines")."""
    if not may_match(_VENTURE_SUBJECT, view):
        return None
    template = build_template(view)
    for match in _VENTURE_SUBJECT.finditer(template.text):
        slot = match.group("slot")
        if slot and not re.search(r"\b(?:venture|jv)\b", template.org(slot).text, re.I):
            continue
        return [match.group("scope")]
    return None


# "Battery modules for the cars are produced nearby by ⟨V⟩, a joint venture …", "Cells will come from a plant
# that ⟨A⟩ and ⟨B⟩ are building": the product the sentence opens with is what the venture makes.
_FRONTED_PRODUCT = re.compile(
    r"^(?:(?:the|its|their)\s+)?(?P<scope>[A-Za-z][\w-]*(?:\s+(?!(?:for|are|is|will|were|was|have|has)\b)[\w-]+){0,4})"
    r"(?:\s+for\s+[^,⟨⟩]{0,40}?)?\s+(?:(?:are|is|were|was|will|would|have|has|been|be|to|also|eventually|now|already)\s+)+"
    r"(?:[a-z]+ly\s+)?(?:produced|made|built|manufactured|assembled|supplied|come\s+from|comes\s+from|sourced\s+from)\b",
)
# "… a joint venture with ⟨B⟩ in Zhenjiang that produces vehicles for the ⟨X⟩ brand": what the venture does.
_VENTURE_THAT_MAKES = re.compile(
    r"\b(?:venture|jv)\b[^.;⟨⟩]{0,40}?(?:⟨\d+⟩[^.;⟨⟩,]{0,30}?)?\b(?:that|which)\s+(?:will\s+)?"
    r"(?:produces?|makes?|builds?|manufactures?|develops?|supplies|supply|assembles?)\s+"
    r"(?P<scope>[a-z][^,.;()⟦]{2,60}?)(?=\s*(?:[,.;(]|$|\s(?:in|at|since|from|with)\s))",
    re.I,
)


def venture_product(view: SentenceView) -> list[str] | None:
    """What a venture makes, as the product a sentence opens with or as the object of "that produces …"."""
    if not (may_match(_FRONTED_PRODUCT, view) or may_match(_VENTURE_THAT_MAKES, view)):
        return None
    template = build_template(view, pronouns=False)
    made = _VENTURE_THAT_MAKES.search(template.text)
    if made:
        return [_COMPOUND_SLOT.sub(lambda m: template.org(m.group(1)).text, made.group("scope")).strip()]
    fronted = _FRONTED_PRODUCT.match(template.text)
    if not fronted:
        return None
    scope = fronted.group("scope")
    if scope[:1].isupper() and scope[1:2].islower():
        scope = scope[0].lower() + scope[1:]
    return [scope]


_COMPOUND_SLOT = re.compile(r"⟨(\d+)⟩")


# "a plant that ⟨A⟩ and ⟨B⟩ are building", "a separator plant that ⟨A⟩ is developing with ⟨B⟩": a site or company
# named first, then the pair that builds, develops or runs it together.
_SITE = r"(?:plant|factory|gigafactory|facility|site|venture|company|project)"
_BUILDS = (
    r"(?:building|build|builds|built|developing|develop|develops|developed|constructing|construct|constructed|"
    r"running|run|runs|operating|operate|operates|operated|setting\s+up|set\s+up)"
)
_RELATIVE_PROJECT = re.compile(
    rf"\b(?P<head>(?:[a-z][\w-]*\s+){{0,2}}?){_SITE}(?:\s+(?:in|at|near)\s+(?-i:(?:[A-Z][\w-]*\s*){{1,3}}))?"
    r"\s*,?\s+(?:that|which)\s+(?:"
    r"(?P<list>⟨\d+⟩\s*,?\s*(?:and|&)\s+(?:[\w-]+(?:'s|’s)\s+)?⟨\d+⟩)\s+(?:(?:are|were|will|have|had|be|been|also)\s+)*"
    rf"(?:jointly\s+|together\s+)?{_BUILDS}\b|"
    r"(?P<a>⟨\d+⟩)\s+(?:(?:is|was|will|has|had|be|been|also)\s+)*(?:jointly\s+)?"
    rf"{_BUILDS}\s+(?:jointly\s+|together\s+)?with\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<b>⟨\d+⟩))",
    re.I,
)
_APART = re.compile(r"\b(?:each|separately|respectively|own|rivals?|competitors?)\b", re.I)


def relative_joint_project(view: SentenceView) -> list[Fact]:
    """A joint venture of a pair that builds, develops or runs a plant or company named before them."""
    if len(view.orgs) < 2 or not may_match(_RELATIVE_PROJECT, view):
        return []
    template = build_template(view)
    match = _RELATIVE_PROJECT.search(template.text)
    if not match or _APART.search(match.group(0)):
        return []
    spans = [match.group("list")] if match.group("list") else [match.group("a"), match.group("b")]
    names: list[str] = []
    for span in spans:
        for org in template.orgs_in(span):
            if org.plural or org.via in ("person", "family"):
                return []
            names.extend(n for n in org.names if n not in names)
    if len(names) != 2:
        return []
    head = [
        w for w in match.group("head").split() if w.lower() not in ("a", "an", "the", "new", "its", "their")
    ]
    scope = venture_product(view) or ([" ".join(head)] if head else None)
    modality = view.modality.value
    fields = {"parties": names, "kind": "joint_venture", "scope": scope, "status": None}
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, 0.7), modality)]


# "the joint society in which the Chinese ⟨A⟩ has 30% and the Catalan group ⟨B⟩ 70%": owners described by
# their origin or trade, the second verb left out.
_JOINT_COMPANY = re.compile(r"\b(?:joint\s+(?:venture|society|company|enterprise|firm)|venture|jv)\b", re.I)
_DESCRIBED_SPLIT = re.compile(
    r"(?:\bthe\s+)?(?:[\w-]+\s+){0,3}?⟨(?P<a>\d+)⟩\s+(?:holds|owns|has|controls|will\s+hold|will\s+own|will\s+have)\s+"
    r"(?:a\s+|the\s+)?⟦P\d+⟧(?:\s+stake)?\s*,?\s+(?:and|while)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?⟨(?P<b>\d+)⟩\s+"
    r"(?:(?:holds|owns|has|controls|the\s+remaining|the\s+other|the\s+rest)\s+)?(?:a\s+|the\s+)?⟦P\d+⟧",
    re.I,
)


def described_split_venture(view: SentenceView) -> list[Fact]:
    """A joint company read off two owners' shares, the owners described ("the Catalan group ⟨B⟩")."""
    if len(view.orgs) < 2 or len(view.percentages) < 2 or not _JOINT_COMPANY.search(view.text):
        return []
    template = build_template(view)
    match = _DESCRIBED_SPLIT.search(template.text)
    if not match:
        return []
    a, b = template.org(match.group("a")), template.org(match.group("b"))
    if a.plural or b.plural or a.name == b.name or "person" in (a.via, b.via):
        return []
    modality = view.modality.value
    fields = {"parties": [a.name, b.name], "kind": "joint_venture", "scope": None, "status": None}
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, 0.7), modality)]


# "⟨A⟩ will start contract manufacturing of ⟨B⟩ vehicles", "⟨A⟩ will contract-manufacture ⟨B⟩'s G6": one maker
# builds another's models under a deal between them.
_CONTRACT_MANUFACTURING = re.compile(
    r"\bcontract[\s-]+(?:manufactur(?:ing|e|es|ed)|assembl(?:y|e|es|ed|ing)|production)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?⟨(?P<b>\d+)⟩(?:'s|’s|'|’)?\s*(?P<what>(?:[\w-]+\s+){0,3}?(?:vehicles|models|cars|EVs|SUVs|sedans|vans|"
    r"trucks|[A-Z]+\d+\w*(?:\s+and\s+[A-Z]+\d+\w*)?))?",
)


def contract_manufacturing(view: SentenceView) -> list[Fact]:
    """A partnership of a maker and the company whose vehicles it contract-manufactures."""
    if len(view.orgs) < 2 or not may_match(_CONTRACT_MANUFACTURING, view):
        return []
    template = build_template(view)
    match = _CONTRACT_MANUFACTURING.search(template.text)
    if not match:
        return []
    client = template.org(match.group("b"))
    makers = [
        o for o in template.orgs_in(template.text[: match.start()]) if o.name != client.name and not o.plural
    ]
    if not makers or client.plural or makers[-1].via in ("person", "family"):
        return []
    scope = "contract manufacturing" + (f" of {match.group('what').strip()}" if match.group("what") else "")
    modality = view.modality.value
    fields = {
        "parties": [makers[-1].name, client.name],
        "kind": "other",
        "scope": [scope],
        "status": "signed",
    }
    return [Fact("partnership", fields, view.evidence(), confidence_for(modality, 0.7), modality)]


# "batteries totaling 99.4 GWh", "fuel cells since 2020", "a total of 5 vehicle models": amounts and dates
# around a scope are no part of what the deal is about.
_SCOPE_TAIL = re.compile(
    r"\s+(?:since|totaling|totalling|amounting\s+to|worth|through\s+\d{4}|from\s+\d{4}|until\s+\d{4})\b.*$",
    re.I,
)
_SCOPE_TOTAL = re.compile(r"^(?:a\s+)?total\s+of\s+(?:up\s+to\s+)?\d[\d,.]*\s+", re.I)


def tidy_scopes(scopes: list[str]) -> list[str] | None:
    """Scopes without a leading total ("a total of 5 …") or a trailing amount or date ("… since 2020")."""
    tidy: list[str] = []
    for scope in scopes:
        cut = _SCOPE_TOTAL.sub("", _SCOPE_TAIL.sub("", scope)).strip()
        if len(cut) >= 3 and cut not in tidy:
            tidy.append(cut)
    return tidy or None
