"""The SQLAlchemy store: one implementation for SQLite and PostgreSQL, opened by URL."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError, SQLAlchemyError

from evintel.config import resolve_db_url
from evintel.errors import StoreConflict, StoreError
from evintel.resolve.kb import KnowledgeBase, load_kb, normalize_name
from evintel.store import migration, postgres, sqlite
from evintel.store.schema import entities, entity_names, meta


class SqlStore:
    """A knowledge store in a SQL database; see `evintel.store.base.Store`."""

    def __init__(self, engine: Engine, url: str, kb: KnowledgeBase) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name
        self.kb = kb

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries; database errors surface as StoreError."""
        with translate_errors(self.url), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back entirely on any error."""
        with translate_errors(self.url), self.engine.begin() as conn:
            yield conn

    def search_articles(self, conn: Connection, text: str, limit: int) -> list[int]:
        """Primary keys of the articles whose title or text match `text`, best first."""
        if self.dialect == "postgresql":
            return postgres.search_articles(conn, text, limit)
        return sqlite.search_articles(conn, text, limit)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"SqlStore({self.url!r})"


@contextmanager
def translate_errors(url: str) -> Iterator[None]:
    """Turn driver errors into one StoreError line a user can act on."""
    try:
        yield
    except StoreError:
        raise
    except SQLAlchemyError as error:
        if _is_conflict(error):
            raise StoreConflict(f"{url}: {_reason(error)}") from error
        raise StoreError(f"{url}: {_reason(error)}") from error


# PostgreSQL's serialization failure and deadlock; a unique violation means another writer got there first.
_RETRYABLE_PG_CODES = frozenset({"40001", "40P01", "23505"})


def _is_conflict(error: SQLAlchemyError) -> bool:
    """True when the failed transaction lost a race with another writer (safe to run again)."""
    original = getattr(error, "orig", None)
    if getattr(original, "sqlstate", None) in _RETRYABLE_PG_CODES:
        return True
    if isinstance(error, IntegrityError):
        return "unique" in str(original).lower()
    return isinstance(error, OperationalError) and "database is locked" in str(original).lower()


def _reason(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None) or error
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    lowered = first_line.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return "the database is read-only; give a writable path with --db or $EVINTEL_DB"
    if "unable to open database" in lowered:
        return "cannot open the database file (check the path and its permissions)"
    if "connection refused" in lowered or "could not connect" in lowered or "connection failed" in lowered:
        return f"cannot connect to the database server ({first_line})"
    return first_line


def open_store(url: str | None = None, *, create: bool = True, kb: KnowledgeBase | None = None) -> SqlStore:
    """Open (creating and migrating as needed) the store at `url`, $EVINTEL_DB or ./evintel.db."""
    raw = resolve_db_url(url)
    shown = _hide_password(raw)
    try:
        parsed = make_url(postgres.driver_url(raw))
    except ArgumentError as error:
        raise StoreError(
            f"{shown}: not a database URL; give a file path, sqlite:///PATH or postgresql://USER@HOST/DB"
        ) from error
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{shown}: unsupported database; use SQLite (a file path) or postgresql://...")
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_path(parsed.database, shown, create)
    try:
        engine = create_engine(parsed, pool_pre_ping=parsed.get_backend_name() == "postgresql")
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise StoreError(f"{shown}: cannot use this database URL ({error})") from error
    if engine.dialect.name == "sqlite":
        sqlite.configure(engine)
    store = SqlStore(engine, shown, kb or load_kb())
    try:
        _prepare(store)
    except Exception:
        engine.dispose()
        raise
    return store


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _check_sqlite_path(database: str | None, shown: str, create: bool) -> None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if path.is_dir():
        raise StoreError(f"{shown}: is a directory, not a database file")
    if not path.parent.exists():
        raise StoreError(f"{shown}: directory {path.parent} does not exist")
    if not path.exists() and not create:
        raise StoreError(
            f"{shown}: no knowledge store here yet; fill one with `evintel ingest FILES --db ...`"
        )


def _prepare(store: SqlStore) -> None:
    """Migrate to the newest schema and mirror the KB into the entities table, if either changed."""
    with store.read() as conn:
        current = migration.current_revision(conn)
        kb_hash = _kb_hash(store.kb)
        stored_hash = (
            conn.execute(select(meta.c.value).where(meta.c.key == "kb_hash")).scalar() if current else None
        )
    if current == migration.head_revision() and stored_hash == kb_hash:
        return
    with store.write() as conn:
        if current != migration.head_revision():
            migration.upgrade(conn)
        sync_kb(conn, store.kb)
        conn.execute(delete(meta).where(meta.c.key == "kb_hash"))
        conn.execute(insert(meta), dict(key="kb_hash", value=kb_hash))


def _kb_hash(kb: KnowledgeBase) -> str:
    records = [[e.id, e.name, e.kind, e.parent, e.stake_pct, e.country, e.hq, list(e.aliases)] for e in kb]
    return hashlib.sha256(json.dumps(records, sort_keys=True).encode()).hexdigest()


def sync_kb(conn: Connection, kb: KnowledgeBase) -> None:
    """Upsert every KB entity (with its lookup names) into the entities tables."""
    existing = {row.id: row.pk for row in conn.execute(select(entities.c.id, entities.c.pk))}
    # An entity dropped from the KB stays (facts may name it) but counts as discovered from now on.
    gone = [pk for entity_id, pk in existing.items() if kb.get(entity_id) is None]
    if gone:
        conn.execute(update(entities).where(entities.c.pk.in_(gone)).values(in_kb=False))
    for entity in kb:
        parent = kb.resolve(entity.parent) if entity.parent else None
        values = {
            "name": entity.name,
            "kind": entity.kind,
            "parent_id": parent.id if parent else None,
            "stake_pct": entity.stake_pct,
            "country": entity.country,
            "hq": entity.hq,
            "aliases": list(entity.aliases),
            "in_kb": True,
        }
        pk = existing.get(entity.id)
        if pk is None:
            pk = conn.execute(
                insert(entities).returning(entities.c.pk), {"id": entity.id, **values}
            ).scalar_one()
        else:
            conn.execute(update(entities).where(entities.c.pk == pk).values(**values))
            conn.execute(delete(entity_names).where(entity_names.c.entity_pk == pk))
        names: dict[str, str] = {}
        for name in (entity.name, *entity.aliases):
            names.setdefault(normalize_name(name), name)
        conn.execute(
            insert(entity_names),
            [{"entity_pk": pk, "norm_name": norm, "name": name} for norm, name in names.items() if norm],
        )
