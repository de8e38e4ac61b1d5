"""Crash safety: the SIGKILL harness (tools/crash_harness.py) in its short form, and its checks catching damage.

The long run is `python tools/crash_harness.py --kills 100` (README, "Crash safety").
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("crash_harness", ROOT / "tools" / "crash_harness.py")
harness = importlib.util.module_from_spec(_spec)
sys.modules["crash_harness"] = harness  # dataclasses look their module up there
_spec.loader.exec_module(harness)


def test_ten_kills_during_writes_imports_excel_imports_and_migrations_lose_nothing(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "crash_harness.py"), "--kills", "10", "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=900, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    summary = json.loads(proc.stdout)
    assert summary["kills"] == 10 and summary["failures"] == 0
    assert set(summary["per_workload"]) == {"writes", "bundle", "data", "xlsx", "migrate"}
    assert all(figures["runs"] >= 2 for figures in summary["per_workload"].values())
    assert summary["killed_mid_work"] >= 5  # kills land within each workload's measured duration


def _orgs_db(path: Path, names: list[str]) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE organizations(name TEXT)")
        conn.executemany("INSERT INTO organizations VALUES (?)", [(n,) for n in names])
    return path


def test_checks_catch_a_lost_commit_and_a_half_applied_write(tmp_path):
    db = _orgs_db(tmp_path / "w.db", ["W1-0-a", "W1-0-b", "W1-1-a"])
    assert harness.check_writes(db, [harness.STARTED, "W1-0"], "W1") == ["write W1-1 half applied (['a'])"]
    assert harness.check_writes(db, [harness.STARTED, "W1-0", "W1-2"], "W1")[0] == "committed write W1-2 lost"


def test_checks_catch_a_partial_import_and_a_half_migration(tmp_path):
    expected = {"D-1", "D-2", "D-3"}
    assert harness.check_all_or_none("data", expected, set(), committed=False) == []
    assert harness.check_all_or_none("data", expected, expected, committed=True) == []
    assert "half applied" in harness.check_all_or_none("data", expected, {"D-1"}, committed=False)[0]
    assert "missing" in harness.check_all_or_none("data", expected, set(), committed=True)[0]
    # An Excel import: its plan without every task is half applied.
    matrix = {"plan Kế hoạch matrix-1", "X-1-0-0", "X-1-0-1"}
    assert "half applied" in harness.check_all_or_none("matrix-1.xlsx", matrix, {"plan Kế hoạch matrix-1"},
                                                       committed=False)[0]

    db = _orgs_db(tmp_path / "m.db", [f"M-{i}" for i in range(harness.MIGRATION_ROWS)])
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE alembic_version(version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('9000_crash_test')")
    assert "half-applied migration" in harness.Harness._migration_state(db, committed=True)[0]


def test_raw_check_reports_a_damaged_file(tmp_path):
    db = _orgs_db(tmp_path / "x.db", ["a"] * 2000)
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as handle:  # the second page of the table's b-tree becomes an invalid page type
        handle.seek(page_size * 2)
        handle.write(b"\x00" * 8)
    assert harness.raw_check(db)
