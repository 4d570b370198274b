"""The records consolidation takes and returns: sourced facts in; consolidated facts, revisions and conflicts out.

Everything here is plain data with `to_dict()` (JSON-ready: dates as ISO strings) so that the store, the
CLI and the web app can persist or print it without knowing how it was computed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from dataclasses import field as _field
from datetime import date
from typing import Any

from evintel.models import Evidence, Fact


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _digest(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class SourcedFact:
    """A fact together with the article it was read from (the input of consolidation).

    `group_id` is the article's syndication group: copies of one story share it and count as one
    independent source (they are all still listed). `None` means the article is its own group.
    `fact_id` is an opaque id of the stored fact (e.g. the store's primary key), passed through untouched
    so that consolidated facts and conflicts can name their member facts.
    """

    fact: Fact
    article_id: str
    date: date | None = None
    url: str | None = None
    title: str | None = None
    group_id: str | None = None
    fact_id: str | int | None = None

    @property
    def source_group(self) -> str:
        """The independent source this fact counts as: its syndication group, else its article."""
        return self.group_id if self.group_id is not None else self.article_id

    def to_dict(self) -> dict[str, Any]:
        """The fact with its article's id, date, url, title, group and fact id."""
        return {
            "fact": self.fact.to_dict(),
            "article_id": self.article_id,
            "date": _iso(self.date),
            "url": self.url,
            "title": self.title,
            "group_id": self.group_id,
            "fact_id": self.fact_id,
        }


@dataclass(slots=True)
class FactSource:
    """One article stating a consolidated fact: where, when, with which evidence, and the figure it gave."""

    article_id: str
    date: date | None
    url: str | None
    title: str | None
    group_id: str
    evidence: Evidence
    confidence: float
    modality: str
    value: Any = None  # this source's own figure (quantity, amount, stake) or status, if the type has one
    fact_id: str | int | None = None

    @property
    def label(self) -> str:
        """A short human name for the source: its title, else its URL, else its article id."""
        return self.title or self.url or self.article_id

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "article_id": self.article_id,
            "date": _iso(self.date),
            "url": self.url,
            "title": self.title,
            "group_id": self.group_id,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 4),
            "modality": self.modality,
            "value": self.value,
            "fact_id": self.fact_id,
        }


@dataclass(slots=True)
class Revision:
    """A figure (or status) replaced by a later article: `previous` was superseded by `value` on `date`."""

    field: str
    previous: Any
    value: Any
    date: date | None
    article_id: str
    evidence: Evidence
    previous_sources: list[FactSource] = _field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "field": self.field,
            "previous": self.previous,
            "value": self.value,
            "date": _iso(self.date),
            "article_id": self.article_id,
            "evidence": self.evidence.to_dict(),
            "previous_sources": [s.to_dict() for s in self.previous_sources],
        }


@dataclass(slots=True)
class ConsolidatedFact:
    """Every source stating one thing, merged: representative fields, combined confidence, history.

    A key normally yields one consolidated fact. It yields several when sources disagree on the figure
    (each figure is its own consolidated fact, `conflicted` is set and one Conflict lists them all) or,
    for investments, when the same investor put clearly different sums into the same target (two deals).
    `rank` orders the consolidated facts of one key: 0 is the best supported.
    """

    key: str
    type: str
    fields: dict[str, Any]
    sources: list[FactSource]
    confidence: float
    modality: str
    first_seen: date | None
    last_seen: date | None
    revisions: list[Revision] = field(default_factory=list)
    conflicted: bool = False
    rank: int = 0

    @property
    def id(self) -> str:
        """A stable id from key and rank, identical on every back-end."""
        return _digest("consolidated", self.key, self.rank)

    @property
    def source_count(self) -> int:
        """Articles stating the fact (syndicated copies included)."""
        return len({s.article_id for s in self.sources})

    @property
    def independent_sources(self) -> int:
        """Distinct syndication groups stating the fact: copies of one story count once."""
        return len({s.group_id for s in self.sources})

    @property
    def fact_ids(self) -> list[str | int]:
        """The ids of the member facts, as passed in on SourcedFact.fact_id."""
        return [s.fact_id for s in self.sources if s.fact_id is not None]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, with the type and fields flattened as in SCHEMA.md."""
        return {
            "id": self.id,
            "key": self.key,
            "type": self.type,
            **self.fields,
            "confidence": round(self.confidence, 4),
            "modality": self.modality,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "source_count": self.source_count,
            "independent_sources": self.independent_sources,
            "conflicted": self.conflicted,
            "rank": self.rank,
            "revisions": [r.to_dict() for r in self.revisions],
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(slots=True)
class ConflictSide:
    """One position in a conflict: a value and the sources stating it, or the KB's record."""

    value: Any
    sources: list[FactSource] = field(default_factory=list)
    kb_record: dict[str, Any] | None = None  # set on the KB side of a "kb" conflict

    @property
    def origin(self) -> str:
        """Where this side comes from: "kb" or "articles"."""
        return "kb" if self.kb_record is not None else "articles"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "origin": self.origin,
            "value": self.value,
            "sources": [s.to_dict() for s in self.sources],
            "kb_record": self.kb_record,
        }


CONFLICT_KINDS = ("figure", "status", "kb")


@dataclass(slots=True)
class Conflict:
    """Sources that disagree ("figure", "status") or a fact that contradicts the KB ("kb")."""

    kind: str
    key: str
    fact_type: str
    message: str
    sides: list[ConflictSide]

    @property
    def id(self) -> str:
        """A stable id from kind, key and the values of the sides."""
        return _digest("conflict", self.kind, self.key, sorted(str(s.value) for s in self.sides))

    @property
    def fact_ids(self) -> list[str | int]:
        """The ids of every fact on any side."""
        return [s.fact_id for side in self.sides for s in side.sources if s.fact_id is not None]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "kind": self.kind,
            "key": self.key,
            "type": self.fact_type,
            "message": self.message,
            "sides": [s.to_dict() for s in self.sides],
        }


@dataclass(slots=True)
class ConsolidationResult:
    """What consolidating the facts of one key (or several) produced."""

    facts: list[ConsolidatedFact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "facts": [f.to_dict() for f in self.facts],
            "conflicts": [c.to_dict() for c in self.conflicts],
        }
