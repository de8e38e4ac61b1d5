"""Hybrid logical clock: a 64-bit int (unix_ms << 16) | counter, persisted in local_settings.

The stamp never goes backwards and takes the maximum of every stamp seen, so an edit made after
seeing a value always carries a larger stamp than that value. The physical time source is
injectable per engine so tests decide ties and skew.
"""

from __future__ import annotations

import datetime as dt
import time
import weakref

from sqlalchemy import Connection, Engine

HLC_KEY = "sync_hlc"
COUNTER_BITS = 16
DAY_MS = 24 * 3600 * 1000


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
    row = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key=?", (HLC_KEY,)).fetchone()
    return int(row[0]) if row else 0


def _write(conn: Connection, stamp: int) -> None:
    conn.exec_driver_sql(
        "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        (HLC_KEY, str(stamp)),
    )


def tick(conn: Connection, engine: Engine) -> int:
    """A new stamp for a local change: later than the wall clock and than anything seen."""
    last = _read(conn)
    stamp = max(stamp_for_ms(clock_for(engine).now_ms()), last + 1)
    _write(conn, stamp)
    return stamp


def observe(conn: Connection, stamp: int) -> None:
    """Remember a received stamp so the next local change is later than it."""
    if stamp > _read(conn):
        _write(conn, stamp)


def newest_seen(conn: Connection) -> int:
    return _read(conn)
