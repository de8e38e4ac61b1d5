"""Keys come down the enrolment chain (DESIGN §4): "office X's key is K", signed by the office that enrolled X.

An office trusts its own key, the keys its enrolment file gave it and the keys its user confirmed by fingerprint.
Another office's key is accepted when its certificate is signed by the office that enrolled it, whose key is itself
accepted. A relay cannot vouch a key of its own making: a second, different key for the same office is a key
conflict, shown to the user; nothing of that office is applied or acknowledged until the user confirms one key.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection

from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.database import Database
from ptds_desktop.db.engine import defer_foreign_keys, exclusive_sync
from ptds_desktop.errors import NotFoundError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.sync import keyring, keys, log
from ptds_desktop.sync.log import Segment
from ptds_desktop.sync.peers import known_keys, office_names, require_office, save_key

# Where a parse error would be reported: these were verified once already.
_HELD = QT_TRANSLATE_NOOP("Core", "Đoạn thay đổi giữ lại")


@dataclasses.dataclass(frozen=True)
class Certificate:
    office_id: str
    public_key: str
    issuer_id: str
    signature: str

    def signed_bytes(self) -> bytes:
        return certificate_bytes(self.office_id, self.public_key, self.issuer_id)

    def as_json(self) -> dict[str, str]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class KeyConflict:
    office_id: str
    office_name: str
    accepted_fingerprint: str | None  # the key used until now
    other_fingerprints: tuple[str, ...]  # certified too, by the chain: one of them is a forgery
    held_segments: int  # segments kept aside until the user confirms a key
    message: str


@dataclasses.dataclass(frozen=True)
class Evaluation:
    """What a set of received certificates changes here."""

    new_keys: dict[str, str]  # office -> key, accepted now
    store: tuple[Certificate, ...]  # valid certificates not held yet
    disputed: tuple[Certificate, ...]  # valid certificates of a second key: key conflicts
    usable: dict[str, str]  # every accepted key, these included


def certificate_bytes(office_id: str, public_key: str, issuer_id: str) -> bytes:
    return f"ptds-key-certificate\n{office_id}\n{public_key}\n{issuer_id}".encode()


def issue(private: Ed25519PrivateKey, issuer_id: str, office_id: str, public_key: str) -> Certificate:
    return Certificate(office_id, public_key, issuer_id,
                       keys.sign(private, certificate_bytes(office_id, public_key, issuer_id)))


def parse(entries: Any) -> list[Certificate]:
    """Certificates as a manifest or enrolment file lists them; malformed entries are ignored (they verify nothing)."""
    result = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            cert = Certificate(*(str(entry[k]) for k in ("office_id", "public_key", "issuer_id", "signature")))
            keys.fingerprint(cert.public_key)
        except (KeyError, TypeError, ValueError):
            continue
        result.append(cert)
    return result


def held(conn: Connection) -> list[Certificate]:
    """The certificates held here that are not refused (the ones spread in bundles)."""
    return [Certificate(*row) for row in conn.exec_driver_sql(
        "SELECT office_id, public_key, issuer_id, signature FROM sync_key_certificates WHERE refused=0 "
        "ORDER BY office_id, public_key")]


def store(conn: Connection, certificates: list[Certificate] | tuple[Certificate, ...]) -> None:
    if certificates:
        conn.exec_driver_sql(
            "INSERT INTO sync_key_certificates(office_id, public_key, issuer_id, signature, refused) "
            "VALUES (?,?,?,?,0) ON CONFLICT DO NOTHING",
            [(c.office_id, c.public_key, c.issuer_id, c.signature) for c in certificates])
        record_changes(conn, "sync_key_certificates")


def enrollers(conn: Connection, segments: list[Segment] | tuple[Segment, ...], roots: dict[str, str]) -> dict[str, str]:
    """Which office enrolled each office: the created_by of its row, held here or created in one of `segments`
    whose origin's key is among `roots` (a certificate may come in the same bundle as the office's row)."""
    result: dict[str, str] = {o: c for o, c in conn.exec_driver_sql("SELECT id, created_by FROM offices")}
    for segment in segments:
        key = roots.get(segment.origin)
        if key is None or b'"offices"' not in segment.body or not keys.verify(
                key, segment.signature, log.signed_bytes(segment.origin, segment.first_seq, segment.last_seq,
                                                         segment.body)):
            continue
        for change in log.parse_segment(segment, translate("Core", _HELD)):
            if change[2] == "offices" and change[4] == "created_by" and change[7] == 0:
                result.setdefault(change[3], change[5])
    return result


def evaluate(conn: Connection, me: str, roots: dict[str, str], incoming: list[Certificate],
             enrolled_by: dict[str, str], ring: keyring.Keyring | None = None) -> Evaluation:
    """`roots`: the keys accepted here (this office's own among them); `enrolled_by`: see enrollers(). A certificate
    counts only when signed by the office that enrolled its office, whose key counts. With `ring` (sync.keyring):
    the issuer may sign with any of its valid keys, a key an office rotated to or a revoked one of its keys is no
    conflict, and a fresh key certified for an office whose key is revoked replaces it (re-enrolment)."""
    accepted = dict(roots)
    ring = ring or keyring.build(conn, roots)
    known_pairs = {(o, k): bool(r) for o, k, r in conn.exec_driver_sql(
        "SELECT office_id, public_key, refused FROM sync_key_certificates")}
    new_keys: dict[str, str] = {}
    to_store: list[Certificate] = []
    disputed: list[Certificate] = []
    waiting = list(incoming)
    progress = True
    while progress:  # a chain may arrive in any order
        progress = False
        for cert in list(waiting):
            issuer_key = accepted.get(cert.issuer_id)
            if issuer_key is None or enrolled_by.get(cert.office_id) != cert.issuer_id:
                continue
            waiting.remove(cert)
            progress = True
            pair = (cert.office_id, cert.public_key)
            if (cert.office_id == me or cert.issuer_id == cert.office_id
                    or known_pairs.get(pair) is True or pair in {(c.office_id, c.public_key) for c in disputed}
                    or ring.verifying_key(cert.issuer_id, cert.signature, cert.signed_bytes(), issuer_key) is None):
                continue
            current = accepted.get(cert.office_id)
            chain = ring.keys.get(cert.office_id, frozenset())
            if current is not None and cert.public_key not in chain and _revoked(ring, cert.office_id, current):
                current = None  # re-enrolled after its key was revoked: the fresh key replaces it
            if current is None:
                accepted[cert.office_id] = new_keys[cert.office_id] = cert.public_key
            if current is None or current == cert.public_key or cert.public_key in chain:
                if pair not in known_pairs:
                    to_store.append(cert)
                    known_pairs[pair] = False
            elif pair not in known_pairs:
                disputed.append(cert)
    return Evaluation(new_keys, tuple(to_store), tuple(disputed), accepted)


def _revoked(ring: keyring.Keyring, office_id: str, anchor: str) -> bool:
    """The office's key (where its rotations from `anchor` lead) is revoked."""
    return ring.bound(office_id, ring.current.get(office_id, anchor)) is not None or \
        ring.bound(office_id, anchor) is not None


def save(conn: Connection, evaluation: Evaluation, names: dict[str, str]) -> None:
    store(conn, evaluation.store + evaluation.disputed)
    known = known_keys(conn)
    for office_id, public_key in evaluation.new_keys.items():
        if office_id in known and known[office_id] != public_key:  # re-enrolled: see evaluate()
            conn.exec_driver_sql("UPDATE sync_keys SET public_key=?, source='certified' WHERE office_id=?",
                                 (public_key, office_id))
        save_key(conn, office_id, public_key, "certified", names.get(office_id))


def disputed_keys(conn: Connection) -> dict[str, set[str]]:
    """Per office in a key conflict, its certified keys other than the accepted one (and the keys it rotated to
    or had revoked, sync.keyring)."""
    accepted = known_keys(conn)
    ring = keyring.build(conn, accepted)
    result: dict[str, set[str]] = {}
    for office_id, public_key in conn.exec_driver_sql(
            "SELECT office_id, public_key FROM sync_key_certificates WHERE refused=0"):
        if office_id in accepted and accepted[office_id] != public_key and public_key not in ring.keys.get(
                office_id, ()):
            result.setdefault(office_id, set()).add(public_key)
    return result


def hold(conn: Connection, held_segments: list[tuple[Segment, str]]) -> None:
    if held_segments:
        conn.exec_driver_sql(
            "INSERT INTO sync_held_segments(origin, first_seq, signature, last_seq, body, attachments, "
            "public_key) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            [(s.origin, s.first_seq, s.signature, s.last_seq, s.body, json.dumps(list(s.attachments)), k)
             for s, k in held_segments])
        record_changes(conn, "sync_held_segments")


def conflict_message(office_id: str, office_name: str, fingerprints: list[str]) -> str:
    return translate(
        "Core", "XUNG ĐỘT KHÓA: “{office}” có nhiều khóa khác nhau ({fingerprints}); một khóa là giả mạo. Thay đổi "
        "của văn phòng này được giữ lại, chưa áp dụng và chưa xác nhận đã nhận. Hãy gọi điện cho văn phòng đó, đọc "
        "dấu vân tay đúng rồi xác nhận: ptds sync keys --confirm {office_id} DẤU_VÂN_TAY.").format(
        office=office_name, fingerprints=", ".join(fingerprints), office_id=office_id[:8])


def key_conflicts(db: Database) -> list[KeyConflict]:
    with db.engine.connect() as conn:
        return conflicts_on(conn)


def conflicts_on(conn: Connection) -> list[KeyConflict]:
    accepted = known_keys(conn)
    names: dict[str, str] = {o: n for o, n in conn.exec_driver_sql(
        "SELECT office_id, name FROM sync_keys WHERE name IS NOT NULL")}
    names.update(office_names(conn))
    held_counts: dict[str, int] = {o: n for o, n in conn.exec_driver_sql(
        "SELECT origin, count(*) FROM sync_held_segments GROUP BY origin")}
    result = []
    for office_id, others in sorted(disputed_keys(conn).items()):
        name = names.get(office_id, office_id)
        accepted_fp = keys.fingerprint(accepted[office_id])
        other_fps = tuple(sorted(keys.fingerprint(k) for k in others))
        message = conflict_message(office_id, name, [accepted_fp, *other_fps])
        result.append(KeyConflict(office_id, name, accepted_fp, other_fps, int(held_counts.get(office_id, 0)),
                                  message))
    return result


def confirm_key(db: Database, office: str, fingerprint: str) -> KeyConflict | None:
    """The user read `fingerprint` with the office on the phone: that key is genuine. The other keys are refused,
    what was received under them is dropped, and the changes held for this office are applied. Returns the
    conflict that was settled (None when there was none)."""
    me = require_office(db)
    with db.engine.begin() as conn:
        exclusive_sync(conn)  # applies held changes: as an import does
        matches = [o for (o,) in conn.exec_driver_sql("SELECT DISTINCT office_id FROM sync_key_certificates")
                   if o == office or o.startswith(office)]
        if len(matches) != 1:
            raise NotFoundError(translate("Core", "Không tìm thấy văn phòng có mã {id} trong các khóa đã biết "
                                          "(xem 'ptds sync keys').").format(id=office))
        office_id = matches[0]
        before = [c for c in conflicts_on(conn) if c.office_id == office_id]
        candidates = {k for (k,) in conn.exec_driver_sql(
            "SELECT public_key FROM sync_key_certificates WHERE office_id=? AND refused=0", (office_id,))}
        candidates |= {k for o, k in known_keys(conn).items() if o == office_id}
        chosen = [k for k in candidates if keys.same_fingerprint(fingerprint, keys.fingerprint(k))]
        if len(chosen) != 1 or office_id == me:
            raise NotFoundError(translate("Core", "Dấu vân tay {fingerprint} không khớp khóa nào của văn phòng "
                                          "này.").format(fingerprint=fingerprint))
        genuine = chosen[0]
        conn.exec_driver_sql("INSERT INTO sync_keys(office_id, public_key, source, name) VALUES (?,?,'confirmed',?) "
                             "ON CONFLICT(office_id) DO UPDATE SET public_key=excluded.public_key, source='confirmed'",
                             (office_id, genuine, before[0].office_name if before else None))
        conn.exec_driver_sql("UPDATE sync_key_certificates SET refused = (public_key != ?) WHERE office_id=?",
                             (genuine, office_id))
        _settle(conn, me, office_id, genuine)
        record_changes(conn, "sync_keys", "sync_key_certificates")
    return before[0] if before else None


def _settle(conn: Connection, me: str, office_id: str, genuine: str) -> None:
    """Drop what came signed with a refused key, store the held segments signed with the genuine one, and rebuild
    every row either touched from the change log, so that the genuine changes hold as if the forgery never came."""
    defer_foreign_keys(conn)  # rows are rebuilt within this transaction
    rebuild: set[tuple[str, str]] = set()
    for first, last, body, signature in conn.exec_driver_sql(
            "SELECT first_seq, last_seq, body, signature FROM sync_segments WHERE origin=?", (office_id,)).fetchall():
        segment = Segment(office_id, first, last, bytes(body), signature)
        if keys.verify(genuine, signature, log.signed_bytes(office_id, first, last, segment.body)):
            continue
        rebuild.update((c[2], c[3]) for c in log.parse_segment(segment, translate("Core", _HELD)))
        conn.exec_driver_sql("DELETE FROM sync_segments WHERE origin=? AND first_seq=?", (office_id, first))
        for table in ("sync_pending", "sync_rejections"):
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE origin=? AND seq BETWEEN ? AND ?",
                                 (office_id, first, last))
    segments = []
    for first, last, body, signature, attachments in conn.exec_driver_sql(
            "SELECT first_seq, last_seq, body, signature, attachments FROM sync_held_segments WHERE origin=? "
            "ORDER BY first_seq", (office_id,)).fetchall():
        segment = Segment(office_id, first, last, bytes(body), signature, tuple(json.loads(attachments)))
        if keys.verify(genuine, signature, log.signed_bytes(office_id, first, last, segment.body)):
            segments.append(segment)
    conn.exec_driver_sql("DELETE FROM sync_held_segments WHERE origin=?", (office_id,))
    parsed = {(s.origin, s.first_seq): log.parse_segment(s, translate("Core", _HELD)) for s in segments}
    fresh = log.new_segments(conn, segments, parsed)
    rebuild.update((c[2], c[3]) for c in fresh.changes)
    log.receive(conn, fresh.segments, [])  # stored only: the rows are rebuilt from the whole log below
    keyring.rebuild_rows(conn, me, rebuild, set())
    record_changes(conn, "sync_segments", "sync_rejections", "sync_held_segments")
