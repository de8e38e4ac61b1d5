"""Hybrid logical clock: a 64-bit int (unix_ms << 16) | counter, persisted in local_settings.

The stamp never goes backwards and takes the maximum of every stamp accepted, so an edit made after
seeing a value always carries a larger stamp than that value. A received stamp more than `AHEAD_LIMIT_MS`
after the local wall clock is never observed (sync holds such changes for review), so one laptop with a
wrong date cannot drag every office's clock along, nor push it past what 63 bits hold.
The physical time source is injectable per engine so tests decide ties and skew.
"""

from __future__ import annotations

import datetime as dt
import time
import weakref

from sqlalchemy import Connection, Engine

from ptds_desktop.db import counters
from ptds_desktop.db.engine import shared_write
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate

HLC_KEY = "sync_hlc"
COUNTER_BITS = 16
DAY_MS = 24 * 3600 * 1000
AHEAD_LIMIT_MS = DAY_MS
MAX_STAMP = 2**63 - 1  # SQLite INTEGER


def stamp_ms(stamp: int) -> int:
    return stamp >> COUNTER_BITS


def stamp_time(stamp: int) -> dt.datetime:
    """The local wall-clock moment of a stamp."""
    return dt.datetime.fromtimestamp(stamp_ms(stamp) / 1000)


def stamp_for_ms(ms: int) -> int:
    return ms << COUNTER_BITS


class SystemClock:
    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FakeClock:
    """A settable clock for tests: `advance(ms)` and `set(ms)`."""

    def __init__(self, ms: int = 1_767_225_600_000):  # 2026-01-01
        self.ms = ms

    def now_ms(self) -> int:
        return self.ms

    def advance(self, ms: int = 1) -> None:
        self.ms += ms

    def set(self, ms: int) -> None:
        self.ms = ms


_SYSTEM = SystemClock()
_clocks: weakref.WeakKeyDictionary[Engine, object] = weakref.WeakKeyDictionary()


def use_clock(db_or_engine, clock) -> None:
    """Make `clock` the physical time source of one database (tests)."""
    engine = getattr(db_or_engine, "engine", db_or_engine)
    _clocks[engine] = clock


def clock_for(engine: Engine):
    return _clocks.get(engine, _SYSTEM)


def _read(conn: Connection) -> int:
    return counters.read(conn, HLC_KEY)


def _write(conn: Connection, stamp: int) -> None:
    conn.exec_driver_sql(
        "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        (HLC_KEY, str(stamp)),
    )


def acceptable_limit(engine: Engine) -> int:
    """The greatest stamp a received change may carry to be applied now: one day after this computer's clock."""
    return min(stamp_for_ms(clock_for(engine).now_ms() + AHEAD_LIMIT_MS), MAX_STAMP)


def tick(conn: Connection, engine: Engine) -> int:
    """A new stamp for a local change: later than the wall clock and than anything accepted. Taken in one
    statement (db.counters): staff writing at once on a shared database each get their own, in commit order."""
    stamp = counters.advance(conn, HLC_KEY, stamp_for_ms(clock_for(engine).now_ms()), MAX_STAMP)
    if stamp is None or stamp > MAX_STAMP:
        raise PtdsError(translate(
            "Core", "Đồng hồ đồng bộ của máy này đã chạy tới giới hạn, không ghi thêm được sửa đổi. "
            "Hãy chỉnh lại ngày giờ của máy rồi chạy 'ptds sync clock --reset'."
        ))
    return stamp


def hold(conn: Connection) -> None:
    """Take this office's clock for the rest of the transaction, as the first local change would: other
    writers of the database wait at their own first change until this transaction ends. A service that
    compares what it read with what a form started from holds it first, so nobody saves in between.
    The sync lock first, as every local write takes them: an import holding it never waits for this clock."""
    shared_write(conn)
    counters.raise_to(conn, HLC_KEY, 0)


def observe(conn: Connection, stamp: int) -> None:
    """Remember an accepted stamp so the next local change is later than it. A stamp beyond
    `acceptable_limit` is not observed (a wrong clock elsewhere must not become ours)."""
    if stamp <= acceptable_limit(conn.engine):
        counters.raise_to(conn, HLC_KEY, stamp)


def reset(conn: Connection, engine: Engine) -> tuple[int, int]:
    """Bring a clock pushed far ahead back to the wall clock (returns (before, after)).

    Why this is safe: the clock only has to be later than every value this office holds that another office
    may also hold, so that an edit made after seeing it wins. Received stamps beyond the limit are never
    applied (they wait in sync_pending), so every value from elsewhere has a stamp within a day of the wall
    clock at the time it was received; the new clock is the greatest stamp held that is within the limit now,
    or the wall clock. Only values this office itself stamped while its own clock was wrong stay later than
    the new clock; an edit of one of those fields is given a stamp above it (see `capture`), never a lower one."""
    before = _read(conn)
    limit = acceptable_limit(engine)
    held = conn.exec_driver_sql("SELECT max(hlc) FROM sync_field_clock WHERE hlc <= ?", (limit,)).scalar()
    after = max(int(held or 0), stamp_for_ms(clock_for(engine).now_ms()))
    if after < before:
        _write(conn, after)
    return before, min(before, after)


def newest_seen(conn: Connection) -> int:
    return _read(conn)
