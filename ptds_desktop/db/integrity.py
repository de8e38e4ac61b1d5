"""Is the stored database sound? One answer for `ptds check`, whatever the engine.

SQLite file: `PRAGMA integrity_check` (every page, every index against its table, every record well formed) and
`PRAGMA foreign_key_check` (every reference points at a row that exists; SQLite lets a file hold broken ones).

PostgreSQL server database (the server keeps pages and references sound itself; what it cannot prevent is
checked):
- every B-tree index of our tables is consistent (`bt_index_check` of the `amcheck` extension, when the IT staff
  installed it in the database and let this user run it; otherwise this part is skipped, the rest still runs);
- every foreign key constraint is VALIDATED (`pg_constraint.convalidated`): a constraint added NOT VALID, or
  left so by a restore that failed half way, does not vouch for the rows already there;
- every table can be read through, every value of every row (a damaged page or stored long value makes the
  read fail)."""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from ptds_desktop.db.database import Database
from ptds_desktop.i18n import translate
from ptds_desktop.models import Base


def integrity_problems(db: Database) -> list[str]:
    """What is wrong with the stored database, one message a line; an empty list when it is sound."""
    with db.engine.connect() as conn:
        return _server_problems(conn) if db.url else _file_problems(conn)


def _file_problems(conn: Connection) -> list[str]:
    problems = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
    problems = [] if problems == ["ok"] else problems
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        problems.append(translate("Core", "Khóa ngoại hỏng: bảng {table}, dòng {rowid} trỏ tới bảng {parent} "
                                          "nhưng dòng được trỏ tới không có.").format(
            table=table, rowid=rowid, parent=parent))
    return problems


def _our_tables() -> list[str]:
    return [table.name for table in Base.metadata.sorted_tables]


def _server_problems(conn: Connection) -> list[str]:
    problems: list[str] = []
    tables = _our_tables()
    if _has_amcheck(conn):
        indexes = conn.execute(text(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_am am ON am.oid = c.relam "
            "WHERE am.amname = 'btree' AND t.relname = ANY(:tables) "
            "AND t.relnamespace = current_schema()::regnamespace ORDER BY c.relname"), {"tables": tables}).scalars()
        for index in list(indexes):
            problem = _attempt(conn, f"SELECT bt_index_check('{index}'::regclass)")
            if problem:
                problems.append(translate("Core", "Chỉ mục {index} hỏng: {problem}").format(
                    index=index, problem=problem))
    not_validated = conn.execute(text(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated "
        "AND connamespace = current_schema()::regnamespace ORDER BY 1, 2")).all()
    for table, constraint in not_validated:
        problems.append(translate("Core", "Khóa ngoại {constraint} của bảng {table} chưa được kiểm chứng "
                                          "(NOT VALID): các dòng đã có có thể trỏ tới dòng không tồn tại.").format(
            constraint=constraint, table=table))
    for table in tables:
        # Every value of every row turned into text: a damaged page or stored long value fails the read.
        problem = _attempt(conn, f'SELECT sum(length(t::text)) FROM "{table}" AS t')
        if problem:
            problems.append(translate("Core", "Không đọc hết được bảng {table}: {problem}").format(
                table=table, problem=problem))
    return problems


def _has_amcheck(conn: Connection) -> bool:
    """amcheck installed in this database by its IT staff, and this user allowed to run its check (installing it,
    and granting EXECUTE on bt_index_check, take the server's administrator)."""
    if conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")).first() is None:
        return False
    return bool(conn.execute(text("SELECT has_function_privilege('bt_index_check(regclass)', 'EXECUTE')")).scalar())


def _attempt(conn: Connection, sql: str) -> str | None:
    """Run `sql` in a savepoint: None when it succeeds, else the server's first line of error."""
    savepoint = conn.begin_nested()
    try:
        result = conn.exec_driver_sql(sql)
        if result.returns_rows:
            result.all()
    except DBAPIError as exc:
        savepoint.rollback()
        return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    savepoint.commit()
    return None
