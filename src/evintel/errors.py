"""One exception tree for evintel, with messages a user can act on."""

from __future__ import annotations


class EvintelError(Exception):
    """Base of every error evintel raises on purpose."""


class ConfigError(EvintelError):
    """A setting (database URL, option) is wrong."""


class IngestError(EvintelError):
    """An input item could not be read; `item` names it (file, file:line, URL)."""

    def __init__(self, item: str, message: str) -> None:
        super().__init__(f"{item}: {message}")
        self.item = item
        self.reason = message


class ExtractError(EvintelError):
    """Extraction failed for one article."""


class KBError(EvintelError):
    """The reference knowledge base is missing or invalid."""


class StoreError(EvintelError):
    """The knowledge store could not be opened, read or written."""


class StoreConflict(StoreError):
    """A concurrent writer stored the same rows first, or the database chose this transaction to abort; the
    transaction was rolled back entirely and can be run again."""


class NotFoundError(StoreError):
    """A requested article, entity or fact does not exist."""
