"""Regenerate the initial migration from the models (allowed only until the first release ships).

After the first release, add a new revision with `alembic revision --autogenerate` instead.
Run: python tools/regen_initial_migration.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from ptds_desktop.db.database import MIGRATIONS, alembic_config
from ptds_desktop.db.engine import make_engine

INITIAL = "0001"


def main() -> None:
    versions = MIGRATIONS / "versions"
    for old in versions.glob(f"{INITIAL}_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "empty.db")
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id=INITIAL)
        engine.dispose()
    print("written:", *versions.glob(f"{INITIAL}_*.py"))


if __name__ == "__main__":
    main()
