"""Supply facts: who supplies what to whom (cells, packs, e-axles, chips, software, raw materials, vehicles)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from evintel.extract.context import Discourse, OrgRef, SentenceView, apposition_head
from evintel.extract.cues import may_match
from evintel.extract.facts.supply_coordination import contract_manufacturing, coordinated_suppliers
from evintel.extract.facts.supply_phrasings import CUES, GATES, patterns
from evintel.extract.modality import confidence_for
from evintel.extract.template import Template, admitted, build_template
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

_SUPPLIER_KINDS = frozenset(
    {"supplier", "battery_maker", "chipmaker", "software", "raw_materials", "recycler"}
)
_MAKER_KINDS = frozenset({"group", "automaker", "brand", "startup"})


_ITEM_STOP = re.compile(
    r"\s+(?:in the coming|in the future|from \d{4}|in \d{4}|(?:last|this|next) (?:year|month|week|quarter)|starting|beginning|until|over the|for the next|for (?:its|their|the) "
    r"(?:new|next|upcoming|future)|under (?:a|the)|as part|all designed|which|that will|in (?:its|their)|through|"
    r"with a(?:\s+total)? capacity|worth|valued at)\b.*$",
    re.I,
)


# Item text that shows a match is not a supply relation ("take share from", "buy 21 percent from"; "signed the
# supply contract of …", where "supply" is a noun).
_BAD_ITEMS = re.compile(
    r"⟦|\baccording\b|^\s*over\b|^\s*(?:market\s+)?share\b|^\s*(?:contracts?|agreements?|deals?|chains?|pacts?)\b|"
    r"^\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:order|contract|deal|loan|grant|approval|support|investment|stake)\s*$|\b(?:stake|stakes|shares|customers|orders|money|funding|"
    r"capital|business|market share|inspiration|lessons|talent|engineers|staff|brand|unit|division|subsidiary|"
    r"operations|assets|plant|factory|site|company|stake\s+in\s+\w+|licen[cs]ed)\s*$|^\s*\d[\d,.]*\s*$"
    # "to buy ⟨N⟩'s Rosslyn plant north of Pretoria": a site bought, placed after its noun
    r"|^\s*(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:plant|factory|site|facility|works)\s+"
    r"(?:in|at|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\b"
    # "supply chargers for new sites in addition to ⟨T⟩": the "to" is part of a preposition, not of "supply … to"
    r"|\b(?:in\s+addition|next|compared|similar|close|prior|thanks|due)\s*$",
    re.I,
)
# "… in addition to existing supplier ⟨T⟩": the incumbent supplies the same customer
_INCUMBENT_SUPPLIER = re.compile(
    r"[^⟨⟩.;]{0,60}?\b(?:in\s+addition\s+to|alongside|besides|as\s+well\s+as|along\s+with|joining|next\s+to)\s+"
    r"(?:the\s+|its\s+|their\s+|⟨\d+⟩(?:'s|’s)?\s+)?(?:existing|current|incumbent|established|long-?time|long-?standing)\s+"
    r"(?:[\w-]+\s+)?suppliers?\s+(?P<sup>⟨\d+⟩(?:\s+and\s+⟨\d+⟩)?)",
    re.I,
)
# A figure before the items ("more than 2,000 cells", "18,000 tonnes a year of nickel sulphate"): not an item.
_QUANTITY_LEAD = re.compile(
    r"^\s*(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|up\s+to\s+|about\s+|around\s+|some\s+|nearly\s+|"
    r"almost\s+|over\s+|another\s+|a\s+further\s+|roughly\s+|approximately\s+)?\d[\d,.]*\s*"
    r"(?:(?:million|billion|thousand|m|bn)\s+)?(?:(?:tonnes|tonne|tons|ton|units|unit|GWh|MWh|kWh|pieces|"
    r"metric\s+tons)(?:\s+(?:a|per)\s+(?:year|annum|month))?\s+(?:of\s+)?|of\s+)?",
    re.I,
)
# "⟨C⟩ will sell the Urban Cruiser EV, which will be supplied by ⟨S⟩": the items are the noun phrase before "which".
_RELATIVE_OBJECT = re.compile(
    r"^.*?\b(?:sells?|sold|sell|offers?|offered|markets?|marketed|launch(?:es|ed)?|gets?|got|receives?|received|"
    r"takes?|took|buys?|bought|orders?|ordered|uses?|used)\s+(?:(?:the|a|an|its|their)\s+)?(?P<np>[^,]+?)\s*,\s*"
    r"(?:which|that)(?:\s+(?:will|would|is|are|was|were|are\s+to|is\s+to))?\s*$",
    re.I,
)
_DESCRIBED_SUPPLIER = re.compile(
    r"(?:the|an?|its)\s+(?:(?:main|sole|exclusive|preferred|primary|new|lead|key)\s+)?(?P<items>[\w-]+(?:\s+[\w-]+)?)?\s*"
    r"(?:supplier|provider)s?",
    re.I,
)
_GAPPED_SOURCE = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+|its\s+|their\s+)?(?P<items>[a-z][^⟨⟩,.;]{2,40}?)\s+(?:from|by)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<sup>⟨\d+⟩)"
)
# "shall deliver from 2027 electric axles" (translated order): a date before the items is no item.
_TIME_LEAD = re.compile(r"^\s*(?:from|starting(?:\s+in)?|beginning(?:\s+in)?|as\s+of|in|until)\s+(?:\d{4}|\w+\s+\d{4})\s+", re.I)
# "Besides ⟨X⟩, ⟨S⟩ delivers e-motors also to ⟨C⟩": ⟨X⟩ is a customer too.
_BESIDES = re.compile(
    r"^\W*(?:besides|apart\s+from|in\s+addition\s+to|alongside|next\s+to|aside\s+from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(⟨\d+⟩)\s*,",
    re.I,
)
_SOURCE_BEFORE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.I)
_AND_TO = re.compile(r",?\s+and\s+(?:also\s+)?to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(⟨\d+⟩)")
# Words before the verb saying that the relation has stopped ("stopped buying", "no longer sources").
_STOPPED = re.compile(
    r"\b(?:stopped|stops|ceased|ceases|no\s+longer|quit|halted|discontinued|ended|terminated|suspended|"
    r"cancelled|canceled|scrapped)\b",
    re.I,
)
# Patterns that read a possessive pronoun only as a party ("its largest customer, ⟨C⟩").
_PRONOUN_SLOTS = frozenset({"possessive_customer", "one_of_customers"})


def extract_supply(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Supply facts stated in one sentence."""
    if not view.orgs:
        return []
    passed = admitted(GATES, view)
    if not passed:
        return contract_manufacturing(view, kb)
    facts: list[Fact] = []
    possessive: bool | None = None  # whether a possessive pronoun is read as a party (asked once, if needed)
    for name, pattern, cue in _candidates(view, passed):
        # A possessive pronoun may be a party ("Its models use cells from ⟨S⟩") or part of the items
        # ("⟨C⟩ buys its power electronics from ⟨S⟩"): read it as a party first, else as a word.
        for pronouns in (True, False):
            if not pronouns:
                if name in _PRONOUN_SLOTS:
                    break
                if possessive is None:
                    possessive = _has_possessive(view)
                if not possessive:
                    break
            template = build_template(view, pronouns=pronouns)
            if cue is not None and not cue.search(template.text):
                continue
            found = [
                f
                for m in _matches(name, pattern, cue, template.text)
                for f in _facts(name, m, template, view, discourse, kb)
            ]
            if found:
                facts.extend(found)
                break
    if facts:
        facts.extend(coordinated_suppliers(view, facts, build_template(view)))
    facts.extend(contract_manufacturing(view, kb))
    return facts


_Phrasing = tuple[str, re.Pattern[str], re.Pattern[str] | None]


@lru_cache(maxsize=1)
def _phrasings() -> dict[str, tuple[int, _Phrasing]]:
    """Each phrasing by name: its place in the order they are tried, and (name, pattern, cue)."""
    return {name: (i, (name, pattern, CUES.get(name))) for i, (name, pattern) in enumerate(patterns())}


def _candidates(view: SentenceView, passed: set[str]) -> list[_Phrasing]:
    """The phrasings whose gates admit the sentence and whose words (and cue words) it has, in order.

    The words a phrasing needs are sentence text, never the inside of a slot (test_supply_phrasings), so the
    sentence's cue index answers for its templates as well.
    """
    phrasings = _phrasings()
    found = sorted(phrasings[name] for name in passed)
    return [
        (name, pattern, cue)
        for _i, (name, pattern, cue) in found
        if may_match(pattern, view) and (cue is None or may_match(cue, view))
    ]


# Phrasings whose cue matches inside every match (at its verb): once no cue is left after a match, no match is.
_CUE_INSIDE = frozenset({"come_from"})


def _matches(
    name: str, pattern: re.Pattern[str], cue: re.Pattern[str] | None, text: str
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), stopped early for the phrasings of _CUE_INSIDE (which open with free text, so
    the regex would otherwise try every offset of the rest of the sentence)."""
    for match in pattern.finditer(text):
        yield match
        if cue is not None and name in _CUE_INSIDE and not cue.search(text, match.end()):
            return


def _has_possessive(view: SentenceView) -> bool:
    """Whether the sentence has a possessive pronoun read as an organisation ("its", "their")."""
    return any(o.via == "coref" and o.text.lower() in ("its", "their") for o in view.orgs)


def _facts(
    name: str,
    match: re.Match[str],
    template: Template,
    view: SentenceView,
    discourse: Discourse,
    kb: KnowledgeBase,
) -> list[Fact]:
    groups = match.groupdict()
    if groups.get("desc"):
        # "has been named the battery supplier for …", the descriptor read as a mention of the supplier
        described = _DESCRIBED_SUPPLIER.fullmatch(template.org(groups["desc"].strip("⟨⟩")).text)
        if described is None:
            return []
        groups = {**groups, "items": described.group("items")}
    if groups.get("role") and not groups.get("items"):
        role = _ROLE_QUALIFIERS.sub("", groups["role"]).strip()
        groups = {**groups, "items": role or None}  # "selected ⟨S⟩ as its battery supplier"
    if groups.get("sup2"):
        groups = {**groups, "sup": groups["sup2"], "cust": groups.get("cust2") or groups["cust"], "items": groups["items2"]}
    suppliers = template.orgs_in(groups.get("sup") or "")
    customers = template.orgs_in(groups.get("cust") or "")
    if name == "under_which":
        second = groups.get("b") or groups.get("b2")
        if not second:
            return []
        b = template.orgs_in(second)[0]
        who = template.orgs_in(groups.get("who") or "")
        if not groups.get("a"):
            # "a supply agreement has been signed with ⟨B⟩, under which ⟨A⟩ will provide …"
            if not who or who[0].name == b.name:
                return []
            suppliers, customers = who[:1], [b]
        else:
            a = template.orgs_in(groups["a"])[0]
            suppliers, customers = ([b], [a]) if who and who[0].name == b.name else ([a], [b])
    if name == "object_first" and discourse.topic is not None:
        customers = [discourse.topic]
    besides = _BESIDES.match(template.text) if name == "supply_to" else None
    if besides and besides.end() <= match.start("sup"):
        customers = [*customers, *(replace(o, via="besides") for o in template.orgs_in(besides.group(1)))]
    if name in ("supply_to", "from_to") and customers:
        # "supplied to ⟨C⟩, the carmaker owned by ⟨P⟩, and to ⟨D⟩' own vehicles": a later "and to" adds a customer
        rest = _TO_CLAUSE_END.match(template.text[match.end() :])
        for later in _AND_TO.finditer(rest.group(0) if rest else ""):
            customers = [*customers, *template.orgs_in(later.group(1))]
    if name in ("plural_object_first", "as_supplier_was_chosen") and not customers:
        topic = discourse.topic
        customers = [topic] if topic is not None and not topic.plural else []
    if name == "ordered_units":
        # the maker in focus supplies the ordered vehicles, unless an order from a named seller follows
        if _FROM_AFTER.match(template.text[match.end() :]):
            return []
        topic = discourse.topic
        maker = kb.resolve(topic.name) if topic is not None and not topic.plural else None
        if topic is None or maker is None or maker.kind not in _MAKER_KINDS:
            return []
        suppliers = [replace(topic, via="discourse")]
    if name == "plant_makes_for" and groups.get("site"):
        # "… makes power-control units for the Metaplant": the customer is the company the article is about
        main = discourse.main_entity()
        customers = _focus_ref(main)
    if name == "site_output_to" and _generic_items(groups.get("items")):
        groups = {**groups, "items": None}  # "the products of the plant": the sentence does not say what
    if groups.get("items0") and not groups.get("items"):
        groups = {**groups, "items": groups["items0"]}  # "The Aria, the sedan of ⟨X⟩, is produced for …"
    if name in ("site_makes_for", "site_output_to", "site_where_made_for"):
        # the site's owner: the company in focus (one of "the two companies" in focus) that is not the customer
        owners = [*(discourse.topic.names if discourse.topic else ()), discourse.main_entity()]
        taken = {n for c in customers for n in c.names}
        owner = next((n for n in owners if n and n not in taken), None)
        suppliers = _focus_ref(owner)
    if name == "whose_items_into":
        customers = [o for o in view.orgs if o not in suppliers and not o.plural][:1]
        main = discourse.main_entity()
        customers = customers or _focus_ref(main)
    if name == "contract_with_to_supply" and suppliers and customers:
        suppliers, customers = _orient(subject=customers[0], partner=suppliers[0], kb=kb)
    if name in ("supplier_is", "uses_sourced_from", "uses_made", "supplier_of_is", "versions_fitted_with_maker_items") and not customers:
        main = discourse.main_entity()
        customers = _focus_ref(main)
    if name == "customer_is" and not suppliers:
        # "The first client is Renault": the supplier is the company the article is about
        topic = discourse.topic
        main = discourse.main_entity()
        owner = main or (topic.name if topic is not None and not topic.plural else None)
        taken = {n for c in customers for n in c.names}
        suppliers = _focus_ref(owner) if owner not in taken else []
    if name == "under_contract_buys":
        suppliers = [discourse.topic] if discourse.topic is not None else []
    if not customers and name == "come_from":
        # not a second supplier in a parallel list ("the motors come from ⟨A⟩, the batteries from ⟨B⟩")
        customers = [
            o
            for o in view.orgs
            if o not in suppliers
            and not _SOURCE_BEFORE.search(view.text[max(0, o.start - 40) : o.start])
            and not _in_later_clause(view.text, suppliers, o)
        ][:1]
        main = discourse.main_entity()
        customers = customers or _focus_ref(main)
    if name in ("agreement_with", "agreement_about_supply") and len(suppliers) == 1 and customers:
        suppliers, customers = _orient(subject=customers[0], partner=suppliers[0], kb=kb)
    if name == "one_of_customers":
        customers = [apposition_head(view, c) for c in customers]
    raw_items = groups.get("items")
    if raw_items:
        raw_items = _POSSESSIVE_LEAD.sub("", raw_items)  # "⟨C⟩'s cells will come from ⟨S⟩"
    if raw_items and name == "come_from":
        raw_items = _RELATIVE_OBJECT.sub(r"\g<np>", raw_items)
    if raw_items:
        raw_items = _QUANTITY_LEAD.sub("", raw_items)
        if _BAD_ITEMS.search(raw_items):
            return []
    items = _items(_SLOT.sub(lambda m: template.org(m.group(1)).text, raw_items) if raw_items else raw_items)
    verb_end = match.start("items") if groups.get("items") is not None else match.end()
    stopped = bool(_STOPPED.search(template.text[match.start() : verb_end]))
    pairs = [(supplier, items) for supplier in suppliers]
    if name in ("come_from", "for_by"):
        # "the motors come from ⟨A⟩, the batteries from ⟨B⟩": a gapped clause names another supplier
        gapped = _GAPPED_SOURCE.match(template.text, match.end())
        while gapped:
            pairs.extend((s, _items(gapped.group("items"))) for s in template.orgs_in(gapped.group("sup")))
            gapped = _GAPPED_SOURCE.match(template.text, gapped.end())
    incumbent = _INCUMBENT_SUPPLIER.match(template.text, match.end()) if suppliers else None
    if incumbent:
        pairs.extend((replace(s, via="besides"), items) for s in template.orgs_in(incumbent.group("sup")))
    facts = []
    for supplier, items in pairs:
        for customer in customers:
            for s_name in supplier.names:
                for c_name in customer.names:
                    if s_name == c_name:
                        continue
                    modality = "denied" if stopped else view.modality.value
                    base = 0.7 if {"coref", "discourse", "besides"} & {supplier.via, customer.via} else 0.8
                    facts.append(
                        Fact(
                            "supply",
                            {"supplier": s_name, "customer": c_name, "items": items},
                            view.evidence(),
                            confidence_for(modality, base),
                            modality,
                        )
                    )
    return facts


# Words before "supplier" that say what kind of supplier, not what it supplies.
_ROLE_QUALIFIERS = re.compile(
    r"\b(?:designated|exclusive|sole|main|primary|preferred|key|lead|new|second|third|first|only|major|largest|biggest|"
    r"long-term|strategic|official|global|local|additional|alternative)\b\s*",
    re.I,
)


# A clause break between the supplier and a later company: ", and the Pro versions are fitted with ⟨X⟩ …"
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s|;|\bwhile\b|\bwhereas\b", re.I)


def _in_later_clause(text: str, suppliers: list[OrgRef], other: OrgRef) -> bool:
    """Whether `other` stands after every supplier, past a clause break (it belongs to the next clause)."""
    last = max((s.end for s in suppliers), default=None)
    return last is not None and other.start >= last and _CLAUSE_BREAK.search(text, last, other.start) is not None


def _generic_items(items: str | None) -> bool:
    """Whether item words only say "what the site makes" ("products", "output", "first cells" stay)."""
    return bool(items) and _GENERIC_ITEMS.fullmatch(items or "") is not None


def _focus_ref(name: str | None) -> list[OrgRef]:
    """The company in focus as the only supplier or customer of a fact (none when nothing is in focus)."""
    return [OrgRef(0, 0, name, (name,), "discourse")] if name else []


def _orient(subject: OrgRef, partner: OrgRef, kb: KnowledgeBase) -> tuple[list[OrgRef], list[OrgRef]]:
    """ "⟨A⟩ signed a supply deal with ⟨B⟩": B supplies A, unless the KB knows A as a supplier and B as a maker."""
    a, b = kb.resolve(subject.name), kb.resolve(partner.name)
    if a is not None and a.kind in _SUPPLIER_KINDS and (b is None or b.kind in _MAKER_KINDS):
        return [subject], [partner]
    return [partner], [subject]


def _items(raw: str | None) -> list[str] | None:
    if not raw:
        return None
    text = _ITEM_STOP.sub("", _TIME_LEAD.sub("", raw)).strip(" ,")
    text = _FIGURE_SLOT.sub("", text)
    items = []
    for part in _ITEM_SEPARATOR.split(text):
        part = _ITEM_LEAD.sub("", part.strip())
        part = _ITEM_DETERMINER.sub("", part)
        part = _ITEM_OF.sub("", part)  # "covers the supply of cells"
        if part and len(part) <= 60 and not _NO_WORD.fullmatch(part):
            items.append(part)
    return items or None


_TO_CLAUSE_END = re.compile(r"[^.;]*")
_FROM_AFTER = re.compile(r"\s+from\b")
_POSSESSIVE_LEAD = re.compile(r"^\s*(?:'s|’s|')\s+")
_SLOT = re.compile(r"⟨(\d+)⟩")
_GENERIC_ITEMS = re.compile(r"\s*(?:products?|output|production|goods|volumes?)\s*", re.I)
_FIGURE_SLOT = re.compile(r"⟦[PM]\d+⟧")
_ITEM_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+|\s*&\s*")
_ITEM_LEAD = re.compile(r"^(?:the|a|an|its|their|other|some|all|more|up to|about|around)\s+", re.I)
_ITEM_DETERMINER = re.compile(r"^(?:the|a|an|its|their|other)\s+", re.I)
_ITEM_OF = re.compile(r"^of\s+(?:the\s+)?", re.I)
_NO_WORD = re.compile(r"[\W\d]+")
