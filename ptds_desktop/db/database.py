"""Opening a database: refuse one from a newer app, back up, migrate to head, then hand out sessions."""

from __future__ import annotations

import functools
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session, sessionmaker

from ptds_desktop import __version__
from ptds_desktop.config import location_text
from ptds_desktop.db import incarnation
from ptds_desktop.db.backup import BEFORE_MIGRATE, automatic_backup, daily_backup
from ptds_desktop.db.capture import install_capture
from ptds_desktop.db.changes import NO_CHANGES, ChangeRecorder, install_change_recording, recording
from ptds_desktop.db.cipher import (
    DBAPI_ERRORS,
    PassphraseError,
    connect,
    is_encrypted,
    open_passphrase,
    passphrase_for,
)
from ptds_desktop.db.engine import make_engine
from ptds_desktop.db.revisions import stated_head
from ptds_desktop.db.server import anchor_for, is_server_url, make_server_engine
from ptds_desktop.db.session import WriteContext, bind_context, install_metadata_fill
from ptds_desktop.db.storage_errors import STORAGE_ERRORS, check_writable, storage_problem
from ptds_desktop.errors import PtdsError, SchemaTooNewError
from ptds_desktop.i18n import translate
from ptds_desktop.models import LocalSetting

# Alembic is imported inside the functions below, only when a migration is due or the scripts are asked about:
# a start at head never loads it (issue #13; allowed by tests/test_layers.py).
if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
APP_VERSION_KEY = "app_version"
OFFICE_ID_KEY = "office_id"


def alembic_config(folder: Path | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(folder or MIGRATIONS))
    return cfg


@functools.cache
def _scripts(folder: Path) -> ScriptDirectory:
    """Reading the migration scripts is slow and they do not change while the app runs: once per folder."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(folder))


def head_revision() -> str:
    head = _scripts(MIGRATIONS).get_current_head()
    assert head is not None, "the package ships its migrations"
    return head


def known_revisions() -> frozenset[str]:
    return frozenset(rev.revision for rev in _scripts(MIGRATIONS).walk_revisions())


def needs_passphrase(path: Path | str) -> bool:
    """Whether opening the database at `path` needs a passphrase this process has not been given yet."""
    return is_encrypted(path) and passphrase_for(path) is None


def unlock(path: Path | str, passphrase: str | None) -> None:
    """Check and remember the passphrase of an encrypted database without opening it (listing or restoring
    backups, where the database itself may be the broken thing). PassphraseError when missing or wrong."""
    open_passphrase(Path(path), passphrase)


def read_schema_state(path: Path, passphrase: str | None = None) -> tuple[str | None, str | None]:
    """(alembic revision, app version that last wrote it), read-only so a refused file stays untouched."""
    if not path.exists() or path.stat().st_size == 0:
        return None, None
    try:
        conn = connect(path, passphrase, read_only=True)
    except PassphraseError:
        raise
    except DBAPI_ERRORS as exc:
        raise storage_problem(exc, path) or PtdsError(
            translate("Core", "Không mở được tệp cơ sở dữ liệu {path}: {exc}").format(path=path, exc=exc)) from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        version = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        if "local_settings" in tables:
            row = conn.execute("SELECT value FROM local_settings WHERE key=?", (APP_VERSION_KEY,)).fetchone()
            version = row[0] if row else None
        return revision, version
    except DBAPI_ERRORS as exc:
        problem = storage_problem(exc, path)  # reading a WAL database needs its -shm file written beside it
        raise problem or PtdsError(translate("Core", "Tệp {path} không phải cơ sở dữ liệu PTDS hợp lệ ({exc}).").format(
            path=path, exc=exc)) from None
    finally:
        conn.close()


class Database:
    """An open, migrated database. `unit_of_work()` is the one way to read and write.
    `path`: the SQLite file, or for a server database the local stand-in its keys and backups sit beside
    (`db.server.anchor_for`); `url`: the server database's URL, None for a file."""

    def __init__(self, path: Path, engine: Engine, url: str | None = None):
        self.path = path
        self.engine = engine
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        install_metadata_fill(self._sessions)
        install_capture(self._sessions)  # after the metadata fill: capture needs the owner set
        install_change_recording(self._sessions)

    def unit_of_work(self, *, as_office: str | None = None) -> UnitOfWork:
        """`with db.unit_of_work() as session:` a session bound to this office (or `as_office` while it is being
        set up); committed on success, rolled back on any error. Keep the object to learn what the commit
        changed: `work.changes`."""
        return UnitOfWork(self, WriteContext(as_office or self.office_id(), self.path))

    def new_session(self) -> Session:
        return self._sessions()

    def office_id(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(LocalSetting.value).where(LocalSetting.key == OFFICE_ID_KEY)
            ).scalar_one_or_none()

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return _current_revision(conn)

    def describe(self) -> str:
        """The database as a person names it: the file, or the server URL without its password."""
        return location_text(self.url or self.path)

    def close(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """One transaction: the session it hands out, and after a commit the tables it changed (`changes`)."""

    def __init__(self, db: Database, context: WriteContext):
        self._db = db
        self._context = context
        self._session: Session | None = None
        self._recording: AbstractContextManager[ChangeRecorder] | None = None
        self._recorder: ChangeRecorder | None = None
        self.changes = NO_CHANGES  # set once the commit succeeded

    def __enter__(self) -> Session:
        session = self._db.new_session()
        bind_context(session, self._context)
        self._session = session
        self._recording = recording()
        self._recorder = self._recording.__enter__()
        return session

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        assert self._session is not None and self._recording is not None and self._recorder is not None
        try:
            if exc_type is None:
                self._session.commit()
            else:
                self._session.rollback()
        except BaseException as error:
            self._session.rollback()
            problem = storage_problem(error, self._db.path)
            if problem is not None:
                raise problem from error
            raise
        finally:
            self._session.close()
            self._recording.__exit__(None, None, None)
        if exc is not None and (problem := storage_problem(exc, self._db.path)) is not None:
            raise problem from exc  # a read-only or full disk, said plainly instead of SQLite's words
        self.changes = self._recorder.changes


def _set_local(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        (key, value),
    )


def open_database(path: Path | str, *, create: bool = True, passphrase: str | None = None,
                  backup_daily: bool = True) -> Database:
    """Open (creating if allowed) and migrate to head. A newer schema is refused before anything is written;
    a read-only or full disk is explained (storage_errors), never left as a traceback.
    `passphrase`: for an encrypted database (else the one this process opened it with before); given for a
    new file, the database is created encrypted. Missing or wrong: PassphraseError, nothing touched.
    `backup_daily=False`: the caller takes the day's copy itself (`db.backup.daily_backup`) later; the window
    does so once it shows, so a start does not wait for a copy of a large database.
    A `postgresql://user@host/dbname` URL opens a shared office database on a PostgreSQL server instead."""
    if is_server_url(path):
        return _open_server(str(path), create, backup_daily)
    path = Path(path)
    check_writable(path)
    try:
        return _open(path, create, open_passphrase(path, passphrase), backup_daily)
    except STORAGE_ERRORS as exc:
        problem = storage_problem(exc, path)
        if problem is None:
            raise
        raise problem from exc


def _too_new(where: str, revision: str, written_by: str | None) -> SchemaTooNewError:
    needed = written_by or translate("Core", "mới hơn")
    return SchemaTooNewError(
        translate("Core", "Cơ sở dữ liệu {path} do PTDS Desktop phiên bản {needed} tạo (lược đồ {revision}); "
                          "phiên bản này ({version}) không đọc được. Hãy cập nhật ứng dụng lên phiên bản "
                          "{needed}.").format(path=where, needed=needed, revision=revision, version=__version__))


def _open(path: Path, create: bool, passphrase: str | None, backup_daily: bool) -> Database:
    revision, written_by = read_schema_state(path, passphrase)
    # At the head the scripts state (read without Alembic): nothing to check or migrate, Alembic stays unloaded.
    at_head = revision is not None and revision == stated_head(MIGRATIONS)
    if revision is not None and not at_head and revision not in known_revisions():
        raise _too_new(str(path), revision, written_by)
    if not path.exists():
        if not create:
            raise PtdsError(
                translate("Core", "Không tìm thấy cơ sở dữ liệu {path}. Hãy chạy 'ptds init' trước.").format(path=path))
        path.parent.mkdir(parents=True, exist_ok=True)
    head = revision if at_head else head_revision()
    if revision is not None and revision != head:
        automatic_backup(path, BEFORE_MIGRATE)
    elif revision is not None and backup_daily:
        daily_backup(path)
    engine = make_engine(path, passphrase)
    if revision != head:
        from alembic import command

        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    with engine.begin() as conn:
        _set_local(conn, APP_VERSION_KEY, __version__)
    incarnation.check(engine, path, OFFICE_ID_KEY)
    return Database(path, engine)


def _server_revision(engine: Engine, url: str) -> tuple[str | None, str | None]:
    """(alembic revision, app version that last wrote it) of a server database; a clear error when the server
    cannot be reached or refuses us."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import OperationalError

    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = version = None
            if "alembic_version" in tables:
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            if "local_settings" in tables:
                version = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key=?",
                                               (APP_VERSION_KEY,)).scalar()
            return revision, version
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise PtdsError(translate("Core", "Không kết nối được máy chủ cơ sở dữ liệu {url}: {reason}. Hãy kiểm tra "
                                          "địa chỉ, tên người dùng và mạng của cơ quan.").format(
            url=location_text(url), reason=reason)) from None


def _open_server(url: str, create: bool, backup_daily: bool) -> Database:
    engine = make_server_engine(url)
    try:
        revision, written_by = _server_revision(engine, url)
        at_head = revision is not None and revision == stated_head(MIGRATIONS)  # as for a file: Alembic unloaded
        if revision is not None and not at_head and revision not in known_revisions():
            raise _too_new(location_text(url), revision, written_by)
        if revision is None and not create:
            raise PtdsError(translate("Core", "Cơ sở dữ liệu {path} chưa có dữ liệu PTDS. Hãy chạy 'ptds init' trước.")
                            .format(path=location_text(url)))
        anchor = anchor_for(url)
        anchor.parent.mkdir(parents=True, exist_ok=True)
        if revision is not None and not at_head:
            automatic_backup(anchor, BEFORE_MIGRATE)
        elif revision is not None and backup_daily:
            daily_backup(anchor)
        with engine.begin() as conn:
            if not at_head:
                # Staff opening the same old database at once: one migrates, the others wait and find it done.
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7071)")
                if _current_revision(conn) != head_revision():
                    from alembic import command

                    cfg = alembic_config()
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
            _set_local(conn, APP_VERSION_KEY, __version__)
    except BaseException:
        engine.dispose()
        raise
    # No incarnation check: a server database is one copy shared by its staff, never a file copied around.
    return Database(anchor, engine, url)


def _current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()
