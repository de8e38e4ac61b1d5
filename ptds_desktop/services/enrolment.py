"""Offices joining the network: a parent registers a child office and writes its signed enrolment file;
the child's empty database is set up from that file (`ptds init --enrol`, or the first-run dialog).

The file carries the two offices' rows and the parent's organization catalogue, each row with the field
clocks the parent holds, so a new office starts with the catalogue and later bundles merge it as equal.

The new office's private keys (signing and seal) travel encrypted under a one-time code (sync/sealing.py) that the
parent reads out on the phone; it never travels with the file. Files of earlier releases carried the signing key in
clear and are still read."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Connection, inspect

from ptds_desktop import __version__
from ptds_desktop.db import clock
from ptds_desktop.db.capture import SEEN_INSERT
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.database import Database, head_revision, known_revisions
from ptds_desktop.db.engine import defer_foreign_keys
from ptds_desktop.db.incarnation import new_epoch
from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import Office
from ptds_desktop.models.base import new_id
from ptds_desktop.models.enums import OFFICE_LEVELS
from ptds_desktop.services.common import required
from ptds_desktop.services.offices import init_office
from ptds_desktop.sync import certificates, keyring, keys, sealing
from ptds_desktop.sync.peers import IdentityInfo, identity, known_keys, save_key
from ptds_desktop.text import file_slug

ENROLMENT_FORMAT = "ptds-enrolment"
ENROLMENT_SUFFIX = ".ptds-enrol"
CATALOGUE_TABLES = ("organizations",)  # what a new office receives from its parent at enrolment


@dataclasses.dataclass(frozen=True)
class EnrolmentInfo:
    path: str
    office_id: str
    name: str
    level: str
    parent_id: str | None
    parent_fingerprint: str
    organizations: int  # of the catalogue the file carries
    code: str = ""  # the one-time code that opens the new office's keys: read out on the phone, never sent


@dataclasses.dataclass(frozen=True)
class EnrolmentPreview:
    """What an enrolment file would set this installation up as, checked (signature, version) but not applied."""

    path: str
    office_name: str
    level: str
    place_name: str | None
    parent_name: str
    parent_level: str
    parent_fingerprint: str  # to compare by phone with the enrolling office before applying
    organizations: int
    needs_code: bool = False  # the keys are locked by a one-time code (files of earlier releases have none)


def suggested_file_name(office_name: str) -> str:
    return f"PTDS_dang-ky_{file_slug(office_name, 'van-phong-moi')}{ENROLMENT_SUFFIX}"


def make_enrolment_file(db: Database, name: str, level: str, output: Path | str, *,
                        place_name: str | None = None) -> EnrolmentInfo:
    """Register a new office under this one and write the file it imports at set-up (`ptds init --enrol`)."""
    me = identity(db)
    name = required(name, QT_TRANSLATE_NOOP("Fields", "tên văn phòng"), "name", 200)
    if level not in OFFICE_LEVELS:
        choices = ", ".join(OFFICE_LEVELS)
        raise ValidationError(translate("Core", "Cấp không hợp lệ: {level!r} (chọn một trong: {choices}).").format(
            level=level, choices=choices), "level")
    office_id = new_id()
    # The new office's key is made here and certified by this office, so that every office down the enrolment
    # chain accepts it without a fingerprint check; the private half travels only in the (signed) file.
    office_key = Ed25519PrivateKey.generate()
    office_public = keys.public_key_of(office_key)
    office_seal = X25519PrivateKey.generate()
    my_key = keys.load_private_key(db.path, me.office_id)
    with db.unit_of_work() as session:  # an office row is owned by the office itself
        session.add(Office(id=office_id, name=name, level=level, parent_id=me.office_id, place_name=place_name,
                           created_by=me.office_id, owner_office_id=office_id, public_key=office_public))
    with db.engine.begin() as conn:
        certificates.store(conn, [certificates.issue(my_key, me.office_id, office_id, office_public)])
        save_key(conn, office_id, office_public, "certified", name)
    return _write_enrolment_file(db, me, office_id, name, level, office_key, office_seal, Path(output))


def make_reenrolment_file(db: Database, office: str, output: Path | str) -> EnrolmentInfo:
    """A fresh enrolment file for an office this one enrolled whose key was revoked (a lost laptop): a new key,
    certified here, replaces the revoked one everywhere; the new installation starts a new run of sequence
    numbers and gets back from here everything the office had sent."""
    me = identity(db)
    with db.engine.connect() as conn:
        office_id, name, level = _enrolled_office(conn, me.office_id, office)
        ring = keyring.build(conn, keyring.anchors_of(conn, me.office_id, me.public_key))
    current = ring.current.get(office_id)
    if current is None or ring.bound(office_id, current) is None:
        raise ValidationError(translate(
            "Core", "Khóa của “{office}” chưa bị thu hồi. Chỉ lập lại tệp đăng ký cho văn phòng đã thu hồi khóa "
            "(máy bị mất): 'ptds sync key revoke'.").format(office=name), "office")
    office_key = Ed25519PrivateKey.generate()
    office_public = keys.public_key_of(office_key)
    office_seal = X25519PrivateKey.generate()
    my_key = keys.load_private_key(db.path, me.office_id)
    with db.engine.begin() as conn:
        certificates.store(conn, [certificates.issue(my_key, me.office_id, office_id, office_public)])
        conn.exec_driver_sql("UPDATE sync_keys SET public_key=?, source='certified' WHERE office_id=?",
                             (office_public, office_id))
        # The new installation holds nothing yet: the next bundle to it carries everything.
        conn.exec_driver_sql("UPDATE sync_peers SET acked='{}' WHERE office_id=?", (office_id,))
        record_changes(conn, "sync_keys", "sync_peers")
    return _write_enrolment_file(db, me, office_id, name, level, office_key, office_seal, Path(output),
                                 reenrolment=True)


def _enrolled_office(conn: Connection, me: str, office: str) -> tuple[str, str, str]:
    """(id, name, level) of the office this one enrolled, by id or the start of it."""
    rows = conn.exec_driver_sql("SELECT id, name, level FROM offices WHERE created_by=? AND id != ? AND deleted=0",
                                (me, me)).fetchall()
    matches = [r for r in rows if r[0] == office] or [r for r in rows if r[0].startswith(office)]
    if len(matches) != 1:
        raise NotFoundError(translate("Core", "Không tìm thấy văn phòng có mã “{id}” trong các văn phòng do văn "
                                      "phòng này đăng ký.").format(id=office))
    return str(matches[0][0]), str(matches[0][1]), str(matches[0][2])


def _write_enrolment_file(db: Database, me: IdentityInfo, office_id: str, name: str, level: str,
                          office_key: Ed25519PrivateKey, office_seal: X25519PrivateKey, output: Path,
                          reenrolment: bool = False) -> EnrolmentInfo:
    my_key = keys.load_private_key(db.path, me.office_id)
    with db.engine.begin() as conn:
        # Both seal keys are known from the start: the first bundles either way are already sealed.
        sealing.own_statement(conn, db.path, me.office_id, my_key)
        office_statement = sealing.sign_statement(office_key, office_id, sealing.seal_public_of(office_seal))
        sealing.store_statements(conn, [office_statement], {office_id: keys.public_key_of(office_key)})
    with db.engine.connect() as conn:
        rows = {row_id: _synced_row(conn, "offices", row_id) for row_id in (me.office_id, office_id)}
        catalogue = _catalogue(conn, me.office_id)
        trusted = known_keys(conn) | {me.office_id: me.public_key}
        held_certificates = certificates.held(conn)
        rotations, revocations = keyring.held_rotations(conn), keyring.held_revocations(conn)
        seal_keys = sealing.proven_statements(conn, trusted)
    code = sealing.new_code()
    secret = json.dumps({"office_private_key": keys.private_pem(office_key),
                         "office_seal_key": sealing.seal_private_pem(office_seal)}).encode("utf-8")
    payload = {
        "format": ENROLMENT_FORMAT, "app_version": __version__, "schema_version": head_revision(),
        "office": rows[office_id], "parent": rows[me.office_id], "parent_public_key": me.public_key,
        "catalogue": catalogue,
        # Key part (absent from files of 0.1): the office's key pairs (locked by the code), the keys, certificates
        # and seal keys the parent trusts.
        "office_keys_locked": sealing.lock(code, secret, office_id.encode("ascii")),
        "trusted_keys": dict(sorted(trusted.items())),
        "certificates": [c.as_json() for c in held_certificates],
        "rotations": [r.as_json() for r in rotations],
        "revocations": [r.as_json() for r in revocations],
        "reenrolment": reenrolment,
        "seal_keys": [st.as_json() for _o, st in sorted(seal_keys.items())],
    }
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    signature = keys.sign(my_key, body.encode("utf-8"))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        part = output.with_name(output.name + ".part")
        part.write_text(json.dumps({"payload": body, "signature": signature}, ensure_ascii=False), encoding="utf-8")
        part.replace(output)
    except OSError as exc:
        raise PtdsError(translate(
            "Core", "Không ghi được tệp đăng ký {path}: {problem}. Văn phòng “{name}” đã được đăng ký; hãy xuất lại "
                    "tệp vào chỗ khác.").format(path=output, problem=exc.strerror or exc, name=name)) from None
    return EnrolmentInfo(str(output), office_id, name, level, me.office_id, me.fingerprint,
                         len(catalogue["organizations"]), code)


def _synced_row(conn: Connection, tbl: str, row_id: str) -> dict[str, Any]:
    """A synced row as this office holds it, with its field clocks and the stamps it has seen: the new office
    starts from the same state, so the same rows arriving later in a bundle merge as equal (no conflict)."""
    cursor = conn.exec_driver_sql(f"SELECT * FROM {tbl} WHERE id=?", (row_id,))
    row = dict(zip(cursor.keys(), cursor.one()))
    row["field_clock"] = [list(r) for r in conn.exec_driver_sql(
        "SELECT field, hlc, origin, base_hlc FROM sync_field_clock WHERE tbl=? AND row_id=?", (tbl, row_id))]
    row["seen"] = [list(r) for r in conn.exec_driver_sql(
        "SELECT field, hlc, origin FROM sync_seen WHERE tbl=? AND row_id=?", (tbl, row_id))]
    return row


def _catalogue(conn: Connection, office_id: str) -> dict[str, list[dict[str, Any]]]:
    """The organizations this office keeps (not deleted), with the parents they hang under, parents first."""
    parent_of: dict[str, str | None] = {
        org_id: parent for org_id, parent in conn.exec_driver_sql("SELECT id, parent_id FROM organizations")}
    chosen: list[str] = []
    placed: set[str] = set()

    def place(org_id: str) -> None:
        if org_id in placed or org_id not in parent_of:
            return
        placed.add(org_id)
        parent = parent_of[org_id]
        if parent:
            place(parent)
        chosen.append(org_id)

    for (org_id,) in conn.exec_driver_sql(
        "SELECT id FROM organizations WHERE owner_office_id=? AND deleted=0 ORDER BY name", (office_id,)
    ):
        place(org_id)
    return {"organizations": [_synced_row(conn, "organizations", org_id) for org_id in chosen]}


def _insert_synced_rows(conn: Connection, tbl: str, rows: list[dict[str, Any]]) -> None:
    """Rows written by `_synced_row` at the parent, with their clocks; columns its (older) schema lacked keep
    their defaults."""
    known = {c["name"] for c in inspect(conn).get_columns(tbl)}
    for row in rows:
        row = dict(row)
        clocks, seen = row.pop("field_clock", []), row.pop("seen", [])
        columns = [c for c in row if c in known]
        conn.exec_driver_sql(
            f"INSERT INTO {tbl} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(row[c] for c in columns),
        )
        conn.exec_driver_sql(
            "INSERT INTO sync_field_clock(tbl, row_id, field, hlc, origin, base_hlc) VALUES (?,?,?,?,?,?)",
            [(tbl, row["id"], *c) for c in clocks],
        )
        if seen:
            conn.exec_driver_sql(
                SEEN_INSERT,
                [(tbl, row["id"], *c) for c in seen],
            )
        clock.observe(conn, row["hlc"])
    record_changes(conn, tbl)


def read_enrolment_file(path: Path | str) -> dict[str, Any]:
    path = Path(path)
    try:
        outer = json.loads(path.read_text(encoding="utf-8"))
        payload: dict[str, Any] = json.loads(outer["payload"])
        if payload.get("format") != ENROLMENT_FORMAT:
            raise ValueError(translate("Core", "không phải tệp đăng ký PTDS"))
        signed = keys.verify(payload["parent_public_key"], outer["signature"], outer["payload"].encode("utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PtdsError(translate("Core", "Tệp đăng ký {path} không đọc được: {problem}").format(
            path=path, problem=exc)) from None
    if not signed:
        raise PtdsError(translate("Core", "Tệp đăng ký {path} bị sửa hoặc hỏng: chữ ký không khớp.").format(
            path=path))
    if payload.get("schema_version") not in known_revisions():
        raise PtdsError(translate(
            "Core", "Tệp đăng ký {path} do phiên bản mới hơn tạo. Hãy cập nhật ứng dụng lên phiên bản {version}."
        ).format(path=path, version=payload.get("app_version")))
    return payload


def preview_enrolment(path: Path | str) -> EnrolmentPreview:
    payload = read_enrolment_file(path)
    office, parent = payload["office"], payload["parent"]
    return EnrolmentPreview(
        str(path), office["name"], office["level"], office.get("place_name"), parent["name"], parent["level"],
        keys.fingerprint(payload["parent_public_key"]),
        len(payload.get("catalogue", {}).get("organizations", [])),
        "office_keys_locked" in payload,
    )


def unlock_keys(path: Path | str, code: str | None) -> dict[str, str]:
    """The new office's private keys from its enrolment file, checked before anything is written: a missing or
    wrong code is said clearly. Files of earlier releases carry the signing key in clear."""
    payload = read_enrolment_file(path)
    return _unlocked(Path(path), payload, code)


def _unlocked(path: Path, payload: dict[str, Any], code: str | None) -> dict[str, str]:
    locked = payload.get("office_keys_locked")
    if locked is None:
        pem = payload.get("office_private_key")
        return {"office_private_key": pem} if isinstance(pem, str) else {}
    if not code or not code.strip():
        raise ValidationError(translate(
            "Core", "Tệp đăng ký {path} cần mã một lần (16 ký tự, 4 nhóm) mà văn phòng cấp trên đọc cho qua điện "
            "thoại. Hãy hỏi cấp trên mã đó rồi nhập vào.").format(path=path.name), "code")
    opened = sealing.unlock(code, locked, str(payload["office"]["id"]).encode("ascii")) if isinstance(
        locked, dict) else None
    if opened is None:
        raise ValidationError(translate(
            "Core", "Mã một lần không đúng: không mở được khóa trong tệp đăng ký {path}. Hãy đọc lại từng nhóm 4 ký tự "
            "với văn phòng cấp trên (mã không dùng chữ O, chữ I, số 0, số 1). Chưa có gì thay đổi.").format(
            path=path.name), "code")
    try:
        secret = json.loads(opened)
        return {k: str(secret[k]) for k in ("office_private_key", "office_seal_key") if k in secret}
    except (ValueError, TypeError):
        raise PtdsError(translate("Core", "Khóa ký trong tệp đăng ký bị hỏng.")) from None


def _install_trust(db: Database, conn: Connection, payload: dict[str, Any], secret: dict[str, str]) -> None:
    """The key part of an enrolment file: this office's key pairs (certified by the parent; `secret`, unlocked),
    and the keys, certificates and seal keys the parent trusts, so that keys of other offices are checked down the
    same chain."""
    office_id = payload["office"]["id"]
    signing: dict[str, str] = {payload["parent"]["id"]: payload["parent_public_key"]}
    if "office_private_key" in secret:
        signing[office_id] = keys.install_private_key(db.path, office_id, secret["office_private_key"])
    if "office_seal_key" in secret:
        sealing.install_seal_key(db.path, office_id, secret["office_seal_key"])
    for other, public_key in (payload.get("trusted_keys") or {}).items():
        if other != office_id and isinstance(public_key, str):
            save_key(conn, other, public_key, "enrolment", None)
            signing.setdefault(other, public_key)
    certificates.store(conn, certificates.parse(payload.get("certificates")))
    keyring.store(conn, keyring.parse_rotations(payload.get("rotations")),
                  keyring.parse_revocations(payload.get("revocations")))
    sealing.store_statements(conn, sealing.parse_statements(payload.get("seal_keys")), signing)


def enrol(db: Database, path: Path | str, code: str | None = None) -> IdentityInfo:
    """Set up this (empty) database as the office described by an enrolment file from its parent; `code` is the
    one-time code the parent read out (files of earlier releases need none)."""
    payload = read_enrolment_file(path)
    if db.office_id() is not None:
        raise PtdsError(translate("Core", "Cơ sở dữ liệu này đã được khởi tạo cho một văn phòng."))
    secret = _unlocked(Path(path), payload, code)
    office, parent = payload["office"], payload["parent"]
    with db.engine.begin() as conn:
        # Written as the parent holds them (same stamps), so its own copies of these rows merge as equal.
        defer_foreign_keys(conn)
        _insert_synced_rows(conn, "offices", [parent, office])
        catalogue = payload.get("catalogue", {})  # files written before the catalogue travelled have none
        for tbl in CATALOGUE_TABLES:
            _insert_synced_rows(conn, tbl, catalogue.get(tbl, []))
        save_key(conn, parent["id"], payload["parent_public_key"], "enrolment", parent["name"])
        _install_trust(db, conn, payload, secret)
        if payload.get("reenrolment") is True:
            # The office's lost installation numbered its changes from 1: this one must never reuse a number.
            new_epoch(conn)
    init_office(db, office["name"], office["level"], office_id=office["id"], parent_id=parent["id"],
                place_name=office.get("place_name"))
    return identity(db)
