"""Bundle import into a province office on PostgreSQL, against psycopg's own bulk writes on the same server.

A commune's bundle of N captured field changes (the rows of bench_sync.setup) is imported into the province's
server database by `exchange.import_bundle`, as the app does it (checks, the before-sync pg_dump, the merge in one
transaction, the receipt). Baselines, in the same run, on the same server: the same change rows written into a
table of their own by psycopg's `executemany` (one transaction) and by `COPY … FROM STDIN`.

The bench starts its own throwaway cluster (tests/pg_cluster.py: a temporary folder, stopped afterwards).

Run on its own: .venv/bin/python benchmarks/bench_postgresql.py --changes 10000 --rounds 3
In the suite:   .venv/bin/python -m benchmarks --only postgresql
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/pg_cluster.py: the throwaway server the tests start too

import psycopg  # noqa: E402
from pg_cluster import PgCluster  # noqa: E402

from benchmarks import bench_sync  # noqa: E402
from ptds_desktop.sync import exchange  # noqa: E402

_CHANGES_TABLE = ("CREATE TABLE changes (origin TEXT, seq BIGINT, tbl TEXT, row_id TEXT, field TEXT, value TEXT, "
                  "hlc BIGINT, base_hlc BIGINT, base_origin TEXT, PRIMARY KEY (origin, seq))")


def _baselines(cluster: PgCluster, rows: list) -> tuple[float, float]:
    """Seconds for psycopg's executemany and for COPY of `rows` into an empty table, each in a new database."""
    took = []
    for method in ("executemany", "copy"):
        name = f"baseline_{method}_{uuid.uuid4().hex[:8]}"
        cluster.create_database(name)
        with psycopg.connect(cluster.dsn(name)) as conn:
            conn.execute(_CHANGES_TABLE)
            conn.commit()
            start = time.perf_counter()
            with conn.cursor() as cursor:
                if method == "executemany":
                    cursor.executemany("INSERT INTO changes VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
                else:
                    with cursor.copy("COPY changes FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
            conn.commit()
            took.append(time.perf_counter() - start)
        cluster.drop_database(name)
    return took[0], took[1]


def measure_once(cluster: PgCluster, changes: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["PTDS_HOME"] = str(folder / "home")  # the server database's keys and backups stand-in
        name = f"province_{uuid.uuid4().hex[:8]}"
        province, commune, rows = bench_sync.setup(folder, changes, province_at=cluster.create_database(name))
        (bundle,) = exchange.export_bundles(commune, province.office_id(), folder / "out")
        start = time.perf_counter()
        report = exchange.import_bundle(province, bundle.path)
        import_s = time.perf_counter() - start
        assert report.status == "applied" and report.new_changes == len(rows), report.message
        province.close()
        commune.close()
        cluster.drop_database(name)
        executemany_s, copy_s = _baselines(cluster, rows)
        return {"changes": len(rows), "import_s": import_s, "executemany_s": executemany_s, "copy_s": copy_s}


def measure(rounds: int, changes: int) -> list[dict]:
    """`rounds` measures on one throwaway cluster, started here and stopped afterwards."""
    home = os.environ.get("PTDS_HOME")
    try:
        with PgCluster() as cluster:
            return [measure_once(cluster, changes) for _ in range(rounds)]
    finally:
        if home is None:
            os.environ.pop("PTDS_HOME", None)
        else:
            os.environ["PTDS_HOME"] = home


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="fresh databases each round; the median is reported")
    args = parser.parse_args()
    rounds = measure(args.rounds, args.changes)
    import_s = statistics.median(r["import_s"] for r in rounds)
    executemany_s = statistics.median(r["executemany_s"] for r in rounds)
    copy_s = statistics.median(r["copy_s"] for r in rounds)
    print(json.dumps({
        "changes": rounds[0]["changes"], "rounds": args.rounds,
        "import_s": [round(r["import_s"], 3) for r in rounds],
        "psycopg_executemany_s": [round(r["executemany_s"], 3) for r in rounds],
        "psycopg_copy_s": [round(r["copy_s"], 3) for r in rounds],
        "import_vs_executemany_median": round(import_s / executemany_s, 2),
        "import_vs_copy_median": round(import_s / copy_s, 2),
    }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
