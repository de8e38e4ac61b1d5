"""Offices joining the network: a parent registers a child office and writes its signed enrolment file;
the child's empty database is set up from that file (`ptds init --enrol`)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection

from ptds_desktop import __version__
from ptds_desktop.db import clock
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.database import Database, head_revision, known_revisions
from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.models import Office
from ptds_desktop.models.base import new_id
from ptds_desktop.models.enums import OFFICE_LEVELS
from ptds_desktop.services.common import required
from ptds_desktop.services.offices import init_office
from ptds_desktop.sync import certificates, keys
from ptds_desktop.sync.peers import IdentityInfo, identity, known_keys, save_key

ENROLMENT_FORMAT = "ptds-enrolment"


@dataclasses.dataclass(frozen=True)
class EnrolmentInfo:
    path: str
    office_id: str
    name: str
    level: str
    parent_id: str | None
    parent_fingerprint: str


def make_enrolment_file(db: Database, name: str, level: str, output: Path | str, *,
                        place_name: str | None = None) -> EnrolmentInfo:
    """Register a new office under this one and write the file it imports at set-up (`ptds init --enrol`)."""
    me = identity(db)
    name = required(name, "Tên văn phòng", "name", 200)
    if level not in OFFICE_LEVELS:
        raise ValidationError(f"Cấp không hợp lệ: {level!r}.", "level")
    office_id = new_id()
    # The new office's key is made here and certified by this office, so that every office down the enrolment
    # chain accepts it without a fingerprint check; the private half travels only in the (signed) file.
    office_key = Ed25519PrivateKey.generate()
    office_public = keys.public_key_of(office_key)
    my_key = keys.load_private_key(db.path, me.office_id)
    with db.unit_of_work() as session:  # an office row is owned by the office itself
        session.add(Office(id=office_id, name=name, level=level, parent_id=me.office_id, place_name=place_name,
                           created_by=me.office_id, owner_office_id=office_id, public_key=office_public))
    with db.engine.begin() as conn:
        certificates.store(conn, [certificates.issue(my_key, me.office_id, office_id, office_public)])
        save_key(conn, office_id, office_public, "certified", name)
    with db.engine.connect() as conn:
        rows = {}
        for row_id in (me.office_id, office_id):
            cursor = conn.exec_driver_sql("SELECT * FROM offices WHERE id=?", (row_id,))
            rows[row_id] = dict(zip(cursor.keys(), cursor.one()))
            rows[row_id]["field_clock"] = [
                list(r) for r in conn.exec_driver_sql(
                    "SELECT field, hlc, origin, base_hlc FROM sync_field_clock WHERE tbl='offices' AND row_id=?",
                        (row_id,)
                )
            ]
        trusted = known_keys(conn) | {me.office_id: me.public_key}
        held_certificates = certificates.held(conn)
    payload = {
        "format": ENROLMENT_FORMAT, "app_version": __version__, "schema_version": head_revision(),
        "office": rows[office_id], "parent": rows[me.office_id], "parent_public_key": me.public_key,
        # Key part (absent from files of 0.1): the office's key pair, the keys and certificates the parent trusts.
        "office_private_key": keys.private_pem(office_key),
        "trusted_keys": dict(sorted(trusted.items())),
        "certificates": [c.as_json() for c in held_certificates],
    }
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    signature = keys.sign(my_key, body.encode("utf-8"))
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


def read_enrolment_file(path: Path | str) -> dict[str, Any]:
    path = Path(path)
    try:
        outer = json.loads(path.read_text(encoding="utf-8"))
        payload: dict[str, Any] = json.loads(outer["payload"])
        if payload.get("format") != ENROLMENT_FORMAT:
            raise ValueError("không phải tệp đăng ký PTDS")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PtdsError(f"Tệp đăng ký {path} không đọc được: {exc}") from None
    if not keys.verify(payload["parent_public_key"], outer["signature"], outer["payload"].encode("utf-8")):
        raise PtdsError(f"Tệp đăng ký {path} bị sửa hoặc hỏng: chữ ký không khớp.")
    if payload.get("schema_version") not in known_revisions():
        raise PtdsError(
            f"Tệp đăng ký {path} do phiên bản mới hơn tạo. "
            f"Hãy cập nhật ứng dụng lên phiên bản {payload.get('app_version')}."
        )
    return payload


def _install_trust(db: Database, conn: Connection, payload: dict[str, Any]) -> None:
    """The key part of an enrolment file: this office's key pair (certified by the parent), and the keys and
    certificates the parent trusts, so that keys of other offices are checked down the same chain."""
    office_id = payload["office"]["id"]
    pem = payload.get("office_private_key")
    if isinstance(pem, str):
        keys.install_private_key(db.path, office_id, pem)
    for other, public_key in (payload.get("trusted_keys") or {}).items():
        if other != office_id and isinstance(public_key, str):
            save_key(conn, other, public_key, "enrolment", None)
    certificates.store(conn, certificates.parse(payload.get("certificates")))


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
        save_key(conn, parent["id"], payload["parent_public_key"], "enrolment", parent["name"])
        _install_trust(db, conn, payload)
    init_office(db, office["name"], office["level"], office_id=office["id"], parent_id=parent["id"],
                place_name=office.get("place_name"))
    return identity(db)
