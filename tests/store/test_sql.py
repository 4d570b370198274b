import pytest
import sqlalchemy as sa

from evintel.errors import StoreError
from evintel.store import migration, open_store
from evintel.store.schema import entities, entity_names
from storekit import small_kb


def test_open_store_migrates_to_head(store):
    with store.read() as conn:
        assert migration.current_revision(conn) == migration.head_revision()
        tables = set(sa.inspect(conn).get_table_names())
    assert {"articles", "entities", "facts", "fact_sources", "consolidated_facts", "conflicts"} <= tables


def test_open_store_mirrors_every_kb_entity(store):
    kb = small_kb()
    with store.read() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(entities))}
        alias = conn.execute(
            sa.select(entities.c.id).join(entity_names).where(entity_names.c.norm_name == "vw group")
        ).scalar()
    assert {e.id for e in kb} == set(rows)
    assert all(r.in_kb for r in rows.values())
    assert rows["mini"].parent_id == "bmw-group"
    assert alias == "volkswagen-group"


def test_open_store_twice_keeps_one_copy_of_the_kb(store_url):
    for _ in range(2):
        opened = open_store(store_url, kb=small_kb())
        with opened.read() as conn:
            count = conn.execute(sa.select(sa.func.count()).select_from(entities)).scalar()
        opened.close()
    assert count == len(small_kb())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////nonexistent-dir/sub/evintel.db", "directory /nonexistent-dir/sub does not exist"),
        ("mysql://user@localhost/db", "unsupported database"),
        ("postgresql://postgres@127.0.0.1:1/test", "cannot connect"),
        ("not a url://", "not a database URL"),
    ],
)
def test_open_store_bad_target_raises_one_clear_store_error(url, expected):
    with pytest.raises(StoreError) as caught:
        open_store(url, kb=small_kb())
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_open_store_missing_file_without_create_names_ingest(tmp_path):
    with pytest.raises(StoreError, match="evintel ingest"):
        open_store(str(tmp_path / "none.db"), create=False, kb=small_kb())
    assert not (tmp_path / "none.db").exists()


def test_open_store_read_only_database_refuses_writes(tmp_path):
    path = tmp_path / "ro.db"
    open_store(str(path), kb=small_kb()).close()
    read_only = open_store(f"sqlite:///file:{path}?mode=ro&uri=true", kb=small_kb())
    with pytest.raises(StoreError, match="read-only"), read_only.write() as conn:
        conn.execute(sa.delete(entity_names))
    read_only.close()
