"""Board memberships with their history, and the rules a board must keep on every date.

Dates: a membership is active on D when start_date <= D and (end_date is None or D < end_date). A departure is
recorded by a decision (services.decisions), never by deleting; deleting is for a row entered by mistake.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import BoardMembership, CommandBoard, Decision, Organization, Person
from ptds_desktop.models.enums import BOARD_ROLE_RANK, BOARD_ROLES
from ptds_desktop.services.common import (
    BOARD,
    MEMBER,
    as_date,
    clean,
    get_live,
    referenced,
    untombstone,
)
from ptds_desktop.services.organizations import OrganizationInput, create_organization
from ptds_desktop.services.people import PersonInput, create_person, display_phone, resolve_person_id
from ptds_desktop.services.references import Reference, validate_reference
from ptds_desktop.text import fold, format_date


@dataclasses.dataclass(frozen=True)
class MemberData:
    id: str
    board_id: str
    board_name: str
    person_id: str | None  # None when the decision names the seat, not the holder
    full_name: str | None
    position: str | None  # "Chức vụ, đơn vị" as printed: "Phó Chủ tịch UBND tỉnh"
    organization_id: str | None
    organization_name: str | None
    phone: str | None  # canonical +84…
    email: str | None
    role: str
    responsibility: str | None
    sort_order: int
    start_date: dt.date
    start_decision_id: str | None
    start_decision_number: str | None
    end_date: dt.date | None  # exclusive
    end_decision_id: str | None
    end_decision_number: str | None

    @property
    def role_label(self) -> str:
        return BOARD_ROLES.get(self.role, self.role)

    @property
    def role_rank(self) -> int:
        return BOARD_ROLE_RANK.get(self.role, len(BOARD_ROLE_RANK))

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)

    @property
    def is_seat(self) -> bool:
        return self.person_id is None

    def active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day < self.end_date)


@dataclasses.dataclass(frozen=True)
class MemberInput:
    """One seat on the board. `holder` is who holds it, a reference (services/references.py): a person picked
    from the catalogue, an organization (the agency's own seat), or the words of the decision when it names the
    seat, not the holder ("Giám đốc Sở Y tế"). Or `new_person` (created on the spot, with the duplicate check),
    or only `position_text`. Likewise `organization_id` or `new_organization` (also given to a new person who
    has none)."""

    role: str
    holder: Reference | None = None
    new_person: PersonInput | None = None
    position_text: str | None = None  # default: the person's title and organization, or the holder's words
    organization_id: str | None = None  # default: the person's organization, or the holder organization
    new_organization: OrganizationInput | None = None
    responsibility: str | None = None  # lĩnh vực phụ trách
    sort_order: int | None = None  # default: last of its role

    @property
    def person_id(self) -> str | None:
        return self.holder.person_id if self.holder else None


def live_memberships(session: Session, board_id: str) -> list[BoardMembership]:
    return list(session.scalars(
        select(BoardMembership).where(BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False))
    ))


def _active(m: BoardMembership, day: dt.date) -> bool:
    return m.start_date <= day and (m.end_date is None or day < m.end_date)


def _person(session: Session, person_id: str | None) -> Person | None:
    resolved = resolve_person_id(session, person_id)
    return session.get(Person, resolved) if resolved else None


def holder(session: Session, m: BoardMembership) -> str:
    person = _person(session, m.person_id)
    return person.full_name if person else (m.position_text or "?")


def member_data(session: Session, m: BoardMembership) -> MemberData:
    person = _person(session, m.person_id)
    org_id = m.organization_id or (person.organization_id if person else None)
    org = referenced(session, Organization, org_id) if org_id else None
    start = session.get(Decision, m.start_decision_id) if m.start_decision_id else None
    end = session.get(Decision, m.end_decision_id) if m.end_decision_id else None
    board = referenced(session, CommandBoard, m.board_id)
    return MemberData(
        id=m.id, board_id=m.board_id, board_name=board.name, person_id=person.id if person else None,
        full_name=person.full_name if person else None,
        position=m.position_text or (_default_position(session, person) if person else None),
        organization_id=org_id, organization_name=org.name if org else None,
        phone=person.phone if person else None, email=person.email if person else None,
        role=m.role, responsibility=m.responsibility, sort_order=m.sort_order,
        start_date=m.start_date, start_decision_id=m.start_decision_id,
        start_decision_number=start.number_symbol if start else None,
        end_date=m.end_date, end_decision_id=m.end_decision_id, end_decision_number=end.number_symbol if end else None,
    )


def _default_position(session: Session, person: Person) -> str | None:
    """The person's title, followed by the organization unless the title already names it."""
    org = session.get(Organization, person.organization_id) if person.organization_id else None
    title = person.title
    if org is None:
        return title
    if not title:
        return org.name
    if any(n and fold(n) in fold(title) for n in (org.name, org.short_name)):
        return title
    return f"{title} {org.short_name or org.name}"


def member_sort_key(m: MemberData) -> tuple[int, int, str, str]:
    return (m.role_rank, m.sort_order, fold(m.full_name or m.position or ""), m.id)


def clean_lines(value: str | None) -> str | None:
    """Like `clean`, but keeps the line breaks of a multi-line text (one duty per line)."""
    lines = [clean(line) for line in (value or "").splitlines()]
    return "\n".join(line for line in lines if line) or None


def validate_member(session: Session, data: MemberInput) -> dict[str, Any]:
    if data.role not in BOARD_ROLES:
        labels = ", ".join(BOARD_ROLES.translated(code) for code in BOARD_ROLES)
        raise ValidationError(translate("Core", "Chức danh trong Ban không hợp lệ: {role!r} (chọn: {choices}).")
                              .format(role=data.role, choices=labels), "role")
    ref = data.holder if data.holder is not None and not data.holder.is_empty else None
    if ref is not None and data.new_person:
        raise ValidationError(translate("Core", "Chọn người đã có hoặc nhập người mới, không cả hai."), "holder")
    if data.organization_id and data.new_organization:
        raise ValidationError(
            translate("Core", "Chọn cơ quan đã có hoặc nhập cơ quan mới, không cả hai."), "organization_id")
    if ref is not None:
        ref = validate_reference(session, ref, "holder")
    organization_id = data.organization_id or None
    if organization_id:
        validate_reference(session, Reference(organization_id=organization_id), "organization_id")
    elif data.new_organization is not None:
        organization_id = create_organization(session, data.new_organization).id
    elif ref is not None and ref.organization_id:
        organization_id = ref.organization_id  # the agency's own seat
    person_id = ref.person_id if ref is not None else None
    if data.new_person is not None:
        new_person = data.new_person
        if organization_id and not new_person.organization_id:
            new_person = dataclasses.replace(new_person, organization_id=organization_id)
        person_id = create_person(session, new_person).id
    position = clean(data.position_text) or (ref.text if ref is not None else None)
    if position and len(position) > 300:
        raise ValidationError(translate("Core", "{label} dài quá {limit} ký tự ({length}).").format(
            label=translate("Fields", "Chức vụ, đơn vị"), limit=300, length=len(position)), "position_text")
    if not person_id and not position and organization_id:
        position = referenced(session, Organization, organization_id).name  # the seat is the agency itself
    if not person_id and not position:
        raise ValidationError(
            translate("Core", "Cần chọn người, hoặc ghi chức vụ, đơn vị của thành viên (ví dụ “Giám đốc Sở Y tế”)."),
            "holder")
    if data.sort_order is not None and data.sort_order < 0:
        raise ValidationError(translate("Core", "Thứ tự phải là số không âm."), "sort_order")
    return {
        "person_id": person_id,
        "role": data.role,
        "position_text": position,
        "organization_id": organization_id,
        "responsibility": clean_lines(data.responsibility),
    }


def snapshot_position(session: Session, values: dict[str, Any]) -> None:
    """Keep the title as printed on the decision, even if the person's title changes later."""
    if values["person_id"]:
        person = referenced(session, Person, values["person_id"])
        if not values["position_text"]:
            values["position_text"] = _default_position(session, person)
        if not values["organization_id"]:
            values["organization_id"] = person.organization_id


def check_roster(session: Session, board_id: str) -> None:
    """On every date the board changes: exactly one head, at most one standing deputy, nobody twice."""
    memberships = live_memberships(session, board_id)
    days = sorted({m.start_date for m in memberships} | {m.end_date for m in memberships if m.end_date})
    for day in days:
        active = [m for m in memberships if _active(m, day)]
        if not active:
            continue
        when = format_date(day)
        heads = [m for m in active if m.role == "head"]
        if not heads:
            raise ValidationError(translate(
                "Core", "Ban Chỉ huy phải có đúng một Trưởng ban; ngày {date} không có Trưởng ban.").format(date=when),
                "role")
        if len(heads) > 1:
            names = ", ".join(holder(session, m) for m in heads)
            raise ValidationError(
                translate("Core", "Ban Chỉ huy chỉ có một Trưởng ban; ngày {date} có {count}: {names}.")
                .format(date=when, count=len(heads), names=names), "role")
        standing = [m for m in active if m.role == "standing_deputy"]
        if len(standing) > 1:
            names = ", ".join(holder(session, m) for m in standing)
            raise ValidationError(
                translate("Core", "Chỉ được có một Phó Trưởng ban thường trực; ngày {date} có {count}: {names}.")
                .format(date=when, count=len(standing), names=names), "role")
        seen: dict[str, BoardMembership] = {}
        for m in active:
            key = resolve_person_id(session, m.person_id)
            if key is None:
                continue
            if key in seen:
                raise ValidationError(
                    translate("Core", "{member} đã là thành viên Ban ({role}) từ ngày {start}; ngày {date} không "
                              "thể giữ thêm chức danh {new_role}. Hãy kết thúc tư cách cũ trong cùng quyết định.")
                    .format(member=holder(session, m), role=BOARD_ROLES.translated(seen[key].role),
                            start=format_date(seen[key].start_date), date=when,
                            new_role=BOARD_ROLES.translated(m.role)), "person_id",
                )
            seen[key] = m


def next_sort_order(memberships: list[BoardMembership], role: str, day: dt.date) -> int:
    orders = [m.sort_order for m in memberships if m.role == role and _active(m, day)]
    return max(orders, default=0) + 1


def update_member(session: Session, membership_id: str, data: MemberInput) -> MemberData:
    """Correct a membership as recorded (a typo, the field of responsibility, the printed title). A real change
    of role or holder is a new decision (`apply_decision`)."""
    m = get_live(session, BoardMembership, membership_id, MEMBER)
    with session.begin_nested():
        values = validate_member(session, data)
        snapshot_position(session, values)
        for key, value in values.items():
            if getattr(m, key) != value:
                setattr(m, key, value)
        if data.sort_order is not None and m.sort_order != data.sort_order:
            m.sort_order = data.sort_order
        session.flush()
        check_roster(session, m.board_id)
    return member_data(session, m)


def delete_membership(session: Session, membership_id: str) -> MemberData:
    """Tombstone a row entered by mistake (a departure is recorded by a decision, never by deleting)."""
    m = get_live(session, BoardMembership, membership_id, MEMBER)
    with session.begin_nested():
        m.deleted = True
        session.flush()
        check_roster(session, m.board_id)
    return member_data(session, m)


def restore_membership(session: Session, membership_id: str) -> MemberData:
    """Undo of delete_membership: clear the tombstone, if the board's rules still allow the row back."""
    with session.begin_nested():
        m = untombstone(session, BoardMembership, membership_id, MEMBER)
        check_roster(session, m.board_id)
    return member_data(session, m)


def get_member(session: Session, membership_id: str) -> MemberData:
    return member_data(session, get_live(session, BoardMembership, membership_id, MEMBER))


def roster_on(session: Session, board_id: str, on: dt.date | str | None = None) -> list[MemberData]:
    """The board as it stood on `on` (default today), ordered by role, then each member's order."""
    day = as_date(on, QT_TRANSLATE_NOOP("Fields", "ngày"), "on") if on else dt.date.today()
    get_live(session, CommandBoard, board_id, BOARD)
    active = [m for m in live_memberships(session, board_id) if _active(m, day)]
    return sorted((member_data(session, m) for m in active), key=member_sort_key)


def reorder_members(
    session: Session, board_id: str, ordered_ids: Sequence[str], on: dt.date | str | None = None
) -> list[MemberData]:
    """Set the order of the roster on `on` (default today) to `ordered_ids`, as the user arranged the table.
    The roster stays grouped by role; the order applies within each role."""
    day = as_date(on, QT_TRANSLATE_NOOP("Fields", "ngày"), "on") if on else dt.date.today()
    with session.begin_nested():
        active = {m.id: m for m in live_memberships(session, board_id) if _active(m, day)}
        wanted = list(dict.fromkeys(ordered_ids))
        unknown = [i for i in wanted if i not in active]
        if unknown:
            raise ValidationError(translate("Core", "Thành viên {id} không thuộc danh sách Ban ngày {date}.")
                                  .format(id=unknown[0], date=format_date(day)), "ordered_ids")
        missing = [m for i, m in active.items() if i not in wanted]
        missing.sort(key=lambda m: (BOARD_ROLE_RANK[m.role], m.sort_order))
        for position, membership_id in enumerate(wanted + [m.id for m in missing], start=1):
            if active[membership_id].sort_order != position:
                active[membership_id].sort_order = position
        session.flush()
    return roster_on(session, board_id, day)


def move_member(session: Session, membership_id: str, step: int, on: dt.date | str | None = None) -> list[MemberData]:
    """Move a member `step` places up (negative) or down within their role; the ends stop the move."""
    m = get_live(session, BoardMembership, membership_id, MEMBER)
    roster = roster_on(session, m.board_id, on)
    ids = [r.id for r in roster]
    if membership_id not in ids:
        raise ValidationError(
            translate("Core", "Thành viên này không có trong danh sách Ban vào ngày đang xem."), "membership_id")
    same_role = [r.id for r in roster if r.role == m.role]
    index = same_role.index(membership_id)
    target = max(0, min(len(same_role) - 1, index + step))
    same_role.insert(target, same_role.pop(index))
    reordered = iter(same_role)
    ordered = [next(reordered) if r.role == m.role else r.id for r in roster]
    return reorder_members(session, m.board_id, ordered, on)
