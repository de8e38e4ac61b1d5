"""Progress on tasks, reported by the offices they are assigned to.

A report belongs to the office that wrote it (its owner): a commune reports in its own database, the report
reaches the province by bundle, and only the commune may change it. The province reads every office's latest
report in the progress matrix; a task is done when every office it is assigned to says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.db.session import office_of
from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import Attachment, Office, Organization, Plan, ProgressReport, Task, TaskAssignment
from ptds_desktop.models.enums import PROGRESS_STATUSES
from ptds_desktop.services.attachments import store_attachment
from ptds_desktop.services.common import clean, get_live
from ptds_desktop.services.plans import PlanData, TaskData, get_plan, plan_matrix, tasks_data
from ptds_desktop.text import fold, format_date, matches


@dataclasses.dataclass(frozen=True)
class ReportInput:
    task_id: str
    status: str
    percent: int | None = None  # default: 0 not started, 100 done, else 0
    text: str | None = None
    reported_on: dt.date | None = None  # default: today
    organization_id: str | None = None  # the reporting organization, when it is in the catalogue
    attachments: tuple[Path, ...] = ()


@dataclasses.dataclass(frozen=True)
class ReportData:
    id: str
    task_id: str
    office_id: str  # the reporting office (owner of the report)
    office_name: str
    organization_id: str | None
    reported_on: dt.date
    status: str
    percent: int
    text: str | None
    attachment_names: tuple[str, ...]

    @property
    def status_label(self) -> str:
        return PROGRESS_STATUSES.get(self.status, self.status)


def _office_names(session: Session) -> dict[str, str]:
    return {office_id: name for office_id, name in session.execute(select(Office.id, Office.name))}


def _report_data(session: Session, reports: Sequence[ProgressReport]) -> list[ReportData]:
    names = _office_names(session)
    files: dict[str, list[str]] = {}
    ids = [r.id for r in reports]
    for start in range(0, len(ids), 500):
        for owner, filename in session.execute(
            select(Attachment.owner_row_id, Attachment.filename).where(
                Attachment.owner_table == "progress_reports",
                Attachment.owner_row_id.in_(ids[start : start + 500]),
                Attachment.deleted.is_(False),
            )
        ):
            files.setdefault(owner, []).append(filename)
    return [
        ReportData(
            id=r.id,
            task_id=r.task_id,
            office_id=r.owner_office_id,
            office_name=names.get(r.owner_office_id, r.owner_office_id),
            organization_id=r.organization_id,
            reported_on=r.reported_on,
            status=r.status,
            percent=r.percent,
            text=r.text,
            attachment_names=tuple(sorted(files.get(r.id, ()))),
        )
        for r in reports
    ]


def _values(session: Session, data: ReportInput) -> dict[str, Any]:
    if data.status not in PROGRESS_STATUSES:
        labels = ", ".join(f"{code} ({PROGRESS_STATUSES.translated(code)})" for code in PROGRESS_STATUSES)
        raise ValidationError(translate("Core", "Tình trạng không hợp lệ: {status!r}. Chọn: {labels}.").format(
            status=data.status, labels=labels), "status")
    percent = data.percent
    if percent is None:
        percent = 100 if data.status == "done" else 0
    if not 0 <= percent <= 100:
        raise ValidationError(translate("Core", "Tỷ lệ hoàn thành phải từ 0 đến 100 (đã nhập {percent}).").format(
            percent=percent), "percent")
    if data.status == "done" and percent != 100:
        raise ValidationError(translate("Core", "Đã hoàn thành thì tỷ lệ là 100%, không phải {percent}%.").format(
            percent=percent), "percent")
    if data.status == "not_started" and percent != 0:
        raise ValidationError(translate("Core", "Chưa thực hiện thì tỷ lệ là 0%, không phải {percent}%.").format(
            percent=percent), "percent")
    if data.organization_id:
        get_live(session, Organization, data.organization_id, "cơ quan báo cáo")
    for path in data.attachments:
        if not Path(path).is_file():
            raise ValidationError(translate("Core", "Không đọc được tệp đính kèm {path}: không có tệp này.").format(
                path=path), "attachments")
    reported_on = data.reported_on or dt.date.today()
    if reported_on > dt.date.today():
        raise ValidationError(translate("Core", "Ngày báo cáo {date} ở tương lai.").format(
            date=format_date(reported_on)), "reported_on")
    return {
        "status": data.status,
        "percent": percent,
        "text": clean(data.text),
        "reported_on": reported_on,
        "organization_id": data.organization_id or None,
    }


def _assigned_offices(session: Session, task_id: str) -> set[str]:
    return set(
        session.scalars(
            select(TaskAssignment.office_id).where(TaskAssignment.task_id == task_id, TaskAssignment.deleted.is_(False))
        )
    )


def report_progress(session: Session, data: ReportInput) -> ReportData:
    """A new report from this office on a task assigned to it (or on a task of a plan it owns)."""
    task = get_live(session, Task, data.task_id, "nhiệm vụ")
    office_id = office_of(session)
    plan = get_live(session, Plan, task.plan_id, "kế hoạch")
    if office_id not in _assigned_offices(session, task.id) and plan.owner_office_id != office_id:
        raise ValidationError(
            translate("Core", "Nhiệm vụ “{code} {content}” không giao cho văn phòng này; chỉ văn phòng được giao mới "
                              "báo cáo tiến độ.").format(code=task.code or "", content=task.content[:60]),
            "task_id",
        )
    report = ProgressReport(task_id=task.id, **_values(session, data))
    session.add(report)
    session.flush()
    for path in data.attachments:
        store_attachment(session, path, "progress_reports", report.id)
    return _report_data(session, [report])[0]


def update_report(session: Session, report_id: str, data: ReportInput) -> ReportData:
    """Correct a report. Only the office that wrote it may: the province reads communes' reports, never edits them."""
    report = get_live(session, ProgressReport, report_id, "báo cáo tiến độ")
    if report.owner_office_id != office_of(session):
        owner = session.get(Office, report.owner_office_id)
        raise ValidationError(
            translate("Core", "Báo cáo này của “{office}”; chỉ văn phòng đó được sửa.").format(
                office=owner.name if owner else report.owner_office_id),
            "report_id",
        )
    for key, value in _values(session, data).items():
        if getattr(report, key) != value:
            setattr(report, key, value)
    session.flush()
    for path in data.attachments:
        store_attachment(session, path, "progress_reports", report.id)
    return _report_data(session, [report])[0]


def reports_of_task(session: Session, task_id: str) -> list[ReportData]:
    """Every report on a task, newest first."""
    rows = session.scalars(
        select(ProgressReport)
        .where(ProgressReport.task_id == task_id, ProgressReport.deleted.is_(False))
        .order_by(ProgressReport.reported_on.desc(), ProgressReport.hlc.desc())
    ).all()
    return _report_data(session, rows)


def _latest_reports(session: Session, task_ids: Sequence[str]) -> dict[tuple[str, str], ReportData]:
    """(task id, office id) → that office's newest report on the task."""
    latest: dict[tuple[str, str], ProgressReport] = {}
    for start in range(0, len(task_ids), 500):
        rows = session.scalars(
            select(ProgressReport)
            .where(ProgressReport.task_id.in_(task_ids[start : start + 500]), ProgressReport.deleted.is_(False))
            .order_by(ProgressReport.reported_on, ProgressReport.hlc)
        )
        for r in rows:
            latest[(r.task_id, r.owner_office_id)] = r
    keys = list(latest)
    return dict(zip(keys, _report_data(session, [latest[k] for k in keys])))


def _is_done(task: TaskData, latest: dict[tuple[str, str], ReportData]) -> bool:
    reports = {office: r for (task_id, office), r in latest.items() if task_id == task.id}
    offices = task.assigned_office_ids or tuple(reports)
    return bool(offices) and all(reports.get(o) is not None and reports[o].status == "done" for o in offices)


@dataclasses.dataclass(frozen=True)
class ProgressMatrix:
    """Which office reported what on which task of a plan."""

    plan: PlanData
    tasks: tuple[TaskData, ...]
    offices: tuple[tuple[str, str], ...]  # (office id, name): assigned or reporting, by name
    cells: dict[tuple[str, str], ReportData]  # (task id, office id) → latest report

    def cell(self, task_id: str, office_id: str) -> ReportData | None:
        return self.cells.get((task_id, office_id))

    def assigned(self, task: TaskData, office_id: str) -> bool:
        return office_id in task.assigned_office_ids


def progress_matrix(session: Session, plan_id: str) -> ProgressMatrix:
    matrix = plan_matrix(session, plan_id)
    latest = _latest_reports(session, [t.id for t in matrix.tasks])
    names = _office_names(session)
    office_ids = {o for t in matrix.tasks for o in t.assigned_office_ids} | {o for _t, o in latest}
    offices = tuple(sorted(((o, names.get(o, o)) for o in office_ids), key=lambda pair: pair[1]))
    return ProgressMatrix(matrix.plan, matrix.tasks, offices, latest)


@dataclasses.dataclass(frozen=True)
class OverdueTask:
    task: TaskData
    plan: PlanData
    days_late: int
    latest: tuple[ReportData, ...]  # the newest report of each office, for "where is it stuck"


def overdue_tasks(session: Session, on: dt.date | None = None, plan_id: str | None = None) -> list[OverdueTask]:
    """Tasks whose derived due date is before `on` (default today) and that are not done, most overdue first."""
    on = on or dt.date.today()
    where = [Task.due_on.is_not(None), Task.due_on < on]
    if plan_id:
        where.append(Task.plan_id == plan_id)
    live_plans = select(Plan.id).where(Plan.deleted.is_(False))
    tasks = tasks_data(session, [*where, Task.plan_id.in_(live_plans)])
    latest = _latest_reports(session, [t.id for t in tasks])
    plans: dict[str, PlanData] = {}
    result = []
    for task in tasks:
        if _is_done(task, latest):
            continue
        if task.plan_id not in plans:
            plans[task.plan_id] = get_plan(session, task.plan_id)
        reports = tuple(r for (task_id, _o), r in latest.items() if task_id == task.id)
        assert task.timeframe.due_on is not None
        result.append(OverdueTask(task, plans[task.plan_id], (on - task.timeframe.due_on).days, reports))
    result.sort(key=lambda o: (-o.days_late, o.plan.title, o.task.sort_order))
    return result


@dataclasses.dataclass(frozen=True)
class MyTask:
    task: TaskData
    plan: PlanData
    my_latest: ReportData | None


def tasks_of_my_office(session: Session) -> list[MyTask]:
    """Tasks assigned to this office, with this office's newest report on each."""
    office_id = office_of(session)
    assigned = select(TaskAssignment.task_id).where(
        TaskAssignment.office_id == office_id, TaskAssignment.deleted.is_(False)
    )
    live_plans = select(Plan.id).where(Plan.deleted.is_(False))
    tasks = tasks_data(session, [Task.id.in_(assigned), Task.plan_id.in_(live_plans)])
    latest = _latest_reports(session, [t.id for t in tasks])
    plans: dict[str, PlanData] = {}
    result = []
    for task in tasks:
        if task.plan_id not in plans:
            plans[task.plan_id] = get_plan(session, task.plan_id)
        result.append(MyTask(task, plans[task.plan_id], latest.get((task.id, office_id))))
    result.sort(key=lambda m: (m.task.timeframe.due_on or dt.date.max, m.plan.title, m.task.sort_order))
    return result


# ---------------------------------------------------------------- overview (the matrix editor's filters and bars)

OVERALL_STATUSES = {**PROGRESS_STATUSES, "not_reported": QT_TRANSLATE_NOOP("Labels", "Chưa báo cáo")}


@dataclasses.dataclass(frozen=True)
class TaskStatus:
    """A task with its overall state: done when every assigned office says so; blocked when one is stuck."""

    task: TaskData
    status: str  # a PROGRESS_STATUSES code, or "not_reported"
    percent: int  # mean of the assigned offices' latest percentages (no report counts 0)
    overdue: bool

    @property
    def status_label(self) -> str:
        return OVERALL_STATUSES[self.status]

    def lead_labels(self) -> tuple[str, ...]:
        """The agencies answering for the task: lead, else lead advisory (seed 001's shape)."""
        return self.task.labels("lead") or self.task.labels("lead_advisory")


def _overall(task: TaskData, latest: dict[tuple[str, str], ReportData]) -> tuple[str, int]:
    reports = {office: r for (task_id, office), r in latest.items() if task_id == task.id}
    if not reports:
        return "not_reported", 0
    offices = task.assigned_office_ids or tuple(reports)
    percent = round(sum(reports[o].percent if o in reports else 0 for o in offices) / len(offices))
    if _is_done(task, latest):
        return "done", 100
    statuses = {r.status for r in reports.values()}
    if "blocked" in statuses:
        return "blocked", percent
    if statuses & {"in_progress", "done"}:
        return "in_progress", percent
    return "not_started", percent


def task_statuses(session: Session, plan_id: str, on: dt.date | None = None) -> list[TaskStatus]:
    """Every task of the plan in matrix order with its overall state on `on` (default today)."""
    on = on or dt.date.today()
    matrix = plan_matrix(session, plan_id)
    latest = _latest_reports(session, [t.id for t in matrix.tasks])
    result = []
    for task in matrix.tasks:
        status, percent = _overall(task, latest)
        due = task.timeframe.due_on
        result.append(TaskStatus(task, status, percent, due is not None and due < on and status != "done"))
    return result


def filter_statuses(
    statuses: Sequence[TaskStatus],
    *,
    text: str = "",
    lead: str = "",
    coordinating: str = "",
    status: str | None = None,
    overdue_only: bool = False,
) -> list[TaskStatus]:
    """Filters typed without diacritics: `text` over content, deliverable and every agency; `lead` and
    `coordinating` over those roles only."""
    kept = []
    for item in statuses:
        task = item.task
        if status and item.status != status:
            continue
        if overdue_only and not item.overdue:
            continue
        if lead and not matches(lead, *item.lead_labels()):
            continue
        if coordinating and not matches(coordinating, *task.labels("coordinating")):
            continue
        if text and not matches(
            text,
            task.code,
            task.content,
            task.deliverable,
            task.timeframe_text,
            *(label for role in task.agencies for label in task.labels(role)),
        ):
            continue
        kept.append(item)
    return kept


@dataclasses.dataclass(frozen=True)
class AgencyProgress:
    agency: str
    total: int
    done: int
    in_progress: int
    blocked: int
    not_started: int  # no report yet, or "not started"
    overdue: int


def agency_overview(statuses: Sequence[TaskStatus]) -> list[AgencyProgress]:
    """Per answering agency (lead, else lead advisory): how many tasks in each state, most overdue first."""
    counts: dict[str, dict[str, int]] = {}
    for item in statuses:
        for agency in item.lead_labels() or ("(chưa ghi cơ quan chủ trì)",):
            row = counts.setdefault(
                agency, {"total": 0, "done": 0, "in_progress": 0, "blocked": 0, "not_started": 0, "overdue": 0}
            )
            row["total"] += 1
            row["overdue"] += item.overdue
            key = item.status if item.status in ("done", "in_progress", "blocked") else "not_started"
            row[key] += 1
    rows = [AgencyProgress(agency, **values) for agency, values in counts.items()]
    rows.sort(key=lambda r: (-r.overdue, -r.total, fold(r.agency)))
    return rows
