import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ptds_desktop.db.database import open_database
from ptds_desktop.errors import SchemaTooNewError
from ptds_desktop.models import Base
from ptds_desktop.models.base import vocabulary_of


def test_migrated_schema_matches_the_models(tmp_path):
    db = open_database(tmp_path / "empty.db")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    db.close()
    assert diff == []


def test_pragmas_are_set(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_foreign_keys_and_checks_are_enforced_by_the_database(db):
    office = db.office_id()
    with db.engine.begin() as conn, pytest.raises(Exception, match="FOREIGN KEY"):
        conn.exec_driver_sql(
            "INSERT INTO people(id, full_name, organization_id, created_by, owner_office_id) "
            "VALUES ('p','A','nope',?,?)",
            (office, office),
        )
    with db.engine.begin() as conn, pytest.raises(Exception, match="CHECK"):
        conn.exec_driver_sql(
            "INSERT INTO organizations(id, name, kind, created_by, owner_office_id) VALUES ('o','X','bogus',?,?)",
            (office, office),
        )


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


def test_every_vocabulary_is_what_the_migrated_database_enforces(db):
    """A code added to a vocabulary needs a migration: the database would refuse it otherwise."""
    with db.engine.connect() as conn:
        ddl = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='table'").fetchall())
    checked = 0
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            vocabulary = vocabulary_of(column)
            if vocabulary is not None:
                assert vocabulary.check_sql(column.name) in ddl[table.name], (table.name, column.name)
                checked += 1
    assert checked >= 12  # every coded column of the schema
