"""`ptds plans …` and `ptds tasks …`: plans with their ids, task matrix import and export, progress, overdue."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.cli.base import Context, add_json_flag, print_json, print_table
from ptds_desktop.errors import PtdsError
from ptds_desktop.exports.files import write_document
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.imports.task_matrix import import_matrix, read_matrix
from ptds_desktop.models import Plan, Task
from ptds_desktop.models.enums import PROGRESS_STATUSES
from ptds_desktop.services import plans, progress
from ptds_desktop.services.common import not_found
from ptds_desktop.services.plan_documents import matrix_document, plan_document
from ptds_desktop.text import format_date, parse_date

EXPORT_FORMATS = ("xlsx", "pdf", "docx")  # xlsx: the matrix; pdf, docx: the plan with the matrix as appendix


def register(commands) -> None:
    p = commands.add_parser("plans", help="kế hoạch, chương trình hành động")
    sub = p.add_subparsers(dest="plans_command", metavar="LỆNH", title="lệnh", required=True)
    q = sub.add_parser("list", help="liệt kê kế hoạch (kèm mã id)")
    add_json_flag(q)
    q.set_defaults(handler=run_plans_list)

    p = commands.add_parser("tasks", help="nhiệm vụ: nhập/xuất Excel, báo cáo tiến độ, quá hạn")
    sub = p.add_subparsers(dest="tasks_command", metavar="LỆNH", title="lệnh", required=True)

    q = sub.add_parser("import-xlsx", help="nhập bảng nhiệm vụ từ Excel thành một kế hoạch mới")
    q.add_argument("file", metavar="TỆP", help="tệp Excel (.xlsx) chứa bảng nhiệm vụ")
    q.add_argument("--plan-title", metavar="T", help="tên kế hoạch (mặc định: các dòng tiêu đề trên bảng)")
    q.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    add_json_flag(q)
    q.set_defaults(handler=run_import)

    q = sub.add_parser("export", help="xuất bảng nhiệm vụ của một kế hoạch")
    q.add_argument("--plan", required=True, metavar="ID", help="mã kế hoạch (hoặc phần đầu mã)")
    q.add_argument("--format", choices=EXPORT_FORMATS, help="định dạng (mặc định: theo đuôi tệp -o)")
    q.add_argument("-o", "--output", required=True, metavar="TỆP", help="tệp xuất ra")
    q.set_defaults(handler=run_export)

    q = sub.add_parser("overdue", help="nhiệm vụ quá hạn chưa hoàn thành")
    q.add_argument("--on", metavar="NGÀY", help="tính đến ngày (dd/mm/yyyy), mặc định hôm nay")
    add_json_flag(q)
    q.set_defaults(handler=run_overdue)

    q = sub.add_parser("report", help="báo cáo tiến độ một nhiệm vụ của văn phòng này")
    q.add_argument("task_id", metavar="MÃ", help="mã nhiệm vụ (hoặc phần đầu mã)")
    q.add_argument("--status", required=True, choices=tuple(PROGRESS_STATUSES), help="tình trạng")
    q.add_argument("--percent", type=int, metavar="N", help="tỷ lệ hoàn thành 0–100")
    q.add_argument("--text", metavar="CHỮ", help="nội dung báo cáo")
    q.add_argument("--on", metavar="NGÀY", help="ngày báo cáo (dd/mm/yyyy), mặc định hôm nay")
    q.add_argument("--attach", action="append", default=[], metavar="TỆP", help="tệp đính kèm (có thể lặp lại)")
    add_json_flag(q)
    q.set_defaults(handler=run_report)

    q = sub.add_parser("progress", help="bảng tiến độ: văn phòng nào đã báo cáo nhiệm vụ nào")
    q.add_argument("--plan", required=True, metavar="ID", help="mã kế hoạch (hoặc phần đầu mã)")
    add_json_flag(q)
    q.set_defaults(handler=run_progress)

    q = sub.add_parser("mine", help="nhiệm vụ giao cho văn phòng này")
    add_json_flag(q)
    q.set_defaults(handler=run_mine)


PLAN = QT_TRANSLATE_NOOP("Fields", "kế hoạch")
TASK = QT_TRANSLATE_NOOP("Fields", "nhiệm vụ")


def _resolve(session: Session, model, ident: str, label: str) -> str:
    """A full id, or the unique live row whose id starts with `ident` (ids are long to type)."""
    ids = session.scalars(
        select(model.id).where(model.id.startswith(ident.strip(), autoescape=True), model.deleted.is_(False)).limit(2)
    ).all()
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise not_found(label, ident)
    raise PtdsError(translate("Core", "Mã “{ident}” trùng phần đầu với nhiều {label}; hãy gõ thêm ký tự.").format(
        ident=ident, label=translate("Fields", label)))


def run_plans_list(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        rows = plans.list_plans(s)
    if args.json:
        print_json([{**dataclasses.asdict(p), "kind_label": p.kind_label, "citation": p.citation} for p in rows])
        return 0
    print_table(
        [
        QT_TRANSLATE_NOOP("Columns", "id"), QT_TRANSLATE_NOOP("Columns", "Số, ký hiệu"),
        QT_TRANSLATE_NOOP("Columns", "Ngày"), QT_TRANSLATE_NOOP("Columns", "Nhiệm vụ"),
        QT_TRANSLATE_NOOP("Columns", "Tên")
    ],
        [
            [p.id, p.number_symbol or "", format_date(p.issued_on) if p.issued_on else "", p.task_count, p.title[:70]]
            for p in rows
        ],
    )
    return 0


def _preview_json(preview, plan) -> dict:
    return {
        "sheet": preview.sheet,
        "header_row": preview.header_row,
        "title": preview.plan.title,
        "sections": preview.section_count,
        "tasks": preview.task_count,
        "agencies_linked": preview.linked_agencies,
        "agencies_as_words": preview.worded_agencies,
        "problems": [{"row": p.row, "message": p.message} for p in preview.problems],
        "plan_id": plan.id if plan else None,
    }


def run_import(ctx: Context, args) -> int:
    path = Path(args.file)
    if not path.exists():
        raise PtdsError(translate("Core", "Không tìm thấy tệp {path}.").format(path=path))
    with ctx.db().unit_of_work() as s:
        preview = read_matrix(s, path, args.plan_title)
        plan = None
        if not args.dry_run:
            plan = import_matrix(s, preview)
    if args.json:
        print_json(_preview_json(preview, plan))
        return 1 if preview.problems else 0
    print(translate("Core", "Trang “{sheet}”, dòng tiêu đề cột {header_row}: {title}").format(
        sheet=preview.sheet, header_row=preview.header_row, title=preview.plan.title))
    print(
        translate("Core", "{section_count} nhóm, {task_count} nhiệm vụ; cơ quan khớp danh mục: {linked_agencies}, giữ "
                          "nguyên chữ: {worded_agencies}").format(
            section_count=preview.section_count, task_count=preview.task_count,
            linked_agencies=preview.linked_agencies, worded_agencies=preview.worded_agencies)
    )
    for problem in preview.problems:
        print(f"  {problem}")
    if plan is not None:
        print(translate("Core", "Đã tạo kế hoạch {id}").format(id=plan.id))
    elif preview.problems:
        print(translate("Core", "Chưa nhập được: {count} dòng chưa hiểu.").format(count=len(preview.problems)))
        return 1
    else:
        print(translate("Core", "Xem trước: chưa ghi gì (bỏ --dry-run để nhập)."))
    return 0


def run_export(ctx: Context, args) -> int:
    output = Path(args.output)
    fmt = args.format or output.suffix.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise PtdsError(translate("Core", "Không rõ định dạng của {name}: hãy dùng --format {choices}.").format(
            name=output.name, choices=translate("Core", " hoặc ").join(EXPORT_FORMATS)))
    with ctx.db().unit_of_work() as s:
        plan_id = _resolve(s, Plan, args.plan, PLAN)
        matrix = plans.plan_matrix(s, plan_id)
        document = matrix_document(matrix) if fmt == "xlsx" else plan_document(s, plan_id)
    write_document(document, output, fmt)
    print(translate("Core", "Đã xuất {sections} nhóm, {tasks} nhiệm vụ vào {output}").format(
        sections=len(matrix.sections), tasks=len(matrix.tasks), output=output))
    return 0


def run_overdue(ctx: Context, args) -> int:
    on = parse_date(args.on, "ngày") if args.on else None
    with ctx.db().unit_of_work() as s:
        rows = progress.overdue_tasks(s, on)
    if args.json:
        print_json(
            [
                {
                    "task_id": o.task.id,
                    "plan_id": o.plan.id,
                    "plan": o.plan.citation,
                    "code": o.task.code,
                    "content": o.task.content,
                    "timeframe": o.task.timeframe_text,
                    "due_on": o.task.timeframe.due_on,
                    "days_late": o.days_late,
                    "lead": list(o.task.labels("lead") or o.task.labels("lead_advisory")),
                    "latest": [{"office": r.office_name, "status": r.status, "percent": r.percent} for r in o.latest],
                }
                for o in rows
            ]
        )
        return 0
    print_table(
        [
        QT_TRANSLATE_NOOP("Columns", "id"), QT_TRANSLATE_NOOP("Columns", "Kế hoạch"),
        QT_TRANSLATE_NOOP("Columns", "TT"), QT_TRANSLATE_NOOP("Columns", "Nội dung"),
        QT_TRANSLATE_NOOP("Columns", "Hạn"), QT_TRANSLATE_NOOP("Columns", "Trễ (ngày)")
    ],
        [
            [
                o.task.id,
                o.plan.number_symbol or o.plan.title[:20],
                o.task.code or "",
                o.task.content[:60],
                format_date(o.task.timeframe.due_on) if o.task.timeframe.due_on else "",
                o.days_late,
            ]
            for o in rows
        ],
    )
    return 0


def run_report(ctx: Context, args) -> int:
    on = parse_date(args.on, "ngày báo cáo") if args.on else None
    with ctx.db().unit_of_work() as s:
        task_id = _resolve(s, Task, args.task_id, TASK)
        report = progress.report_progress(
            s,
            progress.ReportInput(
                task_id,
                args.status,
                args.percent,
                args.text,
                on,
                attachments=tuple(Path(a) for a in args.attach),
            ),
        )
    if args.json:
        print_json(report)
    else:
        print(
            translate("Core", "Đã ghi báo cáo {id}: {status_label} {percent}% ngày {date}").format(
                id=report.id, status_label=report.status_label, percent=report.percent,
                date=format_date(report.reported_on))
        )
    return 0


def run_progress(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        matrix = progress.progress_matrix(s, _resolve(s, Plan, args.plan, PLAN))
    if args.json:
        print_json(
            {
                "plan_id": matrix.plan.id,
                "offices": [{"id": o, "name": n} for o, n in matrix.offices],
                "tasks": [
                    {
                        "id": t.id,
                        "code": t.code,
                        "content": t.content,
                        "assigned": list(t.assigned_office_ids),
                        "reports": {
                            o: dataclasses.asdict(r) for o, _n in matrix.offices if (r := matrix.cell(t.id, o))
                        },
                    }
                    for t in matrix.tasks
                ],
            }
        )
        return 0
    headers = ["TT", "Nội dung"] + [name for _o, name in matrix.offices]

    def cell(task, office_id: str) -> str:
        report = matrix.cell(task.id, office_id)
        if report:
            return f"{report.status_label} {report.percent}%"
        return "chưa báo cáo" if matrix.assigned(task, office_id) else ""

    print_table(
        headers, [[t.code or "", t.content[:50]] + [cell(t, o) for o, _n in matrix.offices] for t in matrix.tasks]
    )
    return 0


def run_mine(ctx: Context, args) -> int:
    with ctx.db().unit_of_work() as s:
        rows = progress.tasks_of_my_office(s)
    if args.json:
        print_json(
            [
                {
                    "task_id": m.task.id,
                    "plan": m.plan.citation,
                    "content": m.task.content,
                    "timeframe": m.task.timeframe_text,
                    "due_on": m.task.timeframe.due_on,
                    "my_latest": m.my_latest,
                }
                for m in rows
            ]
        )
        return 0
    print_table(
        [
        QT_TRANSLATE_NOOP("Columns", "id"), QT_TRANSLATE_NOOP("Columns", "Kế hoạch"),
        QT_TRANSLATE_NOOP("Columns", "Nội dung"), QT_TRANSLATE_NOOP("Columns", "Thời gian"),
        QT_TRANSLATE_NOOP("Columns", "Báo cáo gần nhất")
    ],
        [
            [
                m.task.id,
                m.plan.number_symbol or "",
                m.task.content[:50],
                m.task.timeframe_text,
                f"{m.my_latest.status_label} {m.my_latest.percent}%" if m.my_latest else "chưa",
            ]
            for m in rows
        ],
    )
    return 0
