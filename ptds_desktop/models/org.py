"""Offices (installations), organizations (agencies named in documents) and people."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ptds_desktop.models.base import UUID, Base, Synced, coded, not_blank
from ptds_desktop.models.enums import OFFICE_LEVELS, ORG_KINDS


class Office(Synced, Base):
    """One installation of the app. Owned by itself; its public key spreads with enrolment and bundles."""

    __tablename__ = "offices"

    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = coded(OFFICE_LEVELS, 20)
    parent_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("offices.id"), index=True)
    public_key: Mapped[str | None] = mapped_column(String(100))  # Ed25519, base64
    place_name: Mapped[str | None] = mapped_column(String(100))  # "Đắk Lắk" for dated lines


class Organization(Synced, Base):
    """An agency or unit (cơ quan, đơn vị); hierarchical. "group" rows stand for phrases such as
    "Các phòng, ban, cơ quan, đơn vị, địa phương" that documents use as one agency."""

    __tablename__ = "organizations"

    name: Mapped[str] = not_blank(String(300))
    short_name: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = coded(ORG_KINDS, 30, default="other")
    parent_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(30))
    notes: Mapped[str | None] = mapped_column(Text)


class Person(Synced, Base):
    __tablename__ = "people"

    full_name: Mapped[str] = not_blank(String(150))
    title: Mapped[str | None] = mapped_column(String(300))  # chức vụ
    organization_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("organizations.id"), index=True)
    phone: Mapped[str | None] = mapped_column(String(20))  # canonical +84xxxxxxxxx
    email: Mapped[str | None] = mapped_column(String(200))
    # Set when this record was merged into another (a deliberate, synced merge of duplicates).
    merged_into_id: Mapped[str | None] = mapped_column(UUID, ForeignKey("people.id"))
