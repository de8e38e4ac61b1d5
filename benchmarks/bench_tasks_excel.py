"""Task matrix Excel speed: export and import of a 1,000-task matrix (10 sections, two agency columns, three
phase columns, deliverables) as ratios against openpyxl writing and reading the same cells in the same run.

Export = reading the plan from the database + the styled workbook (merged header, section rows, borders,
row heights, print set-up); baseline = openpyxl writing the same values unstyled.
Import = reading the workbook, understanding every row, matching agencies to the catalogue and inserting
the plan (one bulk insert per table, change capture included); baseline = openpyxl loading the same file
and walking every cell value (read-only mode, its fastest).
Goals (median of rounds): export within 3x, import within 4x of its baseline.
Run: .venv/bin/python benchmarks/bench_tasks_excel.py [--rounds 5] [--tasks 1000] [--check]
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
from ptds_desktop.exports.excel.task_matrix import write_matrix_xlsx  # noqa: E402
from ptds_desktop.imports.task_matrix import import_matrix, read_matrix  # noqa: E402
from ptds_desktop.services import organizations as orgs  # noqa: E402
from ptds_desktop.services import plans  # noqa: E402
from ptds_desktop.services.offices import init_office  # noqa: E402
from ptds_desktop.services.plan_documents import matrix_layout  # noqa: E402
from ptds_desktop.services.references import Reference  # noqa: E402

EXPORT_GOAL = 3.0
IMPORT_GOAL = 4.0
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


def raw_write(db, plan_id: str, target: Path) -> None:
    with db.unit_of_work() as s:
        layout = matrix_layout(plans.plan_matrix(s, plan_id))
    wb = Workbook()
    ws = wb.active
    for line in layout.rows:
        ws.append(list(line.cells) if hasattr(line, "cells") else [line.code, line.title])
    wb.save(target)


def raw_read(path: Path) -> int:
    wb = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for row in wb.active.iter_rows(values_only=True) for value in row if value is not None)
    wb.close()
    return count


def export(db, plan_id: str, target: Path) -> None:
    with db.unit_of_work() as s:
        write_matrix_xlsx(matrix_layout(plans.plan_matrix(s, plan_id)), target)


def import_(db, source: Path) -> None:
    with db.unit_of_work() as s:
        import_matrix(s, read_matrix(s, source))


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--check", action="store_true", help="exit 1 when a ratio misses its goal")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "bench.db")
        init_office(db, "Bộ CHQS tỉnh", "province")
        plan_id = make_plan(db, args.tasks)
        export_ratios, import_ratios = [], []
        for r in range(args.rounds):
            ours, raw = folder / f"ours{r}.xlsx", folder / f"raw{r}.xlsx"

            t_export = timed(export, db, plan_id, ours)
            t_raw_write = timed(raw_write, db, plan_id, raw)
            t_import = timed(import_, db, ours)
            t_raw_read = timed(raw_read, ours)
            export_ratios.append(t_export / t_raw_write)
            import_ratios.append(t_import / t_raw_read)
            print(
                f"round {r + 1}: export {t_export:.2f}s (openpyxl {t_raw_write:.2f}s), "
                f"import {t_import:.2f}s (openpyxl read {t_raw_read:.2f}s)"
            )
        db.close()
    export_ratio, import_ratio = statistics.median(export_ratios), statistics.median(import_ratios)
    print(
        f"{args.tasks} tasks, median of {args.rounds} rounds: export {export_ratio:.2f}x (goal {EXPORT_GOAL}x), "
        f"import {import_ratio:.2f}x (goal {IMPORT_GOAL}x)"
    )
    if args.check and (export_ratio > EXPORT_GOAL or import_ratio > IMPORT_GOAL):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
