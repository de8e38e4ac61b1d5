"""This office's signing identity and the offices it exchanges bundles with: their keys and what they acknowledged."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import Connection

from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.database import Database
from ptds_desktop.db.synced import office_parents
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.sync import keyring, keys, log


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


def require_office(db: Database) -> str:
    office_id = db.office_id()
    if office_id is None:
        raise PtdsError(translate("Core", "Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy 'ptds init'."))
    return office_id


def identity(db: Database) -> IdentityInfo:
    office_id = require_office(db)
    private = keys.load_private_key(db.path, office_id)
    public = keys.public_key_of(private)
    with db.engine.connect() as conn:
        name, level, parent_id = conn.exec_driver_sql(
            "SELECT name, level, parent_id FROM offices WHERE id=?", (office_id,)
        ).one()
    return IdentityInfo(office_id, name, level, parent_id, public, keys.fingerprint(public),
                        str(keys.key_path(db.path, office_id)))


def known_keys(conn: Connection) -> dict[str, str]:
    """The keys this office accepts: from its enrolment, confirmed by fingerprint, or certified down the enrolment
    chain (sync.certificates). Never offices.public_key: any ancestor of an office may write that field."""
    return {o: k for o, k in conn.exec_driver_sql("SELECT office_id, public_key FROM sync_keys")}


def office_names(conn: Connection) -> dict[str, str]:
    return {office_id: name for office_id, name in conn.exec_driver_sql("SELECT id, name FROM offices")}


def save_key(conn: Connection, office_id: str, public_key: str, source: str, name: str | None) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_keys(office_id, public_key, source, name) VALUES (?,?,?,?) "
        "ON CONFLICT(office_id) DO NOTHING",
        (office_id, public_key, source, name),
    )
    record_changes(conn, "sync_keys")


def peer_rows(conn: Connection, me: str) -> list[tuple[str, str, str, str]]:
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


def acked_by(conn: Connection, office_id: str) -> dict[str, int]:
    row = conn.exec_driver_sql("SELECT acked FROM sync_peers WHERE office_id=?", (office_id,)).fetchone()
    return json.loads(row[0]) if row else {}


def list_peers(db: Database) -> list[PeerInfo]:
    me = require_office(db)
    with db.engine.connect() as conn:
        known = keyring.build(conn, known_keys(conn)).current  # the key each signs with now (after rotations)
        times = {r[0]: (r[1], r[2]) for r in conn.exec_driver_sql(
            "SELECT office_id, last_received_at, last_sent_at FROM sync_peers")}
        result = []
        for office_id, name, level, relation in peer_rows(conn, me):
            key = known.get(office_id)
            received, sent = times.get(office_id, (None, None))
            result.append(PeerInfo(office_id, name, level, relation, keys.fingerprint(key) if key else None,
                                   received, sent, log.pending_count(conn, acked_by(conn, office_id))))
    return result
