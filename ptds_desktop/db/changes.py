"""What a committed write changed, as the table names it touched (Anki's OpChanges, by table).

Recorded in one place for every write, so no caller has to say what it changed:
- ORM flushes: the tables of every new, dirty or deleted row (a session hook, `install_change_recording`);
- Core statements (sync apply, bulk imports): the writer calls `record_changes(session_or_connection, *tables)`.

Tables are held on the connection's transaction until it ends: a commit hands them to every `recording()`
open on this thread (`Database.unit_of_work()` opens one: `work.changes`), a rollback drops them.
A savepoint rolled back keeps its tables: over-reporting only costs a screen one extra reload.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

_PENDING = "ptds_changed_tables"  # key in Connection.info (the DBAPI connection's dict, cleared at transaction end)


@dataclasses.dataclass(frozen=True)
class Changes:
    """The tables a committed write touched. `changes.touches(Organization.__tablename__)`."""

    tables: frozenset[str] = frozenset()

    def touches(self, *tables: str) -> bool:
        return not self.tables.isdisjoint(tables)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables)

    def __bool__(self) -> bool:
        return bool(self.tables)


NO_CHANGES = Changes()


class ChangeRecorder:
    """Collects the tables of every transaction committed on this thread while it is open."""

    def __init__(self) -> None:
        self._tables: set[str] = set()

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self._tables))

    def _add(self, tables: set[str]) -> None:
        self._tables |= tables


class _ThreadRecorders(threading.local):
    def __init__(self) -> None:
        self.stack: list[ChangeRecorder] = []


_recorders = _ThreadRecorders()


def _open_recorders() -> list[ChangeRecorder]:
    return _recorders.stack


@contextmanager
def recording() -> Iterator[ChangeRecorder]:
    """`with recording() as recorder: …` then `recorder.changes`: what was committed inside, on this thread."""
    recorder = ChangeRecorder()
    stack = _open_recorders()
    stack.append(recorder)
    try:
        yield recorder
    finally:
        stack.remove(recorder)


def record_changes(target: Session | Connection, *tables: str) -> None:
    """For writes the ORM does not see (Core insert/update, raw SQL): these tables changed in the current
    transaction of `target`; they count once it commits."""
    connection = target.connection() if isinstance(target, Session) else target
    connection.info.setdefault(_PENDING, set()).update(tables)


def pending_tables(connection: Connection) -> frozenset[str]:
    """The tables written so far in the connection's current transaction (db.notify reads them at the commit)."""
    return frozenset(connection.info.get(_PENDING, ()))


def _record_flush(session: Session, _flush_context: object) -> None:
    # after_flush: new/dirty/deleted still describe what was just written
    written = {obj.__tablename__ for obj in [*session.new, *session.deleted]}
    written |= {obj.__tablename__ for obj in session.dirty if session.is_modified(obj, include_collections=False)}
    if written:
        record_changes(session, *written)


def _committed(connection: Connection) -> None:
    tables = connection.info.pop(_PENDING, None)
    if tables:
        for recorder in _open_recorders():
            recorder._add(tables)


def _rolled_back(connection: Connection) -> None:
    connection.info.pop(_PENDING, None)


def _returned_to_pool(_dbapi_connection: object, record: ConnectionPoolEntry) -> None:
    # A transaction closed unfinished fires neither event: its tables must not leak into the next checkout.
    record.info.pop(_PENDING, None)


def install_change_recording(factory: sessionmaker[Session]) -> None:
    engine: Engine = factory.kw["bind"]
    event.listen(factory, "after_flush", _record_flush)
    event.listen(engine, "commit", _committed)
    event.listen(engine, "rollback", _rolled_back)
    event.listen(engine.pool, "checkin", _returned_to_pool)
