"""Suppliers and customers that a supply phrasing leaves out because they are coordinated, and contract manufacturing.

- "cells from ⟨A⟩, which runs a plant in Douai, and from the French start-up ⟨B⟩": the second "from" adds a supplier;
- "agreements with ⟨A⟩ and ⟨B⟩ for the supply of cells": every company of the list supplies;
- "⟨S⟩ builds the ⟨Mercedes-Benz⟩ G-Class, the ⟨BMW⟩ Z4 and the ⟨Toyota⟩ GR Supra": a maker building another
  maker's models supplies them (unless the KB makes one the other's owner or brand).
"""

from __future__ import annotations

import re
from dataclasses import replace

from evintel.extract.context import OrgRef, SentenceView
from evintel.extract.cues import may_match
from evintel.extract.modality import confidence_for
from evintel.extract.template import Template, build_template
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

# After a supplier's slot: "(, which … ,) and (also) from (the French start-up) ⟨B⟩"
_AND_FROM = re.compile(
    r"(?:\s*,\s*(?:which|who|whose|that)\b[^⟨⟩;]{0,80}?(?:⟨\d+⟩[^⟨⟩;]{0,40}?)?)?\s*,?\s+and\s+(?:also\s+)?(?:from|by)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?⟨(\d+)⟩"
)
# Before a supplier's slot: "with ⟨A⟩ and ⟨S⟩", "from ⟨A⟩, ⟨B⟩ and ⟨S⟩"
_LIST_BEFORE = re.compile(
    r"\b(?:with|from|by)\s+(?:the\s+)?((?:⟨\d+⟩\s*,\s*)*⟨\d+⟩)\s*,?\s*(?:and|&)\s+(?:the\s+)?$"
)
_SLOT = re.compile(r"⟨(\d+)⟩")
_MAKE = re.compile(
    r"⟨(\d+)⟩\s+(?:also\s+|currently\s+|already\s+|now\s+|still\s+)?(?:builds|build|will\s+build|assembles|assemble|"
    r"will\s+assemble|manufactures|produces|makes)\s+(?P<list>(?:(?:,\s*|\s+and\s+)?(?:the\s+)?⟨\d+⟩\s+[A-Z0-9][\w.-]*"
    r"(?:\s+[A-Z0-9][\w.-]*)?)+)"
)
_BRAND_MODEL = re.compile(r"⟨(\d+)⟩\s+([A-Z0-9][\w.-]*(?:\s+[A-Z0-9][\w.-]*)?)")
_MAKE_CUES = re.compile(r"\b(?:builds?|assembles?|manufactures|produces|makes)\b", re.IGNORECASE)


def coordinated_suppliers(view: SentenceView, facts: list[Fact], template: Template) -> list[Fact]:
    """More supply facts for suppliers coordinated with one a phrasing found (same customer and items)."""
    extra: list[Fact] = []
    known = {(f.fields["supplier"], f.fields["customer"]) for f in facts}
    for fact in facts:
        for slot in _slots_of(template, fact.fields["supplier"]):
            for other in _coordinated(template, slot):
                if other.plural or other.name in (fact.fields["customer"], fact.fields["supplier"]):
                    continue
                if (other.name, fact.fields["customer"]) in known:
                    continue
                known.add((other.name, fact.fields["customer"]))
                extra.append(replace(fact, fields={**fact.fields, "supplier": other.name}))
    return extra


def contract_manufacturing(view: SentenceView, kb: KnowledgeBase) -> list[Fact]:
    """ "⟨S⟩ builds the ⟨B⟩ G-Class and the ⟨C⟩ Z4": S supplies those models to their makers."""
    if len(view.orgs) < 2 or not (may_match(_MAKE_CUES, view) and _MAKE_CUES.search(view.text)):
        return []
    template = build_template(view)
    facts: list[Fact] = []
    for match in _MAKE.finditer(template.text):
        maker = template.org(match.group(1))
        if maker.plural:
            continue
        for brand_slot, model in _BRAND_MODEL.findall(match.group("list")):
            brand = template.org(brand_slot)
            if brand.plural or brand.name == maker.name or _related(kb, maker.name, brand.name):
                continue
            modality = view.modality.value
            facts.append(
                Fact(
                    "supply",
                    {"supplier": maker.name, "customer": brand.name, "items": [model]},
                    view.evidence(),
                    confidence_for(modality, 0.7 if maker.via == "coref" else 0.75),
                    modality,
                )
            )
    return facts


def _related(kb: KnowledgeBase, a: str, b: str) -> bool:
    """Whether the KB makes one company the other's owner or both members of one group."""
    first, second = kb.resolve(a), kb.resolve(b)
    if first is None or second is None:
        return False
    return (
        b == first.parent
        or a == second.parent
        or (first.parent is not None and first.parent == second.parent)
    )


def _slots_of(template: Template, name: str) -> list[re.Match[str]]:
    return [m for m in _SLOT.finditer(template.text) if template.org(m.group(1)).name == name]


def _coordinated(template: Template, slot: re.Match[str]) -> list[OrgRef]:
    """Companies listed with the one at `slot`: "and from ⟨B⟩" after it, "with ⟨A⟩ and" before it."""
    found = []
    after = _AND_FROM.match(template.text, slot.end())
    if after:
        found.append(template.org(after.group(1)))
    before = _LIST_BEFORE.search(template.text[max(0, slot.start() - 120) : slot.start()])
    if before:
        found.extend(template.orgs_in(before.group(1)))
    return found
