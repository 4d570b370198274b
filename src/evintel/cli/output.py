"""Shared CLI plumbing: stderr console, user-facing failures, output files."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NoReturn, TextIO

import typer
from rich.console import Console


@lru_cache(maxsize=1)
def error_console() -> Console:
    """A console on stderr for messages and progress."""
    return Console(stderr=True, soft_wrap=True)  # one message per line, however long the path


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a user-facing error (no traceback) and exit."""
    error_console().print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written through a temporary name so a failed run leaves no half file."""
    if path is None:
        yield sys.stdout
        return
    partial = path.with_name(path.name + ".partial")
    try:
        handle = partial.open("w", encoding="utf-8")
    except OSError as error:
        fail(f"{path}: cannot write ({error.strerror})")
    try:
        with handle:
            yield handle
        partial.replace(path)
    finally:
        if partial.exists():
            partial.unlink()
