"""Entity profiles (parents, brands, partners, suppliers, sales timeline) and the relation network."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from evintel.query.lookup import EntityRef, entity_ref, family_pks, find_entity, parent_chain
from evintel.store.base import Store
from evintel.store.periods import period_bounds
from evintel.store.schema import consolidated_entities, consolidated_facts, entities

RELATION_TYPES = ("partnership", "supply", "ownership", "investment")


@dataclass(frozen=True, slots=True)
class RelatedFact:
    """A consolidated fact the entity (or one of its brands, `via`) takes part in, with the other parties."""

    fact_id: str
    type: str
    role: str
    counterparts: list[EntityRef]
    fields: dict[str, Any]
    source_count: int
    conflicted: bool
    via: str | None = None  # id of the brand/subsidiary the fact is about, when not the entity itself

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "fact_id": self.fact_id,
            "type": self.type,
            "role": self.role,
            "counterparts": [c.to_dict() for c in self.counterparts],
            "fields": self.fields,
            "source_count": self.source_count,
            "conflicted": self.conflicted,
            "via": self.via,
        }


@dataclass(frozen=True, slots=True)
class SalesRow:
    """One figure of a sales timeline; `level` tells a group's own figure ("self") from a brand's."""

    period: str | None
    powertrain: str | None
    quantity: float | None
    metric: str | None
    market: str | None
    org: str
    level: str
    fact_id: str
    conflicted: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "period": self.period,
            "powertrain": self.powertrain,
            "quantity": self.quantity,
            "metric": self.metric,
            "market": self.market,
            "org": self.org,
            "level": self.level,
            "fact_id": self.fact_id,
            "conflicted": self.conflicted,
        }


@dataclass(frozen=True, slots=True)
class EntityProfile:
    """Everything the store knows about one entity and its brands."""

    entity: EntityRef
    aliases: list[str]
    country: str | None
    hq: str | None
    parents: list[EntityRef]
    children: list[EntityRef]
    partners: list[RelatedFact] = field(default_factory=list)
    suppliers: list[RelatedFact] = field(default_factory=list)
    customers: list[RelatedFact] = field(default_factory=list)
    ownership: list[RelatedFact] = field(default_factory=list)
    investments: list[RelatedFact] = field(default_factory=list)
    plants: list[RelatedFact] = field(default_factory=list)
    product_plans: list[RelatedFact] = field(default_factory=list)
    sales: list[SalesRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        related = (
            "partners",
            "suppliers",
            "customers",
            "ownership",
            "investments",
            "plants",
            "product_plans",
        )
        return {
            "entity": self.entity.to_dict(),
            "aliases": self.aliases,
            "country": self.country,
            "hq": self.hq,
            "parents": [p.to_dict() for p in self.parents],
            "children": [c.to_dict() for c in self.children],
            **{name: [r.to_dict() for r in getattr(self, name)] for name in related},
            "sales": [s.to_dict() for s in self.sales],
        }


@dataclass(frozen=True, slots=True)
class Edge:
    """A relation between two entities, backed by one consolidated fact."""

    source: str
    target: str
    type: str
    fact_id: str
    label: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "fact_id": self.fact_id,
            "label": self.label,
        }


@dataclass(frozen=True, slots=True)
class Network:
    """Entities and the partnership/supply/ownership/investment edges between them."""

    nodes: list[EntityRef]
    edges: list[Edge]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: {nodes, edges}."""
        return {"nodes": [n.to_dict() for n in self.nodes], "edges": [e.to_dict() for e in self.edges]}


def entity_links(
    conn: Connection, consolidated_pks: list[int] | Select[Any]
) -> dict[int, list[tuple[str, Any]]]:
    """The (role, entities row) of every entity taking part in each consolidated fact (pks or a subquery)."""
    found: dict[int, list[tuple[str, Any]]] = defaultdict(list)
    if isinstance(consolidated_pks, list) and not consolidated_pks:
        return found
    rows = conn.execute(
        select(consolidated_entities.c.consolidated_pk, consolidated_entities.c.role, entities)
        .join(entities, entities.c.pk == consolidated_entities.c.entity_pk)
        .where(consolidated_entities.c.consolidated_pk.in_(consolidated_pks))
    ).all()
    for row in rows:
        found[row.consolidated_pk].append((row.role, row))
    return found
    rows = conn.execute(
        select(consolidated_entities.c.consolidated_pk, consolidated_entities.c.role, entities)
        .join(entities, entities.c.pk == consolidated_entities.c.entity_pk)
        .where(consolidated_entities.c.consolidated_pk.in_(consolidated_pks))
    ).all()
    for row in rows:
        found[row.consolidated_pk].append((row.role, row))
    return found


_SECTION = {
    ("partnership", "party"): "partners",
    ("supply", "customer"): "suppliers",
    ("supply", "supplier"): "customers",
    ("ownership", "parent"): "ownership",
    ("ownership", "child"): "ownership",
    ("investment", "investor"): "investments",
    ("investment", "target"): "investments",
    ("plant", "org"): "plants",
    ("product_plan", "org"): "product_plans",
}


def entity_profile(store: Store, name_or_id: str) -> EntityProfile:
    """The profile of an entity found by id, name or alias; a group's profile includes its brands."""
    with store.read() as conn:
        row = find_entity(conn, name_or_id)
        family = family_pks(conn, row.id)
        children = conn.execute(select(entities).where(entities.c.parent_id == row.id)).all()
        facts_rows = conn.execute(
            select(consolidated_facts, consolidated_entities.c.role, consolidated_entities.c.entity_pk)
            .join(consolidated_entities, consolidated_entities.c.consolidated_pk == consolidated_facts.c.pk)
            .where(consolidated_entities.c.entity_pk.in_(list(family)))
        ).all()
        links = entity_links(
            conn,
            select(consolidated_entities.c.consolidated_pk).where(
                consolidated_entities.c.entity_pk.in_(list(family))
            ),
        )
        profile = EntityProfile(
            entity=entity_ref(row),
            aliases=list(row.aliases or []),
            country=row.country,
            hq=row.hq,
            parents=parent_chain(conn, row),
            children=sorted((entity_ref(c) for c in children), key=lambda e: (e.name, e.id)),
        )
    seen: set[tuple[str, str]] = set()
    for fact in facts_rows:
        via = None if fact.entity_pk == row.pk else family[fact.entity_pk]
        if fact.type == "sales":
            if (fact.id, "sales") not in seen:
                seen.add((fact.id, "sales"))
                profile.sales.append(_sales_row(fact, via))
            continue
        section = _SECTION.get((fact.type, fact.role))
        if section is None or (fact.id, section) in seen:
            continue
        seen.add((fact.id, section))
        counterparts = sorted(
            {
                entity_ref(e)
                for role, e in links[fact.pk]
                if e.pk not in family and (fact.type == "partnership" or role != fact.role)
            },
            key=lambda e: (e.name, e.id),
        )
        getattr(profile, section).append(
            RelatedFact(
                fact.id,
                fact.type,
                fact.role,
                counterparts,
                dict(fact.fields),
                int(fact.source_count),
                bool(fact.conflicted),
                via,
            )
        )
    for name in ("partners", "suppliers", "customers", "ownership", "investments", "plants", "product_plans"):
        getattr(profile, name).sort(key=lambda r: ([c.name for c in r.counterparts], r.fact_id))
    profile.sales.sort(key=_sales_order)
    return profile


def _sales_row(fact: Any, via: str | None) -> SalesRow:
    return SalesRow(
        period=fact.period,
        powertrain=fact.powertrain,
        quantity=fact.fields.get("quantity"),
        metric=fact.metric,
        market=fact.market,
        org=fact.org or "",
        level="self" if via is None else "brand",
        fact_id=fact.id,
        conflicted=bool(fact.conflicted),
    )


def _sales_order(row: SalesRow) -> tuple[Any, ...]:
    bounds = period_bounds(row.period)
    start = bounds[0].isoformat() if bounds else "9999"
    return (
        start,
        row.period or "",
        row.level != "self",
        row.org,
        row.powertrain or "",
        row.market or "",
        row.fact_id,
    )


def network(store: Store, name_or_id: str, depth: int = 1) -> Network:
    """Entities linked to one entity (and its brands) by relation facts, up to `depth` hops."""
    with store.read() as conn:
        root = find_entity(conn, name_or_id)
        nodes: dict[str, EntityRef] = {root.id: entity_ref(root)}
        frontier = set(family_pks(conn, root.id))
        visited: set[int] = set()
        edges: dict[tuple[str, str, str], Edge] = {}
        for _ in range(max(depth, 1)):
            visited |= frontier
            fact_rows = conn.execute(
                select(
                    consolidated_facts.c.pk,
                    consolidated_facts.c.id,
                    consolidated_facts.c.type,
                    consolidated_facts.c.kind,
                    consolidated_facts.c.status,
                )
                .join(
                    consolidated_entities, consolidated_entities.c.consolidated_pk == consolidated_facts.c.pk
                )
                .where(consolidated_entities.c.entity_pk.in_(list(frontier)))
                .where(consolidated_facts.c.type.in_(RELATION_TYPES))
            ).all()
            links = entity_links(conn, sorted({r.pk for r in fact_rows}))
            next_frontier: set[int] = set()
            for fact in fact_rows:
                for edge in relation_edges(fact, links[fact.pk]):
                    edges[(edge.source, edge.target, edge.fact_id)] = edge
                for _role, entity in links[fact.pk]:
                    nodes.setdefault(entity.id, entity_ref(entity))
                    if entity.pk not in visited:
                        next_frontier.add(entity.pk)
            frontier = next_frontier
            if not frontier:
                break
    return Network(
        sorted(nodes.values(), key=lambda n: n.id),
        sorted(edges.values(), key=lambda e: (e.source, e.target, e.fact_id)),
    )


def relation_edges(fact: Any, links: list[tuple[str, Any]]) -> list[Edge]:
    """The directed edges (undirected pairs for partnerships) one relation fact draws between entities."""
    by_role: dict[str, list[str]] = {}
    for role, entity in links:
        by_role.setdefault(role, []).append(entity.id)
    pairs: list[tuple[str, str]] = []
    if fact.type == "partnership":
        pairs = list(combinations(sorted(set(by_role.get("party", []))), 2))
    else:
        source_role, target_role = {
            "supply": ("supplier", "customer"),
            "ownership": ("parent", "child"),
            "investment": ("investor", "target"),
        }[fact.type]
        pairs = [(s, t) for s in by_role.get(source_role, []) for t in by_role.get(target_role, []) if s != t]
    label = fact.kind or fact.status
    return [Edge(s, t, fact.type, fact.id, label) for s, t in pairs]
