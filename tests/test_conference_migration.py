"""Migration 0004_conferences upgrades a database at the released schema (0001) that already holds a conference."""

import sqlite3

from schema_at import schema_at

from ptds_desktop.db import database
from ptds_desktop.db.database import open_database

OFFICE = "00000000-0000-0000-0000-00000000000a"


def _database_at_0001(path):
    schema_at(path, "0001")
    meta = (OFFICE, OFFICE)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO organizations(id, name, kind, created_by, owner_office_id) "
                     "VALUES ('org', 'Bộ CHQS tỉnh', 'military', ?, ?)", meta)
        conn.execute("INSERT INTO conferences(id, title, format, starts_at, created_by, owner_office_id) "
                     "VALUES ('conf', 'Hội nghị sơ kết', 'hybrid', '2026-03-12 14:00:00.000000', ?, ?)", meta)
        conn.execute("INSERT INTO venues(id, conference_id, kind, name, sort_order, created_by, owner_office_id) "
                     "VALUES ('v1', 'conf', 'main', 'Hội trường tỉnh', 1, ?, ?)", meta)
        for n, status in enumerate(("pending", "confirmed", "declined", "attended")):
            conn.execute(
                "INSERT INTO invitees(id, conference_id, venue_id, organization_id, mode, status, sort_order, "
                "created_by, owner_office_id) VALUES (?, 'conf', 'v1', 'org', 'invited', ?, ?, ?, ?)",
                (f"i{n}", status, n, *meta))
        conn.execute("INSERT INTO presentations(id, conference_id, topic, max_minutes, received, sort_order, "
                     "created_by, owner_office_id) VALUES ('p', 'conf', 'Tham luận', 7, 1, 1, ?, ?)", meta)
        conn.execute("INSERT INTO preparation_duties(id, conference_id, content, sort_order, created_by, "
                     "owner_office_id) VALUES ('d', 'conf', 'Chuẩn bị hội trường', 1, ?, ?)", meta)


def test_released_database_with_a_conference_upgrades_and_keeps_every_row(db_path):
    _database_at_0001(db_path)
    db = open_database(db_path)
    assert db.schema_revision() == database.head_revision()
    with db.engine.connect() as conn:
        statuses = conn.exec_driver_sql("SELECT id, status FROM invitees ORDER BY id").all()
        venue = conn.exec_driver_sql(
            "SELECT name, chair_person_id, chair_organization_id, chair_text FROM venues").one()
        presentation = conn.exec_driver_sql("SELECT topic, received, received_on FROM presentations").one()
        duty = conn.exec_driver_sql("SELECT content, done FROM preparation_duties").one()
        broken_links = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
        milestones = conn.exec_driver_sql("SELECT count(*) FROM conference_milestones").scalar()
    db.close()
    # The reply nobody had given yet is now called "invited"; given replies stay as they were.
    assert statuses == [("i0", "invited"), ("i1", "confirmed"), ("i2", "declined"), ("i3", "attended")]
    assert venue == ("Hội trường tỉnh", None, None, None)
    assert presentation == ("Tham luận", 1, None)
    assert duty == ("Chuẩn bị hội trường", 0)
    assert broken_links == [] and milestones == 0


def test_the_old_pending_status_is_refused_after_the_upgrade(db_path):
    _database_at_0001(db_path)
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        try:
            conn.execute("UPDATE invitees SET status='pending' WHERE id='i1'")
        except sqlite3.IntegrityError as exc:
            assert "CHECK" in str(exc)
        else:
            raise AssertionError("status 'pending' was accepted")


def test_a_data_file_from_the_earlier_release_still_imports_its_unanswered_invitees(db, tmp_path):
    from ptds_desktop import datafile
    from ptds_desktop.services import conference_invitees as inv

    source = next(p for p in datafile.SAMPLES_DIR.glob("*.json") if "conference" in p.name)
    written_by_0001 = tmp_path / "old.json"
    written_by_0001.write_text(source.read_text(encoding="utf-8").replace('"status": "invited"', '"status": "pending"'),
                               encoding="utf-8")
    assert '"status": "pending"' in written_by_0001.read_text(encoding="utf-8")
    datafile.import_document(db, datafile.read_document(datafile.CATALOGUE_FILE))
    datafile.import_document(db, datafile.read_document(written_by_0001))
    with db.unit_of_work() as s:
        people = inv.list_invitees(s, "2af4b69c-1604-5608-8ad2-7a5f2ff3f6a0")
    assert len(people) == 24 and {p.status for p in people} == {"invited"}
