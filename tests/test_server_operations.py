"""Running a province office on a PostgreSQL server: `ptds --db postgresql://…` set-up and check, the integrity
check on both engines, and backups of a server database (pg_dump archives) listed and restored."""

from __future__ import annotations

import sqlite3
import uuid

import psycopg
import pytest
from sqlalchemy import select

from ptds_desktop.db.backup import BEFORE_RESTORE, MANUAL, automatic_backup, list_backup_files
from ptds_desktop.db.capture import SEQ_KEY
from ptds_desktop.db.database import open_database
from ptds_desktop.db.incarnation import epoch_of
from ptds_desktop.db.integrity import integrity_problems
from ptds_desktop.db.restore import NotRestorableError, list_backups, restore_database_file
from ptds_desktop.models import Organization
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office


def _add_organization(db, name: str) -> str:
    with db.unit_of_work() as s:
        return orgs.create_organization(s, orgs.OrganizationInput(name, kind="department")).id


def _organization_names(db) -> set[str]:
    with db.unit_of_work() as s:
        return set(s.scalars(select(Organization.name).where(Organization.deleted == 0)))


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_an_office_is_set_up_and_checked_on_an_empty_server_database(ptds, pg_url):
    secret = pg_url.replace("ptds@", "ptds:mat-khau-bi-mat@")  # trust auth: the password is not needed, not shown
    made = ptds("--db", secret, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--place", "Đắk Lắk").ok()
    assert "Bộ CHQS tỉnh Đắk Lắk" in made.stdout and "postgresql://ptds@" in made.stdout
    checked = ptds("check", env={"PTDS_DB": secret}).ok()
    assert checked.stdout.strip().endswith("ok") and "Bộ CHQS tỉnh Đắk Lắk" in checked.stdout
    assert "mat-khau-bi-mat" not in made.stdout + made.stderr + checked.stdout + checked.stderr
    refused = ptds("--db", pg_url, "encrypt", env={"PTDS_PASSPHRASE": "x"})
    assert refused.returncode == 2 and "chỉ dùng cho tệp cơ sở dữ liệu SQLite" in refused.stderr


def test_an_unreachable_server_is_said_by_every_command(ptds):
    result = ptds("--db", "postgresql://ptds:bi-mat@127.0.0.1:9/ptds", "org", "list")
    assert result.returncode == 2 and "Không kết nối được máy chủ" in result.stderr
    assert "bi-mat" not in result.stderr and "Traceback" not in result.stderr


def test_a_sound_database_passes_the_integrity_check(db):
    _add_organization(db, "Phòng Tham mưu")
    assert integrity_problems(db) == []


@pytest.mark.sqlite_only
def test_a_reference_to_a_missing_row_is_found_in_a_file(db, db_path):
    db.close()
    with sqlite3.connect(db_path) as conn:  # SQLite lets a file hold it when foreign keys are off
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE offices SET parent_id = 'khong-co'")
    reopened = open_database(db_path)
    problems = integrity_problems(reopened)
    reopened.close()
    assert len(problems) == 1 and "offices" in problems[0] and "không có" in problems[0]


def test_a_foreign_key_left_not_validated_is_found_on_a_server(pg_head_url):
    db = open_database(pg_head_url)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    with psycopg.connect(_libpq(pg_head_url), autocommit=True) as conn:
        name, definition = conn.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid = 'offices'::regclass").fetchone()
        conn.execute(f"ALTER TABLE offices DROP CONSTRAINT {name}")
        conn.execute("UPDATE offices SET parent_id = 'khong-co'")
        conn.execute(f"ALTER TABLE offices ADD CONSTRAINT {name} {definition} NOT VALID")
    problems = integrity_problems(db)
    db.close()
    assert len(problems) == 1 and name in problems[0] and "NOT VALID" in problems[0]


@pytest.fixture
def server_office(pg_head_url):
    db = open_database(pg_head_url)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    yield db
    db.close()


def test_a_server_backup_restores_the_data_it_held(server_office, pg_head_url):
    db = server_office
    with psycopg.connect(_libpq(pg_head_url), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION amcheck")  # as the IT staff would: the restore leaves extensions alone
    _add_organization(db, "Phòng Tham mưu")
    dump = automatic_backup(db.path, MANUAL)
    assert dump.suffix == ".dump" and dump.read_bytes().startswith(b"PGDMP")
    _add_organization(db, "Phòng Chính trị")  # after the backup: gone once it is restored

    (listed,) = [b for b in list_backups(db.path) if b.path == str(dump)]
    assert listed.problem is None and listed.contents.office_name == "Bộ CHQS tỉnh Đắk Lắk"
    assert listed.contents.office_id == db.office_id()

    result = restore_database_file(db.path, dump, close_current=db.close)
    restored = open_database(pg_head_url)
    try:
        assert _organization_names(restored) >= {"Phòng Tham mưu"}
        assert "Phòng Chính trị" not in _organization_names(restored)
        # Changes made from now on are numbered in a new epoch, never reusing numbers peers already hold.
        with restored.engine.connect() as conn:
            seq = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key = ?", (SEQ_KEY,)).scalar()
        assert epoch_of(int(seq)) > 0
        _add_organization(restored, "Phòng Hậu cần")
        assert integrity_problems(restored) == []  # indexes checked by amcheck, keys validated, tables read
    finally:
        restored.close()
    # The database as it was just before is kept, and holds what the restore took away.
    (safety,) = [b for b in list_backup_files(db.path) if b.kind == BEFORE_RESTORE]
    assert result.safety_copy == str(safety.path)
    (kept,) = [b for b in list_backups(db.path) if b.path == str(safety.path)]
    assert kept.problem is None


def test_a_backup_of_another_office_is_refused_and_nothing_changes(server_office, pg_cluster, tmp_path):
    db = server_office
    _add_organization(db, "Phòng Tham mưu")
    other = open_database(pg_cluster.create_database("other_office_" + tmp_path.name[-8:].lower()))
    try:
        init_office(other, "Bộ CHQS tỉnh Khánh Hòa", "province")
        foreign = automatic_backup(other.path, MANUAL)
    finally:
        other.close()
    with pytest.raises(NotRestorableError, match="Khánh Hòa"):
        restore_database_file(db.path, foreign, close_current=db.close)
    assert "Phòng Tham mưu" in _organization_names(db)
    assert not [b for b in list_backup_files(db.path) if b.kind == BEFORE_RESTORE]


def test_a_sqlite_file_is_not_restored_into_a_server_database(server_office, tmp_path):
    db = server_office
    path = tmp_path / "office.db"
    init_office(open_database(path), "Bộ CHQS tỉnh Đắk Lắk", "province")
    with pytest.raises(NotRestorableError, match="ptds db copy"):
        restore_database_file(db.path, path)


def test_backups_of_a_server_database_from_the_command_line(ptds, pg_head_url, tmp_path):
    ptds("--db", pg_head_url, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk").ok()
    ptds("--db", pg_head_url, "org", "add", "Phòng Tham mưu", "--kind", "department").ok()
    target = tmp_path / "tinh.dump"
    ptds("--db", pg_head_url, "backup", "-o", target).ok()
    assert target.read_bytes().startswith(b"PGDMP")
    ptds("--db", pg_head_url, "org", "add", "Phòng Chính trị", "--kind", "department").ok()
    restored = ptds("--db", pg_head_url, "restore", target).ok()
    assert "Đã khôi phục postgresql://ptds@" in restored.stdout
    names = ptds("--db", pg_head_url, "org", "list").ok().stdout
    assert "Phòng Tham mưu" in names and "Phòng Chính trị" not in names
    listed = ptds("--db", pg_head_url, "backups").ok().stdout
    assert "Trước khi khôi phục" in listed and ".dump" in listed


def test_an_office_owned_by_its_own_role_as_the_readme_sets_it_up(ptds, pg_cluster, tmp_path):
    """Not the server's superuser: a login role owning its database, the extensions installed by the IT staff.
    Backups restore without touching those extensions (dropping one takes its owner)."""
    name = "tinh_" + uuid.uuid4().hex[:8]
    admin = pg_cluster.admin()
    admin.execute(f"CREATE ROLE {name} LOGIN")
    admin.execute(f"CREATE DATABASE {name} OWNER {name}")
    try:
        with psycopg.connect(pg_cluster.dsn(name), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION unaccent")
            conn.execute("CREATE EXTENSION amcheck")
            conn.execute(f"GRANT EXECUTE ON FUNCTION bt_index_check(regclass) TO {name}")
        url = f"postgresql://{name}@127.0.0.1:{pg_cluster.port}/{name}"
        ptds("--db", url, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk").ok()
        ptds("--db", url, "org", "add", "Phòng Tham mưu", "--kind", "department").ok()
        assert ptds("--db", url, "check").ok().stdout.strip().endswith("ok")
        ptds("--db", url, "backup", "-o", tmp_path / "tinh.dump").ok()
        ptds("--db", url, "org", "add", "Phòng Chính trị", "--kind", "department").ok()
        ptds("--db", url, "restore", tmp_path / "tinh.dump").ok()
        names = ptds("--db", url, "org", "list").ok().stdout
        assert "Phòng Tham mưu" in names and "Phòng Chính trị" not in names
        assert ptds("--db", url, "check").ok().stdout.strip().endswith("ok")
    finally:
        pg_cluster.drop_database(name)
        admin.execute(f"DROP ROLE {name}")
