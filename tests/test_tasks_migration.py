"""Migration 0003 upgrades a database at 0001 holding a plan with tasks and agencies, keeping every row."""

import sqlite3

import pytest
from schema_at import schema_at

from ptds_desktop.db import database
from ptds_desktop.db.database import open_database


@pytest.fixture
def db_at_0001(tmp_path):
    path = tmp_path / "old.db"
    schema_at(path, "0001")
    meta = "'off', 'off', 5, 0"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO organizations(id, name, kind, created_by, owner_office_id, hlc, deleted) "
            f"VALUES ('org', 'Công an tỉnh', 'police', {meta})"
        )
        conn.execute(
            "INSERT INTO plans(id, kind, title, created_by, owner_office_id, hlc, deleted) "
            f"VALUES ('plan', 'KH', 'Kế hoạch A', {meta})"
        )
        conn.execute(
            "INSERT INTO tasks(id, plan_id, sort_order, content, timeframe_kind, timeframe_text, "
            "created_by, owner_office_id, hlc, deleted) "
            f"VALUES ('task', 'plan', 0, 'Rà soát', 'quarter', 'Quý I năm 2025', {meta})"
        )
        conn.execute(
            "INSERT INTO task_agencies(id, task_id, organization_id, role, sort_order, "
            "created_by, owner_office_id, hlc, deleted) "
            f"VALUES ('ta', 'task', 'org', 'lead', 0, {meta})"
        )
    return path


def test_upgrade_keeps_agencies_and_adds_reference_columns(db_at_0001):
    db = open_database(db_at_0001)
    assert db.schema_revision() == database.head_revision()
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT task_id, organization_id, person_id, text, role, hlc FROM task_agencies WHERE id='ta'"
        ).one()
        assert tuple(row) == ("task", "org", None, None, "lead", 5)
        assert conn.exec_driver_sql("SELECT content, due_on FROM tasks").one() == ("Rà soát", None)
        assert conn.exec_driver_sql("SELECT title, matrix_roles, phase_labels FROM plans").one() == (
            "Kế hoạch A",
            None,
            None,
        )
    # Words as printed are now allowed; an agency naming nothing is not.
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO task_agencies(id, task_id, text, role, sort_order, created_by, owner_office_id) "
            "VALUES ('t2', 'task', 'Các địa phương', 'coordinating', 1, 'off', 'off')"
        )
    with db.engine.begin() as conn, pytest.raises(Exception, match="CHECK"):
        conn.exec_driver_sql(
            "INSERT INTO task_agencies(id, task_id, role, sort_order, created_by, owner_office_id) "
            "VALUES ('t3', 'task', 'coordinating', 2, 'off', 'off')"
        )
    db.close()
