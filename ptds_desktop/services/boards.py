"""Command boards (Ban Chỉ huy): create, correct, delete one entered by mistake, list, find by reference."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptds_desktop.db.database import OFFICE_ID_KEY
from ptds_desktop.errors import NotFoundError, PtdsError, ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import BoardMembership, CommandBoard, LocalSetting, Organization
from ptds_desktop.models.enums import OFFICE_LEVELS
from ptds_desktop.services.common import BOARD, get_live, required
from ptds_desktop.text import fold


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


def _board_data(board: CommandBoard) -> BoardData:
    return BoardData(board.id, board.name, board.unit_name, board.level, board.office_id,
                     board.people_committee_id, board.standing_agency_id)


def _validate_board(session: Session, data: BoardInput) -> dict[str, Any]:
    values = {
        "name": required(data.name, QT_TRANSLATE_NOOP("Fields", "tên Ban Chỉ huy"), "name", 300),
        "unit_name": required(data.unit_name, QT_TRANSLATE_NOOP("Fields", "tên địa phương"), "unit_name", 200),
        "level": data.level,
        "office_id": data.office_id or None,
        "people_committee_id": data.people_committee_id or None,
        "standing_agency_id": data.standing_agency_id or None,
    }
    if data.level not in OFFICE_LEVELS:
        raise ValidationError(translate("Core", "Cấp không hợp lệ: {level!r} (chọn: {choices}).").format(
            level=data.level, choices=", ".join(OFFICE_LEVELS)), "level")
    for field, label in (("people_committee_id", QT_TRANSLATE_NOOP("Fields", "Ủy ban nhân dân")),
                         ("standing_agency_id", QT_TRANSLATE_NOOP("Fields", "cơ quan thường trực"))):
        if values[field]:
            get_live(session, Organization, values[field], label)
    return values


def create_board(session: Session, data: BoardInput) -> BoardData:
    board = CommandBoard(**_validate_board(session, data))
    session.add(board)
    session.flush()
    return _board_data(board)


def update_board(session: Session, board_id: str, data: BoardInput) -> BoardData:
    board = get_live(session, CommandBoard, board_id, BOARD)
    for key, value in _validate_board(session, data).items():
        if getattr(board, key) != value:
            setattr(board, key, value)
    session.flush()
    return _board_data(board)


def delete_board(session: Session, board_id: str) -> BoardData:
    """Tombstone a board entered by mistake; refused once it has members (its history must stay)."""
    board = get_live(session, CommandBoard, board_id, BOARD)
    has_members = session.scalar(
        select(func.count()).select_from(BoardMembership)
        .where(BoardMembership.board_id == board_id, BoardMembership.deleted.is_(False))
    )
    if has_members:
        raise ValidationError(translate(
            "Core", "Không xóa được “{name}”: Ban đã có thành viên (lịch sử phải được giữ).").format(name=board.name))
    board.deleted = True
    session.flush()
    return _board_data(board)


def get_board(session: Session, board_id: str) -> BoardData:
    return _board_data(get_live(session, CommandBoard, board_id, BOARD))


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
        raise PtdsError(translate("Core", "Chưa có Ban Chỉ huy nào. Hãy tạo Ban Chỉ huy (hoặc chạy 'ptds demo')."))
    if ref:
        key = fold(ref)
        found = [b for b in boards if b.id == ref] or [b for b in boards if b.id.startswith(ref)] \
            or [b for b in boards if key in fold(b.name)]
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFoundError(translate("Core", "Không tìm thấy Ban Chỉ huy “{ref}”.").format(ref=ref))
        raise PtdsError(translate("Core", "“{ref}” khớp nhiều Ban Chỉ huy: {names}.").format(
            ref=ref, names="; ".join(b.name for b in found[:5])))
    office_id = session.scalar(select(LocalSetting.value).where(LocalSetting.key == OFFICE_ID_KEY))
    own = [b for b in boards if b.office_id and b.office_id == office_id]
    if len(own) == 1:
        return own[0]
    if len(boards) == 1:
        return boards[0]
    raise PtdsError(translate("Core", "Có nhiều Ban Chỉ huy; hãy chọn một (--board MÃ): {names}.").format(
        names="; ".join(b.name for b in boards[:5])))
