"""Bundles out and in: export what each peer has not acknowledged; preview and import a received bundle.

Long operations take `progress(done, total, label)` and `cancel` (a threading.Event or a callable
returning True to stop); a cancelled export leaves no file, a cancelled import changes nothing.
"""

from __future__ import annotations

import binascii
import dataclasses
import datetime as dt
import json
import re
import secrets
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
from ptds_desktop.db.engine import exclusive_sync
from ptds_desktop.db.renamed_values import RENAMED_VALUES, upgrade_value
from ptds_desktop.db.synced import area, tables
from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.sync import certificates, keyring, keys, log, purge, sealing
from ptds_desktop.sync.bundle import (
    FORMAT,
    FORMAT_VERSION,
    BundleContent,
    Cancel,
    Progress,
    check_cancel,
    extract_attachment,
    read_bundle,
    read_seal,
    write_bundle,
)
from ptds_desktop.sync.errors import BundleError, NewerFormatError, UnknownPeerError
from ptds_desktop.sync.log import Segment
from ptds_desktop.sync.merge import FIELD, TBL, VALUE, Change, MergeStats
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
from ptds_desktop.text import file_slug, format_datetime

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
    sealed: bool = False  # encrypted to the recipient's seal key: a lost stick reveals nothing but the addressee
    warning: str = ""  # why it is not sealed, and what to do


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
    record: str  # the row's name (db.synced.RECORD_NAME_COLUMNS), or the start of its id


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
    key_conflicts: tuple[str, ...] = ()  # offices with two certified keys: their changes are held, not applied
    held_segments: int = 0
    refused_by_sender: int = 0  # changes of this office the sender reports it refused
    purged: int = 0  # tombstones purged: by markers received, and by this office once all had acknowledged
    sealed: bool = False  # the bundle was sealed to this office


def _now(db: Database) -> str:
    """This office's clock (the computer's, or the one a test sets: db.clock), as the peers table records times."""
    return dt.datetime.fromtimestamp(clock.clock_for(db.engine).now_ms() / 1000).isoformat(timespec="seconds")


def bundle_name(sender_name: str, sender_id: str, recipient_name: str, recipient_id: str | None) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
    to = f"{file_slug(recipient_name)}-{recipient_id[:8]}" if recipient_id else "tat-ca"
    return f"PTDS_{file_slug(sender_name)}-{sender_id[:8]}_gui_{to}_{stamp}{BUNDLE_SUFFIX}"


def sealed_bundle_name(recipient_name: str, recipient_id: str) -> str:
    """Names only the addressee: who sent a sealed bundle shows once it is opened."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
    return (f"PTDS_gui_{file_slug(recipient_name)}-{recipient_id[:8]}_{stamp}-{secrets.token_hex(2)}"
            f"{BUNDLE_SUFFIX}")


def _not_sealed_warning(recipient: tuple[Any, ...] | None) -> str:
    if recipient is None:
        return translate("Core", "Gói gửi mọi văn phòng KHÔNG được niêm phong: ai nhặt được USB sẽ đọc được họ tên, "
                         "số điện thoại trong gói. Hãy gửi bằng --to all để mỗi văn phòng nhận một gói niêm phong "
                         "riêng.")
    return translate("Core", "Gói gửi “{office}” KHÔNG được niêm phong vì chưa có khóa niêm phong của văn phòng đó "
                     "(văn phòng đó chưa gửi gói nào từ phiên bản có niêm phong): ai nhặt được USB sẽ đọc được họ "
                     "tên, số điện thoại trong gói. Hãy giữ USB cẩn thận và xóa gói khi đã giao; sau khi nhập một "
                     "gói của “{office}” (đã cập nhật ứng dụng), các gói sau sẽ được niêm phong.").format(
        office=recipient[1])


def _export_one(db: Database, me: IdentityInfo, recipient: tuple[Any, ...] | None, target: Path, full: bool,
                progress: Progress | None, cancel: Cancel | None) -> ExportResult:
    private = keys.load_private_key(db.path, me.office_id)
    with db.engine.begin() as conn:
        exclusive_sync(conn)  # two staff exporting at once: the second seals what the first left, nothing twice
        log.seal_outbox(conn, me.office_id, private)
        sealing.own_statement(conn, db.path, me.office_id, private)
    with db.engine.connect() as conn:
        acked = None if (full or recipient is None) else acked_by(conn, recipient[0])
        # Nothing of an office in a key conflict is relayed or acknowledged until the user settles it.
        disputed = certificates.disputed_keys(conn)
        segments = [s for s in log.segments_for(conn, acked) if s.origin not in disputed]
        vector = {o: n for o, n in log.own_vector(conn, me.office_id).items() if o not in disputed}
        known = known_keys(conn)
        names = office_names(conn)
        held_certificates = certificates.held(conn)
        rotations, revocations = keyring.held_rotations(conn), keyring.held_revocations(conn)
        seal_keys = sealing.proven_statements(conn, known | {me.office_id: me.public_key})
        # What this office refused of the recipient's changes: the recipient learns of it in this bundle.
        refused = [{"seq": q, "tbl": t, "row_id": r, "field": f, "reason": why} for q, t, r, f, why in (
            conn.exec_driver_sql("SELECT seq, tbl, row_id, field, reason FROM sync_rejections WHERE origin=? "
                                 "ORDER BY seq", (recipient[0],)) if recipient else ())]
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
        "app_version": __version__, "created_at": _now(db), "full": full_bundle,
        "sender": {"office_id": me.office_id, "name": me.name, "public_key": me.public_key,
                   "fingerprint": me.fingerprint},
        "recipient": recipient[0] if recipient else "*",
        "vector": vector,
        "keys": {o: {"public_key": k, "name": names.get(o)} for o, k in sorted(known.items())},  # for 0.1 readers
        "certificates": [c.as_json() for c in held_certificates],
        "rotations": [r.as_json() for r in rotations],
        "revocations": [r.as_json() for r in revocations],
        "seal_keys": [s.as_json() for _o, s in sorted(seal_keys.items())],
        "rejected": refused,
        "segments": [
            {"origin": s.origin, "first_seq": s.first_seq, "last_seq": s.last_seq, "signature": s.signature,
             "attachments": list(s.attachments)} for s in segments
        ],
        "counts": {"segments": len(segments), "changes": changes,
            "attachments": len(attachments)},
    }
    seal_to = seal_keys.get(recipient[0]) if recipient else None
    envelope = part = None
    if seal_to is not None and recipient is not None:
        own_seal = sealing.load_seal_key(db.path, me.office_id)
        assert own_seal is not None  # made by own_statement above
        carried: dict[str, int] = {}
        for segment in segments:
            carried[segment.origin] = max(carried.get(segment.origin, 0), segment.last_seq)
        envelope = sealing.new_envelope(recipient[0], seal_to.seal_key, own_seal, carried)
    if target.is_dir():
        plain_name = bundle_name(me.name, me.office_id, recipient[1] if recipient else "",
                                 recipient[0] if recipient else None)
        if envelope is not None and recipient is not None:
            # Half-written, it keeps the sender's name: usb.py recognises and removes its own after a crash.
            part = target / f"{plain_name}.part"
            target = target / sealed_bundle_name(recipient[1], recipient[0])
        else:
            target = target / plain_name
    path = write_bundle(target, manifest, segments, attachments, private, progress, cancel, envelope=envelope,
                        part=part)
    if recipient:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO sync_peers(office_id, acked, last_sent_at) VALUES (?, '{}', ?) "
                "ON CONFLICT(office_id) DO UPDATE SET last_sent_at=excluded.last_sent_at",
                (recipient[0], _now(db)),
            )
            record_changes(conn, "sync_peers")
    return ExportResult(str(path), recipient[0] if recipient else None, recipient[1] if recipient else "tất cả",
                        full_bundle, len(segments), changes, len(attachments),
                        path.stat().st_size, envelope is not None,
                        "" if envelope is not None else _not_sealed_warning(recipient))


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
        raise PtdsError(translate("Core", "Không tạo được thư mục {folder}: {reason}.").format(
            folder=output, reason=exc.strerror or exc)) from None
    if to == "all":
        if not output.is_dir():
            raise ValidationError(translate(
                "Core", "{path} không phải thư mục; khi gửi cho mọi văn phòng hãy chọn một thư mục.").format(
                path=output), "output")
        return [_export_one(db, me, peer, output, full, progress, cancel) for peer in peers]
    if to == "*":
        recipient = None
    else:
        matches = [o for o in offices if o[0] == to] or [o for o in offices if o[0].startswith(to)]
        if len(matches) != 1:
            raise NotFoundError(translate(
                "Core", "Không tìm thấy văn phòng nhận có mã “{id}” (xem 'ptds sync peers').").format(id=to))
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
    trust: certificates.Evaluation  # what the bundle's key certificates change here
    held: tuple[tuple[Segment, str], ...]  # (segment, the disputed key it verifies with): kept aside
    sender_disputed: bool  # the sender signed with a key in conflict: its acknowledgement is not taken
    ring: keyring.Keyring | None = None  # every office's valid keys, with this bundle's rotations and revocations
    revoked: dict[tuple[str, int], str] = dataclasses.field(default_factory=dict)  # (origin, seq) -> why refused
    sender_revoked: bool = False  # signed with a revoked key: nothing it says about itself is taken


def _update_app(name: str, manifest: dict[str, Any] | None) -> BundleError:
    """"Update the app", naming the version only from a manifest whose signature holds."""
    version = manifest.get("app_version") if manifest else None
    if isinstance(version, str) and re.fullmatch(r"[0-9]+(\.[0-9]+){0,3}", version):
        return BundleError(translate(
            "Core", "Gói {name} do PTDS Desktop phiên bản {version} tạo; phiên bản này ({current}) không đọc được. "
            "Hãy cập nhật ứng dụng lên phiên bản {version}.").format(name=name, version=version, current=__version__))
    return BundleError(translate("Core", "Gói {name} do một phiên bản PTDS Desktop mới hơn tạo; phiên bản này "
                                 "({current}) không đọc được. Hãy cập nhật ứng dụng.").format(
        name=name, current=__version__))


def _bad_signature(name: str, who: str | None) -> BundleError:
    if who is None:
        return BundleError(translate("Core", "Gói {name} sai chữ ký: manifest không khớp chữ ký kèm theo, đã bị "
                                     "sửa hoặc giả mạo. Không áp dụng.").format(name=name))
    return BundleError(translate("Core", "Gói {name} sai chữ ký: manifest không do “{office}” ký hoặc đã bị sửa. "
                                 "Không áp dụng.").format(name=name, office=who))


def _sender_claim(manifest: dict[str, Any], name: str) -> tuple[str, str, str]:
    try:
        sender = manifest["sender"]
        sender_id, sender_name, sender_key = str(sender["office_id"]), str(sender["name"]), str(sender["public_key"])
        keys.fingerprint(sender_key)
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise BundleError(translate("Core", "Gói {name} bị hỏng: manifest thiếu thông tin văn phòng gửi.").format(
            name=name)) from None
    return sender_id, sender_name, sender_key


def _upgraded(changes: list[Change]) -> list[Change]:
    """Values an office on an earlier release still writes (its segment stays byte for byte, for relaying)."""
    return [
        (*c[:VALUE], upgrade_value(c[TBL], c[FIELD], c[VALUE]), *c[VALUE + 1:]) if (c[TBL], c[FIELD]) in RENAMED_VALUES
        else c for c in changes
    ]


def _open(db: Database, path: Path, me: str) -> BundleContent:
    """A plain bundle as it is; a sealed one opened with this office's seal key, or refused naming its
    addressee (the one thing a sealed bundle shows)."""
    sealed = read_seal(path)
    if sealed is None:
        return read_bundle(path)
    if sealed.recipient != me:
        with db.engine.connect() as conn:
            names = {o: n for o, n in conn.exec_driver_sql("SELECT office_id, name FROM sync_keys WHERE name "
                                                           "IS NOT NULL")} | office_names(conn)
        office = names.get(sealed.recipient) or translate(
            "Core", "văn phòng chưa có trong danh sách, mã {id}").format(id=sealed.recipient[:8])
        raise BundleError(translate(
            "Core", "Gói {name} gửi cho văn phòng khác (“{office}”), không phải văn phòng này; gói được niêm phong nên "
            "chỉ “{office}” mở được. Hãy chuyển gói cho văn phòng đó. Không có gì được áp dụng.").format(
            name=path.name, office=office))
    private = sealing.load_seal_key(db.path, me)
    content_key = sealing.open_envelope(sealed.header, private) if private is not None else None
    if content_key is None:
        raise BundleError(translate(
            "Core", "Gói {name} được niêm phong cho văn phòng này nhưng khóa niêm phong của máy này không mở được "
            "(gói đã bị sửa, hoặc được niêm phong cho khóa của một lần cài đặt trước). Không có gì được áp dụng; "
            "hãy xin văn phòng gửi gói lại.").format(name=path.name))
    return read_bundle(path, sealed.opener(content_key))


def _check(db: Database, path: Path, trust: str | None) -> _Checked:
    """Every check that needs no write: archive, signatures of manifest and segments, sender, schema.
    Nothing the manifest says is shown before its signature holds."""
    me = require_office(db)
    name = Path(path).name
    try:
        content = _open(db, Path(path), me)
    except NewerFormatError as newer:
        sender_id, _claimed, sender_key = _sender_claim(newer.manifest, name)
        with db.engine.connect() as conn:
            sender_known = known_keys(conn).get(sender_id)
            who = office_names(conn).get(sender_id)
        if not keys.verify(sender_known or sender_key, newer.signature, newer.manifest_bytes):
            raise _bad_signature(name, who) from None
        raise _update_app(name, newer.manifest if sender_known else None) from None
    manifest = content.manifest
    sender_id, sender_name, sender_key = _sender_claim(manifest, name)
    rotations = keyring.parse_rotations(manifest.get("rotations"))
    revocations = keyring.parse_revocations(manifest.get("revocations"))
    with db.engine.connect() as conn:
        known = known_keys(conn)
        names = office_names(conn)
        trust_roots = known | {me: identity(db).public_key}
        enrolled_by = certificates.enrollers(conn, content.segments, trust_roots)
        ring = keyring.build(conn, trust_roots, rotations, revocations, enrolled_by)
        evaluation = certificates.evaluate(conn, me, trust_roots, certificates.parse(manifest.get("certificates")),
                                           enrolled_by, ring)
        if evaluation.new_keys:  # a newly accepted key may have rotated since
            ring = keyring.build(conn, evaluation.usable, rotations, revocations, enrolled_by)
        disputed = certificates.disputed_keys(conn)
    for cert in evaluation.disputed:
        disputed.setdefault(cert.office_id, set()).add(cert.public_key)
    if not keys.verify(sender_key, content.signature, content.manifest_bytes):
        raise _bad_signature(name, names.get(sender_id) if sender_id in known else None)
    if manifest.get("recipient") not in ("*", me):
        recipient = str(manifest.get("recipient"))
        raise BundleError(translate(
            "Core", "Gói {name} gửi cho văn phòng khác (“{office}”), không phải văn phòng này.").format(
            name=name, office=names.get(recipient) or translate("Core", "văn phòng chưa có trong danh sách")))
    if sender_id == me:
        raise BundleError(translate("Core", "Gói {name} do chính văn phòng này tạo; hãy nhập gói của văn phòng "
                                    "khác.").format(name=name))
    fingerprint = keys.fingerprint(sender_key)
    confirmed = False
    sender_disputed = sender_key in disputed.get(sender_id, ())
    in_chain = sender_key in ring.keys.get(sender_id, ()) and not sender_disputed
    if sender_id in evaluation.new_keys and evaluation.new_keys[sender_id] == sender_key:
        pass  # certified by its enrolling office: no fingerprint to compare by phone
    elif in_chain:  # its enrolled key, or one it rotated to (the rotation statement came here or before)
        sender_name = names.get(sender_id, sender_name)
    elif sender_id not in known:
        if trust is None or not keys.same_fingerprint(trust, fingerprint):
            where = (translate("Core", "đã có trong danh sách") if sender_id in names
                     else translate("Core", "chưa có trong danh sách văn phòng"))
            raise UnknownPeerError(
                translate("Core", "Gói {name} do văn phòng lạ gửi: “{office}” (mã {id}, {where}). "
                          "Dấu vân tay khóa: {fingerprint}. Hãy gọi điện đối chiếu với văn phòng đó; nếu đúng, "
                          "nhập lại với --trust {fingerprint}.").format(
                    name=name, office=sender_name, id=sender_id, where=where, fingerprint=fingerprint),
                sender_id, sender_name, fingerprint,
            )
        confirmed = True
    elif known[sender_id] != sender_key and not sender_disputed:
        raise BundleError(translate(
            "Core", "Gói {name}: khóa của “{office}” khác khóa đã biết — gói giả mạo hoặc văn phòng đã cài lại. "
            "Không áp dụng.").format(name=name, office=names.get(sender_id, sender_name)))
    else:
        sender_name = names.get(sender_id, sender_name)
    if manifest.get("schema_version") not in known_revisions():
        raise _update_app(name, manifest)
    usable = dict(evaluation.usable)
    if not sender_disputed:
        usable[sender_id] = sender_key
    verified, skipped, held = [], [], []
    bound: dict[tuple[str, int], keyring.Revocation | None] = {}
    for segment in content.segments:
        signed = log.signed_bytes(segment.origin, segment.first_seq, segment.last_seq, segment.body)
        if segment.origin in disputed:  # kept aside whichever key signed it, until the user confirms one
            key = next((k for k in (usable.get(segment.origin), *disputed[segment.origin])
                        if k and keys.verify(k, segment.signature, signed)), None)
            if key is not None:
                held.append((segment, key))
                continue
        first = usable.get(segment.origin)
        if first is None and segment.origin not in ring.keys:
            skipped.append(translate("Core", "{office}: {count} thay đổi (chưa biết khóa)").format(
                office=names.get(segment.origin) or segment.origin, count=segment.count))
            continue
        key = ring.verifying_key(segment.origin, segment.signature, signed, first)
        if key is None:
            who = names.get(segment.origin) or segment.origin
            raise BundleError(translate(
                "Core", "Gói {name}: đoạn thay đổi {segment} không khớp chữ ký của văn phòng “{office}” — đã bị sửa "
                "hoặc giả mạo trên đường chuyển (gửi qua “{sender}”). Không áp dụng.").format(
                name=name, segment=segment.name, office=who, sender=sender_name))
        verified.append(segment)
        bound[(segment.origin, segment.first_seq)] = ring.bound(segment.origin, key)
    where = translate("Core", "Gói {name}").format(name=name)
    changes = {(s.origin, s.first_seq): _upgraded(log.parse_segment(s, where)) for s in verified}
    if content.opener is not None and manifest.get("recipient") != me:
        raise BundleError(translate("Core", "Gói {name} được niêm phong cho văn phòng này nhưng bên trong ghi gửi "
                                    "văn phòng khác: gói đã bị chuyển tiếp sai. Không áp dụng.").format(name=name))
    revoked: dict[tuple[str, int], str] = {}
    for position, segment_changes in changes.items():
        revoked.update(keyring.refused_changes(segment_changes, bound[position], names))
    return _Checked(content, sender_id, sender_name, sender_key, confirmed, tuple(verified), changes,
                    tuple(skipped), evaluation, tuple(held), sender_disputed, ring, revoked,
                    ring.bound(sender_id, sender_key) is not None)


def _report(checked: _Checked, status_: str, message: str, stats: MergeStats | None, new_changes: int,
            names: dict[str, str], clock_warnings: list[str], backup: str | None,
            key_conflicts: tuple[str, ...] = (), refused_by_sender: int = 0) -> ImportReport:
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
        Rejection(o, names.get(o, o), area(t), t, r, f, reason, names.get(f"{t}/{r}", r[:8])) for o, s, t, r, f,
            reason in (stats.rejected if stats else [])
    )
    return ImportReport(str(checked.content.path), checked.sender_id, checked.sender_name, status_, message,
                        new_changes, rows, rejections, stats.pending if stats else 0, checked.skipped,
                        tuple(clock_warnings), backup, key_conflicts, len(checked.held), refused_by_sender,
                        sealed=checked.content.opener is not None)


def _apply(db: Database, conn: Connection, checked: _Checked, progress: Progress | None = None,
           cancel: Cancel | None = None) -> tuple[MergeStats, int, list[str], dict[str, str], tuple[str, ...], int]:
    """Inside the caller's transaction. Returns (stats, new_changes, clock warnings, names, key conflicts,
    changes of this office the sender refused)."""
    me = require_office(db)
    name = checked.content.path.name
    incoming = log.new_segments(conn, list(checked.segments), checked.changes)
    segments, changes = incoming.segments, incoming.changes
    # Signed with a revoked key after its revocation: stored (relays forward segments whole), never applied.
    refused_by_revocation = [c for c in changes if (c[0], c[1]) in checked.revoked]
    if refused_by_revocation:
        changes = [c for c in changes if (c[0], c[1]) not in checked.revoked]
    check_cancel(cancel)
    if progress:
        progress(0, 1, name)
    names = office_names(conn)
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
    keyring.record_refusals(conn, refused_by_revocation, checked.revoked)
    stats.rejected.extend((*c[:5], checked.revoked[(c[0], c[1])]) for c in refused_by_revocation)
    check_cancel(cancel)
    # The sender's vector is its acknowledgement; a replayed old bundle never moves it back.
    acked = acked_by(conn, checked.sender_id)
    if not checked.sender_disputed and not checked.sender_revoked:  # a key in dispute or revoked acknowledges nothing
        acked = log.merge_acknowledgement(acked, checked.content.manifest.get("vector"), checked.sender_id)
    conn.exec_driver_sql(
        "INSERT INTO sync_peers(office_id, acked, last_received_at) VALUES (?,?,?) "
        "ON CONFLICT(office_id) DO UPDATE SET acked=excluded.acked, last_received_at=excluded.last_received_at",
        (checked.sender_id, json.dumps(acked), _now(db)),
    )
    record_changes(conn, "sync_peers")
    if checked.confirmed:
        save_key(conn, checked.sender_id, checked.sender_key, "confirmed", checked.sender_name)
    certificates.save(conn, checked.trust, names)
    certificates.hold(conn, list(checked.held))
    if checked.ring is not None:
        stats.rejected.extend(_take_key_statements(db, conn, me, checked.ring, names))
    signing_keys = dict(checked.trust.usable)
    if not checked.sender_disputed:
        signing_keys[checked.sender_id] = checked.sender_key
    sealing.store_statements(conn, sealing.parse_statements(checked.content.manifest.get("seal_keys")), signing_keys)
    refused = _refused_by_sender(conn, checked, me)
    key_conflicts = tuple(c.message for c in certificates.conflicts_on(conn))
    names |= _record_names(conn, {(r[2], r[3]) for r in stats.rejected})
    if progress:
        progress(1, 1, name)
    return stats, len(changes), warnings, names, key_conflicts, refused


def _take_key_statements(db: Database, conn: Connection, me: str, ring: keyring.Keyring,
                         names: dict[str, str]) -> list[tuple[Any, ...]]:
    """Keep the new rotations and revocations; countersign the new key of an office this office enrolled (it
    travels as a key certificate in the next bundles); refuse what a new revocation voids of what is held here.
    Returns the changes refused now, as rejections."""
    keyring.store(conn, ring.new_rotations, ring.new_revocations)
    enrolled = {o for (o,) in conn.exec_driver_sql("SELECT id FROM offices WHERE created_by=? AND id != ?", (me, me))}
    countersign = [r for r in ring.new_rotations if r.office_id in enrolled]
    if countersign:
        private = keys.load_private_key(db.path, me)
        certificates.store(conn, [certificates.issue(private, me, r.office_id, r.new_key) for r in countersign])
    revoked_offices = {r.office_id for r in ring.new_revocations}
    before = set(conn.exec_driver_sql("SELECT origin, seq FROM sync_rejections").fetchall()) if revoked_offices \
        else set()
    keyring.enforce(conn, me, ring, names, revoked_offices)
    if not revoked_offices:
        return []
    return [tuple(r) for r in conn.exec_driver_sql(
        "SELECT origin, seq, tbl, row_id, field, reason FROM sync_rejections").fetchall() if (r[0], r[1]) not in before]


def _record_names(conn: Connection, rows: set[tuple[str, str]]) -> dict[str, str]:
    """"table/row id" -> the row's name, for the rows that have one (read inside the import's transaction)."""
    infos = tables()
    result = {}
    for tbl, row_id in rows:
        info = infos.get(tbl)
        if info is None or info.name_column is None:
            continue
        value = conn.exec_driver_sql(f"SELECT {info.name_column} FROM {tbl} WHERE id=?", (row_id,)).scalar()
        if value:
            result[f"{tbl}/{row_id}"] = str(value)
    return result


def _refused_by_sender(conn: Connection, checked: _Checked, me: str) -> int:
    """Remember what the sender says it refused of this office's changes (only entries naming a change made here)."""
    if checked.sender_disputed or checked.sender_revoked:
        return 0
    rows = []
    own = log.own_vector(conn, me).get(me, 0)
    for entry in checked.content.manifest.get("rejected") or []:
        try:
            seq = int(entry["seq"])
            row = (checked.sender_id, seq, str(entry["tbl"]), str(entry["row_id"]), str(entry["field"]),
                   str(entry["reason"])[:500])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 < seq <= own:
            rows.append(row)
    if rows:
        conn.exec_driver_sql("INSERT INTO sync_refused_elsewhere(office_id, seq, tbl, row_id, field, reason) "
                             "VALUES (?,?,?,?,?,?) ON CONFLICT (office_id, seq) DO UPDATE SET tbl=excluded.tbl, "
                             "row_id=excluded.row_id, field=excluded.field, reason=excluded.reason", rows)
        record_changes(conn, "sync_refused_elsewhere")
    return len(rows)


def _already(conn: Connection, checked: _Checked) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM sync_receipts WHERE bundle_sha256=?", (checked.content.sha256,)
    ).fetchone() is not None


def _already_report(checked: _Checked, path: Path) -> ImportReport:
    return _report(checked, "already_applied", translate(
        "Core", "Gói {name} đã được nhập trước đây; không có gì thay đổi.").format(name=path.name),
                   None, 0, {}, [], None)


def preview_bundle(db: Database, path: Path | str, *, trust: str | None = None) -> ImportReport:
    """What importing would do (inserts, updates, deletes, conflicts, rejections per area), changing nothing."""
    checked = _check(db, Path(path), trust)
    with db.engine.connect() as conn:
        transaction = conn.begin()
        try:
            if _already(conn, checked):
                return _report(checked, "already_applied", translate(
                    "Core", "Gói {name} đã được nhập trước đây.").format(name=Path(path).name),
                               None, 0, {}, [], None)
            stats, new, warnings, names, key_conflicts, refused = _apply(db, conn, checked)
        finally:
            transaction.rollback()
    name = Path(path).name
    message = (translate("Core", "Xem trước gói {name}: {count} thay đổi mới.").format(name=name, count=new) if new
               else translate("Core", "Gói {name} không có gì mới.").format(name=name))
    return _report(checked, "preview", message, stats, new, names, warnings, None, key_conflicts, refused)


def import_bundle(db: Database, path: Path | str, *, trust: str | None = None, progress: Progress | None = None,
                  cancel: Cancel | None = None, backup: bool = True) -> ImportReport:
    """Check everything, back up (unless the caller just did), apply in one transaction, keep a receipt.
    Re-import: "already applied"."""
    path = Path(path)
    checked = _check(db, path, trust)
    with db.engine.connect() as conn:
        if _already(conn, checked):
            return _already_report(checked, path)
    folder = attachments_dir_for(db.path)
    for sha in checked.content.attachments:  # content-addressed: harmless if the import fails
        target = folder / sha
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            extract_attachment(checked.content, sha, target)
    backup_path = automatic_backup(db.path, "before-sync") if backup else None
    with db.engine.begin() as conn:
        # Two staff importing at once: the second waits here, then finds the first's receipt.
        exclusive_sync(conn)
        if _already(conn, checked):
            return _already_report(checked, path)
        stats, new, warnings, names, key_conflicts, refused = _apply(db, conn, checked, progress, cancel)
        message = (translate("Core", "Đã nhập gói {name} từ “{office}”: {count} thay đổi mới.").format(
                       name=path.name, office=checked.sender_name, count=new) if new
                   else translate("Core", "Gói {name} không có gì mới (các thay đổi đã có từ trước).").format(
                       name=path.name))
        report = _report(checked, "applied" if new else "nothing_new", message, stats, new, names, warnings,
                         str(backup_path) if backup_path else None, key_conflicts, refused)
        conn.exec_driver_sql(
            "INSERT INTO sync_receipts(bundle_sha256, file_name, sender_office_id, applied_at, summary) "
            "VALUES (?,?,?,?,?)",
            (checked.content.sha256, path.name, checked.sender_id, _now(db),
             json.dumps(dataclasses.asdict(report), ensure_ascii=False)),
        )
        record_changes(conn, "sync_receipts")
    purged = stats.purged + purge.purge_after_import(db)
    return dataclasses.replace(report, purged=purged) if purged else report
