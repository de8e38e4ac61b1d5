"""Sync speed: export and import of a bundle of 100,000 field changes, as ratios against raw
`sqlite3` executemany of the same 100,000 change rows measured in the same run; and the same bundle sealed to
its addressee (sync/sealing.py) against the plain one.

Goal (issue 13): export within 1.5x, import within 2x of the baseline; sealed within 1.2x of plain
(median of rounds).
Run: .venv/bin/python benchmarks/bench_sync.py [--rounds 5] [--check]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ptds_desktop.db.database import Database, open_database
from ptds_desktop.db.incarnation import INSTANCE_KEY, NOTICE_KEY
from ptds_desktop.db.synced import tables
from ptds_desktop.models import Organization
from ptds_desktop.services import enrolment
from ptds_desktop.services.offices import init_office
from ptds_desktop.sync import exchange, peers

EXPORT_GOAL = 1.5
IMPORT_GOAL = 2.0
SEALED_GOAL = 1.2


def setup(folder: Path, changes: int, province_at: Path | str | None = None):
    """A province (a file in `folder`, or the database at `province_at`: a PostgreSQL URL) and an enrolled commune
    that trust each other, and `changes` field changes captured at the commune."""
    province = open_database(province_at or folder / "p.db")
    init_office(province, "Bộ CHQS tỉnh", "province")
    info = enrolment.make_enrolment_file(province, "UBND xã 1", "commune", folder / "c.enrol")
    commune = open_database(folder / "c.db")
    enrolment.enrol(commune, folder / "c.enrol", info.code)
    # Trust both ways and clear the set-up changes, so the measured bundle holds only the rows below.
    (first,) = exchange.export_bundles(commune, province.office_id(), folder / "setup")
    exchange.import_bundle(province, first.path, trust=peers.identity(commune).fingerprint)
    (back,) = exchange.export_bundles(province, commune.office_id(), folder / "setup")
    exchange.import_bundle(commune, back.path)
    (first,) = exchange.export_bundles(commune, province.office_id(), folder / "setup")
    exchange.import_bundle(province, first.path)

    per_row = len(tables()["organizations"].fields)
    rows = changes // per_row
    with commune.unit_of_work() as session:  # captured like any user edit
        for i in range(rows):
            session.add(Organization(name=f"Cơ quan số {i}", short_name=f"CQ{i}", kind="department",
                                     address=f"Số {i} đường Lê Duẩn, Buôn Ma Thuột", phone=f"0262 38{i:05d}",
                                     notes="Đơn vị phối hợp trong kế hoạch phòng thủ dân sự"))
            if i % 2000 == 1999:
                session.flush()
    with commune.engine.connect() as conn:
        outbox = conn.exec_driver_sql(
            "SELECT seq, tbl, row_id, field, value, hlc, base_hlc, base_origin FROM sync_outbox"
        ).fetchall()
    return province, commune, [(commune.office_id(),) + tuple(r) for r in outbox]


def baseline(folder: Path, rows: list) -> float:
    """Raw sqlite3: the same change rows into a file database, one transaction, the app's pragmas."""
    path = folder / "baseline.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE changes (origin TEXT, seq INTEGER, tbl TEXT, row_id TEXT, field TEXT, value TEXT,"
                 " hlc INTEGER, base_hlc INTEGER, base_origin TEXT, PRIMARY KEY (origin, seq))")
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO changes VALUES (?,?,?,?,?,?,?,?,?)", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def twin(db: Database, path: Path) -> Database:
    """The same office in a second database (to import the same bundle twice): its file and key files, copied
    as if set up there (not as a copied database, which would take a new sequence epoch)."""
    source, target = sqlite3.connect(db.path), sqlite3.connect(path)
    source.backup(target)
    source.close()
    with target:
        target.execute("DELETE FROM local_settings WHERE key IN (?, ?)", (INSTANCE_KEY, NOTICE_KEY))
    target.close()
    shutil.copytree(Path(f"{db.path}.keys"), Path(f"{path}.keys"))
    return open_database(path)


def _export(commune: Database, province: Database, folder: Path, sealed: bool) -> tuple[exchange.ExportResult, float]:
    """Plain: as for a peer whose seal key is not known yet (its statement set aside for this export)."""
    with commune.engine.begin() as conn:
        kept = conn.exec_driver_sql("SELECT office_id, seal_key, issued, signature FROM sync_seal_keys "
                                    "WHERE office_id=?", (province.office_id(),)).fetchall()
        if not sealed:
            conn.exec_driver_sql("DELETE FROM sync_seal_keys WHERE office_id=?", (province.office_id(),))
    start = time.perf_counter()
    (result,) = exchange.export_bundles(commune, province.office_id(), folder)
    elapsed = time.perf_counter() - start
    with commune.engine.begin() as conn:
        conn.exec_driver_sql("INSERT OR REPLACE INTO sync_seal_keys VALUES (?,?,?,?)", tuple(kept[0]))
    assert result.sealed == sealed, result.warning
    return result, elapsed


def measure_once(changes: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        province, commune, rows = setup(folder, changes)
        base = baseline(folder, rows)
        twins = [twin(province, folder / f"twin{n}.db") for n in range(4)]

        # The first export also signs the captured changes into segments (as the line always measured); sealed
        # and plain are then compared on the same footing, both reusing those segments.
        result, export_s = _export(commune, province, folder / "out", sealed=False)
        _again, plain_export_s = _export(commune, province, folder / "out", sealed=False)
        sealed, sealed_export_s = _export(commune, province, folder / "out", sealed=True)

        start = time.perf_counter()
        report = exchange.import_bundle(province, result.path)
        import_s = time.perf_counter() - start
        assert report.status == "applied" and report.new_changes == len(rows), report.message
        # Sealed against plain, each into a fresh twin of the province, in the order plain, sealed, sealed, plain:
        # a drift during the round (disk cache, the other sessions' load) favours neither.
        took = []
        for db, path in zip(twins, (result.path, sealed.path, sealed.path, result.path), strict=True):
            start = time.perf_counter()
            report = exchange.import_bundle(db, path)
            took.append(time.perf_counter() - start)
            assert report.status == "applied" and report.new_changes == len(rows), report.message
        plain_import_s, sealed_import_s = (took[0] + took[3]) / 2, (took[1] + took[2]) / 2
        for db in (province, *twins, commune):
            db.close()
        return {"changes": len(rows), "bundle_bytes": result.size, "sealed_bytes": sealed.size, "baseline_s": base,
                "export_s": export_s, "import_s": import_s, "plain_export_s": plain_export_s,
                "plain_import_s": plain_import_s,
                "sealed_export_s": sealed_export_s, "sealed_import_s": sealed_import_s}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="fresh databases each round; the median is reported")
    parser.add_argument("--check", action="store_true", help="exit 1 when a median ratio misses its goal")
    args = parser.parse_args()
    rounds = []
    for n in range(args.rounds):
        print(f"Round {n + 1}/{args.rounds}: preparing {args.changes} captured field changes…", flush=True)
        rounds.append(measure_once(args.changes))
    export_ratio = statistics.median(r["export_s"] / r["baseline_s"] for r in rounds)
    import_ratio = statistics.median(r["import_s"] / r["baseline_s"] for r in rounds)
    sealed_export_ratio = statistics.median(r["sealed_export_s"] / r["plain_export_s"] for r in rounds)
    sealed_import_ratio = statistics.median(r["sealed_import_s"] / r["plain_import_s"] for r in rounds)
    figures = {
        "changes": rounds[0]["changes"],
        "bundle_bytes": rounds[0]["bundle_bytes"],
        "rounds": args.rounds,
        "baseline_sqlite3_executemany_s": [round(r["baseline_s"], 3) for r in rounds],
        "export_s": [round(r["export_s"], 3) for r in rounds],
        "import_s": [round(r["import_s"], 3) for r in rounds],
        "export_ratio_median": round(export_ratio, 2),
        "import_ratio_median": round(import_ratio, 2),
        "export_goal": EXPORT_GOAL,
        "import_goal": IMPORT_GOAL,
        "sealed_bundle_bytes": rounds[0]["sealed_bytes"],
        "plain_export_again_s": [round(r["plain_export_s"], 3) for r in rounds],
        "sealed_export_s": [round(r["sealed_export_s"], 3) for r in rounds],
        "plain_import_mean_s": [round(r["plain_import_s"], 3) for r in rounds],
        "sealed_import_s": [round(r["sealed_import_s"], 3) for r in rounds],
        "sealed_export_vs_plain_median": round(sealed_export_ratio, 2),
        "sealed_import_vs_plain_median": round(sealed_import_ratio, 2),
        "sealed_goal": SEALED_GOAL,
    }
    print(json.dumps(figures, indent=1))
    missed = (export_ratio > EXPORT_GOAL or import_ratio > IMPORT_GOAL or sealed_export_ratio > SEALED_GOAL
              or sealed_import_ratio > SEALED_GOAL)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
