"""Command boards, the decisions that establish and reorganise them, and memberships with history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ptds_desktop.models.base import UUID, Base, Synced, coded
from ptds_desktop.models.enums import BOARD_ROLES, DECISION_KINDS, OFFICE_LEVELS


class CommandBoard(Synced, Base):
    __tablename__ = "command_boards"

    name: Mapped[str] = mapped_column(String(300))  # "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"
    unit_name: Mapped[str] = mapped_column(String(200))  # "tỉnh Đắk Lắk"
    level: Mapped[str] = coded(OFFICE_LEVELS, 20)
    office_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("offices.id"), index=True)
    people_committee_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    standing_agency_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))


class Attachment(Synced, Base):
    """A file (scan of a decision, a report) stored by content hash in the attachments folder."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    # What the file belongs to (polymorphic: table name and row id).
    owner_table: Mapped[str | None] = mapped_column(String(50))
    owner_row_id: Mapped[str | None] = mapped_column(UUID, index=True)


class Decision(Synced, Base):
    __tablename__ = "decisions"

    board_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("command_boards.id"), index=True)
    kind: Mapped[str] = coded(DECISION_KINDS, 20, default="establish")
    number_symbol: Mapped[str] = mapped_column(String(50))  # "01620/QĐ-UBND"
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issuer_org_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    # In whose name it is issued, as cited: "… ngày 09/10/2025 của Chủ tịch UBND tỉnh".
    issued_by: Mapped[str | None] = mapped_column(String(200))
    signer_name: Mapped[str | None] = mapped_column(String(150))
    signer_title: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)  # trích yếu
    attachment_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("attachments.id"))


class BoardMembership(Synced, Base):
    """A person's role on a board from a decision until another decision ends it. Never deleted by a
    reorganisation: the end fields are set instead, so the roster on any past date can be rebuilt."""

    __tablename__ = "board_memberships"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        CheckConstraint("person_id IS NOT NULL OR position_text IS NOT NULL", name="holder_or_seat"),
    )

    board_id: Mapped[str] = mapped_column(UUID, ForeignKey("command_boards.id"), index=True)
    # Empty when the decision names the seat, not the holder ("Giám đốc Sở Y tế - Ủy viên"), as many do.
    person_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("people.id"), index=True)
    role: Mapped[str] = coded(BOARD_ROLES, 30)
    # The title and unit as printed on the roster when appointed ("Phó Chủ tịch UBND tỉnh").
    position_text: Mapped[str | None] = mapped_column(String(300))
    organization_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    responsibility: Mapped[str | None] = mapped_column(Text)  # lĩnh vực phụ trách
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    start_decision_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("decisions.id"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_decision_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("decisions.id"))
    end_date: Mapped[dt.date | None] = mapped_column(Date)  # exclusive: the day the ending decision takes effect
