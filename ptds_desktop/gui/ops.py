"""The one database worker: every GUI read and write runs here, in submission order, off the UI thread.

    ops.run(fn, on_done, on_error)    # write: fn(session) -> result
    ops.read(fn, on_done, on_error)   # read:  fn(session) -> result
    handle = ops.run_task(fn, on_progress, on_done, on_error)  # long work: fn(db, progress, is_cancelled)
    ops.subscribe(self, {Organization.__tablename__}, self.reload)  # reload when a write touched these tables
    LatestRead(ops).read(fn, on_done)  # only the newest of several reads of the same thing is shown
    ops.read(long_lived(fn), on_done)  # a read building ~100,000 objects kept for long (an index)

`fn` runs on the worker thread inside `db.unit_of_work()` (committed on success, rolled back on error).
`on_done(result)` / `on_error(exc)` run on the UI thread. What a write changed is computed by the core
(db/changes.py: the tables of every row flushed, plus `record_changes` for Core statements); after a commit
that changed something, `changed(Changes)` is emitted before `on_done`, and each view reloads only when a
table it shows was touched. One thread means a read submitted after a write sees that write, and writes
never contend for SQLite. Reads go through it too: listing 1,000 organizations (ORM rows, ordered by the
folded name) takes about 40 ms, more than a frame, so the UI thread only filters and sorts lists it holds.
`run_task` is for long work that manages its own transactions (sync export, import, USB): it gets the
Database, reports `progress(done, total, label)` to `on_progress` on the UI thread, and stops when
`handle.cancel()` makes `is_cancelled()` true; whatever its transactions committed is reported as changed.
On a shared server database, what other staff commit arrives the same way: a thread blocked on the server's
notices (db.notify) hands their tables to `changed`, so the views showing them reload with no user action and
no polling.
"""

from __future__ import annotations

import gc
import itertools
import logging
import threading
import traceback
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from sqlalchemy.orm import Session

from ptds_desktop.db.changes import NO_CHANGES, Changes, recording
from ptds_desktop.db.database import Database
from ptds_desktop.db.notify import ChangeListener, listener_for
from ptds_desktop.db.storage_errors import storage_problem
from ptds_desktop.errors import PtdsError

log = logging.getLogger(__name__)

T = TypeVar("T")
WriteFn = Callable[[Session], Any]
ReadFn = Callable[[Session], Any]
ProgressFn = Callable[[int, int, str], None]  # done, total, label
TaskFn = Callable[[Database, ProgressFn, Callable[[], bool]], Any]
DoneFn = Callable[[Any], None]
ErrorFn = Callable[[Exception], None]


def long_lived(fn: Callable[[Session], T]) -> Callable[[Session], T]:
    """`fn` wrapped for a read that builds a large structure kept for long (100,000 rows and their index).
    Building it triggers Python's full garbage collections (one per quarter of growth of the heap), and each walks
    every object while holding the GIL: 100–150 ms during which the UI thread cannot run (measured with the
    province's reports). Collection waits while it builds; what exists then is moved out of the collector's
    sight (gc.freeze), so later collections on either thread do not walk it again (without the freeze, the first
    collection after the build walked the 400,000 new objects for 100 ms, a later full one for 300 ms). Frozen
    objects are still freed when their last reference goes (a replaced index is); only reference cycles that were
    already garbage at that moment stay, as a collection would otherwise have freed them."""

    def run(session: Session) -> T:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(session)
        finally:
            gc.freeze()
            if enabled:
                gc.enable()

    return run


class TaskHandle:
    """What run_task returns: cancel() asks the task to stop at its next check (thread-safe)."""

    def __init__(self, on_progress: ProgressFn | None) -> None:
        self._cancelled = threading.Event()
        self.on_progress = on_progress

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()


class DatabaseOps(QObject):
    changed = Signal(object)  # Changes of a committed write that touched something
    busy_changed = Signal(bool)
    # Internal: carries results from the worker thread to the UI thread (queued connection).
    _finished = Signal(int, object, object, object)  # job id, result, Changes, exception
    _progressed = Signal(object, int, int, str)  # task handle, done, total, label
    _heard = Signal(object)  # frozenset of tables another writer's commit changed, from the listening thread

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ptds-db")
        self._callbacks: dict[int, tuple[DoneFn | None, ErrorFn | None]] = {}
        self._ids = itertools.count(1)
        self._closed = False
        self._finished.connect(self._deliver)
        self._progressed.connect(self._deliver_progress)
        self._heard.connect(self._deliver_heard)
        self._others = _OtherWriters(db, self._heard.emit)
        # Used when a job gives no on_error; the main window sets one that shows a message box.
        self.default_error_handler: Callable[[Exception], None] = lambda exc: log.error("unhandled: %s", exc)

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not run yet."""
        return len(self._callbacks)

    def run(self, fn: WriteFn, on_done: DoneFn | None = None, on_error: ErrorFn | None = None) -> None:
        self._submit(lambda: self._in_unit_of_work(fn), on_done, on_error)

    def read(self, fn: ReadFn, on_done: DoneFn, on_error: ErrorFn | None = None) -> None:
        # The same unit of work as a write: a read that flushed something would still be reported.
        self._submit(lambda: self._in_unit_of_work(fn), on_done, on_error)

    def run_task(self, fn: TaskFn, on_progress: ProgressFn | None = None, on_done: DoneFn | None = None,
                 on_error: ErrorFn | None = None) -> TaskHandle:
        handle = TaskHandle(on_progress)

        def progress(done: int, total: int, label: str = "") -> None:
            self._progressed.emit(handle, done, total, label or "")

        def task() -> tuple[Any, Changes]:
            with recording() as recorder:
                result = fn(self.db, progress, handle.is_cancelled)
            return result, recorder.changes

        self._submit(task, on_done, on_error)
        return handle

    def subscribe(self, owner: QObject, tables: Collection[str] | None,
                  callback: Callable[[Changes], None]) -> None:
        """Call `callback(changes)` on the UI thread after every committed write touching one of `tables`
        (None: any table), for as long as `owner` lives."""
        _Subscription(self, owner, None if tables is None else frozenset(tables), callback)

    def _in_unit_of_work(self, fn: Callable[[Session], Any]) -> tuple[Any, Changes]:
        work = self.db.unit_of_work()
        with work as session:
            result = fn(session)
        return result, work.changes

    def _submit(self, job_fn: Callable[[], tuple[Any, Changes]], on_done: DoneFn | None,
                on_error: ErrorFn | None) -> None:
        if self._closed:  # a view answering the last results while the window closes: nothing more runs
            log.debug("job submitted after shutdown dropped")
            return
        job = next(self._ids)
        self._callbacks[job] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._executor.submit(self._work, job, job_fn)

    def _work(self, job: int, job_fn: Callable[[], tuple[Any, Changes]]) -> None:
        # Worker thread: touch no widget here, only emit.
        try:
            result, changes = job_fn()
        except Exception as exc:  # delivered to on_error on the UI thread
            exc = storage_problem(exc, self.db.path) or exc  # a read-only or full disk, said plainly
            if not isinstance(exc, PtdsError):
                log.error("database job failed\n%s", traceback.format_exc())
            self._finished.emit(job, None, NO_CHANGES, exc)
        else:
            self._finished.emit(job, result, changes, None)

    def _deliver(self, job: int, result: Any, changes: Changes, exc: Exception | None) -> None:
        on_done, on_error = self._callbacks.pop(job)
        try:
            if exc is not None:
                (on_error or self.default_error_handler)(exc)
            else:
                if changes:
                    self.changed.emit(changes)
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

    def _deliver_heard(self, tables: frozenset[str]) -> None:
        if not self._closed:
            self.changed.emit(Changes(tables))

    def shutdown(self) -> None:
        """Finish queued jobs (a write the user was promised completes), then stop the threads."""
        self._closed = True
        self._others.stop()
        self._executor.shutdown(wait=True)


class _OtherWriters:
    """The commits of other staff on a shared server database (nothing for a file): a thread blocked on the
    server's notices passes each one's tables to `heard`. A lost connection is retried a little later."""

    WAKE_S = 1.0  # how often the blocked thread looks whether to stop (it asks the server nothing meanwhile)
    RETRY_S = 10.0

    def __init__(self, db: Database, heard: Callable[[frozenset[str]], None]) -> None:
        self._stopped = threading.Event()
        self._heard = heard
        self._db = db
        listener = listener_for(db.engine)
        self._thread: threading.Thread | None = None
        if listener is not None:
            # Started listening before the window reads anything: a commit between its read and LISTEN is heard.
            self._thread = threading.Thread(target=self._listen, args=(listener,), name="ptds-others", daemon=True)
            self._thread.start()

    def _listen(self, listener: ChangeListener | None) -> None:
        while not self._stopped.is_set():
            try:
                if listener is None:
                    listener = listener_for(self._db.engine)
                    assert listener is not None
                for tables in listener.changes(timeout=self.WAKE_S):
                    self._heard(tables)
            except Exception as exc:  # the server went away: try again later, the window carries on
                log.warning("listening for other staff's changes failed: %s", exc)
                if listener is not None:
                    listener.close()
                listener = None
                self._stopped.wait(self.RETRY_S)
        if listener is not None:
            listener.close()

    def stop(self) -> None:
        self._stopped.set()
        if self._thread is not None:
            self._thread.join(self.WAKE_S * 3)


class _Subscription(QObject):
    """A child of the subscribing widget: Qt disconnects it when the widget is destroyed."""

    def __init__(self, ops: DatabaseOps, owner: QObject, tables: frozenset[str] | None,
                 callback: Callable[[Changes], None]) -> None:
        super().__init__(owner)
        self._tables = tables
        self._callback = callback
        ops.changed.connect(self._changed)

    @Slot(object)
    def _changed(self, changes: Changes) -> None:
        if self._tables is None or changes.touches(*self._tables):
            self._callback(changes)


class LatestRead(Generic[T]):
    """Reads of one thing where only the newest answer may be shown: a reload started while an older one is
    on its way makes the older answer void (no hand-written generation counters in views)."""

    def __init__(self, ops: DatabaseOps) -> None:
        self._ops = ops
        self._latest = 0

    def read(self, fn: Callable[[Session], T], on_done: Callable[[T], None],
             on_error: ErrorFn | None = None) -> None:
        ticket = self._next()
        self._ops.read(fn, lambda result: self._deliver(ticket, on_done, result), on_error)

    def cancel(self) -> None:
        """Drop every answer still on its way."""
        self._next()

    def _next(self) -> int:
        self._latest += 1
        return self._latest

    def _deliver(self, ticket: int, on_done: Callable[[T], None], result: T) -> None:
        if ticket == self._latest:
            on_done(result)
