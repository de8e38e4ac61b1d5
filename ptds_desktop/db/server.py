"""A shared office database on a PostgreSQL server (psycopg 3), known only to the storage layer.

The layers above write SQLite's SQL with `?` placeholders through `exec_driver_sql`; the engine rewrites those to
psycopg's `%s` before they reach the server, so the same statement runs on both engines. What has no common SQL
(deferred foreign keys, the accent-insensitive `ptds_fold`, the integrity check) has one function here or in
`db.engine`, chosen by the connection's dialect.

A server database has no file beside which the office's keys could live: each staff laptop keeps them in a local
folder named after the server and database (`anchor_for`), which stands in for the database path everywhere the
storage layer puts something *beside* the database (keys, backups, attachments)."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from ptds_desktop.config import SERVER_SCHEMES, location_text, user_data_dir
from ptds_desktop.db import notify
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate
from ptds_desktop.text import file_slug

_anchors: dict[Path, str] = {}
CONNECT_TIMEOUT_S = 10


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def engine_url(url: str) -> URL:
    """The URL with psycopg 3 as driver, whatever scheme the user typed."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return parsed.set(drivername="postgresql+psycopg")


def anchor_for(url: str) -> Path:
    """The local stand-in for the database path: `<data>/servers/<host>-<port>-<db>`; its keys, backups and
    attachments folders sit beside it as they do beside a SQLite file."""
    parsed = engine_url(url)
    slug = "-".join(file_slug(str(part), "x") for part in (parsed.host or "local", parsed.port or 5432,
                                                           parsed.database or "ptds"))
    anchor = (user_data_dir() / "servers" / slug).resolve()
    _anchors[anchor] = url
    return anchor


def server_url(path: Path | str) -> str | None:
    """The server URL a stand-in path stands for (None for a SQLite file)."""
    return _anchors.get(Path(path).resolve())


_PLACEHOLDER_SCAN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


def to_psycopg(sql: str) -> str:
    """SQLite's `?` placeholders as psycopg's `%s` (and a literal % doubled), quoted text left alone."""
    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%")

    return _PLACEHOLDER_SCAN.sub(swap, sql)


def _rewrite_driver_sql(_conn: Any, _cursor: Any, statement: str, parameters: Any, context: Any,
                        _executemany: bool) -> tuple[str, Any]:
    if context is not None and context.compiled is None:  # exec_driver_sql, not SQLAlchemy's own
        return to_psycopg(statement), parameters
    return statement, parameters


def make_server_engine(url: str) -> Engine:
    import psycopg

    # Client-side binding, as sqlite3 does: a parameter takes its type from where it stands (`? IS NULL`,
    # a date written as text), not from the Python value alone.
    # A server out of reach is said within CONNECT_TIMEOUT_S, not after the system's TCP timeout of minutes.
    engine = create_engine(engine_url(url), future=True, pool_pre_ping=True,
                           connect_args={"cursor_factory": psycopg.ClientCursor, "connect_timeout": CONNECT_TIMEOUT_S})
    event.listen(engine, "before_cursor_execute", _rewrite_driver_sql, retval=True)
    notify.install(engine)  # other staff's windows refresh when this one commits
    return engine


def server_tool(name: str) -> str:
    """A PostgreSQL client program (pg_dump, pg_restore): on PATH, else the newest Debian-installed one."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3]))
    if not candidates:
        raise PtdsError(translate("Core", "Không tìm thấy chương trình {name} của PostgreSQL trên máy này; hãy cài "
                                          "gói postgresql-client.").format(name=name))
    return candidates[-1]


def libpq_args(url: str) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for a PostgreSQL client program, the password in the environment (not on the
    command line, where other users of the machine could read it)."""
    parsed = engine_url(url)
    args = ["--host", parsed.host or "localhost", "--port", str(parsed.port or 5432),
            "--username", parsed.username or "", "--dbname", parsed.database or ""]
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    return args, env


def dump_server(url: str, target: Path) -> None:
    """A consistent copy of a live server database (pg_dump's own snapshot), in its custom archive format."""
    args, env = libpq_args(url)
    done = subprocess.run([server_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), *args],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise PtdsError(translate("Core", "Không sao lưu được cơ sở dữ liệu {url}: {reason}").format(
            url=location_text(url), reason=done.stderr.strip()))


ARCHIVE_MAGIC = b"PGDMP"  # the first bytes of a pg_dump custom-format archive


def read_archive_rows(archive: Path, tables: list[str]) -> dict[str, list[dict[str, str | None]]]:
    """The rows of `tables` held in a pg_dump archive, as text (None for NULL), without any database: pg_restore
    writes their COPY data, read here. An archive it cannot read raises PtdsError with its reason."""
    done = subprocess.run([server_tool("pg_restore"), "--data-only", "--file=-",
                           *[f"--table={table}" for table in tables], str(archive)],
                          capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise PtdsError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else str(done.returncode))
    found: dict[str, list[dict[str, str | None]]] = {table: [] for table in tables}
    rows: list[dict[str, str | None]] | None = None
    columns: list[str] = []
    for line in done.stdout.splitlines():
        if rows is None:
            header = _COPY_HEADER.match(line)
            if header and header["table"] in found:
                rows, columns = found[header["table"]], [c.strip().strip('"') for c in header["columns"].split(",")]
        elif line == "\\.":
            rows = None
        else:
            rows.append(dict(zip(columns, (None if v == "\\N" else _unescape(v) for v in line.split("\t")),
                                 strict=False)))
    return found


_COPY_HEADER = re.compile(r'^COPY (?:\w+\.)?"?(?P<table>\w+)"? \((?P<columns>.*)\) FROM stdin;$')
_COPY_ESCAPE = re.compile(r"\\(.)")


def _unescape(value: str) -> str:
    return _COPY_ESCAPE.sub(lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m[1], m[1]), value)


def restore_server(url: str, archive: Path) -> None:
    """Replace the server database's contents by a pg_dump archive's, in one transaction: a failure half way
    leaves the database as it was. Objects are dropped and made again (--clean), owned by the user restoring.
    Extensions (unaccent, amcheck) are left as the IT staff installed them: dropping one takes its owner, often
    the server's administrator, not the office's user."""
    args, env = libpq_args(url)
    tool = server_tool("pg_restore")
    listing = subprocess.run([tool, "--list", str(archive)], capture_output=True, text=True, encoding="utf-8")
    done = listing
    if listing.returncode == 0:
        contents = archive.with_name(archive.name + ".list")
        contents.write_text("\n".join(line for line in listing.stdout.splitlines()
                                       if not _EXTENSION_ENTRY.match(line)) + "\n", encoding="utf-8")
        try:
            done = subprocess.run([tool, "--clean", "--if-exists", "--no-owner", "--single-transaction",
                                   "--exit-on-error", f"--use-list={contents}", *args, str(archive)],
                                  capture_output=True, text=True, env=env)
        finally:
            contents.unlink(missing_ok=True)
    if done.returncode != 0:
        raise PtdsError(translate("Core", "Không khôi phục được từ {name}: {reason}. Cơ sở dữ liệu hiện tại không "
                                          "đổi.").format(name=archive.name, reason=done.stderr.strip()))


# A line of `pg_restore --list` naming an extension or its comment: "3; 3079 16385 EXTENSION - unaccent".
_EXTENSION_ENTRY = re.compile(r"^\d+; \d+ \d+ (EXTENSION|COMMENT - EXTENSION) ")
