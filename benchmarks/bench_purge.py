"""Tombstone purge cost at the province, as ratios against baselines measured in the same run.

A commune creates ROWS agencies and deletes half; the province holds them as tombstones while a second commune has
not answered yet. Measured:
- an ordinary import while nothing can go (the automatic check is skipped: the acknowledgements did not move),
  against the same import with the check switched off (median of rounds);
- the import that brings the last acknowledgement and purges every tombstone, against raw `sqlite3` deleting the
  same rows and their field stamps from a copy of the database;
- the full check (`ptds sync purge --dry-run`), shown for information.

Goals: the skipped check within 1.5x of the import without it; the purging import within 30x of the raw delete.
Run: .venv/bin/python benchmarks/bench_purge.py [--rows 20000] [--check]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ptds_desktop.db.capture import bulk_insert
from ptds_desktop.db.database import Database, open_database
from ptds_desktop.models import Organization
from ptds_desktop.services import enrolment
from ptds_desktop.services.offices import init_office
from ptds_desktop.services.organizations import OrganizationInput, create_organization
from ptds_desktop.sync import exchange, peers, purge

CHECK_GOAL = 1.5
PURGE_GOAL = 30.0


def _send(sender: Database, recipient: Database, mail: Path) -> Path:
    (result,) = exchange.export_bundles(sender, str(recipient.office_id()), mail)
    return Path(result.path)


def _timed_import(sender: Database, recipient: Database, mail: Path) -> tuple[float, exchange.ImportReport]:
    bundle = _send(sender, recipient, mail)
    start = time.perf_counter()
    report = exchange.import_bundle(recipient, bundle, backup=False)
    return time.perf_counter() - start, report


def measure(folder: Path, rows: int) -> dict[str, float]:
    mail = folder / "mail"
    province = open_database(folder / "p.db")
    init_office(province, "Bộ CHQS tỉnh", "province")
    communes = []
    for i in range(2):
        enrolment.make_enrolment_file(province, f"UBND xã {i + 1}", "commune", folder / f"c{i}.enrol")
        commune = open_database(folder / f"c{i}.db")
        enrolment.enrol(commune, folder / f"c{i}.enrol")
        exchange.import_bundle(province, _send(commune, province, mail), trust=peers.identity(commune).fingerprint)
        communes.append(commune)
    first, second = communes
    with first.unit_of_work() as session:
        ids = bulk_insert(session, Organization, [{"name": f"Đơn vị {i}", "kind": "other"} for i in range(rows)])
    with first.unit_of_work() as session:
        for org in session.query(Organization).filter(Organization.id.in_(ids[: rows // 2])):
            org.deleted = True
    exchange.import_bundle(province, _send(first, province, mail), backup=False)
    for commune in communes:
        exchange.import_bundle(commune, _send(province, commune, mail), backup=False)
    _timed_import(first, province, mail)  # the first commune's acknowledgement; the second is awaited
    start = time.perf_counter()
    plan = purge.purge(province, dry_run=True)
    full_check = time.perf_counter() - start
    assert len(plan.kept) == rows // 2
    skipped, plain = [], []
    for n in range(5):  # ordinary imports while the second commune is silent: with the check, and without
        with first.unit_of_work() as session:
            create_organization(session, OrganizationInput(name=f"Đơn vị mới {n}"))
        if n % 2:
            with PurgeDisabled():
                plain.append(_timed_import(first, province, mail)[0])
        else:
            skipped.append(_timed_import(first, province, mail)[0])
    raw = _raw_delete(province, folder, ids[: rows // 2])
    purging, report = _timed_import(second, province, mail)
    assert report.purged == rows // 2, report.purged
    for db in (province, *communes):
        db.close()
    return {"tombstones": rows // 2, "full_check_s": full_check,
            "import_without_check_s": statistics.median(plain), "import_check_skipped_s": statistics.median(skipped),
            "raw_delete_s": raw, "purging_import_s": purging,
            "check_ratio": statistics.median(skipped) / statistics.median(plain), "purge_ratio": purging / raw}


def _raw_delete(db: Database, folder: Path, ids: list[str]) -> float:
    """The baseline: sqlite3 deleting the tombstones and their field stamps from a copy of the database."""
    copy = folder / "raw.db"
    shutil.copy(db.path, copy)
    conn = sqlite3.connect(copy)
    start = time.perf_counter()
    conn.execute("PRAGMA defer_foreign_keys=ON")
    conn.executemany("DELETE FROM sync_field_clock WHERE tbl='organizations' AND row_id=?", [(i,) for i in ids])
    conn.executemany("DELETE FROM organizations WHERE id=?", [(i,) for i in ids])
    conn.commit()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


class PurgeDisabled:
    """The same import without the automatic check: the baseline of the check."""

    def __enter__(self) -> None:
        self.saved = purge.purge_after_import
        purge.purge_after_import = _no_check  # exchange calls it through the module

    def __exit__(self, *exc: object) -> None:
        purge.purge_after_import = self.saved


def _no_check(db: Database) -> int:
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = measure(Path(folder), args.rows)
    for name, value in result.items():
        print(f"{name:30} {value:.3f}" if isinstance(value, float) else f"{name:30} {value}")
    missed = result["check_ratio"] > CHECK_GOAL or result["purge_ratio"] > PURGE_GOAL
    if missed:
        print(f"goal missed: skipped check ≤ {CHECK_GOAL}x of the import without it, purge ≤ {PURGE_GOAL}x of the "
              "raw delete")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
