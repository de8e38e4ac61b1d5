"""Automatic rotating backups, what each holds, and `ptds restore` refusing anything but a PTDS database."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from ptds_desktop import datafile
from ptds_desktop.config import Settings, backups_dir_for
from ptds_desktop.db.backup import (
    BEFORE_IMPORT,
    DAILY,
    automatic_backup,
    backup_to,
    daily_backup,
    list_backup_files,
)
from ptds_desktop.db.database import open_database
from ptds_desktop.db.restore import (
    NotRestorableError,
    list_backups,
    restore_database_file,
)
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office


def _add_org(db, name: str) -> str:
    with db.unit_of_work() as s:
        return orgs.create_organization(s, orgs.OrganizationInput(name, kind="department")).id


def _org_names(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM organizations WHERE deleted = 0"))


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
def test_first_open_of_the_day_backs_up_once(db, db_path):
    db.close()
    open_database(db_path).close()
    open_database(db_path).close()
    daily = [b for b in list_backup_files(db_path) if b.kind == DAILY]
    assert len(daily) == 1
    assert daily[0].taken_at.date() == dt.date.today()
    # The next day's first open makes a new one.
    assert daily_backup(db_path, today=dt.date.today() + dt.timedelta(days=1)) is not None


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
def test_a_daily_copy_that_cannot_be_written_does_not_stop_the_open(db, db_path):
    db.close()
    backups_dir_for(db_path).write_text("a file where the backups folder should be")
    reopened = open_database(db_path)  # opens; the copy is logged as not written
    reopened.close()
    assert backups_dir_for(db_path).is_file()
    assert not list(db_path.parent.glob("*.part"))


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
def test_rotation_keeps_the_configured_number_per_kind(db, db_path):
    settings = Settings.load()
    settings.backups_keep = 3
    settings.save()
    daily = automatic_backup(db_path, DAILY)
    made = [automatic_backup(db_path, BEFORE_IMPORT) for _ in range(5)]
    kept = list_backup_files(db_path)
    assert [b.path for b in kept if b.kind == BEFORE_IMPORT] == list(reversed(made[-3:]))
    assert daily in [b.path for b in kept]  # imports never push the daily copy out
    assert not made[0].exists()


def test_settings_keep_their_types(tmp_path):
    Settings.path().parent.mkdir(parents=True, exist_ok=True)
    Settings.path().write_text(json.dumps({"backups_keep": 4, "language": "en"}), encoding="utf-8")
    assert Settings.load().backups_keep == 4
    Settings.path().write_text(json.dumps({"backups_keep": "many", "language": 3}), encoding="utf-8")
    loaded = Settings.load()
    assert (loaded.backups_keep, loaded.language) == (10, "vi")


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
def test_data_import_backs_up_first(db, db_path, tmp_path):
    _add_org(db, "Sở Y tế tỉnh Đắk Lắk")
    export = tmp_path / "export.json"
    datafile.export_file(db, export)
    datafile.import_document(db, datafile.read_document(export))
    copies = [b for b in list_backup_files(db_path) if b.kind == BEFORE_IMPORT]
    assert len(copies) == 1
    assert _org_names(copies[0].path) == ["Sở Y tế tỉnh Đắk Lắk"]


def test_listing_shows_what_each_copy_holds(ptds, tmp_path):
    db = tmp_path / "demo.db"
    assert ptds("--db", db, "demo").returncode == 0
    assert ptds("--db", db, "backup", "-o", tmp_path / "x.db").returncode == 0  # second open: daily copy
    (backups_dir_for(db) / "demo-manual-20260101-080000-000000.db").write_text("not a database")
    infos = list_backups(db)
    assert [i.kind for i in infos] == [DAILY, "manual"]
    contents = infos[0].contents
    assert (contents.boards, contents.plans) == (1, 2)
    assert contents.members > 0 and contents.tasks > 0
    assert infos[0].size == (backups_dir_for(db) / infos[0].path.split("/")[-1]).stat().st_size
    assert infos[1].contents is None and "không phải cơ sở dữ liệu SQLite" in infos[1].problem
    r = ptds("--db", db, "backups")
    assert r.returncode == 0 and "Hằng ngày" in r.stdout and "1 ban" in r.stdout and "KHÔNG DÙNG ĐƯỢC" in r.stdout


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
def test_cli_restore_brings_back_the_copy_and_keeps_the_current(ptds, db, db_path, tmp_path):
    _add_org(db, "Sở Y tế tỉnh Đắk Lắk")
    copy = backup_to(db_path, tmp_path / "copy.db")
    _add_org(db, "Sở Tài chính tỉnh Đắk Lắk")
    db.close()
    r = ptds("--db", db_path, "restore", copy)
    assert r.returncode == 0, r
    assert _org_names(db_path) == ["Sở Y tế tỉnh Đắk Lắk"]
    safety = [b for b in list_backup_files(db_path) if b.kind == "before-restore"]
    assert len(safety) == 1 and _org_names(safety[0].path) == ["Sở Tài chính tỉnh Đắk Lắk", "Sở Y tế tỉnh Đắk Lắk"]
    assert str(safety[0].path) in r.stdout
    assert ptds("--db", db_path, "check").returncode == 0


def _text_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    return path


def _not_ptds(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes(text)")
    return path


def _newer(tmp_path, db_path):
    path = backup_to(db_path, tmp_path / "newer.db")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    return path


def _corrupt(tmp_path, db_path):
    path = backup_to(db_path, tmp_path / "corrupt.db")
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            ("ix_organizations_owner_office_id",)).fetchone()[0]
    with open(path, "r+b") as handle:  # an index page of an invalid type: readable header, broken b-tree
        handle.seek((root - 1) * page_size)
        handle.write(b"\x00" * 8)
    return path


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
@pytest.mark.parametrize("make, reason", [
    (lambda tmp, db: tmp / "missing.db", "Không tìm thấy tệp"),
    (lambda tmp, db: _text_file(tmp), "không phải cơ sở dữ liệu SQLite"),
    (lambda tmp, db: _not_ptds(tmp), "không có bảng alembic_version"),
    (lambda tmp, db: _newer(tmp, db), "phiên bản PTDS Desktop mới hơn"),
    (lambda tmp, db: _corrupt(tmp, db), "kiểm tra toàn vẹn không đạt"),
], ids=["missing", "not-sqlite", "not-ptds", "newer-schema", "corrupt"])
def test_restore_refuses_what_is_not_a_ptds_database(ptds, db, db_path, tmp_path, make, reason):
    _add_org(db, "Sở Y tế tỉnh Đắk Lắk")
    db.close()
    before = db_path.read_bytes()
    bad = make(tmp_path, db_path)
    r = ptds("--db", db_path, "restore", bad)
    assert r.returncode == 2
    assert reason in r.stderr, r
    assert "Traceback" not in r.stderr
    assert db_path.read_bytes() == before
    assert not [b for b in list_backup_files(db_path) if b.kind == "before-restore"]


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
def test_restore_refuses_another_offices_database(db, db_path, tmp_path):
    other = open_database(tmp_path / "other.db")
    init_office(other, "UBND xã Ea Kao", "commune")
    other.close()
    db.close()
    with pytest.raises(NotRestorableError, match="UBND xã Ea Kao"):
        restore_database_file(db_path, tmp_path / "other.db")
