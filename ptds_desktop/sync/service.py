"""Sync use cases shared by the GUI and the CLI: identity, enrolment, peers, export, preview and
import of bundles, conflicts, one-action USB. Every function returns frozen dataclasses.

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


from ptds_desktop import __version__
from ptds_desktop.config import attachments_dir_for
from ptds_desktop.db.backup import automatic_backup
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.database import Database, head_revision, known_revisions
from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.models import Office
from ptds_desktop.models.base import model_for_table, new_id
from ptds_desktop.sync import clock, keys, log
from ptds_desktop.sync.bundle import (
    FORMAT, FORMAT_VERSION, BundleContent, BundleError, SyncCancelled, check_cancel, read_bundle, write_bundle,
)
from ptds_desktop.sync.capture import last_seq, mark_seen
from ptds_desktop.sync.schema import area, may_change, office_parents
from ptds_desktop.text import fold, format_datetime

__all__ = [
    "AreaCounts", "BundleError", "ClockCheck", "ConflictInfo", "EnrolmentInfo", "ExportResult", "IdentityInfo",
    "ImportReport", "PeerInfo", "Rejection", "SyncCancelled", "SyncStatus", "UnknownPeerError", "UsbResult",
    "check_clock", "dismiss_conflict", "export_bundles", "identity", "import_bundle", "list_conflicts", "list_peers",
    "make_enrolment_file", "preview_bundle", "restore_conflict", "status", "usb_sync",
]

ENROLMENT_FORMAT = "ptds-enrolment"


BUNDLE_SUFFIX = ".ptds.zip"


class UnknownPeerError(BundleError):
    """The sender is seen for the first time: show the fingerprint; retry with trust=fingerprint."""

    def __init__(self, message: str, office_id: str, office_name: str, fingerprint: str):
        super().__init__(message)
        self.office_id = office_id
        self.office_name = office_name
        self.fingerprint = fingerprint


@dataclasses.dataclass(frozen=True)
class IdentityInfo:
    office_id: str
    name: str
    level: str
    parent_id: str | None
    public_key: str
    fingerprint: str
    key_file: str


@dataclasses.dataclass(frozen=True)
class PeerInfo:
    office_id: str
    name: str
    level: str
    relation: str  # parent, child, other
    fingerprint: str | None  # None while no key is known
    last_received_at: str | None
    last_sent_at: str | None
    pending_changes: int  # changes held here that this peer has not acknowledged


@dataclasses.dataclass(frozen=True)
class ClockCheck:
    ok: bool
    local_ms: int
    newest_ms: int
    message: str | None


@dataclasses.dataclass(frozen=True)
class SyncStatus:
    identity: IdentityInfo
    own_changes: int  # sequence number of this office's newest change
    unsent_changes: int  # captured, not yet sealed into a bundle
    conflicts: int
    pending_changes: int  # received, waiting for a row that has not arrived
    rejections: int
    clock: ClockCheck
    peers: tuple[PeerInfo, ...]


@dataclasses.dataclass(frozen=True)
class EnrolmentInfo:
    path: str
    office_id: str
    name: str
    level: str
    parent_id: str | None
    parent_fingerprint: str


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


@dataclasses.dataclass(frozen=True)
class ConflictInfo:
    id: int
    kind: str  # edit: lost to a concurrent edit; delete: edited while someone deleted the row
    table: str
    area: str
    row_id: str
    field: str
    lost_value: object
    lost_origin_id: str
    lost_origin_name: str
    lost_at: str  # ISO time of the losing edit
    current_value: object
    row_deleted: bool


@dataclasses.dataclass(frozen=True)
class UsbResult:
    folder: str
    exported: tuple[ExportResult, ...]
    imported: tuple[ImportReport, ...]
    errors: tuple[str, ...]  # one per bundle that could not be read or applied


# ---------------------------------------------------------------- identity and keys


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _stamp_time(stamp: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(clock.stamp_ms(stamp) / 1000)


def _stamp_iso(stamp: int) -> str:
    return _stamp_time(stamp).isoformat(timespec="seconds")


def _require_office(db: Database) -> str:
    office_id = db.office_id()
    if office_id is None:
        raise PtdsError("Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy 'ptds init'.")
    return office_id


def identity(db: Database) -> IdentityInfo:
    office_id = _require_office(db)
    private = keys.load_private_key(db.path, office_id)
    public = keys.public_key_of(private)
    with db.engine.connect() as conn:
        name, level, parent_id = conn.exec_driver_sql(
            "SELECT name, level, parent_id FROM offices WHERE id=?", (office_id,)
        ).one()
    return IdentityInfo(office_id, name, level, parent_id, public, keys.fingerprint(public),
                        str(keys.key_path(db.path, office_id)))


def _known_keys(conn) -> dict[str, str]:
    result = {o: k for o, k in conn.exec_driver_sql("SELECT id, public_key FROM offices WHERE public_key IS NOT NULL")}
    result.update(dict(conn.exec_driver_sql("SELECT office_id, public_key FROM sync_keys").fetchall()))
    return result


def _office_names(conn) -> dict[str, str]:
    return dict(conn.exec_driver_sql("SELECT id, name FROM offices").fetchall())


def _save_key(conn, office_id: str, public_key: str, source: str, name: str | None) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_keys(office_id, public_key, source, name) VALUES (?,?,?,?) "
        "ON CONFLICT(office_id) DO NOTHING",
        (office_id, public_key, source, name),
    )
    record_changes(conn, "sync_keys")


# ---------------------------------------------------------------- enrolment


def make_enrolment_file(db: Database, name: str, level: str, output: Path | str, *,
                        place_name: str | None = None) -> EnrolmentInfo:
    """Register a new office under this one and write the file it imports at set-up (`ptds init --enrol`)."""
    from ptds_desktop.services.common import required
    from ptds_desktop.models.enums import OFFICE_LEVELS

    me = identity(db)
    name = required(name, "Tên văn phòng", "name", 200)
    if level not in OFFICE_LEVELS:
        raise ValidationError(f"Cấp không hợp lệ: {level!r}.", "level")
    office_id = new_id()
    with db.unit_of_work() as session:  # an office row is owned by the office itself
        session.add(Office(id=office_id, name=name, level=level, parent_id=me.office_id, place_name=place_name,
                           created_by=me.office_id, owner_office_id=office_id))
    with db.engine.connect() as conn:
        rows = {}
        for row_id in (me.office_id, office_id):
            cursor = conn.exec_driver_sql("SELECT * FROM offices WHERE id=?", (row_id,))
            rows[row_id] = dict(zip(cursor.keys(), cursor.one()))
            rows[row_id]["field_clock"] = [
                list(r) for r in conn.exec_driver_sql(
                    "SELECT field, hlc, origin, base_hlc FROM sync_field_clock WHERE tbl='offices' AND row_id=?", (row_id,)
                )
            ]
    payload = {
        "format": ENROLMENT_FORMAT, "app_version": __version__, "schema_version": head_revision(),
        "office": rows[office_id], "parent": rows[me.office_id], "parent_public_key": me.public_key,
    }
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    signature = keys.sign(keys.load_private_key(db.path, me.office_id), body.encode("utf-8"))
    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        part = output.with_name(output.name + ".part")
        part.write_text(json.dumps({"payload": body, "signature": signature}, ensure_ascii=False), encoding="utf-8")
        part.replace(output)
    except OSError as exc:
        raise PtdsError(f"Không ghi được tệp đăng ký {output}: {exc.strerror or exc}. Văn phòng “{name}” đã được "
                        f"đăng ký; hãy xuất lại tệp vào chỗ khác.") from None
    return EnrolmentInfo(str(output), office_id, name, level, me.office_id, me.fingerprint)


def read_enrolment_file(path: Path | str) -> dict:
    path = Path(path)
    try:
        outer = json.loads(path.read_text(encoding="utf-8"))
        payload = json.loads(outer["payload"])
        if payload.get("format") != ENROLMENT_FORMAT:
            raise ValueError("không phải tệp đăng ký PTDS")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PtdsError(f"Tệp đăng ký {path} không đọc được: {exc}") from None
    if not keys.verify(payload["parent_public_key"], outer["signature"], outer["payload"].encode("utf-8")):
        raise PtdsError(f"Tệp đăng ký {path} bị sửa hoặc hỏng: chữ ký không khớp.")
    if payload.get("schema_version") not in known_revisions():
        raise PtdsError(
            f"Tệp đăng ký {path} do phiên bản mới hơn tạo. Hãy cập nhật ứng dụng lên phiên bản {payload.get('app_version')}."
        )
    return payload


def enrol(db: Database, path: Path | str) -> IdentityInfo:
    """Set up this (empty) database as the office described by an enrolment file from its parent."""
    payload = read_enrolment_file(path)
    if db.office_id() is not None:
        raise PtdsError("Cơ sở dữ liệu này đã được khởi tạo cho một văn phòng.")
    office, parent = payload["office"], payload["parent"]
    with db.engine.begin() as conn:
        # Written as the parent holds them (same stamps), so its own copies of these rows merge as equal.
        for row in (parent, office):
            clocks = row.pop("field_clock")
            columns = list(row)
            conn.exec_driver_sql(
                f"INSERT INTO offices ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                tuple(row[c] for c in columns),
            )
            conn.exec_driver_sql(
                "INSERT INTO sync_field_clock(tbl, row_id, field, hlc, origin, base_hlc) VALUES ('offices',?,?,?,?,?)",
                [(row["id"], *c) for c in clocks],
            )
            clock.observe(conn, row["hlc"])
        record_changes(conn, "offices")
        _save_key(conn, parent["id"], payload["parent_public_key"], "enrolment", parent["name"])
    from ptds_desktop.services.offices import init_office

    init_office(db, office["name"], office["level"], office_id=office["id"], parent_id=parent["id"],
                place_name=office.get("place_name"))
    return identity(db)


# ---------------------------------------------------------------- status and peers


def check_clock(db: Database) -> ClockCheck:
    """At start: is this computer's clock behind the newest stamp held (someone's clock, maybe ours, is wrong)?"""
    with db.engine.connect() as conn:
        newest = clock.stamp_ms(clock.newest_seen(conn))
    local = clock.clock_for(db.engine).now_ms()
    if newest > local + 60_000:
        when = format_datetime(dt.datetime.fromtimestamp(newest / 1000))
        return ClockCheck(False, local, newest,
                          f"Đồng hồ máy này chậm hơn dữ liệu đang có (mới nhất lúc {when}). "
                          "Hãy chỉnh lại ngày giờ của máy, nếu không các sửa đổi mới có thể bị coi là cũ.")
    return ClockCheck(True, local, newest, None)


def _peer_rows(conn, me: str) -> list[tuple]:
    parents = office_parents(conn)
    my_parent = parents.get(me)
    exchanged = {r[0] for r in conn.exec_driver_sql("SELECT office_id FROM sync_peers")}
    result = []
    for office_id, name, level, parent_id in conn.exec_driver_sql(
        "SELECT id, name, level, parent_id FROM offices WHERE deleted=0 ORDER BY name"
    ):
        if office_id == me:
            continue
        relation = "parent" if office_id == my_parent else "child" if parent_id == me else "other"
        if relation == "other" and office_id not in exchanged:
            continue
        result.append((office_id, name, level, relation))
    return result


def _acked(conn, office_id: str) -> dict[str, int]:
    row = conn.exec_driver_sql("SELECT acked FROM sync_peers WHERE office_id=?", (office_id,)).fetchone()
    return json.loads(row[0]) if row else {}


def list_peers(db: Database) -> list[PeerInfo]:
    me = _require_office(db)
    with db.engine.connect() as conn:
        known = _known_keys(conn)
        times = {r[0]: (r[1], r[2]) for r in conn.exec_driver_sql(
            "SELECT office_id, last_received_at, last_sent_at FROM sync_peers")}
        result = []
        for office_id, name, level, relation in _peer_rows(conn, me):
            key = known.get(office_id)
            received, sent = times.get(office_id, (None, None))
            result.append(PeerInfo(office_id, name, level, relation, keys.fingerprint(key) if key else None,
                                   received, sent, log.pending_count(conn, _acked(conn, office_id))))
    return result


def status(db: Database) -> SyncStatus:
    me = identity(db)
    with db.engine.connect() as conn:
        count = lambda sql: conn.exec_driver_sql(sql).scalar()  # noqa: E731
        own = last_seq(conn)
        unsent = count("SELECT count(*) FROM sync_outbox")
        conflicts = count("SELECT count(*) FROM sync_conflicts")
        pending = count("SELECT count(*) FROM sync_pending")
        rejections = count("SELECT count(*) FROM sync_rejections")
    return SyncStatus(me, own, unsent, conflicts, pending, rejections, check_clock(db), tuple(list_peers(db)))


# ---------------------------------------------------------------- export


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:30] or "office"


def bundle_name(sender_name: str, sender_id: str, recipient_name: str, recipient_id: str | None) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
    to = f"{_slug(recipient_name)}-{recipient_id[:8]}" if recipient_id else "tat-ca"
    return f"PTDS_{_slug(sender_name)}-{sender_id[:8]}_gui_{to}_{stamp}{BUNDLE_SUFFIX}"


def _export_one(db: Database, me: IdentityInfo, recipient: tuple | None, target: Path, full: bool,
                progress, cancel) -> ExportResult:
    private = keys.load_private_key(db.path, me.office_id)
    with db.engine.begin() as conn:
        log.seal_outbox(conn, me.office_id, private)
    with db.engine.connect() as conn:
        acked = None if (full or recipient is None) else _acked(conn, recipient[0])
        segments = log.segments_for(conn, acked)
        vector = log.own_vector(conn, me.office_id)
        known = _known_keys(conn)
        names = _office_names(conn)
    known[me.office_id] = me.public_key
    folder = attachments_dir_for(db.path)
    attachments = {}
    for segment in segments:
        for sha in segment.attachments:
            if (folder / sha).exists():
                attachments[sha] = folder / sha
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": head_revision(),
        "app_version": __version__, "created_at": _now(), "full": bool(full or acked is None),
        "sender": {"office_id": me.office_id, "name": me.name, "public_key": me.public_key,
                   "fingerprint": me.fingerprint},
        "recipient": recipient[0] if recipient else "*",
        "vector": vector,
        "keys": {o: {"public_key": k, "name": names.get(o)} for o, k in sorted(known.items())},
        "segments": [
            {"origin": s.origin, "first_seq": s.first_seq, "last_seq": s.last_seq, "signature": s.signature,
             "attachments": list(s.attachments)} for s in segments
        ],
        "counts": {"segments": len(segments), "changes": sum(s.count for s in segments), "attachments": len(attachments)},
    }
    if target.is_dir():
        target = target / bundle_name(me.name, me.office_id, recipient[1] if recipient else "", recipient[0] if recipient else None)
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
                        manifest["full"], len(segments), manifest["counts"]["changes"], len(attachments),
                        path.stat().st_size)


def export_bundles(db: Database, to: str, output: Path | str, *, full: bool = False,
                   progress=None, cancel=None) -> list[ExportResult]:
    """A bundle for one office (`to` = its id, or a unique prefix of it), or one per peer (`to`="all",
    `output` a folder). Only what the recipient has not acknowledged, unless `full`."""
    me = identity(db)
    output = Path(output)
    with db.engine.connect() as conn:
        peers = [(o, n) for o, n, _l, _r in _peer_rows(conn, me.office_id)]
        offices = list(conn.exec_driver_sql("SELECT id, name FROM offices WHERE id != ?", (me.office_id,)))
    try:
        if to == "all" or (not output.suffix and not output.exists()):
            output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PtdsError(f"Không tạo được thư mục {output}: {exc.strerror or exc}.") from None
    if to == "all":
        if not output.is_dir():
            raise ValidationError(f"{output} không phải thư mục; khi gửi cho mọi văn phòng hãy chọn một thư mục.", "output")
        return [_export_one(db, me, peer, output, full, progress, cancel) for peer in peers]
    if to == "*":
        recipient = None
    else:
        matches = [o for o in offices if o[0] == to] or [o for o in offices if o[0].startswith(to)]
        if len(matches) != 1:
            raise NotFoundError(f"Không tìm thấy văn phòng nhận có mã {to!r} (xem 'ptds sync peers').")
        recipient = tuple(matches[0])
    return [_export_one(db, me, recipient, output, full, progress, cancel)]


# ---------------------------------------------------------------- import


@dataclasses.dataclass(frozen=True)
class _Checked:
    content: BundleContent
    sender_id: str
    sender_name: str
    sender_key: str
    confirmed: bool  # the user confirmed the sender's fingerprint just now
    segments: tuple  # verified segments
    changes: dict  # (origin, first_seq) -> parsed changes of each verified segment
    skipped: tuple[str, ...]
    vouched: dict  # office_id -> (public_key, name) accepted from an ancestor sender


def _check(db: Database, path: Path, trust: str | None) -> _Checked:
    """Every check that needs no write: archive, schema, sender, signatures of manifest and segments."""
    me = _require_office(db)
    content = read_bundle(path)
    manifest = content.manifest
    name = Path(path).name
    schema = manifest.get("schema_version")
    if schema not in known_revisions():
        raise BundleError(
            f"Gói {name} do PTDS Desktop phiên bản {manifest.get('app_version', '?')} tạo (lược đồ {schema}); "
            f"phiên bản này ({__version__}) không đọc được. Hãy cập nhật ứng dụng lên phiên bản {manifest.get('app_version')}."
        )
    try:
        sender = manifest["sender"]
        sender_id, sender_name, sender_key = sender["office_id"], sender["name"], sender["public_key"]
        keys.fingerprint(sender_key)
    except (KeyError, TypeError, ValueError):
        raise BundleError(f"Gói {name} bị hỏng: manifest thiếu thông tin văn phòng gửi.") from None
    if manifest.get("recipient") not in ("*", me):
        raise BundleError(f"Gói {name} gửi cho văn phòng khác (mã {manifest.get('recipient')}), không phải văn phòng này.")
    if sender_id == me:
        raise BundleError(f"Gói {name} do chính văn phòng này tạo; hãy nhập gói của văn phòng khác.")
    with db.engine.connect() as conn:
        known = _known_keys(conn)
        parents = office_parents(conn)
        names = _office_names(conn)
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
            who = names.get(segment.origin) or (manifest.get("keys") or {}).get(segment.origin, {}).get("name") or segment.origin
            raise BundleError(
                f"Gói {name}: đoạn thay đổi {segment.name} không khớp chữ ký của văn phòng “{who}” — "
                f"đã bị sửa hoặc giả mạo trên đường chuyển (gửi qua “{sender_name}”). Không áp dụng."
            )
        verified.append(segment)
    changes = {(s.origin, s.first_seq): log.parse_segment(s, f"Gói {name}") for s in verified}
    return _Checked(content, sender_id, sender_name, sender_key, confirmed, tuple(verified), changes,
                    tuple(skipped), vouched)


def _report(checked: _Checked, status_: str, message: str, stats, new_changes: int, names: dict,
            clock_warnings: list, backup: str | None) -> ImportReport:
    per_area: dict = {}
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
        Rejection(o, names.get(o, o), area(t), t, r, f, reason) for o, s, t, r, f, reason in (stats.rejected if stats else [])
    )
    return ImportReport(str(checked.content.path), checked.sender_id, checked.sender_name, status_, message,
                        new_changes, rows, rejections, stats.pending if stats else 0, checked.skipped,
                        tuple(clock_warnings), backup)


def _apply(db: Database, conn, checked: _Checked, progress=None, cancel=None):
    """Inside the caller's transaction. Returns (stats, new_changes, clock warnings)."""
    me = db.office_id()
    name = checked.content.path.name
    segments = log.new_segments(conn, list(checked.segments), me)
    changes = []
    for segment in segments:
        changes.extend(checked.changes[(segment.origin, segment.first_seq)])
    check_cancel(cancel)
    if progress:
        progress(0, 1, name)
    names = _office_names(conn) | {o: n for o, (_k, n) in checked.vouched.items() if n}
    limit = clock.stamp_for_ms(clock.clock_for(db.engine).now_ms() + clock.DAY_MS)
    ahead = {}
    for change in changes:
        if change[6] > limit:
            ahead[change[0]] = max(ahead.get(change[0], 0), change[6])
    warnings = [
        f"Đồng hồ của “{names.get(o, o)}” chạy nhanh: có sửa đổi ghi lúc {format_datetime(_stamp_time(h))}, "
        "hơn một ngày sau giờ máy này. Hãy báo văn phòng đó chỉnh lại ngày giờ." for o, h in ahead.items()
    ]
    stats = log.receive(conn, segments, changes)
    check_cancel(cancel)
    # The sender's vector is its acknowledgement; a replayed old bundle never moves it back.
    acked = _acked(conn, checked.sender_id)
    for origin, seq in (checked.content.manifest.get("vector") or {}).items():
        if isinstance(seq, int) and seq > acked.get(origin, 0):
            acked[origin] = seq
    conn.exec_driver_sql(
        "INSERT INTO sync_peers(office_id, acked, last_received_at) VALUES (?,?,?) "
        "ON CONFLICT(office_id) DO UPDATE SET acked=excluded.acked, last_received_at=excluded.last_received_at",
        (checked.sender_id, json.dumps(acked), _now()),
    )
    record_changes(conn, "sync_peers")
    if checked.confirmed:
        _save_key(conn, checked.sender_id, checked.sender_key, "confirmed", checked.sender_name)
    for office_id, (public_key, office_name) in checked.vouched.items():
        _save_key(conn, office_id, public_key, "vouched", office_name)
    if progress:
        progress(1, 1, name)
    return stats, len(changes), warnings, names


def _already(conn, checked: _Checked) -> bool:
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
    message = f"Xem trước gói {Path(path).name}: {new} thay đổi mới." if new else f"Gói {Path(path).name} không có gì mới."
    return _report(checked, "preview", message, stats, new, names, warnings, None)


def import_bundle(db: Database, path: Path | str, *, trust: str | None = None, progress=None,
                  cancel=None, backup: bool = True) -> ImportReport:
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
            "INSERT INTO sync_receipts(bundle_sha256, file_name, sender_office_id, applied_at, summary) VALUES (?,?,?,?,?)",
            (checked.content.sha256, path.name, checked.sender_id, _now(),
             json.dumps(dataclasses.asdict(report), ensure_ascii=False)),
        )
        record_changes(conn, "sync_receipts")
    return report


# ---------------------------------------------------------------- conflicts


def list_conflicts(db: Database) -> list[ConflictInfo]:
    with db.engine.connect() as conn:
        names = _office_names(conn)
        result = []
        for cid, tbl, row_id, field, kind, value, hlc, origin in conn.exec_driver_sql(
            "SELECT id, tbl, row_id, field, kind, value, hlc, origin FROM sync_conflicts ORDER BY hlc, id"
        ):
            row = conn.exec_driver_sql(f"SELECT {field}, deleted FROM {tbl} WHERE id=?", (row_id,)).fetchone()
            result.append(ConflictInfo(cid, kind, tbl, area(tbl), row_id, field, json.loads(value), origin,
                                       names.get(origin, origin), _stamp_iso(hlc),
                                       row[0] if row else None, bool(row[1]) if row else False))
    return result


def _conflict(conn, conflict_id: int):
    row = conn.exec_driver_sql(
        "SELECT tbl, row_id, field, kind, value, hlc, origin FROM sync_conflicts WHERE id=?", (conflict_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"Không tìm thấy xung đột số {conflict_id} (có thể đã được xử lý ở văn phòng khác).")
    return row


def restore_conflict(db: Database, conflict_id: int) -> ConflictInfo:
    """Put the losing value back (an 'edit' conflict) or undelete the row (a 'delete' conflict).
    The resolution is an ordinary change: it syncs, so no other office resolves it again."""
    with db.engine.connect() as conn:
        tbl, row_id, field, kind, value, hlc, origin = _conflict(conn, conflict_id)
    info = next(c for c in list_conflicts(db) if c.id == conflict_id)
    model = model_for_table(tbl)
    with db.unit_of_work() as session:
        obj = session.get(model, row_id)
        if kind == "delete":
            obj.deleted = False
        else:
            column = model.__table__.columns[field]
            decoded = json.loads(value)
            result_processor = column.type.dialect_impl(session.get_bind().dialect).result_processor(
                session.get_bind().dialect, None)
            setattr(obj, field, result_processor(decoded) if result_processor and decoded is not None else decoded)
        session.flush()
        mark_seen(session, tbl, row_id, field, hlc, origin)
    return info


def dismiss_conflict(db: Database, conflict_id: int) -> ConflictInfo:
    """Keep the current value; the decision syncs like any change."""
    with db.engine.connect() as conn:
        tbl, row_id, field, _kind, _value, hlc, origin = _conflict(conn, conflict_id)
    info = next(c for c in list_conflicts(db) if c.id == conflict_id)
    with db.unit_of_work() as session:
        mark_seen(session, tbl, row_id, field, hlc, origin)
    return info


# ---------------------------------------------------------------- USB


def _addressed_here(path: Path, me: str) -> bool:
    try:
        import zipfile

        with zipfile.ZipFile(path) as zf:
            recipient = json.loads(zf.read("manifest.json")).get("recipient")
    except Exception:  # noqa: BLE001  (an unreadable file is reported by the import itself)
        return True
    return recipient in ("*", me)


def usb_sync(db: Database, folder: Path | str, *, trust: str | None = None, progress=None,
             cancel=None) -> UsbResult:
    """One action: import every bundle in `folder` addressed to this office (first, so the answers
    carry the acknowledgements), then write a bundle for every peer there."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"Không thấy thư mục {folder} (USB đã cắm chưa?).", "folder")
    me = _require_office(db)
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
