"""This installation's office: set-up and lookup."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptds_desktop.db.database import OFFICE_ID_KEY, Database
from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate
from ptds_desktop.models import LocalSetting, Office, new_id
from ptds_desktop.models.enums import OFFICE_LEVELS
from ptds_desktop.services.common import referenced, required
from ptds_desktop.sync.keys import create_key


@dataclasses.dataclass(frozen=True)
class OfficeData:
    id: str
    name: str
    level: str
    parent_id: str | None
    place_name: str | None
    public_key: str | None

    @property
    def level_label(self) -> str:
        return OFFICE_LEVELS.get(self.level, self.level)


def _to_data(office: Office) -> OfficeData:
    return OfficeData(office.id, office.name, office.level, office.parent_id, office.place_name, office.public_key)


def init_office(
    db: Database,
    name: str,
    level: str,
    *,
    office_id: str | None = None,
    parent_id: str | None = None,
    place_name: str | None = None,
) -> OfficeData:
    """Make this database the installation of one office. Refused when it already is one."""
    if db.office_id() is not None:
        raise PtdsError(translate("Core", "Cơ sở dữ liệu này đã được khởi tạo cho một văn phòng."))
    name = required(name, QT_TRANSLATE_NOOP("Fields", "tên văn phòng"), "name", 200)
    if level not in OFFICE_LEVELS:
        choices = ", ".join(OFFICE_LEVELS)
        raise ValidationError(translate("Core", "Cấp không hợp lệ: {level!r} (chọn một trong: {choices}).").format(
            level=level, choices=choices), "level")
    office_id = office_id or new_id()
    public_key = create_key(db.path, office_id)  # the signing identity (private key beside the database)
    with db.unit_of_work(as_office=office_id) as session:
        session.add(LocalSetting(key=OFFICE_ID_KEY, value=office_id))
        existing = session.get(Office, office_id)
        if existing is None:
            session.add(
                Office(id=office_id, name=name, level=level, parent_id=parent_id, place_name=place_name,
                       created_by=office_id, owner_office_id=office_id, public_key=public_key)
            )
        elif existing.public_key != public_key:  # enrolled: the row came from the parent, the key is ours
            existing.public_key = public_key
    return this_office(db)


def this_office(db: Database) -> OfficeData:
    office_id = db.office_id()
    if office_id is None:
        raise PtdsError(translate(
            "Core", "Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy 'ptds init --office TÊN --level province|commune'."))
    with db.unit_of_work() as session:
        return _to_data(referenced(session, Office, office_id))


def list_offices(session: Session) -> list[OfficeData]:
    return [_to_data(o) for o in session.scalars(select(Office).where(Office.deleted.is_(False)).order_by(Office.name))]
