"""Where a conference takes place (the main hall and every video-bridge site, with who chairs each) and its agenda."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.models import AgendaItem, Conference, Invitee, Organization, Venue
from ptds_desktop.models.enums import VENUE_KINDS
from ptds_desktop.services.common import clean, get_live, required
from ptds_desktop.services.references import (
    Reference,
    reference_label,
    reference_labels,
    validate_reference,
)


@dataclasses.dataclass(frozen=True)
class VenueData:
    id: str
    conference_id: str
    kind: str
    name: str
    address: str | None
    host_org_id: str | None
    chair: Reference
    chair_label: str  # "" when nobody is named
    sort_order: int

    @property
    def kind_label(self) -> str:
        return VENUE_KINDS.get(self.kind, self.kind)

    @property
    def place_label(self) -> str:
        return f"{self.name} ({self.address})" if self.address else self.name


@dataclasses.dataclass(frozen=True)
class VenueInput:
    name: str
    kind: str = "bridge"
    address: str | None = None
    host_org_id: str | None = None
    chair: Reference = dataclasses.field(default_factory=Reference)


@dataclasses.dataclass(frozen=True)
class AgendaItemData:
    id: str
    conference_id: str
    sort_order: int
    start_time: str | None  # "14:00"
    duration_minutes: int | None
    title: str
    presenter: Reference
    presenter_label: str


@dataclasses.dataclass(frozen=True)
class AgendaItemInput:
    title: str
    start_time: str | None = None
    duration_minutes: int | None = None
    presenter: Reference = dataclasses.field(default_factory=Reference)


def next_sort_order(session: Session, model: Any, conference_id: str) -> int:
    last = session.scalar(select(func.max(model.sort_order)).where(model.conference_id == conference_id,
                                                                     model.deleted.is_(False)))
    return (last or 0) + 1


def optional_reference(session: Session, ref: Reference, field: str) -> Reference:
    """A chair or presenter may be left open: empty stays empty, anything else is validated."""
    return Reference() if ref.is_empty else validate_reference(session, ref, field)


# ---------------------------------------------------------------- venues


def venue_data(session: Session, row: Venue) -> VenueData:
    chair = Reference(row.chair_organization_id, row.chair_person_id, row.chair_text)
    return VenueData(row.id, row.conference_id, row.kind, row.name, row.address, row.host_org_id, chair,
                     reference_label(session, chair), row.sort_order)


def _venue_values(session: Session, data: VenueInput) -> dict[str, Any]:
    if data.kind not in VENUE_KINDS:
        raise ValidationError(translate("Core", "Loại điểm cầu không hợp lệ: {kind!r}.").format(kind=data.kind), "kind")
    if data.host_org_id:
        get_live(session, Organization, data.host_org_id, "cơ quan chủ quản điểm cầu")
    chair = optional_reference(session, data.chair, "chair")
    return {
        "name": required(data.name, "Tên điểm cầu", "name", 300), "kind": data.kind,
        "address": clean(data.address), "host_org_id": data.host_org_id or None,
        "chair_organization_id": chair.organization_id, "chair_person_id": chair.person_id, "chair_text": chair.text,
    }


def add_venue(session: Session, conference_id: str, data: VenueInput) -> VenueData:
    get_live(session, Conference, conference_id, "hội nghị")
    values = _venue_values(session, data)
    if values["kind"] == "main" and main_venue(session, conference_id) is not None:
        raise ValidationError(translate("Core", "Hội nghị đã có điểm cầu chính; hãy chọn loại “Điểm cầu”."), "kind")
    row = Venue(conference_id=conference_id, sort_order=next_sort_order(session, Venue, conference_id), **values)
    session.add(row)
    session.flush()
    return venue_data(session, row)


def update_venue(session: Session, venue_id: str, data: VenueInput) -> VenueData:
    row = get_live(session, Venue, venue_id, "điểm cầu")
    values = _venue_values(session, data)
    current_main = main_venue(session, row.conference_id)
    if values["kind"] == "main" and current_main is not None and current_main.id != row.id:
        raise ValidationError(
            translate("Core", "Điểm cầu chính đã là “{name}”.").format(name=current_main.name), "kind")
    for key, value in values.items():
        setattr(row, key, value)
    session.flush()
    return venue_data(session, row)


def delete_venue(session: Session, venue_id: str) -> VenueData:
    row = get_live(session, Venue, venue_id, "điểm cầu")
    used = session.scalar(select(func.count()).select_from(Invitee).where(
        Invitee.venue_id == venue_id, Invitee.deleted.is_(False)))
    if used:
        raise ValidationError(
            translate("Core", "Điểm cầu “{name}” còn {used} đại biểu; hãy chuyển hoặc xóa họ trước.").format(
            name=row.name, used=used), "venue")
    row.deleted = True
    session.flush()
    return venue_data(session, row)


def list_venues(session: Session, conference_id: str) -> list[VenueData]:
    """Main venue first, then the bridge sites in order; chairs' labels in one batch (102 sites, two queries)."""
    rows = session.scalars(select(Venue).where(Venue.conference_id == conference_id, Venue.deleted.is_(False))
                           .order_by(Venue.kind != "main", Venue.sort_order, Venue.name)).all()
    chairs = [Reference(r.chair_organization_id, r.chair_person_id, r.chair_text) for r in rows]
    labels = reference_labels(session, chairs)
    return [VenueData(r.id, r.conference_id, r.kind, r.name, r.address, r.host_org_id, chair, label, r.sort_order)
            for r, chair, label in zip(rows, chairs, labels)]


def main_venue(session: Session, conference_id: str) -> VenueData | None:
    return next((v for v in list_venues(session, conference_id) if v.kind == "main"), None)


# ---------------------------------------------------------------- agenda

_TIME = re.compile(r"^(\d{1,2})[:hg.](\d{2})$")


def normalize_time(text: str | None, field: str = "start_time") -> str | None:
    """"14:00", "14h00", "14.00" (as plans print it) → "14:00"."""
    raw = clean(text)
    if not raw:
        return None
    m = _TIME.match(raw.lower())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValidationError(translate("Core", "Giờ không đúng dạng giờ:phút (ví dụ 14:00): {raw!r}.").format(
            raw=raw), field)
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def agenda_data(session: Session, row: AgendaItem) -> AgendaItemData:
    presenter = Reference(row.presenter_org_id, row.presenter_person_id, row.presenter_text)
    return AgendaItemData(row.id, row.conference_id, row.sort_order, row.start_time, row.duration_minutes, row.title,
                          presenter, reference_label(session, presenter))


def _agenda_values(session: Session, data: AgendaItemInput) -> dict[str, Any]:
    if data.duration_minutes is not None and data.duration_minutes <= 0:
        raise ValidationError(translate("Core", "Thời lượng phải lớn hơn 0 phút (đang là {duration_minutes}).").format(
            duration_minutes=data.duration_minutes), "duration_minutes")
    presenter = optional_reference(session, data.presenter, "presenter")
    return {
        "title": required(data.title, "Nội dung chương trình", "title"),
        "start_time": normalize_time(data.start_time), "duration_minutes": data.duration_minutes,
        "presenter_org_id": presenter.organization_id, "presenter_person_id": presenter.person_id,
        "presenter_text": presenter.text,
    }


def add_agenda_item(session: Session, conference_id: str, data: AgendaItemInput) -> AgendaItemData:
    get_live(session, Conference, conference_id, "hội nghị")
    row = AgendaItem(conference_id=conference_id, sort_order=next_sort_order(session, AgendaItem, conference_id),
                     **_agenda_values(session, data))
    session.add(row)
    session.flush()
    return agenda_data(session, row)


def update_agenda_item(session: Session, item_id: str, data: AgendaItemInput) -> AgendaItemData:
    row = get_live(session, AgendaItem, item_id, "mục chương trình")
    for key, value in _agenda_values(session, data).items():
        setattr(row, key, value)
    session.flush()
    return agenda_data(session, row)


def delete_agenda_item(session: Session, item_id: str) -> AgendaItemData:
    row = get_live(session, AgendaItem, item_id, "mục chương trình")
    row.deleted = True
    session.flush()
    return agenda_data(session, row)


def list_agenda(session: Session, conference_id: str) -> list[AgendaItemData]:
    rows = session.scalars(select(AgendaItem).where(AgendaItem.conference_id == conference_id,
                                                    AgendaItem.deleted.is_(False))
                           .order_by(AgendaItem.sort_order, AgendaItem.id)).all()
    return [agenda_data(session, r) for r in rows]


def move_agenda_item(session: Session, item_id: str, step: int) -> list[AgendaItemData]:
    """Move one item up (-1) or down (+1); the order is renumbered 1..n."""
    row = get_live(session, AgendaItem, item_id, "mục chương trình")
    rows = list(session.scalars(select(AgendaItem).where(AgendaItem.conference_id == row.conference_id,
                                                         AgendaItem.deleted.is_(False))
                                .order_by(AgendaItem.sort_order, AgendaItem.id)))
    index = rows.index(row)
    target = max(0, min(len(rows) - 1, index + step))
    rows.insert(target, rows.pop(index))
    for order, item in enumerate(rows, start=1):
        item.sort_order = order
    session.flush()
    return list_agenda(session, row.conference_id)
