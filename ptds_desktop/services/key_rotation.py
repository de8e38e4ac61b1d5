"""Keys over the years (issue #15): an office rotates its signing key; the office that enrolled another revokes
the key of a lost laptop. The rules live in sync.keyring; these are the use cases the CLI and the Sync screen share.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ptds_desktop.db import clock
from ptds_desktop.db.database import Database
from ptds_desktop.db.synced import may_change, office_parents
from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.sync import keyring, keys
from ptds_desktop.sync.peers import identity, office_names
from ptds_desktop.text import format_datetime, parse_date

SINCE = QT_TRANSLATE_NOOP("Fields", "thời điểm thu hồi")
_TIME = re.compile(r"^(.*\S)\s+(\d{1,2})[:hH](\d{2})$")


@dataclasses.dataclass(frozen=True)
class RotationResult:
    office_name: str
    old_fingerprint: str
    new_fingerprint: str
    when: str  # dd/mm/yyyy HH:MM


@dataclasses.dataclass(frozen=True)
class RevocableOffice:
    """An office this one enrolled (or one below it), as the revocation dialog lists it."""

    office_id: str
    name: str
    fingerprint: str | None  # of the key it signs with now, as far as this office knows
    revoked_since: str | None  # dd/mm/yyyy HH:MM when its key is revoked already


@dataclasses.dataclass(frozen=True)
class RevocationResult:
    office_id: str
    office_name: str
    fingerprints: tuple[str, ...]  # every key of the office revoked (the one in use first)
    since: str  # dd/mm/yyyy HH:MM
    refused_here: int  # changes already held here that the revocation refuses


def rotate_key(db: Database) -> RotationResult:
    """Make a new key pair for this office. The rotation statement is signed by the old key and the new one and
    travels in every bundle; the enrolling office countersigns the new key when it receives it. Later bundles are
    signed with the new key."""
    me = identity(db)
    old = keys.load_private_key(db.path, me.office_id)
    new = Ed25519PrivateKey.generate()
    with db.engine.begin() as conn:
        stamp = clock.tick(conn, db.engine)
        keyring.store(conn, [keyring.make_rotation(me.office_id, old, new, stamp)], [])
        # Inside the transaction: if the key file cannot be written, the statement is not kept either.
        new_public = keys.replace_private_key(db.path, me.office_id, new)
    return RotationResult(me.name, me.fingerprint, keys.fingerprint(new_public),
                          format_datetime(clock.stamp_time(stamp)))


def revocable_offices(db: Database) -> list[RevocableOffice]:
    me = identity(db)
    with db.engine.connect() as conn:
        ring = keyring.build(conn, keyring.anchors_of(conn, me.office_id, me.public_key))
        parents = office_parents(conn)
        rows = conn.exec_driver_sql("SELECT id, name FROM offices WHERE deleted=0 AND id != ? ORDER BY name",
                                    (me.office_id,)).fetchall()
    result = []
    for office_id, name in rows:
        if not may_change(me.office_id, office_id, parents):
            continue
        current = ring.current.get(office_id)
        bound = ring.bound(office_id, current) if current else None
        result.append(RevocableOffice(office_id, name, keys.fingerprint(current) if current else None,
                                      format_datetime(clock.stamp_time(bound.since)) if bound else None))
    return result


def parse_since(text: str | None, now: int) -> int:
    """"now" (or nothing): `now`; otherwise a date, optionally with a time (15/06/2026 08:30), local time."""
    raw = " ".join((text or "").split())
    if not raw or raw.lower() in ("now", "bây giờ", "bay gio"):
        return now
    hour = minute = 0
    timed = _TIME.match(raw)
    if timed:
        raw, hour, minute = timed.group(1), int(timed.group(2)), int(timed.group(3))
        if hour > 23 or minute > 59:
            raise ValidationError(translate("Core", "Giờ thu hồi không tồn tại: {hour}:{minute:02d}.").format(
                hour=hour, minute=minute), "since")
    day = parse_date(raw, SINCE)
    moment = dt.datetime(day.year, day.month, day.day, hour, minute)
    return clock.stamp_for_ms(int(moment.timestamp() * 1000))


def revoke_key(db: Database, office: str, since: str | None = None) -> RevocationResult:
    """Revoke every key of `office` (an office this one enrolled, or below it; by id or the start of it) since
    `since` (see parse_since; "now" keeps everything received here so far). Every office refuses changes
    signed with those keys after that moment and keeps the earlier ones; what this office holds already after it
    is refused at once."""
    me = identity(db)
    private = keys.load_private_key(db.path, me.office_id)
    candidates = [o for o in revocable_offices(db) if o.office_id == office] or [
        o for o in revocable_offices(db) if office and o.office_id.startswith(office)]
    if len(candidates) != 1:
        raise NotFoundError(translate(
            "Core", "Không tìm thấy văn phòng có mã “{id}” trong các văn phòng do văn phòng này đăng ký "
            "(xem 'ptds sync peers').").format(id=office))
    target = candidates[0]
    with db.engine.begin() as conn:
        stamp = parse_since(since, clock.tick(conn, db.engine))
        anchors = keyring.anchors_of(conn, me.office_id, me.public_key)
        ring = keyring.build(conn, anchors)
        office_keys = ring.keys.get(target.office_id, frozenset())
        if not office_keys:
            raise PtdsError(translate("Core", "Chưa biết khóa nào của “{office}”: không có gì để thu hồi.").format(
                office=target.name))
        current = ring.current.get(target.office_id)
        ordered = sorted(office_keys, key=lambda k: (k != current, k))
        new = [keyring.make_revocation(private, me.office_id, target.office_id, key, stamp) for key in ordered
               if (bound := ring.bound(target.office_id, key)) is None or bound.since > stamp]
        keyring.store(conn, [], new)
        ring = keyring.build(conn, anchors)
        refused = keyring.enforce(conn, me.office_id, ring, office_names(conn), {target.office_id})
    return RevocationResult(target.office_id, target.name, tuple(keys.fingerprint(k) for k in ordered),
                            format_datetime(clock.stamp_time(stamp)), refused)
