"""Owners listed as a company's shareholders, with a share each or none."""

from __future__ import annotations

from tests.extract.facts.ownership_kit import link, links


def test_shareholders_of_are_a_list_with_shares_each() -> None:
    found = links("The shareholders of Ionity are BMW, Ford and Hyundai with 15 percent each.")
    assert {link("BMW", "Ionity", 15), link("Ford", "Ionity", 15), link("Hyundai", "Ionity", 15)} <= found


def test_each_owner_takes_the_share_after_it() -> None:
    found = links("Northvolt's owners are Volkswagen with 21% and Goldman Sachs with 19%.")
    assert {link("Volkswagen", "Northvolt", 21), link("Goldman Sachs", "Northvolt", 19)} <= found


def test_shareholders_include_without_shares() -> None:
    found = links("Rivian's investors include Amazon and Ford.")
    assert {link("Amazon", "Rivian", None), link("Ford", "Rivian", None)} <= found


def test_counts_among_its_shareholders() -> None:
    text = "Ionity, based in Munich, counts BMW and Hyundai among its shareholders."
    assert {link("BMW", "Ionity", None), link("Hyundai", "Ionity", None)} <= links(text)


def test_are_among_the_shareholders_of() -> None:
    found = links("Ford and Hyundai are among the shareholders of Ionity.")
    assert {link("Ford", "Ionity", None), link("Hyundai", "Ionity", None)} <= found


def test_customers_listed_are_no_owners() -> None:
    assert links("Northvolt's customers include Volkswagen and BMW.") == set()


def test_an_ambiguous_name_opening_a_which_owns_clause_is_the_owner() -> None:
    text = "Lucid delivered 3,000 cars. Amazon, which owns about 12% of Lucid, did not comment."
    assert link("Amazon", "Lucid", 12) in links(text)


def test_a_bare_stake_after_a_named_holding_is_in_the_same_company() -> None:
    text = "BMW, Ionity's largest shareholder with 30 percent, will add chargers; Ford holds about 12 percent."
    assert link("Ford", "Ionity", 12) in links(text)


def test_a_bare_stake_after_a_stake_in_a_company() -> None:
    text = "Hyundai bought a stake in Ionity last year, while Kia owns roughly 8 percent."
    assert link("Kia", "Ionity", 8) in links(text)


def test_listed_partners_each_own_a_share_of_the_venture_named_before() -> None:
    text = (
        "Ultium Cells, the battery venture, opened a plant in Ohio. "
        "General Motors and LG Energy Solution each own 50% of the venture."
    )
    found = links(text)
    assert {link("General Motors", "Ultium Cells", 50), link("LG Energy Solution", "Ultium Cells", 50)} <= found
