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
from rich.text import Text


@lru_cache(maxsize=1)
def error_console() -> Console:
    """A console on stderr for messages and progress."""
    return Console(stderr=True, soft_wrap=True)  # one message per line, however long the path


def report_error(message: str) -> None:
    """Print one user-facing error line on stderr; the message is shown as written (no markup)."""
    error_console().print(Text("error: ", style="red") + Text(message))


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a user-facing error (no traceback) and exit."""
    report_error(message)
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
