"""Getting ready: presentations (tham luận), each organization's preparation duties, checklist steps dated from
the conference day, the checklist that merges them by due date, and the overview a planner opens first."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.models import (
    Conference,
    ConferenceMilestone,
    Organization,
    PreparationDuty,
    Presentation,
)
from ptds_desktop.services.common import clean, get_live, required
from ptds_desktop.services.conference_invitees import ReplyCounts, count_invitees
from ptds_desktop.services.conference_venues import list_venues, next_sort_order
from ptds_desktop.services.conferences import (
    ConferenceData,
    clean_lines,
    days_until,
    get_conference,
)

DEFAULT_PRESENTATION_MINUTES = 7  # "ngắn gọn, không quá 7 phút" (seed 000)


def is_overdue(due_on: dt.date | None, done: bool, today: dt.date) -> bool:
    """Overdue: not done and its due day has passed (the due day itself is still on time)."""
    return not done and due_on is not None and due_on < today


@dataclasses.dataclass(frozen=True)
class PresentationData:
    id: str
    conference_id: str
    organization_id: str | None
    organization_name: str | None
    topic: str | None
    max_minutes: int | None
    due_on: dt.date | None
    received: bool
    received_on: dt.date | None
    sort_order: int

    def overdue(self, today: dt.date) -> bool:
        return is_overdue(self.due_on, self.received, today)

    @property
    def label(self) -> str:
        return " — ".join(p for p in (self.organization_name, self.topic) if p)


@dataclasses.dataclass(frozen=True)
class PresentationInput:
    organization_id: str | None
    topic: str | None = None
    max_minutes: int | None = DEFAULT_PRESENTATION_MINUTES
    due_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class DutyData:
    id: str
    conference_id: str
    organization_id: str | None
    organization_text: str | None  # heading as printed; the organization's name when empty
    organization_name: str | None
    content: str
    due_on: dt.date | None
    done: bool
    sort_order: int

    @property
    def heading(self) -> str:
        return self.organization_text or self.organization_name or ""

    def overdue(self, today: dt.date) -> bool:
        return is_overdue(self.due_on, self.done, today)


@dataclasses.dataclass(frozen=True)
class DutyInput:
    content: str
    organization_id: str | None = None
    organization_text: str | None = None
    due_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class MilestoneData:
    id: str
    conference_id: str
    title: str
    days_before: int
    due_on: dt.date | None  # the conference day minus days_before; None while the conference has no date
    done: bool
    sort_order: int

    def overdue(self, today: dt.date) -> bool:
        return is_overdue(self.due_on, self.done, today)


@dataclasses.dataclass(frozen=True)
class ChecklistItem:
    kind: str  # "milestone", "duty", "presentation"
    row_id: str
    title: str
    who: str  # the organization responsible, "" for the organisers' own steps
    due_on: dt.date | None
    done: bool
    overdue: bool
    days_left: int | None  # from today to the due day


@dataclasses.dataclass(frozen=True)
class ConferenceOverview:
    conference: ConferenceData
    days_left: int | None
    replies: ReplyCounts
    venues: int
    presentations_total: int
    presentations_received: int
    presentations_overdue: int
    duties_total: int
    duties_done: int
    duties_overdue: int
    checklist_overdue: tuple[ChecklistItem, ...]
    next_steps: tuple[ChecklistItem, ...]  # the next open items by due date


def _org_names(session: Session, ids: set[Any]) -> dict[Any, Any]:
    ids.discard(None)
    if not ids:
        return {}
    return {o.id: o.name for o in session.scalars(select(Organization).where(Organization.id.in_(ids)))}


def _check_org(session: Session, organization_id: str | None) -> None:
    if organization_id:
        get_live(session, Organization, organization_id, "cơ quan, đơn vị")


def _positive_minutes(value: int | None, field: str) -> None:
    if value is not None and value <= 0:
        raise ValidationError(translate("Core", "Số phút phải lớn hơn 0 (đang là {value}).").format(value=value), field)


# ---------------------------------------------------------------- presentations


def _presentation_data(row: Presentation, names: dict[Any, Any]) -> PresentationData:
    return PresentationData(row.id, row.conference_id, row.organization_id, names.get(row.organization_id), row.topic,
                            row.max_minutes, row.due_on, row.received, row.received_on, row.sort_order)


def _presentation_values(session: Session, data: PresentationInput) -> dict[str, Any]:
    _check_org(session, data.organization_id)
    _positive_minutes(data.max_minutes, "max_minutes")
    topic = clean_lines(data.topic)
    if not data.organization_id and not topic:
        raise ValidationError(translate("Core", "Tham luận cần cơ quan trình bày hoặc chủ đề."), "organization_id")
    return {"organization_id": data.organization_id or None, "topic": topic, "max_minutes": data.max_minutes,
            "due_on": data.due_on}


def add_presentation(session: Session, conference_id: str, data: PresentationInput) -> PresentationData:
    get_live(session, Conference, conference_id, "hội nghị")
    row = Presentation(conference_id=conference_id, received=False,
                       sort_order=next_sort_order(session, Presentation, conference_id),
                       **_presentation_values(session, data))
    session.add(row)
    session.flush()
    return _presentation_data(row, _org_names(session, {row.organization_id}))


def update_presentation(session: Session, presentation_id: str, data: PresentationInput) -> PresentationData:
    row = get_live(session, Presentation, presentation_id, "tham luận")
    for key, value in _presentation_values(session, data).items():
        setattr(row, key, value)
    session.flush()
    return _presentation_data(row, _org_names(session, {row.organization_id}))


def mark_presentation_received(session: Session, presentation_id: str, received: bool = True,
                               on: dt.date | None = None) -> PresentationData:
    """Received on `on` (default today), or back to not received."""
    row = get_live(session, Presentation, presentation_id, "tham luận")
    row.received = received
    row.received_on = (on or dt.date.today()) if received else None
    session.flush()
    return _presentation_data(row, _org_names(session, {row.organization_id}))


def delete_presentation(session: Session, presentation_id: str) -> PresentationData:
    row = get_live(session, Presentation, presentation_id, "tham luận")
    row.deleted = True
    session.flush()
    return _presentation_data(row, _org_names(session, {row.organization_id}))


def list_presentations(session: Session, conference_id: str) -> list[PresentationData]:
    rows = session.scalars(select(Presentation).where(Presentation.conference_id == conference_id,
                                                      Presentation.deleted.is_(False))
                           .order_by(Presentation.sort_order, Presentation.id)).all()
    names = _org_names(session, {r.organization_id for r in rows})
    return [_presentation_data(r, names) for r in rows]


# ---------------------------------------------------------------- duties


def _duty_data(row: PreparationDuty, names: dict[Any, Any]) -> DutyData:
    return DutyData(row.id, row.conference_id, row.organization_id, row.organization_text,
                    names.get(row.organization_id), row.content, row.due_on, row.done, row.sort_order)


def _duty_values(session: Session, data: DutyInput) -> dict[str, Any]:
    _check_org(session, data.organization_id)
    heading = clean(data.organization_text)
    if not data.organization_id and not heading:
        raise ValidationError(translate("Core", "Nhiệm vụ chuẩn bị cần cơ quan thực hiện."), "organization_id")
    content = clean_lines(data.content)
    if not content:
        raise ValidationError(translate("Core", "Nội dung nhiệm vụ chuẩn bị không được để trống."), "content")
    return {"organization_id": data.organization_id or None, "organization_text": heading, "content": content,
            "due_on": data.due_on}


def add_duty(session: Session, conference_id: str, data: DutyInput) -> DutyData:
    get_live(session, Conference, conference_id, "hội nghị")
    row = PreparationDuty(conference_id=conference_id, done=False,
                          sort_order=next_sort_order(session, PreparationDuty, conference_id),
                          **_duty_values(session, data))
    session.add(row)
    session.flush()
    return _duty_data(row, _org_names(session, {row.organization_id}))


def update_duty(session: Session, duty_id: str, data: DutyInput) -> DutyData:
    row = get_live(session, PreparationDuty, duty_id, "nhiệm vụ chuẩn bị")
    for key, value in _duty_values(session, data).items():
        setattr(row, key, value)
    session.flush()
    return _duty_data(row, _org_names(session, {row.organization_id}))


def set_duty_done(session: Session, duty_id: str, done: bool = True) -> DutyData:
    row = get_live(session, PreparationDuty, duty_id, "nhiệm vụ chuẩn bị")
    row.done = done
    session.flush()
    return _duty_data(row, _org_names(session, {row.organization_id}))


def delete_duty(session: Session, duty_id: str) -> DutyData:
    row = get_live(session, PreparationDuty, duty_id, "nhiệm vụ chuẩn bị")
    row.deleted = True
    session.flush()
    return _duty_data(row, _org_names(session, {row.organization_id}))


def list_duties(session: Session, conference_id: str) -> list[DutyData]:
    rows = session.scalars(select(PreparationDuty).where(PreparationDuty.conference_id == conference_id,
                                                         PreparationDuty.deleted.is_(False))
                           .order_by(PreparationDuty.sort_order, PreparationDuty.id)).all()
    names = _org_names(session, {r.organization_id for r in rows})
    return [_duty_data(r, names) for r in rows]


# ---------------------------------------------------------------- checklist steps


def _milestone_data(row: ConferenceMilestone, day: dt.date | None) -> MilestoneData:
    due = day - dt.timedelta(days=row.days_before) if day else None
    return MilestoneData(row.id, row.conference_id, row.title, row.days_before, due, row.done, row.sort_order)


def _conference_day(session: Session, conference_id: str) -> dt.date | None:
    row = get_live(session, Conference, conference_id, "hội nghị")
    return row.starts_at.date() if row.starts_at else None


def add_milestone(session: Session, conference_id: str, title: str, days_before: int) -> MilestoneData:
    day = _conference_day(session, conference_id)
    if days_before < 0:
        raise ValidationError(translate("Core", "Số ngày trước hội nghị không được âm (đang là {days_before}).").format(
            days_before=days_before), "days_before")
    row = ConferenceMilestone(conference_id=conference_id, title=required(title, "Tên việc cần làm", "title"),
                              days_before=days_before, done=False,
                              sort_order=next_sort_order(session, ConferenceMilestone, conference_id))
    session.add(row)
    session.flush()
    return _milestone_data(row, day)


def set_milestone_done(session: Session, milestone_id: str, done: bool = True) -> MilestoneData:
    row = get_live(session, ConferenceMilestone, milestone_id, "việc cần làm")
    row.done = done
    session.flush()
    return _milestone_data(row, _conference_day(session, row.conference_id))


def delete_milestone(session: Session, milestone_id: str) -> MilestoneData:
    row = get_live(session, ConferenceMilestone, milestone_id, "việc cần làm")
    row.deleted = True
    session.flush()
    return _milestone_data(row, _conference_day(session, row.conference_id))


def list_milestones(session: Session, conference_id: str) -> list[MilestoneData]:
    day = _conference_day(session, conference_id)
    rows = session.scalars(select(ConferenceMilestone).where(ConferenceMilestone.conference_id == conference_id,
                                                             ConferenceMilestone.deleted.is_(False))
                           .order_by(ConferenceMilestone.days_before.desc(), ConferenceMilestone.sort_order)).all()
    return [_milestone_data(r, day) for r in rows]


def set_checklist_done(session: Session, kind: str, row_id: str, done: bool = True) -> None:
    """Tick one checklist line, whatever it comes from."""
    if kind == "milestone":
        set_milestone_done(session, row_id, done)
    elif kind == "duty":
        set_duty_done(session, row_id, done)
    elif kind == "presentation":
        mark_presentation_received(session, row_id, done)
    else:
        raise ValidationError(translate("Core", "Loại việc không hợp lệ: {kind!r}.").format(kind=kind), "kind")


def checklist(session: Session, conference_id: str, today: dt.date | None = None) -> list[ChecklistItem]:
    """Steps, duties and presentations by due day (undated last), overdue ones flagged against `today`."""
    today = today or dt.date.today()

    def item(kind: str, row_id: str, title: str, who: str, due: dt.date | None, done: bool) -> ChecklistItem:
        return ChecklistItem(kind, row_id, title, who, due, done, is_overdue(due, done, today),
                             (due - today).days if due else None)

    items = [item("milestone", m.id, m.title, "", m.due_on, m.done) for m in list_milestones(session, conference_id)]
    items += [item("duty", d.id, d.content.splitlines()[0].lstrip("- "), d.heading, d.due_on, d.done)
              for d in list_duties(session, conference_id)]
    items += [item("presentation", p.id, f"Gửi tham luận: {p.topic or p.organization_name or ''}".rstrip(": "),
                   p.organization_name or "", p.due_on, p.received)
              for p in list_presentations(session, conference_id)]
    return sorted(items, key=lambda i: (i.due_on is None, i.due_on or dt.date.max))


def conference_overview(session: Session, conference_id: str, today: dt.date | None = None) -> ConferenceOverview:
    today = today or dt.date.today()
    conference = get_conference(session, conference_id)
    presentations = list_presentations(session, conference_id)
    duties = list_duties(session, conference_id)
    items = checklist(session, conference_id, today)
    return ConferenceOverview(
        conference=conference, days_left=days_until(conference, today),
        replies=count_invitees(session, conference_id).total, venues=len(list_venues(session, conference_id)),
        presentations_total=len(presentations), presentations_received=sum(p.received for p in presentations),
        presentations_overdue=sum(p.overdue(today) for p in presentations),
        duties_total=len(duties), duties_done=sum(d.done for d in duties),
        duties_overdue=sum(d.overdue(today) for d in duties),
        checklist_overdue=tuple(i for i in items if i.overdue),
        next_steps=tuple(i for i in items if not i.done and not i.overdue)[:5],
    )
