"""The README documents every command, and every command's help shows an example (as sqlite-utils does)."""

from pathlib import Path

import pytest
import typer.main

from evintel.cli.main import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_docs_lists_every_known_command():
    assert {"extract", "eval", "ingest", "facts", "entity", "conflicts", "export", "stats", "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_readme_mentions_command(name):
    assert f"evintel {name}" in README


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_help_has_example(name):
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    assert "Example:" in (command.help or "")
