"""A sync folder (a network share, or a folder a file-sharing program keeps in step): the USB action
(sync/usb.py) run on a schedule, never twice at once.

Two guards: an in-process lock (the timer and "sync now" of one app) and a lock file in the folder (another
app, or another office, using the same share). A lock file left by a crashed run is recognised as stale when
its process is gone (same computer) or when it is older than LOCK_STALE_SECONDS (any computer).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from ptds_desktop.db.database import Database
from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.sync.bundle import Cancel, Progress
from ptds_desktop.sync.peers import require_office
from ptds_desktop.sync.usb import UsbResult, usb_sync

LOCK_NAME = ".ptds-sync.lock"
LOCK_STALE_SECONDS = 30 * 60  # far longer than any real exchange; a share's clock may differ by minutes

_in_process = threading.Lock()


class FolderBusyError(PtdsError):
    """Another sync of this folder is running: try again later (the schedule will)."""


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no cheap safe check (os.kill would terminate it on Windows): rely on the lock's age
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale(lock: Path, stale_after: float) -> bool:
    try:
        holder = json.loads(lock.read_text(encoding="utf-8"))
        started, host, pid = float(holder["started"]), str(holder["host"]), int(holder["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        # Half-written or foreign: judge by the file's age.
        try:
            return time.time() - lock.stat().st_mtime > stale_after
        except OSError:
            return True  # gone meanwhile
    if time.time() - started > stale_after:
        return True
    return host == socket.gethostname() and pid != os.getpid() and not _process_alive(pid)


def _holder_text(lock: Path) -> str:
    try:
        holder = json.loads(lock.read_text(encoding="utf-8"))
        since = time.strftime("%H:%M %d/%m/%Y", time.localtime(float(holder["started"])))
        return translate("Core", "máy {host}, từ {since}").format(host=holder["host"], since=since)
    except (OSError, ValueError, KeyError, TypeError):
        return translate("Core", "không rõ máy nào")


@contextlib.contextmanager
def folder_lock(folder: Path, office_id: str, *, stale_after: float = LOCK_STALE_SECONDS) -> Iterator[None]:
    """Hold the folder for one sync, or raise FolderBusyError."""
    if not _in_process.acquire(blocking=False):
        raise FolderBusyError(translate("Core", "Đang đồng bộ thư mục trong ứng dụng này; lần này bỏ qua."))
    try:
        lock = folder / LOCK_NAME
        holder = {"office_id": office_id, "host": socket.gethostname(), "pid": os.getpid(), "started": time.time()}
        for attempt in range(2):
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                if attempt == 0 and _stale(lock, stale_after):
                    lock.unlink(missing_ok=True)  # left by a run that crashed
                    continue
                raise FolderBusyError(translate(
                    "Core", "Thư mục {folder} đang được đồng bộ ({holder}). Nếu không có lần đồng bộ nào "
                    "đang chạy, tệp khóa {lock} sẽ tự hết hạn sau {minutes} phút.").format(
                    folder=folder, holder=_holder_text(lock), lock=LOCK_NAME, minutes=LOCK_STALE_SECONDS // 60)
                ) from None
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(holder, out)
            break
        try:
            yield
        finally:
            lock.unlink(missing_ok=True)
    finally:
        _in_process.release()


def folder_sync(db: Database, folder: Path | str, *, trust: str | None = None, progress: Progress | None = None,
                cancel: Cancel | None = None) -> UsbResult:
    """Import what is addressed here and write a bundle for every peer, as `usb_sync`, holding the folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(translate(
            "Core", "Không thấy thư mục đồng bộ {folder} (ổ mạng đã kết nối chưa?).").format(folder=folder), "folder")
    with folder_lock(folder, require_office(db)):
        return usb_sync(db, folder, trust=trust, progress=progress, cancel=cancel)
