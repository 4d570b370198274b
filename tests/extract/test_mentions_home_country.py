"""A known company followed by "of" and its own home country is that company, described by its origin."""

from __future__ import annotations

import pytest

from evintel.extract import default_extractor
from evintel.extract.document import Document
from evintel.extract.mentions import find_mentions
from evintel.extract.sentences import split_sentences
from evintel.models import Article


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        (
            "Gotion High-Tech of China will build a cell plant in Morocco.",
            "Gotion High-Tech",
            "Gotion High-Tech",
        ),
        ("A licence went to Geely of China last week.", "Geely", "Zhejiang Geely Holding"),
    ],
)
def test_home_country_after_a_known_name_is_no_local_company(text: str, surface: str, entity: str) -> None:
    kb = default_extractor().kb
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    assert (surface, entity) in {(m.text, m.entity) for m in find_mentions(doc, kb)}


def test_a_foreign_country_after_a_known_name_is_still_a_local_company() -> None:
    kb = default_extractor().kb
    text = "Renault do Brasil will add a shift at its plant."
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    assert ("Renault do Brasil", "Renault do Brasil") in {(m.text, m.entity) for m in find_mentions(doc, kb)}
