"""A database at the scale of a province, for the benchmarks and for trying the app at that size.

The data is the same as `ptds demo --scale province` (one code path: services/province_demo.py): the catalogue
and samples, 102 commune boards of 15 members, 20 plans of 60 tasks, a progress report from each commune on each
task assigned to communes (about 100,000), 30 conferences of 300 invitees. Deterministic by seed.
Run: .venv/bin/python benchmarks/generate.py TỆP.db [--seed 13] [--communes 102] ...
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ptds_desktop.db.database import open_database  # noqa: E402
from ptds_desktop.services.offices import init_office  # noqa: E402
from ptds_desktop.services.province_demo import DEFAULT_SEED, PROVINCE, GeneratedCounts, Scale, generate_province  # noqa: E402

PROVINCE_OFFICE = "Bộ CHQS tỉnh Đắk Lắk"


def generate(path: Path, scale: Scale = PROVINCE, seed: int = DEFAULT_SEED, *, quiet: bool = True) -> GeneratedCounts:
    """A new provincial office database at `path` (which must not exist) holding the province-scale data."""
    if path.exists():
        raise SystemExit(f"{path} already exists; the generator writes a new database.")
    db = open_database(path)
    try:
        init_office(db, PROVINCE_OFFICE, "province", place_name="Đắk Lắk")
        start = time.perf_counter()
        step = None if quiet else lambda text: print(f"{time.perf_counter() - start:6.1f}s  {text}", flush=True)
        return generate_province(db, scale, seed, step=step)
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("database", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    for field in dataclasses.fields(Scale):
        parser.add_argument(f"--{field.name.replace('_', '-')}", type=type(getattr(PROVINCE, field.name)),
                            default=getattr(PROVINCE, field.name))
    args = parser.parse_args()
    scale = Scale(**{f.name: getattr(args, f.name) for f in dataclasses.fields(Scale)})
    start = time.perf_counter()
    counts = generate(args.database, scale, args.seed, quiet=False)
    print(f"{time.perf_counter() - start:.1f}s: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
