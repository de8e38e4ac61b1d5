"""Sync speed: export and import of a bundle of 100,000 field changes, as ratios against raw
`sqlite3` executemany of the same 100,000 change rows measured in the same run.

Goal (issue 13): export within 1.5x, import within 2x of the baseline (median of rounds).
Run: .venv/bin/python benchmarks/bench_sync.py [--rounds 5] [--check]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ptds_desktop.db.database import open_database
from ptds_desktop.db.synced import tables
from ptds_desktop.models import Organization
from ptds_desktop.services import enrolment
from ptds_desktop.services.offices import init_office
from ptds_desktop.sync import exchange, peers

EXPORT_GOAL = 1.5
IMPORT_GOAL = 2.0


def setup(folder: Path, changes: int):
    province = open_database(folder / "p.db")
    init_office(province, "Bộ CHQS tỉnh", "province")
    enrolment.make_enrolment_file(province, "UBND xã 1", "commune", folder / "c.enrol")
    commune = open_database(folder / "c.db")
    enrolment.enrol(commune, folder / "c.enrol")
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


def measure_once(changes: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        province, commune, rows = setup(folder, changes)
        base = baseline(folder, rows)

        start = time.perf_counter()
        (result,) = exchange.export_bundles(commune, province.office_id(), folder / "out")
        export_s = time.perf_counter() - start

        start = time.perf_counter()
        report = exchange.import_bundle(province, result.path)
        import_s = time.perf_counter() - start
        assert report.status == "applied" and report.new_changes == len(rows), report.message
        province.close()
        commune.close()
        return {"changes": len(rows), "bundle_bytes": result.size, "baseline_s": base,
                "export_s": export_s, "import_s": import_s}


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
    }
    print(json.dumps(figures, indent=1))
    missed = export_ratio > EXPORT_GOAL or import_ratio > IMPORT_GOAL
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
