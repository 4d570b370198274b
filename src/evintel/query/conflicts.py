"""Conflicts: sources that disagree on a figure or status, and facts that contradict the KB."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from evintel.store.base import Store
from evintel.store.schema import conflicts

CONFLICT_KINDS = ("figure", "kb", "status")


@dataclass(frozen=True, slots=True)
class ConflictRecord:
    """One disagreement, with both sides' evidence and the consolidated facts involved."""

    id: str
    kind: str  # figure | kb | status
    type: str  # the fact type
    key: str
    summary: str
    sides: list[dict[str, Any]]
    fact_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "kind": self.kind,
            "type": self.type,
            "key": self.key,
            "summary": self.summary,
            "sides": self.sides,
            "fact_ids": self.fact_ids,
        }


def list_conflicts(store: Store, kind: str | None = None) -> list[ConflictRecord]:
    """Every conflict (or those of one kind), grouped by kind."""
    query = select(conflicts)
    if kind:
        query = query.where(conflicts.c.kind == kind)
    with store.read() as conn:
        rows = conn.execute(query).all()
    records = [
        ConflictRecord(r.id, r.kind, r.type, r.key, r.summary, list(r.sides), list(r.fact_ids)) for r in rows
    ]
    return sorted(records, key=lambda c: (c.kind, c.type, c.summary, c.id))
