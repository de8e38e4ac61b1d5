"""The one database worker: every GUI read and write runs here, in submission order, off the UI thread.

    ops.run(fn, on_done, on_error)   # write: fn(session) -> (result, changed_topics)
    ops.read(fn, on_done, on_error)  # read:  fn(session) -> result
    handle = ops.run_task(fn, on_progress, on_done, on_error)  # long work: fn(db, progress, is_cancelled)

`fn` runs on the worker thread inside `db.unit_of_work()` (committed on success, rolled back on error).
`on_done(result)` / `on_error(exc)` run on the UI thread. After a successful write, `changed` is emitted
with the topics the write reported (TOPIC_* below), so each view reloads only when its data changed.
One thread means a read submitted after a write sees that write, and writes never contend for SQLite.
Reads go through it too: listing 1,000 organizations (ORM rows, ordered by the folded name) takes
about 40 ms, more than a frame, so the UI thread only filters and sorts lists it already holds.
`run_task` is for long work that manages its own transactions (sync export, import, USB): it gets the
Database, reports `progress(done, total, label)` to `on_progress` on the UI thread, and stops when
`handle.cancel()` makes `is_cancelled()` true; it returns (result, changed_topics) like a write.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from ptds_desktop.db.database import Database
from ptds_desktop.errors import PtdsError

log = logging.getLogger(__name__)

# What a write can report as changed. Add a topic when a new kind of data gets a screen.
TOPIC_ORGANIZATIONS = "organizations"
TOPIC_OFFICES = "offices"
TOPIC_ROSTER = "roster"  # command boards, their decisions and memberships, and the people on them

WriteFn = Callable[[Session], tuple[Any, Iterable[str]]]
ReadFn = Callable[[Session], Any]
ProgressFn = Callable[[int, int, str], None]  # done, total, label
TaskFn = Callable[[Database, ProgressFn, Callable[[], bool]], tuple[Any, Iterable[str]]]


class TaskHandle:
    """What run_task returns: cancel() asks the task to stop at its next check (thread-safe)."""

    def __init__(self, on_progress: ProgressFn | None):
        self._cancelled = threading.Event()
        self.on_progress = on_progress

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()


class DatabaseOps(QObject):
    changed = Signal(frozenset)  # topics touched by a committed write
    busy_changed = Signal(bool)
    # Internal: carries results from the worker thread to the UI thread (queued connection).
    _finished = Signal(int, object, object, object)  # job id, result, changed topics, exception
    _progressed = Signal(object, int, int, str)  # task handle, done, total, label

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ptds-db")
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._ids = itertools.count(1)
        self._finished.connect(self._deliver)
        self._progressed.connect(self._deliver_progress)
        # Used when a job gives no on_error; the main window sets one that shows a message box.
        self.default_error_handler: Callable[[Exception], None] = lambda exc: log.error("unhandled: %s", exc)

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not run yet."""
        return len(self._callbacks)

    def run(self, fn: WriteFn, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None) -> None:
        self._submit(fn, on_done, on_error, writes=True)

    def read(self, fn: ReadFn, on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None] | None = None) -> None:
        self._submit(fn, on_done, on_error, writes=False)

    def run_task(self, fn: TaskFn, on_progress: ProgressFn | None = None,
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[Exception], None] | None = None) -> TaskHandle:
        handle = TaskHandle(on_progress)

        def progress(done: int, total: int, label: str = "") -> None:
            self._progressed.emit(handle, done, total, label or "")

        self._submit(lambda: fn(self.db, progress, handle.is_cancelled), on_done, on_error, writes=True,
                     session=False)
        return handle

    def _submit(self, fn, on_done, on_error, *, writes: bool, session: bool = True) -> None:
        job = next(self._ids)
        self._callbacks[job] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._executor.submit(self._work, job, fn, writes, session)

    def _work(self, job: int, fn, writes: bool, session: bool = True) -> None:
        # Worker thread: touch no widget here, only emit.
        try:
            if session:
                with self.db.unit_of_work() as db_session:
                    outcome = fn(db_session)
            else:
                outcome = fn()
            if writes:
                result, topics = outcome
                changed = frozenset(topics)
            else:
                result, changed = outcome, frozenset()
        except Exception as exc:  # delivered to on_error on the UI thread
            if not isinstance(exc, PtdsError):
                log.error("database job failed\n%s", traceback.format_exc())
            self._finished.emit(job, None, frozenset(), exc)
        else:
            self._finished.emit(job, result, changed, None)

    def _deliver(self, job: int, result, changed: frozenset, exc) -> None:
        on_done, on_error = self._callbacks.pop(job)
        try:
            if exc is not None:
                (on_error or self.default_error_handler)(exc)
            else:
                if changed:
                    self.changed.emit(changed)
                if on_done is not None:
                    on_done(result)
        except RuntimeError as err:
            # The window that asked was closed meanwhile (its C++ side is gone): nobody to tell.
            if "already deleted" not in str(err):
                raise
            log.debug("result of job %s dropped: %s", job, err)
        finally:
            if not self._callbacks:
                self.busy_changed.emit(False)

    def _deliver_progress(self, handle: TaskHandle, done: int, total: int, label: str) -> None:
        if handle.on_progress is not None:
            handle.on_progress(done, total, label)

    def shutdown(self) -> None:
        """Finish queued jobs (a write the user was promised completes), then stop the thread."""
        self._executor.shutdown(wait=True)
