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
