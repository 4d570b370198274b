"""`evintel serve`: the web UI and JSON API over a knowledge store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from evintel.cli.main import app


@app.command()
def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Store URL or SQLite path (default: $EVINTEL_DB, then ./evintel.db).",
            show_default=False,
        ),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    write_token: Annotated[
        str | None,
        typer.Option(
            "--write-token",
            envvar="EVINTEL_WRITE_TOKEN",
            help="Allow POST /api/articles for clients sending this token.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the web UI and the JSON API (read-only unless a write token is given).

    Pages: / (search), /entity/ID, /fact/ID, /conflicts, /article/ID; JSON under /api; API docs at /docs.

    Example:

        evintel serve --db evintel.db --port 8000
        EVINTEL_WRITE_TOKEN=s3cret evintel serve --host 0.0.0.0
    """
    import uvicorn

    from evintel.errors import EvintelError
    from evintel.serve.app import create_app
    from evintel.store import open_store

    try:
        # Without a write token nothing can fill the store, so a missing database is an error, not a new file.
        store = open_store(db, create=bool(write_token))
    except EvintelError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    web = create_app(write_token=write_token, store=store)
    mode = "read-write (POST /api/articles needs the token)" if write_token else "read-only"
    typer.echo(f"evintel serving {store.url} on http://{host}:{port}/ ({mode})", err=True)
    try:
        uvicorn.run(web, host=host, port=port, log_level=os.environ.get("EVINTEL_LOG_LEVEL", "info"))
    except OSError as error:
        typer.echo(f"error: cannot listen on {host}:{port} ({error.strerror or error})", err=True)
        raise typer.Exit(1) from None
    finally:
        store.close()
