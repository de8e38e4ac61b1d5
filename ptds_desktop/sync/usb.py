"""One action for a USB stick: import every bundle addressed here, then write one for every peer."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from pathlib import Path

from ptds_desktop.db.backup import automatic_backup
from ptds_desktop.db.database import Database
from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.sync.bundle import Cancel, Progress, check_cancel
from ptds_desktop.sync.errors import SyncCancelled
from ptds_desktop.sync.exchange import BUNDLE_SUFFIX, ExportResult, ImportReport, export_bundles, import_bundle
from ptds_desktop.sync.peers import require_office


@dataclasses.dataclass(frozen=True)
class UsbResult:
    folder: str
    exported: tuple[ExportResult, ...]
    imported: tuple[ImportReport, ...]
    errors: tuple[str, ...]  # one per bundle that could not be read or applied


def _addressed_here(path: Path, me: str) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            recipient = json.loads(zf.read("manifest.json")).get("recipient")
    except Exception:  # noqa: BLE001  (an unreadable file is reported by the import itself)
        return True
    return recipient in ("*", me)


def usb_sync(db: Database, folder: Path | str, *, trust: str | None = None, progress: Progress | None = None,
             cancel: Cancel | None = None) -> UsbResult:
    """One action: import every bundle in `folder` addressed to this office (first, so the answers
    carry the acknowledgements), then write a bundle for every peer there."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"Không thấy thư mục {folder} (USB đã cắm chưa?).", "folder")
    me = require_office(db)
    imported, errors = [], []
    incoming = sorted(p for p in folder.glob(f"*{BUNDLE_SUFFIX}") if _addressed_here(p, me))
    if incoming:
        automatic_backup(db.path, "before-sync")  # one copy for the whole action
    for done, path in enumerate(incoming, start=1):
        check_cancel(cancel)
        try:
            imported.append(import_bundle(db, path, trust=trust, backup=False))
        except SyncCancelled:
            raise
        except PtdsError as exc:
            errors.append(str(exc))
        if progress:
            progress(done, len(incoming) + 1, path.name)
    exported = export_bundles(db, "all", folder, cancel=cancel)
    if progress:
        progress(len(incoming) + 1, len(incoming) + 1, "")
    return UsbResult(str(folder), tuple(exported), tuple(imported), tuple(errors))
