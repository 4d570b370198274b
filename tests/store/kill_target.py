"""Run by test_crash.py in a subprocess: ingest a JSON-lines file into a store (killed midway by the test)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evintel.models import Article  # noqa: E402
from evintel.store import ingest_articles, open_store  # noqa: E402
from storekit import scripted_extract, small_kb  # noqa: E402


def read_articles(path: str) -> list[Article]:
    """Articles of a JSON-lines file in the SCHEMA.md form."""
    found = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        day = date.fromisoformat(record["date"]) if record.get("date") else None
        found.append(Article(record["id"], record["text"], day, record.get("title"), record.get("url")))
    return found


if __name__ == "__main__":
    url, path = sys.argv[1], sys.argv[2]
    store = open_store(url, kb=small_kb())
    report = ingest_articles(store, read_articles(path), extract=scripted_extract, batch_size=50)
    print(json.dumps(report.to_dict()))
