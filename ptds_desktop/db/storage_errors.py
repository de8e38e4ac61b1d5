"""A disk that refuses writes (read-only folder or medium, no permission, full) explained in Vietnamese.

SQLite and the OS report these as OperationalError / OSError texts; `storage_problem` turns them into a
PtdsError the CLI prints and the GUI shows, instead of a traceback.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ptds_desktop.db.cipher import DBAPI_ERRORS
from ptds_desktop.errors import PtdsError
from ptds_desktop.i18n import translate

# What a storage operation may raise besides PtdsError: the OS, either SQLite driver, SQLAlchemy.
STORAGE_ERRORS: tuple[type[Exception], ...] = (OSError, SQLAlchemyError, *DBAPI_ERRORS)

_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_READ_ONLY_TEXTS = ("readonly database", "read-only file system", "unable to open database file",
                    "permission denied")
_FULL_TEXTS = ("database or disk is full", "no space left on device")


class ReadOnlyStorageError(PtdsError):
    pass


class DiskFullError(PtdsError):
    pass


def read_only_error(path: Path) -> ReadOnlyStorageError:
    return ReadOnlyStorageError(
        translate("Core", "Không ghi được vào cơ sở dữ liệu {path}: tệp hoặc thư mục chứa nó chỉ cho đọc (ổ đĩa "
                          "hoặc thẻ nhớ khóa ghi, hoặc tài khoản này không có quyền ghi). Hãy chép tệp sang một thư "
                          "mục ghi được (ví dụ Tài liệu) rồi mở lại.").format(path=path))


def disk_full_error(path: Path) -> DiskFullError:
    return DiskFullError(
        translate("Core", "Ổ đĩa chứa cơ sở dữ liệu {path} đã đầy, không ghi thêm được. Thao tác vừa rồi không "
                          "được lưu; dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa rồi "
                          "thử lại.").format(path=path))


def storage_problem(exc: BaseException, path: Path) -> PtdsError | None:
    """The explanation when `exc`, or the error it arose from, is the disk refusing a write; else None.
    The chain matters: on SQLITE_FULL SQLite rolls the transaction back itself, so the error that reaches
    the caller may be a later "no such savepoint" raised while unwinding."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        problem = _explain(current, path)
        if problem is not None:
            return problem
        current = current.__cause__ or current.__context__
    return None


def _explain(exc: BaseException, path: Path) -> PtdsError | None:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if not isinstance(exc, (OSError, *DBAPI_ERRORS)):
        return None
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or any(t in text for t in _FULL_TEXTS):
        return disk_full_error(path)
    if code in _READ_ONLY_ERRNOS or any(t in text for t in _READ_ONLY_TEXTS):
        return read_only_error(path)
    return None


def check_writable(path: Path) -> None:
    """Refuse up front a database the app could read but never save to (it writes at every open)."""
    target = path if path.exists() else path.parent
    if target.exists() and not os.access(target, os.W_OK):
        raise read_only_error(path)
    if path.exists() and not os.access(path.parent, os.W_OK):  # the WAL and backups are written beside it
        raise read_only_error(path)
