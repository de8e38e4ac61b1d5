"""Where this office stands: changes not yet sent, conflicts, pending changes, the clock, its peers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ptds_desktop.db import clock, incarnation
from ptds_desktop.db.capture import last_seq
from ptds_desktop.db.database import Database
from ptds_desktop.sync.certificates import KeyConflict, key_conflicts
from ptds_desktop.sync.peers import IdentityInfo, PeerInfo, identity, list_peers, office_names
from ptds_desktop.text import format_datetime


@dataclasses.dataclass(frozen=True)
class ClockCheck:
    ok: bool
    local_ms: int
    newest_ms: int
    message: str | None


@dataclasses.dataclass(frozen=True)
class HeldChanges:
    """Received changes stamped more than a day after this computer's clock: kept, not applied."""

    origin_id: str
    origin_name: str
    count: int
    newest_at: str  # the furthest stamp, as officers write a moment


@dataclasses.dataclass(frozen=True)
class ClockReset:
    before: str
    after: str
    changed: bool


@dataclasses.dataclass(frozen=True)
class SyncStatus:
    identity: IdentityInfo
    own_changes: int  # sequence number of this office's newest change
    unsent_changes: int  # captured, not yet sealed into a bundle
    conflicts: int
    pending_changes: int  # received, waiting for a row that has not arrived
    rejections: int
    clock: ClockCheck
    key_conflicts: tuple[KeyConflict, ...]
    peers: tuple[PeerInfo, ...]
    held: tuple[HeldChanges, ...] = ()
    notice: str | None = None  # this database is a restored or copied file and took new sequence numbers


def check_clock(db: Database) -> ClockCheck:
    """At start: is this computer's clock behind the newest stamp held (someone's clock, maybe ours, is wrong)?"""
    with db.engine.connect() as conn:
        newest = clock.stamp_ms(clock.newest_seen(conn))
    local = clock.clock_for(db.engine).now_ms()
    if newest > local + 60_000:
        when = format_datetime(dt.datetime.fromtimestamp(newest / 1000))
        return ClockCheck(False, local, newest,
                          f"Đồng hồ máy này chậm hơn dữ liệu đang có (mới nhất lúc {when}). "
                          "Hãy chỉnh lại ngày giờ của máy, nếu không các sửa đổi mới có thể bị coi là cũ. "
                          "Nếu ngày giờ của máy đã đúng, chạy 'ptds sync clock --reset' để đưa đồng hồ đồng bộ "
                          "về giờ máy.")
    return ClockCheck(True, local, newest, None)


def held_changes(db: Database) -> list[HeldChanges]:
    """Received changes held because their stamp is more than a day ahead of this computer's clock."""
    limit = clock.acceptable_limit(db.engine)
    with db.engine.connect() as conn:
        names = office_names(conn)
        rows = conn.exec_driver_sql(
            "SELECT origin, count(*), max(hlc) FROM sync_pending WHERE hlc > ? GROUP BY origin ORDER BY origin",
            (limit,),
        ).fetchall()
    return [HeldChanges(origin, names.get(origin) or origin, count, format_datetime(clock.stamp_time(newest)))
            for origin, count, newest in rows]


def reset_clock(db: Database) -> ClockReset:
    """Bring this office's sync clock back to the computer's clock when it was pushed far ahead
    (the safety argument is in `db.clock.reset`)."""
    with db.engine.begin() as conn:
        before, after = clock.reset(conn, db.engine)
    return ClockReset(format_datetime(clock.stamp_time(before)), format_datetime(clock.stamp_time(after)),
                      after != before)


def incarnation_notice(db: Database) -> str | None:
    """Said when this database was opened from a restored or copied file and took new sequence numbers."""
    with db.engine.connect() as conn:
        return incarnation.notice(conn)


def status(db: Database) -> SyncStatus:
    me = identity(db)
    with db.engine.connect() as conn:
        own = last_seq(conn) & ((1 << incarnation.EPOCH_SHIFT) - 1)  # counted within the current epoch
        unsent, conflicts, pending, rejections = (
            int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
            for table in ("sync_outbox", "sync_conflicts", "sync_pending", "sync_rejections")
        )
    return SyncStatus(me, own, unsent, conflicts, pending, rejections, check_clock(db),
                      tuple(key_conflicts(db)), tuple(list_peers(db)), tuple(held_changes(db)), incarnation_notice(db))
