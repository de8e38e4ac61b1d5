"""Plans (KH, CTr), their sections and ordered tasks with agencies per role, timeframes and assigned offices.

Agencies are references (services/references.py). A task's timeframe is stored as printed plus its parsed
structure and derived due date (services/timeframes.py). The matrix of a plan is read in a fixed number of
queries whatever its size (`plan_matrix`), for the editor, the Excel export and the plan document alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ptds_desktop.db.capture import bulk_insert
from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.models import Office, Organization, Person, Plan, PlanSection, Task, TaskAgency, TaskAssignment
from ptds_desktop.models.enums import PLAN_KINDS, TASK_AGENCY_ROLES
from ptds_desktop.services.common import clean, folded_contains, get_live, required, untombstone
from ptds_desktop.services.references import Reference, reference_labels, validate_reference
from ptds_desktop.services.timeframes import Timeframe, parse_timeframe, phases_timeframe
from ptds_desktop.text import format_date

DEFAULT_ROLES = ("lead", "coordinating")  # seed 003's matrix; seed 001 uses directing, lead_advisory, implementing
SEED_PHASE_LABELS = ("Giai đoạn 1 (đến năm 2025)", "Giai đoạn 2 (2026 - 2030)", "Giai đoạn 3 (sau năm 2030)")


# ---------------------------------------------------------------- data


@dataclasses.dataclass(frozen=True)
class PlanInput:
    title: str
    kind: str = "KH"
    number_symbol: str | None = None
    issued_on: dt.date | None = None
    place_name: str | None = None
    issuer_org_id: str | None = None
    parent_issuer_text: str | None = None
    legal_bases: str | None = None  # the documents it implements, one a line
    preamble: str | None = None
    purpose: str | None = None
    requirements: str | None = None
    body: str | None = None
    appendix_title: str | None = None
    matrix_roles: tuple[str, ...] = ()  # empty: the roles the tasks use
    phase_labels: tuple[str, ...] = ()  # empty: one "Thời gian thực hiện" column


@dataclasses.dataclass(frozen=True)
class PlanData:
    id: str
    kind: str
    number_symbol: str | None
    issued_on: dt.date | None
    place_name: str | None
    issuer_org_id: str | None
    issuer_name: str | None
    parent_issuer_text: str | None
    title: str
    legal_bases: str | None
    preamble: str | None
    purpose: str | None
    requirements: str | None
    body: str | None
    appendix_title: str | None
    matrix_roles: tuple[str, ...]
    phase_labels: tuple[str, ...]
    owner_office_id: str
    task_count: int = 0

    @property
    def kind_label(self) -> str:
        return PLAN_KINDS.get(self.kind, self.kind)

    @property
    def citation(self) -> str:
        """ "Chương trình hành động số 04/CTr-UBND ngày 31/12/2024" (as far as number and date are known)."""
        words = self.kind_label
        if self.number_symbol:
            words += f" số {self.number_symbol}"
        if self.issued_on:
            words += f" ngày {format_date(self.issued_on)}"
        return words


@dataclasses.dataclass(frozen=True)
class SectionData:
    id: str
    plan_id: str
    code: str
    title: str
    sort_order: int


@dataclasses.dataclass(frozen=True)
class AgencyData:
    reference: Reference
    label: str  # as printed


@dataclasses.dataclass(frozen=True)
class TaskInput:
    content: str
    section_id: str | None = None
    code: str | None = None
    timeframe_text: str | None = None
    phases: tuple[int, ...] = ()  # marks under the plan's phase columns (1-based); used when no text
    deliverable: str | None = None
    agencies: Mapping[str, Sequence[Reference]] = dataclasses.field(default_factory=dict)
    assigned_office_ids: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class TaskData:
    id: str
    plan_id: str
    section_id: str | None
    code: str | None
    sort_order: int
    content: str
    timeframe: Timeframe
    deliverable: str | None
    agencies: Mapping[str, tuple[AgencyData, ...]]
    assigned_office_ids: tuple[str, ...]
    owner_office_id: str

    def labels(self, role: str) -> tuple[str, ...]:
        return tuple(a.label for a in self.agencies.get(role, ()))

    def agencies_text(self, role: str) -> str:
        """One matrix cell: the agencies of a role as the seeds print them ("A; B; C")."""
        return "; ".join(self.labels(role))

    @property
    def timeframe_text(self) -> str:
        return self.timeframe.text or ""


@dataclasses.dataclass(frozen=True)
class PlanMatrix:
    plan: PlanData
    sections: tuple[SectionData, ...]
    tasks: tuple[TaskData, ...]  # in matrix order: by section, then by order

    @property
    def roles(self) -> tuple[str, ...]:
        """The agency columns: as the plan sets them, else the roles its tasks use, in the usual order."""
        if self.plan.matrix_roles:
            return self.plan.matrix_roles
        used = {role for t in self.tasks for role in t.agencies}
        return tuple(r for r in TASK_AGENCY_ROLES if r in used) or DEFAULT_ROLES

    def tasks_of(self, section_id: str | None) -> tuple[TaskData, ...]:
        return tuple(t for t in self.tasks if t.section_id == section_id)


# ---------------------------------------------------------------- plans


def _lines(values: Sequence[str]) -> str | None:
    kept = [v for v in (clean(x) for x in values) if v]
    return "\n".join(kept) or None


def _clean_block(text: str | None) -> str | None:
    """Multi-line text: each line cleaned, blank lines dropped."""
    if text is None:
        return None
    return _lines(text.splitlines())


def _plan_values(session: Session, data: PlanInput) -> dict[str, Any]:
    if data.kind not in PLAN_KINDS:
        raise ValidationError(translate("Core", "Loại văn bản không hợp lệ: {kind!r} (chọn: {choices}).").format(
            kind=data.kind, choices=", ".join(PLAN_KINDS)), "kind")
    for role in data.matrix_roles:
        if role not in TASK_AGENCY_ROLES:
            raise ValidationError(
                translate("Core", "Cột cơ quan không hợp lệ: {role!r} (chọn: {choices}).").format(
                    role=role, choices=", ".join(TASK_AGENCY_ROLES)), "matrix_roles"
            )
    if data.issuer_org_id:
        get_live(session, Organization, data.issuer_org_id, "cơ quan ban hành")
    number = clean(data.number_symbol)
    if number and len(number) > 50:
        raise ValidationError(translate("Core", "Số, ký hiệu dài quá 50 ký tự ({count}).").format(
            count=len(number)), "number_symbol")
    return {
        "title": required(data.title, "Trích yếu (tên kế hoạch)", "title"),
        "kind": data.kind,
        "number_symbol": number,
        "issued_on": data.issued_on,
        "place_name": clean(data.place_name),
        "issuer_org_id": data.issuer_org_id or None,
        "parent_issuer_text": clean(data.parent_issuer_text),
        "legal_bases": _clean_block(data.legal_bases),
        "preamble": _clean_block(data.preamble),
        "purpose": _clean_block(data.purpose),
        "requirements": _clean_block(data.requirements),
        "body": _clean_block(data.body),
        "appendix_title": _clean_block(data.appendix_title),
        "matrix_roles": ",".join(dict.fromkeys(data.matrix_roles)) or None,
        "phase_labels": _lines(data.phase_labels),
    }


def _plan_data(plan: Plan, issuer_name: str | None, task_count: int = 0) -> PlanData:
    return PlanData(
        id=plan.id,
        kind=plan.kind,
        number_symbol=plan.number_symbol,
        issued_on=plan.issued_on,
        place_name=plan.place_name,
        issuer_org_id=plan.issuer_org_id,
        issuer_name=issuer_name,
        parent_issuer_text=plan.parent_issuer_text,
        title=plan.title,
        legal_bases=plan.legal_bases,
        preamble=plan.preamble,
        purpose=plan.purpose,
        requirements=plan.requirements,
        body=plan.body,
        appendix_title=plan.appendix_title,
        matrix_roles=tuple(plan.matrix_roles.split(",")) if plan.matrix_roles else (),
        phase_labels=tuple(plan.phase_labels.splitlines()) if plan.phase_labels else (),
        owner_office_id=plan.owner_office_id,
        task_count=task_count,
    )


def _data_of_plan(session: Session, plan: Plan) -> PlanData:
    issuer_org = session.get(Organization, plan.issuer_org_id) if plan.issuer_org_id else None
    issuer = issuer_org.name if issuer_org else None
    count = session.scalar(select(func.count()).where(Task.plan_id == plan.id, Task.deleted.is_(False)))
    return _plan_data(plan, issuer, count or 0)


def create_plan(session: Session, data: PlanInput) -> PlanData:
    plan = Plan(**_plan_values(session, data))
    session.add(plan)
    session.flush()
    return _data_of_plan(session, plan)


def update_plan(session: Session, plan_id: str, data: PlanInput) -> PlanData:
    plan = get_live(session, Plan, plan_id, "kế hoạch")
    for key, value in _plan_values(session, data).items():
        if getattr(plan, key) != value:
            setattr(plan, key, value)
    session.flush()
    return _data_of_plan(session, plan)


def delete_plan(session: Session, plan_id: str) -> PlanData:
    """Tombstone the plan; its sections and tasks go with it (they are only reachable through it)."""
    plan = get_live(session, Plan, plan_id, "kế hoạch")
    plan.deleted = True
    session.flush()
    return _data_of_plan(session, plan)


def restore_plan(session: Session, plan_id: str) -> PlanData:
    return _data_of_plan(session, untombstone(session, Plan, plan_id, "kế hoạch"))


def get_plan(session: Session, plan_id: str) -> PlanData:
    return _data_of_plan(session, get_live(session, Plan, plan_id, "kế hoạch"))


def list_plans(session: Session, query: str = "") -> list[PlanData]:
    """Live plans, newest first; `query` matches number or title without diacritics."""
    counts = (
        select(Task.plan_id, func.count().label("n")).where(Task.deleted.is_(False)).group_by(Task.plan_id).subquery()
    )
    stmt = (
        select(Plan, Organization.name, func.coalesce(counts.c.n, 0))
        .outerjoin(Organization, Organization.id == Plan.issuer_org_id)
        .outerjoin(counts, counts.c.plan_id == Plan.id)
        .where(Plan.deleted.is_(False))
    )
    if query.strip():
        stmt = stmt.where(folded_contains(query, Plan.number_symbol, Plan.title))
    stmt = stmt.order_by(Plan.issued_on.desc().nulls_last(), func.ptds_fold(Plan.title))
    return [_plan_data(plan, issuer, n) for plan, issuer, n in session.execute(stmt)]


# ---------------------------------------------------------------- sections


def _section_data(s: PlanSection) -> SectionData:
    return SectionData(s.id, s.plan_id, s.code, s.title, s.sort_order)


def _live_sections(session: Session, plan_id: str) -> list[PlanSection]:
    return list(
        session.scalars(
            select(PlanSection)
            .where(PlanSection.plan_id == plan_id, PlanSection.deleted.is_(False))
            .order_by(PlanSection.sort_order)
        )
    )


def add_section(session: Session, plan_id: str, code: str, title: str) -> SectionData:
    get_live(session, Plan, plan_id, "kế hoạch")
    sections = _live_sections(session, plan_id)
    section = PlanSection(
        plan_id=plan_id,
        code=required(code, "Số thứ tự nhóm (I, II…)", "code", 10),
        title=required(title, "Tên nhóm nhiệm vụ", "title"),
        sort_order=(sections[-1].sort_order + 1) if sections else 1,
    )
    session.add(section)
    session.flush()
    return _section_data(section)


def update_section(session: Session, section_id: str, code: str, title: str) -> SectionData:
    section = get_live(session, PlanSection, section_id, "nhóm nhiệm vụ")
    values = {
        "code": required(code, "Số thứ tự nhóm (I, II…)", "code", 10),
        "title": required(title, "Tên nhóm nhiệm vụ", "title"),
    }
    for key, value in values.items():
        if getattr(section, key) != value:
            setattr(section, key, value)
    session.flush()
    return _section_data(section)


def delete_section(session: Session, section_id: str) -> SectionData:
    section = get_live(session, PlanSection, section_id, "nhóm nhiệm vụ")
    count = session.scalar(select(func.count()).where(Task.section_id == section_id, Task.deleted.is_(False)))
    if count:
        raise ValidationError(
            translate("Core", "Nhóm “{code}. {title}” còn {count} nhiệm vụ; chuyển hoặc xóa chúng trước.").format(
                code=section.code, title=section.title, count=count), "section_id"
        )
    section.deleted = True
    session.flush()
    return _section_data(section)


# ---------------------------------------------------------------- tasks


@dataclasses.dataclass(frozen=True)
class _TaskValues:
    row: dict[str, Any]
    agencies: list[tuple[str, Reference]]
    office_ids: tuple[str, ...]


def _timeframe(data: TaskInput, phase_labels: Sequence[str]) -> Timeframe:
    text_frame = parse_timeframe(data.timeframe_text)
    if text_frame.text is not None or not data.phases:
        return text_frame
    bad = [p for p in data.phases if not 1 <= p <= max(len(phase_labels), 1)]
    if not phase_labels or bad:
        raise ValidationError(
            translate("Core", "Giai đoạn {phase} không có trong kế hoạch (kế hoạch có {count} giai đoạn).").format(
                phase=bad or list(data.phases), count=len(phase_labels)),
            "phases",
        )
    return phases_timeframe(list(data.phases), list(phase_labels))


def _task_values(
    session: Session,
    plan: Plan,
    data: TaskInput,
    *,
    checked_offices: set[str] | None = None,
    checked_refs: dict[tuple[Reference, str], Reference] | None = None,
) -> _TaskValues:
    content = required(data.content, "Nội dung nhiệm vụ", "content")
    if data.section_id:
        section = get_live(session, PlanSection, data.section_id, "nhóm nhiệm vụ")
        if section.plan_id != plan.id:
            raise ValidationError(translate("Core", "Nhóm nhiệm vụ thuộc kế hoạch khác."), "section_id")
    code = clean(data.code)
    if code and len(code) > 20:
        raise ValidationError(
            translate("Core", "Số thứ tự dài quá 20 ký tự ({count}).").format(count=len(code)), "code")
    phase_labels = plan.phase_labels.splitlines() if plan.phase_labels else []
    frame = _timeframe(data, phase_labels)
    if frame.text and len(frame.text) > 200:
        raise ValidationError(translate("Core", "Thời gian thực hiện dài quá 200 ký tự ({count}).").format(
            count=len(frame.text)), "timeframe_text")
    agencies = []
    for role, refs in data.agencies.items():
        if role not in TASK_AGENCY_ROLES:
            raise ValidationError(
                translate("Core", "Vai trò cơ quan không hợp lệ: {role!r}.").format(role=role), "agencies")
        for ref in refs:
            if ref.is_empty:
                continue
            # An import names the same few agencies on every row: each is checked once.
            valid = checked_refs.get((ref, role)) if checked_refs is not None else None
            if valid is None:
                valid = validate_reference(session, ref, role)
                if checked_refs is not None:
                    checked_refs[(ref, role)] = valid
            agencies.append((role, valid))
    office_ids = tuple(dict.fromkeys(data.assigned_office_ids))
    for office_id in office_ids:
        if checked_offices is not None and office_id in checked_offices:
            continue
        get_live(session, Office, office_id, "văn phòng được giao")
        if checked_offices is not None:
            checked_offices.add(office_id)
    row = {
        "plan_id": plan.id,
        "section_id": data.section_id or None,
        "code": code,
        "content": content,
        "timeframe_kind": frame.kind,
        "timeframe_value": frame.value,
        "timeframe_text": frame.text,
        "due_on": frame.due_on,
        "deliverable": _clean_block(data.deliverable),
    }
    return _TaskValues(row, agencies, office_ids)


def _agency_rows(task_id: str, agencies: list[tuple[str, Reference]]) -> list[dict[str, Any]]:
    return [
        {
            "task_id": task_id,
            "role": role,
            "sort_order": order,
            "organization_id": ref.organization_id,
            "person_id": ref.person_id,
            "text": ref.text,
        }
        for order, (role, ref) in enumerate(agencies, start=1)
    ]


def _in_section(section_id: str | None) -> ColumnElement[bool]:
    return Task.section_id.is_(None) if section_id is None else Task.section_id == section_id


def _next_order(session: Session, plan_id: str, section_id: str | None) -> int:
    current = session.scalar(
        select(func.max(Task.sort_order)).where(
            Task.plan_id == plan_id, _in_section(section_id), Task.deleted.is_(False)
        )
    )
    return (current or 0) + 1


def add_task(session: Session, plan_id: str, data: TaskInput) -> TaskData:
    plan = get_live(session, Plan, plan_id, "kế hoạch")
    values = _task_values(session, plan, data)
    task = Task(sort_order=_next_order(session, plan_id, values.row["section_id"]), **values.row)
    session.add(task)
    session.flush()
    _write_links(session, task.id, values)
    return task_data(session, task.id)


def _write_links(session: Session, task_id: str, values: _TaskValues) -> None:
    session.add_all(TaskAgency(**row) for row in _agency_rows(task_id, values.agencies))
    session.add_all(TaskAssignment(task_id=task_id, office_id=o) for o in values.office_ids)
    session.flush()


def update_task(session: Session, task_id: str, data: TaskInput) -> TaskData:
    """Change a task; agencies and assignments are replaced by those given (unchanged rows are kept as they are)."""
    task = get_live(session, Task, task_id, "nhiệm vụ")
    plan = get_live(session, Plan, task.plan_id, "kế hoạch")
    values = _task_values(session, plan, data)
    if values.row["section_id"] != task.section_id:
        task.sort_order = _next_order(session, plan.id, values.row["section_id"])
    for key, value in values.row.items():
        if getattr(task, key) != value:
            setattr(task, key, value)
    wanted = _agency_rows(task_id, values.agencies)
    current = list(
        session.scalars(
            select(TaskAgency)
            .where(TaskAgency.task_id == task_id, TaskAgency.deleted.is_(False))
            .order_by(TaskAgency.sort_order)
        )
    )
    for index, row in enumerate(wanted):
        if index < len(current):
            for key, value in row.items():
                if getattr(current[index], key) != value:
                    setattr(current[index], key, value)
        else:
            session.add(TaskAgency(**row))
    for extra in current[len(wanted) :]:
        extra.deleted = True
    assigned = {
        a.office_id: a
        for a in session.scalars(
            select(TaskAssignment).where(TaskAssignment.task_id == task_id, TaskAssignment.deleted.is_(False))
        )
    }
    for office_id, assignment in assigned.items():
        if office_id not in values.office_ids:
            assignment.deleted = True
    session.add_all(TaskAssignment(task_id=task_id, office_id=o) for o in values.office_ids if o not in assigned)
    session.flush()
    return task_data(session, task_id)


def delete_task(session: Session, task_id: str) -> TaskData:
    task = get_live(session, Task, task_id, "nhiệm vụ")
    task.deleted = True
    session.flush()
    return task_data(session, task_id, include_deleted=True)


def restore_task(session: Session, task_id: str) -> TaskData:
    untombstone(session, Task, task_id, "nhiệm vụ")
    return task_data(session, task_id)


def _section_tasks(session: Session, task: Task) -> list[Task]:
    return list(
        session.scalars(
            select(Task)
            .where(Task.plan_id == task.plan_id, _in_section(task.section_id), Task.deleted.is_(False))
            .order_by(Task.sort_order)
        )
    )


def move_task(session: Session, task_id: str, position: int) -> list[TaskData]:
    """Put a task at `position` (0-based) within its section; the others keep their relative order.
    Only rows whose order changes are written. Returns the section's tasks in their new order."""
    task = get_live(session, Task, task_id, "nhiệm vụ")
    tasks = _section_tasks(session, task)
    if not 0 <= position < len(tasks):
        raise ValidationError(translate("Core", "Vị trí {position} nằm ngoài nhóm (có {count} nhiệm vụ).").format(
            position=position + 1, count=len(tasks)), "position")
    tasks.remove(task)
    tasks.insert(position, task)
    for order, row in enumerate(tasks, start=1):
        if row.sort_order != order:
            row.sort_order = order
    session.flush()
    return [task_data(session, t.id) for t in tasks]


# ---------------------------------------------------------------- reading


def _task_rows(
    session: Session, where: Sequence[ColumnElement[bool]]
) -> tuple[list[Task], dict[str, list[TaskAgency]], dict[str, list[str]]]:
    tasks = list(session.scalars(select(Task).where(*where)))
    ids = [t.id for t in tasks]
    agencies: dict[str, list[TaskAgency]] = defaultdict(list)
    offices: dict[str, list[str]] = defaultdict(list)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for agency in session.scalars(
            select(TaskAgency)
            .where(TaskAgency.task_id.in_(chunk), TaskAgency.deleted.is_(False))
            .order_by(TaskAgency.sort_order)
        ):
            agencies[agency.task_id].append(agency)
        for task_id, office_id in session.execute(
            select(TaskAssignment.task_id, TaskAssignment.office_id).where(
                TaskAssignment.task_id.in_(chunk), TaskAssignment.deleted.is_(False)
            )
        ):
            offices[task_id].append(office_id)
    return tasks, agencies, offices


def _build_tasks(
    session: Session, tasks: list[Task], agencies: dict[str, list[TaskAgency]], offices: dict[str, list[str]]
) -> list[TaskData]:
    all_agencies = [a for t in tasks for a in agencies.get(t.id, ())]
    refs = [Reference(a.organization_id, a.person_id, a.text) for a in all_agencies]
    labels = dict(zip((a.id for a in all_agencies), reference_labels(session, refs)))
    result = []
    for t in tasks:
        by_role: dict[str, list[AgencyData]] = defaultdict(list)
        for a in agencies.get(t.id, ()):
            by_role[a.role].append(AgencyData(Reference(a.organization_id, a.person_id, a.text), labels[a.id]))
        result.append(
            TaskData(
                id=t.id,
                plan_id=t.plan_id,
                section_id=t.section_id,
                code=t.code,
                sort_order=t.sort_order,
                content=t.content,
                timeframe=Timeframe(t.timeframe_kind, t.timeframe_value, t.timeframe_text, t.due_on),
                deliverable=t.deliverable,
                agencies={r: tuple(v) for r, v in by_role.items()},
                assigned_office_ids=tuple(sorted(offices.get(t.id, ()))),
                owner_office_id=t.owner_office_id,
            )
        )
    return result


def task_data(session: Session, task_id: str, *, include_deleted: bool = False) -> TaskData:
    where = [Task.id == task_id] if include_deleted else [Task.id == task_id, Task.deleted.is_(False)]
    tasks, agencies, offices = _task_rows(session, where)
    if not tasks:
        get_live(session, Task, task_id, "nhiệm vụ")  # raises the not-found message
    return _build_tasks(session, tasks, agencies, offices)[0]


def tasks_data(session: Session, where: Sequence[ColumnElement[bool]]) -> list[TaskData]:
    """Tasks matching SQL conditions (live ones only), with agencies and assignments, in no particular order."""
    tasks, agencies, offices = _task_rows(session, [Task.deleted.is_(False), *where])
    return _build_tasks(session, tasks, agencies, offices)


def plan_matrix(session: Session, plan_id: str) -> PlanMatrix:
    """The plan with its sections and tasks in matrix order (sectionless tasks first)."""
    plan = get_plan(session, plan_id)
    sections = tuple(_section_data(s) for s in _live_sections(session, plan_id))
    rank = {s.id: i for i, s in enumerate(sections, start=1)}
    tasks = tasks_data(session, [Task.plan_id == plan_id])
    tasks.sort(key=lambda t: (rank.get(t.section_id or "", 0), t.sort_order))
    return PlanMatrix(plan, sections, tuple(tasks))


# ---------------------------------------------------------------- bulk creation (imports)


@dataclasses.dataclass(frozen=True)
class SectionInput:
    code: str
    title: str
    tasks: tuple[TaskInput, ...]


def create_plan_with_matrix(
    session: Session, data: PlanInput, sections: Sequence[SectionInput], loose_tasks: Sequence[TaskInput] = ()
) -> PlanData:
    """A new plan with its whole matrix, validated row by row, written with one bulk insert per table.
    Returns the plan (with its task count); read the matrix with `plan_matrix` when it is to be shown."""
    plan_data = create_plan(session, data)
    plan = get_live(session, Plan, plan_data.id, "kế hoạch")
    section_rows = [
        {
            "plan_id": plan.id,
            "code": required(s.code, "Số thứ tự nhóm", "code", 10),
            "title": required(s.title, "Tên nhóm nhiệm vụ", "title"),
            "sort_order": order,
        }
        for order, s in enumerate(sections, start=1)
    ]
    section_ids = bulk_insert(session, PlanSection, section_rows)
    # Held while validating: the session's identity map keeps rows only weakly, so without these every
    # agency of every task would be fetched again (thousands of queries for a large matrix).
    all_refs = [
        r
        for group in (loose_tasks, *(s.tasks for s in sections))
        for t in group
        for refs in t.agencies.values()
        for r in refs
    ]
    held = [
        *session.scalars(
            select(Organization).where(Organization.id.in_({r.organization_id for r in all_refs if r.organization_id}))
        ),
        *session.scalars(select(Person).where(Person.id.in_({r.person_id for r in all_refs if r.person_id}))),
    ]
    task_rows: list[dict[str, Any]] = []
    links: list[_TaskValues] = []
    checked: set[str] = set()
    checked_refs: dict[tuple[Reference, str], Reference] = {}
    groups = [(None, loose_tasks)] + [(sid, s.tasks) for sid, s in zip(section_ids, sections)]
    for section_id, tasks in groups:
        for order, task in enumerate(tasks, start=1):
            values = _task_values(
                session, plan, dataclasses.replace(task, section_id=None), checked_offices=checked,
                checked_refs=checked_refs,
            )
            task_rows.append({**values.row, "section_id": section_id, "sort_order": order})
            links.append(values)
    task_ids = bulk_insert(session, Task, task_rows)
    agency_rows = [row for task_id, v in zip(task_ids, links) for row in _agency_rows(task_id, v.agencies)]
    bulk_insert(session, TaskAgency, agency_rows)
    bulk_insert(
        session,
        TaskAssignment,
        [{"task_id": task_id, "office_id": o} for task_id, v in zip(task_ids, links) for o in v.office_ids],
    )
    del held
    return get_plan(session, plan.id)
