"""Where this office stands: changes not yet sent, conflicts, pending changes, the clock, its peers, and per
peer what a person can act on (last exchange, what it has not received since when, a warning when silent)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import Connection

from ptds_desktop.config import Settings
from ptds_desktop.db import clock, incarnation
from ptds_desktop.db.capture import last_seq
from ptds_desktop.db.database import Database
from ptds_desktop.db.engine import exclusive_sync
from ptds_desktop.db.incarnation import stream_base, stream_key
from ptds_desktop.db.synced import CREATION
from ptds_desktop.i18n import translate
from ptds_desktop.sync.certificates import KeyConflict, key_conflicts
from ptds_desktop.sync.peers import IdentityInfo, PeerInfo, acked_by, identity, list_peers, office_names
from ptds_desktop.text import format_date, format_datetime


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

    @property
    def message(self) -> str:
        return translate("Core", "Giữ lại {count} thay đổi của “{office}” ghi lúc tới {newest}, hơn một ngày sau giờ "
                         "máy này: đồng hồ của văn phòng đó sai. Chúng sẽ được áp dụng khi giờ máy này tới thời điểm "
                         "đó.").format(count=self.count, office=self.origin_name, newest=self.newest_at)


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
    follow_up: tuple[PeerFollowUp, ...] = ()  # one per peer, same order
    warn_after_days: int = Settings.sync_warn_days


@dataclasses.dataclass(frozen=True)
class PeerFollowUp:
    office_id: str
    last_exchange_at: str | None  # the later of the last bundle received and the last sent
    waiting_since: str | None  # when the oldest change this peer has not acknowledged became due to it
    silent_days: int | None  # days since a bundle from this peer arrived (or, never, since one was sent)
    warning: str | None  # set when silent for more than the configured number of days


def check_clock(db: Database) -> ClockCheck:
    """At start: is this computer's clock behind the newest stamp held (someone's clock, maybe ours, is wrong)?"""
    with db.engine.connect() as conn:
        newest = clock.stamp_ms(clock.newest_seen(conn))
    local = clock.clock_for(db.engine).now_ms()
    if newest > local + 60_000:
        when = format_datetime(dt.datetime.fromtimestamp(newest / 1000))
        return ClockCheck(False, local, newest, translate(
            "Core", "Đồng hồ máy này chậm hơn dữ liệu đang có (mới nhất lúc {when}). "
            "Hãy chỉnh lại ngày giờ của máy, nếu không các sửa đổi mới có thể bị coi là cũ. "
            "Nếu ngày giờ của máy đã đúng, chạy 'ptds sync clock --reset' để đưa đồng hồ đồng bộ "
            "về giờ máy.").format(when=when))
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
        exclusive_sync(conn)  # no local edit stamps a change while the clock moves back
        before, after = clock.reset(conn, db.engine)
    return ClockReset(format_datetime(clock.stamp_time(before)), format_datetime(clock.stamp_time(after)),
                      after != before)


def incarnation_notice(db: Database) -> str | None:
    """Said when this database was opened from a restored or copied file and took new sequence numbers."""
    with db.engine.connect() as conn:
        return incarnation.notice(conn)


def _due_since(conn: Connection, me: str, peer_id: str, acked: dict[str, int]) -> dt.datetime | None:
    """When the oldest change this peer has not acknowledged became due to it (None: it has them all): a change
    received from elsewhere is due from its arrival here, one made here from its own stamp, and nothing is due
    to an office before it was registered (an office enrolled later is not behind for what came before it)."""
    dues: list[int] = []
    parsed: set[str] = set()
    for origin, first, last, received_ms in conn.exec_driver_sql(
        "SELECT origin, first_seq, last_seq, received_ms FROM sync_segments ORDER BY origin, first_seq"
    ):
        key = stream_key(origin, first)
        held = acked.get(key, stream_base(first))
        if last <= held:
            continue
        if received_ms is not None and origin != me:
            dues.append(int(received_ms))
        elif key not in parsed:  # a stream's stamps grow with its numbers: its first missing change is its oldest
            parsed.add(key)
            body = conn.exec_driver_sql("SELECT body FROM sync_segments WHERE origin=? AND first_seq=?",
                                        (origin, first)).scalar_one()
            lines = bytes(body).splitlines()
            line = lines[min(max(held + 1, first) - first, len(lines) - 1)]
            dues.append(clock.stamp_ms(int(json.loads(line)[5])))
    unsealed = conn.exec_driver_sql("SELECT min(hlc) FROM sync_outbox").scalar()
    if unsealed is not None:
        dues.append(clock.stamp_ms(int(unsealed)))
    if not dues:
        return None
    registered = conn.exec_driver_sql(
        "SELECT hlc FROM sync_field_clock WHERE tbl='offices' AND row_id=? AND field=?", (peer_id, CREATION)
    ).scalar()
    since = max(min(dues), clock.stamp_ms(int(registered)) if registered else 0)
    return dt.datetime.fromtimestamp(since / 1000)


def _when(iso: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def follow_up(conn: Connection, me: str, peer: PeerInfo, now: dt.datetime, warn_after_days: int) -> PeerFollowUp:
    received, sent = _when(peer.last_received_at), _when(peer.last_sent_at)
    last_exchange = max((t for t in (received, sent) if t), default=None)
    waiting_since = (_due_since(conn, me, peer.office_id, acked_by(conn, peer.office_id))
                     if peer.pending_changes else None)
    silent_from = received or sent  # never heard back: count from the bundle sent (only the last is recorded)
    silent_days = (now - silent_from).days if silent_from else None
    warning = None
    if silent_from is not None and silent_days is not None and silent_days > warn_after_days:
        heard = (translate("Core", "chưa gửi gói nào về từ {date}") if received
                 else translate("Core", "chưa gửi gói nào về kể từ gói gửi họ ngày {date}"))
        warning = translate("Core", "“{office}” {heard} ({days} ngày).").format(
            office=peer.name, heard=heard.format(date=format_date(silent_from)), days=silent_days)
        if waiting_since:
            warning += translate("Core", " Họ còn thiếu {count} thay đổi, cũ nhất từ {date}: "
                                 "hãy gửi gói qua USB hoặc thư mục đồng bộ và nhắc họ gửi gói về.").format(
                count=peer.pending_changes, date=format_date(waiting_since))
    return PeerFollowUp(peer.office_id, last_exchange.isoformat(timespec="seconds") if last_exchange else None,
                        waiting_since.isoformat(timespec="seconds") if waiting_since else None, silent_days, warning)


def status(db: Database, warn_after_days: int = Settings.sync_warn_days) -> SyncStatus:
    me = identity(db)
    peers = tuple(list_peers(db))
    now = dt.datetime.fromtimestamp(clock.clock_for(db.engine).now_ms() / 1000)
    with db.engine.connect() as conn:
        own = last_seq(conn) & ((1 << incarnation.EPOCH_SHIFT) - 1)  # counted within the current epoch
        unsent, conflicts, pending, rejections = (
            int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
            for table in ("sync_outbox", "sync_conflicts", "sync_pending", "sync_rejections")
        )
        notes = tuple(follow_up(conn, me.office_id, p, now, warn_after_days) for p in peers)
    return SyncStatus(me, own, unsent, conflicts, pending, rejections, check_clock(db),
                      tuple(key_conflicts(db)), peers, tuple(held_changes(db)), incarnation_notice(db),
                      notes, warn_after_days)
