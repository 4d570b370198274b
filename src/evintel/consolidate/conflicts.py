"""Conflicts between sources: different figures for one key, and live-versus-ended (or denied) reports.

A figure conflict is one record per disagreeing key listing every figure with its sources and evidence
(a later figure marked as a revision is not a side: see `merge`). A status conflict is one record per key
whose sources disagree on whether the thing exists: a partnership reported as live and as ended, a plant
as operating and as closed, or anything asserted by one source and denied by another.

A report that states no status ("Nissan and Honda work together on ...") does not contradict an ending,
only a denial. Status changes over time are not conflicts: a partnership reported as signed and only afterwards (by a
strictly later article) as ended has ended. A denial, though, contradicts the reports it denies whatever
their dates, and a live report on or after an "ended" one (or any undated report) is a disagreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evintel.consolidate.figures import format_figure
from evintel.consolidate.records import Conflict, ConflictSide, FactSource, Revision

# Statuses meaning the thing no longer exists, per fact type.
DEAD_STATUSES = {"partnership": frozenset({"ended"}), "plant": frozenset({"closed"})}

# The usual order of live statuses, to break ties between reports of the same date.
STATUS_PROGRESSION = {
    "partnership": ("talks", "announced", "signed"),
    "plant": ("planned", "under_construction", "operating"),
}


def describe_subject(fact_type: str, fields: dict[str, Any]) -> str:
    """What a fact is about, in words: "BMW Group 2024-Q1 BEV sales", "Nissan–Honda partnership"."""
    f = fields
    if fact_type == "sales":
        parts = [f.get("org"), f.get("period")]
        if f.get("powertrain") and f.get("powertrain") != "all":
            parts.append(f.get("powertrain"))
        parts.append(f.get("metric") or "sales")
        text = " ".join(str(p) for p in parts if p)
        return f"{text} in {f['market']}" if f.get("market") else text
    if fact_type == "ownership":
        return f"{f.get('parent')} stake in {f.get('child')}"
    if fact_type == "investment":
        return f"{f.get('investor')} investment in {f.get('target') or 'unnamed target'}"
    if fact_type == "partnership":
        return "–".join(str(p) for p in f.get("parties") or []) + " partnership"
    if fact_type == "plant":
        return f"{f.get('org')} plant in {f.get('location')}"
    if fact_type == "supply":
        return f"{f.get('supplier')} supplying {f.get('customer')}"
    if fact_type == "product_plan":
        return " & ".join(str(o) for o in f.get("orgs") or []) + f" plan: {f.get('product')}"
    return fact_type


def source_labels(sources: Sequence[FactSource], limit: int = 2) -> str:
    """The first few source labels, then how many more: "Reuters; Autocar +2 more"."""
    labels: list[str] = []
    for source in sources:
        if source.label not in labels:
            labels.append(source.label)
    shown = "; ".join(labels[:limit])
    return f"{shown} +{len(labels) - limit} more" if len(labels) > limit else shown


def figure_conflict(
    key: str, fact_type: str, fields: dict[str, Any], sides: Sequence[tuple[Any, list[FactSource]]]
) -> Conflict:
    """One conflict listing every figure given for a key, each with its sources."""
    ordered = sorted(sides, key=lambda side: (-len({s.group_id for s in side[1]}), str(side[0])))
    text = " vs ".join(
        f"{format_figure(fact_type, value, fields)} ({source_labels(sources)})" for value, sources in ordered
    )
    return Conflict(
        kind="figure",
        key=key,
        fact_type=fact_type,
        message=f"{describe_subject(fact_type, fields)}: {text}",
        sides=[ConflictSide(value, list(sources)) for value, sources in ordered],
    )


def status_of(fact_type: str, source: FactSource, status: Any) -> str:
    """The status a source reports, for comparison: "denied", a schema status, or "reported"."""
    if source.modality == "denied":
        return "denied"
    return str(status) if status else "reported"


def is_dead(fact_type: str, status: str) -> bool:
    """Whether a reported status says the thing is denied, ended or closed."""
    return status == "denied" or status in DEAD_STATUSES.get(fact_type, frozenset())


def status_outcome(
    key: str, fact_type: str, fields: dict[str, Any], reports: Sequence[tuple[FactSource, str]]
) -> Conflict | Revision | None:
    """Whether reports of live and dead status conflict (a Conflict), mark a change (a Revision) or agree."""
    dead = [(s, v) for s, v in reports if is_dead(fact_type, v)]
    denied = any(v == "denied" for _, v in dead)
    # A report without a status says nothing about an ending; it only contradicts a denial.
    live = [(s, v) for s, v in reports if not is_dead(fact_type, v) and (denied or v != "reported")]
    if not live or not dead:
        return None
    dates = [s.date for s, _ in reports]
    if not denied and all(d is not None for d in dates):
        last_live = max(s.date for s, _ in live if s.date is not None)
        first_dead = min(s.date for s, _ in dead if s.date is not None)
        if last_live < first_dead:
            latest_live = max(live, key=lambda item: (item[0].date, _progress(fact_type, item[1])))
            first = min(dead, key=lambda item: (item[0].date, item[0].article_id))
            return Revision(
                field="status",
                previous=latest_live[1],
                value=first[1],
                date=first[0].date,
                article_id=first[0].article_id,
                evidence=first[0].evidence,
                previous_sources=[s for s, _ in live],
            )
    by_value: dict[str, list[FactSource]] = {}
    for source, value in reports:
        by_value.setdefault(value, []).append(source)
    ordered = sorted(by_value.items(), key=lambda kv: (not is_dead(fact_type, kv[0]), kv[0]))
    text = " vs ".join(f"{value} ({source_labels(sources)})" for value, sources in ordered)
    return Conflict(
        kind="status",
        key=key,
        fact_type=fact_type,
        message=f"{describe_subject(fact_type, fields)}: {text}",
        sides=[ConflictSide(value, sources) for value, sources in ordered],
    )


def _progress(fact_type: str, status: str) -> int:
    order = STATUS_PROGRESSION.get(fact_type, ())
    return order.index(status) if status in order else -1


def latest_status(fact_type: str, reports: Sequence[tuple[FactSource, Any]]) -> Any:
    """The status to show: the latest-dated report's, ties broken by how far along it is."""
    stated = [(s, v) for s, v in reports if v]
    if not stated:
        return None
    best = max(
        stated,
        key=lambda item: (
            item[0].date is not None,
            item[0].date or 0,
            is_dead(fact_type, str(item[1])),
            _progress(fact_type, str(item[1])),
        ),
    )
    return best[1]
