"""The `evintel` command: a thin typer layer over the library; each command lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="evintel",
    help="Turn automotive and EV industry news into a source-grounded knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Each module registers its commands on `app`; imports stay light (heavy work is imported inside commands).
    from evintel.cli import (
        extract_cmd,  # noqa: F401
        serve_cmd,  # noqa: F401
        store_cmd,  # noqa: F401
    )


_register()
