"""Who a production site belongs to when the sentence names more than one organisation.

The plant rules take the possessor, the agent or the clause subject as a site's owner. These helpers
correct the cases where that reading goes wrong in news prose:

- a former owner is history, not the owner ("the old plant of Nissan", "the former Mercedes-Benz factory");
- a country in the possessive only describes the company after it ("Vietnam's VinFast is building …");
- a relative clause hangs the site on the company it follows ("AESC, which operates a gigafactory …",
  "Verkor, whose plant in Dunkirk …"), not on the sentence subject;
- the agent of a supply ("the batteries for the Ulsan factory will be supplied by SK On") delivers to the
  site and does not own it;
- a company in brackets after the site names its operator ("the battery factory in North Carolina (Toyota
  Battery Manufacturing North Carolina, TBMNC)");
- a site "next to the Renault plant in Douai" lies in the same town as its neighbour;
- "the factory in De Soto" after "its plant in Kansas" locates the same site more precisely.
"""

from __future__ import annotations

import re

from evintel.extract.context import OrgRef, SentenceView
from evintel.extract.places import Place, lookup_place
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

# "the old plant of Nissan", "the former factory of Mercedes-Benz", "ex-plant of Ford": the org follows.
_FORMER_BEFORE = re.compile(
    r"\b(?:old|former|ex-?|erstwhile|previous|one-time|onetime)\s*(?:[\w-]+\s+){0,2}?"
    r"(?:plant|factory|site|works|facility|unit|premises)s?\s+(?:of|from|owned\s+by|run\s+by)\s+(?:the\s+)?$"
    r"|\b(?:old|former|ex-?|erstwhile|previous|one-time|onetime)\s+$",
    re.IGNORECASE,
)
# "Nissan's former plant", "Ford's old factory": the org precedes.
_FORMER_AFTER = re.compile(
    r"^['’]s?\s+(?:old|former|ex-|erstwhile|previous|one-time|onetime)\b",
    re.IGNORECASE,
)
_SUPPLY_AGENT = re.compile(
    r"\b(?:supplied|delivered|provided|sourced|shipped|purchased|bought|ordered|financed|funded|backed|"
    r"subsidi[sz]ed|guaranteed|insured|leased|rented)\s+(?:\w+\s+)?(?:by|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE_BEFORE = re.compile(r"(?P<name>[A-ZÀ-Þ][\w-]*(?:\s+[A-ZÀ-Þ][\w-]*)?)['’]s\s+$")
# "X, which operates a gigafactory", "X, whose plant in Dunkirk": the site hangs on X.
_RELATIVE_OWNER = re.compile(
    r"^\s*,\s+(?:whose\b|(?:which|that|who)\s+(?:also\s+|already\s+|now\s+)?"
    r"(?:operates|runs|owns|has|is\s+building|built|opened|is\s+constructing|will\s+build|plans)\b)[^,;]*$",
    re.IGNORECASE,
)
# "a gigafactory next to the Renault plant in Douai": the neighbour's town locates both sites.
NEXT_TO = re.compile(
    r"\s+(?:right\s+|directly\s+)?(?:next\s+to|adjacent\s+to|beside|alongside|near)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w'’.-]+\s+){0,3}?(?=(?:plant|factory|works|site|gigafactory|facility)\b)",
    re.IGNORECASE,
)


def is_former_owner(text: str, org: OrgRef) -> bool:
    """True if the sentence names the organisation as a site's former owner ("the old plant of Nissan")."""
    before = text[max(0, org.start - 60) : org.start]
    return bool(_FORMER_BEFORE.search(before) or _FORMER_AFTER.match(text, org.end))


def is_supply_agent(text: str, org: OrgRef) -> bool:
    """True if the organisation is the agent of supplying, buying or funding ("will be supplied by SK On")."""
    return bool(_SUPPLY_AGENT.search(text, max(0, org.start - 40), org.start))


def after_place_possessive(text: str, org: OrgRef) -> bool:
    """True if a country or region in the possessive precedes the organisation ("Vietnam's VinFast")."""
    match = _POSSESSIVE_BEFORE.search(text, max(0, org.start - 40), org.start)
    if match is None:
        return False
    found = lookup_place(match.group("name"))
    return found is not None and found[1] in ("country", "region", "subdivision")


def relative_clause_owner(text: str, orgs: list[OrgRef], cue_start: int) -> OrgRef | None:
    """The organisation a relative clause around the site cue hangs on ("Verkor, whose plant in Dunkirk")."""
    earlier = [o for o in orgs if o.end <= cue_start]
    if earlier and _RELATIVE_OWNER.match(text[earlier[-1].end : cue_start]):
        return earlier[-1]
    return None


def bracketed_owner(text: str, orgs: list[OrgRef], site_end: int) -> OrgRef | None:
    """The company named first in brackets right after the site ("the factory in Kansas (Panasonic Energy)")."""
    for org in orgs:
        if site_end <= org.start <= site_end + 60:
            between = text[site_end : org.start]
            if between.count("(") == 1 and ")" not in between and between.rstrip().endswith("("):
                return org
    return None


# "… started production at the $4 billion factory in De Soto": a definite site in a town.
_THE_SITE_IN_TOWN = re.compile(
    r"\bthe\s+(?:[$€£]?[\w.,-]+\s+){0,4}?(?:plant|factory|site|facility|gigafactory|works)\s+(?:in|at)\s+$",
    re.IGNORECASE,
)


def related_owners(kb: KnowledgeBase, a: str, b: str) -> bool:
    """The same company, or a parent and its unit in the KB (Panasonic Holdings, Panasonic Energy)."""
    first, second = kb.resolve(a), kb.resolve(b)
    if first is None or second is None:
        return normalize_name(a) == normalize_name(b)
    return first.id == second.id or first.parent == second.name or second.parent == first.name


def refines_region_site(
    view: SentenceView, town: Place, owner: str, kb: KnowledgeBase, earlier_facts: list[Fact]
) -> Fact | None:
    """The earlier plant fact a definite site in a town locates more precisely: "its new battery plant in
    Kansas … the $4 billion factory in De Soto" names one site, in De Soto, Kansas."""
    if town.kind != "city" or not _THE_SITE_IN_TOWN.search(view.text, max(0, town.start - 60), town.start):
        return None
    regional = []
    for fact in earlier_facts:
        known = lookup_place(str(fact.fields.get("location") or ""))
        if (
            known is not None
            and known[1] == "subdivision"
            and related_owners(kb, str(fact.fields["org"]), owner)
        ):
            regional.append(fact)
    return regional[0] if len(regional) == 1 else None


# "Ultium CAM, the joint venture of POSCO and GM, started …", "Skoda, which belongs to Volkswagen, will invest
# …", "VinES, another subsidiary of Vingroup, and Gotion are building …": an aside between commas that
# describes the company before it; the companies named inside it are not the clause's subject.
_ASIDE = re.compile(
    r"(?<=[\w)]),\s+(?:(?:the|a|an|another|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:joint[\s-]+venture|venture|subsidiary|unit|division|affiliate|arm|daughter|parent|owner|partner)\b"
    r"|joint[\s-]+venture\b|(?:which|that|who)\s+(?:\w+\s+){0,2}?(?:belongs|belonged|is\s+owned|is\s+controlled|"
    r"is\s+part|was\s+bought|was\s+acquired)\b|(?:owned|controlled|backed)\s+by\b|part\s+of\b|in\s+which\b)"
    r"[^,;()]*,",
    re.IGNORECASE,
)


def aside_spans(text: str) -> list[tuple[int, int]]:
    """The comma-delimited asides describing a company ("…, the joint venture of A and B, …")."""
    if "," not in text:
        return []
    return [(m.start(), m.end()) for m in _ASIDE.finditer(text)]


def in_aside(spans: list[tuple[int, int]], org: OrgRef) -> bool:
    """True if the organisation is named inside one of the asides."""
    return any(start < org.start and org.end <= end for start, end in spans)


# "X is interested in using the Oppama site", "X made a bid for the factory in Z":
# a company that wants a site does not own it (its current owner is named elsewhere).
_PROSPECTIVE = re.compile(
    r"\b(?:(?:interested|interest)\s+in\s+(?:using|buying|acquiring|taking\s+over|leasing|renting|purchasing)|"
    r"(?:bid(?:ding)?|offer|offers|bids)\s+for)\s+"
    r"(?:the|its|their|a|an)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


def is_wanted_site(text: str, cue_start: int, place_start: int) -> bool:
    """True if the sentence says a company wants a site it does not have ("interested in using the X site")."""
    anchor = min(cue_start, place_start)
    return bool(_PROSPECTIVE.search(text, max(0, anchor - 70), anchor))
