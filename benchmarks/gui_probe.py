"""Child process of the bench suite (benchmarks/__main__.py): start a window offscreen and say when it is painted.

    gui_probe.py bare          an empty QMainWindow (the baseline: bare PySide6 import plus a window)
    gui_probe.py app           `ptds gui` on the database in PTDS_DB, up to its first area loaded
    gui_probe.py visit         the same, then every area and every tab of it, waiting for each to load

Prints "PAINTED" when the first paint of the main window arrives and "LOADED" when the database is open and
the first area shows its data (the parent times the process up to those lines), then for `visit`
"VISITED <peak RSS in MB> <longest gap of the event loop in ms>".
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


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


class GapMeter(QObject):
    """A 5 ms timer on the event loop: the longest time between two of its ticks is the longest freeze."""

    def __init__(self) -> None:
        super().__init__()
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self, interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


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
    meter.longest = 0.0  # the start is measured by "app"; from here on, the visits
    for row in range(window.nav.count()):  # type: ignore[attr-defined]
        window.open_area(row)  # type: ignore[attr-defined]
        _settle(app, window)
        for tabs in window.stack.currentWidget().findChildren(QTabWidget):  # type: ignore[attr-defined]
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                _settle(app, window)
    print(f"VISITED {peak_rss_mb():.1f} {meter.longest * 1000:.0f}", flush=True)


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
        window.close()


def main() -> int:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    watch = PaintWatch(app, mode)
    app.installEventFilter(watch)
    if mode == "bare":
        window = QMainWindow()
        window.resize(1100, 700)
        window.show()
        return app.exec()
    from ptds_desktop.launcher import main as ptds_main  # timed: after Qt, as `ptds gui` loads it

    return ptds_main(["gui"])


if __name__ == "__main__":
    raise SystemExit(main())
