import pytest

from evintel.errors import NotFoundError
from evintel.query import entity_profile, network


@pytest.mark.parametrize("name", ["BMW Group", "bmw group", "BMW AG", "bmw-group"])
def test_entity_profile_finds_by_name_alias_case_or_id(filled, name):
    assert entity_profile(filled, name).entity.id == "bmw-group"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("vw", "volkswagen-group"),
        ("Mercedes", "mercedes-benz-group"),
        ("nissan", "nissan-motor"),
        ("Acme Cells", "acme-cells"),
    ],
)
def test_entity_profile_resolves_aliases_and_discovered_names(filled, name, expected):
    assert entity_profile(filled, name).entity.id == expected


def test_entity_profile_group_includes_brand_figures_marked_as_brand(filled):
    profile = entity_profile(filled, "BMW Group")
    rows = [(r.period, r.powertrain, r.quantity, r.level, r.org) for r in profile.sales]
    assert rows == [
        ("2022-Q2", "BEV", 35300, "self", "BMW Group"),
        ("2022-Q2", "PHEV", 51000, "self", "BMW Group"),
        ("2023-Q3", "BEV", 94000, "self", "BMW Group"),
        ("2024-Q1", "BEV", 82700, "self", "BMW Group"),
        ("2024-Q1", "BEV", 83700, "self", "BMW Group"),
        ("2024-Q1", "BEV", 9100, "brand", "Mini"),
    ]
    assert [c.name for c in profile.children] == ["BMW", "Mini"]
    assert [s.counterparts[0].name for s in profile.suppliers] == ["Northvolt"]


def test_entity_profile_supplier_sees_its_customers(filled):
    profile = entity_profile(filled, "Northvolt")
    assert sorted(c.counterparts[0].name for c in profile.customers) == ["BMW Group", "Volkswagen Group"]
    assert profile.suppliers == []


def test_entity_profile_partner_and_parent_chain(filled):
    nissan = entity_profile(filled, "Nissan")
    assert [p.counterparts[0].name for p in nissan.partners] == ["Renault Group"]
    assert [p.name for p in entity_profile(filled, "Mini").parents] == ["BMW Group"]


def test_entity_profile_discovered_entity_is_marked(filled):
    profile = entity_profile(filled, "acme cells")
    assert profile.entity.in_kb is False
    assert [c.counterparts[0].name for c in profile.customers] == ["Mercedes-Benz Group"]


def test_entity_profile_unknown_name_raises_not_found(filled):
    with pytest.raises(NotFoundError):
        entity_profile(filled, "No Such Carmaker")


def test_network_edges_carry_fact_ids(filled):
    graph = network(filled, "Northvolt", depth=1)
    edges = {(e.source, e.target, e.type) for e in graph.edges}
    assert edges == {("northvolt", "bmw-group", "supply"), ("northvolt", "volkswagen-group", "supply")}
    assert all(len(e.fact_id) == 16 for e in graph.edges)
    assert {n.id for n in graph.nodes} == {"northvolt", "bmw-group", "volkswagen-group"}


def test_network_depth_two_reaches_neighbours_of_neighbours(filled):
    near = {n.id for n in network(filled, "Volkswagen Group", depth=1).nodes}
    far = {n.id for n in network(filled, "Volkswagen Group", depth=2).nodes}
    assert "bmw-group" not in near and "bmw-group" in far
