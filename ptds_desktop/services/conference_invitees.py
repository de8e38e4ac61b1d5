"""Who takes part: participant groups (blocks of the attendee list), invitees with their venue and reply,
bulk additions (a whole board, organizations from the catalogue, every commune board's chair) and the counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import translate
from ptds_desktop.models import (
    CommandBoard,
    Conference,
    Invitee,
    Organization,
    ParticipantGroup,
    Person,
    Venue,
)
from ptds_desktop.models.enums import INVITE_MODES, INVITE_STATUSES
from ptds_desktop.services.common import get_live, required
from ptds_desktop.services.conference_venues import (
    VenueInput,
    add_venue,
    list_venues,
    next_sort_order,
)
from ptds_desktop.services.memberships import MemberData, roster_on
from ptds_desktop.services.references import (
    Reference,
    reference_labels,
    validate_reference,
)
from ptds_desktop.text import fold

UNGROUPED = "Chưa xếp nhóm"
NO_VENUE = "Chưa chọn điểm cầu"
COMMUNE_CHAIRS_GROUP = "Tại điểm cầu UBND các xã, phường"


@dataclasses.dataclass(frozen=True)
class GroupData:
    id: str
    conference_id: str
    venue_id: str | None
    name: str
    sort_order: int


@dataclasses.dataclass(frozen=True)
class InviteeData:
    id: str
    conference_id: str
    group_id: str | None
    group_name: str | None
    venue_id: str | None
    venue_name: str | None
    ref: Reference
    label: str  # as documents print it: "Nguyễn Thiên Văn, Phó Chủ tịch UBND tỉnh", the words, or the unit
    organization_id: str | None  # the invitee's own, or the person's organization
    organization_name: str | None
    mode: str
    status: str
    sort_order: int

    @property
    def unit_label(self) -> str:
        """Whom one invitation per organization is addressed to."""
        return self.organization_name or self.label

    @property
    def mode_label(self) -> str:
        return INVITE_MODES.get(self.mode, self.mode)

    @property
    def status_label(self) -> str:
        return INVITE_STATUSES.get(self.status, self.status)


@dataclasses.dataclass(frozen=True)
class InviteeInput:
    ref: Reference
    venue_id: str | None = None
    group_id: str | None = None
    mode: str = "invited"  # kính mời; "summoned": triệu tập


@dataclasses.dataclass(frozen=True)
class ReplyCounts:
    invited: int = 0  # no reply yet
    confirmed: int = 0
    declined: int = 0
    attended: int = 0

    @property
    def total(self) -> int:
        return self.invited + self.confirmed + self.declined + self.attended

    @property
    def expected(self) -> int:
        """Seats to prepare: those who confirmed or are already signed in."""
        return self.confirmed + self.attended

    def plus(self, status: str) -> ReplyCounts:
        return dataclasses.replace(self, **{status: getattr(self, status) + 1})


@dataclasses.dataclass(frozen=True)
class CountRow:
    key: str | None  # venue or group id; None for invitees without one
    name: str
    counts: ReplyCounts


@dataclasses.dataclass(frozen=True)
class InviteeCounts:
    total: ReplyCounts
    invited_guests: int  # kính mời
    summoned_members: int  # triệu tập
    by_venue: tuple[CountRow, ...]
    by_group: tuple[CountRow, ...]


# ---------------------------------------------------------------- groups


def _group_data(row: ParticipantGroup) -> GroupData:
    return GroupData(row.id, row.conference_id, row.venue_id, row.name, row.sort_order)


def add_group(session: Session, conference_id: str, name: str, venue_id: str | None = None) -> GroupData:
    get_live(session, Conference, conference_id, "hội nghị")
    if venue_id:
        _check_venue(session, conference_id, venue_id)
    row = ParticipantGroup(conference_id=conference_id, venue_id=venue_id or None,
                           name=required(name, "Tên nhóm thành phần", "name", 300),
                           sort_order=next_sort_order(session, ParticipantGroup, conference_id))
    session.add(row)
    session.flush()
    return _group_data(row)


def list_groups(session: Session, conference_id: str) -> list[GroupData]:
    rows = session.scalars(select(ParticipantGroup).where(ParticipantGroup.conference_id == conference_id,
                                                          ParticipantGroup.deleted.is_(False))
                           .order_by(ParticipantGroup.sort_order, ParticipantGroup.id)).all()
    return [_group_data(r) for r in rows]


def delete_group(session: Session, group_id: str) -> GroupData:
    row = get_live(session, ParticipantGroup, group_id, "nhóm thành phần")
    used = session.scalars(select(Invitee.id).where(Invitee.group_id == group_id, Invitee.deleted.is_(False))).all()
    if used:
        raise ValidationError(
            translate("Core", "Nhóm “{name}” còn {count} đại biểu; hãy chuyển hoặc xóa họ trước.").format(
            name=row.name, count=len(used)), "group")
    row.deleted = True
    session.flush()
    return _group_data(row)


def _find_or_add_group(session: Session, conference_id: str, name: str, venue_id: str | None) -> str:
    for group in list_groups(session, conference_id):
        if fold(group.name) == fold(name):
            return group.id
    return add_group(session, conference_id, name, venue_id).id


# ---------------------------------------------------------------- invitees


def _check_venue(session: Session, conference_id: str, venue_id: str) -> Venue:
    venue = get_live(session, Venue, venue_id, "điểm cầu")
    if venue.conference_id != conference_id:
        raise ValidationError(translate("Core", "Điểm cầu không thuộc hội nghị này."), "venue_id")
    return venue


def _check_placement(session: Session, conference_id: str, venue_id: str | None, group_id: str | None,
                     mode: str) -> None:
    if mode not in INVITE_MODES:
        raise ValidationError(
            translate("Core", "Hình thức mời không hợp lệ: {mode!r} (kính mời hoặc triệu tập).").format(
            mode=mode), "mode")
    if venue_id:
        _check_venue(session, conference_id, venue_id)
    if group_id:
        group = get_live(session, ParticipantGroup, group_id, "nhóm thành phần")
        if group.conference_id != conference_id:
            raise ValidationError(translate("Core", "Nhóm thành phần không thuộc hội nghị này."), "group_id")


def _data(session: Session, rows: list[Invitee]) -> list[InviteeData]:
    """Invitees as data, labels and names fetched in a few queries whatever the number of rows."""

    def lookup(model: Any, ids: set[Any], *attrs: str) -> dict[Any, Any]:
        ids.discard(None)
        if not ids:
            return {}
        columns = [getattr(model, a) for a in attrs]
        return {row[0]: row[1:] for row in session.execute(select(model.id, *columns).where(model.id.in_(ids)))}

    refs = [Reference(r.organization_id, r.person_id, r.text) for r in rows]
    labels = reference_labels(session, refs)
    person_orgs = {k: v[0] for k, v in lookup(Person, {r.person_id for r in rows}, "organization_id").items()}
    org_ids = [r.organization_id or person_orgs.get(r.person_id) for r in rows]
    orgs = lookup(Organization, set(org_ids), "name")
    groups = lookup(ParticipantGroup, {r.group_id for r in rows}, "name")
    venues = lookup(Venue, {r.venue_id for r in rows}, "name")
    return [
        InviteeData(
            id=row.id, conference_id=row.conference_id, group_id=row.group_id,
            group_name=groups.get(row.group_id, (None,))[0], venue_id=row.venue_id,
            venue_name=venues.get(row.venue_id, (None,))[0], ref=ref, label=label, organization_id=org_id,
            organization_name=orgs.get(org_id, (None,))[0], mode=row.mode, status=row.status,
            sort_order=row.sort_order)
        for row, ref, label, org_id in zip(rows, refs, labels, org_ids)
    ]


def _live_rows(session: Session, conference_id: str) -> list[Invitee]:
    return list(session.scalars(select(Invitee).where(Invitee.conference_id == conference_id,
                                                      Invitee.deleted.is_(False))
                                .order_by(Invitee.sort_order, Invitee.id)))


def list_invitees(session: Session, conference_id: str, venue_id: str | None = None) -> list[InviteeData]:
    """In the list's order; with `venue_id`, only that venue's."""
    rows = [r for r in _live_rows(session, conference_id) if venue_id is None or r.venue_id == venue_id]
    return _data(session, rows)


def get_invitee(session: Session, invitee_id: str) -> InviteeData:
    return _data(session, [get_live(session, Invitee, invitee_id, "đại biểu")])[0]


def _same_target(row: Invitee, ref: Reference, venue_id: str | None) -> bool:
    if row.venue_id != venue_id:
        return False
    if ref.person_id:
        return row.person_id == ref.person_id
    return (row.person_id is None and row.organization_id == ref.organization_id
            and fold(row.text or "") == fold(ref.text or ""))


def add_invitees(session: Session, conference_id: str, items: list[InviteeInput]) -> list[InviteeData]:
    """Add invitees in order, skipping anyone already invited to the same venue; returns those added."""
    get_live(session, Conference, conference_id, "hội nghị")
    existing = _live_rows(session, conference_id)
    order = next_sort_order(session, Invitee, conference_id)
    added = []
    for index, item in enumerate(items, start=1):
        field = f"invitee {index}" if len(items) > 1 else "ref"
        ref = validate_reference(session, item.ref, field)
        _check_placement(session, conference_id, item.venue_id, item.group_id, item.mode)
        if any(_same_target(r, ref, item.venue_id or None) for r in existing):
            continue
        row = Invitee(conference_id=conference_id, venue_id=item.venue_id or None, group_id=item.group_id or None,
                      person_id=ref.person_id, organization_id=ref.organization_id, text=ref.text, mode=item.mode,
                      status="invited", sort_order=order)
        order += 1
        session.add(row)
        existing.append(row)
        added.append(row)
    session.flush()
    return _data(session, added)


def add_invitee(session: Session, conference_id: str, data: InviteeInput) -> InviteeData:
    added = add_invitees(session, conference_id, [data])
    if not added:
        raise ValidationError(translate("Core", "Đại biểu này đã có trong danh sách của điểm cầu đã chọn."), "ref")
    return added[0]


def update_invitee(session: Session, invitee_id: str, data: InviteeInput) -> InviteeData:
    row = get_live(session, Invitee, invitee_id, "đại biểu")
    ref = validate_reference(session, data.ref, "ref")
    _check_placement(session, row.conference_id, data.venue_id, data.group_id, data.mode)
    row.person_id, row.organization_id, row.text = ref.person_id, ref.organization_id, ref.text
    row.venue_id, row.group_id, row.mode = data.venue_id or None, data.group_id or None, data.mode
    session.flush()
    return get_invitee(session, invitee_id)


def delete_invitees(session: Session, invitee_ids: Iterable[str]) -> int:
    count = 0
    for invitee_id in invitee_ids:
        get_live(session, Invitee, invitee_id, "đại biểu").deleted = True
        count += 1
    session.flush()
    return count


def set_reply(session: Session, invitee_ids: Iterable[str], status: str) -> int:
    """Record the reply (or the sign-in) of one or several invitees at once."""
    if status not in INVITE_STATUSES:
        raise ValidationError(
            translate("Core", "Trạng thái trả lời không hợp lệ: {status!r}; dùng một trong {choices}.").format(
            status=status, choices=", ".join(INVITE_STATUSES)), "status")
    count = 0
    for invitee_id in invitee_ids:
        get_live(session, Invitee, invitee_id, "đại biểu").status = status
        count += 1
    session.flush()
    return count


def _member_ref(member: MemberData) -> Reference:
    """A board member as invitee or chair: the person when the decision names one, else the seat as printed."""
    if member.person_id:
        return Reference(person_id=member.person_id)
    return Reference(member.organization_id, None, member.position)


def add_board_members(session: Session, conference_id: str, board_id: str, *, venue_id: str | None = None,
                      group_id: str | None = None, mode: str = "summoned",
                      on: dt.date | None = None) -> list[InviteeData]:
    """Every member of a board on `on` (default: the conference day) in one action, in roster order."""
    conference = get_live(session, Conference, conference_id, "hội nghị")
    day = on or (conference.starts_at.date() if conference.starts_at else None)
    members = roster_on(session, board_id, day)
    items = [InviteeInput(_member_ref(m), venue_id, group_id, mode) for m in members]
    return add_invitees(session, conference_id, items)


def add_organizations(session: Session, conference_id: str, organization_ids: Iterable[str], *,
                      venue_id: str | None = None, group_id: str | None = None,
                      mode: str = "invited") -> list[InviteeData]:
    items = [InviteeInput(Reference(organization_id=org_id), venue_id, group_id, mode) for org_id in organization_ids]
    return add_invitees(session, conference_id, items)


def add_commune_chairs(session: Session, conference_id: str,
                       group_name: str = COMMUNE_CHAIRS_GROUP) -> list[InviteeData]:
    """For every commune board: a bridge site at its people's committee chaired by the board's head, and that
    head invited there. Sites already made (same host) are reused, so running it again adds only new communes."""
    conference = get_live(session, Conference, conference_id, "hội nghị")
    day = conference.starts_at.date() if conference.starts_at else None
    boards = session.scalars(select(CommandBoard).where(CommandBoard.level == "commune",
                                                        CommandBoard.deleted.is_(False))
                             .order_by(CommandBoard.unit_name)).all()
    if not boards:
        raise ValidationError(translate("Core", "Chưa có Ban Chỉ huy cấp xã nào trong danh mục."), "boards")
    group_id = _find_or_add_group(session, conference_id, group_name, None)
    venues_by_host = {v.host_org_id: v for v in list_venues(session, conference_id) if v.host_org_id}
    items = []
    for board in boards:
        head = next((m for m in roster_on(session, board.id, day) if m.role == "head"), None)
        committee = board.people_committee_id
        chair = _member_ref(head) if head else Reference(committee, None, f"Chủ tịch UBND {board.unit_name}")
        venue = venues_by_host.get(committee) if committee else None
        if venue is None:
            venue = add_venue(session, conference_id, VenueInput(
                name=f"Điểm cầu UBND {board.unit_name}", kind="bridge", host_org_id=committee, chair=chair))
            if committee:
                venues_by_host[committee] = venue
        items.append(InviteeInput(chair, venue.id, group_id, "invited"))
    return add_invitees(session, conference_id, items)


# ---------------------------------------------------------------- counts


def count_invitees(session: Session, conference_id: str) -> InviteeCounts:
    """Replies per venue and per group, in the venues' and groups' own order; invitees without one last."""
    rows = _live_rows(session, conference_id)
    total = ReplyCounts()
    venues = list_venues(session, conference_id)
    by_venue: dict[str | None, ReplyCounts] = {v.id: ReplyCounts() for v in venues}
    venue_names = {v.id: v.name for v in venues}
    groups = list_groups(session, conference_id)
    by_group: dict[str | None, ReplyCounts] = {g.id: ReplyCounts() for g in groups}
    group_names = {g.id: g.name for g in groups}
    guests = 0
    for row in rows:
        total = total.plus(row.status)
        by_venue[row.venue_id] = by_venue.get(row.venue_id, ReplyCounts()).plus(row.status)
        by_group[row.group_id] = by_group.get(row.group_id, ReplyCounts()).plus(row.status)
        guests += row.mode == "invited"
    return InviteeCounts(
        total=total, invited_guests=guests, summoned_members=len(rows) - guests,
        by_venue=tuple(CountRow(k, venue_names.get(k, NO_VENUE) if k else NO_VENUE, c) for k, c in by_venue.items()),
        by_group=tuple(CountRow(k, group_names.get(k, UNGROUPED) if k else UNGROUPED, c) for k, c in by_group.items()),
    )
