""" "The Pro versions are equipped with ⟨S⟩ Kirin batteries": a maker's name before the part, no customer in the
clause, so the customer is the company the article is about."""

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


def test_a_version_fitted_with_maker_parts() -> None:
    found = supplies(
        "Xiaomi began deliveries of the SU7 on Monday. The Pro version is equipped with Gotion batteries."
    )
    assert pair("Gotion High-Tech", "Xiaomi") in found


def test_the_second_clause_of_a_split_supply() -> None:
    found = supplies(
        "Xiaomi began deliveries of the SU7 on Monday. "
        "The base version is supplied by FinDreams Battery, and the Max versions are equipped with Gotion LFP cells."
    )
    assert pair("Gotion High-Tech", "Xiaomi") in found
    assert pair("Gotion High-Tech", "FinDreams Battery") not in found


def test_the_rivals_parts_are_not_the_companys() -> None:
    found = supplies("Volvo showed the EX30 in Milan. Most rivals are fitted with Bosch motors, it said.")
    assert pair("Bosch", "Volvo Cars") not in found
