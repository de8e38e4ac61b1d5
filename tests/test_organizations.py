import unicodedata

import pytest

from ptds_desktop.errors import NotFoundError, ValidationError
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.organizations import OrganizationInput


def _add(db, name, **kw):
    with db.unit_of_work() as s:
        return orgs.create_organization(s, OrganizationInput(name, **kw))


def test_create_and_find_without_diacritics(db):
    _add(db, "Ủy ban nhân dân tỉnh Đắk Lắk", short_name="UBND tỉnh", kind="people_committee")
    _add(db, "Sở Nông nghiệp và Môi trường", kind="department")
    with db.unit_of_work() as s:
        assert [o.name for o in orgs.list_organizations(s, "dak lak")] == ["Ủy ban nhân dân tỉnh Đắk Lắk"]
        assert [o.name for o in orgs.list_organizations(s, "uy ban")] == ["Ủy ban nhân dân tỉnh Đắk Lắk"]
        assert [o.name for o in orgs.list_organizations(s,
            "nong nghiep moi truong")] == ["Sở Nông nghiệp và Môi trường"]
        assert [o.name for o in orgs.list_organizations(s, "ubnd")] == ["Ủy ban nhân dân tỉnh Đắk Lắk"]


def test_text_is_stored_nfc(db):
    created = _add(db, unicodedata.normalize("NFD", "Công an tỉnh Đắk Lắk"), kind="police")
    with db.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT name FROM organizations WHERE id=?", (created.id,)).scalar_one()
    assert stored == unicodedata.normalize("NFC", "Công an tỉnh Đắk Lắk")


def test_blank_name_is_refused_with_a_vietnamese_message(db):
    with pytest.raises(ValidationError) as err:
        _add(db, "   ")
    assert err.value.field == "name"
    assert "không được để trống" in str(err.value)


def test_duplicate_name_ignoring_accents_is_refused(db):
    _add(db, "Bộ Chỉ huy Quân sự tỉnh")
    with pytest.raises(ValidationError, match="Đã có"):
        _add(db, "bo chi huy quan su tinh")


def test_edit_and_cycle_check(db):
    parent = _add(db, "UBND tỉnh Đắk Lắk")
    child = _add(db, "Văn phòng UBND tỉnh", parent_id=parent.id)
    with db.unit_of_work() as s, pytest.raises(ValidationError, match="cấp trên"):
        orgs.update_organization(s, parent.id, OrganizationInput("UBND tỉnh Đắk Lắk", parent_id=child.id))
    with db.unit_of_work() as s:
        renamed = orgs.update_organization(s, child.id, OrganizationInput("Văn phòng UBND tỉnh Đắk Lắk",
            parent_id=parent.id))
    assert renamed.name == "Văn phòng UBND tỉnh Đắk Lắk"


def test_delete_is_a_tombstone_and_can_be_undone(db):
    org = _add(db, "Báo và Phát thanh, Truyền hình Đắk Lắk", kind="press")
    with db.unit_of_work() as s:
        orgs.delete_organization(s, org.id)
    with db.unit_of_work() as s:
        assert orgs.list_organizations(s, "truyen hinh") == []
        with pytest.raises(NotFoundError):
            orgs.get_organization(s, org.id)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT deleted FROM organizations WHERE id=?", (org.id,)).scalar_one() == 1
    with db.unit_of_work() as s:
        orgs.restore_organization(s, org.id)
        assert [o.id for o in orgs.list_organizations(s, "truyen hinh")] == [org.id]


def test_parent_with_children_cannot_be_deleted(db):
    parent = _add(db, "UBND tỉnh Đắk Lắk")
    _add(db, "Văn phòng UBND tỉnh", parent_id=parent.id)
    with db.unit_of_work() as s, pytest.raises(ValidationError, match="trực thuộc"):
        orgs.delete_organization(s, parent.id)
