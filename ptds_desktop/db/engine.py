"""SQLite engine with the pragmas this app relies on, and the SQL function used for accent-insensitive search.
An encrypted database gets the same engine through SQLAlchemy's SQLCipher dialect (`sqlite+pysqlcipher`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from ptds_desktop.text import fold

BUSY_TIMEOUT_MS = 5000


def _on_connect(dbapi_conn, _record) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit transactions break savepoints).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    dbapi_conn.create_function("ptds_fold", 1, fold, deterministic=True)


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(path: Path, passphrase: str | None = None) -> Engine:
    if passphrase is None:
        engine = create_engine(f"sqlite:///{path}", future=True)
    else:
        # The dialect keys every new connection (PRAGMA key) before our pragmas run. Pooled like the plain
        # engine: SQLCipher's key derivation is deliberately slow, so connections are reused across threads.
        url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
        engine = create_engine(url, future=True, poolclass=QueuePool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def defer_foreign_keys(conn: Connection) -> None:
    """Check foreign keys at the commit, not at each statement, for the rest of this transaction: rows that
    point at each other may arrive in any order."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
    else:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")


def sql_json_string(conn: Connection, expr: str) -> str:
    """SQL writing the text `expr` as a JSON string, as json.dumps(ensure_ascii=False) writes it."""
    return f"to_json(({expr})::text)::text" if conn.dialect.name == "postgresql" else f"json_quote({expr})"


def sql_contains_bytes(conn: Connection, column: str) -> str:
    """SQL true when the blob `column` contains the bytes given as the one `?` parameter."""
    return f"position(? in {column}) > 0" if conn.dialect.name == "postgresql" else f"instr({column}, ?) > 0"


# The key of the advisory lock that orders imports, exports and local writes of one server database (7071 is the
# migration's, database.py).
SYNC_LOCK = 7072


def exclusive_sync(conn: Connection) -> None:
    """Make this transaction the only one changing sync state until it ends: called first in an import or an
    export, so a second one waits, then sees the first's work (its receipt, the outbox it emptied), and a local
    edit either commits before or waits until after. PostgreSQL: a transaction-level advisory lock (local writes
    take it shared, `shared_write`). SQLite: the database's write lock, taken now rather than at the first write,
    so the reads the import decides on are the latest and the later upgrade cannot fail as busy."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SYNC_LOCK})")
    else:
        conn.exec_driver_sql("UPDATE local_settings SET value=value WHERE 0")


def shared_write(conn: Connection) -> None:
    """Called before a local change is stamped and written to the outbox: local writers run side by side, but
    never while an import or export (`exclusive_sync`) runs. SQLite has one writer at a time already."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock_shared({SYNC_LOCK})")
