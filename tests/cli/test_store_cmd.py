"""The store commands: exit status, messages, JSON output, help examples, back-end parity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evintel.cli.main import app
from evintel.store import ingest_articles, open_store
from storekit import FILLER, corpus_articles, scripted_extract

COMMANDS = ["ingest", "facts", "entity", "conflicts", "export", "stats"]


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


@pytest.fixture
def jsonl(tmp_path) -> Path:
    path = tmp_path / "feed.jsonl"
    lines = [
        {
            "id": "c1",
            "url": "https://a.example/1",
            "date": "2024-05-02",
            "title": "Quarterly figures",
            "text": "Renault Group said on Tuesday it delivered 31,000 electric cars in the first quarter. "
            + FILLER,
        },
        {
            "id": "c2",
            "url": "https://a.example/2",
            "date": "2024-06-11",
            "title": "Battery deal",
            "text": "Northvolt will supply battery cells to Volvo Cars from its Swedish plant, the companies said.",
        },
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def filled_url(store_url) -> str:
    """A store on each back-end holding the corpus, read by the packaged KB as the CLI does."""
    store = open_store(store_url)
    ingest_articles(store, corpus_articles(), extract=scripted_extract)
    store.close()
    return store_url


@pytest.mark.parametrize("command", COMMANDS)
def test_help_every_command_has_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"evintel {command}" in result.output


def test_ingest_twice_gives_the_same_counts(jsonl, tmp_path):
    db = str(tmp_path / "cli.db")
    first = invoke("ingest", str(jsonl), "--db", db, "--json")
    stats_once = json.loads(invoke("stats", "--db", db, "--json").stdout)
    second = invoke("ingest", str(jsonl), "--db", db, "--json")
    assert first.exit_code == second.exit_code == 0
    assert json.loads(second.stdout)["duplicates"] == 2
    assert json.loads(invoke("stats", "--db", db, "--json").stdout) == stats_once
    assert stats_once["articles"] == 2
    assert "articles/s" in first.stderr


def test_ingest_bad_items_named_on_stderr_rest_stored_exit_1(jsonl, tmp_path):
    bad = tmp_path / "bad.jsonl"
    good = jsonl.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([good[0], '{"id": "broken", "text": ', good[1]]) + "\n", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    result = invoke("ingest", str(bad), str(tmp_path / "missing.jsonl"), "--db", db)
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.stderr and "missing.jsonl" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert json.loads(invoke("stats", "--db", db, "--json").stdout)["articles"] == 2


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("/nonexistent-dir/x/evintel.db", "does not exist"),
        ("postgresql://postgres@127.0.0.1:1/test", "cannot connect"),
        ("oracle://scott@localhost/db", "unsupported database"),
    ],
)
@pytest.mark.parametrize("command", [["ingest", "README.md"], ["facts"], ["entity", "BMW"], ["stats"]])
def test_commands_bad_database_one_clear_message_exit_1(command, db, message):
    result = invoke(*command, "--db", db)
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_query_missing_sqlite_file_says_ingest_first(tmp_path):
    result = invoke("facts", "--db", str(tmp_path / "nothing.db"))
    assert result.exit_code == 1 and "evintel ingest" in result.stderr


def test_ingest_read_only_database_one_clear_message(jsonl, tmp_path):
    db = tmp_path / "ro.db"
    invoke("ingest", str(jsonl), "--db", str(db))
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "z", "text": "A different story about Stellantis plants."}) + "\n")
    result = invoke("ingest", str(other), "--db", f"sqlite:///file:{db}?mode=ro&uri=true")
    assert result.exit_code == 1
    assert "read-only" in result.stderr and "Traceback" not in result.stderr


def test_db_falls_back_to_env_then_cwd(filled_url, tmp_path, monkeypatch):
    if not filled_url.startswith("sqlite"):
        pytest.skip("the file fallback is SQLite's")
    with_env = invoke("stats", "--json", env={"EVINTEL_DB": filled_url})
    assert json.loads(with_env.stdout)["articles"] == len(corpus_articles())
    monkeypatch.chdir(tmp_path)
    empty = invoke("stats", "--json", env={"EVINTEL_DB": ""})
    assert empty.exit_code == 1 and "evintel.db" in empty.stderr


def test_facts_json_filters_like_the_library(filled_url):
    result = invoke(
        "facts",
        "--type",
        "sales",
        "--org",
        "BMW Group",
        "--powertrain",
        "BEV",
        "--since",
        "2023",
        "--db",
        filled_url,
        "--json",
    )
    assert result.exit_code == 0
    quantities = sorted(item["fields"]["quantity"] for item in json.loads(result.stdout)["items"])
    assert quantities == [9100, 82700, 83700, 94000]


def test_entity_json_and_text(filled_url):
    as_json = json.loads(invoke("entity", "bmw group", "--db", filled_url, "--json").stdout)
    assert as_json["entity"]["name"] == "BMW Group"
    assert any(row["org"] == "Mini" and row["level"] == "brand" for row in as_json["sales"])
    text = invoke("entity", "BMW Group", "--db", filled_url).stdout
    assert "sales timeline" in text and "Northvolt" in text


def test_entity_unknown_name_exit_1(filled_url):
    result = invoke("entity", "Nonexistent Carmaker", "--db", filled_url)
    assert result.exit_code == 1 and "no entity named" in result.stderr


def test_conflicts_json_and_text(filled_url):
    found = json.loads(invoke("conflicts", "--db", filled_url, "--json").stdout)
    assert sorted(c["kind"] for c in found) == ["figure", "kb"]
    text = invoke("conflicts", "--db", filled_url).stdout
    assert "82,700" in text or "82700" in text


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "graphml", "parquet"])
def test_export_writes_each_format(filled_url, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = invoke("export", "--format", fmt, "-o", str(out), "--db", filled_url)
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 100
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert all(r["sources"] for r in records)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert (
            pq.read_table(out).num_rows
            == json.loads(invoke("stats", "--db", filled_url, "--json").stdout)["facts"]
        )
    if fmt == "graphml":
        import xml.etree.ElementTree as ET

        assert ET.parse(out).getroot().tag.endswith("graphml")


def test_export_unknown_format_exit_1(filled_url, tmp_path):
    result = invoke("export", "--format", "xlsx", "-o", str(tmp_path / "x"), "--db", filled_url)
    assert result.exit_code == 1 and "csv, jsonl, graphml, parquet" in result.stderr


@pytest.mark.postgres
def test_sqlite_and_postgresql_print_identical_facts_and_entity_json(jsonl, tmp_path, pg_schema_url):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        jsonl.read_text(encoding="utf-8")
        + "".join(json.dumps(a.to_dict()) + "\n" for a in corpus_articles()),
        encoding="utf-8",
    )
    outputs = []
    for db in (str(tmp_path / "parity.db"), pg_schema_url):
        assert invoke("ingest", str(corpus), "--db", db).exit_code == 0
        outputs.append(
            [
                invoke("facts", "--db", db, "--json", "--limit", "1000").stdout,
                invoke("facts", "--type", "sales", "--org", "BMW Group", "--db", db, "--json").stdout,
                invoke("entity", "BMW Group", "--db", db, "--json").stdout,
                invoke("entity", "northvolt", "--db", db, "--json").stdout,
                invoke("conflicts", "--db", db, "--json").stdout,
            ]
        )
    assert json.loads(outputs[0][0])["total"] > 0
    assert outputs[0] == outputs[1]
