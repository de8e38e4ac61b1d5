"""The bench suite: every speed figure of issue #13 beside a raw baseline measured in the same run.

Run: .venv/bin/python -m benchmarks [--rounds N] [--quick] [--db PROVINCE.db] [--only NAME ...]
Prints one table (median of the rounds); benchmarks/README.md explains each line and holds the latest figures.
The province database is made once by benchmarks/generate.py into benchmarks/.cache/ (about 5 minutes) and reused.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from docx import Document as WordDocument  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.cell import WriteOnlyCell  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate  # noqa: E402

from benchmarks import bench_postgresql, bench_sync, bench_tasks_excel  # noqa: E402
from benchmarks.generate import generate  # noqa: E402
from ptds_desktop.config import Settings  # noqa: E402
from ptds_desktop.db.database import Database, open_database  # noqa: E402
from ptds_desktop.documents.model import SectionRow  # noqa: E402
from ptds_desktop.exports.docx.document import render_docx  # noqa: E402
from ptds_desktop.exports.pdf.document import FONT, register_fonts, render_pdf  # noqa: E402
from ptds_desktop.gui.context import ViewContext  # noqa: E402
from ptds_desktop.gui.ops import DatabaseOps  # noqa: E402
from ptds_desktop.gui.tasks.reports_tab import ReportsTab  # noqa: E402
from ptds_desktop.services import plans  # noqa: E402
from ptds_desktop.services.offices import init_office, this_office  # noqa: E402
from ptds_desktop.services.plan_documents import matrix_table, plan_document  # noqa: E402
from ptds_desktop.services.province_demo import DEFAULT_SEED  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
PROBE = Path(__file__).resolve().parent / "gui_probe.py"
PROBE_TIMEOUT_S = 600


@dataclasses.dataclass(frozen=True)
class Figure:
    name: str
    ours: float
    baseline: float
    unit: str  # "s", "ms", "MB"
    target: float | None  # None: shown for comparison, no target set
    by_ratio: bool  # the target is ours/baseline (else an absolute bound on ours)
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool:
        return self.target is None or (self.ratio if self.by_ratio else self.ours) <= self.target


def median_of(rounds: int, measure: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    pairs = [measure() for _ in range(rounds)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def timed(fn: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


# ---------------------------------------------------------------- GUI: cold start and memory (subprocesses)


def _probe_env(db_path: Path, home: Path) -> dict[str, str]:
    env = dict(os.environ, PTDS_DB=str(db_path), PTDS_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's start reads compiled modules; so does the baseline
    return env


def _probe(mode: str, env: dict[str, str]) -> tuple[float, list[str]]:
    """Seconds from starting the process to its "PAINTED" line, and every line it printed (a line "LOADED"
    is followed by the seconds to it)."""
    start = time.perf_counter()
    # A second window on the same database would wait on the "already open" message: run one probe at a time.
    proc = subprocess.Popen([sys.executable, str(PROBE), mode], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    painted = None
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith("PAINTED") and painted is None:
            painted = time.perf_counter() - start
        if line.startswith("LOADED"):
            lines[-1] = f"LOADED {time.perf_counter() - start:.3f}"
    if proc.wait(timeout=PROBE_TIMEOUT_S) != 0 or painted is None:
        raise RuntimeError(f"gui_probe {mode} failed ({proc.returncode}): {lines}")
    return painted, lines


def bench_cold_start(db_path: Path, rounds: int) -> list[Figure]:
    with tempfile.TemporaryDirectory() as home:
        env = _probe_env(db_path, Path(home))
        _probe("bare", env)  # warm-up: compiled modules written, the day's automatic backup taken
        _probe("app", env)
        loaded: list[float] = []

        def app_then_bare() -> tuple[float, float]:
            painted, lines = _probe("app", env)
            loaded.append(float(next(line for line in lines if line.startswith("LOADED")).split()[1]))
            return painted, _probe("bare", env)[0]

        ours, bare = median_of(rounds, app_then_bare)
    return [
        Figure("Cold start to main window painted (province db)", ours, bare, "s", 1.0, False,
               f"baseline: PySide6 import + empty window; first area filled in at "
               f"{statistics.median(loaded):.2f} s"),
    ]


def bench_memory(db_path: Path) -> list[Figure]:
    """Peak memory and the longest freeze of the window while every area and tab is visited (one run: the
    visit loads each screen's data once, a second would measure caches)."""
    with tempfile.TemporaryDirectory() as home:
        env = _probe_env(db_path, Path(home))
        _probe("bare", env)  # warm-up, as for the cold start
        _visited, lines = _probe("visit", env)
        _bare, bare_lines = _probe("bare", env)
        _idle, idle_lines = _probe("idle", env)
    _, rss, gap, cpu, busiest = next(line for line in lines if line.startswith("VISITED")).split()
    bare_rss = float(next(line for line in bare_lines if line.startswith("RSS")).split()[1])
    idle_gap = float(next(line for line in idle_lines if line.startswith("IDLE")).split()[1])
    return [
        Figure("Peak memory, province db, every screen visited", float(rss), bare_rss, "MB", 300, False,
               "baseline: empty window"),
        Figure("Longest event-loop gap, every screen visited", float(gap), idle_gap, "ms", 100, False,
               f"baseline: 5 ms timer of an idle empty window; UI thread's own CPU in that gap {cpu} ms, "
               f"in its busiest gap {busiest} ms"),
    ]


# ---------------------------------------------------------------- filter: the list of every progress report


def bench_filter(db: Database, rounds: int) -> list[Figure]:
    """From the filter typed to its rows in the table, as the user meets it: the search runs on the database
    worker over the list read once (ReportsTab, what Nhiệm vụ › Mọi báo cáo tiến độ shows)."""
    _app = QApplication.instance() or QApplication([])
    ops = DatabaseOps(db)
    ctx = ViewContext(db=db, ops=ops, office=this_office(db), show_message=lambda _text: None,  # the tab needs ops
                      offer_undo=lambda _text, _undo: None, settings=Settings(), folder_sync=None)
    tab = ReportsTab(ctx)
    tab.show()

    def wait(done: Callable[[], bool]) -> None:
        """Run the event loop until done(): idle in Qt's loop as the app is, not spinning (that would take the GIL
        from the worker)."""
        loop = QEventLoop()
        check = QTimer(interval=1)
        check.timeout.connect(lambda: loop.quit() if ops.pending == 0 and done() else None)
        check.start()
        loop.exec()
        check.stop()

    wait(lambda: tab.loaded)
    total = tab.model.rowCount()
    rows = [tab.model.row_at(i) for i in range(total)]
    plain = [" ".join(t for t in (r.office, r.task, r.text) if t).lower() for r in rows]
    query, accented = "hoa phu ban hanh", "hòa phú ban hành"

    def measure() -> tuple[float, float]:
        tab.filter_edit.setText("")
        wait(lambda: tab.model.rowCount() == total)
        start = time.perf_counter()
        tab.filter_edit.setText(query)
        wait(lambda: tab.model.rowCount() != total)
        ours = time.perf_counter() - start
        base = timed(lambda: [r for r, text in zip(rows, plain) if accented in text])
        return ours * 1000, base * 1000

    ours, base = median_of(rounds, measure)
    shown = tab.model.rowCount()
    tab.close()
    ops.shutdown()
    return [Figure(f"Accent-insensitive filter, {total:,} reports, typed to shown", ours, base, "ms", 50, False,
                   f"baseline: Python substring scan of the same strings; {shown} rows match")]


# ---------------------------------------------------------------- Excel matrix (reuses bench_tasks_excel)

def styled_write_only(db: Database, plan_id: str, target: Path) -> None:
    """The baseline: the same cells with the same font, border and alignment, in openpyxl's faster write-only mode."""
    with db.unit_of_work() as s:
        table = matrix_table(plans.plan_matrix(s, plan_id))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    for row in table.rows:
        cells = []
        for value in bench_tasks_excel._values(row):
            cell = WriteOnlyCell(ws, value=value)
            cell.font, cell.alignment, cell.border = (bench_tasks_excel.CELL_FONT, bench_tasks_excel.LEFT,
                                                      bench_tasks_excel.BORDER)
            cells.append(cell)
        ws.append(cells)
    wb.save(target)


def bench_excel(rounds: int, tasks: int) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "excel.db")
        init_office(db, "Bộ CHQS tỉnh", "province")
        plan_id = bench_tasks_excel.make_plan(db, tasks)
        ours_file = folder / "ours.xlsx"
        export_s, write_s = median_of(rounds, lambda: (
            timed(bench_tasks_excel.export, db, plan_id, ours_file),
            timed(styled_write_only, db, plan_id, folder / "raw.xlsx")))
        import_s, read_s = median_of(rounds, lambda: (
            timed(bench_tasks_excel.import_, db, ours_file), timed(bench_tasks_excel.raw_read, ours_file)))
        db.close()
    return [
        Figure(f"Excel matrix export, {tasks:,} tasks", export_s, write_s, "s", 1.5, True,
               "baseline: openpyxl write-only, same cells and styles"),
        Figure(f"Excel matrix import, {tasks:,} tasks", import_s, read_s, "s", 1.5, True,
               "baseline: openpyxl read-only reading every cell"),
    ]


# ---------------------------------------------------------------- PDF and DOCX matrix


def _matrix_rows(db: Database, plan_id: str) -> list[list[str]]:
    with db.unit_of_work() as s:
        table = matrix_table(plans.plan_matrix(s, plan_id))
    header = [leaf.label for c in table.columns for leaf in (c.children or (c,))]
    body = [[r.text] if isinstance(r, SectionRow) else ["" if v is None else str(v) for v in r] for r in table.rows]
    return [header, *body]


def plain_reportlab(db: Database, plan_id: str, target: Path) -> None:
    rows = _matrix_rows(db, plan_id)
    style = ParagraphStyle("cell", fontName=FONT, fontSize=11, leading=13)
    width = landscape(A4)[0] - 100
    n = max(len(r) for r in rows)
    data = [[Paragraph(v, style) for v in r] + [""] * (n - len(r)) for r in rows]
    table = LongTable(data, colWidths=[width / n] * n, repeatRows=1)
    SimpleDocTemplate(str(target), pagesize=landscape(A4)).build([table])


def plain_docx(db: Database, plan_id: str, target: Path) -> None:
    rows = _matrix_rows(db, plan_id)
    doc = WordDocument()
    n = max(len(r) for r in rows)
    table = doc.add_table(rows=0, cols=n)
    for r in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, r):
            cell.text = value
    doc.save(str(target))


def ours_document(renderer: Callable[..., None]) -> Callable[[Database, str, Path], None]:
    def run(db: Database, plan_id: str, target: Path) -> None:
        with db.unit_of_work() as s:
            document = plan_document(s, plan_id)
        renderer(document, target)
    return run


def bench_documents(rounds: int, tasks: int) -> list[Figure]:
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "docs.db")
        init_office(db, "Bộ CHQS tỉnh", "province")
        plan_id = bench_tasks_excel.make_plan(db, tasks)
        pdf = median_of(rounds, lambda: (timed(ours_document(render_pdf), db, plan_id, folder / "ours.pdf"),
                                         timed(plain_reportlab, db, plan_id, folder / "raw.pdf")))
        docx = median_of(rounds, lambda: (timed(ours_document(render_docx), db, plan_id, folder / "ours.docx"),
                                          timed(plain_docx, db, plan_id, folder / "raw.docx")))
        db.close()
    return [
        Figure(f"PDF plan with matrix, {tasks:,} tasks", *pdf, "s", 1.3, True,
               "baseline: ReportLab LongTable of the same text"),
        Figure(f"DOCX plan with matrix, {tasks:,} tasks", *docx, "s", 1.3, True,
               "baseline: python-docx table of the same text"),
    ]


# ---------------------------------------------------------------- sync bundle (reuses bench_sync)


def bench_bundle(rounds: int, changes: int) -> list[Figure]:
    results = [bench_sync.measure_once(changes) for _ in range(rounds)]
    base = statistics.median(r["baseline_s"] for r in results)
    export_s = statistics.median(r["export_s"] for r in results)
    import_s = statistics.median(r["import_s"] for r in results)
    plain_export_s = statistics.median(r["plain_export_s"] for r in results)
    sealed_export_s = statistics.median(r["sealed_export_s"] for r in results)
    plain_import_s = statistics.median(r["plain_import_s"] for r in results)
    sealed_import_s = statistics.median(r["sealed_import_s"] for r in results)
    count = results[0]["changes"]
    return [
        Figure(f"Bundle export, {count:,} field changes", export_s, base, "s", 1.5, True,
               "baseline: sqlite3 executemany of the same rows"),
        Figure(f"Bundle import, {count:,} field changes", import_s, base, "s", 2.0, True,
               "baseline: sqlite3 executemany of the same rows"),
        Figure(f"Sealed bundle export, {count:,} field changes", sealed_export_s, plain_export_s, "s",
               bench_sync.SEALED_GOAL, True, "baseline: the same bundle written plain (segments already signed)"),
        Figure(f"Sealed bundle import, {count:,} field changes", sealed_import_s, plain_import_s, "s",
               bench_sync.SEALED_GOAL, True, "baseline: the same bundle plain; each into a twin database, in the "
               "order plain, sealed, sealed, plain"),
    ]


# ---------------------------------------------------------------- bundle import into PostgreSQL


def bench_server_import(rounds: int, changes: int) -> list[Figure]:
    results = bench_postgresql.measure(rounds, changes)
    import_s = statistics.median(r["import_s"] for r in results)
    count = results[0]["changes"]
    return [
        Figure(f"Bundle import into PostgreSQL, {count:,} field changes", import_s,
               statistics.median(r["executemany_s"] for r in results), "s", 2.0, True,
               "baseline: psycopg executemany of the same rows, same server (throwaway cluster)"),
        Figure(f"Bundle import into PostgreSQL, {count:,} field changes, against COPY", import_s,
               statistics.median(r["copy_s"] for r in results), "s", None, True,
               "baseline: psycopg COPY of the same rows, same server: the server's fastest bulk path"),
    ]


# ---------------------------------------------------------------- the table


def _number(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if unit in ("MB", "ms") and value >= 10 else f"{value:.2f} {unit}"


def table(figures: list[Figure]) -> str:
    lines = ["| Measure | PTDS | Baseline | Ratio | Target | Met | Note |", "|---|---|---|---|---|---|---|"]
    for f in figures:
        if f.target is None:
            target = met = "—"
        else:
            target = f"≤ {f.target:g}×" if f.by_ratio else f"≤ {_number(f.target, f.unit)}"
            met = "yes" if f.met else "NO"
        lines.append(f"| {f.name} | {_number(f.ours, f.unit)} | {_number(f.baseline, f.unit)} | {f.ratio:.2f}× "
                     f"| {target} | {met} | {f.note} |")
    return "\n".join(lines)


def province_db(path: Path | None) -> Path:
    if path is not None:
        return path
    cached = CACHE / f"province-{DEFAULT_SEED}.db"
    if not cached.exists():
        CACHE.mkdir(exist_ok=True)
        print(f"Generating the province database {cached} (once; about 5 minutes)…", flush=True)
        generate(cached)
    return cached


BENCHES = ("cold", "memory", "filter", "excel", "documents", "bundle", "postgresql")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="rounds per figure; the median is printed")
    parser.add_argument("--quick", action="store_true",
                        help="3 rounds, a tenth of the Excel and bundle sizes (a smoke run; ratios less stable)")
    parser.add_argument("--db", type=Path, help="province database to use (default: generated once into .cache)")
    parser.add_argument("--only", nargs="+", choices=BENCHES, help="run only these figures")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    rounds = 3 if args.quick else args.rounds
    scale = 10 if args.quick else 1
    chosen = args.only or BENCHES
    figures: list[Figure] = []
    db_path = province_db(args.db) if {"cold", "memory", "filter"} & set(chosen) else None
    done = 0
    for name in chosen:
        print(f"… {name}", file=sys.stderr, flush=True)
        if name == "cold":
            assert db_path is not None
            figures += bench_cold_start(db_path, rounds)
        elif name == "memory":
            assert db_path is not None
            figures += bench_memory(db_path)
        elif name == "filter":
            assert db_path is not None
            db = open_database(db_path)
            figures += bench_filter(db, rounds)
            db.close()
        elif name == "excel":
            figures += bench_excel(rounds, 10_000 // scale)
        elif name == "documents":
            figures += bench_documents(rounds, 1_000 // scale)
        elif name == "bundle":
            figures += bench_bundle(rounds, 100_000 // scale)
        elif name == "postgresql":
            figures += bench_server_import(rounds, 100_000 // scale)
        print("\n".join(table(figures).splitlines()[2 + done:]), file=sys.stderr, flush=True)  # in case of a cut
        done = len(figures)
    print(f"{dt.date.today().isoformat()}, {platform.node()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, median of {rounds} rounds")
    print(table(figures))
    return 1 if args.check and not all(f.met for f in figures) else 0


if __name__ == "__main__":
    raise SystemExit(main())
