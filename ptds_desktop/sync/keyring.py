"""Every key an office has signed with over the years (DESIGN §4, issue #15): rotations and revocations.

- **Rotation**: an office makes a new key pair and signs "from now on I sign with K'" with its old key K (and with
  K', proving it holds it). Others accept K' on the old key's signature alone: whoever holds K can already sign
  anything in the office's name, so its successor grants nothing more, and the office's bundles keep flowing
  while the enrolling office's countersignature (a key certificate for K', sync.certificates) is on its way. The
  countersignature is what an office that never knew K goes by. K stays valid for what it signed before.
- **Revocation**: "office X's key K is revoked since stamp S", signed by the office that enrolled X (or an
  ancestor of X). Changes signed with K, or with any key K was rotated to, before or after S (the lost laptop
  holds those too), stamped at or after S are refused everywhere; earlier ones stay. "At": a revocation made
  "now" is stamped by the revoking office's clock, one tick past every change of X it had seen, and the lost
  laptop's next stamp can be that same tick.
- Re-enrolment after a revocation: the enrolling office certifies a fresh key for the same office; it replaces the
  revoked one without a key conflict (sync.certificates.evaluate).

Which keys are valid is worked out from all statements held, whatever order they came in, so a rotation arriving
before or after a revocation ends the same way.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection

from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.clock import stamp_time
from ptds_desktop.db.engine import defer_foreign_keys
from ptds_desktop.db.synced import may_change, office_parents, tables
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.sync import keys, log
from ptds_desktop.sync.log import Segment
from ptds_desktop.sync.merge import Change, apply_changes
from ptds_desktop.text import format_datetime

_HELD = QT_TRANSLATE_NOOP("Core", "Đoạn thay đổi giữ lại")


@dataclasses.dataclass(frozen=True)
class Rotation:
    office_id: str
    old_key: str
    new_key: str
    stamp: int
    signature: str  # by old_key
    new_signature: str  # by new_key

    def signed_bytes(self) -> bytes:
        return rotation_bytes(self.office_id, self.old_key, self.new_key, self.stamp)

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Revocation:
    office_id: str
    public_key: str
    issuer_id: str
    since: int  # HLC stamp: changes signed with the key and stamped at or after it are refused
    signature: str  # by the issuer

    def signed_bytes(self) -> bytes:
        return revocation_bytes(self.office_id, self.public_key, self.issuer_id, self.since)

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def rotation_bytes(office_id: str, old_key: str, new_key: str, stamp: int) -> bytes:
    return f"ptds-key-rotation\n{office_id}\n{old_key}\n{new_key}\n{stamp}".encode()


def revocation_bytes(office_id: str, public_key: str, issuer_id: str, since: int) -> bytes:
    return f"ptds-key-revocation\n{office_id}\n{public_key}\n{issuer_id}\n{since}".encode()


def make_rotation(office_id: str, old: Ed25519PrivateKey, new: Ed25519PrivateKey, stamp: int) -> Rotation:
    old_key, new_key = keys.public_key_of(old), keys.public_key_of(new)
    data = rotation_bytes(office_id, old_key, new_key, stamp)
    return Rotation(office_id, old_key, new_key, stamp, keys.sign(old, data), keys.sign(new, data))


def make_revocation(private: Ed25519PrivateKey, issuer_id: str, office_id: str, public_key: str,
                    since: int) -> Revocation:
    return Revocation(office_id, public_key, issuer_id, since,
                      keys.sign(private, revocation_bytes(office_id, public_key, issuer_id, since)))


def _parse(entries: Any, fields: tuple[str, ...], stamp_field: str) -> list[dict[str, Any]]:
    result = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            values = {k: str(entry[k]) for k in fields if k != stamp_field}
            stamp = entry[stamp_field]
            if not isinstance(stamp, int) or isinstance(stamp, bool) or not 0 <= stamp < 2**63:
                continue
            for k in fields:
                if k.endswith("key"):
                    keys.fingerprint(values[k])
        except (KeyError, TypeError, ValueError):
            continue
        result.append({**values, stamp_field: stamp})
    return result


def parse_rotations(entries: Any) -> list[Rotation]:
    """Rotation statements as a manifest or enrolment file lists them; malformed or badly signed ones are
    ignored (they prove nothing)."""
    fields = ("office_id", "old_key", "new_key", "stamp", "signature", "new_signature")
    result = []
    for entry in _parse(entries, fields, "stamp"):
        rotation = Rotation(*(entry[k] for k in fields))
        data = rotation.signed_bytes()
        if (rotation.old_key != rotation.new_key and keys.verify(rotation.old_key, rotation.signature, data)
                and keys.verify(rotation.new_key, rotation.new_signature, data)):
            result.append(rotation)
    return result


def parse_revocations(entries: Any) -> list[Revocation]:
    fields = ("office_id", "public_key", "issuer_id", "since", "signature")
    return [Revocation(*(e[k] for k in fields)) for e in _parse(entries, fields, "since")]


def held_rotations(conn: Connection) -> list[Rotation]:
    return [Rotation(*row) for row in conn.exec_driver_sql(
        "SELECT office_id, old_key, new_key, stamp, signature, new_signature FROM sync_key_rotations "
        "ORDER BY office_id, stamp, new_key")]


def held_revocations(conn: Connection) -> list[Revocation]:
    return [Revocation(*row) for row in conn.exec_driver_sql(
        "SELECT office_id, public_key, issuer_id, since, signature FROM sync_key_revocations "
        "ORDER BY office_id, public_key, issuer_id")]


@dataclasses.dataclass(frozen=True)
class Keyring:
    """The keys accepted for each office, from its anchor key (sync_keys: enrolment, certificate or confirmation)
    through the valid rotations, and the revocations that bound them."""

    keys: dict[str, frozenset[str]]  # office -> every key accepted for it
    current: dict[str, str]  # office -> the key it signs with now, as far as this office knows
    bounds: dict[tuple[str, str], Revocation]  # (office, key) -> the earliest revocation binding that key
    rotations: tuple[Rotation, ...]  # valid, held here or new
    revocations: tuple[Revocation, ...]
    new_rotations: tuple[Rotation, ...]  # valid and not held here yet
    new_revocations: tuple[Revocation, ...]

    def bound(self, office_id: str, public_key: str) -> Revocation | None:
        return self.bounds.get((office_id, public_key))

    def verifying_key(self, office_id: str, signature: str, data: bytes, first: str | None = None) -> str | None:
        """The accepted key of `office_id` that made `signature` (the current one tried first)."""
        candidates = [first, self.current.get(office_id), *sorted(self.keys.get(office_id, ()))]
        seen: set[str] = set()
        for key in candidates:
            if key and key not in seen:
                seen.add(key)
                if keys.verify(key, signature, data):
                    return key
        return None


def _closure(anchors: dict[str, str], revocations: list[Revocation], rotations: list[Rotation]
             ) -> tuple[dict[str, set[str]], dict[tuple[str, str], Revocation], list[Rotation]]:
    """Keys, bounds and valid rotations from the anchors and the valid revocations. A rotation counts once its old
    (or new) key is accepted; a revocation's bound passes down every rotation from the revoked key, whenever it was
    made (the lost laptop holds the new key too), so nothing depends on the order the statements came in."""
    accepted: dict[str, set[str]] = {o: {k} for o, k in anchors.items()}
    for revocation in revocations:
        accepted.setdefault(revocation.office_id, set()).add(revocation.public_key)
    valid: list[Rotation] = []
    changed = True
    while changed:
        changed = False
        for rotation in rotations:
            office_keys = accepted.setdefault(rotation.office_id, set())
            if rotation not in valid and (rotation.old_key in office_keys or rotation.new_key in office_keys):
                valid.append(rotation)
                office_keys.update((rotation.old_key, rotation.new_key))
                changed = True
    bounds: dict[tuple[str, str], Revocation] = {}
    for revocation in sorted(revocations, key=lambda r: (r.since, r.issuer_id)):
        bounds.setdefault((revocation.office_id, revocation.public_key), revocation)
    changed = True
    while changed:
        changed = False
        for rotation in valid:
            old_bound = bounds.get((rotation.office_id, rotation.old_key))
            new_bound = bounds.get((rotation.office_id, rotation.new_key))
            if old_bound is not None and (new_bound is None or old_bound.since < new_bound.since):
                bounds[(rotation.office_id, rotation.new_key)] = old_bound
                changed = True
    return accepted, bounds, valid


def build(conn: Connection, anchors: dict[str, str], incoming_rotations: Iterable[Rotation] = (),
          incoming_revocations: Iterable[Revocation] = (), enrolled_by: dict[str, str] | None = None) -> Keyring:
    """The keyring from what is held here plus statements just received (`enrolled_by`: which office enrolled
    each office, sync.certificates.enrollers; held offices' created_by otherwise)."""
    held_rot, held_rev = held_rotations(conn), held_revocations(conn)
    rotations = held_rot + [r for r in incoming_rotations if r not in held_rot]
    candidates = held_rev + [r for r in incoming_revocations if r not in held_rev]
    enrollers = {o: c for o, c in conn.exec_driver_sql("SELECT id, created_by FROM offices")}
    enrollers.update(enrolled_by or {})
    parents = office_parents(conn)
    # Held revocations were checked when they came (or were made here, or came in a signed enrolment file).
    revocations: list[Revocation] = list(held_rev)
    while True:  # a revocation is checked with its issuer's keys, which rotations (and revocations) decide
        accepted, bounds, valid = _closure(anchors, revocations, rotations)
        added = False
        for revocation in candidates:
            if revocation in revocations:
                continue
            issuer = revocation.issuer_id
            entitled = issuer != revocation.office_id and (
                enrollers.get(revocation.office_id) == issuer or may_change(issuer, revocation.office_id, parents))
            if not entitled:
                continue
            for key in accepted.get(issuer, ()):
                issuer_bound = bounds.get((issuer, key))
                if ((issuer_bound is None or revocation.since <= issuer_bound.since)
                        and keys.verify(key, revocation.signature, revocation.signed_bytes())):
                    revocations.append(revocation)
                    added = True
                    break
        if not added:
            break
    current = {}
    for office_id, anchor in anchors.items():
        key = anchor
        while True:
            successors = [r for r in valid if r.office_id == office_id and r.old_key == key]
            if not successors:
                break
            key = max(successors, key=lambda r: (r.stamp, r.new_key)).new_key
        current[office_id] = key
    return Keyring({o: frozenset(k) for o, k in accepted.items()}, current, bounds, tuple(valid),
                   tuple(revocations), tuple(r for r in valid if r not in held_rot),
                   tuple(r for r in revocations if r not in held_rev))


def anchors_of(conn: Connection, me: str, my_key: str) -> dict[str, str]:
    """The anchor keys: those of sync_keys, and this office's own current key."""
    result = {o: k for o, k in conn.exec_driver_sql("SELECT office_id, public_key FROM sync_keys")}
    result[me] = my_key
    return result


def store(conn: Connection, rotations: Iterable[Rotation], revocations: Iterable[Revocation]) -> None:
    rotations, revocations = list(rotations), list(revocations)
    if rotations:
        conn.exec_driver_sql(
            "INSERT INTO sync_key_rotations(office_id, new_key, old_key, stamp, signature, new_signature) "
            "VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            [(r.office_id, r.new_key, r.old_key, r.stamp, r.signature, r.new_signature) for r in rotations])
        record_changes(conn, "sync_key_rotations")
    if revocations:
        conn.exec_driver_sql(
            "INSERT INTO sync_key_revocations(office_id, public_key, issuer_id, since, signature) "
            "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            [(r.office_id, r.public_key, r.issuer_id, r.since, r.signature) for r in revocations])
        record_changes(conn, "sync_key_revocations")


def refusal_reason(revocation: Revocation, names: dict[str, str], stamp: int) -> str:
    """Why a change is refused, in words (stored with the rejection and reported back to the sender)."""
    office = names.get(revocation.office_id, revocation.office_id[:8])
    issuer = names.get(revocation.issuer_id, revocation.issuer_id[:8])
    return translate(
        "Core", "ký bằng khóa {fingerprint} của “{office}”, khóa này đã bị “{issuer}” thu hồi từ {since} (máy bị "
        "mất hoặc lộ khóa); thay đổi ghi lúc {when}, sau thời điểm thu hồi").format(
        fingerprint=keys.fingerprint(revocation.public_key), office=office, issuer=issuer,
        since=format_datetime(stamp_time(revocation.since)), when=format_datetime(stamp_time(stamp)))


def refused_changes(changes: Iterable[Change], revocation: Revocation | None, names: dict[str, str]
                    ) -> dict[tuple[str, int], str]:
    """(origin, seq) -> reason, for the changes of one segment signed with a key bound by `revocation`."""
    if revocation is None:
        return {}
    return {(c[0], c[1]): refusal_reason(revocation, names, c[6]) for c in changes if c[6] >= revocation.since}


def stored_refusals(conn: Connection, keyring: Keyring, names: dict[str, str],
                    origins: Iterable[str] | None = None) -> tuple[dict[tuple[str, int], str], list[Change]]:
    """The changes held here (stored segments of `origins`, default every office with a revoked key) that a
    revocation refuses: (origin, seq) -> reason, and the refused changes themselves."""
    wanted = set(origins) if origins is not None else {o for o, _k in keyring.bounds}
    reasons: dict[tuple[str, int], str] = {}
    refused: list[Change] = []
    for origin in sorted(wanted):
        for first, last, body, signature in conn.exec_driver_sql(
                "SELECT first_seq, last_seq, body, signature FROM sync_segments WHERE origin=?", (origin,)).fetchall():
            segment = Segment(origin, first, last, bytes(body), signature)
            key = keyring.verifying_key(origin, signature, log.signed_bytes(origin, first, last, segment.body))
            revocation = keyring.bound(origin, key) if key else None
            if revocation is None:
                continue
            changes = log.parse_segment(segment, translate("Core", _HELD))
            found = refused_changes(changes, revocation, names)
            reasons.update(found)
            refused.extend(c for c in changes if (c[0], c[1]) in found)
    return reasons, refused


def record_refusals(conn: Connection, refused: list[Change], reasons: dict[tuple[str, int], str]) -> None:
    """Keep refused changes visible in the rejected list; none of them waits as pending any more."""
    if not refused:
        return
    conn.exec_driver_sql(
        "INSERT INTO sync_rejections(origin, seq, tbl, row_id, field, reason) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT DO NOTHING",
        [(c[0], c[1], c[2], c[3], c[4], reasons[(c[0], c[1])]) for c in refused])
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS refused_now(origin TEXT, seq INTEGER)")
    conn.exec_driver_sql("DELETE FROM refused_now")
    conn.exec_driver_sql("INSERT INTO refused_now VALUES (?,?)", [(c[0], c[1]) for c in refused])
    conn.exec_driver_sql("DELETE FROM sync_pending WHERE EXISTS (SELECT 1 FROM refused_now r WHERE "
                         "r.origin=sync_pending.origin AND r.seq=sync_pending.seq)")
    record_changes(conn, "sync_rejections", "sync_pending")


def enforce(conn: Connection, me: str, keyring: Keyring, names: dict[str, str], offices: Iterable[str]) -> int:
    """After new revocations of `offices`' keys: refuse what this office holds from them signed with a revoked key
    after its revocation stamp (applied before the revocation was known), rebuilding the rows they touched from
    the rest of the log. Returns how many changes were refused."""
    offices = set(offices)
    if not offices:
        return 0
    reasons, refused = stored_refusals(conn, keyring, names, offices)
    if not refused:
        return 0
    record_refusals(conn, refused, reasons)
    skip, _all = stored_refusals(conn, keyring, names)
    rebuild_rows(conn, me, {(c[2], c[3]) for c in refused}, set(skip))
    return len(refused)


def rebuild_rows(conn: Connection, me: str, rebuild: set[tuple[str, str]], skip: set[tuple[str, int]]) -> None:
    """Rebuild each (table, row id) of `rebuild` from the whole change log held here, leaving out the changes of
    `skip` ((origin, seq)), as an office receiving the rest all at once would hold them."""
    if not rebuild:
        return
    defer_foreign_keys(conn)  # rows are rebuilt within this transaction
    changes = []
    for origin, first, last, body, signature in conn.exec_driver_sql(
            "SELECT origin, first_seq, last_seq, body, signature FROM sync_segments").fetchall():
        segment = Segment(origin, first, last, bytes(body), signature)
        for change in log.parse_segment(segment, translate("Core", _HELD)):
            if (change[2], change[3]) in rebuild and (change[0], change[1]) not in skip:
                changes.append(change)
    for seq, tbl, row_id, field, value, hlc, base_hlc, base_origin in conn.exec_driver_sql(
            "SELECT seq, tbl, row_id, field, value, hlc, base_hlc, base_origin FROM sync_outbox").fetchall():
        if (tbl, row_id) in rebuild:
            changes.append((me, seq, tbl, row_id, field, json.loads(value), hlc, base_hlc, base_origin))
    infos = tables()
    for tbl, row_id in rebuild:
        if tbl not in infos:
            continue
        conn.exec_driver_sql(f"DELETE FROM {tbl} WHERE id=?", (row_id,))
        for table in ("sync_field_clock", "sync_seen", "sync_conflicts", "sync_pending"):
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE tbl=? AND row_id=?", (tbl, row_id))
    apply_changes(conn, changes)
    record_changes(conn, *{t for t, _r in rebuild if t in infos}, "sync_field_clock", "sync_seen", "sync_conflicts",
                   "sync_pending")
