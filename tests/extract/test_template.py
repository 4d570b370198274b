"""Sentence templates: organisations, percentages and money as slots, and the way back to sentence offsets."""

from __future__ import annotations

import re
from datetime import date

import pytest

from evintel.extract.context import OrgRef, SentenceView
from evintel.extract.document import Document, Sentence
from evintel.extract.modality import find_modality
from evintel.extract.money import find_money
from evintel.extract.numbers import find_percentages, find_quantities
from evintel.extract.periods import find_periods
from evintel.extract.places import find_places
from evintel.extract.powertrains import find_powertrains
from evintel.extract.template import MONEY, ORG, ORG_LIST, PCT, build_template
from evintel.models import Article

_MARK = re.compile(r"\[([^\]=]+)(?:=([^\]]+))?\]")


def make_view(marked: str) -> SentenceView:
    """A view of one sentence whose organisation mentions are marked "[Kia]" or "[both=Kia+BMW]"."""
    parts: list[str] = []
    orgs: list[OrgRef] = []
    cursor = length = 0
    for match in _MARK.finditer(marked):
        parts.append(marked[cursor : match.start()])
        length += match.start() - cursor
        surface = match.group(1)
        names = tuple((match.group(2) or surface).split("+"))
        orgs.append(OrgRef(length, length + len(surface), surface, names, "kb"))
        parts.append(surface)
        length += len(surface)
        cursor = match.end()
    parts.append(marked[cursor:])
    text = "".join(parts)
    sentence = Sentence(0, 0, len(text), text)
    day = date(2024, 6, 3)
    return SentenceView(
        doc=Document(Article("t", text, day), [sentence]),
        sentence=sentence,
        orgs=orgs,
        quantities=find_quantities(text),
        money=find_money(text),
        percentages=find_percentages(text),
        periods=find_periods(text, day),
        powertrains=find_powertrains(text),
        places=find_places(text),
        modality=find_modality(text),
    )


TEMPLATES = [
    ("[Hyundai Motor Company] holds a 34 percent stake in [Kia].", "⟨0⟩ holds a ⟦P0⟧ stake in ⟨1⟩."),
    ("[Volvo Cars] is 78.7% owned by [Geely].", "⟨0⟩ is ⟦P0⟧ owned by ⟨1⟩."),
    ("[Volkswagen Group] invested $5 billion in [Rivian].", "⟨0⟩ invested ⟦M0⟧ in ⟨1⟩."),
    (
        "[Stellantis] paid EUR 1.5 billion for 21 percent of [Leapmotor].",
        "⟨0⟩ paid ⟦M0⟧ for ⟦P0⟧ of ⟨1⟩.",
    ),
    (
        "[Stellantis], the parent of [Jeep], [Fiat] and [Peugeot], grew.",
        "⟨0⟩, the parent of ⟨1⟩, ⟨2⟩ and ⟨3⟩, grew.",
    ),
    ("[The two firms=Honda+Nissan] agreed.", "⟨0⟩ agreed."),
    ("Sales rose 12 percent to 40,000 cars.", "Sales rose ⟦P0⟧ to 40,000 cars."),
    ("No companies here.", "No companies here."),
]


@pytest.mark.parametrize(("marked", "expected"), TEMPLATES)
def test_build_template_replaces_orgs_percentages_and_money_with_slots(marked: str, expected: str) -> None:
    assert build_template(make_view(marked)).text == expected


@pytest.mark.parametrize(("marked", "_"), TEMPLATES)
def test_template_sentence_pos_maps_every_slot_back_to_its_mention(marked: str, _: str) -> None:
    view = make_view(marked)
    template = build_template(view)
    for i, org in enumerate(view.orgs):
        position = template.text.index(f"⟨{i}⟩")
        assert template.sentence_pos(position) == org.start
        assert template.org(i) is org and template.org(str(i)) is org


@pytest.mark.parametrize(
    ("marked", "word"),
    [
        ("[Hyundai Motor Company] holds a 34 percent stake in [Kia].", "stake"),
        ("[Volkswagen Group] invested $5 billion in [Rivian].", "in"),
        ("[Stellantis] paid EUR 1.5 billion for 21 percent of [Leapmotor] in May.", "May"),
        ("Shares rose.", "rose"),
    ],
)
def test_template_sentence_pos_maps_text_after_slots(marked: str, word: str) -> None:
    view = make_view(marked)
    template = build_template(view)
    assert template.sentence_pos(template.text.rindex(word)) == view.text.rindex(word)


def test_template_orgs_in_reads_slots_of_a_fragment_in_order() -> None:
    view = make_view("[Stellantis], the parent of [Jeep], [Fiat] and [Peugeot], grew.")
    template = build_template(view)
    match = re.search(rf"of\s+({ORG_LIST})", template.text)
    assert match is not None
    assert [o.name for o in template.orgs_in(match.group(1))] == ["Jeep", "Fiat", "Peugeot"]
    assert template.orgs_in("no slots") == []


def test_build_template_is_cached_on_the_view() -> None:
    view = make_view("[Kia] sold cars.")
    assert build_template(view) is build_template(view)
    assert view.notes["template"] is build_template(view)


def test_build_template_overlapping_spans_keep_the_earliest_longest() -> None:
    view = make_view("[The $5 billion Fund] invested in [Rivian].")
    assert [m.text for m in view.money] == ["$5 billion"]
    template = build_template(view)
    assert template.text == "⟨0⟩ invested in ⟨1⟩."
    assert template.sentence_pos(template.text.index("⟨1⟩")) == view.orgs[1].start


@pytest.mark.parametrize(
    ("fragment", "matches"),
    [
        ("⟨0⟩", True),
        ("⟨0⟩ and ⟨1⟩", True),
        ("⟨0⟩, ⟨1⟩ and ⟨2⟩", True),
        ("⟨0⟩, ⟨1⟩, and ⟨2⟩", True),
        ("⟨0⟩ & ⟨1⟩", True),
        ("⟨0⟩ or ⟨1⟩", False),
        ("Kia", False),
    ],
)
def test_org_list_pattern_covers_lists_of_slots(fragment: str, matches: bool) -> None:
    assert bool(re.fullmatch(ORG_LIST, fragment)) is matches


def test_slot_patterns_capture_their_index() -> None:
    assert re.fullmatch(ORG, "⟨12⟩").group(1) == "12"  # type: ignore[union-attr]
    assert re.fullmatch(PCT, "⟦P3⟧").group(1) == "3"  # type: ignore[union-attr]
    assert re.fullmatch(MONEY, "⟦M0⟧").group(1) == "0"  # type: ignore[union-attr]
