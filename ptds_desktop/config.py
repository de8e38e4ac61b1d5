"""Paths and user settings. Settings are declared once here, typed, and stored as JSON."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs

APP_NAME = "PTDS Desktop"
APP_SLUG = "ptds-desktop"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
DATA_DIR = PROJECT_ROOT / "data"
SAMPLES_DIR = DATA_DIR / "samples"
SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")  # a server database, not a file


def user_data_dir() -> Path:
    override = os.environ.get("PTDS_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))


def default_db_path() -> Path:
    return user_data_dir() / "ptds.db"


def resolve_db_path(cli_value: str | None) -> Path | str:
    """--db wins, then PTDS_DB, then the user's data folder. A server database's URL stays a URL (str)."""
    given = cli_value or os.environ.get("PTDS_DB")
    if not given:
        return default_db_path()
    return given if given.startswith(SERVER_SCHEMES) else Path(given).expanduser()


def location_text(location: Path | str) -> str:
    """A database named for the user: the file, or the server URL without its password (messages, the window's
    title). Plain text work, so the window can name it before SQLAlchemy is loaded."""
    if isinstance(location, Path):
        return str(location)
    parts = urlsplit(location)
    login = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"postgresql://{login}{parts.hostname or ''}{port}{parts.path}"


def keys_dir_for(db_path: Path) -> Path:
    """Private keys live beside, never inside, the database file (a copied .db leaks no key)."""
    return db_path.with_name(db_path.name + ".keys")


def backups_dir_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def attachments_dir_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".files")


@dataclasses.dataclass
class Settings:
    language: str = "vi"  # "vi" or "en"
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    last_usb_folder: str = ""
    last_export_folder: str = ""  # sync bundles
    last_document_folder: str = ""  # PDF and Excel documents
    last_issued_by: str = ""  # "Cấp ban hành" of the last decision entered
    backups_keep: int = 10  # automatic copies kept of each kind (daily, before an import, …)
    sync_folder: str = ""  # a shared folder synced on a schedule while the app runs ("" = none)
    sync_folder_minutes: int = 10  # how often
    sync_warn_days: int = 14  # a peer silent for longer is flagged in the sync status

    @staticmethod
    def path() -> Path:
        return user_data_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        try:
            raw = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        # A value of the wrong type (a hand-edited file) falls back to the default, field by field.
        types = {f.name: type(f.default) for f in dataclasses.fields(cls)}
        known: dict[str, Any] = {k: v for k, v in raw.items() if k in types and type(v) is types[k]}
        return dataclasses.replace(cls(), **known)

    def save(self) -> None:
        target = self.path()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, target)
