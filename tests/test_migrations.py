"""Upgrading a database written by an earlier release: backed up first, data kept, schema at head.

There is one release schema so far (0001); the test adds a following revision in a copy of the
migrations folder, so the backup-then-migrate path is exercised exactly as a real upgrade runs it.
"""

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest

from ptds_desktop.config import backups_dir_for
from ptds_desktop.db import database
from ptds_desktop.db.database import open_database
from ptds_desktop.db.server import read_archive_rows
from ptds_desktop.services import organizations as orgs

NEXT_REVISION = textwrap.dedent(
    '''
    from alembic import op
    import sqlalchemy as sa

    revision = "0002_test"
    down_revision = "{head}"
    branch_labels = None
    depends_on = None


    def upgrade():
        with op.batch_alter_table("organizations") as batch:
            batch.add_column(sa.Column("website", sa.String(200), nullable=True))


    def downgrade():
        with op.batch_alter_table("organizations") as batch:
            batch.drop_column("website")
    '''
)


@pytest.fixture
def next_release_migrations(tmp_path, monkeypatch):
    folder = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = database.head_revision()
    (folder / "versions" / "0002_test.py").write_text(NEXT_REVISION.format(head=head), encoding="utf-8")
    monkeypatch.setattr(database, "MIGRATIONS", folder)
    return head


def _backup_holds(backup: Path) -> tuple[str, list[str]]:
    """(schema revision, organization names) inside a backup: a SQLite copy, or a server's pg_dump archive."""
    if backup.suffix == ".db":
        with sqlite3.connect(backup) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            return revision, [name for (name,) in conn.execute("SELECT name FROM organizations")]
    rows = read_archive_rows(backup, ["alembic_version", "organizations"])
    return rows["alembic_version"][0]["version_num"], [row["name"] for row in rows["organizations"]]


def test_previous_schema_with_data_is_backed_up_and_migrated(db, db_location, next_release_migrations):
    with db.unit_of_work() as s:
        org = orgs.create_organization(s, orgs.OrganizationInput("Sở Y tế tỉnh Đắk Lắk", kind="department"))
    db.close()

    upgraded = open_database(db_location)
    assert upgraded.schema_revision() == "0002_test"
    with upgraded.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT name, website FROM organizations WHERE id=?", (org.id,)).one()
    assert row == ("Sở Y tế tỉnh Đắk Lắk", None)
    upgraded.close()

    backups = list(backups_dir_for(db.path).glob("*before-migrate*"))
    assert len(backups) == 1
    assert _backup_holds(backups[0]) == (next_release_migrations, ["Sở Y tế tỉnh Đắk Lắk"])


def test_database_at_head_is_not_backed_up_again(db, db_location):
    db.close()
    open_database(db_location).close()
    assert not list(backups_dir_for(db.path).glob("*before-migrate*"))
