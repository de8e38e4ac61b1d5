import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from ptds_desktop.db.database import open_database
from ptds_desktop.errors import SchemaTooNewError
from ptds_desktop.models import Base
from ptds_desktop.models.base import vocabulary_of


def test_migrated_schema_matches_the_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    # PostgreSQL's indexes on ptds_fold(name) (migration 0010) stand for SQLite's function called per row.
    assert [d for d in diff if not (d[0] == "remove_index" and d[1].name.endswith("_folded"))] == []


@pytest.mark.sqlite_only  # SQLite's own settings
def test_pragmas_are_set(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_foreign_keys_and_checks_are_enforced_by_the_database(db):
    office = db.office_id()
    with db.engine.begin() as conn, pytest.raises(Exception, match="(?i)FOREIGN KEY"):
        conn.exec_driver_sql(
            "INSERT INTO people(id, full_name, organization_id, created_by, owner_office_id) "
            "VALUES ('p','A','nope',?,?)",
            (office, office),
        )
    with db.engine.begin() as conn, pytest.raises(Exception, match="(?i)CHECK"):
        conn.exec_driver_sql(
            "INSERT INTO organizations(id, name, kind, created_by, owner_office_id) VALUES ('o','X','bogus',?,?)",
            (office, office),
        )


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only  # the server's case: test_newer_schema_on_a_server_is_refused_and_left_untouched
def test_newer_schema_is_refused_and_the_file_left_untouched(db_path, db):
    db.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("UPDATE alembic_version SET version_num='9999_future'")
        conn.execute("UPDATE local_settings SET value='9.0.0' WHERE key='app_version'")
    before = _sha(db_path)
    siblings = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(SchemaTooNewError, match="9.0.0"):
        open_database(db_path)
    assert _sha(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == siblings


def test_newer_schema_on_a_server_is_refused_and_left_untouched(pg_head_url):
    db = open_database(pg_head_url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='9999_future'")
        conn.exec_driver_sql("UPDATE local_settings SET value='9.0.0' WHERE key='app_version'")
    db.close()
    with pytest.raises(SchemaTooNewError, match="9.0.0"):
        open_database(pg_head_url)
    engine = create_engine(pg_head_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9999_future"
        assert conn.exec_driver_sql("SELECT value FROM local_settings WHERE key='app_version'").scalar() == "9.0.0"
    engine.dispose()


def _check_constraints(conn) -> dict[str, str]:
    """Each table's CHECK constraints as the database holds them."""
    if conn.dialect.name == "sqlite":
        return dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='table'").fetchall())
    found: dict[str, str] = {}
    for table, definition in conn.exec_driver_sql(
            "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype='c'"):
        found[table] = found.get(table, "") + definition
    return found


def test_every_vocabulary_is_what_the_migrated_database_enforces(db):
    """A code added to a vocabulary needs a migration: the database would refuse it otherwise."""
    with db.engine.connect() as conn:
        checks = _check_constraints(conn)
    checked = 0
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            vocabulary = vocabulary_of(column)
            if vocabulary is not None:
                if db.url is None:
                    assert vocabulary.check_sql(column.name) in checks[table.name], (table.name, column.name)
                else:  # PostgreSQL writes the list back in its own words: each code is there, quoted
                    assert all(f"'{code}'" in checks[table.name] for code in vocabulary), (table.name,
                                                                                                  column.name)
                checked += 1
    assert checked >= 12  # every coded column of the schema
