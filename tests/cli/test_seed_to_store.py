"""End to end on the real seed article: text in, facts extracted, stored, and the KB conflict on Rimac out."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evintel.cli.main import app

SEED = Path(__file__).resolve().parents[1] / "extract" / "fixtures" / "seed.txt"


def test_seed_ingest_raises_the_kb_conflict_on_rimacs_owner(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'seed.db'}"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(SEED), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    result = runner.invoke(app, ["conflicts", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    conflicts = json.loads(result.output)
    kb_conflicts = [c for c in conflicts if c["kind"] == "kb"]
    assert any("Rimac" in c["summary"] for c in kb_conflicts), conflicts
    # each side carries its evidence: the seed's sentence on one side, the KB record on the other
    rimac = next(c for c in kb_conflicts if "Rimac" in c["summary"])
    texts = json.dumps(rimac)
    assert "under the umbrella of Bugatti Rimac" in texts


def test_seed_ingest_twice_adds_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'seed.db'}"
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(SEED), "--db", db])
    first = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).output)
    runner.invoke(app, ["ingest", str(SEED), "--db", db])
    second = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).output)
    assert first == second and first["articles"] == 1
