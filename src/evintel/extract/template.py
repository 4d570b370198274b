"""Sentence templates: organisation mentions, percentages and money replaced by slot tokens.

Relation rules are regular expressions over the template, so one pattern covers every company name:
"Hyundai Motor Company holds a 34 percent stake in Kia" -> "⟨0⟩ holds a ⟦P0⟧ stake in ⟨1⟩".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evintel.extract.context import OrgRef, SentenceView

ORG = r"⟨(\d+)⟩"
# A list is "⟨A⟩", "⟨A⟩ and ⟨B⟩" or "⟨A⟩, ⟨B⟩(,) and ⟨C⟩": commas alone do not make one ("⟨A⟩, ⟨B⟩ said").
ORG_LIST = r"⟨\d+⟩(?:(?:\s*,\s*⟨\d+⟩)*\s*,?\s*(?:and|&)\s+⟨\d+⟩)?"
PCT = r"⟦P(\d+)⟧"
MONEY = r"⟦M(\d+)⟧"
_SLOT = re.compile(r"⟨(\d+)⟩")


@dataclass(frozen=True, slots=True)
class Template:
    """A sentence with slots, and a map from template positions back to sentence positions."""

    text: str
    orgs: list[OrgRef]
    _offsets: list[tuple[int, int, int]]  # (template_start, sentence_start, delta) per slot, in order

    def org(self, index: str | int) -> OrgRef:
        """The organisation behind slot ⟨index⟩."""
        return self.orgs[int(index)]

    def orgs_in(self, fragment: str) -> list[OrgRef]:
        """The organisations of every slot inside a template fragment, in order."""
        return [self.orgs[int(i)] for i in _SLOT.findall(fragment)]

    def sentence_pos(self, template_pos: int) -> int:
        """The sentence offset that a template offset corresponds to."""
        shift = 0
        for template_start, _sentence_start, delta in self._offsets:
            if template_start >= template_pos:
                break
            shift = delta
        return template_pos + shift


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})


def build_template(view: SentenceView, *, pronouns: bool = True) -> Template:
    """The template of a sentence (cached on the view).

    With pronouns=False, possessive pronouns ("its", "their") stay as words, so "⟨A⟩ raised its stake in ⟨B⟩"
    reads as one relation; with pronouns=True they are slots, for rules that need to know whose "its" it is.
    """
    cache_key = "template" if pronouns else "template_no_pronouns"
    cached = view.notes.get(cache_key)
    if isinstance(cached, Template):
        return cached
    spans: list[tuple[int, int, str]] = []
    for i, org in enumerate(view.orgs):
        if not pronouns and org.via == "coref" and org.text.lower() in _POSSESSIVE_PRONOUNS:
            continue
        spans.append((org.start, org.end, f"⟨{i}⟩"))
    for i, pct in enumerate(view.percentages):
        spans.append((pct.start, pct.end, f"⟦P{i}⟧"))
    for i, money in enumerate(view.money):
        spans.append((money.start, money.end, f"⟦M{i}⟧"))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    pieces: list[str] = []
    offsets: list[tuple[int, int, int]] = []
    cursor = 0
    length = 0
    for start, end, token in spans:
        if start < cursor:
            continue  # overlapping spans: the first (longest) wins
        pieces.append(view.text[cursor:start])
        length += start - cursor
        pieces.append(token)
        offsets.append((length, start, end - (length + len(token))))
        length += len(token)
        cursor = end
    pieces.append(view.text[cursor:])
    template = Template("".join(pieces), list(view.orgs), offsets)
    view.notes[cache_key] = template
    return template
