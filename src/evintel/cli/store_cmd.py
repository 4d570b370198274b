"""`evintel ingest`, `facts`, `entity`, `conflicts`, `export`, `stats`: a thin layer over store and query."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from evintel.cli.main import app
from evintel.cli.output import report_error
from evintel.errors import EvintelError

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store URL or SQLite path (default: $EVINTEL_DB, then ./evintel.db).", show_default=False
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _fail(message: str) -> typer.Exit:
    """Report a user error and give the exit to raise (`raise _fail(...) from None` keeps tracebacks out)."""
    report_error(message)
    return typer.Exit(1)


@contextmanager
def _store(db: str | None, *, create: bool = False) -> Iterator[Any]:
    """Open the store for one command; any EvintelError becomes one message on stderr and exit status 1."""
    from evintel.store import open_store

    try:
        store = open_store(db, create=create)
    except EvintelError as error:
        raise _fail(str(error)) from None
    try:
        yield store
    except EvintelError as error:
        raise _fail(str(error)) from None
    finally:
        store.close()


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="JSONL files, HTML/text files, folders, feeds or URLs.")],
    db: DbOption = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Parallel extraction processes.")
    ] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Read articles, extract their facts and add them to the knowledge store (idempotent, resumable).

    Example:

        evintel ingest articles.jsonl folder/ page.html --db evintel.db --workers 2
    """
    from evintel.store import ingest_articles

    with _store(db, create=True) as store, _progress() as progress:
        report = ingest_articles(store, paths, workers=workers, batch_size=batch_size, progress=progress)
    summary = (
        f"ingested {report.read} articles: {report.added} new ({report.syndicated} syndicated copies), "
        f"{report.duplicates} already stored, {report.facts} facts, {len(report.errors)} bad items "
        f"in {report.seconds:.1f} s ({report.rate:.1f} articles/s)"
    )
    typer.echo(summary, err=True)
    if as_json:
        _print_json(report.to_dict())
    if report.errors:
        raise typer.Exit(1)


@contextmanager
def _progress() -> Iterator[Callable[[Any], None]]:
    """A progress callback: names bad items on stderr as they come, and draws a bar on a terminal."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from evintel.cli.output import error_console

    console = error_console()
    shown = 0
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("{task.fields[errors]} bad"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not sys.stderr.isatty(),
    )

    def update(report: Any) -> None:
        nonlocal shown
        for message in report.errors[shown:]:
            console.print(f"error: {message}", markup=False, highlight=False)
        shown = len(report.errors)
        bar.update(task, completed=report.read, rate=report.rate, errors=shown)

    with bar:
        task = bar.add_task("ingest", total=None, rate=0.0, errors=0)
        yield update


@app.command()
def facts(
    fact_type: Annotated[
        str | None, typer.Option("--type", help="sales, partnership, supply, ownership, ...")
    ] = None,
    org: Annotated[
        str | None,
        typer.Option("--org", "--entity", help="Entity name or alias; a group includes its brands."),
    ] = None,
    powertrain: Annotated[str | None, typer.Option(help="BEV, PHEV, HEV, FCEV, xEV or all.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Period start on or after: 2023, 2023-Q2, 2023-04-01.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Period start on or before (inclusive): 2024, 2024-H1.")
    ] = None,
    market: Annotated[str | None, typer.Option(help="Country or region of the figure.")] = None,
    metric: Annotated[str | None, typer.Option(help="sales, production, registrations or orders.")] = None,
    status: Annotated[str | None, typer.Option(help="Partnership or plant status.")] = None,
    conflicted: Annotated[
        bool, typer.Option("--conflicted", help="Only facts that sources disagree on.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, help="Facts per page.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Facts to skip.")] = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List consolidated facts, newest period first, with how many sources state each.

    Example:

        evintel facts --type sales --org "BMW Group" --powertrain BEV --since 2023 --json
    """
    from evintel.query import FactFilter, list_facts

    flt = FactFilter(
        fact_type, org, powertrain, since, until, market, metric, status, True if conflicted else None
    )
    with _store(db) as store:
        page = list_facts(store, flt, limit=limit, offset=offset)
    if as_json:
        _print_json(page.to_dict())
        return
    _print_facts(page)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="Name, alias or id; case does not matter (vw, Mercedes).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show an entity's profile: parent, brands, partners, suppliers, customers, plants, plans, sales.

    Example:

        evintel entity "Nissan" --json
    """
    from evintel.query import entity_profile

    with _store(db) as store:
        profile = entity_profile(store, name)
    if as_json:
        _print_json(profile.to_dict())
        return
    _print_profile(profile)


@app.command()
def conflicts(
    kind: Annotated[str | None, typer.Option(help="figure, kb or status.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List where sources disagree (figures, partnership status) and claims that contradict the KB.

    Example:

        evintel conflicts --kind figure --json
    """
    from evintel.query import list_conflicts

    with _store(db) as store:
        found = list_conflicts(store, kind)
    if as_json:
        _print_json([c.to_dict() for c in found])
        return
    _print_conflicts(found)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, graphml or parquet.")],
    out: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    db: DbOption = None,
) -> None:
    """Export consolidated facts (csv, jsonl with sources, parquet) or the entity graph (graphml).

    Example:

        evintel export --format graphml -o graph.graphml
    """
    from evintel.query.export import export as export_store

    with _store(db) as store:
        count = export_store(store, fmt, out)
    typer.echo(f"wrote {count} records to {out}", err=True)


@app.command()
def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Count articles, facts by type, entities, sources and conflicts in the store.

    Example:

        evintel stats --db postgresql://postgres@127.0.0.1:5432/evintel --json
    """
    from evintel.query import stats as store_stats

    with _store(db) as store:
        result = store_stats(store)
    if as_json:
        _print_json(result.to_dict())
        return
    for name, value in result.to_dict().items():
        if isinstance(value, dict):
            details = ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
            typer.echo(f"{name:<20} {details}")
        else:
            typer.echo(f"{name:<20} {value}")


def _fields_text(fields: dict[str, Any]) -> str:
    return ", ".join(
        f"{k}={'/'.join(map(str, v)) if isinstance(v, list) else v}"
        for k, v in fields.items()
        if v not in (None, [])
    )


def _print_facts(page: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"{page.total} facts (showing {page.offset + 1 if page.items else 0}-{page.offset + len(page.items)})"
    )
    for column in ("id", "type", "fields", "sources", "last seen", "conflict"):
        table.add_column(column)
    for fact in page.items:
        table.add_row(
            fact.id,
            fact.type,
            _fields_text(fact.fields),
            str(fact.source_count),
            fact.last_seen.isoformat() if fact.last_seen else "",
            "yes" if fact.conflicted else "",
        )
    Console().print(table)


def _print_profile(profile: Any) -> None:
    entity = profile.entity
    typer.echo(f"{entity.name} ({entity.kind}{', KB' if entity.in_kb else ', discovered'}) id={entity.id}")
    if profile.aliases:
        typer.echo(f"  aliases: {', '.join(profile.aliases)}")
    if profile.country or profile.hq:
        typer.echo(f"  based in: {', '.join(x for x in (profile.hq, profile.country) if x)}")
    if profile.parents:
        typer.echo(f"  parent: {' > '.join(p.name for p in profile.parents)}")
    if profile.children:
        typer.echo(f"  brands/subsidiaries: {', '.join(c.name for c in profile.children)}")
    for section in (
        "partners",
        "suppliers",
        "customers",
        "ownership",
        "investments",
        "plants",
        "product_plans",
    ):
        items = getattr(profile, section)
        if not items:
            continue
        typer.echo(f"  {section.replace('_', ' ')}:")
        for item in items:
            who = ", ".join(c.name for c in item.counterparts)
            via = f" [via {item.via}]" if item.via else ""
            typer.echo(
                f"    - {who or '-'}: {_fields_text(item.fields)} ({item.source_count} sources){via} #{item.fact_id}"
            )
    if profile.sales:
        typer.echo("  sales timeline:")
        for row in profile.sales:
            quantity = f"{row.quantity:,.0f}" if row.quantity is not None else "?"
            typer.echo(
                f"    {row.period or '?':<16} {row.org:<24} {row.powertrain or '':<5} {quantity:>12} "
                f"{row.metric or ''} {row.market or 'world'}{' (conflict)' if row.conflicted else ''} #{row.fact_id}"
            )


def _print_conflicts(found: list[Any]) -> None:
    if not found:
        typer.echo("no conflicts")
        return
    for conflict in found:
        typer.echo(f"[{conflict.kind}] {conflict.summary or conflict.key}")
        for side in conflict.sides:
            if side.get("kb_record") is not None:
                typer.echo(f"    KB: {side.get('value')}")
                continue
            for source in side.get("sources") or []:
                evidence = (source.get("evidence") or {}).get("text", "")
                typer.echo(f"    {side.get('value')} — {source.get('article_id')}: {evidence}")
