import sqlalchemy as sa
from alembic import command

from evintel.store import migration
from evintel.store.schema import metadata


def test_migration_creates_every_table_of_the_schema(store):
    with store.read() as conn:
        tables = set(sa.inspect(conn).get_table_names())
    assert set(metadata.tables) <= tables


def test_migration_downgrade_then_upgrade_round_trips(store):
    with store.write() as conn:
        config = migration._config()
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
        assert not set(metadata.tables) & set(sa.inspect(conn).get_table_names())
        migration.upgrade(conn)
        assert migration.current_revision(conn) == migration.head_revision()
