"""Shared fixtures: a `store` parametrized over SQLite (a temporary file) and PostgreSQL (a schema per test).

PostgreSQL is the server at 127.0.0.1:5432, database `test` (override with $EVINTEL_TEST_PG). When it is
unreachable, PostgreSQL tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import pytest

PG_URL = os.environ.get("EVINTEL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@lru_cache(maxsize=1)
def _postgres_problem() -> str | None:
    try:
        import sqlalchemy as sa

        engine = sa.create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        engine.dispose()
    except Exception as error:  # any failure means: no usable server
        return f"PostgreSQL at {PG_URL} is unreachable ({type(error).__name__}: {str(error).splitlines()[0]})"
    return None


def require_postgres() -> None:
    """Skip (or fail under CI=true) when the PostgreSQL test server is unreachable."""
    problem = _postgres_problem()
    if problem:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(problem)
        pytest.skip(problem)


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A store URL pointing at a fresh PostgreSQL schema, dropped afterwards."""
    require_postgres()
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A store URL pointing at a fresh PostgreSQL schema, dropped after the test."""
    with postgres_schema() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """The URL of an empty store on each back-end."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def store(store_url: str) -> Iterator[object]:
    """An open, migrated, empty store on each back-end, with the small test KB of tests/store/kb.yaml."""
    from evintel.store import open_store
    from storekit import small_kb

    opened = open_store(store_url, kb=small_kb())
    yield opened
    opened.close()
