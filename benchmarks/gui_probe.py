"""Child process of the bench suite (benchmarks/__main__.py): start a window offscreen and say when it is painted.

    gui_probe.py bare          an empty QMainWindow (the baseline: bare PySide6 import plus a window)
    gui_probe.py app           `ptds gui` on the database in PTDS_DB, up to its first area loaded
    gui_probe.py visit         the same, then every area and every tab of it, waiting for each to load
    gui_probe.py idle          an empty window left idle for IDLE_S seconds (the baseline of the longest gap)

Prints "PAINTED" when the first paint of the main window arrives and "LOADED" when the database is open and
the first area shows its data (the parent times the process up to those lines), then for `visit`
"VISITED <peak RSS in MB> <longest gap of the event loop in ms> <CPU time the UI thread spent in that gap, ms>
<most CPU time of the UI thread in one gap, ms>" (a gap longer than the UI thread's own CPU time was spent
waiting: on the GIL held by the database worker, or on other processes), for `idle` "IDLE <longest gap in ms>".
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget  # noqa: E402

LOAD_TIMEOUT_S = 300.0
IDLE_S = 3.0


def peak_rss_mb() -> float:
    """This process's own peak: VmHWM, not ru_maxrss, which on Linux keeps the mark of the image replaced at exec
    (the bench suite's own, once it has held the 100,000 reports of the filter line)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


class GapMeter(QObject):
    """A 5 ms timer on the event loop: the longest time between two of its ticks is the longest freeze."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self, interval=5)
        self._timer.timeout.connect(self._tick)
        self.reset()
        self._timer.start()

    def reset(self) -> None:
        self.longest = self.cpu_in_longest = self.busiest_cpu = 0.0  # seconds
        self._last, self._cpu = time.perf_counter(), time.thread_time()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if now - self._last > self.longest:
            self.longest, self.cpu_in_longest = now - self._last, cpu - self._cpu
        self.busiest_cpu = max(self.busiest_cpu, cpu - self._cpu)
        self._last, self._cpu = now, cpu


def _wait_loaded(app: QApplication, window: QMainWindow) -> None:
    """Process events until the window opened its database (after its first paint) and its area has its data."""
    deadline = time.perf_counter() + LOAD_TIMEOUT_S
    while time.perf_counter() < deadline and getattr(window, "ops", None) is None:
        app.processEvents()
        time.sleep(0.002)
    while time.perf_counter() < deadline and not getattr(window.centralWidget().currentWidget(), "loaded", True):
        app.processEvents()
        time.sleep(0.002)


def _settle(app: QApplication, window: QMainWindow) -> None:
    """Process events until the database worker has nothing left to do."""
    ops = getattr(window, "ops", None)
    deadline = time.perf_counter() + LOAD_TIMEOUT_S
    while time.perf_counter() < deadline:
        app.processEvents()
        if ops is None or ops.pending == 0:
            app.processEvents()
            if ops is None or ops.pending == 0:
                return
        time.sleep(0.002)


def visit_everything(app: QApplication, window: QMainWindow) -> None:
    meter = GapMeter()
    _settle(app, window)
    meter.reset()  # the start is measured by "app"; from here on, the visits
    for row in range(window.nav.count()):  # type: ignore[attr-defined]
        window.open_area(row)  # type: ignore[attr-defined]
        _settle(app, window)
        for tabs in window.stack.currentWidget().findChildren(QTabWidget):  # type: ignore[attr-defined]
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                _settle(app, window)
    print(f"VISITED {peak_rss_mb():.1f} {meter.longest * 1000:.0f} {meter.cpu_in_longest * 1000:.0f} "
          f"{meter.busiest_cpu * 1000:.0f}", flush=True)


class PaintWatch(QObject):
    def __init__(self, app: QApplication, mode: str) -> None:
        super().__init__()
        self.app = app
        self.mode = mode
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            self.done = True
            print("PAINTED", flush=True)
            QTimer.singleShot(0, lambda: self.after_paint(watched))
        return False

    def after_paint(self, window: QMainWindow) -> None:
        print(f"RSS {peak_rss_mb():.1f}", flush=True)
        if self.mode != "bare":
            _wait_loaded(self.app, window)
            print("LOADED", flush=True)
        if self.mode == "visit":
            visit_everything(self.app, window)
        elif self.mode == "idle":
            self.meter = GapMeter()  # kept until the timer below ends the run

            def done() -> None:
                print(f"IDLE {self.meter.longest * 1000:.0f}", flush=True)
                window.close()

            QTimer.singleShot(int(IDLE_S * 1000), done)
            return
        window.close()


def main() -> int:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    watch = PaintWatch(app, mode)
    app.installEventFilter(watch)
    if mode in ("bare", "idle"):
        window = QMainWindow()
        window.resize(1100, 700)
        window.show()
        return app.exec()
    from ptds_desktop.launcher import main as ptds_main  # timed: after Qt, as `ptds gui` loads it

    return ptds_main(["gui"])


if __name__ == "__main__":
    raise SystemExit(main())
