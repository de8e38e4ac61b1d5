"""Cost of encryption at rest (SQLCipher): the same workloads on a plain and on an encrypted database, as the
ratio encrypted / plain of the medians of rounds, measured in the same run.

Workloads: loading the demo data set into a new office (services, many small writes), importing a sync bundle
of N field changes (one big transaction, with its automatic backup first), opening the database (for an
encrypted one this includes SQLCipher's deliberately slow key derivation).
Run: .venv/bin/python benchmarks/bench_encryption.py [--rounds 5] [--changes 20000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_sync import setup  # noqa: E402 - the sync benchmark's two offices and captured changes

from ptds_desktop import datafile  # noqa: E402
from ptds_desktop.config import keys_dir_for  # noqa: E402
from ptds_desktop.db.backup import backup_to  # noqa: E402
from ptds_desktop.db.cipher import export_copy  # noqa: E402
from ptds_desktop.db.database import Database, open_database  # noqa: E402
from ptds_desktop.services.offices import init_office  # noqa: E402
from ptds_desktop.sync import exchange  # noqa: E402

PASSPHRASE = "mật khẩu đo thử"
MODES = {"plain": None, "encrypted": PASSPHRASE}


def demo_load(folder: Path, passphrase: str | None) -> tuple[float, float]:
    """(seconds to open a new database, seconds to load the demo data into it)."""
    path = folder / f"demo-{passphrase is not None}.db"
    start = time.perf_counter()
    db = open_database(path, passphrase=passphrase)
    opened = time.perf_counter() - start
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province")
    start = time.perf_counter()
    datafile.load_demo(db)
    loaded = time.perf_counter() - start
    db.close()
    return opened, loaded


def province_copy(source: Path, target: Path, passphrase: str | None) -> Database:
    """The prepared province, stored plain or encrypted (same office, same keys)."""
    if passphrase is None:
        backup_to(source, target)
    else:
        export_copy(source, None, target, passphrase)
    shutil.copytree(keys_dir_for(source), keys_dir_for(target))
    return open_database(target, passphrase=passphrase)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=20_000, help="field changes in the imported bundle")
    parser.add_argument("--rounds", type=int, default=3, help="fresh databases each round; the median is reported")
    args = parser.parse_args()
    runs: dict[str, dict[str, list[float]]] = {m: {"open_s": [], "demo_s": [], "import_s": []} for m in MODES}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"Preparing a bundle of {args.changes} field changes…", flush=True)
        (folder / "setup").mkdir()
        province, commune, rows = setup(folder / "setup", args.changes)
        (bundle,) = exchange.export_bundles(commune, province.office_id(), folder / "out")
        prepared = province.path
        province.close()
        commune.close()
        for n in range(args.rounds):
            print(f"Round {n + 1}/{args.rounds}", flush=True)
            for mode, passphrase in MODES.items():  # alternate, so drift in machine load hits both alike
                round_dir = folder / f"{mode}-{n}"
                round_dir.mkdir()
                opened, loaded = demo_load(round_dir, passphrase)
                runs[mode]["open_s"].append(opened)
                runs[mode]["demo_s"].append(loaded)
                db = province_copy(prepared, round_dir / "p.db", passphrase)
                start = time.perf_counter()
                report = exchange.import_bundle(db, bundle.path)
                runs[mode]["import_s"].append(time.perf_counter() - start)
                assert report.status == "applied" and report.new_changes == len(rows), report.message
                db.close()
    medians = {m: {k: statistics.median(v) for k, v in r.items()} for m, r in runs.items()}
    figures = {
        "changes": len(rows),
        "rounds": args.rounds,
        **{f"{m}_{k}": [round(x, 3) for x in v] for m, r in runs.items() for k, v in r.items()},
        **{f"ratio_{k}_median": round(medians["encrypted"][k] / medians["plain"][k], 2) for k in runs["plain"]},
    }
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
