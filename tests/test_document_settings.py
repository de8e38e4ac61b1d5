"""Office document settings: defaults from the office's name and level, editing, reset, the CLI, and the
0002 migration upgrading a database written at 0001 with data in it."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from schema_at import schema_at

from ptds_desktop.db import database
from ptds_desktop.db.database import open_database
from ptds_desktop.errors import ValidationError
from ptds_desktop.models import DocumentSetting
from ptds_desktop.services import documents
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office


def test_province_office_defaults_issue_the_decision_as_the_committee(db):
    with db.unit_of_work() as s:
        decision = documents.document_settings(s, "decision")
        plan = documents.document_settings(s, "plan")
    assert not decision.stored
    assert (decision.parent_body, decision.issuing_body, decision.symbol) == (
        None, "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "QĐ-UBND")
    assert decision.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    assert decision.signature.position_lines == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert decision.recipients[0] == "Như Điều 3" and decision.archive == "VT"
    assert decision.proposal == "Theo đề nghị của Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đắk Lắk."
    assert (plan.parent_body, plan.issuing_body, plan.symbol) == (
        "UBND TỈNH ĐẮK LẮK", "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ", "KH-BCH")
    assert plan.signature.position_lines == ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH UBND TỈNH")
    assert plan.place_name == "Đắk Lắk"


def test_commune_office_defaults_come_from_its_own_name(tmp_path):
    db = open_database(tmp_path / "xa.db")
    init_office(db, "Ban CHQS xã Hòa Phú", "commune")
    with db.unit_of_work() as s:
        decision = documents.document_settings(s, "decision")
        invitation = documents.document_settings(s, "invitation")
    db.close()
    assert decision.issuing_body == "ỦY BAN NHÂN DÂN XÃ HÒA PHÚ" and decision.cited_as == "Chủ tịch UBND xã"
    assert decision.executors.startswith("Chánh Văn phòng HĐND và UBND xã")
    assert (invitation.parent_body, invitation.symbol) == ("UBND XÃ HÒA PHÚ", "GM-BCH")
    assert invitation.signer_second_position == "PHÓ CHỦ TỊCH UBND XÃ"
    assert invitation.place_name == "Hòa Phú"


def test_settings_are_stored_normalised_and_reset_to_the_defaults(db):
    with db.unit_of_work() as s:
        current = documents.settings_input(documents.document_settings(s, "plan"))
        stored = documents.update_document_settings(s, "plan", dataclasses.replace(
            current, symbol="kh-bchptds", signer_name="  Nguyễn   Thiên Văn ",
            recipients="- Thường trực Tỉnh ủy (b/c);\n\n- UBND tỉnh;\n- Lưu: VT, NC.", archive="Lưu: VT, NC."))
        documents.set_place_name(s, "TP. Buôn Ma Thuột")
    assert stored.stored and stored.symbol == "KH-BCHPTDS" and stored.signer_name == "Nguyễn Thiên Văn"
    assert stored.recipients == ("Thường trực Tỉnh ủy (b/c)", "UBND tỉnh") and stored.archive == "VT, NC"
    with db.unit_of_work() as s:
        again = documents.document_settings(s, "plan")
        assert again == dataclasses.replace(stored, place_name="TP. Buôn Ma Thuột")
        reset = documents.reset_document_settings(s, "plan")
    assert not reset.stored and reset.symbol == "KH-BCH" and reset.signer_name is None
    with db.unit_of_work() as s:
        assert not documents.document_settings(s, "plan").stored


def test_bad_settings_are_refused_and_nothing_is_written(db):
    with db.unit_of_work() as s:
        current = documents.settings_input(documents.document_settings(s, "decision"))
    for change, field in (({"issuing_body": "  "}, "issuing_body"), ({"symbol": "QĐ/UBND"}, "symbol")):
        with pytest.raises(ValidationError) as error, db.unit_of_work() as s:
            documents.update_document_settings(s, "decision", dataclasses.replace(current, **change))
        assert error.value.field == field
    with pytest.raises(ValidationError), db.unit_of_work() as s:
        documents.document_settings(s, "memo")
    with db.unit_of_work() as s:
        assert s.query(DocumentSetting).count() == 0


def test_cli_shows_sets_and_resets(ptds, tmp_path):
    db = tmp_path / "cli.db"
    assert ptds("--db", db, "init", "--office", "Bộ CHQS tỉnh Đắk Lắk", "--place", "Đắk Lắk").returncode == 0
    r = ptds("--db", db, "docs", "settings", "set", "decision", "--signer-name", "Nguyễn Thiên Văn",
             "--recipients", "Như Điều 3|Bộ Quốc phòng (b/c)", "--archive", "VT, NC")
    assert r.returncode == 0, r
    r = ptds("--db", db, "docs", "settings", "show", "decision")
    assert "Người ký: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Thiên Văn" in r.stdout
    assert "    - Bộ Quốc phòng (b/c)" in r.stdout and "(mặc định)" not in r.stdout
    r = ptds("--db", db, "docs", "settings", "show", "--json")
    assert r.returncode == 0 and '"kind": "invitation"' in r.stdout
    r = ptds("--db", db, "docs", "settings", "set", "plan", "--symbol", "KH/BCH")
    assert r.returncode == 2 and "Ký hiệu văn bản không đúng dạng" in r.stderr
    r = ptds("--db", db, "docs", "settings", "reset", "decision")
    assert r.returncode == 0 and "(mặc định)" in r.stdout


def test_database_at_0001_with_data_upgrades_to_document_settings(tmp_path):
    path = tmp_path / "old.db"
    schema_at(path, "0001")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO organizations(id, name, kind, created_by, owner_office_id, hlc, deleted) "
                     "VALUES ('o1', 'Sở Y tế tỉnh Đắk Lắk', 'department', 'x', 'x', 1, 0)")
    upgraded = open_database(path)
    assert upgraded.schema_revision() == database.head_revision()
    init_office(upgraded, "Bộ CHQS tỉnh Đắk Lắk", "province")
    with upgraded.unit_of_work() as s:
        assert orgs.get_organization(s, "o1").name == "Sở Y tế tỉnh Đắk Lắk"
        current = documents.settings_input(documents.document_settings(s, "list"))
        documents.update_document_settings(s, "list", dataclasses.replace(current, signer_name="Trần Văn Thử"))
    with upgraded.unit_of_work() as s:
        assert documents.document_settings(s, "list").signer_name == "Trần Văn Thử"
    upgraded.close()
    assert list((tmp_path / "old.db.backups").glob("*before-migrate*.db"))
