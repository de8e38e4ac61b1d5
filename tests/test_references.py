import unicodedata

import pytest

from ptds_desktop.errors import ValidationError
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services import people
from ptds_desktop.services.references import (
    Reference,
    catalogue_index,
    match_organization,
    reference_from_words,
    reference_label,
    reference_labels,
    validate_reference,
)


@pytest.fixture
def catalogue(db):
    with db.unit_of_work() as s:
        police = orgs.create_organization(
            s, orgs.OrganizationInput("Công an tỉnh Đắk Lắk", short_name="CA tỉnh", kind="police")
        )
        military = orgs.create_organization(
            s, orgs.OrganizationInput("Bộ Chỉ huy Quân sự tỉnh", short_name="Bộ CHQS tỉnh", kind="military")
        )
        person = people.create_person(s, people.PersonInput("Nguyễn Văn An", title="Phó Chủ tịch UBND tỉnh"))
    return {"police": police.id, "military": military.id, "person": person.id}


def test_each_allowed_shape_validates_and_is_cleaned(db, catalogue):
    nfd = unicodedata.normalize("NFD", "  Các sở,   ban, ngành; UBND cấp xã ")
    with db.unit_of_work() as s:
        words = validate_reference(s, Reference(text=nfd), "lead")
        org = validate_reference(s, Reference(organization_id=catalogue["police"]), "lead")
        worded = validate_reference(s, Reference(organization_id=catalogue["police"], text="Công an tỉnh"), "lead")
        person = validate_reference(s, Reference(person_id=catalogue["person"]), "lead")
    assert words == Reference(text="Các sở, ban, ngành; UBND cấp xã")
    assert unicodedata.is_normalized("NFC", words.text)
    assert org == Reference(organization_id=catalogue["police"])
    assert worded.text == "Công an tỉnh"
    assert person == Reference(person_id=catalogue["person"])


@pytest.mark.parametrize(
    "ref, message",
    [
        (Reference(), "Cần chọn cơ quan, người"),
        (Reference(text="   "), "Cần chọn cơ quan, người"),
        (Reference(organization_id="x", person_id="y"), "không cả hai"),
        (Reference(text="a" * 501), "dài quá 500"),
        (Reference(organization_id="no-such-id"), "Không tìm thấy cơ quan"),
        (Reference(person_id="no-such-id"), "Không tìm thấy người"),
    ],
)
def test_bad_references_are_refused_naming_the_field(db, catalogue, ref, message):
    with db.unit_of_work() as s, pytest.raises(ValidationError, match=message) as err:
        validate_reference(s, ref, "coordinating")
    assert err.value.field == "coordinating"


def test_person_with_words_is_refused(db, catalogue):
    with db.unit_of_work() as s, pytest.raises(ValidationError, match="không ghi thêm"):
        validate_reference(s, Reference(person_id=catalogue["person"], text="Ông An"), "lead")


def test_deleted_organization_or_person_is_refused_but_still_labelled(db, catalogue):
    with db.unit_of_work() as s:
        orgs.delete_organization(s, catalogue["police"])
        people.delete_person(s, catalogue["person"])
    with db.unit_of_work() as s:
        with pytest.raises(ValidationError, match="đã bị xóa"):
            validate_reference(s, Reference(organization_id=catalogue["police"]), "lead")
        with pytest.raises(ValidationError, match="đã bị xóa"):
            validate_reference(s, Reference(person_id=catalogue["person"]), "lead")
        # An issued document keeps printing the name it was written with.
        assert reference_label(s, Reference(organization_id=catalogue["police"])) == "Công an tỉnh Đắk Lắk"


def test_merged_person_reference_follows_the_merge(db, catalogue):
    with db.unit_of_work() as s:
        twin = people.create_person(s, people.PersonInput("Nguyễn Văn Ân", allow_duplicate=True))
        people.merge_people(s, catalogue["person"], twin.id)
    with db.unit_of_work() as s:
        assert validate_reference(s, Reference(person_id=twin.id), "lead").person_id == catalogue["person"]


def test_labels_print_wording_then_catalogue_name_then_person(db, catalogue):
    refs = [
        Reference(text="Các địa phương"),
        Reference(organization_id=catalogue["military"]),
        Reference(organization_id=catalogue["military"], text="Ban CHQS thành phố"),
        Reference(person_id=catalogue["person"]),
    ]
    with db.unit_of_work() as s:
        assert reference_labels(s, refs) == [
            "Các địa phương",
            "Bộ Chỉ huy Quân sự tỉnh",
            "Ban CHQS thành phố",
            "Nguyễn Văn An, Phó Chủ tịch UBND tỉnh",
        ]
        assert reference_labels(s, []) == []


@pytest.mark.parametrize(
    "words",
    ["cong an tinh dak lak", "CÔNG AN  TỈNH   ĐẮK LẮK", " Công an tỉnh Đắk Lắk. ", "ca tinh", "Công an tỉnh Đắk Lắk;"],
)
def test_catalogue_match_ignores_diacritics_case_spaces_and_edge_punctuation(db, catalogue, words):
    with db.unit_of_work() as s:
        assert match_organization(s, words) == catalogue["police"]


@pytest.mark.parametrize("words", ["Công an thành phố", "", None, "Các phòng, ban, cơ quan, đơn vị, địa phương"])
def test_words_naming_no_catalogue_entry_do_not_match(db, catalogue, words):
    with db.unit_of_work() as s:
        assert match_organization(s, words) is None


def test_reference_from_words_links_matches_and_keeps_the_wording(db, catalogue):
    with db.unit_of_work() as s:
        index = catalogue_index(s)
    linked = reference_from_words("Bộ CHQS  tỉnh", index)
    assert linked == Reference(organization_id=catalogue["military"], text="Bộ CHQS tỉnh")
    assert reference_from_words("Các địa phương", index) == Reference(text="Các địa phương")
    assert reference_from_words("Các địa phương", index).is_words_only
