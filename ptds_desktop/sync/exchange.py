"""Bundles out and in: export what each peer has not acknowledged; preview and import a received bundle.

Long operations take `progress(done, total, label)` and `cancel` (a threading.Event or a callable
returning True to stop); a cancelled export leaves no file, a cancelled import changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ptds_desktop import __version__
from ptds_desktop.config import attachments_dir_for
from ptds_desktop.db import clock
from ptds_desktop.db.backup import automatic_backup
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.database import Database, head_revision, known_revisions
from ptds_desktop.db.synced import area, may_change, office_parents
from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.sync import keys, log
from ptds_desktop.sync.bundle import (
    FORMAT,
    FORMAT_VERSION,
    BundleContent,
    Cancel,
    Progress,
    check_cancel,
    read_bundle,
    write_bundle,
)
from ptds_desktop.sync.errors import BundleError, UnknownPeerError
from ptds_desktop.sync.log import Segment
from ptds_desktop.sync.merge import Change, MergeStats
from ptds_desktop.sync.peers import (
    IdentityInfo,
    acked_by,
    identity,
    known_keys,
    office_names,
    peer_rows,
    require_office,
    save_key,
)
from ptds_desktop.text import fold, format_datetime

BUNDLE_SUFFIX = ".ptds.zip"


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: str
    recipient_id: str | None  # None: a bundle for any office
    recipient_name: str
    full: bool
    segments: int
    changes: int
    attachments: int
    size: int


@dataclasses.dataclass(frozen=True)
class AreaCounts:
    area: str
    inserts: int
    updates: int
    deletes: int
    conflicts: int
    rejections: int


@dataclasses.dataclass(frozen=True)
class Rejection:
    origin_id: str
    origin_name: str
    area: str
    table: str
    row_id: str
    field: str
    reason: str


@dataclasses.dataclass(frozen=True)
class ImportReport:
    path: str
    sender_id: str
    sender_name: str
    status: str  # preview, applied, already_applied, nothing_new
    message: str
    new_changes: int
    areas: tuple[AreaCounts, ...]
    rejections: tuple[Rejection, ...]
    pending: int  # changes kept aside until their row arrives
    skipped_segments: tuple[str, ...]  # from offices whose key is not known here yet
    clock_warnings: tuple[str, ...]
    backup: str | None


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:30] or "office"


def bundle_name(sender_name: str, sender_id: str, recipient_name: str, recipient_id: str | None) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
    to = f"{_slug(recipient_name)}-{recipient_id[:8]}" if recipient_id else "tat-ca"
    return f"PTDS_{_slug(sender_name)}-{sender_id[:8]}_gui_{to}_{stamp}{BUNDLE_SUFFIX}"


def _export_one(db: Database, me: IdentityInfo, recipient: tuple[Any, ...] | None, target: Path, full: bool,
                progress: Progress | None, cancel: Cancel | None) -> ExportResult:
    private = keys.load_private_key(db.path, me.office_id)
    with db.engine.begin() as conn:
        log.seal_outbox(conn, me.office_id, private)
    with db.engine.connect() as conn:
        acked = None if (full or recipient is None) else acked_by(conn, recipient[0])
        segments = log.segments_for(conn, acked)
        vector = log.own_vector(conn, me.office_id)
        known = known_keys(conn)
        names = office_names(conn)
    known[me.office_id] = me.public_key
    folder = attachments_dir_for(db.path)
    attachments = {}
    for segment in segments:
        for sha in segment.attachments:
            if (folder / sha).exists():
                attachments[sha] = folder / sha
    full_bundle = bool(full or acked is None)
    changes = sum(s.count for s in segments)
    manifest: dict[str, Any] = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": head_revision(),
        "app_version": __version__, "created_at": _now(), "full": full_bundle,
        "sender": {"office_id": me.office_id, "name": me.name, "public_key": me.public_key,
                   "fingerprint": me.fingerprint},
        "recipient": recipient[0] if recipient else "*",
        "vector": vector,
        "keys": {o: {"public_key": k, "name": names.get(o)} for o, k in sorted(known.items())},
        "segments": [
            {"origin": s.origin, "first_seq": s.first_seq, "last_seq": s.last_seq, "signature": s.signature,
             "attachments": list(s.attachments)} for s in segments
        ],
        "counts": {"segments": len(segments), "changes": changes,
            "attachments": len(attachments)},
    }
    if target.is_dir():
        target = target / bundle_name(me.name, me.office_id, recipient[1] if recipient else "",
            recipient[0] if recipient else None)
    path = write_bundle(target, manifest, segments, attachments, private, progress, cancel)
    if recipient:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO sync_peers(office_id, acked, last_sent_at) VALUES (?, '{}', ?) "
                "ON CONFLICT(office_id) DO UPDATE SET last_sent_at=excluded.last_sent_at",
                (recipient[0], _now()),
            )
            record_changes(conn, "sync_peers")
    return ExportResult(str(path), recipient[0] if recipient else None, recipient[1] if recipient else "tất cả",
                        full_bundle, len(segments), changes, len(attachments),
                        path.stat().st_size)


def export_bundles(db: Database, to: str, output: Path | str, *, full: bool = False,
                   progress: Progress | None = None, cancel: Cancel | None = None) -> list[ExportResult]:
    """A bundle for one office (`to` = its id, or a unique prefix of it), or one per peer (`to`="all",
    `output` a folder). Only what the recipient has not acknowledged, unless `full`."""
    me = identity(db)
    output = Path(output)
    with db.engine.connect() as conn:
        peers = [(o, n) for o, n, _l, _r in peer_rows(conn, me.office_id)]
        offices = list(conn.exec_driver_sql("SELECT id, name FROM offices WHERE id != ?", (me.office_id,)))
    try:
        if to == "all" or (not output.suffix and not output.exists()):
            output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PtdsError(f"Không tạo được thư mục {output}: {exc.strerror or exc}.") from None
    if to == "all":
        if not output.is_dir():
            raise ValidationError(f"{output} không phải thư mục; khi gửi cho mọi văn phòng hãy chọn một thư mục.",
                "output")
        return [_export_one(db, me, peer, output, full, progress, cancel) for peer in peers]
    if to == "*":
        recipient = None
    else:
        matches = [o for o in offices if o[0] == to] or [o for o in offices if o[0].startswith(to)]
        if len(matches) != 1:
            raise NotFoundError(f"Không tìm thấy văn phòng nhận có mã {to!r} (xem 'ptds sync peers').")
        recipient = tuple(matches[0])
    return [_export_one(db, me, recipient, output, full, progress, cancel)]


@dataclasses.dataclass(frozen=True)
class _Checked:
    content: BundleContent
    sender_id: str
    sender_name: str
    sender_key: str
    confirmed: bool  # the user confirmed the sender's fingerprint just now
    segments: tuple[Segment, ...]  # verified segments
    changes: dict[tuple[str, int], list[Change]]  # (origin, first_seq) -> parsed changes of each verified segment
    skipped: tuple[str, ...]
    vouched: dict[str, tuple[str, str | None]]  # office_id -> (public_key, name) accepted from an ancestor sender


def _check(db: Database, path: Path, trust: str | None) -> _Checked:
    """Every check that needs no write: archive, schema, sender, signatures of manifest and segments."""
    me = require_office(db)
    content = read_bundle(path)
    manifest = content.manifest
    name = Path(path).name
    schema = manifest.get("schema_version")
    if schema not in known_revisions():
        raise BundleError(
            f"Gói {name} do PTDS Desktop phiên bản {manifest.get('app_version', '?')} tạo (lược đồ {schema}); "
            f"phiên bản này ({__version__}) không đọc được. "
            f"Hãy cập nhật ứng dụng lên phiên bản {manifest.get('app_version')}."
        )
    try:
        sender = manifest["sender"]
        sender_id, sender_name, sender_key = sender["office_id"], sender["name"], sender["public_key"]
        keys.fingerprint(sender_key)
    except (KeyError, TypeError, ValueError):
        raise BundleError(f"Gói {name} bị hỏng: manifest thiếu thông tin văn phòng gửi.") from None
    if manifest.get("recipient") not in ("*", me):
        raise BundleError(
            f"Gói {name} gửi cho văn phòng khác (mã {manifest.get('recipient')}), không phải văn phòng này."
        )
    if sender_id == me:
        raise BundleError(f"Gói {name} do chính văn phòng này tạo; hãy nhập gói của văn phòng khác.")
    with db.engine.connect() as conn:
        known = known_keys(conn)
        parents = office_parents(conn)
        names = office_names(conn)
    fingerprint = keys.fingerprint(sender_key)
    confirmed = False
    if sender_id not in known:
        if trust is None or trust.replace(" ", "").upper() != fingerprint:
            where = "đã có trong danh sách" if sender_id in names else "chưa có trong danh sách văn phòng"
            raise UnknownPeerError(
                f"Gói {name} do văn phòng lạ gửi: “{sender_name}” (mã {sender_id}, {where}). "
                f"Dấu vân tay khóa: {fingerprint}. Hãy gọi điện đối chiếu với văn phòng đó; nếu đúng, "
                f"nhập lại với --trust {fingerprint}.",
                sender_id, sender_name, fingerprint,
            )
        confirmed = True
    elif known[sender_id] != sender_key:
        raise BundleError(
            f"Gói {name}: khóa của “{sender_name}” khác khóa đã biết — gói giả mạo hoặc văn phòng đã cài lại. "
            "Không áp dụng."
        )
    if not keys.verify(sender_key, content.signature, content.manifest_bytes):
        raise BundleError(f"Gói {name} sai chữ ký: manifest không do “{sender_name}” ký hoặc đã bị sửa. Không áp dụng.")
    vouched = {}
    if may_change(sender_id, me, parents):  # an ancestor vouches for the keys it lists
        for office_id, entry in (manifest.get("keys") or {}).items():
            if office_id not in known and office_id != me:
                vouched[office_id] = (entry["public_key"], entry.get("name"))
    usable = dict(known)
    usable[sender_id] = sender_key
    usable.update({o: k for o, (k, _n) in vouched.items()})
    verified, skipped = [], []
    for segment in content.segments:
        key = usable.get(segment.origin)
        if key is None:
            skipped.append(f"{names.get(segment.origin) or segment.origin}: {segment.count} thay đổi (chưa biết khóa)")
            continue
        if not keys.verify(key, segment.signature,
                           log.signed_bytes(segment.origin, segment.first_seq, segment.last_seq, segment.body)):
            listed = (manifest.get("keys") or {}).get(segment.origin, {}).get("name")
            who = names.get(segment.origin) or listed or segment.origin
            raise BundleError(
                f"Gói {name}: đoạn thay đổi {segment.name} không khớp chữ ký của văn phòng “{who}” — "
                f"đã bị sửa hoặc giả mạo trên đường chuyển (gửi qua “{sender_name}”). Không áp dụng."
            )
        verified.append(segment)
    changes = {(s.origin, s.first_seq): log.parse_segment(s, f"Gói {name}") for s in verified}
    return _Checked(content, sender_id, sender_name, sender_key, confirmed, tuple(verified), changes,
                    tuple(skipped), vouched)


def _report(checked: _Checked, status_: str, message: str, stats: MergeStats | None, new_changes: int,
            names: dict[str, str], clock_warnings: list[str], backup: str | None) -> ImportReport:
    per_area: dict[str, Any] = {}
    if stats is not None:
        for label, counter in (("inserts", stats.inserts), ("updates", stats.updates),
                               ("deletes", stats.deletes), ("conflicts", stats.conflicts)):
            for tbl, n in counter.items():
                per_area.setdefault(area(tbl), Counter())[label] += n
        for r in stats.rejected:
            per_area.setdefault(area(r[2]), Counter())["rejections"] += 1
    rows = tuple(
        AreaCounts(a, c["inserts"], c["updates"], c["deletes"], c["conflicts"], c["rejections"])
        for a, c in sorted(per_area.items())
    )
    rejections = tuple(
        Rejection(o, names.get(o, o), area(t), t, r, f, reason) for o, s, t, r, f,
            reason in (stats.rejected if stats else [])
    )
    return ImportReport(str(checked.content.path), checked.sender_id, checked.sender_name, status_, message,
                        new_changes, rows, rejections, stats.pending if stats else 0, checked.skipped,
                        tuple(clock_warnings), backup)


def _apply(db: Database, conn: Connection, checked: _Checked, progress: Progress | None = None,
           cancel: Cancel | None = None) -> tuple[MergeStats, int, list[str], dict[str, str]]:
    """Inside the caller's transaction. Returns (stats, new_changes, clock warnings)."""
    name = checked.content.path.name
    incoming = log.new_segments(conn, list(checked.segments), checked.changes)
    segments, changes = incoming.segments, incoming.changes
    check_cancel(cancel)
    if progress:
        progress(0, 1, name)
    names = office_names(conn) | {o: n for o, (_k, n) in checked.vouched.items() if n}
    limit = clock.acceptable_limit(db.engine)
    ahead: dict[str, int] = {}
    for change in changes:
        if change[6] > limit:
            ahead[change[0]] = max(ahead.get(change[0], 0), change[6])
    warnings = [
        f"Đồng hồ của “{names.get(o, o)}” chạy nhanh: có sửa đổi ghi lúc {format_datetime(clock.stamp_time(h))}, "
        "hơn một ngày sau giờ máy này; các sửa đổi đó chưa được áp dụng (sửa đổi hợp lệ được giữ lại đến khi giờ "
        "máy này tới thời điểm đó). "
        "Hãy báo văn phòng đó chỉnh lại ngày giờ." for o, h in ahead.items()
    ]
    warnings += [f"Không áp dụng thay đổi của “{names.get(o, o)}” {text}." for o, text in incoming.refused]
    stats = log.receive(conn, segments, changes)
    check_cancel(cancel)
    # The sender's vector is its acknowledgement; a replayed old bundle never moves it back.
    acked = log.merge_acknowledgement(acked_by(conn, checked.sender_id), checked.content.manifest.get("vector"),
                                      checked.sender_id)
    conn.exec_driver_sql(
        "INSERT INTO sync_peers(office_id, acked, last_received_at) VALUES (?,?,?) "
        "ON CONFLICT(office_id) DO UPDATE SET acked=excluded.acked, last_received_at=excluded.last_received_at",
        (checked.sender_id, json.dumps(acked), _now()),
    )
    record_changes(conn, "sync_peers")
    if checked.confirmed:
        save_key(conn, checked.sender_id, checked.sender_key, "confirmed", checked.sender_name)
    for office_id, (public_key, office_name) in checked.vouched.items():
        save_key(conn, office_id, public_key, "vouched", office_name)
    if progress:
        progress(1, 1, name)
    return stats, len(changes), warnings, names


def _already(conn: Connection, checked: _Checked) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM sync_receipts WHERE bundle_sha256=?", (checked.content.sha256,)
    ).fetchone() is not None


def preview_bundle(db: Database, path: Path | str, *, trust: str | None = None) -> ImportReport:
    """What importing would do (inserts, updates, deletes, conflicts, rejections per area), changing nothing."""
    checked = _check(db, Path(path), trust)
    with db.engine.connect() as conn:
        transaction = conn.begin()
        try:
            if _already(conn, checked):
                return _report(checked, "already_applied", f"Gói {Path(path).name} đã được nhập trước đây.",
                               None, 0, {}, [], None)
            stats, new, warnings, names = _apply(db, conn, checked)
        finally:
            transaction.rollback()
    name = Path(path).name
    message = f"Xem trước gói {name}: {new} thay đổi mới." if new else f"Gói {name} không có gì mới."
    return _report(checked, "preview", message, stats, new, names, warnings, None)


def import_bundle(db: Database, path: Path | str, *, trust: str | None = None, progress: Progress | None = None,
                  cancel: Cancel | None = None, backup: bool = True) -> ImportReport:
    """Check everything, back up (unless the caller just did), apply in one transaction, keep a receipt.
    Re-import: "already applied"."""
    path = Path(path)
    checked = _check(db, path, trust)
    with db.engine.connect() as conn:
        if _already(conn, checked):
            return _report(checked, "already_applied",
                           f"Gói {path.name} đã được nhập trước đây; không có gì thay đổi.", None, 0, {}, [], None)
    folder = attachments_dir_for(db.path)
    for sha, data in checked.content.attachments.items():  # content-addressed: harmless if the import fails
        target = folder / sha
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            part = target.with_name(sha + ".part")
            part.write_bytes(data)
            part.replace(target)
    backup_path = automatic_backup(db.path, "before-sync") if backup else None
    with db.engine.begin() as conn:
        stats, new, warnings, names = _apply(db, conn, checked, progress, cancel)
        message = (f"Đã nhập gói {path.name} từ “{checked.sender_name}”: {new} thay đổi mới."
                   if new else f"Gói {path.name} không có gì mới (các thay đổi đã có từ trước).")
        report = _report(checked, "applied" if new else "nothing_new", message, stats, new, names, warnings,
                         str(backup_path) if backup_path else None)
        conn.exec_driver_sql(
            "INSERT INTO sync_receipts(bundle_sha256, file_name, sender_office_id, applied_at, summary) "
            "VALUES (?,?,?,?,?)",
            (checked.content.sha256, path.name, checked.sender_id, _now(),
             json.dumps(dataclasses.asdict(report), ensure_ascii=False)),
        )
        record_changes(conn, "sync_receipts")
    return report
