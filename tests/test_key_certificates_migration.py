"""Migration 0006_key_certificates upgrades a database at 0004 that already holds synced data and trusted keys."""

import sqlite3

from schema_at import schema_at

from ptds_desktop.db import database
from ptds_desktop.db.database import open_database

OFFICE = "00000000-0000-0000-0000-00000000000a"
PEER = "00000000-0000-0000-0000-00000000000b"


def test_database_at_0004_with_data_upgrades_and_keeps_its_keys(db_path):
    schema_at(db_path, "0004_conferences")
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO offices(id, name, level, created_by, owner_office_id) "
                     "VALUES (?, 'Bộ CHQS tỉnh', 'province', ?, ?)", (OFFICE, OFFICE, OFFICE))
        conn.execute("INSERT INTO organizations(id, name, kind, created_by, owner_office_id) "
                     "VALUES ('org', 'Sở Y tế', 'department', ?, ?)", (OFFICE, OFFICE))
        conn.execute("INSERT INTO sync_keys(office_id, public_key, source, name) "
                     "VALUES (?, 'AAAA', 'confirmed', 'UBND xã 1')", (PEER,))
    db = open_database(db_path)
    assert db.schema_revision() == database.head_revision()
    with db.engine.connect() as conn:
        org = conn.exec_driver_sql("SELECT name FROM organizations").scalar_one()
        trusted = conn.exec_driver_sql("SELECT office_id, source FROM sync_keys").all()
        certificates = conn.exec_driver_sql("SELECT count(*) FROM sync_key_certificates").scalar_one()
        held = conn.exec_driver_sql("SELECT count(*) FROM sync_held_segments").scalar_one()
        held += conn.exec_driver_sql("SELECT count(*) FROM sync_refused_elsewhere").scalar_one()
    db.close()
    assert org == "Sở Y tế" and trusted == [(PEER, "confirmed")]
    assert certificates == 0 and held == 0
