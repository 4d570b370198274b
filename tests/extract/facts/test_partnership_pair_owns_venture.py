"""A known joint venture owned by a pair the sentence refers to as one ("the two companies jointly own V")."""

from __future__ import annotations

from datetime import date

import pytest

from evintel.extract import extract_article
from evintel.models import Article


def ventures(text: str) -> list[tuple[list[str], str]]:
    facts = extract_article(Article("t", text, date(2025, 3, 1)))
    return [
        (sorted(f.fields["parties"]), f.modality)
        for f in facts
        if f.type == "partnership" and f.fields["kind"] == "joint_venture"
    ]


@pytest.mark.parametrize(
    "second",
    [
        "The two companies already jointly own cellcentric, their fuel-cell maker.",
        "The two groups also jointly own cellcentric, which shelved plans for a plant in Weilheim last month.",
        "Both companies still jointly own cellcentric.",
    ],
)
def test_a_pair_referred_to_as_one_jointly_owns_a_known_venture(second):
    text = f"Daimler Truck and Volvo Group agreed on Tuesday to develop software for heavy trucks together. {second}"
    assert (["Daimler Truck", "Volvo Group"], "asserted") in ventures(text)


def test_a_single_company_owning_a_venture_is_no_partnership():
    text = "Daimler Truck reported higher earnings. The company already jointly owns cellcentric."
    assert ventures(text) == []
