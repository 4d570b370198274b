"""`evintel extract` and `evintel eval`."""

from __future__ import annotations

from evintel.cli.main import app


@app.command()
def extract() -> None:
    """Extract facts from articles (being written)."""
