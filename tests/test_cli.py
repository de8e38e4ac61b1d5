import json
import sqlite3

from ptds_desktop import __version__
from ptds_desktop.db import database


def test_version(ptds):
    result = ptds("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_init_check_backup(ptds, tmp_path):
    db = tmp_path / "office.db"
    r = ptds("--db", db, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--level", "province")
    assert r.returncode == 0, r
    r = ptds("--db", db, "check")
    assert r.returncode == 0, r
    assert r.stdout.strip().endswith("ok")
    assert database.head_revision() in r.stdout
    report = json.loads(ptds("--db", db, "check", "--json").stdout)
    assert report["status"] == "ok" and report["office"] == "Bộ CHQS tỉnh Đắk Lắk"

    r = ptds("--db", db, "org", "add", "Ủy ban nhân dân tỉnh Đắk Lắk", "--short", "UBND tỉnh")
    assert r.returncode == 0, r
    r = ptds("--db", db, "backup", "-o", tmp_path / "copy.db")
    assert r.returncode == 0, r
    with sqlite3.connect(tmp_path / "copy.db") as conn:
        assert conn.execute("SELECT name FROM organizations").fetchall() == [("Ủy ban nhân dân tỉnh Đắk Lắk",)]


def test_db_from_environment(ptds, tmp_path):
    db = tmp_path / "env.db"
    r = ptds("init", "--office", "UBND xã Hòa Phú", "--level", "commune", env={"PTDS_DB": str(db)})
    assert r.returncode == 0, r
    assert db.exists()


def test_org_search_without_diacritics_as_json(ptds, tmp_path):
    db = tmp_path / "o.db"
    ptds("--db", db, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk").ok()
    ptds("--db", db, "org", "add", "Sở Nông nghiệp và Môi trường", "--kind", "department").ok()
    ptds("--db", db, "org", "add", "Công an tỉnh Đắk Lắk", "--kind", "police").ok()
    rows = json.loads(ptds("--db", db, "org", "list", "cong an dak lak", "--json").ok().stdout)
    assert [r["name"] for r in rows] == ["Công an tỉnh Đắk Lắk"]


def test_user_mistakes_give_a_message_not_a_traceback(ptds, tmp_path):
    db = tmp_path / "m.db"
    r = ptds("--db", db, "check")
    assert r.returncode == 2
    assert "ptds init" in r.stderr and "Traceback" not in r.stderr
    ptds("--db", db, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk").ok()
    r = ptds("--db", db, "org", "add", "  ")
    assert r.returncode == 2
    assert "không được để trống" in r.stderr and "Traceback" not in r.stderr
    r = ptds("--db", db, "init", "--office", "Khác")
    assert r.returncode == 2 and "đã được khởi tạo" in r.stderr


def test_newer_schema_refused_by_cli(ptds, tmp_path):
    db = tmp_path / "n.db"
    ptds("--db", db, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk").ok()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num='0042'")
        conn.execute("UPDATE local_settings SET value='2.3.0' WHERE key='app_version'")
    r = ptds("--db", db, "check")
    assert r.returncode == 2
    assert "2.3.0" in r.stderr and "cập nhật" in r.stderr
