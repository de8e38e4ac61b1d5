"""Where this office stands: changes not yet sent, conflicts, pending changes, the clock, its peers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ptds_desktop.db import clock
from ptds_desktop.db.capture import last_seq
from ptds_desktop.db.database import Database
from ptds_desktop.sync.certificates import KeyConflict, key_conflicts
from ptds_desktop.sync.peers import IdentityInfo, PeerInfo, identity, list_peers
from ptds_desktop.text import format_datetime


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
    key_conflicts: tuple[KeyConflict, ...]
    peers: tuple[PeerInfo, ...]


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


def status(db: Database) -> SyncStatus:
    me = identity(db)
    with db.engine.connect() as conn:
        own = last_seq(conn)
        unsent, conflicts, pending, rejections = (
            int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
            for table in ("sync_outbox", "sync_conflicts", "sync_pending", "sync_rejections")
        )
    return SyncStatus(me, own, unsent, conflicts, pending, rejections, check_clock(db),
                      tuple(key_conflicts(db)), tuple(list_peers(db)))
