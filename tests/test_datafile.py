"""The JSON data file: byte-identical round trip through the CLI, newer-wins import, and refused bad input."""

import copy
import datetime as dt
import json
import sqlite3
import unicodedata

import pytest

from ptds_desktop import datafile
from ptds_desktop.db.database import open_database
from ptds_desktop.errors import ValidationError
from ptds_desktop.models import (
    Attachment,
    Conference,
    ConferenceMilestone,
    DocumentSetting,
    Office,
    Organization,
    ProgressReport,
    Task,
    TaskAssignment,
)
from ptds_desktop.models.base import SYNC_META_COLUMNS, synced_tables


def _fill_tables_the_demo_leaves_empty(db_path):
    """Attachment, progress report, task assignment, document settings, a conference checklist step and a
    tombstone, so every synced table has a row."""
    db = open_database(db_path)
    with db.unit_of_work() as s:
        office_id = db.office_id()
        commune = Office(name="UBND xã Hòa Phú", level="commune", parent_id=office_id, place_name="Hòa Phú")
        s.add(commune)
        s.flush()
        task = s.query(Task).filter(Task.code == "1.1").order_by(Task.id).first()
        s.add(TaskAssignment(task_id=task.id, office_id=commune.id))
        s.add(ProgressReport(task_id=task.id, reported_on=dt.date(2026, 2, 28), status="in_progress", percent=40,
                             text="Đã quán triệt đến 100% chi bộ"))
        s.add(Attachment(sha256="a" * 64, filename="QĐ 01620.pdf", media_type="application/pdf", size=1234,
                         owner_table="tasks", owner_row_id=task.id))
        s.add(DocumentSetting(office_id=office_id, kind="plan", parent_body="UBND TỈNH ĐẮK LẮK",
                              issuing_body="BAN CHỈ HUY PHÒNG THỦ DÂN SỰ", symbol="KH-BCH",
                              signer_name="Nguyễn Thiên Văn", recipients="Thường trực Tỉnh ủy (b/c)\nUBND tỉnh"))
        conference = s.query(Conference).one()
        s.add(ConferenceMilestone(conference_id=conference.id, title="Phát hành Giấy mời đại biểu", days_before=7,
                                  sort_order=1))
        gone = Organization(name="Cơ quan đã giải thể", kind="other")
        s.add(gone)
        s.flush()
        gone.deleted = True
    db.close()


def test_round_trip_through_a_new_database_is_byte_identical(ptds, tmp_path):
    x, y = tmp_path / "x.db", tmp_path / "y.db"
    r = ptds("--db", x, "demo")
    assert r.returncode == 0, r
    _fill_tables_the_demo_leaves_empty(x)
    assert ptds("--db", x, "data", "export", "-o", tmp_path / "a.json").returncode == 0
    r = ptds("--db", y, "data", "import", tmp_path / "a.json")
    assert r.returncode == 0, r
    assert "0 dòng cập nhật, 0 dòng không đổi" in r.stdout
    assert ptds("--db", y, "data", "export", "-o", tmp_path / "b.json").returncode == 0

    a = (tmp_path / "a.json").read_bytes()
    assert a == (tmp_path / "b.json").read_bytes()
    assert a.endswith(b"}\n") and "Đắk Lắk".encode() in a  # UTF-8, not \u escapes
    doc = json.loads(a)
    assert list(doc["tables"]) == [t.name for t in synced_tables()]
    for name, rows in doc["tables"].items():
        assert rows, f"table {name} not exercised"
        assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
        assert tuple(rows[0])[:5] == SYNC_META_COLUMNS
    assert any(r["deleted"] for r in doc["tables"]["organizations"])
    assert doc["tables"]["conferences"][0]["starts_at"] == "2026-03-12T14:00:00"
    assert doc["tables"]["progress_reports"][0]["reported_on"] == "2026-02-28"

    # y received the data but did not become an office.
    report = json.loads(ptds("--db", y, "check", "--json").stdout)
    assert report["status"] == "ok" and report["office"] is None

    r = ptds("--db", y, "data", "import", tmp_path / "a.json", "--json")
    counts = json.loads(r.stdout)
    assert counts["inserted"] == 0 and counts["updated"] == 0 and counts["unchanged"] == sum(map(len,
        doc["tables"].values()))


def _org(row_id, name, hlc, **extra):
    return {"id": row_id, "created_by": OFFICE, "owner_office_id": OFFICE, "hlc": hlc, "deleted": False,
            "name": name, "kind": "department", **extra}


OFFICE = "11111111-1111-4111-8111-111111111111"
ORG = "22222222-2222-4222-8222-222222222222"
PERSON = "33333333-3333-4333-8333-333333333333"
BOARD = "44444444-4444-4444-8444-444444444444"
DECISION = "55555555-5555-4555-8555-555555555555"


def _doc(tables):
    return json.dumps({"format": "ptds-data", "version": 1, "tables": tables}, ensure_ascii=False)


def _load(db, text):
    return datafile.import_document(db, datafile.parse_document(text, "test.json"))


def test_existing_rows_change_only_when_the_incoming_stamp_is_newer(db):
    office = {"id": OFFICE, "created_by": OFFICE, "owner_office_id": OFFICE, "hlc": 1, "name": "UBND xã Ea Tu",
              "level": "commune"}
    report = _load(db, _doc({"offices": [office], "organizations": [_org(ORG, "Sở Y tế", 100)]}))
    assert (report.inserted, report.updated, report.unchanged) == (2, 0, 0)

    report = _load(db, _doc({"organizations": [_org(ORG, "Sở Y tế (cũ)", 50)]}))
    assert (report.inserted, report.updated, report.unchanged) == (0, 0, 1)
    report = _load(db, _doc({"organizations": [_org(ORG, "Sở Y tế tỉnh Đắk Lắk", 200, short_name="Sở Y tế")]}))
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 0)
    with db.unit_of_work() as s:
        org = s.get(Organization, ORG)
        assert (org.name, org.short_name, org.hlc, org.owner_office_id) == ("Sở Y tế tỉnh Đắk Lắk", "Sở Y tế", 200,
            OFFICE)


def test_rows_without_owner_take_the_loading_office_and_text_is_stored_nfc(db):
    name = "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk"
    row = {"id": ORG, "name": unicodedata.normalize("NFD", name), "kind": "military"}  # as Word may paste it
    _load(db, _doc({"organizations": [row]}))
    with db.unit_of_work() as s:
        org = s.get(Organization, ORG)
        assert org.name == name and org.created_by == db.office_id() == org.owner_office_id
        assert org.hlc == 0 and org.deleted is False


def _valid_tables():
    return {
        "organizations": [_org(ORG, "Ủy ban nhân dân tỉnh Đắk Lắk", 1)],
        "command_boards": [{"id": BOARD, "created_by": OFFICE, "owner_office_id": OFFICE, "hlc": 1, "deleted": False,
                            "name": "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk", "unit_name": "tỉnh Đắk Lắk",
                            "level": "province"}],
        "decisions": [{"id": DECISION, "created_by": OFFICE, "owner_office_id": OFFICE, "hlc": 1, "deleted": False,
                       "board_id": BOARD, "kind": "establish", "number_symbol": "01620/QĐ-UBND",
                       "issued_on": "2025-10-09", "issuer_org_id": ORG}],
        "people": [{"id": PERSON, "created_by": OFFICE, "owner_office_id": OFFICE, "hlc": 1, "deleted": False,
                    "full_name": "Nguyễn Thiên Văn", "organization_id": ORG}],
    }


def _broken(mutate):
    tables = copy.deepcopy(_valid_tables())
    mutate(tables)
    return _doc(tables)


BAD_INPUT = [
    ("not json", "{\"format\": \"ptds-data\",", ["không phải JSON hợp lệ", "dòng 1"]),
    ("wrong format version", json.dumps({"format": "ptds-data", "version": 2, "tables": {}}), ["phiên bản 2"]),
    ("unknown table", _broken(lambda t: t.update(local_settings=[])), ["local_settings"]),
    ("unknown column", _broken(lambda t: t["people"][0].update(nickname="Văn")),
     ["“people”", "dòng 1", PERSON, "“nickname”"]),
    ("missing required field", _broken(lambda t: t["decisions"][0].pop("number_symbol")),
     ["“decisions”", "dòng 1", DECISION, "“number_symbol”", "thiếu"]),
    ("impossible date", _broken(lambda t: t["decisions"][0].update(issued_on="2025-02-30")),
     ["“decisions”", "“issued_on”", "không tồn tại", "2025-02-30"]),
    ("date in the wrong form", _broken(lambda t: t["decisions"][0].update(issued_on="09/10/2025")),
     ["“issued_on”", "YYYY-MM-DD"]),
    ("reference to a missing row", _broken(lambda t: t["people"][0].update(organization_id=BOARD)),
     ["“people”", "dòng 1", "“organization_id”", "organizations", BOARD]),
    ("invalid text", _broken(lambda t: t["people"][0].update(full_name="Nguy\ud800n")),
     ["“people”", "“full_name”", "U+D800"]),
    ("text of the wrong type", _broken(lambda t: t["people"][0].update(full_name=42)), ["“full_name”", "chuỗi"]),
    ("value outside its vocabulary", _broken(lambda t: t["organizations"][0].update(kind="ministry")),
     ["“organizations”", "“kind”", "ministry"]),
    ("blank name", _broken(lambda t: t["people"][0].update(full_name="  ")), ["“full_name”", "để trống"]),
    ("duplicate id", _broken(lambda t: t["people"].append(dict(t["people"][0]))), ["“people”", "dòng 2", "trùng"]),
    ("malformed id", _broken(lambda t: t["people"][0].update(id="p1")), ["“people”", "“id”", "UUID"]),
]


@pytest.mark.parametrize("text,expected", [(b[1], b[2]) for b in BAD_INPUT], ids=[b[0] for b in BAD_INPUT])
def test_bad_input_is_refused_with_its_place_and_the_database_unchanged(db, text, expected):
    with db.unit_of_work() as s:
        before = datafile.dumps(datafile.export_document(s))
    with pytest.raises(ValidationError) as error:
        _load(db, text)
    for part in expected:
        assert part in str(error.value)
    with db.unit_of_work() as s:
        assert datafile.dumps(datafile.export_document(s)) == before


def test_a_database_rule_broken_by_one_row_is_reported_for_that_row_and_nothing_is_written(db):
    membership = {"id": "66666666-6666-4666-8666-666666666666", "created_by": OFFICE, "owner_office_id": OFFICE,
                  "board_id": BOARD, "role": "member", "position_text": "Giám đốc Sở Y tế",
                  "start_date": "2025-10-09", "end_date": "2025-01-01"}
    tables = _valid_tables()
    tables["board_memberships"] = [membership]
    with pytest.raises(ValidationError, match="board_memberships.*dòng 1.*end_after_start"):
        _load(db, _doc(tables))
    with db.unit_of_work() as s:
        assert s.get(Organization, ORG) is None


def test_cli_refuses_a_bad_file_without_creating_the_database(ptds, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(_broken(lambda t: t["people"][0].update(organization_id=BOARD)), encoding="utf-8")
    r = ptds("--db", tmp_path / "new.db", "data", "import", bad)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "people" in r.stderr and "organization_id" in r.stderr
    assert not (tmp_path / "new.db").exists()

    (tmp_path / "latin1.json").write_bytes('{"x": "Đắk"}'.encode("utf-16"))
    r = ptds("--db", tmp_path / "new.db", "data", "import", tmp_path / "latin1.json")
    assert r.returncode == 2 and "UTF-8" in r.stderr
    assert not (tmp_path / "new.db").exists()


def test_cli_import_into_an_existing_office_keeps_its_data(ptds, tmp_path):
    db = tmp_path / "office.db"
    ptds("--db", db, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk")
    ptds("--db", db, "org", "add", "Công an tỉnh Đắk Lắk", "--kind", "police")
    data = tmp_path / "d.json"
    data.write_text(_doc(_valid_tables()), encoding="utf-8")
    r = ptds("--db", db, "data", "import", data)
    assert r.returncode == 0, r
    with sqlite3.connect(db) as conn:
        names = sorted(n for (n,) in conn.execute("SELECT name FROM organizations"))
    assert names == ["Công an tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk"]


def test_rows_may_point_at_rows_already_in_the_database_or_later_in_the_file(db):
    child = "77777777-7777-4777-8777-777777777777"
    tables = {"organizations": [_org(child, "Văn phòng UBND tỉnh", 1, parent_id=ORG), _org(ORG, "UBND tỉnh Đắk Lắk",
        1)]}
    assert _load(db, _doc(tables)).inserted == 2
    person = _valid_tables()["people"][0]
    assert _load(db, _doc({"people": [person]})).inserted == 1  # its organization is already stored
    with db.unit_of_work() as s:
        assert s.get(Organization, child).parent_id == ORG


def test_a_parent_cycle_is_refused(db):
    other = "77777777-7777-4777-8777-777777777777"
    tables = {"organizations": [_org(ORG, "A", 1, parent_id=other), _org(other, "B", 1, parent_id=ORG)]}
    with pytest.raises(ValidationError, match="organizations.*parent_id.*vòng"):
        _load(db, _doc(tables))


def test_rows_without_owner_need_an_office_to_take_it_from(tmp_path):
    db = open_database(tmp_path / "plain.db")
    try:
        with pytest.raises(ValidationError, match="organizations.*dòng 1.*created_by"):
            _load(db, _doc({"organizations": [{"id": ORG, "name": "Sở Y tế"}]}))
    finally:
        db.close()


def test_a_newer_imported_row_replaces_the_field_stamps_sync_compares_against(db):
    """A row edited here (per-field stamps) then overwritten by a newer file row: sync must see the file's stamp."""
    from ptds_desktop.models.sync import SyncFieldClock
    from ptds_desktop.services import organizations as orgs

    with db.unit_of_work() as s:
        created = orgs.create_organization(s, orgs.OrganizationInput("Sở Y tế", kind="department"))
    with db.unit_of_work() as s:
        orgs.update_organization(s, created.id, orgs.OrganizationInput("Sở Y tế tỉnh", kind="department"))
        stamp = s.get(Organization, created.id).hlc
        assert s.query(SyncFieldClock).filter_by(row_id=created.id).count() > 0
    office = db.office_id()
    row = _org(created.id, "Sở Y tế tỉnh Đắk Lắk", stamp + 1000, created_by=office, owner_office_id=office)
    report = _load(db, _doc({"organizations": [row]}))
    assert report.updated == 1
    with db.unit_of_work() as s:
        assert s.get(Organization, created.id).name == "Sở Y tế tỉnh Đắk Lắk"
        assert s.query(SyncFieldClock).filter_by(row_id=created.id).count() == 0
