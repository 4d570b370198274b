"""Settings read from the environment, with zero-configuration defaults."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB_FILENAME = "evintel.db"


def resolve_db_url(url: str | None = None) -> str:
    """The store URL: an explicit value, else $EVINTEL_DB, else ./evintel.db (SQLite)."""
    value = url or os.environ.get("EVINTEL_DB") or DEFAULT_DB_FILENAME
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"
