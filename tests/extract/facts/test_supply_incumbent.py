"""Supply beside an incumbent: "… in addition to existing supplier ⟨T⟩" names a second supplier of the same
customer, and the "to" of "in addition to" does not make ⟨T⟩ a customer."""

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


def pair(supplier: str, customer: str) -> tuple[str, str]:
    return normalize_entity(supplier), normalize_entity(customer)


@pytest.mark.parametrize(
    ("text", "incumbent", "customer"),
    [
        (
            "ABB will deliver chargers to Fastned in addition to existing supplier Alpitronic.",
            "Alpitronic",
            "Fastned",
        ),
        (
            "Volvo will source cells from Northvolt alongside its current battery supplier CATL.",
            "CATL",
            "Volvo Cars",
        ),
        (
            "Stellantis will buy inverters from Vitesco Technologies in addition to its long-time supplier Bosch.",
            "Bosch",
            "Stellantis",
        ),
    ],
)
def test_the_incumbent_supplies_the_same_customer(text: str, incumbent: str, customer: str) -> None:
    assert pair(incumbent, customer) in supplies(text)


def test_in_addition_to_is_no_delivery_to() -> None:
    found = supplies(
        "Ionity picked ABB, which will supply its chargers for new sites in addition to existing supplier Alpitronic."
    )
    assert pair("ABB", "Alpitronic") not in found
    assert pair("ABB", "Ionity") in found


def test_a_mere_comparison_names_no_supplier() -> None:
    assert supplies("Bosch supplies sensors to BMW in addition to Continental's new radar.") == {
        pair("Bosch", "BMW Group")
    }
