"""Figures: tolerance, approximations read from the evidence, precision and revision language."""

from __future__ import annotations

import pytest

from evintel.consolidate.figures import (
    Figure,
    figure_bound,
    figures_agree,
    format_figure,
    has_revision_cue,
    significant_digits,
)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (82_700, 82_700, True),
        (82_700, 83_000, True),  # 0.36 %: within ±0.5 %
        (100_000, 100_500, True),
        (100_000, 100_600, False),
        (82_700, 83_700, False),  # 1.2 %
        (4.99, 5.0, True),
        (700_000_000, 720_000_000, False),
    ],
)
def test_figures_agree_within_half_a_percent(a, b, agree):
    assert figures_agree(Figure(a), Figure(b)) is agree
    assert figures_agree(Figure(b), Figure(a)) is agree


@pytest.mark.parametrize(
    ("value", "evidence", "bound"),
    [
        (83_000, "That makes some 83,000 electric cars in three months.", "approximate"),
        (1_200_000, "It handed over about 1.2 million vehicles.", "approximate"),
        (1_000_000, "Around a million EVs have left the plant so far.", "approximate"),
        (40_000, "The startup delivered nearly 40k cars.", "upper_bound"),
        (20_000, "Orders rose to more than 20,000 units.", "lower_bound"),
        (2_500_000_000, "The fund put in roughly $2.5bn.", "approximate"),
        (82_700, "Deliveries reached 82,700, up from around 60,000 a year earlier.", None),
        (82_700, "Deliveries reached 82,700 in the quarter.", None),
        (167_000, "Sales were over the quarter 167,000.", None),
        (18_240, "The carmaker handed over 18,240 cars between April and June.", None),
        (3_100, "Nio took over 3,100 orders in a week.", None),
        (3_100, "Nio took orders for over 3,100 cars.", "lower_bound"),
    ],
)
def test_figure_bound_reads_the_cue_of_this_figure(value, evidence, bound):
    assert figure_bound(value, evidence) == bound


@pytest.mark.parametrize(
    ("approx", "bound", "other", "agree"),
    [
        (83_000, "approximate", 82_700, True),
        (80_000, "approximate", 82_700, True),  # "about 80,000": half of 10,000 covers 82,700
        (80_000, "approximate", 86_000, False),
        (1_000_000, "approximate", 1_210_000, False),  # "about a million" is capped at 5 %
        (80_000, "lower_bound", 82_700, True),
        (80_000, "lower_bound", 70_000, False),
        (40_000, "upper_bound", 39_200, True),
        (40_000, "upper_bound", 41_000, False),
    ],
)
def test_figures_agree_with_qualified_figures(approx, bound, other, agree):
    assert figures_agree(Figure(approx, bound), Figure(other)) is agree


@pytest.mark.parametrize(
    ("more", "less"), [(82_700, 83_000), (1_210_000, 1_200_000), (4.99, 5.0), (170_161, 170_000)]
)
def test_significant_digits_ranks_precise_above_round(more, less):
    assert significant_digits(more) > significant_digits(less)


@pytest.mark.parametrize(
    ("text", "fact_type", "cue"),
    [
        ("The group revised its first-quarter figure to 84,100 units.", "sales", True),
        ("Restated numbers show 84,100 deliveries.", "sales", True),
        ("In a correction, the company said it sold 84,100.", "sales", True),
        ("Adjusted for a counting error, sales came to 84,100.", "sales", True),
        ("The carmaker sold 84,100 electric cars.", "sales", False),
        ("The group raised its stake to 25 percent.", "ownership", True),
        ("The group raised 25 million euros.", "sales", False),  # stake verbs only revise stakes
    ],
)
def test_has_revision_cue(text, fact_type, cue):
    assert has_revision_cue(text, fact_type) is cue


@pytest.mark.parametrize(
    ("fact_type", "value", "fields", "text"),
    [
        ("sales", 82700, None, "82,700"),
        ("ownership", 4.99, None, "4.99 %"),
        ("investment", 700_000_000, {"currency": "USD"}, "700,000,000 USD"),
    ],
)
def test_format_figure(fact_type, value, fields, text):
    assert format_figure(fact_type, value, fields) == text
