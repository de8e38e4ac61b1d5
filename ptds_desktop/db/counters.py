"""Counters kept in local_settings (this office's change sequence, its clock), changed in ONE statement.

A read followed by a write would let two staff committing at once on a shared server database take the same
numbers (READ COMMITTED: both read the old value). An upsert reads and writes the row under its lock, always on
the newest committed value (PostgreSQL re-reads a row locked by another transaction; SQLite takes its write
lock at the statement), so every caller gets its own range. The lock is held until the transaction ends.
Portable SQL (SQLite >= 3.35 for RETURNING; CASE rather than max()/GREATEST, which differ by engine)."""

from __future__ import annotations

from sqlalchemy import Connection

_CURRENT = "CAST(local_settings.value AS BIGINT)"

_ADD = (
    "INSERT INTO local_settings(key, value) VALUES (?, ?) "
    f"ON CONFLICT(key) DO UPDATE SET value=CAST({_CURRENT} + ? AS TEXT) RETURNING value"
)
# The next clock stamp: one more than the last, or the wall clock when later; a counter already at the ceiling
# is left alone (no row returned) rather than overflowing 64 bits.
_ADVANCE = (
    "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=CAST("
    f"CASE WHEN {_CURRENT} >= ? THEN {_CURRENT} + 1 ELSE ? END AS TEXT) WHERE {_CURRENT} < ? RETURNING value"
)
_RAISE = (
    "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=CAST("
    f"CASE WHEN {_CURRENT} < ? THEN ? ELSE {_CURRENT} END AS TEXT)"
)


def add(conn: Connection, key: str, amount: int) -> int:
    """Add `amount` to the counter (missing: 0) and return its new value."""
    return int(conn.exec_driver_sql(_ADD, (key, str(amount), amount)).scalar_one())


def advance(conn: Connection, key: str, floor: int, ceiling: int) -> int | None:
    """Set the counter to max(counter + 1, floor) and return it; None, the counter unchanged, when it is
    already at `ceiling` (it never goes past)."""
    value = conn.exec_driver_sql(_ADVANCE, (key, str(floor), floor, floor, ceiling)).scalar_one_or_none()
    return None if value is None else int(value)


def raise_to(conn: Connection, key: str, value: int) -> None:
    """Set the counter to `value` if it is lower (or missing)."""
    conn.exec_driver_sql(_RAISE, (key, str(value), value, value))


def read(conn: Connection, key: str) -> int:
    row = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key=?", (key,)).fetchone()
    return int(row[0]) if row else 0
