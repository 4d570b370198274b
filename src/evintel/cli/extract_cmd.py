"""`evintel extract` and `evintel eval`: facts from articles, and their score against gold facts."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer

from evintel.cli.main import app
from evintel.cli.output import error_console, fail, open_output, report_error

if TYPE_CHECKING:
    from evintel.models import ArticleFacts

T = TypeVar("T")


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files (.jsonl, .json, .txt, .html, feeds, .warc), folders or URLs.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    date_: Annotated[
        str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    format_: Annotated[str, typer.Option("--format", help="jsonl (SCHEMA.md lines) or table.")] = "jsonl",
    gold: Annotated[Path | None, typer.Option("--gold", help="Score the output against this gold file.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse articles larger than this many bytes of text.")] = 2_000_000,
) -> None:
    """Extract facts (sales, partnerships, supply, ownership, investment, plants, product plans).

    Example: evintel extract articles.jsonl > facts.jsonl
    Example: evintel extract story.txt --date 2024-04-15 --format table
    """
    from evintel.extract import default_extractor
    from evintel.ingest import iter_articles
    from evintel.models import ArticleFacts

    if format_ not in ("jsonl", "table"):
        fail(f"--format must be jsonl or table, not {format_!r}")
    default_date = _parse_date(date_) if date_ else None
    extractor = default_extractor()
    failures = 0
    results: list[ArticleFacts] = []
    with open_output(output) as out:
        for item in _with_progress(iter_articles(inputs, default_date=default_date, max_bytes=max_bytes)):
            if isinstance(item, Exception):
                failures += 1
                report_error(str(item))
                continue
            try:
                facts = extractor.extract(item)
            except Exception as error:  # one bad article must not stop the batch
                failures += 1
                report_error(f"{item.id}: extraction failed ({error})")
                continue
            result = ArticleFacts(item.id, facts)
            if format_ == "jsonl":
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            else:
                _print_table(result, out)
            if gold:
                results.append(result)
    if gold:
        _print_score(gold, results)
    if failures:
        error_console().print(f"{failures} item(s) failed; the others were extracted.")
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold facts (JSON lines).")],
    pred: Annotated[Path, typer.Argument(help="Predicted facts (JSON lines from `evintel extract`).")],
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    by_article: Annotated[bool, typer.Option("--by-article", help="Also list tp/fp/fn per article.")] = False,
) -> None:
    """Score predicted facts against gold facts: precision, recall, F1 per type and overall.

    Example: evintel eval ../shared/eval/dev/gold.jsonl pred.jsonl
    """
    from evintel.errors import EvintelError
    from evintel.evaluate import evaluate

    for path in (gold, pred):
        if not path.is_file():
            fail(f"{path}: no such file")
    try:
        score = evaluate(gold, pred)
    except EvintelError as error:
        fail(str(error))
    if json_:
        typer.echo(json.dumps(score.to_dict(), indent=2))
    else:
        typer.echo(score.table(by_article=by_article))


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--date must be YYYY-MM-DD, not {value!r}")


def _with_progress(items: Iterator[T]) -> Iterator[T]:
    """Yield items, showing a progress line on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]:.0f}/s"))
    with Progress(*columns, console=error_console(), transient=True) as progress:
        task = progress.add_task("extract", total=None, rate=0.0)
        for item in items:
            yield item
            elapsed = progress.tasks[0].elapsed or 1e-9
            progress.update(task, advance=1, rate=progress.tasks[0].completed / elapsed)


def _print_table(result: ArticleFacts, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{result.article_id}: {len(result.facts)} facts", show_lines=True)
    for column in ("type", "fields", "confidence", "evidence"):
        table.add_column(column)
    for fact in result.facts:
        fields = "\n".join(f"{k}: {v}" for k, v in fact.fields.items() if v not in (None, [], ""))
        table.add_row(fact.type, fields, f"{fact.confidence:.2f} {fact.modality}", fact.evidence.text)
    Console(file=out, width=160).print(table)


def _print_score(gold: Path, results: list[ArticleFacts]) -> None:
    from evintel.evaluate import load_facts, score_facts

    pred = {r.article_id: [f.to_dict() for f in r.facts] for r in results}
    score = score_facts(load_facts(gold), pred)
    error_console().print(score.table(), highlight=False)
