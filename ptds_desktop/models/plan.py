"""Plans (KH, CTr), their sections, tasks with agencies per role, and progress reports."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ptds_desktop.models.base import UUID, Base, Synced, coded, not_blank
from ptds_desktop.models.enums import PLAN_KINDS, PROGRESS_STATUSES, TASK_AGENCY_ROLES, TIMEFRAME_KINDS


class Plan(Synced, Base):
    __tablename__ = "plans"

    kind: Mapped[str] = coded(PLAN_KINDS, 10, default="KH")
    number_symbol: Mapped[str | None] = mapped_column(String(50))  # "04/CTr-UBND"
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    place_name: Mapped[str | None] = mapped_column(String(100))  # "TP. Thái Nguyên"
    issuer_org_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    parent_issuer_text: Mapped[str | None] = mapped_column(String(200))  # header line above the issuer
    title: Mapped[str] = mapped_column(Text)  # trích yếu
    legal_bases: Mapped[str | None] = mapped_column(Text)  # căn cứ, one per line
    preamble: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    requirements: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)  # remaining sections as structured text
    appendix_title: Mapped[str | None] = mapped_column(Text)
    # The matrix's shape: agency roles in column order ("lead,coordinating"; seed 001: "directing,lead_advisory,
    # implementing") and the phase columns under "Thời gian thực hiện", one label a line (empty: one time column).
    matrix_roles: Mapped[str | None] = mapped_column(String(100))
    phase_labels: Mapped[str | None] = mapped_column(Text)


class PlanSection(Synced, Base):
    """A Roman-numeral group of tasks in the appendix matrix (or a numbered group in the body)."""

    __tablename__ = "plan_sections"

    plan_id: Mapped[str] = mapped_column(UUID, ForeignKey("plans.id"), index=True)
    code: Mapped[str] = mapped_column(String(10))  # "I", "1"
    title: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Task(Synced, Base):
    __tablename__ = "tasks"

    plan_id: Mapped[str] = mapped_column(UUID, ForeignKey("plans.id"), index=True)
    section_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("plan_sections.id"), index=True)
    code: Mapped[str | None] = mapped_column(String(20))  # "1", "1.1"
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str] = not_blank(Text)
    timeframe_kind: Mapped[str] = coded(TIMEFRAME_KINDS, 20, default="ongoing")
    # Machine value per kind: "2025-Q1", "2025", "2026-03-31", phases "1,2"; empty otherwise.
    timeframe_value: Mapped[str | None] = mapped_column(String(50))
    timeframe_text: Mapped[str | None] = mapped_column(String(200))  # as printed: "Quý I năm 2025"
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)  # derived from the timeframe where it allows
    deliverable: Mapped[str | None] = mapped_column(Text)


class TaskAgency(Synced, Base):
    """An agency in one role on a task; a role can have several (seed 001: "… và Đảng ủy Quân sự tỉnh").
    The agency is a reference (services/references.py): an organization (with its printed wording), a person,
    or words as printed ("Các phòng, ban, cơ quan, đơn vị, địa phương")."""

    __tablename__ = "task_agencies"
    __table_args__ = (
        CheckConstraint(
            "(organization_id IS NOT NULL AND person_id IS NULL) OR "
            "(person_id IS NOT NULL AND organization_id IS NULL AND text IS NULL) OR "
            "(organization_id IS NULL AND person_id IS NULL AND length(trim(coalesce(text, ''))) > 0)",
            name="one_reference",
        ),
    )

    task_id: Mapped[str] = mapped_column(UUID, ForeignKey("tasks.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("people.id"))
    text: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str] = coded(TASK_AGENCY_ROLES, 20)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class TaskAssignment(Synced, Base):
    """An office expected to report progress on a task."""

    __tablename__ = "task_assignments"

    task_id: Mapped[str] = mapped_column(UUID, ForeignKey("tasks.id"), index=True)
    office_id: Mapped[str] = mapped_column(UUID, ForeignKey("offices.id"), index=True)


class ProgressReport(Synced, Base):
    __tablename__ = "progress_reports"
    __table_args__ = (
        CheckConstraint("percent BETWEEN 0 AND 100", name="percent_range"),
    )

    task_id: Mapped[str] = mapped_column(UUID, ForeignKey("tasks.id"), index=True)
    # The reporting organization; the reporting office is the row's owner (only it may change the report).
    # Attached files are Attachment rows with owner_table "progress_reports".
    organization_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"))
    reported_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = coded(PROGRESS_STATUSES, 20, default="not_started")
    percent: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str | None] = mapped_column(Text)
