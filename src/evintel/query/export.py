"""Export of the consolidated knowledge: facts as CSV, JSON lines or Parquet; the entity graph as GraphML."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from sqlalchemy import select

from evintel.errors import StoreError
from evintel.models import FACT_FIELDS
from evintel.query.entities import RELATION_TYPES, entity_links, relation_edges
from evintel.query.facts import source_records, summary_from_row
from evintel.store.base import Store
from evintel.store.schema import consolidated_facts, entities

EXPORT_FORMATS = ("csv", "jsonl", "graphml", "parquet")
_ALL_FIELDS = sorted({name for names in FACT_FIELDS.values() for name in names})
_COLUMNS = [
    "id",
    "type",
    *_ALL_FIELDS,
    "confidence",
    "modality",
    "first_seen",
    "last_seen",
    "source_count",
    "conflicted",
]


def _rows(store: Store, with_sources: bool, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Every consolidated fact as a dict, in id order, read in chunks."""
    after = ""
    while True:
        with store.read() as conn:
            rows = conn.execute(
                select(consolidated_facts)
                .where(consolidated_facts.c.id > after)
                .order_by(consolidated_facts.c.id)
                .limit(chunk)
            ).all()
            sources = source_records(conn, [r.pk for r in rows]) if with_sources and rows else {}
        if not rows:
            return
        for row in rows:
            record = summary_from_row(row).to_dict()
            if with_sources:
                record["sources"] = [s.to_dict() for s in sources[row.pk]]
            yield record
        after = rows[-1].id


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    fields = record["fields"]
    flat = {name: record.get(name) for name in _COLUMNS if name not in _ALL_FIELDS}
    for name in _ALL_FIELDS:
        value = fields.get(name)
        flat[name] = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
    return {name: flat.get(name) for name in _COLUMNS}


def export(store: Store, fmt: str, out: Path) -> int:
    """Write the store in one format to `out`; returns the number of records (facts, or graph edges)."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            return _export_graphml(store, out)
        if fmt == "parquet":
            return _export_parquet(store, out)
        count = 0
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=_COLUMNS) if fmt == "csv" else None
            if writer:
                writer.writeheader()
            for record in _rows(store, with_sources=fmt == "jsonl"):
                if writer:
                    writer.writerow(_flat(record))
                else:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        return count
    except OSError as error:
        raise StoreError(f"{out}: cannot write the export ({error.strerror or error})") from error


def _export_parquet(store: Store, out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise StoreError("Parquet export needs pyarrow: pip install 'evintel[export]'") from error
    records = [_flat(r) for r in _rows(store, with_sources=False)]
    columns = {name: [r[name] for r in records] for name in _COLUMNS}
    for name in _ALL_FIELDS:  # mixed numbers and text within one field: store as text
        if any(isinstance(v, str) for v in columns[name]):
            columns[name] = [None if v is None else str(v) for v in columns[name]]
    pq.write_table(pa.table(columns), out)
    return len(records)


def _export_graphml(store: Store, out: Path) -> int:
    with store.read() as conn:
        nodes = conn.execute(select(entities).order_by(entities.c.id)).all()
        facts_rows = conn.execute(
            select(
                consolidated_facts.c.pk,
                consolidated_facts.c.id,
                consolidated_facts.c.type,
                consolidated_facts.c.kind,
                consolidated_facts.c.status,
            )
            .where(consolidated_facts.c.type.in_(RELATION_TYPES))
            .order_by(consolidated_facts.c.id)
        ).all()
        links = entity_links(conn, [r.pk for r in facts_rows])
    edges = [edge for row in facts_rows for edge in relation_edges(row, links[row.pk])]
    with out.open("w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        handle.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for key, target in (
            ("name", "node"),
            ("kind", "node"),
            ("in_kb", "node"),
            ("type", "edge"),
            ("fact_id", "edge"),
            ("label", "edge"),
        ):
            handle.write(f'  <key id="{key}" for="{target}" attr.name="{key}" attr.type="string"/>\n')
        handle.write('  <graph id="evintel" edgedefault="directed">\n')
        for node in nodes:
            handle.write(
                f'    <node id={quoteattr(node.id)}><data key="name">{_xml(node.name)}</data>'
                f'<data key="kind">{_xml(node.kind)}</data>'
                f'<data key="in_kb">{str(bool(node.in_kb)).lower()}</data></node>\n'
            )
        for edge in edges:
            handle.write(
                f"    <edge source={quoteattr(edge.source)} target={quoteattr(edge.target)}>"
                f'<data key="type">{edge.type}</data><data key="fact_id">{edge.fact_id}</data>'
                f'<data key="label">{_xml(edge.label or "")}</data></edge>\n'
            )
        handle.write("  </graph>\n</graphml>\n")
    return len(edges)


def _xml(text: str) -> str:
    return quoteattr(text)[1:-1]
