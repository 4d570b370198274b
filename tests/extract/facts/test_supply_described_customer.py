"""Supply stated with a description of the customer before its name: "supplies Chinese carmaker ⟨C⟩ with …"."""

from __future__ import annotations

import pytest

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article


def supplies(text: str) -> set[tuple[str, str]]:
    facts = [f for f in extract_article(Article("t", text)) if f.type == "supply"]
    return {
        (normalize_entity(str(f.fields["supplier"])), normalize_entity(str(f.fields["customer"])))
        for f in facts
    }


@pytest.mark.parametrize(
    ("text", "supplier", "customer"),
    [
        (
            "Schaeffler supplies Chinese carmaker Chery with electric axle drives.",
            "Schaeffler",
            "Chery Automobile",
        ),
        ("Bosch will supply German automaker BMW with inverters from 2026.", "Bosch", "BMW Group"),
        ("Valeo supplies the French group Renault with heat pumps.", "Valeo", "Renault Group"),
        ("Continental delivers the US start-up Rivian with brake systems.", "Continental", "Rivian"),
    ],
)
def test_a_described_customer_still_receives(text: str, supplier: str, customer: str) -> None:
    assert (normalize_entity(supplier), normalize_entity(customer)) in supplies(text)
