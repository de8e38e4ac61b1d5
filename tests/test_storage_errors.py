"""A database on a read-only or full disk: a clear Vietnamese message from the CLI and the services, no traceback,
nothing half written."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from ptds_desktop.cli import main as cli_main
from ptds_desktop.db import engine as engine_module
from ptds_desktop.db.database import open_database
from ptds_desktop.db.storage_errors import DiskFullError
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office

NOBODY = 65534


def as_unprivileged() -> list[str]:
    """Root ignores file modes: run the command as `nobody` so the chmod applies as it does for a user."""
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if os.geteuid() == 0 else []


@pytest.fixture
def shared_folder():
    """A folder another account can enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="ptds-shared-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def _made_read_only(folder: Path) -> Path:
    db = open_database(folder / "ptds.db")
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    db.close()
    os.chmod(folder / "ptds.db", 0o444)
    os.chmod(folder, 0o555)
    return folder / "ptds.db"


def test_cli_on_a_read_only_folder_says_so(shared_folder):
    path = _made_read_only(shared_folder)
    before = path.read_bytes()
    try:
        proc = subprocess.run([*as_unprivileged(), sys.executable, "-m", "ptds_desktop", "--db", str(path), "check"],
                              capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
                              cwd=Path(__file__).resolve().parent.parent)
    finally:
        os.chmod(shared_folder, 0o755)
    assert proc.returncode == 2, proc.stderr
    assert "chỉ cho đọc" in proc.stderr and str(path) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert path.read_bytes() == before


def _limit_pages(monkeypatch, pages: int) -> None:
    """Simulate a full disk: SQLite may not grow the file beyond `pages` pages (SQLITE_FULL, as on a full disk)."""
    original = engine_module._on_connect

    def on_connect(dbapi_conn, record) -> None:
        original(dbapi_conn, record)
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(engine_module, "_on_connect", on_connect)


def _page_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA page_count").fetchone()[0]


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
def test_a_write_on_a_full_disk_is_refused_whole_with_a_message(db, db_path, monkeypatch):
    db.close()
    _limit_pages(monkeypatch, _page_count(db_path))
    full = open_database(db_path)
    try:
        with pytest.raises(DiskFullError, match="đã đầy"), full.unit_of_work() as session:
            for i in range(300):
                orgs.create_organization(session, orgs.OrganizationInput(f"Cơ quan số {i} " + "x" * 200))
        with full.unit_of_work() as session:
            assert orgs.list_organizations(session) == []
    finally:
        full.close()


@pytest.mark.sqlite_only  # the SQLite file's own copies and disk
def test_cli_import_on_a_full_disk_explains_and_changes_nothing(db, db_path, tmp_path, monkeypatch, capsys):
    db.close()
    header = json.loads((Path(__file__).resolve().parent.parent / "data" / "organizations.json").read_text("utf-8"))
    header["tables"] = {"organizations": [{"id": str(uuid.uuid4()), "name": f"Cơ quan số {i}", "kind": "other"}
                                          for i in range(2000)]}
    data = tmp_path / "big.json"
    data.write_text(json.dumps(header, ensure_ascii=False), encoding="utf-8")
    _limit_pages(monkeypatch, _page_count(db_path))
    assert cli_main(["--db", str(db_path), "data", "import", str(data)]) == 2
    err = capsys.readouterr().err
    assert "đã đầy" in err and "Traceback" not in err
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM organizations").fetchone()[0] == 0
