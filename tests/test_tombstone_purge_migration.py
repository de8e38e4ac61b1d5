"""Migration 0008_tombstone_purge upgrades a database at 0006 that holds synced rows, a tombstone and stored
segments: they are kept, segments stored before it have no arrival time, and nothing is purged yet."""

import sqlite3

from schema_at import schema_at

from ptds_desktop.db import database
from ptds_desktop.db.database import open_database

OFFICE = "00000000-0000-0000-0000-00000000000a"
PEER = "00000000-0000-0000-0000-00000000000b"


def test_database_at_0006_with_data_upgrades_and_keeps_its_log(db_path):
    schema_at(db_path, "0006_key_certificates")
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO offices(id, name, level, created_by, owner_office_id) "
                     "VALUES (?, 'Bộ CHQS tỉnh', 'province', ?, ?)", (OFFICE, OFFICE, OFFICE))
        conn.execute("INSERT INTO organizations(id, name, kind, created_by, owner_office_id, deleted) "
                     "VALUES ('org', 'Sở Y tế', 'department', ?, ?, 1)", (OFFICE, OFFICE))
        conn.execute("INSERT INTO sync_segments(origin, first_seq, last_seq, body, signature, attachments) "
                     "VALUES (?, 1, 2, X'5B5D0A5B5D', 'sig', '[]')", (PEER,))
    db = open_database(db_path)
    assert db.schema_revision() == database.head_revision()
    with db.engine.connect() as conn:
        tombstone = conn.exec_driver_sql("SELECT name, deleted FROM organizations").one()
        segment = conn.exec_driver_sql("SELECT origin, last_seq, received_ms FROM sync_segments").one()
        purged = conn.exec_driver_sql("SELECT count(*) FROM sync_purged").scalar_one()
    db.close()
    assert tuple(tombstone) == ("Sở Y tế", 1)
    assert tuple(segment) == (PEER, 2, None)
    assert purged == 0
