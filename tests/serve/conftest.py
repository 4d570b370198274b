"""Serve fixtures: the hand-written corpus ingested into each back-end, and test clients over it."""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x prefers httpx2 for its test client; the httpx the project pins works the same.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from conftest import BACKENDS, PG_URL, require_postgres  # the shared tests/conftest.py
from evintel.resolve.kb import KnowledgeBase, read_kb_files
from evintel.serve.app import create_app
from evintel.store import ingest_articles, open_store

from . import corpus

WRITE_TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def serve_kb() -> KnowledgeBase:
    """The small KB of tests/serve/kb.yaml."""
    return read_kb_files([Path(__file__).with_name("kb.yaml")])


@pytest.fixture
def filled_store(store_url: str, serve_kb: KnowledgeBase) -> Iterator[Any]:
    """A store on each back-end (the shared `store_url` fixture) holding the corpus and its facts."""
    opened = open_store(store_url, kb=serve_kb)
    report = ingest_articles(opened, corpus.articles(), extract=corpus.extract)
    assert not report.errors, report.errors
    yield opened
    opened.close()


@pytest.fixture(scope="module", params=BACKENDS)
def shared_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, serve_kb: KnowledgeBase
) -> Iterator[Any]:
    """The corpus store shared by a module's read-only tests (one per back-end, to keep the suite fast)."""
    cleanup = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('serve') / 'store.db'}"
    else:
        url, cleanup = _pg_schema()
    opened = open_store(url, kb=serve_kb)
    report = ingest_articles(opened, corpus.articles(), extract=corpus.extract)
    assert not report.errors, report.errors
    yield opened
    opened.close()
    if cleanup:
        cleanup()


def _pg_schema() -> tuple[str, Any]:
    import sqlalchemy as sa

    require_postgres()
    schema = f"t_serve_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()

    return f"{PG_URL}?options=-csearch_path%3D{schema}", drop


@pytest.fixture(scope="module")
def client(shared_store: Any) -> Iterator[TestClient]:
    """A client of a read-only app (no write token) over the shared corpus store."""
    with TestClient(create_app(store=shared_store), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def guarded_client(shared_store: Any) -> Iterator[TestClient]:
    """A client of an app started with a write token, for requests that must be refused (nothing changes)."""
    app = create_app(store=shared_store, write_token=WRITE_TOKEN)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def write_client(filled_store: Any) -> Iterator[TestClient]:
    """A client of an app started with a write token, over a fresh store of its own."""
    app = create_app(store=filled_store, write_token=WRITE_TOKEN)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
