"""Units named as such without their owner beside them: the owner is a pronoun, or known from the KB.

- "Its sub-brands ⟨Onvo⟩ and ⟨Firefly⟩ …", "their subsidiaries ⟨A⟩ and ⟨B⟩": the units of whoever "its" is;
- "⟨Panasonic Energy⟩, the battery unit, started …": a company called a unit, whose owner the KB knows.
"""

from __future__ import annotations

import re

from evintel.extract.context import Discourse, OrgRef, SentenceView
from evintel.extract.cues import may_match
from evintel.extract.facts.ownership_links import ownership_fact
from evintel.extract.template import ORG, ORG_LIST, build_template
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

_UNIT_NOUNS = (
    r"sub-?brands?|brands?|marques?|subsidiar(?:y|ies)|units?|labels?|divisions?|daughter\s+compan(?:y|ies)"
)
_CUES = re.compile(rf"\b(?:{_UNIT_NOUNS})\b", re.IGNORECASE)
# "⟨its⟩ (two) (premium) sub-brands ⟨A⟩ and ⟨B⟩"
_OWNER_NOUN_LIST = re.compile(
    rf"{ORG}\s+(?:[\w-]+\s+){{0,2}}?(?:{_UNIT_NOUNS})\s*,?\s+(?:the\s+)?(?P<children>{ORG_LIST})",
    re.IGNORECASE,
)
# "⟨C⟩, the battery unit, …": the description is a coreference slot of its own
_CALLED_UNIT = re.compile(r"⟨(\d+)⟩\.?\s*,\s*⟨(\d+)⟩\s*[,;]")
_UNIT_DESCRIPTION = re.compile(
    r"^(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:unit|subsidiary|arm|division|affiliate)$", re.I
)
_PRONOUNS = frozenset({"its", "their"})


def extract_unit_ownership(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Owners of units that the sentence names by a pronoun or only calls a unit."""
    if not view.orgs or not (may_match(_CUES, view) and _CUES.search(view.text)):
        return []
    template = build_template(view, pronouns=True)
    facts: list[Fact] = []
    for match in _OWNER_NOUN_LIST.finditer(template.text):
        owner = template.org(match.group(1))
        if owner.plural or not (owner.text.lower() in _PRONOUNS or owner.text.endswith(("'s", "’s"))):
            continue
        for child in template.orgs_in(match.group("children")):
            if child.name != owner.name and not child.plural:
                facts.append(_fact(view, owner.name, child, owner))
    for match in _CALLED_UNIT.finditer(template.text):
        child, description = template.org(match.group(1)), template.org(match.group(2))
        if description.via != "coref" or not _UNIT_DESCRIPTION.match(description.text):
            continue
        entity = kb.resolve(child.name)
        if entity is not None and entity.parent and entity.parent != child.name:
            facts.append(_fact(view, entity.parent, child, child))
    return facts


def _fact(view: SentenceView, parent: str, child: OrgRef, owner: OrgRef) -> Fact:
    return ownership_fact(view, parent, child.name, None, 0.75 if owner.via == "coref" else 0.8)
