""" "Cells come from ⟨S⟩, and the other versions are fitted with ⟨X⟩ …": a company in the next clause is not the
customer of the first; the customer falls back to the company the article is about."""

from __future__ import annotations

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


def test_the_company_of_the_next_clause_is_no_customer() -> None:
    found = supplies(
        "Xiaomi began deliveries of its new sedan on Monday. "
        "The battery of the base version is supplied by FinDreams Battery, and the long-range version is fitted with CATL cells."
    )
    assert pair("FinDreams Battery", "CATL") not in found
    assert pair("FinDreams Battery", "Xiaomi") in found


def test_a_while_clause_keeps_its_company_apart() -> None:
    found = supplies(
        "Volvo Cars showed its smallest SUV in Milan. "
        "The cells for the SUV come from CATL, while the rear motor is built by Valeo."
    )
    assert pair("CATL", "Valeo") not in found


def test_a_customer_in_the_same_clause_is_kept() -> None:
    assert pair("CATL", "Volvo Cars") in supplies("Cells for Volvo's EX90 come from CATL.")
