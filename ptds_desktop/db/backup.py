"""Consistent copies of a live database through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from ptds_desktop.config import backups_dir_for


def backup_to(source: Path, target: Path) -> Path:
    """Copy `source` to `target` (written beside as .part, then renamed, so a crash leaves no half file)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    if part.exists():
        part.unlink()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(part, target)
    return target


def automatic_backup(db_path: Path, reason: str, keep: int = 10) -> Path:
    """A dated copy in the database's backups folder before risky work; keeps the newest `keep` per reason."""
    folder = backups_dir_for(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_to(db_path, folder / f"{db_path.stem}-{reason}-{stamp}.db")
    old = sorted(folder.glob(f"{db_path.stem}-{reason}-*.db"))[:-keep]
    for path in old:
        path.unlink(missing_ok=True)
    return target
