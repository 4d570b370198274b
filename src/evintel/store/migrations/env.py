"""Alembic environment: runs on the connection handed over by `evintel.store.migration`, or on a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from evintel.store.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    # Developer use (`alembic -c src/evintel/store/migrations/alembic.ini revision --autogenerate`).
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///evintel.db")
    with engine.begin() as conn:
        _run(conn)
