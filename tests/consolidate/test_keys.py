"""Consolidation keys: aliases agree, distinct entities and distinct things stay apart."""

from __future__ import annotations

import pytest

from evintel.consolidate import entity_key, fact_key, location_key, product_key
from evintel.models import Evidence, Fact

from .factories import sales


def _fact(fact_type: str, **fields: object) -> Fact:
    return Fact(fact_type, dict(fields), Evidence("", 0, 0))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Volkswagen AG", "Volkswagen Group"),
        ("VW", "Volkswagen Group"),
        ("Stellantis N.V.", "Stellantis"),
        ("BMW AG", "BMW Group"),
        ("Bayerische Motoren Werke", "bmw group"),
        ("Škoda Auto", "SKODA"),
        ("XPeng Inc.", "Xpeng"),
        ("Tesla, Inc.", "Tesla"),
    ],
)
def test_entity_key_equates_kb_aliases(kb, a, b):
    assert entity_key(a, kb) == entity_key(b, kb)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("BMW", "BMW Group"),  # brand vs group: different reporting entities
        ("Porsche SE", "Porsche AG"),  # holding vs carmaker: only the legal form differs
        ("Renault", "Renault Group"),
        ("Volkswagen", "Volkswagen Group"),
    ],
)
def test_entity_key_keeps_distinct_kb_entities_apart(kb, a, b):
    assert entity_key(a, kb) != entity_key(b, kb)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Voltara Motors Inc.", "Voltara Motors"),
        ("Nordvik Batteri ASA", "nordvik batteri"),
        ("Nordvik Batteri AS", "Nordvik Batteri"),
        ("Kivi Nickel Oyj", "KIVI NICKEL"),
        ("Quellion S.p.A.", "Quellion"),
        ("Brennholt Antriebe GmbH", "Brennholt Antriebe"),
        ("Société Énergie Léman SA", "Societe Energie Leman"),
        ("VW", "Volkswagen"),
    ],
)
def test_entity_key_without_kb_drops_legal_forms_case_accents(a, b):
    assert entity_key(a) == entity_key(b)


def test_entity_key_without_kb_keeps_group_word():
    assert entity_key("Voltara Group") != entity_key("Voltara")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Debrecen, Hungary", "Debrecen"),
        ("Austin, Texas", "Austin"),
        ("northern Mexico", "Mexico"),
        ("Zwickau , Germany", "zwickau"),
        ("near Valencia, Spain", "Valencia"),
    ],
)
def test_location_key_names_the_same_site(a, b):
    assert location_key(a) == location_key(b)


@pytest.mark.parametrize(("a", "b"), [("Debrecen, Hungary", "Szeged, Hungary"), ("Austin, Texas", "Texas")])
def test_location_key_keeps_sites_apart(a, b):
    assert location_key(a) != location_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("electric pick-up", "electric pickup"),
        ("new all-electric iX3", "iX3"),
        ("Neue Klasse sedans", "Neue Klasse sedan"),
        ("the electric pickups", "Pickup"),
    ],
)
def test_product_key_ignores_filler_words(a, b):
    assert product_key(a) == product_key(b)


def test_product_key_keeps_body_types_apart():
    assert product_key("electric pickup") != product_key("electric SUV")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (sales("BMW Group", 82700), sales("BMW AG", 83700)),  # quantity is the value, not the key
        (sales("Volkswagen AG", 1), sales("VW Group", 2)),
        (sales("BMW Group", 1, market="US"), sales("BMW Group", 1, market="United States")),
        (sales("BMW Group", 1, market=None), sales("BMW Group", 1, market="worldwide")),
    ],
)
def test_fact_key_sales_equal(kb, a, b):
    assert fact_key(_fact("sales", **a), kb) == fact_key(_fact("sales", **b), kb)


@pytest.mark.parametrize(
    "change",
    [
        {"org": "BMW"},  # brand-level figure
        {"org": "Mini"},
        {"period": "2024-Q2"},
        {"period": "Q1"},  # undated article: the year is unknown
        {"powertrain": "PHEV"},
        {"market": "China"},
        {"metric": "production"},
    ],
)
def test_fact_key_sales_distinct(kb, change):
    base = sales("BMW Group", 82700)
    assert fact_key(_fact("sales", **base), kb) != fact_key(_fact("sales", **{**base, **change}), kb)


def test_fact_key_partnership_ignores_party_order_and_kind(kb):
    a = _fact("partnership", parties=["Nissan Motor", "Honda"], kind="alliance", status="talks")
    b = _fact("partnership", parties=["Honda", "Nissan"], kind="joint_development", status="signed")
    assert fact_key(a, kb) == fact_key(b, kb)


def test_fact_key_supply_direction_matters(kb):
    a = _fact("supply", supplier="Tesla", customer="Xpeng", items=["cells"])
    b = _fact("supply", supplier="Xpeng", customer="Tesla", items=["cells"])
    assert fact_key(a, kb) != fact_key(b, kb)


def test_fact_key_ownership_ignores_stake(kb):
    a = _fact("ownership", parent="Volkswagen AG", child="XPeng Inc.", stake_pct=4.99)
    b = _fact("ownership", parent="VW", child="Xpeng", stake_pct=5)
    assert fact_key(a, kb) == fact_key(b, kb)


@pytest.mark.parametrize(
    ("change", "same"),
    [({"amount": 720_000_000}, True), ({"currency": "EUR"}, False), ({"target": "Tesla"}, False)],
)
def test_fact_key_investment_amount_not_in_key(kb, change, same):
    base = {"investor": "Volkswagen Group", "amount": 700_000_000, "currency": "USD", "target": "Xpeng"}
    assert (
        fact_key(_fact("investment", **base), kb) == fact_key(_fact("investment", **{**base, **change}), kb)
    ) is same


def test_fact_key_plant_site_with_or_without_country(kb):
    a = _fact("plant", org="BMW AG", location="Debrecen, Hungary", status="under_construction")
    b = _fact("plant", org="BMW Group", location="Debrecen", status="operating")
    assert fact_key(a, kb) == fact_key(b, kb)


def test_fact_key_product_plan_sorted_orgs_and_product_words(kb):
    a = _fact("product_plan", orgs=["Nissan", "Honda"], product="electric pick-up")
    b = _fact("product_plan", orgs=["Honda Motor", "Nissan Motor"], product="new electric pickup")
    c = _fact("product_plan", orgs=["Honda", "Nissan"], product="electric SUV")
    assert fact_key(a, kb) == fact_key(b, kb) != fact_key(c, kb)


def test_fact_key_is_readable(kb):
    key = fact_key(_fact("sales", **sales("BMW AG", 82700)), kb)
    assert key == "sales|bmw group|2024-Q1|bev|world|sales"
