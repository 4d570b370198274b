"""Product names with punctuation inside the noun phrase: a quoted model name and coordinated comparatives."""

from __future__ import annotations

import pytest

from evintel.extract import extract_article
from evintel.extract.facts.product_plan import read_product
from evintel.models import Article


def products(text: str) -> list[str]:
    return [str(f.fields["product"]) for f in extract_article(Article("t", text)) if f.type == "product_plan"]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (
            'Nissan plans to start production of the "Leaf Nismo" hatchback at its plant in Sunderland in 2027.',
            "Leaf Nismo",
        ),
        ("Kia will launch the “EV2” compact crossover in Europe in 2026.", "EV2"),
        (
            "Rivian expects to build the smaller, cheaper R3 crossover at its plant in Normal, Illinois, from 2027.",
            "R3",
        ),
        ("Ford will build the lighter, simpler Puma Gen-E at its plant in Craiova in 2025.", "Puma Gen-E"),
    ],
)
def test_the_model_is_read_past_the_punctuation(text: str, model: str) -> None:
    assert any(model in p and '"' not in p and "“" not in p for p in products(text))


def test_a_comma_after_a_plain_adjective_still_ends_the_product() -> None:
    text = "the EV5 crossover, cheaper variants following later"
    found = read_product(text, 0)
    assert found is not None and found[2] == "EV5 crossover"


def test_a_long_quotation_is_not_a_name() -> None:
    text = 'the EV3 "which we think will be the best-selling car in its class for years"'
    found = read_product(text, 0)
    assert found is not None and found[2] == "EV3"
