""" "Through its subsidiary ⟨C⟩" after a company: the unit is that company's, not the sentence subject's."""

from __future__ import annotations

from tests.extract.facts.ownership_kit import link, links


def test_aside_through_its_unit_belongs_to_the_company_before_it() -> None:
    text = "Ford sells trucks in Texas, and the Stellantis group, through its battery arm ACC, is building a plant in Kaiserslautern."
    found = links(text)
    assert link("Stellantis", "Automotive Cells Company", None) in found
    assert link("Ford", "Automotive Cells Company", None) not in found


def test_last_partner_of_a_venture_through_its_subsidiary() -> None:
    text = "Work stopped at Ionity, the charging venture between BMW, Ford and Hyundai through its subsidiary Kia."
    found = links(text)
    assert link("Hyundai", "Kia", None) in found
    assert link("Ionity", "Kia", None) not in found
