"""Other staff's commits, told to every open window of a shared server database without polling.

Each commit that changed something sends, inside its own transaction, `NOTIFY ptds_changes` with the tables
it touched (db.changes) and which open database sent it; the server delivers it at the commit, never for a
rollback. A `ChangeListener` holds one connection of its own that LISTENs and blocks on its socket until a
notice arrives. Only server engines are set up to send (`install`, from db.server); a SQLite file has one
writer, so `listener_for` gives None there.
"""

from __future__ import annotations

import json
import uuid
import weakref
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, event

from ptds_desktop.db.changes import pending_tables

CHANNEL = "ptds_changes"
_senders: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def install(engine: Engine) -> None:
    """Make every commit on `engine` that changed tables notify the other listeners of the database."""
    sender = uuid.uuid4().hex
    _senders[engine] = sender

    def notify(connection: Connection) -> None:
        tables = pending_tables(connection)
        if tables:
            payload = json.dumps({"from": sender, "tables": sorted(tables)})
            cursor = connection.connection.cursor()  # the raw cursor: no SQLAlchemy statement during a commit
            try:
                cursor.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
            finally:
                cursor.close()

    # Before db.changes hands the tables on (and forgets them) at the same commit.
    event.listen(engine, "commit", notify, insert=True)


class ChangeListener:
    """`for tables in listener.changes(timeout=5): …` yields, as they arrive, the tables each commit made by
    another open database changed (this one's own commits are left out: its windows already know)."""

    def __init__(self, engine: Engine, sender: str):
        self._sender = sender
        raw = engine.raw_connection()
        connection = raw.driver_connection
        assert connection is not None, "a checked-out connection"
        raw.detach()  # a connection of its own, never handed back to the pool with LISTEN on it
        connection.rollback()  # the pool's reset leaves none open, but autocommit needs it so
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
        self._connection: Any = connection

    def changes(self, timeout: float | None = None) -> Iterator[frozenset[str]]:
        """Block on the connection until notices arrive; yield each one's tables. Ends after `timeout` seconds
        (None: never), so a caller can check whether to stop."""
        for notice in self._connection.notifies(timeout=timeout):
            try:
                payload = json.loads(notice.payload)
                sender, tables = payload["from"], payload["tables"]
            except (ValueError, KeyError, TypeError):
                continue  # somebody else's notice on our channel: nothing to refresh
            if sender != self._sender and tables:
                yield frozenset(str(t) for t in tables)

    def close(self) -> None:
        self._connection.close()


def listener_for(engine: Engine) -> ChangeListener | None:
    """A listener for the other writers of this database, or None when it has no other writers to hear."""
    sender = _senders.get(engine)
    return None if sender is None else ChangeListener(engine, sender)
