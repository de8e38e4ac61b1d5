"""Review conferences: venues and bridge sites, agenda, invitees, presentations, preparation duties."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from ptds_desktop.models.base import UUID, Base, Flag, Synced, coded
from ptds_desktop.models.enums import CONFERENCE_FORMATS, INVITE_MODES, INVITE_STATUSES, VENUE_KINDS


class Conference(Synced, Base):
    __tablename__ = "conferences"
    __table_args__ = (
        CheckConstraint("duration_minutes IS NULL OR duration_minutes > 0", name="duration_positive"),
    )

    board_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("command_boards.id"), index=True)
    number_symbol: Mapped[str | None] = mapped_column(String(50))  # of the conference plan
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    place_name: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    requirements: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str | None] = mapped_column(Text)
    starts_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    duration_text: Mapped[str | None] = mapped_column(String(100))  # "01 buổi"
    format: Mapped[str] = coded(CONFERENCE_FORMATS, 20, default="in_person")
    format_text: Mapped[str | None] = mapped_column(Text)
    backdrop_text: Mapped[str | None] = mapped_column(Text)  # maket, one line per row
    logistics: Mapped[str | None] = mapped_column(Text)  # bảo đảm phương tiện, trang phục …
    contact_person_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("people.id"))
    contact_text: Mapped[str | None] = mapped_column(String(300))
    closing_text: Mapped[str | None] = mapped_column(Text)
    invitation_number_symbol: Mapped[str | None] = mapped_column(String(50))  # of the Giấy mời
    invitation_issued_on: Mapped[dt.date | None] = mapped_column(Date)


class Venue(Synced, Base):
    __tablename__ = "venues"

    conference_id: Mapped[str] = mapped_column(UUID, ForeignKey("conferences.id"), index=True)
    kind: Mapped[str] = coded(VENUE_KINDS, 10, default="bridge")
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    host_org_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # Who chairs the site (chủ trì điểm cầu): a person, an organization, or words as printed.
    chair_person_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("people.id"))
    chair_organization_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    chair_text: Mapped[str | None] = mapped_column(String(300))


class AgendaItem(Synced, Base):
    __tablename__ = "agenda_items"

    conference_id: Mapped[str] = mapped_column(UUID, ForeignKey("conferences.id"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    start_time: Mapped[str | None] = mapped_column(String(5))  # "14:00"
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    presenter_person_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("people.id"))
    presenter_org_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    presenter_text: Mapped[str | None] = mapped_column(String(300))


class ParticipantGroup(Synced, Base):
    """A block of the attendee list ("Tại điểm cầu UBND tỉnh — Kính mời")."""

    __tablename__ = "participant_groups"

    conference_id: Mapped[str] = mapped_column(UUID, ForeignKey("conferences.id"), index=True)
    venue_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("venues.id"))
    name: Mapped[str] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Invitee(Synced, Base):
    __tablename__ = "invitees"

    conference_id: Mapped[str] = mapped_column(UUID, ForeignKey("conferences.id"), index=True)
    group_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("participant_groups.id"))
    venue_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("venues.id"))
    person_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("people.id"))
    organization_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    text: Mapped[str | None] = mapped_column(Text)  # as printed when not one person or organization
    mode: Mapped[str] = coded(INVITE_MODES, 10, default="invited")
    status: Mapped[str] = coded(INVITE_STATUSES, 10, default="invited")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Presentation(Synced, Base):
    """A prepared presentation (tham luận), usually at most 7 minutes."""

    __tablename__ = "presentations"
    __table_args__ = (CheckConstraint("max_minutes IS NULL OR max_minutes > 0", name="max_minutes_positive"),)

    conference_id: Mapped[str] = mapped_column(UUID, ForeignKey("conferences.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    topic: Mapped[str | None] = mapped_column(Text)
    max_minutes: Mapped[int | None] = mapped_column(Integer, default=7)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    received: Mapped[bool] = mapped_column(Flag, default=False)
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PreparationDuty(Synced, Base):
    """What an organization prepares (tổ chức thực hiện / công tác bảo đảm)."""

    __tablename__ = "preparation_duties"

    conference_id: Mapped[str] = mapped_column(UUID, ForeignKey("conferences.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    organization_text: Mapped[str | None] = mapped_column(String(300))  # heading as printed
    content: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[bool] = mapped_column(Flag, default=False, server_default=sql_text("0"))


class ConferenceMilestone(Synced, Base):
    """A checklist step dated from the conference day ("phát hành giấy mời" 7 days before)."""

    __tablename__ = "conference_milestones"
    __table_args__ = (CheckConstraint("days_before >= 0", name="days_before_not_negative"),)

    conference_id: Mapped[str] = mapped_column(UUID, ForeignKey("conferences.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    days_before: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[bool] = mapped_column(Flag, default=False, server_default=sql_text("0"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
