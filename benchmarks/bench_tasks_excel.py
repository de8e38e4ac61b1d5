"""Task matrix Excel speed: export and import of a matrix of 1,000 and of 10,000 tasks (10 sections, two agency
columns, three phase columns, deliverables) as ratios against openpyxl writing and reading the same cells in the
same run (issue 13).

Export = reading the plan from the database + the appendix document drawn by the one XLSX renderer
(exports/excel/document.py: merged two-level header, section rows, borders, wrapped text, row heights, print
set-up); baseline = the same plan read, then openpyxl (normal mode, its faster one for styled cells) writing
the same cells with the same font, alignment and border objects. The ratio against openpyxl writing the values
unstyled is printed beside it.
Import = reading the workbook, understanding every row, matching agencies to the catalogue and inserting
the plan (one bulk insert per table, change capture included); baseline = openpyxl loading the same file
and walking every cell value (read-only mode, its fastest).
Goals (median of rounds): export and import within 1.5x of their baselines.
Run: .venv/bin/python benchmarks/bench_tasks_excel.py [--rounds 3] [--tasks 1000 --tasks 10000] [--check]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook, load_workbook  # noqa: E402

from ptds_desktop.db.database import open_database  # noqa: E402
from ptds_desktop.documents.model import SectionRow, Span  # noqa: E402
from ptds_desktop.exports.excel.document import BORDER, CELL_FONT, LEFT, render_xlsx  # noqa: E402
from ptds_desktop.imports.task_matrix import import_matrix, read_matrix  # noqa: E402
from ptds_desktop.services import organizations as orgs  # noqa: E402
from ptds_desktop.services import plans  # noqa: E402
from ptds_desktop.services.offices import init_office  # noqa: E402
from ptds_desktop.services.plan_documents import matrix_document, matrix_table  # noqa: E402
from ptds_desktop.services.references import Reference  # noqa: E402

EXPORT_GOAL = 1.5
IMPORT_GOAL = 1.5
PHASES = ("Giai đoạn 1 (đến năm 2025)", "Giai đoạn 2 (2026 - 2030)", "Giai đoạn 3 (sau năm 2030)")
TIMEFRAMES = ("Thường xuyên", "Quý I năm 2025", "Hàng năm hoặc đột xuất", "Trước ngày 15/6/2025", None)


def make_plan(db, tasks: int) -> str:
    with db.unit_of_work() as s:
        catalogue = [
            orgs.create_organization(s, orgs.OrganizationInput(f"Phòng chuyên môn số {i} thành phố")).id
            for i in range(30)
        ]
        sections = []
        per_section = tasks // 10
        for k in range(10):
            rows = []
            for i in range(per_section):
                n = k * per_section + i
                rows.append(
                    plans.TaskInput(
                        content=f"Nhiệm vụ số {n}: rà soát, bổ sung, điều chỉnh kế hoạch ứng phó sự cố, thiên tai",
                        code=str(i + 1),
                        timeframe_text=TIMEFRAMES[n % 5],
                        phases=(1, 2) if n % 5 == 4 else (),
                        deliverable="Quyết định của Chủ tịch UBND thành phố",
                        agencies={
                            "lead": [Reference(organization_id=catalogue[n % 30])],
                            "coordinating": [
                                Reference(text="Các phòng, ban, cơ quan, đơn vị, địa phương"),
                                Reference(organization_id=catalogue[(n + 7) % 30]),
                            ],
                        },
                    )
                )
            sections.append(
                plans.SectionInput(
                    f"{['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][k]}",
                    f"NHÓM NHIỆM VỤ {k + 1}",
                    tuple(rows),
                )
            )
        return plans.create_plan_with_matrix(s, plans.PlanInput("Kế hoạch đo tốc độ", phase_labels=PHASES), sections).id


def _values(row) -> list:
    if isinstance(row, SectionRow):
        return [row.code, row.text]
    return [v.text if isinstance(v, Span) else v for v in row]


def raw_write(db, plan_id: str, target: Path, styled: bool = True) -> None:
    with db.unit_of_work() as s:
        table = matrix_table(plans.plan_matrix(s, plan_id))
    wb = Workbook()
    ws = wb.active
    for row in table.rows:
        ws.append(_values(row))
    if styled:
        for cells in ws.iter_rows():
            for cell in cells:
                cell.font, cell.alignment, cell.border = CELL_FONT, LEFT, BORDER
    wb.save(target)


def raw_read(path: Path) -> int:
    wb = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for row in wb.active.iter_rows(values_only=True) for value in row if value is not None)
    wb.close()
    return count


def export(db, plan_id: str, target: Path) -> None:
    with db.unit_of_work() as s:
        render_xlsx(matrix_document(plans.plan_matrix(s, plan_id)), target)


def import_(db, source: Path) -> None:
    with db.unit_of_work() as s:
        import_matrix(s, read_matrix(s, source))


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def measure(tasks: int, rounds: int) -> tuple[float, float, float]:
    """Median ratios (export against styled openpyxl, export against unstyled openpyxl, import) for one size."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "bench.db")
        init_office(db, "Bộ CHQS tỉnh", "province")
        plan_id = make_plan(db, tasks)
        export_ratios, plain_ratios, import_ratios = [], [], []
        for r in range(rounds):
            ours, raw, plain = folder / f"ours{r}.xlsx", folder / f"raw{r}.xlsx", folder / f"plain{r}.xlsx"
            t_export = timed(export, db, plan_id, ours)
            t_raw_write = timed(raw_write, db, plan_id, raw)
            t_plain_write = timed(raw_write, db, plan_id, plain, False)
            t_import = timed(import_, db, ours)
            t_raw_read = timed(raw_read, ours)
            export_ratios.append(t_export / t_raw_write)
            plain_ratios.append(t_export / t_plain_write)
            import_ratios.append(t_import / t_raw_read)
            print(
                f"{tasks} tasks, round {r + 1}: export {t_export:.2f}s (openpyxl styled {t_raw_write:.2f}s, "
                f"unstyled {t_plain_write:.2f}s), import {t_import:.2f}s (openpyxl read {t_raw_read:.2f}s)",
                flush=True,
            )
        db.close()
    return statistics.median(export_ratios), statistics.median(plain_ratios), statistics.median(import_ratios)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tasks", type=int, action="append", help="matrix size (repeatable; default 1000 and 10000)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a ratio misses its goal")
    args = parser.parse_args()
    missed = False
    results = [(n, *measure(n, args.rounds)) for n in (args.tasks or [1000, 10000])]
    for tasks, export_ratio, plain_ratio, import_ratio in results:
        print(
            f"{tasks} tasks, median of {args.rounds} rounds: export {export_ratio:.2f}x styled openpyxl "
            f"({plain_ratio:.2f}x unstyled; goal {EXPORT_GOAL}x), import {import_ratio:.2f}x (goal {IMPORT_GOAL}x)"
        )
        missed = missed or export_ratio > EXPORT_GOAL or import_ratio > IMPORT_GOAL
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
