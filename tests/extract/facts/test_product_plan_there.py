"""Translated word order "will manufacture there the ⟨model⟩": the adverb between verb and object is no product."""

from __future__ import annotations

import pytest

from evintel.extract import extract_article
from evintel.models import Article


def plans(text: str) -> list[dict]:
    return [f.fields for f in extract_article(Article("t", text)) if f.type == "product_plan"]


@pytest.mark.parametrize(
    ("text", "model", "site"),
    [
        (
            "Toyota opened a plant in Kolin and will build there the Aygo X hybrid from 2026.",
            "Aygo X",
            "Kolin",
        ),
        (
            "Stellantis already assembles the Fiat 500 in Mirafiori and will produce there the electric Fiat 600.",
            "600",
            "Mirafiori",
        ),
        (
            "Renault runs a factory in Douai and will manufacture here the electric Renault 5.",
            "Renault 5",
            "Douai",
        ),
    ],
)
def test_the_model_after_there_is_planned_at_the_site(text: str, model: str, site: str) -> None:
    found = [p for p in plans(text) if model in str(p["product"])]
    assert found and not str(found[0]["product"]).lower().startswith(("there", "here"))
    assert site in str(found[0]["production_location"])
