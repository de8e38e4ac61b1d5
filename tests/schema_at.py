"""A database file at an earlier revision of the schema, for the tests that upgrade one holding data."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from ptds_desktop.db import database
from ptds_desktop.db.engine import make_engine


def schema_at(db_path: Path, revision: str) -> None:
    """Create the schema of `revision` in the (new) file `db_path`, as that release left it."""
    engine = make_engine(db_path)
    cfg = database.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()
