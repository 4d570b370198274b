"""`evintel serve`: help with an example, one clear message when the store cannot be opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from evintel.cli.main import app


def test_serve_help_shows_options_and_an_example() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], terminal_width=120)
    assert result.exit_code == 0
    for word in ("--db", "--host", "--port", "--write-token", "EVINTEL_WRITE_TOKEN", "Example:"):
        assert word in result.output


@pytest.mark.parametrize(
    "db",
    ["{tmp}/no-such-dir/store.db", "{tmp}/missing.db", "nosuchdb://x", "{tmp}"],
)
def test_serve_refuses_a_store_it_cannot_open_with_one_message(tmp_path: Path, db: str) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", db.format(tmp=tmp_path), "--port", "0"])
    assert result.exit_code == 1
    assert "error:" in result.output and "Traceback" not in result.output


def test_serve_rejects_a_port_out_of_range() -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2


def test_create_app_opens_and_closes_a_store_by_url(tmp_path: Path) -> None:
    import warnings

    from starlette.exceptions import StarletteDeprecationWarning

    from evintel.serve.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from fastapi.testclient import TestClient

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    web = create_app(url)
    with TestClient(web) as client:
        assert client.get("/api/stats").json()["articles"] == 0
        assert "No facts yet" in client.get("/").text
    # After shutdown the app's own store is closed: its pool holds no connection.
    assert web.state.store.engine.pool.checkedout() == 0
