"""Sentence context for the fact rules: clauses, asides, subjects, the discourse focus, sentence views."""

from __future__ import annotations

import re
from datetime import date

import pytest

from evintel.extract import default_extractor
from evintel.extract.context import (
    Discourse,
    OrgRef,
    SentenceView,
    build_views,
    clause_bounds,
    first_subject,
    is_object,
    parenthetical_spans,
    subject_candidates,
    subject_is_anaphoric,
)
from evintel.extract.document import Document, Sentence
from evintel.extract.mentions import annotate
from evintel.extract.modality import find_modality
from evintel.extract.money import find_money
from evintel.extract.numbers import find_percentages, find_quantities
from evintel.extract.periods import find_periods
from evintel.extract.places import find_places
from evintel.extract.powertrains import find_powertrains
from evintel.models import Article

_MARK = re.compile(r"\[([^\]=]+)(?:=([^\]]+))?\]")


def make_view(marked: str, article_date: date | None = date(2024, 6, 3), paragraph: int = 0) -> SentenceView:
    """A view of one sentence whose organisation mentions are marked "[Kia]", "[the firm=Kia]", "[both=Kia+BMW]"."""
    parts: list[str] = []
    orgs: list[OrgRef] = []
    cursor = length = 0
    for match in _MARK.finditer(marked):
        parts.append(marked[cursor : match.start()])
        length += match.start() - cursor
        surface = match.group(1)
        names = tuple((match.group(2) or surface).split("+"))
        orgs.append(
            OrgRef(length, length + len(surface), surface, names, "coref" if match.group(2) else "kb")
        )
        parts.append(surface)
        length += len(surface)
        cursor = match.end()
    parts.append(marked[cursor:])
    text = "".join(parts)
    sentence = Sentence(0, 0, len(text), text, paragraph=paragraph)
    return SentenceView(
        doc=Document(Article("t", text, article_date), [sentence]),
        sentence=sentence,
        orgs=orgs,
        quantities=find_quantities(text),
        money=find_money(text),
        percentages=find_percentages(text),
        periods=find_periods(text, article_date),
        powertrains=find_powertrains(text),
        places=find_places(text),
        modality=find_modality(text),
    )


def names(orgs: list[OrgRef]) -> list[str]:
    return [o.name for o in orgs]


# (sentence, the word whose clause is asked for, that clause stripped)
CLAUSES = [
    ("Tesla sold 10 cars; BYD sold 20 cars.", "20", "BYD sold 20 cars."),
    ("Tesla sold 10 cars: BYD sold 20 cars.", "20", "BYD sold 20 cars."),
    ("Tesla sold 10 cars, while BYD sold 20 cars.", "20", "BYD sold 20 cars."),
    ("Tesla sold 10 cars, while BYD sold 20 cars.", "10", "Tesla sold 10 cars"),
    ("Tesla sold 10 cars whereas BYD sold 20 cars.", "20", "BYD sold 20 cars."),
    ("Tesla sold 10 cars, but BYD sold 20 cars.", "20", "BYD sold 20 cars."),
    ("Tesla sold 10 cars, and BYD sold 20 cars.", "20", "BYD sold 20 cars."),
    ("Tesla sold 10 cars, and sold 20 vans.", "20", "Tesla sold 10 cars, and sold 20 vans."),
    ("Tesla sold 10 cars and 20 vans in March.", "20", "Tesla sold 10 cars and 20 vans in March."),
    ("They formed a 50:50 venture with 30 staff.", "30", "They formed a 50:50 venture with 30 staff."),
]


@pytest.mark.parametrize(("text", "word", "clause"), CLAUSES)
def test_clause_bounds_cut_at_semicolons_colons_and_contrasts(text: str, word: str, clause: str) -> None:
    start, end = clause_bounds(text, text.index(word))
    assert text[start:end].strip() == clause


@pytest.mark.parametrize(
    ("marked", "aside"),
    [
        (
            "[Scania], the truck maker controlled by [Traton], sold 9,000 trucks.",
            ", the truck maker controlled by Traton",
        ),
        pytest.param(
            "[Kia], which sold 20,000 cars in May, raised prices.",
            ", which sold 20,000 cars in May",
            id="relative-clause-with-thousands-comma",
        ),
        ("[Kia], which sold 900 cars in May, raised prices.", ", which sold 900 cars in May"),
        ("[Velora Motors], founded in 2019, makes scooters.", ", founded in 2019"),
        ("[Zeekr], whose parent is [Geely], listed its shares.", ", whose parent is Geely"),
    ],
)
def test_parenthetical_spans_find_asides_after_names_and_relative_clauses(marked: str, aside: str) -> None:
    view = make_view(marked)
    spans = parenthetical_spans(view.text, view.orgs)
    assert [view.text[a:b] for a, b in spans] == [aside]


@pytest.mark.parametrize(
    "marked",
    [
        "Separately, the bank agreed to lend money, [Kia] said.",
        "In March, the company sold 20 cars, up from 10.",
    ],
)
def test_parenthetical_spans_leave_sentence_adverbials_alone(marked: str) -> None:
    view = make_view(marked)
    assert parenthetical_spans(view.text, view.orgs) == []


@pytest.mark.parametrize(
    ("marked", "subjects"),
    [
        ("[Volkswagen Group] invested $5 billion in [Rivian].", ["Volkswagen Group"]),
        ("[Scania], the truck maker controlled by [Traton], sold 9,000 trucks.", ["Scania"]),
        (
            "[Toyota] and [the two companies=BYD+Toyota] agreed to build cars with [Velora Motors].",
            ["Toyota"],
        ),
        ("Sales at [Kia] rose, and [Polestar] delivered 13,000 cars.", ["Polestar"]),
        ("[Rivian] sources packs from [Samsung SDI] and cells from [LG Energy Solution].", ["Rivian"]),
    ],
)
def test_subject_candidates_skip_objects_asides_and_plurals(marked: str, subjects: list[str]) -> None:
    view = make_view(marked)
    assert names(subject_candidates(view, len(view.text))) == subjects


def test_subject_candidates_respect_the_window() -> None:
    view = make_view("[Tesla] sold 10 cars, while [BYD] sold 20 cars.")
    start, end = clause_bounds(view.text, view.text.index("20"))
    assert names(subject_candidates(view, end, start)) == ["BYD"]
    assert names(subject_candidates(view, view.text.index("10"))) == ["Tesla"]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("[Volkswagen Group] invested in [Rivian].", [False, True]),
        ("Cells come from [CATL] for [Kia].", [True, True]),
        ("[Honda] and [Nissan] agreed to a merger.", [False, False]),
        ("A deal with [Honda] was signed by [Nissan].", [True, True]),
        ("Shares of the Chinese carmaker [BYD] rose.", [True]),
    ],
)
def test_is_object_marks_prepositional_objects(marked: str, expected: list[bool]) -> None:
    view = make_view(marked)
    assert [is_object(view.text, o) for o in view.orgs] == expected


@pytest.mark.parametrize(
    ("clause", "anaphoric"),
    [
        ("It delivered 10,000 cars", True),
        ("They signed a deal", True),
        ("The company said", True),
        ("The German carmaker delivered", True),
        ("The Munich-based group sold", True),
        ("On Tuesday it said", True),
        ("Tesla delivered 10,000 cars", False),
        ("The plant built 5,000 cars", False),
        ("Italy's new rules", False),
    ],
)
def test_subject_is_anaphoric_for_pronouns_and_descriptors(clause: str, anaphoric: bool) -> None:
    assert subject_is_anaphoric(clause) is anaphoric


@pytest.mark.parametrize(
    ("marked", "subject"),
    [
        ("[Kia] sold 20,000 cars.", "Kia"),
        ("[BMW] models sold well, [BMW Group] said.", "BMW Group"),
        ("[BMW] models sold well.", "BMW"),
        ("[both firms=Honda+Nissan] agreed, [Honda] said.", "Honda"),
    ],
)
def test_first_subject_skips_modifiers_and_plurals(marked: str, subject: str) -> None:
    found = first_subject(make_view(marked))
    assert found is not None and found.name == subject


def test_first_subject_is_none_without_single_organisations() -> None:
    assert first_subject(make_view("The market grew by 10 percent.")) is None
    assert first_subject(make_view("[The two companies=Honda+Nissan] agreed.")) is None


@pytest.mark.parametrize(
    "marked",
    [
        "Its unit sold 4.8 million scooters last year, second only to [Hero MotoCorp].",
        "The brand now ranks behind [Tesla] in Norway.",
        "Deliveries rose faster than [Nio] did in May.",
        "Registrations were up 12 percent, trailing [Volkswagen] for the month.",
    ],
)
def test_first_subject_skips_a_rival_it_is_compared_with(marked: str) -> None:
    assert first_subject(make_view(marked)) is None


@pytest.mark.parametrize(
    "marked",
    [
        "Only 312 units were sold in the first half, said the assembler, which belongs to the German group [Traton].",
        "The van maker, which is owned by [Stellantis], grew fast.",
        "Deliveries rose, said the unit, whose parent [Geely] reports in August.",
    ],
)
def test_first_subject_skips_a_company_inside_a_relative_clause(marked: str) -> None:
    assert first_subject(make_view(marked)) is None


def test_discourse_update_moves_topic_and_period() -> None:
    discourse = Discourse()
    discourse.update(make_view("[Kia] sold 20,000 cars in the first quarter."))
    assert discourse.topic is not None and discourse.topic.name == "Kia"
    assert discourse.period == "2024-Q1"
    discourse.update(make_view("Prices rose."))
    assert discourse.topic.name == "Kia" and discourse.period == "2024-Q1"
    discourse.update(make_view("[Polestar] delivered 13,000 cars in May."))
    assert (discourse.topic.name, discourse.period) == ("Polestar", "2024-05")


def test_discourse_main_entity_is_most_mentioned_then_earliest() -> None:
    discourse = Discourse()
    assert discourse.main_entity() is None
    discourse.update(make_view("[Kia] and [Tesla] reported figures."))
    assert discourse.main_entity() == "Kia"
    discourse.update(make_view("[Tesla] cut prices, [both=Kia+Tesla] said."))
    assert discourse.main_entity() == "Tesla"
    assert discourse.counts == {"Kia": 1, "Tesla": 2}


def test_sentence_view_orgs_between_and_properties() -> None:
    view = make_view("[Tesla] sold 10 cars, while [BYD] sold 20 cars.")
    assert names(view.orgs_between(0, view.text.index(","))) == ["Tesla"]
    assert names(view.orgs_between(0, len(view.text))) == ["Tesla", "BYD"]
    assert view.orgs[0].plural is False and view.offset == 0
    assert make_view("[both=Kia+BMW] agreed.").orgs[0].plural is True


def test_build_views_map_offsets_and_skip_boilerplate() -> None:
    text = (
        "Volvo Cars opened an office in Ghent.\n"
        "Advertisement - Article continues below\n"
        "Volvo Cars sold 12,850 cars for $600 million in Sweden."
    )
    extractor = default_extractor()
    doc = annotate(Article("t", text, date(2024, 2, 1)), extractor.kb)
    views = build_views(doc, extractor.kb)
    assert [v.text for v in views] == [
        "Volvo Cars opened an office in Ghent.",
        "Volvo Cars sold 12,850 cars for $600 million in Sweden.",
    ]
    last = views[-1]
    assert last.previous is views[0] and views[0].previous is None
    evidence = last.evidence()
    assert text[evidence.start : evidence.end] == evidence.text == last.text
    assert [last.text[o.start : o.end] for o in last.orgs] == ["Volvo Cars"]
    assert [q.value for q in last.quantities] == [12850]  # the money amount is not a vehicle count
    assert [m.amount for m in last.money] == [600_000_000]


@pytest.mark.parametrize(
    ("marked", "subject"),
    [
        ("Like [Volkswagen Group] communicated, [PowerCo] builds three plants.", "PowerCo"),
        ("As [Kia] said on Monday, [Ford] will build vans.", "Ford"),
        ("According to [Tesla], [BYD] sold more cars.", "BYD"),
    ],
)
def test_first_subject_skips_the_reporter_of_a_fronted_clause(marked: str, subject: str) -> None:
    found = first_subject(make_view(marked))
    assert found is not None and found.name == subject


@pytest.mark.parametrize(
    "aside",
    [
        "Its chief executive has set a goal of doubling deliveries in 2025.",
        "The company expects to turn a profit in the fourth quarter.",
        "Analysts see the target of 500,000 cars for 2025 as out of reach.",
        "In December alone the electric share reached 95.8%.",
        "In the fourth quarter alone, prices fell 5%.",
    ],
)
def test_discourse_period_skips_plans_and_singled_out_parts(aside: str) -> None:
    discourse = Discourse()
    discourse.update(make_view("Prices fell in May."))
    discourse.update(make_view(aside))
    assert discourse.period == "2024-05"


@pytest.mark.parametrize(
    ("text", "market"),
    [
        ("Norway: electric cars take 88.9% of the 2024 market", "Norway"),
        ("Germany: e-car registrations jump in July", "Germany"),
        ("Norway registered 128,691 new passenger cars in 2024.", "Norway"),
        ("India recorded 3,500 electric bus registrations in May.", "India"),
        ("Tesla: deliveries in Norway rose", None),
        ("Tesla's plant in Germany registered a loss.", None),
    ],
)
def test_discourse_frame_market_reads_headline_label_and_country_subject(text: str, market: str | None) -> None:
    discourse = Discourse()
    discourse.frame_market(text)
    assert discourse.market == market


@pytest.mark.parametrize(
    ("text", "market"),
    [
        ("In France, sales of battery cars climbed 12 percent.", "France"),
        ("Spain's electric car market grew again in June.", "Spain"),
        ("The maker opened a showroom in Lyon, France, last week.", None),
    ],
)
def test_discourse_update_frames_the_market_from_the_sentence_places(text: str, market: str | None) -> None:
    discourse = Discourse()
    view = make_view(text)
    discourse.update(view)
    assert discourse.market == market
    assert view.places  # the places were found once, on the view, and read from there
