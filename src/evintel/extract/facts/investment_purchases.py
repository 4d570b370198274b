"""Purchases told as a noun with the buyer after "by": "the acquisition of ⟨T⟩('s battery unit) by ⟨B⟩,
completed in May for $210 million" (the price is the buyer's investment in the company bought)."""

from __future__ import annotations

import re

from evintel.extract.context import OrgRef, SentenceView
from evintel.extract.cues import may_match
from evintel.extract.money import Money

_PURCHASE_OF = re.compile(
    r"\b(?:acquisition|takeover|take-over|purchase|buyout|buy-out)\s+of\s+(?:the\s+|a\s+)?(?:[\w%.-]+\s+){0,3}?$",
    re.I,
)
_BOUGHT_PART_BY = re.compile(
    r"^(?:\s*(?:'s|’s|'))?(?:\s+[\w-]+){0,4}?\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I
)
_THEN_PRICE = re.compile(
    r"^[^.;]{0,80}?\bfor\s+(?:a\s+(?:total\s+)?(?:consideration|sum)\s+of\s+)?(?:about\s+|around\s+|roughly\s+|"
    r"some\s+|nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+)?$",
    re.I,
)


def nominal_purchase(view: SentenceView, money: Money) -> tuple[OrgRef, str] | None:
    """(buyer, company bought) when the amount prices "the acquisition of ⟨T⟩ by ⟨B⟩"."""
    if not may_match(_PURCHASE_OF, view):
        return None
    text = view.text
    before = [o for o in view.orgs if o.end <= money.start and not o.plural]
    for bought, buyer in zip(before, before[1:], strict=False):
        if (
            bought.name != buyer.name
            and _PURCHASE_OF.search(text[max(0, bought.start - 80) : bought.start])
            and _BOUGHT_PART_BY.match(text[bought.end : buyer.start])
            and _THEN_PRICE.match(text[buyer.end : money.start])
            and not any(buyer.end <= o.start and o.end <= money.start for o in view.orgs)
        ):
            return buyer, bought.name
    return None


_FUNDED_WITH = re.compile(
    r"\b(?:be|been|being|is|are|was|were)\s+(?:[a-z]+ly\s+)?(?:financed|funded|co-financed|backed|supported)\s+"
    r"(?:[a-z]+ly\s+)?(?:by|with|through)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:loan|loans|grant|grants|credit|"
    r"funding|financing|investment|subsidy|subsidies)\s+(?:of\s+)?(?:about\s+|around\s+|up\s+to\s+|some\s+)?$",
    re.I,
)
_LENDER_AFTER = re.compile(r"^\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.I)


def passive_funding(view: SentenceView, money: Money) -> tuple[OrgRef, str | None] | None:
    """(lender, funded company or None) of "⟨T⟩/the factory will be financed by a loan of $X from ⟨L⟩"."""
    if not may_match(_FUNDED_WITH, view):
        return None
    text = view.text
    funded = _FUNDED_WITH.search(text[max(0, money.start - 120) : money.start])
    if funded is None:
        return None
    verb_start = max(0, money.start - 120) + funded.start()
    lender = next(
        (o for o in view.orgs if o.start >= money.end and _LENDER_AFTER.match(text[money.end : o.start])), None
    )
    if lender is None:
        return None
    subject = [o for o in view.orgs if o.end <= verb_start and o.name != lender.name and not o.plural]
    return lender, (subject[-1].name if subject else None)
