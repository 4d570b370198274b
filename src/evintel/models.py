"""Plain data models shared by every pipeline stage: Article, Entity, Mention, Evidence, Fact."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

FACT_TYPES = ("sales", "partnership", "supply", "ownership", "investment", "plant", "product_plan")

# The fields of each fact type, in the order of SCHEMA.md (key fields first).
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "sales": ("org", "quantity", "powertrain", "period", "market", "metric"),
    "partnership": ("parties", "kind", "scope", "status"),
    "supply": ("supplier", "customer", "items"),
    "ownership": ("parent", "child", "stake_pct"),
    "investment": ("investor", "amount", "currency", "target"),
    "plant": ("org", "location", "products", "status"),
    "product_plan": ("orgs", "product", "powertrains", "markets", "production_location", "timeframe"),
}

# How sure the source is: a stated fact, a hedged/speculative one, or a denied/cancelled one.
MODALITIES = ("asserted", "hedged", "denied")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as it enters the pipeline."""

    id: str
    text: str
    date: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the whitespace-normalised text, the identity of an article's content."""
        normalised = " ".join(self.text.split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """The SCHEMA.md article form: {id, url, date, title, text}."""
        return {
            "id": self.id,
            "url": self.url,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """An organisation, brand or body: from the reference KB or discovered in text."""

    id: str
    name: str
    kind: str = "company"
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    stake_pct: float | None = None
    country: str | None = None
    hq: str | None = None
    descriptors: tuple[str, ...] = ()
    in_kb: bool = True


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of article text that refers to an entity (by name, descriptor or pronoun)."""

    start: int
    end: int
    text: str
    entity: str  # canonical name; "" for a plural reference, whose entities are in `members`
    via: str = "kb"  # kb | pattern | coref
    members: tuple[str, ...] = ()  # "both firms", "the two giants": the canonical names referred to


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a fact was read from, with character offsets into the article text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """{text, start, end} as in SCHEMA.md."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Fact:
    """One extracted fact: its type, schema fields, evidence, confidence and modality."""

    type: str
    fields: dict[str, Any]
    evidence: Evidence
    confidence: float = 0.9
    modality: str = "asserted"
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The SCHEMA.md fact form: type, fields, evidence, confidence (plus modality)."""
        return {
            "type": self.type,
            **self.fields,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "modality": self.modality,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], article_id: str | None = None) -> Fact:
        """Inverse of `to_dict`."""
        data = dict(data)
        fact_type = data.pop("type")
        evidence = data.pop("evidence", None) or {"text": "", "start": 0, "end": 0}
        confidence = float(data.pop("confidence", 0.9))
        modality = data.pop("modality", "asserted")
        data.pop("article_id", None)
        return cls(
            type=fact_type,
            fields=data,
            evidence=Evidence(evidence["text"], int(evidence["start"]), int(evidence["end"])),
            confidence=confidence,
            modality=modality,
            article_id=article_id,
        )


@dataclass(slots=True)
class ArticleFacts:
    """The facts extracted from one article: one line of `evintel extract` output."""

    article_id: str
    facts: list[Fact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """{"article_id", "facts": [...]} as in SCHEMA.md."""
        return {"article_id": self.article_id, "facts": [f.to_dict() for f in self.facts]}
