"""One action for a USB stick: import every bundle addressed here, then write one for every peer that has
something new to learn, and tidy the stick (bundles every addressee has, and our own half-written files)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ptds_desktop.db.backup import automatic_backup
from ptds_desktop.db.database import Database
from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.sync import log, sealing
from ptds_desktop.sync.bundle import MAX_FILE_BYTES, Cancel, Progress, check_cancel, file_sha, read_manifest
from ptds_desktop.sync.errors import SyncCancelled
from ptds_desktop.sync.exchange import BUNDLE_SUFFIX, ExportResult, ImportReport, export_bundles, import_bundle
from ptds_desktop.sync.peers import acked_by, peer_rows, require_office

PART_SUFFIX = ".part"


@dataclasses.dataclass(frozen=True)
class UsbResult:
    folder: str
    exported: tuple[ExportResult, ...]
    imported: tuple[ImportReport, ...]
    errors: tuple[str, ...]  # one per bundle that could not be read or applied
    notes: tuple[str, ...] = ()  # peers with nothing new, bundles removed from the stick


def _manifest(path: Path) -> dict[str, Any] | None:
    """The manifest (read with its size cap), or None when the file cannot be read: the import reports why."""
    try:
        return read_manifest(path)
    except PtdsError:
        return None


def _applied_here(conn: Connection, path: Path) -> bool:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return False
        sha = file_sha(path)
    except OSError:
        return False
    return conn.exec_driver_sql("SELECT 1 FROM sync_receipts WHERE bundle_sha256=?", (sha,)).fetchone() is not None


def _acknowledged(manifest: dict[str, Any], acked: dict[str, int]) -> bool:
    """Every change the bundle carries is held by the office whose acknowledgements are `acked`."""
    segments = manifest.get("segments")
    if not isinstance(segments, list) or not segments:
        return False  # a bundle of acknowledgements only: it is superseded, not acknowledged
    try:
        return all(int(s["last_seq"]) <= int(acked.get(str(s["origin"]), 0)) for s in segments)
    except (KeyError, TypeError, ValueError):
        return False


def _sender(manifest: dict[str, Any]) -> Any:
    sender = manifest.get("sender")
    return sender.get("office_id") if isinstance(sender, dict) else None


def _ours(manifest: dict[str, Any], me: str, note_key: bytes | None) -> dict[str, Any] | None:
    """The manifest of a bundle this office wrote: a plain one names its sender; a sealed one carries a note only
    its sender can read, of what it holds (made into the segment list `_acknowledged` reads)."""
    if not manifest.get("sealed"):
        return manifest if _sender(manifest) == me else None
    header = manifest.get("seal")
    note = sealing.read_own_note(note_key, header) if note_key is not None and isinstance(header, dict) else None
    if note is None:
        return None
    return dict(manifest, segments=[{"origin": o, "last_seq": n} for o, n in note.items()])


def _remove_part_files(folder: Path, me: str) -> list[str]:
    """Our own bundles a crash left half written (`bundle_name` puts our id's start before "_gui_")."""
    removed = []
    for path in folder.glob(f"PTDS_*-{me[:8]}_gui_*{BUNDLE_SUFFIX}{PART_SUFFIX}"):
        path.unlink(missing_ok=True)
        removed.append(path.name)
    return removed


def _remove_delivered(db: Database, folder: Path, me: str, written: set[str]) -> list[str]:
    """Bundles no one needs from the stick any more: ours that every addressee has acknowledged or that a bundle
    written just now for the same office supersedes (it carries all they had not acknowledged, and a newer
    vector), and those addressed only here that were applied."""
    manifests = {path: _manifest(path) for path in sorted(folder.glob(f"*{BUNDLE_SUFFIX}"))}
    fresh_for = {m.get("recipient") for p, m in manifests.items() if m is not None and str(p) in written}
    removed = []
    own_seal = sealing.load_seal_key(db.path, me)
    note_key = sealing.own_note_key(own_seal) if own_seal is not None else None
    with db.engine.connect() as conn:
        peers = [p[0] for p in peer_rows(conn, me)]
        for path, manifest in manifests.items():
            if manifest is None or str(path) in written:
                continue
            recipient = manifest.get("recipient")
            mine = _ours(manifest, me, note_key)
            if mine is not None:
                addressees = peers if recipient == "*" else [str(recipient)]
                if recipient in fresh_for or all(_acknowledged(mine, acked_by(conn, o)) for o in addressees):
                    removed.append(path)
            elif recipient == me and _applied_here(conn, path):
                removed.append(path)
    for path in removed:
        path.unlink(missing_ok=True)
    return [p.name for p in removed]


def _peers_to_write(db: Database, me: str, answered: set[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Peers that have something to learn: changes they have not acknowledged, the acknowledgement of a bundle
    of theirs applied just now, or a first bundle. Returns (peers, names of the others)."""
    write, skip = [], []
    with db.engine.connect() as conn:
        sent = {o for (o,) in conn.exec_driver_sql("SELECT office_id FROM sync_peers WHERE last_sent_at IS NOT NULL")}
        for office_id, name, _level, _relation in peer_rows(conn, me):
            news = log.pending_count(conn, acked_by(conn, office_id))
            if news or office_id in answered or office_id not in sent:
                write.append((office_id, name))
            else:
                skip.append(name)
    return write, skip


def usb_sync(db: Database, folder: Path | str, *, trust: str | None = None, progress: Progress | None = None,
             cancel: Cancel | None = None) -> UsbResult:
    """One action: import every bundle in `folder` addressed to this office (first, so the answers
    carry the acknowledgements), then write a bundle for every peer with something new there."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(
            translate("Core", "Không thấy thư mục {folder} (USB đã cắm chưa?).").format(folder=folder), "folder")
    me = require_office(db)
    imported: list[ImportReport] = []
    errors: list[str] = []
    notes: list[str] = []
    stale = _remove_part_files(folder, me)
    if stale:
        notes.append(translate("Core", "Đã xóa {count} gói ghi dở của văn phòng này (máy tắt giữa chừng): {names}.")
                     .format(count=len(stale), names=", ".join(stale)))
    incoming = []
    for path in sorted(folder.glob(f"*{BUNDLE_SUFFIX}")):
        manifest = _manifest(path)
        if manifest is None or manifest.get("recipient") in ("*", me):
            incoming.append(path)
    with db.engine.connect() as conn:
        new = [p for p in incoming if not _applied_here(conn, p)]
    if new:
        automatic_backup(db.path, "before-sync")  # one copy for the whole action, only when something may change
    answered = set()
    for done, path in enumerate(incoming, start=1):
        check_cancel(cancel)
        try:
            report = import_bundle(db, path, trust=trust, backup=False)
            imported.append(report)
            if report.status == "applied":
                answered.add(report.sender_id)
        except SyncCancelled:
            raise
        except PtdsError as exc:
            errors.append(str(exc))
        if progress:
            progress(done, len(incoming) + 1, path.name)
    peers, nothing_new = _peers_to_write(db, me, answered)
    exported: list[ExportResult] = []
    for office_id, _name in peers:
        exported.extend(export_bundles(db, office_id, folder, cancel=cancel))
    notes += [translate("Core", "Không có gì mới cho “{name}”: không ghi gói.").format(name=name)
              for name in nothing_new]
    removed = _remove_delivered(db, folder, me, {r.path for r in exported})
    if removed:
        notes.append(translate("Core", "Đã xóa khỏi USB {count} gói mà nơi nhận đã có đủ: {names}.").format(
            count=len(removed), names=", ".join(removed)))
    if progress:
        progress(len(incoming) + 1, len(incoming) + 1, "")
    return UsbResult(str(folder), tuple(exported), tuple(imported), tuple(errors), tuple(notes))
