"""A class of models named by its examples: "electric models including the Dolphin and Atto 3"."""

from __future__ import annotations

import pytest

from evintel.extract import extract_article
from evintel.models import Article


def products(text: str) -> list[str]:
    return [str(f.fields["product"]) for f in extract_article(Article("t", text)) if f.type == "product_plan"]


@pytest.mark.parametrize(
    ("text", "examples"),
    [
        ("Kia will launch new electric models such as the EV3 and EV4 in Europe next year.", ["EV3", "EV4"]),
        ("Hyundai will build new EVs, including the Ioniq 9, in Georgia from 2025.", ["Ioniq 9"]),
        (
            "Production of electric cars including the Seal and Dolphin will start in Szeged in 2026, BYD said.",
            ["Seal", "Dolphin"],
        ),
    ],
)
def test_the_plan_names_the_examples(text: str, examples: list[str]) -> None:
    found = products(text)
    assert any(all(e in p for e in examples) for p in found), found
    assert not any(p.endswith(("such", "including")) for p in found)


def test_a_class_without_examples_stays_as_written() -> None:
    assert products("Ford will build electric vehicles in Cologne from 2026.") == ["electric vehicles"]
