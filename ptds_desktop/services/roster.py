"""Command boards, the decisions that establish and reorganise them, memberships with history.

A decision is applied as one action (`apply_decision`): it ends some memberships and starts others on its
effective date; nothing is deleted, so the roster on any past date can be rebuilt (`roster_on`).
Dates: a membership is active on D when start_date <= D and (end_date is None or D < end_date).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ptds_desktop.config import attachments_dir_for
from ptds_desktop.db.database import OFFICE_ID_KEY
from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.models import Attachment, BoardMembership, CommandBoard, Decision, LocalSetting, Organization, Person
from ptds_desktop.models.enums import BOARD_ROLE_RANK, BOARD_ROLES, DECISION_KINDS, OFFICE_LEVELS
from ptds_desktop.services.common import clean, get_live, required, untombstone
from ptds_desktop.services.organizations import OrganizationInput, create_organization
from ptds_desktop.services.people import PersonInput, create_person, display_phone, resolve_person_id
from ptds_desktop.text import fold, format_date, parse_date


# ---------------------------------------------------------------- data


@dataclasses.dataclass(frozen=True)
class BoardData:
    id: str
    name: str  # "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"
    unit_name: str  # "tỉnh Đắk Lắk"
    level: str
    office_id: str | None
    people_committee_id: str | None
    standing_agency_id: str | None

    @property
    def level_label(self) -> str:
        return OFFICE_LEVELS.get(self.level, self.level)


@dataclasses.dataclass(frozen=True)
class BoardInput:
    name: str
    unit_name: str
    level: str = "province"
    office_id: str | None = None
    people_committee_id: str | None = None
    standing_agency_id: str | None = None


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
    """One seat on the board. Give `person_id` (picked from the catalogue), or `new_person` (created on the
    spot, with the duplicate check), or only `position_text` when the decision names the seat. Likewise
    `organization_id` or `new_organization` (also given to a new person who has none)."""

    role: str
    person_id: str | None = None
    new_person: PersonInput | None = None
    position_text: str | None = None  # default: the person's title and organization
    organization_id: str | None = None  # default: the person's organization
    new_organization: OrganizationInput | None = None
    responsibility: str | None = None  # lĩnh vực phụ trách
    sort_order: int | None = None  # default: last of its role


@dataclasses.dataclass(frozen=True)
class DecisionResult:
    decision: DecisionData
    joined: tuple[MemberData, ...]
    left: tuple[MemberData, ...]


@dataclasses.dataclass(frozen=True)
class RosterSnapshot:
    """The board as it stood on `on`; `decision` is the latest decision in force then (the one a printed
    roster is attached to)."""

    board: BoardData
    on: dt.date
    decision: DecisionData | None
    members: tuple[MemberData, ...]


# ---------------------------------------------------------------- boards


def _board_data(board: CommandBoard) -> BoardData:
    return BoardData(board.id, board.name, board.unit_name, board.level, board.office_id,
                     board.people_committee_id, board.standing_agency_id)


def _validate_board(session: Session, data: BoardInput) -> dict:
    values = {
        "name": required(data.name, "Tên Ban Chỉ huy", "name", 300),
        "unit_name": required(data.unit_name, "Tên địa phương", "unit_name", 200),
        "level": data.level,
        "office_id": data.office_id or None,
        "people_committee_id": data.people_committee_id or None,
        "standing_agency_id": data.standing_agency_id or None,
    }
    if data.level not in OFFICE_LEVELS:
        raise ValidationError(f"Cấp không hợp lệ: {data.level!r} (chọn: {', '.join(OFFICE_LEVELS)}).", "level")
    for field, label in (("people_committee_id", "Ủy ban nhân dân"), ("standing_agency_id", "cơ quan thường trực")):
        if values[field]:
            get_live(session, Organization, values[field], label)
    return values


def create_board(session: Session, data: BoardInput) -> BoardData:
    board = CommandBoard(**_validate_board(session, data))
    session.add(board)
    session.flush()
    return _board_data(board)


def update_board(session: Session, board_id: str, data: BoardInput) -> BoardData:
    board = get_live(session, CommandBoard, board_id, "Ban Chỉ huy")
    for key, value in _validate_board(session, data).items():
        if getattr(board, key) != value:
            setattr(board, key, value)
    session.flush()
    return _board_data(board)


def delete_board(session: Session, board_id: str) -> BoardData:
    """Tombstone a board entered by mistake; refused once it has members (its history must stay)."""
    board = get_live(session, CommandBoard, board_id, "Ban Chỉ huy")
    has_members = session.scalar(
        select(func.count()).select_from(BoardMembership)
        .where(BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False))
    )
    if has_members:
        raise ValidationError(f"Không xóa được “{board.name}”: Ban đã có thành viên (lịch sử phải được giữ).")
    board.deleted = True
    session.flush()
    return _board_data(board)


def get_board(session: Session, board_id: str) -> BoardData:
    return _board_data(get_live(session, CommandBoard, board_id, "Ban Chỉ huy"))


def list_boards(session: Session) -> list[BoardData]:
    """Live boards: the province first, then communes, by name."""
    boards = session.scalars(select(CommandBoard).where(CommandBoard.deleted.is_(False)))
    order = {level: i for i, level in enumerate(OFFICE_LEVELS)}
    return sorted((_board_data(b) for b in boards), key=lambda b: (order.get(b.level, 9), fold(b.name)))


def resolve_board(session: Session, ref: str | None = None) -> BoardData:
    """A board by id, id prefix (as `ptds roster boards` prints it) or name without diacritics; with no ref,
    this office's board, or the only board there is."""
    boards = list_boards(session)
    if not boards:
        raise PtdsError("Chưa có Ban Chỉ huy nào. Hãy tạo Ban Chỉ huy (hoặc chạy 'ptds demo').")
    if ref:
        key = fold(ref)
        found = [b for b in boards if b.id == ref] or [b for b in boards if b.id.startswith(ref)] \
            or [b for b in boards if key in fold(b.name)]
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFoundError(f"Không tìm thấy Ban Chỉ huy “{ref}”.")
        raise PtdsError(f"“{ref}” khớp nhiều Ban Chỉ huy: " + "; ".join(b.name for b in found[:5]) + ".")
    office_id = session.scalar(select(LocalSetting.value).where(LocalSetting.key == OFFICE_ID_KEY))
    own = [b for b in boards if b.office_id and b.office_id == office_id]
    if len(own) == 1:
        return own[0]
    if len(boards) == 1:
        return boards[0]
    raise PtdsError("Có nhiều Ban Chỉ huy; hãy chọn một (--board MÃ): " + "; ".join(b.name for b in boards[:5]) + ".")


# ---------------------------------------------------------------- decisions

_NUMBER_SYMBOL = re.compile(r"^\d{1,6}[a-zA-Z]?/[0-9A-Za-zĐđ&]+(?:-[0-9A-Za-zĐđ&]+)*$")


def normalize_number_symbol(text: str | None, field: str = "number_symbol") -> str:
    """"Số: 01620 / QĐ - UBND" → "01620/QĐ-UBND"; refused unless it looks like number/type-issuer."""
    raw = required(text, "Số, ký hiệu quyết định", field, 50)
    value = re.sub(r"^số\s*:?\s*", "", raw, flags=re.IGNORECASE)
    value = re.sub(r"\s*([/-])\s*", r"\1", value)
    if not _NUMBER_SYMBOL.match(value):
        raise ValidationError(
            f"Số, ký hiệu không đúng dạng “số/loại-cơ quan” (ví dụ 01620/QĐ-UBND): “{raw}”.", field
        )
    return value


def _as_date(value: dt.date | str | None, label: str, field: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not value:
        raise ValidationError(f"Thiếu {label}.", field)
    try:
        return parse_date(value, label)
    except ValidationError as exc:
        raise ValidationError(str(exc), field) from None


def _decision_data(session: Session, decision: Decision) -> DecisionData:
    filename = session.get(Attachment, decision.attachment_id).filename if decision.attachment_id else None
    return DecisionData(
        id=decision.id, board_id=decision.board_id, kind=decision.kind, number_symbol=decision.number_symbol,
        issued_on=decision.issued_on, issued_by=decision.issued_by, issuer_org_id=decision.issuer_org_id,
        signer_name=decision.signer_name, signer_title=decision.signer_title, summary=decision.summary,
        attachment_id=decision.attachment_id, attachment_filename=filename,
    )


def _validate_decision(session: Session, board_id: str, data: DecisionInput, editing_id: str | None) -> dict:
    if data.kind not in DECISION_KINDS:
        raise ValidationError(f"Loại quyết định không hợp lệ: {data.kind!r}.", "kind")
    values = {
        "board_id": board_id,
        "kind": data.kind,
        "number_symbol": normalize_number_symbol(data.number_symbol),
        "issued_on": _as_date(data.issued_on, "ngày ký quyết định", "issued_on"),
        "issued_by": clean(data.issued_by),
        "issuer_org_id": data.issuer_org_id or None,
        "signer_name": clean(data.signer_name),
        "signer_title": clean(data.signer_title),
        "summary": clean(data.summary),
    }
    if values["issuer_org_id"]:
        get_live(session, Organization, values["issuer_org_id"], "cơ quan ban hành")
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
                f"Đã có Quyết định số {other.number_symbol} ngày {format_date(other.issued_on)} của Ban này.",
                "number_symbol",
            )
    return values


def list_decisions(session: Session, board_id: str) -> list[DecisionData]:
    """The board's decisions, oldest first."""
    rows = session.scalars(
        select(Decision).where(Decision.board_id == board_id, Decision.deleted.is_(False))
        .order_by(Decision.issued_on, Decision.number_symbol)
    )
    return [_decision_data(session, d) for d in rows]


def get_decision(session: Session, decision_id: str) -> DecisionData:
    return _decision_data(session, get_live(session, Decision, decision_id, "quyết định"))


def update_decision(session: Session, decision_id: str, data: DecisionInput) -> DecisionData:
    """Correct a decision's particulars. A changed date moves the memberships it started or ended on that date."""
    decision = get_live(session, Decision, decision_id, "quyết định")
    with session.begin_nested():
        values = _validate_decision(session, decision.board_id, data, decision_id)
        old_date, new_date = decision.issued_on, values["issued_on"]
        for key, value in values.items():
            if getattr(decision, key) != value:
                setattr(decision, key, value)
        if new_date != old_date:
            for m in _live_memberships(session, decision.board_id):
                if m.start_decision_id == decision_id and m.start_date == old_date:
                    m.start_date = new_date
                if m.end_decision_id == decision_id and m.end_date == old_date:
                    m.end_date = new_date
                if m.end_date is not None and m.end_date < m.start_date:
                    raise ValidationError(
                        f"Ngày mới {format_date(new_date)} làm thời gian làm thành viên của "
                        f"{_holder(session, m)} kết thúc trước khi bắt đầu.", "issued_on"
                    )
        session.flush()
        _check_roster(session, decision.board_id)
    return _decision_data(session, decision)


def attach_decision_file(session: Session, decision_id: str, source: Path | str) -> DecisionData:
    """Store a scan of the decision by content hash beside the database and link it to the decision."""
    decision = get_live(session, Decision, decision_id, "quyết định")
    source = Path(source)
    try:
        content = source.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Không đọc được tệp {source}: {exc.strerror or exc}.", "attachment") from None
    digest = hashlib.sha256(content).hexdigest()
    database = session.info.get("database")
    if database is None:
        raise PtdsError("Phiên làm việc không gắn với cơ sở dữ liệu nào.")
    folder = attachments_dir_for(database.path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / digest
    if not target.exists():
        partial = target.with_suffix(".part")
        shutil.copyfile(source, partial)
        partial.replace(target)
    media = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
    attachment = Attachment(
        sha256=digest, filename=source.name, size=len(content),
        media_type=media.get(source.suffix.lower(), "application/octet-stream"),
        owner_table="decisions", owner_row_id=decision.id,
    )
    session.add(attachment)
    session.flush()
    decision.attachment_id = attachment.id
    session.flush()
    return _decision_data(session, decision)


# ---------------------------------------------------------------- memberships


def _live_memberships(session: Session, board_id: str) -> list[BoardMembership]:
    return list(session.scalars(
        select(BoardMembership).where(BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False))
    ))


def _active(m: BoardMembership, day: dt.date) -> bool:
    return m.start_date <= day and (m.end_date is None or day < m.end_date)


def _person(session: Session, person_id: str | None) -> Person | None:
    resolved = resolve_person_id(session, person_id)
    return session.get(Person, resolved) if resolved else None


def _holder(session: Session, m: BoardMembership) -> str:
    person = _person(session, m.person_id)
    return person.full_name if person else (m.position_text or "?")


def _member_data(session: Session, m: BoardMembership) -> MemberData:
    person = _person(session, m.person_id)
    org_id = m.organization_id or (person.organization_id if person else None)
    org = session.get(Organization, org_id) if org_id else None
    start = session.get(Decision, m.start_decision_id) if m.start_decision_id else None
    end = session.get(Decision, m.end_decision_id) if m.end_decision_id else None
    board = session.get(CommandBoard, m.board_id)
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


def _sort_key(m: MemberData):
    return (m.role_rank, m.sort_order, fold(m.full_name or m.position or ""), m.id)


def clean_lines(value: str | None) -> str | None:
    """Like `clean`, but keeps the line breaks of a multi-line text (one duty per line)."""
    lines = [clean(line) for line in (value or "").splitlines()]
    return "\n".join(line for line in lines if line) or None


def _validate_member(session: Session, data: MemberInput) -> dict:
    if data.role not in BOARD_ROLES:
        labels = ", ".join(BOARD_ROLES.values())
        raise ValidationError(f"Chức danh trong Ban không hợp lệ: {data.role!r} (chọn: {labels}).", "role")
    if data.person_id and data.new_person:
        raise ValidationError("Chọn người đã có hoặc nhập người mới, không cả hai.", "person_id")
    if data.organization_id and data.new_organization:
        raise ValidationError("Chọn cơ quan đã có hoặc nhập cơ quan mới, không cả hai.", "organization_id")
    organization_id = data.organization_id or None
    if organization_id:
        get_live(session, Organization, organization_id, "cơ quan, đơn vị")
    elif data.new_organization is not None:
        organization_id = create_organization(session, data.new_organization).id
    person_id = data.person_id or None
    if person_id:
        person_id = resolve_person_id(session, person_id)
        get_live(session, Person, person_id, "người")
    elif data.new_person is not None:
        new_person = data.new_person
        if organization_id and not new_person.organization_id:
            new_person = dataclasses.replace(new_person, organization_id=organization_id)
        person_id = create_person(session, new_person).id
    position = clean(data.position_text)
    if position and len(position) > 300:
        raise ValidationError(f"Chức vụ, đơn vị dài quá 300 ký tự ({len(position)}).", "position_text")
    if not person_id and not position and organization_id:
        position = session.get(Organization, organization_id).name  # the seat is the agency itself
    if not person_id and not position:
        raise ValidationError(
            "Cần chọn người, hoặc ghi chức vụ, đơn vị của thành viên (ví dụ “Giám đốc Sở Y tế”).", "person_id"
        )
    if data.sort_order is not None and data.sort_order < 0:
        raise ValidationError("Thứ tự phải là số không âm.", "sort_order")
    return {
        "person_id": person_id,
        "role": data.role,
        "position_text": position,
        "organization_id": organization_id,
        "responsibility": clean_lines(data.responsibility),
    }


def _snapshot_position(session: Session, values: dict) -> None:
    """Keep the title as printed on the decision, even if the person's title changes later."""
    if values["person_id"]:
        person = session.get(Person, values["person_id"])
        if not values["position_text"]:
            values["position_text"] = _default_position(session, person)
        if not values["organization_id"]:
            values["organization_id"] = person.organization_id


def _check_roster(session: Session, board_id: str) -> None:
    """On every date the board changes: exactly one head, at most one standing deputy, nobody twice."""
    memberships = _live_memberships(session, board_id)
    days = sorted({m.start_date for m in memberships} | {m.end_date for m in memberships if m.end_date})
    for day in days:
        active = [m for m in memberships if _active(m, day)]
        if not active:
            continue
        when = f"ngày {format_date(day)}"
        heads = [m for m in active if m.role == "head"]
        if not heads:
            raise ValidationError(f"Ban Chỉ huy phải có đúng một Trưởng ban; {when} không có Trưởng ban.", "role")
        if len(heads) > 1:
            names = ", ".join(_holder(session, m) for m in heads)
            raise ValidationError(f"Ban Chỉ huy chỉ có một Trưởng ban; {when} có {len(heads)}: {names}.", "role")
        standing = [m for m in active if m.role == "standing_deputy"]
        if len(standing) > 1:
            names = ", ".join(_holder(session, m) for m in standing)
            raise ValidationError(
                f"Chỉ được có một Phó Trưởng ban thường trực; {when} có {len(standing)}: {names}.", "role"
            )
        seen: dict[str, BoardMembership] = {}
        for m in active:
            key = resolve_person_id(session, m.person_id)
            if key is None:
                continue
            if key in seen:
                raise ValidationError(
                    f"{_holder(session, m)} đã là thành viên Ban ({BOARD_ROLES[seen[key].role]}) "
                    f"từ ngày {format_date(seen[key].start_date)}; {when} không thể giữ thêm chức danh "
                    f"{BOARD_ROLES[m.role]}. Hãy kết thúc tư cách cũ trong cùng quyết định.",
                    "person_id",
                )
            seen[key] = m


def _next_sort_order(memberships: list[BoardMembership], role: str, day: dt.date) -> int:
    orders = [m.sort_order for m in memberships if m.role == role and _active(m, day)]
    return max(orders, default=0) + 1


def apply_decision(
    session: Session,
    board_id: str,
    decision: DecisionInput,
    *,
    ending: Sequence[str] = (),
    joining: Sequence[MemberInput] = (),
    effective_on: dt.date | str | None = None,
) -> DecisionResult:
    """Establish (kind="establish") or reorganise (kiện toàn) a board as one action: record the decision, end
    the memberships in `ending` and start those in `joining` on its effective date (default: the date it is
    signed). All or nothing: on any error nothing of it is written, even if the caller goes on."""
    board = get_live(session, CommandBoard, board_id, "Ban Chỉ huy")
    with session.begin_nested():
        values = _validate_decision(session, board.id, decision, None)
        effective = (
            _as_date(effective_on, "ngày hiệu lực", "effective_on") if effective_on else values["issued_on"]
        )
        if effective < values["issued_on"]:
            raise ValidationError(
                f"Ngày hiệu lực {format_date(effective)} không thể trước ngày ký "
                f"{format_date(values['issued_on'])}.", "effective_on"
            )
        if not ending and not joining:
            raise ValidationError("Quyết định phải kết thúc hoặc bổ sung ít nhất một thành viên.", "joining")
        record = Decision(**values)
        session.add(record)
        session.flush()

        left = []
        for membership_id in dict.fromkeys(ending):
            m = session.get(BoardMembership, membership_id)
            if m is None or m.deleted or m.board_id != board.id:
                raise NotFoundError(f"Không tìm thấy thành viên có mã {membership_id} trong {board.name}.")
            if m.end_date is not None:
                raise ValidationError(
                    f"{_holder(session, m)} đã thôi làm thành viên từ ngày {format_date(m.end_date)}.", "ending"
                )
            if effective < m.start_date:
                raise ValidationError(
                    f"{_holder(session, m)} là thành viên từ ngày {format_date(m.start_date)}; không thể kết thúc "
                    f"từ ngày {format_date(effective)}.", "effective_on"
                )
            m.end_date = effective
            m.end_decision_id = record.id
            left.append(m)
        session.flush()

        memberships = _live_memberships(session, board.id)
        joined = []
        for data in joining:
            member_values = _validate_member(session, data)
            _snapshot_position(session, member_values)
            sort_order = data.sort_order if data.sort_order is not None else \
                _next_sort_order(memberships, data.role, effective)
            m = BoardMembership(board_id=board.id, start_date=effective, start_decision_id=record.id,
                                sort_order=sort_order, **member_values)
            session.add(m)
            memberships.append(m)
            joined.append(m)
        session.flush()
        _check_roster(session, board.id)
    return DecisionResult(
        decision=_decision_data(session, record),
        joined=tuple(_member_data(session, m) for m in joined),
        left=tuple(_member_data(session, m) for m in left),
    )


def decision_changes(session: Session, decision_id: str) -> DecisionResult:
    """Who a decision brought onto the board and who it ended, for the history view."""
    decision = get_live(session, Decision, decision_id, "quyết định")
    rows = session.scalars(
        select(BoardMembership).where(
            BoardMembership.deleted.is_(False),
            or_(BoardMembership.start_decision_id == decision_id, BoardMembership.end_decision_id == decision_id),
        )
    ).all()
    joined = sorted((_member_data(session, m) for m in rows if m.start_decision_id == decision_id), key=_sort_key)
    left = sorted((_member_data(session, m) for m in rows if m.end_decision_id == decision_id), key=_sort_key)
    return DecisionResult(_decision_data(session, decision), tuple(joined), tuple(left))


def update_member(session: Session, membership_id: str, data: MemberInput) -> MemberData:
    """Correct a membership as recorded (a typo, the field of responsibility, the printed title). A real change
    of role or holder is a new decision (`apply_decision`)."""
    m = get_live(session, BoardMembership, membership_id, "thành viên")
    with session.begin_nested():
        values = _validate_member(session, data)
        _snapshot_position(session, values)
        for key, value in values.items():
            if getattr(m, key) != value:
                setattr(m, key, value)
        if data.sort_order is not None and m.sort_order != data.sort_order:
            m.sort_order = data.sort_order
        session.flush()
        _check_roster(session, m.board_id)
    return _member_data(session, m)


def delete_membership(session: Session, membership_id: str) -> MemberData:
    """Tombstone a row entered by mistake (a departure is recorded by a decision, never by deleting)."""
    m = get_live(session, BoardMembership, membership_id, "thành viên")
    with session.begin_nested():
        m.deleted = True
        session.flush()
        _check_roster(session, m.board_id)
    return _member_data(session, m)


def restore_membership(session: Session, membership_id: str) -> MemberData:
    """Undo of delete_membership: clear the tombstone, if the board's rules still allow the row back."""
    with session.begin_nested():
        m = untombstone(session, BoardMembership, membership_id, "thành viên")
        _check_roster(session, m.board_id)
    return _member_data(session, m)


def get_member(session: Session, membership_id: str) -> MemberData:
    return _member_data(session, get_live(session, BoardMembership, membership_id, "thành viên"))


def _today() -> dt.date:
    return dt.date.today()


def roster_on(session: Session, board_id: str, on: dt.date | str | None = None) -> list[MemberData]:
    """The board as it stood on `on` (default today), ordered by role, then each member's order."""
    day = _as_date(on, "ngày", "on") if on else _today()
    get_live(session, CommandBoard, board_id, "Ban Chỉ huy")
    active = [m for m in _live_memberships(session, board_id) if _active(m, day)]
    return sorted((_member_data(session, m) for m in active), key=_sort_key)


def roster_snapshot(session: Session, board_id: str, on: dt.date | str | None = None) -> RosterSnapshot:
    day = _as_date(on, "ngày", "on") if on else _today()
    board = get_board(session, board_id)
    # The latest decision that changed the roster up to that day; ties by the latest effective date.
    changes = session.execute(
        select(BoardMembership.start_decision_id, BoardMembership.start_date).where(
            BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False), BoardMembership.start_date <= day
        ).union_all(
            select(BoardMembership.end_decision_id, BoardMembership.end_date).where(
                BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False),
                BoardMembership.end_date <= day,
            )
        )
    ).all()
    effective = {decision_id: when for decision_id, when in changes if decision_id}
    candidates = [d for d in list_decisions(session, board_id) if d.id in effective]
    decision = max(candidates, key=lambda d: (effective[d.id], d.issued_on), default=None)
    return RosterSnapshot(board, day, decision, tuple(roster_on(session, board_id, day)))


def board_history(session: Session, board_id: str) -> list[MemberData]:
    """Every membership the board has had, current and ended, by start date then role (the history table)."""
    get_live(session, CommandBoard, board_id, "Ban Chỉ huy")
    rows = [_member_data(session, m) for m in _live_memberships(session, board_id)]
    return sorted(rows, key=lambda m: (m.start_date, m.role_rank, m.sort_order, m.id))


def change_dates(session: Session, board_id: str) -> list[dt.date]:
    """Every date on which the board's composition changed, oldest first (for a history date picker)."""
    memberships = _live_memberships(session, board_id)
    return sorted({m.start_date for m in memberships} | {m.end_date for m in memberships if m.end_date})


def person_history(session: Session, person_id: str) -> list[MemberData]:
    """Every board role the person has held, oldest first (merged records included)."""
    resolved = resolve_person_id(session, person_id)
    if session.get(Person, resolved) is None:
        raise NotFoundError(f"Không tìm thấy người có mã {person_id}.")
    ids = {resolved} | set(session.scalars(select(Person.id).where(Person.merged_into_id == resolved)))
    rows = session.scalars(
        select(BoardMembership).where(BoardMembership.person_id.in_(ids), BoardMembership.deleted.is_(False))
    )
    return sorted((_member_data(session, m) for m in rows), key=lambda m: (m.start_date, m.role_rank, m.board_name))


def reorder_members(
    session: Session, board_id: str, ordered_ids: Sequence[str], on: dt.date | str | None = None
) -> list[MemberData]:
    """Set the order of the roster on `on` (default today) to `ordered_ids`, as the user arranged the table.
    The roster stays grouped by role; the order applies within each role."""
    day = _as_date(on, "ngày", "on") if on else _today()
    with session.begin_nested():
        active = {m.id: m for m in _live_memberships(session, board_id) if _active(m, day)}
        wanted = list(dict.fromkeys(ordered_ids))
        unknown = [i for i in wanted if i not in active]
        if unknown:
            raise ValidationError(f"Thành viên {unknown[0]} không thuộc danh sách Ban ngày {format_date(day)}.",
                                  "ordered_ids")
        missing = [m for i, m in active.items() if i not in wanted]
        missing.sort(key=lambda m: (BOARD_ROLE_RANK[m.role], m.sort_order))
        for position, membership_id in enumerate(wanted + [m.id for m in missing], start=1):
            if active[membership_id].sort_order != position:
                active[membership_id].sort_order = position
        session.flush()
    return roster_on(session, board_id, day)


def move_member(session: Session, membership_id: str, step: int, on: dt.date | str | None = None) -> list[MemberData]:
    """Move a member `step` places up (negative) or down within their role; the ends stop the move."""
    m = get_live(session, BoardMembership, membership_id, "thành viên")
    roster = roster_on(session, m.board_id, on)
    ids = [r.id for r in roster]
    if membership_id not in ids:
        raise ValidationError("Thành viên này không có trong danh sách Ban vào ngày đang xem.", "membership_id")
    same_role = [r.id for r in roster if r.role == m.role]
    index = same_role.index(membership_id)
    target = max(0, min(len(same_role) - 1, index + step))
    same_role.insert(target, same_role.pop(index))
    reordered = iter(same_role)
    ordered = [next(reordered) if r.role == m.role else r.id for r in roster]
    return reorder_members(session, m.board_id, ordered, on)
