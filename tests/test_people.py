import pytest
from roster_fixtures import establish, member_id
from sqlalchemy import func, select

from ptds_desktop.errors import ValidationError
from ptds_desktop.models import BoardMembership, Person
from ptds_desktop.services import memberships, people, roster
from ptds_desktop.services.people import DuplicatePersonError, PersonInput


@pytest.mark.parametrize("written", ["0819.449.153", "0819 449 153", "+84 819 449 153", "84819449153",
                                     "(+84) 819-449-153", " 0819449153 "])
def test_phone_written_any_usual_way_is_stored_canonical(written):
    assert people.canonical_phone(written) == "+84819449153"
    assert people.display_phone(people.canonical_phone(written)) == "0819.449.153"


def test_landline_is_accepted_and_shown_in_groups():
    assert people.canonical_phone("0262 3852 123") == "+842623852123"
    assert people.display_phone("+842623852123") == "0262.3852.123"


@pytest.mark.parametrize("bad", ["0819.449.15", "123", "+1 202 555 0100", "0819-abc-153", "0119 449 153"])
def test_bad_phone_is_refused_with_a_vietnamese_message(bad):
    with pytest.raises(ValidationError) as err:
        people.canonical_phone(bad)
    assert err.value.field == "phone"
    assert "điện thoại" in str(err.value)


def test_email_is_checked_and_lower_cased():
    assert people.check_email(" Van.NT@DakLak.gov.vn ") == "van.nt@daklak.gov.vn"
    with pytest.raises(ValidationError, match="thư điện tử"):
        people.check_email("van.nt@daklak")


def _add(db, name, **kw):
    with db.unit_of_work() as s:
        return people.create_person(s, PersonInput(name, **kw))


def _count_people(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Person)).scalar_one()


def test_search_ignores_diacritics_and_finds_phones_as_typed(db):
    van = _add(db, "Nguyễn Thiên Văn", title="Phó Chủ tịch UBND tỉnh", phone="0819.449.153")
    _add(db, "Trần Văn Thử", title="Chủ tịch UBND tỉnh", phone="0912 000 001")
    with db.unit_of_work() as s:
        for query in ("nguyen thien van", "THIEN VAN", "pho chu tich", "0819449153", "0819.449.153", "449 153",
                      "+84819449153"):
            assert [p.id for p in people.search_people(s, query)] == [van.id], query
        assert [p.full_name for p in people.search_people(s, "ubnd tinh")] == ["Nguyễn Thiên Văn", "Trần Văn Thử"]
        assert people.get_person(s, van.id).phone == "+84819449153"


def test_bad_input_leaves_the_database_unchanged(db):
    before = _count_people(db)
    with pytest.raises(ValidationError, match="Họ và tên"):
        _add(db, "  ", phone="0819.449.153")
    with pytest.raises(ValidationError, match="điện thoại"):
        _add(db, "Người Thử Nghiệm", phone="08")
    assert _count_people(db) == before


def test_likely_duplicate_is_offered_not_silently_created(db):
    first = _add(db, "Nguyễn Thiên Văn", phone="0819.449.153")
    with pytest.raises(DuplicatePersonError) as err:
        _add(db, "nguyen thien van", phone="+84 819 449 153")
    assert [c.id for c in err.value.candidates] == [first.id]
    assert "0819.449.153" in str(err.value)
    # Same name with another phone is somebody else.
    _add(db, "Nguyễn Thiên Văn", phone="0912 000 009")
    # The user looked at the offer and confirmed a different person.
    second = _add(db, "Nguyễn Thiên Văn", phone="0819 449 153", allow_duplicate=True)
    with db.unit_of_work() as s:
        groups = people.duplicate_groups(s)
    assert [{p.id for p in g} for g in groups] == [{first.id, second.id}]


def test_merge_repoints_memberships_and_marks_the_loser(db):
    pb = establish(db)
    with db.unit_of_work() as s:
        van = next(m for m in memberships.roster_on(s, pb.board_id, "10/10/2025") if m.full_name == "Nguyễn Thiên Văn")
    twin = _add(db, "Nguyễn Thiên Văn", phone="0819449153", email="van.nt@daklak.gov.vn", allow_duplicate=True)
    with db.unit_of_work() as s:
        kept = people.merge_people(s, twin.id, van.person_id)
    assert kept.id == twin.id and kept.title == "Phó Chủ tịch UBND tỉnh"  # filled from the merged record
    assert kept.email == "van.nt@daklak.gov.vn"
    with db.unit_of_work() as s:
        loser = s.get(Person, van.person_id)
        assert (loser.merged_into_id, loser.deleted) == (twin.id, True)
        assert s.get(BoardMembership, van.id).person_id == twin.id
        assert [p.id for p in people.search_people(s, "thien van")] == [twin.id]
        assert people.duplicate_groups(s) == []
        # History asked for under the old id follows the merge.
        assert [h.id for h in roster.person_history(s, van.person_id)] == [van.id]


def test_merge_is_captured_as_plain_field_changes_that_sync(db):
    pb = establish(db)
    mid = member_id(pb.first, "Nguyễn Thiên Văn")
    with db.unit_of_work() as s:
        loser = s.get(BoardMembership, mid).person_id
    twin = _add(db, "Nguyễn Thiên Văn", phone="0819 449 153", allow_duplicate=True)
    with db.engine.connect() as conn:
        start = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_outbox").scalar_one()
    with db.unit_of_work() as s:
        people.merge_people(s, twin.id, loser)
    with db.engine.connect() as conn:
        changes = {tuple(r) for r in conn.exec_driver_sql(
            "SELECT tbl, row_id, field, value FROM sync_outbox WHERE seq > ?", (start,))}
    assert ("board_memberships", mid, "person_id", f'"{twin.id}"') in changes
    assert ("people", loser, "merged_into_id", f'"{twin.id}"') in changes
    assert ("people", loser, "deleted", "1") in changes or ("people", loser, "deleted", "true") in changes


def test_reference_to_a_merged_record_arriving_later_shows_the_kept_person(db):
    pb = establish(db)
    a = _add(db, "Người Thử Gộp", phone="0905 111 222")
    b = _add(db, "Người Thử Gộp", phone="0905 111 222", allow_duplicate=True)
    with db.unit_of_work() as s:
        people.merge_people(s, a.id, b.id)
    # As sync would deliver a membership made elsewhere before the merge was known there.
    with db.unit_of_work() as s:
        s.add(BoardMembership(board_id=pb.board_id, person_id=b.id, role="member",
            start_date=pb.first.decision.issued_on,
                              position_text="Cán bộ thử nghiệm", sort_order=9))
    with db.unit_of_work() as s:
        row = next(m for m in memberships.roster_on(s, pb.board_id, "10/10/2025") if m.position == "Cán bộ thử nghiệm")
    assert (row.person_id, row.full_name) == (a.id, "Người Thử Gộp")


def test_merge_refused_when_both_sit_on_the_same_board(db):
    pb = establish(db)
    with db.unit_of_work() as s:
        members = memberships.roster_on(s, pb.board_id, "10/10/2025")
    head = next(m for m in members if m.role == "head")
    deputy = next(m for m in members if m.role == "deputy")
    with db.unit_of_work() as s, pytest.raises(ValidationError, match="cùng một Ban"):
        people.merge_people(s, head.person_id, deputy.person_id)


def test_delete_is_refused_for_a_sitting_member_and_a_tombstone_otherwise(db):
    pb = establish(db)
    with db.unit_of_work() as s:
        head = s.get(BoardMembership, member_id(pb.first, "Trần Văn Thử"))
        with pytest.raises(ValidationError, match="đang là thành viên"):
            people.delete_person(s, head.person_id)
    other = _add(db, "Người Sẽ Xóa")
    with db.unit_of_work() as s:
        people.delete_person(s, other.id)
    with db.unit_of_work() as s:
        assert people.search_people(s, "se xoa") == []
        assert s.get(Person, other.id).deleted is True


def test_reusing_a_person_on_file_fills_only_its_empty_fields_including_the_phone(db):
    with db.unit_of_work() as s:
        kept = people.create_person(s, PersonInput("Nguyễn Văn An", title="Phó Giám đốc"))
    typed = PersonInput("Nguyen Van An", title="Giám đốc", phone="0905 111 222", email="AN@daklak.gov.vn")
    with db.unit_of_work() as s:
        filled = people.fill_empty_fields(s, kept.id, typed)
    assert filled.full_name == "Nguyễn Văn An"  # the record on file keeps what it has
    assert filled.title == "Phó Giám đốc"
    assert filled.phone == "+84905111222"  # only a phone was missing: the merge must still write it
    assert filled.email == "an@daklak.gov.vn"
    with db.unit_of_work() as s:
        assert people.get_person(s, kept.id) == filled


def test_a_new_person_is_checked_before_the_decision_saves_it(db):
    with db.unit_of_work() as s:
        on_file = people.create_person(s, PersonInput("Trần Thị Bình", phone="0912 000 001"))
        with pytest.raises(ValidationError) as bad:
            people.check_new_person(s, PersonInput("Trần Thị Bình", phone="12345"))
        assert bad.value.field == "phone"
        assert people.check_new_person(s, PersonInput("tran thi binh", phone="+84 912 000 001")) == [on_file]
        assert people.check_new_person(s, PersonInput("Trần Thị Bình", phone="0912000001",
                                                      allow_duplicate=True)) == []
