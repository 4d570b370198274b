"""`evintel extract` and `evintel eval`: inputs, output formats, scoring, and bad input without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from evintel.cli.main import app

SUPPLY = "CATL will supply battery cells to BMW Group."
OWNERSHIP = "Stellantis owns 21 percent of Leapmotor."
SALES = "Volvo Cars sold 12,850 fully electric cars in Sweden last year."
LATIN = "Citroën sold 12,500 cars in France in 2023, the brand's Parisian office said."
HTML = """<!DOCTYPE html>
<html><head><title>Volvo Cars sets a record</title>
<meta property="article:published_time" content="2024-02-10T08:00:00Z"></head>
<body><nav>Home | Cars | Share this article</nav>
<article><h1>Volvo Cars sets a record</h1>
<p>Volvo Cars sold 12,850 fully electric cars in Sweden last year, the Gothenburg-based carmaker said on Friday.</p>
<p>Advertisement - Article continues below</p>
<p>The company expects demand to keep growing as new models arrive in showrooms across the Nordic region.</p>
</article><footer>See also: Related stories</footer></body></html>
"""


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def lines_of(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def squeezed(text: str) -> str:
    """Text without whitespace, so assertions hold however the console wrapped it."""
    return "".join(text.split())


def assert_clean_failure(result: Result) -> None:
    """Exit status 1 through typer.Exit, no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def write_jsonl(path: Path, rows: list[dict[str, Any] | str]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8"
    )
    return path


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "articles.jsonl",
        [
            {"id": "s1", "url": None, "date": "2024-05-02", "title": "Cells", "text": SUPPLY},
            {"id": "o1", "url": None, "date": None, "title": "Stake", "text": OWNERSHIP},
        ],
    )


def test_extract_jsonl_writes_one_schema_line_per_article(articles: Path) -> None:
    result = invoke("extract", articles)
    assert result.exit_code == 0, result.output
    rows = lines_of(result.stdout)
    assert [r["article_id"] for r in rows] == ["s1", "o1"]
    (supply,) = rows[0]["facts"]
    assert (supply["type"], supply["supplier"], supply["customer"], supply["items"]) == (
        "supply",
        "CATL",
        "BMW Group",
        ["battery cells"],
    )
    assert supply["evidence"] == {"text": SUPPLY, "start": 0, "end": len(SUPPLY)}
    assert 0 < supply["confidence"] <= 1
    assert [(f["parent"], f["child"], f["stake_pct"]) for f in rows[1]["facts"]] == [
        ("Stellantis", "Leapmotor", 21)
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(("flag", "period"), [(["--date", "2024-02-10"], "2023"), ([], None)])
def test_extract_txt_takes_its_date_from_the_option(
    tmp_path: Path, flag: list[str], period: str | None
) -> None:
    story = tmp_path / "volvo-record.txt"
    story.write_text(SALES + "\n", encoding="utf-8")
    result = invoke("extract", story, *flag)
    assert result.exit_code == 0, result.output
    (row,) = lines_of(result.stdout)
    assert row["article_id"] == "volvo-record"
    (fact,) = row["facts"]
    assert (fact["org"], fact["quantity"], fact["market"], fact["period"]) == (
        "Volvo Cars",
        12850,
        "Sweden",
        period,
    )


def test_extract_rejects_a_malformed_date_without_traceback(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text(SALES, encoding="utf-8")
    result = invoke("extract", story, "--date", "10/02/2024")
    assert_clean_failure(result)
    assert "YYYY-MM-DD" in result.stderr and result.stdout == ""


def test_extract_html_reads_main_text_and_publication_date(tmp_path: Path) -> None:
    page = tmp_path / "volvo.html"
    page.write_text(HTML, encoding="utf-8")
    result = invoke("extract", page)
    assert result.exit_code == 0, result.output
    (row,) = lines_of(result.stdout)
    (fact,) = row["facts"]
    assert (fact["type"], fact["org"], fact["quantity"], fact["period"]) == (
        "sales",
        "Volvo Cars",
        12850,
        "2023",
    )
    assert "<p>" not in fact["evidence"]["text"] and fact["evidence"]["text"].startswith(
        "Volvo Cars sold 12,850"
    )


def test_extract_folder_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "2024" / "may").mkdir(parents=True)
    (folder / "a-supply.txt").write_text(SUPPLY, encoding="utf-8")
    (folder / "2024" / "may" / "b-stake.txt").write_text(OWNERSHIP, encoding="utf-8")
    write_jsonl(folder / "2024" / "c.jsonl", [{"id": "c1", "text": SALES, "date": "2024-02-10"}])
    (folder / ".hidden.txt").write_text(SUPPLY, encoding="utf-8")
    result = invoke("extract", folder)
    assert result.exit_code == 0, result.output
    rows = {r["article_id"]: r["facts"] for r in lines_of(result.stdout)}
    assert set(rows) == {"a-supply", "b-stake", "c1"}
    assert [f["type"] for f in rows["b-stake"]] == ["ownership"]
    assert [f["period"] for f in rows["c1"]] == ["2023"]


def test_extract_table_format_shows_fields_and_evidence(articles: Path) -> None:
    result = invoke("extract", articles, "--format", "table")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "s1: 1 facts" in out and "o1: 1 facts" in out
    assert "supplier: CATL" in out and "customer: BMW Group" in out and "stake_pct: 21" in out
    assert "CATL will supply battery cells to" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.splitlines()[0])


def test_extract_rejects_an_unknown_format(articles: Path) -> None:
    result = invoke("extract", articles, "--format", "xml")
    assert_clean_failure(result)
    assert "--format must be jsonl or table" in result.stderr


def test_extract_output_file_gets_the_lines_and_stdout_stays_empty(articles: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "facts.jsonl"
    target.parent.mkdir()
    result = invoke("extract", articles, "-o", target)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert [r["article_id"] for r in lines_of(target.read_text(encoding="utf-8"))] == ["s1", "o1"]
    assert not list(target.parent.glob("*.partial"))


def test_extract_unwritable_output_fails_cleanly(articles: Path, tmp_path: Path) -> None:
    result = invoke("extract", articles, "-o", tmp_path / "no-such-dir" / "facts.jsonl")
    assert_clean_failure(result)
    assert "cannot write" in result.stderr


def gold_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "article_id": "s1",
                "facts": [
                    {"type": "supply", "supplier": "CATL", "customer": "BMW", "items": ["battery cells"]}
                ],
            },
            {
                "article_id": "o1",
                "facts": [
                    {"type": "ownership", "parent": "Stellantis", "child": "Leapmotor", "stake_pct": 21},
                    {"type": "investment", "investor": "Stellantis", "amount": 1.5e9, "currency": "EUR"},
                ],
            },
        ],
    )


def test_extract_with_gold_prints_the_score_on_stderr(articles: Path, tmp_path: Path) -> None:
    result = invoke("extract", articles, "--gold", gold_file(tmp_path))
    assert result.exit_code == 0, result.output
    assert len(lines_of(result.stdout)) == 2
    assert "overall: P=1.000 R=0.667 F1=0.800 (tp=2 fp=0 fn=1)" in result.stderr
    assert "supply" in result.stderr and "items=1.00" in result.stderr


def test_eval_prints_the_table_and_json(articles: Path, tmp_path: Path) -> None:
    gold = gold_file(tmp_path)
    pred = tmp_path / "pred.jsonl"
    assert invoke("extract", articles, "-o", pred).exit_code == 0
    table = invoke("eval", gold, pred)
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0].split()[:7] == ["type", "P", "R", "F1", "tp", "fp", "fn"]
    assert lines[-1] == "overall: P=1.000 R=0.667 F1=0.800 (tp=2 fp=0 fn=1)"
    as_json = invoke("eval", gold, pred, "--json")
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert (data["overall"]["tp"], data["overall"]["fp"], data["overall"]["fn"]) == (2, 0, 1)
    assert data["types"]["investment"]["recall"] == 0.0
    by_article = invoke("eval", gold, pred, "--by-article")
    assert "  o1: tp=1 fp=0 fn=1" in by_article.stdout.splitlines()


@pytest.mark.parametrize("broken", ["missing", "bad-json"])
def test_eval_bad_files_fail_cleanly_naming_the_file(tmp_path: Path, broken: str) -> None:
    gold = gold_file(tmp_path)
    pred = tmp_path / "pred.jsonl"
    if broken == "bad-json":
        pred.write_text(
            '{"article_id": "s1", "facts": []}\n{"article_id": "o1", "facts": [\n', encoding="utf-8"
        )
    result = invoke("eval", gold, pred)
    assert_clean_failure(result)
    expected = f"{pred}: no such file" if broken == "missing" else f"{pred}:2: not valid JSON"
    assert squeezed(expected) in squeezed(result.stderr)


# --- bad input: every bad item named on stderr, the good ones still extracted, exit status 1 ---------------


@pytest.fixture
def bad_batch(tmp_path: Path) -> tuple[list[Path], dict[str, str]]:
    """Good and bad inputs mixed; returns the paths and, per bad item, the text stderr must contain."""
    folder = tmp_path / "in"
    folder.mkdir()
    mixed = write_jsonl(
        folder / "mixed.jsonl",
        [
            {"id": "good1", "text": SUPPLY},
            '{"id": "broken", "text": "unterminated',
            {"id": "good2", "text": OWNERSHIP},
            {"id": "notext", "title": "headline only"},
        ],
    )
    binary = folder / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    latin = folder / "citroen.txt"
    latin.write_bytes(LATIN.encode("latin-1"))
    huge = folder / "huge.txt"
    huge.write_text((SALES + " ") * (5_000_000 // (len(SALES) + 1) + 1), encoding="utf-8")
    missing = folder / "missing.jsonl"
    paths = [mixed, binary, empty, latin, huge, missing]
    expected = {
        "broken": f"{mixed}:2: not valid JSON",
        "notext": f"{mixed}:4: no article text",
        "binary": f"{binary}: binary file",
        "empty": f"{empty}: empty file",
        "huge": f"{huge}: file is 5.0 MB",
        "missing": f"{missing}: no such file",
    }
    return paths, expected


def test_extract_bad_input_names_every_item_and_keeps_the_good_ones(bad_batch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths, expected = bad_batch
    out = tmp_path / "facts.jsonl"
    result = invoke("extract", *paths, "-o", out)
    assert_clean_failure(result)
    stderr = squeezed(result.stderr)
    for item, message in expected.items():
        assert squeezed(message) in stderr, (item, result.stderr)
    assert squeezed(f"{len(expected)} item(s) failed") in stderr
    rows = {r["article_id"]: r["facts"] for r in lines_of(out.read_text(encoding="utf-8"))}
    assert set(rows) == {"good1", "good2", "citroen"}
    assert [f["type"] for f in rows["good1"]] == ["supply"]
    assert [f["type"] for f in rows["good2"]] == ["ownership"]


def test_extract_latin1_text_is_decoded_not_mangled(bad_batch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths, _ = bad_batch
    latin = next(p for p in paths if p.name == "citroen.txt")
    result = invoke("extract", latin)
    assert result.exit_code == 0, result.output
    (row,) = lines_of(result.stdout)
    (fact,) = row["facts"]
    assert (fact["org"], fact["quantity"], fact["period"], fact["market"]) == (
        "Citroën",
        12500,
        "2023",
        "France",
    )
    assert fact["evidence"]["text"] == LATIN


def test_extract_huge_article_in_a_jsonl_line_is_refused_by_name(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "big.jsonl", [{"id": "big", "text": (SALES + " ") * 80_000}, {"id": "ok", "text": SUPPLY}]
    )
    result = invoke("extract", path)
    assert_clean_failure(result)
    assert squeezed("over the 2.0 MB limit") in squeezed(result.stderr)
    assert squeezed(f"{path}:1") in squeezed(result.stderr)
    assert [r["article_id"] for r in lines_of(result.stdout)] == ["ok"]


def test_extract_each_error_is_one_line_naming_its_item(bad_batch) -> None:  # type: ignore[no-untyped-def]
    paths, expected = bad_batch
    result = invoke("extract", *paths)
    lines = result.stderr.splitlines()
    for message in expected.values():
        assert any(message in line for line in lines), (message, lines)


def test_extract_bad_input_in_a_real_process_exits_1_without_traceback(bad_batch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths, expected = bad_batch
    out = tmp_path / "facts.jsonl"
    env = {**os.environ, "COLUMNS": "400"}
    done = subprocess.run(
        [str(Path(sys.executable).with_name("evintel")), "extract", *map(str, paths), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    for message in expected.values():
        assert squeezed(message) in squeezed(done.stderr)
    assert {r["article_id"] for r in lines_of(out.read_text(encoding="utf-8"))} == {
        "good1",
        "good2",
        "citroen",
    }
