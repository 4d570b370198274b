"""The cue index: literals read off regex syntax trees, and the per-sentence check that skips a regex."""

from __future__ import annotations

import re

import pytest

from evintel.extract.context import SentenceView
from evintel.extract.cues import cue_text, may_match, required_literals
from evintel.extract.document import Document, Sentence
from evintel.extract.facts import ownership, partnership, plant, product_plan, sales, sales_fields
from evintel.extract.modality import modality_patterns
from evintel.models import Article


def _view(text: str) -> SentenceView:
    sentence = Sentence(0, 0, len(text), text)
    return SentenceView(Document(Article(id="t", text=text), [sentence]), sentence, [])


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bso far\b", {"so far"}),
        (r"(?:in\s+total|to\s+date)", {"in total", "to date"}),
        (r"(?i)\bdelay(?:ed|s)?\s+the\s+launch", {"delay th", "delayed", "delays t"}),
        (r"[Pp]ercent", {"percent"}),
        (r"(?<=sold )\d+ cars", {"cars"}),
    ],
)
def test_required_literals_reads_what_every_match_contains(pattern: str, expected: set[str]) -> None:
    assert required_literals(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"(?:foo)?\d+", r"(?!sold)\s+", r"[^,]+", r"é+", r"(?:ab|\d)"])
def test_required_literals_none_when_a_match_may_lack_every_literal(pattern: str) -> None:
    assert required_literals(re.compile(pattern, re.IGNORECASE)) is None


def test_cue_text_folds_case_and_whitespace() -> None:
    assert cue_text("Sold  SO\nFar,\tİn TOTAL") == "sold so far, in total"


# Phrasings written for these tests: each pattern must be let through wherever it matches.
_SENTENCES = [
    "The carmaker has delivered 1.2 million cars since its launch, it said on Monday.",
    "Deliveries so far this year came to 48,000 units.",
    "Of these, 12,500 were fully electric.",
    "The company denied reports that it would close the plant.",
    "The brand is reportedly in talks with two suppliers.",
    "The new SUV is due to arrive in Europe next spring.",
    "Production of the compact sedan will start in 2027 at the Kecskemet site.",
    "The pickup arrives   in showrooms\nin March, the firm said.",
    "THE GROUP PLANS TO LAUNCH THREE MODELS BY 2026.",
    "Registrations rose 14 percent in the quarter.",
    "The start of production has been postponed to late 2026.",
    "Analysts said the market could rebound, though nothing is certain.",
    "The firm has 120,000 orders in its backlog, cumulative sales to date stand at 2 million.",
    "Sales reached 9,000, according to Rho Motion, a research firm.",
    "The maker is retooling its Ohio plant to build the new crossover.",
    "The group said its budget brand will set up a factory together with a local partner.",
    "Deliveries there fell 8 percent, while exported cars rose and domestic sales held steady worldwide.",
    "The two firms signed a memorandum of understanding to jointly develop software and charging.",
    "Both sides agreed on a joint venture and a licensing deal for the shared platform.",
    "The supplier won a multi-year supply agreement for battery cells.",
    "Kia will finish the new plant by 2027, where the PV7 is produced for export.",
    "The first model to be assembled there is the E12 city bus.",
    "The new platform will underpin scooters to be launched in 2026.",
    "The van, whose launch is foreseen for 2026, was shown in Paris.",
    "Both makers ended an earlier plan to build cars together.",
    "The compact crossover and its van sibling are also assembled there.",
    "Built here will be the next generation of the electric pickup.",
]
_PATTERNS = [
    sales_fields._CUMULATIVE,
    sales_fields._CUMULATIVE_SEGMENT,
    sales_fields._HELD_ORDERS,
    sales._CARRY_OVER,
    sales._THIRD_PARTY,
    product_plan._PRESENT_ARRIVAL,
    product_plan._PREPARING_SITE,
    product_plan._WHERE_MADE,
    product_plan._FIRST_MODEL,
    product_plan._PLATFORM_UNDERPINS,
    product_plan._TO_BE_DONE,
    product_plan._WHOSE_LAUNCH,
    product_plan._PLAN_ENDED,
    plant._MADE_THERE,
    product_plan._DELAY,
    product_plan._lexicon().quick,
    product_plan._lexicon().launch,
    product_plan._lexicon().arrival,
    product_plan._lexicon().schedule,
    *modality_patterns().values(),
    ownership._ITS_BRAND_WORDS,
    partnership._JOINT_GATE,
    partnership._MEMORANDUM,
    partnership._DEVELOPS,
    *(partnership._lexicon()[kind] for kind in partnership.KIND_ORDER),
    sales_fields._WORLDWIDE,
    sales_fields._THERE,
    sales_fields._EXPORTED,
    sales_fields._DOMESTIC,
]


@pytest.mark.parametrize("sentence", _SENTENCES)
@pytest.mark.parametrize("pattern", _PATTERNS, ids=lambda p: p.pattern[:30])
def test_may_match_never_skips_a_pattern_that_matches(pattern: re.Pattern[str], sentence: str) -> None:
    view = _view(sentence)
    for text in (sentence, sentence.lower()):
        if pattern.search(text):
            assert may_match(pattern, view)


@pytest.mark.parametrize(
    ("pattern", "sentence"),
    [
        (sales_fields._CUMULATIVE, "Kia sold 20,000 cars in May."),
        (product_plan._DELAY, "The plant employs 3,000 people."),
        (modality_patterns()["denied"], "The group sold 5,000 vans in the quarter."),
        (modality_patterns()["hedged"], "Sales rose 9 percent in the first half."),
    ],
)
def test_may_match_skips_sentences_without_the_cue(pattern: re.Pattern[str], sentence: str) -> None:
    assert not may_match(pattern, _view(sentence))


# Rules that run these over the sentence template skip them by the sentence's cues: every literal they need
# must be sentence text, not the inside of a slot ("⟨12⟩", "⟦P0⟧", "⟦M1⟧" read as "12", "p0", "m1").
_SLOT_INSIDE = re.compile(r"[pm]?\d*")


@pytest.mark.parametrize(
    "pattern",
    [partnership._lexicon()["any"], partnership._FOUNDED_VENTURE],
    ids=lambda p: p.pattern[:30],
)
def test_template_patterns_need_no_literal_a_slot_could_supply(pattern: re.Pattern[str]) -> None:
    literals = required_literals(pattern)
    assert literals is not None
    assert not any(_SLOT_INSIDE.fullmatch(literal) for literal in literals)
