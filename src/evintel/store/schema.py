"""The knowledge-store tables, as SQLAlchemy Core metadata shared by SQLite and PostgreSQL.

Layers, from raw to user-facing:

- ``articles``: one row per distinct article content (``content_hash`` is the identity); a syndicated
  near-copy points at its original through ``group_pk``.
- ``entities`` / ``entity_names``: every KB entity (``in_kb``) and every name found in facts that the KB
  does not know (discovered); ``entity_names`` holds the normalised names and aliases used for lookup.
- ``facts``: one row per statement extracted from an article, with a typed column for every scalar field
  of every fact type and the exact field dict in ``fields`` (JSON) for the rest (lists).
- ``fact_sources``: the articles that state a fact, each with evidence offsets, confidence and modality
  (a syndicated copy adds a source to its original's fact instead of a new fact).
- ``consolidated_facts`` / ``consolidated_members`` / ``consolidated_entities``: the merge of all facts
  with one consolidation key, recomputed whenever facts with that key arrive.
- ``conflicts``: disagreements between sources and contradictions of the KB, with both sides' evidence.

Full-text search over article text is dialect-specific and created by the migration (FTS5 / tsvector).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# Scalar fact fields stored as typed columns (on facts and consolidated_facts); list fields stay in JSON.
TEXT_FIELD_COLUMNS = (
    "org",
    "powertrain",
    "period",
    "market",
    "metric",
    "kind",
    "scope",
    "status",
    "supplier",
    "customer",
    "parent",
    "child",
    "investor",
    "currency",
    "target",
    "location",
    "product",
    "production_location",
    "timeframe",
)
NUMBER_FIELD_COLUMNS = ("quantity", "stake_pct", "amount")


def typed_columns(fields: dict[str, Any]) -> dict[str, Any]:
    """The typed-column values of a fact's fields (scalars only; lists stay in the JSON column)."""
    values: dict[str, Any] = {}
    for name in TEXT_FIELD_COLUMNS:
        value = fields.get(name)
        values[name] = str(value)[:300] if value is not None and not isinstance(value, list | dict) else None
    for name in NUMBER_FIELD_COLUMNS:
        value = fields.get(name)
        values[name] = (
            float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )
    return values


def _field_columns() -> list[Column]:
    return [Column(name, String(300)) for name in TEXT_FIELD_COLUMNS] + [
        Column(name, Float) for name in NUMBER_FIELD_COLUMNS
    ]


meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(300), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("title", Text),
    Column("date", Date),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("group_pk", Integer, ForeignKey("articles.pk"), index=True),
    Column("signature", JSON),
    Column("fact_count", Integer, nullable=False, default=0),
    Column("ingested_at", DateTime, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(300), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("parent_id", String(300), index=True),
    Column("stake_pct", Float),
    Column("country", String(100)),
    Column("hq", String(200)),
    Column("aliases", JSON, nullable=False),
    Column("in_kb", Boolean, nullable=False),
)

entity_names = Table(
    "entity_names",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("entity_pk", Integer, ForeignKey("entities.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("norm_name", String(300), nullable=False, index=True),
    Column("name", String(300), nullable=False),
    UniqueConstraint("entity_pk", "norm_name", name="uq_entity_names_entity_norm"),
)

facts = Table(
    "facts",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("type", String(40), nullable=False),
    Column("key", String(500), nullable=False, index=True),
    *_field_columns(),
    Column("fields", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("modality", String(20), nullable=False),
    UniqueConstraint("article_pk", "ordinal", name="uq_facts_article_ordinal"),
)

fact_sources = Table(
    "fact_sources",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("fact_pk", Integer, ForeignKey("facts.pk"), nullable=False, index=True),
    Column("article_pk", Integer, ForeignKey("articles.pk"), nullable=False, index=True),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("modality", String(20), nullable=False),
    UniqueConstraint("fact_pk", "article_pk", name="uq_fact_sources_fact_article"),
)

consolidated_facts = Table(
    "consolidated_facts",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    # A stable id (hash of key and rank) so that every back-end names the same fact alike.
    Column("id", String(40), nullable=False, unique=True),
    Column("key", String(500), nullable=False, index=True),
    Column("type", String(40), nullable=False),
    *_field_columns(),
    Column("fields", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("modality", String(20), nullable=False),
    # Start of the period the fact covers (sales), else the date it was first reported: for --since/--until.
    Column("period_start", Date),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("source_count", Integer, nullable=False),
    Column("revisions", JSON, nullable=False),
    Column("conflicted", Boolean, nullable=False),
    Index("ix_consolidated_type_period_start", "type", "period_start"),
)

consolidated_members = Table(
    "consolidated_members",
    metadata,
    Column(
        "consolidated_pk",
        Integer,
        ForeignKey("consolidated_facts.pk", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("fact_pk", Integer, ForeignKey("facts.pk"), primary_key=True, index=True),
)

consolidated_entities = Table(
    "consolidated_entities",
    metadata,
    Column(
        "consolidated_pk",
        Integer,
        ForeignKey("consolidated_facts.pk", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("entity_pk", Integer, ForeignKey("entities.pk"), primary_key=True),
    Column("role", String(40), primary_key=True),
    Index("ix_consolidated_entities_entity_role", "entity_pk", "role"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("key", String(500), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("type", String(40), nullable=False),
    Column("summary", Text, nullable=False),
    Column("sides", JSON, nullable=False),
    Column("fact_ids", JSON, nullable=False),
)
