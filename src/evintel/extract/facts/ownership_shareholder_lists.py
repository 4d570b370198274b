"""Owners named as a list of a company's shareholders, each with its share or none.

- "The shareholders of ⟨C⟩ are ⟨A⟩, ⟨B⟩ and ⟨D⟩ with 19 percent each, and ⟨E⟩ with 5 percent";
- "⟨C⟩'s investors include ⟨A⟩ and ⟨B⟩", "its owners are ⟨A⟩ (60%) and ⟨B⟩ (40%)";
- "⟨C⟩ … counts ⟨A⟩ and ⟨B⟩ among its shareholders", "⟨A⟩ and ⟨B⟩ are among the shareholders of ⟨C⟩".
"""

from __future__ import annotations

import re

from evintel.extract.context import OrgRef, SentenceView
from evintel.extract.cues import may_match
from evintel.extract.facts.ownership_links import ownership_fact
from evintel.extract.template import ORG, ORG_LIST, Template, build_template
from evintel.models import Fact

_HOLDERS = r"(?:shareholders|stakeholders|owners|investors|backers)"
_CUES = re.compile(rf"\b{_HOLDERS}\b", re.IGNORECASE)
_QUALIFIER = r"(?:(?:current|main|major|other|largest|biggest|principal|key|existing)\s+)?"
_BE_INCLUDE = r"(?:are|were|include|included|includes|comprise|comprised|remain|now\s+include)"
# "The shareholders of ⟨C⟩ are …", "⟨C⟩'s shareholders include …", "its shareholders are …"
_SHAREHOLDERS_ARE = re.compile(
    rf"(?:\b(?:the\s+)?{_QUALIFIER}{_HOLDERS}\s+(?:of|in)\s+(?:the\s+)?(?P<child>{ORG})"
    rf"|(?P<owner>{ORG})(?P<poss>'s|’s)?\s+{_QUALIFIER}{_HOLDERS})"
    rf"\s*,?\s+{_BE_INCLUDE}\s+(?P<tail>[^.;]*)",
    re.IGNORECASE,
)
# "⟨C⟩ … counts ⟨A⟩ and ⟨B⟩ among its shareholders"
_COUNTS_AMONG = re.compile(
    rf"\b(?:counts|counted|count|lists|listed|has|had)\s+(?P<list>{ORG_LIST})\s+among\s+(?P<owner>{ORG})\s+"
    rf"{_QUALIFIER}{_HOLDERS}\b",
    re.IGNORECASE,
)
# "⟨A⟩ and ⟨B⟩ are among the shareholders of ⟨C⟩" / "… among its shareholders"
_ARE_AMONG = re.compile(
    rf"(?P<list>{ORG_LIST})\s+(?:are|were|is|was|remain|remains)\s+among\s+"
    rf"(?:(?:the\s+)?{_QUALIFIER}{_HOLDERS}\s+(?:of|in)\s+(?:the\s+)?(?P<child>{ORG})"
    rf"|(?P<owner>{ORG})(?P<poss>'s|’s)?\s+{_QUALIFIER}{_HOLDERS})",
    re.IGNORECASE,
)
# One step through a list of owners: a slot, a share, "each", or the words that join them.
_LIST_TOKEN = re.compile(
    r"\s*(?:(?P<slot>⟨\d+⟩)|(?P<pct>⟦P\d+⟧)|(?P<each>each\b|apiece\b)"
    r"|(?:,|and\b|&|the\b|with\b|holding\b|owning\b|at\b|a\b|an\b|stakes?\b|of\b|respectively\b"
    r"|about\b|around\b|roughly\b|some\b|nearly\b|almost\b|approximately\b|[()]))",
    re.IGNORECASE,
)
_PCT_INDEX = re.compile(r"⟦P(\d+)⟧")


def extract_listed_shareholders(view: SentenceView) -> list[Fact]:
    """Owners a sentence lists as the shareholders of a company, with the share each holds."""
    if len(view.orgs) < 2 or not (may_match(_CUES, view) and _CUES.search(view.text)):
        return []
    template = build_template(view, pronouns=True)
    facts: list[Fact] = []
    for match in _SHAREHOLDERS_ARE.finditer(template.text):
        child = _child_of(template, match)
        if child is not None:
            facts.extend(_listed_facts(view, template, child, match.group("tail")))
    for pattern in (_COUNTS_AMONG, _ARE_AMONG):
        for match in pattern.finditer(template.text):
            child = _child_of(template, match)
            if child is not None:
                facts.extend(_listed_facts(view, template, child, match.group("list")))
    return facts


def _child_of(template: Template, match: re.Match[str]) -> OrgRef | None:
    """The company whose holders the match names: after "of", or a possessive before the noun."""
    if match.groupdict().get("child"):
        return template.org(_slot(match.group("child")))
    owner = template.org(_slot(match.group("owner")))
    if (
        match.groupdict().get("poss")
        or owner.text.lower() in ("its", "their")
        or owner.text.endswith(("'s", "’s"))
    ):
        return owner
    return None


def _slot(fragment: str) -> str:
    return fragment.strip("⟨⟩")


def _listed_facts(view: SentenceView, template: Template, child: OrgRef, tail: str) -> list[Fact]:
    """Walk the list: each owner takes the share after it, or after its group when the share is "each"."""
    owners: list[tuple[OrgRef, float | None]] = []
    pending: list[OrgRef] = []
    position = 0
    while position < len(tail):
        token = _LIST_TOKEN.match(tail, position)
        if token is None or token.end() == position:
            break
        position = token.end()
        if token.group("slot"):
            pending.append(template.org(_slot(token.group("slot"))))
        elif token.group("pct"):
            index = int(_PCT_INDEX.match(token.group("pct")).group(1))  # type: ignore[union-attr]
            value = float(view.percentages[index].value)
            each = bool(re.match(r"\s*(?:each|apiece)\b", tail[position:], re.I))
            if len(pending) == 1 or each:
                owners.extend((org, value) for org in pending)
            else:
                owners.extend((org, None) for org in pending)
            pending = []
    owners.extend((org, None) for org in pending)
    facts = []
    for parent, stake in owners:
        if parent.name == child.name or parent.plural or parent.via == "coref":
            continue
        facts.append(_fact(view, parent, child, stake))
    return facts


def _fact(view: SentenceView, parent: OrgRef, child: OrgRef, stake: float | None) -> Fact:
    return ownership_fact(view, parent.name, child.name, stake, 0.75 if child.via == "coref" else 0.8)
