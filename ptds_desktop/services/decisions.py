"""Decisions that establish and reorganise a board. A decision is applied as one action (`apply_decision`):
it ends some memberships and starts others on its effective date; nothing is deleted, so the roster on any
past date can be rebuilt."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ptds_desktop.documents.text import normalize_number_symbol as document_number_symbol
from ptds_desktop.errors import NotFoundError, ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import Attachment, BoardMembership, CommandBoard, Decision, Organization
from ptds_desktop.models.enums import BOARD_ROLES, DECISION_KINDS
from ptds_desktop.services.attachments import store_attachment
from ptds_desktop.services.common import BOARD, DECISION, as_date, clean, get_live, referenced, required
from ptds_desktop.services.memberships import (
    MemberData,
    MemberInput,
    check_roster,
    holder,
    live_memberships,
    member_data,
    member_sort_key,
    next_sort_order,
    snapshot_position,
    validate_member,
)
from ptds_desktop.services.references import Reference
from ptds_desktop.text import format_date

_NUMBER_SYMBOL = re.compile(r"^\d{1,6}[a-zA-Z]?/[0-9A-Za-zĐđ&]+(?:-[0-9A-Za-zĐđ&]+)*$")


@dataclasses.dataclass(frozen=True)
class DecisionData:
    id: str
    board_id: str | None
    kind: str
    number_symbol: str  # "01620/QĐ-UBND"
    issued_on: dt.date
    issued_by: str | None  # "Chủ tịch UBND tỉnh"
    issuer_org_id: str | None
    signer_name: str | None
    signer_title: str | None
    summary: str | None
    attachment_id: str | None
    attachment_filename: str | None

    @property
    def kind_label(self) -> str:
        return DECISION_KINDS.get(self.kind, self.kind)

    @property
    def citation(self) -> str:
        """"Quyết định số 01620/QĐ-UBND ngày 09/10/2025 của Chủ tịch UBND tỉnh" as documents cite it."""
        text = f"Quyết định số {self.number_symbol} ngày {format_date(self.issued_on)}"
        return f"{text} của {self.issued_by}" if self.issued_by else text


@dataclasses.dataclass(frozen=True)
class DecisionInput:
    number_symbol: str
    issued_on: dt.date | str
    kind: str = "reorganize"
    issued_by: str | None = None
    issuer_org_id: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    summary: str | None = None


@dataclasses.dataclass(frozen=True)
class DecisionResult:
    decision: DecisionData
    joined: tuple[MemberData, ...]
    left: tuple[MemberData, ...]


def normalize_number_symbol(text: str | None, field: str = "number_symbol") -> str:
    """"Số: 01620 / QĐ - UBND" → "01620/QĐ-UBND", "130/qd-ubnd" → "130/QĐ-UBND" (Decree 30 spelling);
    refused unless it looks like number/type-issuer."""
    raw = required(text, QT_TRANSLATE_NOOP("Fields", "số, ký hiệu quyết định"), field, 50)
    value = re.sub(r"^số\s*:?\s*", "", raw, flags=re.IGNORECASE)
    value = re.sub(r"\s*([/-])\s*", r"\1", value)
    if not _NUMBER_SYMBOL.match(value):
        raise ValidationError(
            translate("Core", "Số, ký hiệu không đúng dạng “số/loại-cơ quan” (ví dụ 01620/QĐ-UBND): “{text}”.")
            .format(text=raw), field)
    return document_number_symbol(value)


def decision_data(session: Session, decision: Decision) -> DecisionData:
    filename = referenced(session, Attachment, decision.attachment_id).filename if decision.attachment_id else None
    return DecisionData(
        id=decision.id, board_id=decision.board_id, kind=decision.kind, number_symbol=decision.number_symbol,
        issued_on=decision.issued_on, issued_by=decision.issued_by, issuer_org_id=decision.issuer_org_id,
        signer_name=decision.signer_name, signer_title=decision.signer_title, summary=decision.summary,
        attachment_id=decision.attachment_id, attachment_filename=filename,
    )


def _validate_decision(session: Session, board_id: str, data: DecisionInput, editing_id: str | None) -> dict[str, Any]:
    if data.kind not in DECISION_KINDS:
        raise ValidationError(
            translate("Core", "Loại quyết định không hợp lệ: {kind!r}.").format(kind=data.kind), "kind")
    values: dict[str, Any] = {
        "board_id": board_id,
        "kind": data.kind,
        "number_symbol": normalize_number_symbol(data.number_symbol),
        "issued_on": as_date(data.issued_on, QT_TRANSLATE_NOOP("Fields", "ngày ký quyết định"), "issued_on"),
        "issued_by": clean(data.issued_by),
        "issuer_org_id": data.issuer_org_id or None,
        "signer_name": clean(data.signer_name),
        "signer_title": clean(data.signer_title),
        "summary": clean(data.summary),
    }
    if values["issuer_org_id"]:
        get_live(session, Organization, values["issuer_org_id"], QT_TRANSLATE_NOOP("Fields", "cơ quan ban hành"))
    same = session.scalars(
        select(Decision).where(
            Decision.board_id == board_id,
            Decision.deleted.is_(False),
            Decision.number_symbol == values["number_symbol"],
            Decision.id != (editing_id or ""),
        )
    ).all()
    for other in same:
        if other.issued_on.year == values["issued_on"].year:
            raise ValidationError(
                translate("Core", "Đã có Quyết định số {number} ngày {date} của Ban này.").format(
                    number=other.number_symbol, date=format_date(other.issued_on)), "number_symbol",
            )
    return values


def list_decisions(session: Session, board_id: str) -> list[DecisionData]:
    """The board's decisions, oldest first."""
    rows = session.scalars(
        select(Decision).where(Decision.board_id == board_id, Decision.deleted.is_(False))
        .order_by(Decision.issued_on, Decision.number_symbol)
    )
    return [decision_data(session, d) for d in rows]


def get_decision(session: Session, decision_id: str) -> DecisionData:
    return decision_data(session, get_live(session, Decision, decision_id, DECISION))


def _board_of(decision: Decision) -> str:
    if decision.board_id is None:
        raise NotFoundError(translate("Core", "Quyết định số {number} không thuộc Ban Chỉ huy nào.").format(
            number=decision.number_symbol))
    return decision.board_id


def update_decision(session: Session, decision_id: str, data: DecisionInput) -> DecisionData:
    """Correct a decision's particulars. A changed date moves the memberships it started or ended on that date."""
    decision = get_live(session, Decision, decision_id, DECISION)
    board_id = _board_of(decision)
    with session.begin_nested():
        values = _validate_decision(session, board_id, data, decision_id)
        old_date, new_date = decision.issued_on, values["issued_on"]
        for key, value in values.items():
            if getattr(decision, key) != value:
                setattr(decision, key, value)
        if new_date != old_date:
            for m in live_memberships(session, board_id):
                if m.start_decision_id == decision_id and m.start_date == old_date:
                    m.start_date = new_date
                if m.end_decision_id == decision_id and m.end_date == old_date:
                    m.end_date = new_date
                if m.end_date is not None and m.end_date < m.start_date:
                    raise ValidationError(
                        translate("Core", "Ngày mới {date} làm thời gian làm thành viên của {member} kết thúc "
                                  "trước khi bắt đầu.").format(date=format_date(new_date), member=holder(session, m)),
                        "issued_on"
                    )
        session.flush()
        check_roster(session, board_id)
    return decision_data(session, decision)


def attach_decision_file(session: Session, decision_id: str, source: Path | str) -> DecisionData:
    """Store a scan of the decision by content hash beside the database and link it to the decision."""
    decision = get_live(session, Decision, decision_id, DECISION)
    attachment = store_attachment(session, source, "decisions", decision.id)
    decision.attachment_id = attachment.id
    session.flush()
    return decision_data(session, decision)


def apply_decision(
    session: Session,
    board_id: str,
    decision: DecisionInput,
    *,
    ending: Sequence[str] = (),
    joining: Sequence[MemberInput] = (),
    role_changes: Mapping[str, str] | None = None,
    effective_on: dt.date | str | None = None,
) -> DecisionResult:
    """Establish (kind="establish") or reorganise (kiện toàn) a board as one action: record the decision, end
    the memberships in `ending` and start those in `joining` on its effective date (default: the date it is
    signed). `role_changes` (membership id → new role): the member stays, in the new role from that date (the
    old membership ends, a new one starts with the same person, position and duties).
    All or nothing: on any error nothing of it is written, even if the caller goes on."""
    board = get_live(session, CommandBoard, board_id, BOARD)
    changed = []
    for membership_id, role in (role_changes or {}).items():
        m = session.get(BoardMembership, membership_id)
        if m is None or m.deleted or m.board_id != board_id:
            raise NotFoundError(translate("Core", "Không tìm thấy thành viên có mã {id}.").format(id=membership_id))
        if role not in BOARD_ROLES:
            raise ValidationError(translate("Core", "Chức danh không hợp lệ: {role!r}.").format(role=role), "role")
        if role != m.role:
            changed.append(MemberInput(role, holder=Reference(person_id=m.person_id) if m.person_id else None,
                                       position_text=m.position_text,
                                       organization_id=m.organization_id, responsibility=m.responsibility))
            ending = [*ending, membership_id]
    joining = [*joining, *changed]
    with session.begin_nested():
        values = _validate_decision(session, board.id, decision, None)
        effective = (
            as_date(effective_on, QT_TRANSLATE_NOOP("Fields", "ngày hiệu lực"), "effective_on")
            if effective_on else values["issued_on"]
        )
        if effective < values["issued_on"]:
            raise ValidationError(
                translate("Core", "Ngày hiệu lực {effective} không thể trước ngày ký {signed}.").format(
                    effective=format_date(effective), signed=format_date(values["issued_on"])), "effective_on"
            )
        if not ending and not joining:
            raise ValidationError(
                translate("Core", "Quyết định phải kết thúc hoặc bổ sung ít nhất một thành viên."), "joining")
        record = Decision(**values)
        session.add(record)
        session.flush()

        left = []
        for membership_id in dict.fromkeys(ending):
            m = session.get(BoardMembership, membership_id)
            if m is None or m.deleted or m.board_id != board.id:
                raise NotFoundError(translate("Core", "Không tìm thấy thành viên có mã {id} trong {board}.").format(
                    id=membership_id, board=board.name))
            if m.end_date is not None:
                raise ValidationError(
                    translate("Core", "{member} đã thôi làm thành viên từ ngày {date}.").format(
                        member=holder(session, m), date=format_date(m.end_date)), "ending"
                )
            if effective < m.start_date:
                raise ValidationError(
                    translate("Core", "{member} là thành viên từ ngày {start}; không thể kết thúc từ ngày {end}.")
                    .format(member=holder(session, m), start=format_date(m.start_date), end=format_date(effective)),
                    "effective_on"
                )
            m.end_date = effective
            m.end_decision_id = record.id
            left.append(m)
        session.flush()

        memberships = live_memberships(session, board.id)
        joined = []
        for data in joining:
            member_values = validate_member(session, data)
            snapshot_position(session, member_values)
            sort_order = data.sort_order if data.sort_order is not None else \
                next_sort_order(memberships, data.role, effective)
            m = BoardMembership(board_id=board.id, start_date=effective, start_decision_id=record.id,
                                sort_order=sort_order, **member_values)
            session.add(m)
            memberships.append(m)
            joined.append(m)
        session.flush()
        check_roster(session, board.id)
    return DecisionResult(
        decision=decision_data(session, record),
        joined=tuple(member_data(session, m) for m in joined),
        left=tuple(member_data(session, m) for m in left),
    )


def decision_changes(session: Session, decision_id: str) -> DecisionResult:
    """Who a decision brought onto the board and who it ended, for the history view."""
    decision = get_live(session, Decision, decision_id, DECISION)
    rows = session.scalars(
        select(BoardMembership).where(
            BoardMembership.deleted.is_(False),
            or_(BoardMembership.start_decision_id == decision_id, BoardMembership.end_decision_id == decision_id),
        )
    ).all()
    joined = sorted((member_data(session, m) for m in rows if m.start_decision_id == decision_id), key=member_sort_key)
    left = sorted((member_data(session, m) for m in rows if m.end_decision_id == decision_id), key=member_sort_key)
    return DecisionResult(decision_data(session, decision), tuple(joined), tuple(left))
