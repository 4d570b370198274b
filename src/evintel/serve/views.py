"""Presentation helpers shared by pages and API: one-line fact descriptions, chart and network JSON."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from evintel.query import EntityProfile, Network

POWERTRAIN_NAMES = {
    "BEV": "battery-electric",
    "PHEV": "plug-in hybrid",
    "HEV": "hybrid",
    "FCEV": "fuel-cell",
    "xEV": "electrified",
    "all": "all",
}


def _number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _names(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value) if value is not None else "?"


def describe_fact(fact_type: str, fields: dict[str, Any]) -> str:
    """A one-line plain-text description of a fact, for lists, hovers and titles."""
    f = fields
    if fact_type == "sales":
        text = f"{f.get('org') or '?'}: {_number(f.get('quantity'))}"
        powertrain = f.get("powertrain")
        if powertrain and powertrain != "all":
            text += f" {powertrain}"
        text += f" {f.get('metric') or 'sales'}"
        if f.get("period"):
            text += f" in {f['period']}"
        if f.get("market"):
            text += f" ({f['market']})"
        return text
    if fact_type == "partnership":
        text = f"{_names(f.get('parties'))}: {(f.get('kind') or 'partnership').replace('_', ' ')}"
        if f.get("scope"):
            text += f" on {_names(f['scope'])}"
        if f.get("status"):
            text += f" ({f['status']})"
        return text
    if fact_type == "supply":
        text = f"{f.get('supplier') or '?'} supplies "
        text += f"{_names(f.get('items'))} to " if f.get("items") else ""
        return text + f"{f.get('customer') or '?'}"
    if fact_type == "ownership":
        stake = f.get("stake_pct")
        owns = f"owns {_number(stake)}% of" if stake is not None else "owns"
        return f"{f.get('parent') or '?'} {owns} {f.get('child') or '?'}"
    if fact_type == "investment":
        amount = ""
        if f.get("amount") is not None:
            amount = f" {f.get('currency') or ''} {_number(f['amount'])}".rstrip()
        target = f" in {f['target']}" if f.get("target") else ""
        return f"{f.get('investor') or '?'} invests{amount}{target}"
    if fact_type == "plant":
        text = f"{f.get('org') or '?'} plant in {f.get('location') or '?'}"
        if f.get("products"):
            text += f" making {_names(f['products'])}"
        if f.get("status"):
            text += f" ({f['status'].replace('_', ' ')})"
        return text
    if fact_type == "product_plan":
        text = f"{_names(f.get('orgs'))}: {f.get('product') or '?'}"
        extra = [
            _names(f[key])
            for key in ("powertrains", "markets", "production_location", "timeframe")
            if f.get(key)
        ]
        return text + (f" ({'; '.join(extra)})" if extra else "")
    return f"{fact_type}: " + ", ".join(f"{k}={v}" for k, v in f.items())


def field_rows(fields: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs of a fact's fields for a definition list, in schema order, empty ones left out."""
    rows = []
    for key, value in fields.items():
        if value is None or value == [] or value == "":
            continue
        label = key.replace("_pct", " %").replace("_", " ")
        shown = _names(value) if isinstance(value, list | tuple) else _number(value)
        if key == "powertrain" and value in POWERTRAIN_NAMES:
            shown = f"{value} ({POWERTRAIN_NAMES[value]})"
        rows.append((label, shown))
    return rows


def sales_chart_data(profile: EntityProfile) -> dict[str, Any]:
    """The JSON the sales chart draws: one point per sales figure of the entity and its brands."""
    points = [
        {
            "org": row.org or profile.entity.name,
            "level": "brand" if row.level == "brand" else "group",
            "period": row.period,
            "powertrain": row.powertrain or "all",
            "quantity": row.quantity,
            "metric": row.metric or "sales",
            "market": row.market,
            "fact_id": row.fact_id,
        }
        for row in profile.sales
        if row.quantity is not None and row.period
    ]
    return {"entity": profile.entity.name, "points": points}


def related_descriptions(profile: EntityProfile) -> dict[str, str]:
    """Fact id -> one-line description, for every relation fact in a profile."""
    found: dict[str, str] = {}
    for section in (
        profile.partners,
        profile.suppliers,
        profile.customers,
        profile.ownership,
        profile.investments,
    ):
        for related in section:
            found.setdefault(related.fact_id, describe_fact(related.type, related.fields))
    return found


def network_data(graph: Network, center: str, descriptions: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON the network view draws: nodes, and edges carrying the fact they come from."""
    descriptions = descriptions or {}
    return {
        "center": center,
        "nodes": [node.to_dict() for node in graph.nodes],
        "edges": [
            {
                **edge.to_dict(),
                "label": (edge.label or "").replace("_", " "),
                "summary": descriptions.get(edge.fact_id) or (edge.label or edge.type).replace("_", " "),
            }
            for edge in graph.edges
        ],
    }


def edge_types(edges: Iterable[dict[str, Any]]) -> list[str]:
    """The distinct edge types present, in legend order."""
    order = ["partnership", "supply", "ownership", "investment"]
    present = {e["type"] for e in edges}
    return [t for t in order if t in present] + sorted(present - set(order))


def side_sources(side: Any) -> list[dict[str, Any]]:
    """The sources of one conflict side, each (article, evidence offsets) once."""
    if not isinstance(side, dict):
        return []
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for source in side.get("sources") or []:
        if not isinstance(source, dict):
            continue
        raw = source.get("evidence")
        evidence: dict[str, Any] = raw if isinstance(raw, dict) else {}
        key = (source.get("article_id"), evidence.get("start"), evidence.get("end"), source.get("fact_id"))
        found.setdefault(key, {**source, "evidence": evidence})
    return list(found.values())


def kb_summary(side: Any) -> str:
    """ "entity InoBat · kind battery maker · parent X": what the KB says on a conflict's KB side."""
    record = side.get("kb_record") if isinstance(side, dict) else None
    if not isinstance(record, dict):
        return ""
    parts = []
    for key, value in record.items():
        if value in (None, "", [], {}):
            continue
        shown = " ← ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        parts.append(f"{key.replace('_', ' ')} {shown.replace('_', ' ')}")
    return " · ".join(parts)
