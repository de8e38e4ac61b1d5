"""Organizations (cơ quan, đơn vị): the catalogue every document refers to."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import Organization
from ptds_desktop.models.enums import ORG_KINDS
from ptds_desktop.services.common import (
    ORGANIZATION,
    clean,
    folded_contains,
    get_live,
    referenced,
    required,
    untombstone,
)
from ptds_desktop.text import fold


@dataclasses.dataclass(frozen=True)
class OrganizationData:
    id: str
    name: str
    short_name: str | None
    kind: str
    parent_id: str | None
    address: str | None
    phone: str | None
    notes: str | None

    @property
    def kind_label(self) -> str:
        return ORG_KINDS.get(self.kind, self.kind)


@dataclasses.dataclass(frozen=True)
class OrganizationInput:
    name: str
    short_name: str | None = None
    kind: str = "other"
    parent_id: str | None = None
    address: str | None = None
    phone: str | None = None
    notes: str | None = None


def _to_data(org: Organization) -> OrganizationData:
    return OrganizationData(
        id=org.id, name=org.name, short_name=org.short_name, kind=org.kind, parent_id=org.parent_id,
        address=org.address, phone=org.phone, notes=org.notes,
    )


def _validate(session: Session, data: OrganizationInput, editing_id: str | None) -> dict[str, Any]:
    name = required(data.name, QT_TRANSLATE_NOOP("Fields", "tên cơ quan, đơn vị"), "name", 300)
    if data.kind not in ORG_KINDS:
        raise ValidationError(translate("Core", "Loại cơ quan không hợp lệ: {kind!r}.").format(kind=data.kind), "kind")
    parent_id = data.parent_id or None
    if parent_id:
        get_live(session, Organization, parent_id, QT_TRANSLATE_NOOP("Fields", "cơ quan cấp trên"))
        ancestor: str | None = parent_id
        while ancestor:
            if ancestor == editing_id:
                raise ValidationError(translate(
                    "Core", "Cơ quan cấp trên không thể là chính nó hoặc đơn vị trực thuộc của nó."), "parent_id")
            ancestor = referenced(session, Organization, ancestor).parent_id
    duplicate = session.scalars(
        select(Organization).where(
            Organization.deleted.is_(False),
            func.ptds_fold(Organization.name) == fold(name),
            Organization.id != (editing_id or ""),
        )
    ).first()
    if duplicate is not None:
        raise ValidationError(
            translate("Core", "Đã có cơ quan, đơn vị tên “{name}”.").format(name=duplicate.name), "name")
    return {
        "name": name,
        "short_name": clean(data.short_name),
        "kind": data.kind,
        "parent_id": parent_id,
        "address": clean(data.address),
        "phone": clean(data.phone),
        "notes": clean(data.notes),
    }


def create_organization(session: Session, data: OrganizationInput) -> OrganizationData:
    org = Organization(**_validate(session, data, None))
    session.add(org)
    session.flush()
    return _to_data(org)


def update_organization(session: Session, org_id: str, data: OrganizationInput) -> OrganizationData:
    org = get_live(session, Organization, org_id, ORGANIZATION)
    for key, value in _validate(session, data, org_id).items():
        if getattr(org, key) != value:
            setattr(org, key, value)
    session.flush()
    return _to_data(org)


def delete_organization(session: Session, org_id: str) -> OrganizationData:
    """Tombstone the row (it must travel to other offices as a deletion); refuse while children depend on it."""
    org = get_live(session, Organization, org_id, ORGANIZATION)
    child = session.scalars(
        select(Organization.name).where(Organization.parent_id == org_id, Organization.deleted.is_(False))
    ).first()
    if child:
        raise ValidationError(translate("Core", "Không xóa được “{name}”: còn đơn vị trực thuộc “{child}”.").format(
            name=org.name, child=child), "parent_id")
    org.deleted = True
    session.flush()
    return _to_data(org)


def restore_organization(session: Session, org_id: str) -> OrganizationData:
    return _to_data(untombstone(session, Organization, org_id, ORGANIZATION))


def get_organization(session: Session, org_id: str) -> OrganizationData:
    return _to_data(get_live(session, Organization, org_id, ORGANIZATION))


def list_organizations(session: Session, query: str = "", limit: int | None = None) -> list[OrganizationData]:
    """Live organizations ordered by name; `query` matches name or short name without diacritics."""
    stmt = select(Organization).where(Organization.deleted.is_(False))
    if query.strip():
        stmt = stmt.where(folded_contains(query, Organization.name, Organization.short_name))
    stmt = stmt.order_by(func.ptds_fold(Organization.name))
    if limit:
        stmt = stmt.limit(limit)
    return [_to_data(o) for o in session.scalars(stmt)]


def find_by_name(session: Session, name: str) -> OrganizationData | None:
    """Exact match ignoring case and diacritics, by full or short name."""
    key = fold(name)
    org = session.scalars(
        select(Organization).where(
            Organization.deleted.is_(False),
            or_(func.ptds_fold(Organization.name) == key, func.ptds_fold(Organization.short_name) == key),
        )
    ).first()
    return _to_data(org) if org else None
