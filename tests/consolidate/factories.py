"""Builders shared by the consolidation tests: a small hand-made KB and fact field dicts."""

from __future__ import annotations

from typing import Any

from evintel.models import Entity
from evintel.resolve.kb import KnowledgeBase, slugify


def entity(
    name: str, kind: str = "company", parent: str | None = None, stake: float | None = None, *aliases: str
) -> Entity:
    """A KB entity with the id the real loader would give it."""
    return Entity(id=slugify(name), name=name, kind=kind, aliases=aliases, parent=parent, stake_pct=stake)


def small_kb(rimac_parent: str | None = None, rimac_stake: float | None = None) -> KnowledgeBase:
    """A few real groups, brands and holdings; Rimac Group independent unless a minority holder is given."""
    return KnowledgeBase(
        [
            entity("BMW Group", "group", None, None, "BMW AG", "Bayerische Motoren Werke", "BMW"),
            entity("BMW", "brand", "BMW Group"),
            entity("Mini", "brand", "BMW Group", None, "MINI"),
            entity("Porsche SE", "investor", None, None, "Porsche Automobil Holding"),
            entity("Volkswagen Group", "group", "Porsche SE", 31.9, "Volkswagen AG", "VW Group", "VW"),
            entity("Volkswagen", "brand", "Volkswagen Group"),
            entity("Audi", "brand", "Volkswagen Group", None, "Audi AG"),
            entity("Lamborghini", "brand", "Volkswagen Group", None, "Automobili Lamborghini"),
            entity("Skoda", "brand", "Volkswagen Group", None, "Škoda Auto"),
            entity(
                "Porsche AG", "automaker", "Volkswagen Group", 75.4, "Porsche", "Dr. Ing. h.c. F. Porsche AG"
            ),
            entity("Rimac Group", "startup", rimac_parent, rimac_stake, "Rimac", "Rimac Automobili"),
            entity("Bugatti Rimac", "joint_venture", "Rimac Group", 55.0),
            entity("Stellantis", "group", None, None, "Stellantis N.V."),
            entity("Jeep", "brand", "Stellantis"),
            entity("Fiat", "brand", "Stellantis"),
            entity("Renault Group", "group", None, None, "Groupe Renault", "Renault SA"),
            entity("Renault", "brand", "Renault Group"),
            entity("Dacia", "brand", "Renault Group"),
            entity("Xpeng", "startup", None, None, "XPeng Inc."),
            entity("Tesla", "automaker", None, None, "Tesla Inc."),
            entity("Ionna", "joint_venture"),
            entity("Orlenko Motors", "startup", "Stellantis", 21.0),  # invented: a minority holding
            entity("Orlenko Drive", "supplier", "Orlenko Motors"),
            entity("Hyundai Motor Group", "group"),
            entity("Hyundai Motor Company", "automaker", "Hyundai Motor Group", None, "Hyundai"),
            entity("Kia", "automaker", "Hyundai Motor Company", 33.9, "Kia Corporation"),
            entity("Nissan", "automaker", None, None, "Nissan Motor"),
            entity("Honda", "automaker", None, None, "Honda Motor"),
        ]
    )


def sales(
    org: str, quantity: float, period: str = "2024-Q1", powertrain: str = "BEV", **more: Any
) -> dict[str, Any]:
    """The fields of a sales fact."""
    return {
        "org": org,
        "quantity": quantity,
        "powertrain": powertrain,
        "period": period,
        "market": None,
        "metric": "sales",
        **more,
    }
