"""Enrolment brings the enrolling office's organization catalogue; later bundles merge it without duplicates or
conflicts; older files without a catalogue still set an office up; fingerprints read aloud in groups of four."""

from __future__ import annotations

import json
import re

import pytest

from ptds_desktop.db.database import open_database
from ptds_desktop.errors import PtdsError
from ptds_desktop.services import enrolment
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office
from ptds_desktop.services.organizations import OrganizationInput
from ptds_desktop.sync import conflicts, exchange, keys, peers


def _add(database, name, **kw) -> str:
    with database.unit_of_work() as session:
        return orgs.create_organization(session, OrganizationInput(name, **kw)).id


def _names(database) -> list[str]:
    with database.unit_of_work() as session:
        return sorted(o.name for o in orgs.list_organizations(session))


def _org_rows(database) -> list[dict]:
    with database.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.exec_driver_sql("SELECT * FROM organizations ORDER BY id")]


@pytest.fixture
def province_catalogue(db):
    """The province keeps a small catalogue: a parent and its unit, one renamed twice, one deleted."""
    parent = _add(db, "Ủy ban nhân dân tỉnh", kind="people_committee")
    _add(db, "Văn phòng UBND tỉnh", parent_id=parent)
    health = _add(db, "Sở Y tê", kind="department")
    with db.unit_of_work() as session:
        orgs.update_organization(session, health, OrganizationInput("Sở Y tế (cũ)", kind="department"))
    with db.unit_of_work() as session:
        orgs.update_organization(session, health, OrganizationInput("Sở Y tế", kind="department",
                                                                    phone="0262 3852 700"))
    gone = _add(db, "Ban đã giải thể")
    with db.unit_of_work() as session:
        orgs.delete_organization(session, gone)
    return db


def _exchange_both_ways(province, commune, folder) -> tuple[exchange.ImportReport, exchange.ImportReport]:
    (up,) = exchange.export_bundles(commune, province.office_id(), folder)
    to_province = exchange.import_bundle(province, up.path, trust=peers.identity(commune).fingerprint)
    (down,) = exchange.export_bundles(province, commune.office_id(), folder)
    return to_province, exchange.import_bundle(commune, down.path)


def test_a_new_commune_starts_with_the_catalogue_and_later_bundles_merge_it_as_equal(province_catalogue, tmp_path):
    province = province_catalogue
    info = enrolment.make_enrolment_file(province, "UBND xã Hòa Phú", "commune", tmp_path / "hoa-phu.ptds-enrol")
    assert info.organizations == 3  # the deleted one stays behind
    commune = open_database(tmp_path / "commune.db")
    try:
        enrolment.enrol(commune, info.path, info.code)
        assert _names(commune) == _names(province) == ["Sở Y tế", "Văn phòng UBND tỉnh", "Ủy ban nhân dân tỉnh"]
        # Same ids, owner, stamps and values as at the province.
        assert _org_rows(commune) == [r for r in _org_rows(province) if not r["deleted"]]
        assert {r["owner_office_id"] for r in _org_rows(commune)} == {province.office_id()}

        to_province, to_commune = _exchange_both_ways(province, commune, tmp_path / "mail")
        assert to_commune.status == "applied" and to_commune.pending == 0
        assert all(a.conflicts == 0 and a.rejections == 0 for a in to_commune.areas)
        assert _names(commune) == _names(province)  # nothing doubled
        assert _org_rows(commune) == _org_rows(province)  # the deleted row arrived as a tombstone
        assert conflicts.list_conflicts(commune) == [] and conflicts.list_conflicts(province) == []

        # Afterwards the catalogue follows the province as any synced rows do.
        with province.unit_of_work() as session:
            health = orgs.find_by_name(session, "Sở Y tế")
            assert health is not None
            orgs.update_organization(session, health.id, OrganizationInput("Sở Y tế tỉnh Đắk Lắk", kind="department"))
        _exchange_both_ways(province, commune, tmp_path / "mail2")
        assert "Sở Y tế tỉnh Đắk Lắk" in _names(commune)
        assert conflicts.list_conflicts(commune) == []
    finally:
        commune.close()


def test_a_file_written_before_the_catalogue_travelled_still_sets_the_office_up(province_catalogue, tmp_path):
    province = province_catalogue
    info = enrolment.make_enrolment_file(province, "UBND xã Ea Tu", "commune", tmp_path / "new.ptds-enrol")
    # The same file as an older version wrote it: no catalogue, signed by the province.
    payload = json.loads(json.loads((tmp_path / "new.ptds-enrol").read_text(encoding="utf-8"))["payload"])
    del payload["catalogue"]
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    signature = keys.sign(keys.load_private_key(province.path, province.office_id()), body.encode("utf-8"))
    old = tmp_path / "old.enrol"
    old.write_text(json.dumps({"payload": body, "signature": signature}), encoding="utf-8")
    assert enrolment.preview_enrolment(old).organizations == 0
    commune = open_database(tmp_path / "commune.db")
    try:
        me = enrolment.enrol(commune, old, info.code)
        assert me.office_id == info.office_id and _names(commune) == []
        _exchange_both_ways(province, commune, tmp_path / "mail")
        assert _names(commune) == _names(province)
        assert conflicts.list_conflicts(commune) == []
    finally:
        commune.close()


def test_the_preview_names_the_enrolling_office_and_a_tampered_file_changes_nothing(province_catalogue, tmp_path):
    province = province_catalogue
    path = tmp_path / enrolment.suggested_file_name("UBND xã Hòa Phú")
    assert path.name == "PTDS_dang-ky_ubnd-xa-hoa-phu.ptds-enrol"
    enrolment.make_enrolment_file(province, "UBND xã Hòa Phú", "commune", path, place_name="Hòa Phú")
    preview = enrolment.preview_enrolment(path)
    assert (preview.office_name, preview.level, preview.place_name) == ("UBND xã Hòa Phú", "commune", "Hòa Phú")
    assert (preview.parent_name, preview.parent_level) == ("Bộ CHQS tỉnh Đắk Lắk", "province")
    assert preview.parent_fingerprint == peers.identity(province).fingerprint and preview.organizations == 3

    outer = json.loads(path.read_text(encoding="utf-8"))
    outer["payload"] = outer["payload"].replace("Sở Y tế", "Sở Y tế giả")
    forged = tmp_path / "forged.ptds-enrol"
    forged.write_text(json.dumps(outer), encoding="utf-8")
    commune = open_database(tmp_path / "commune.db")
    try:
        with pytest.raises(PtdsError, match="chữ ký không khớp"):
            enrolment.enrol(commune, forged)
        assert commune.office_id() is None and _org_rows(commune) == []
    finally:
        commune.close()


def test_fingerprints_read_in_groups_of_four_and_are_accepted_however_typed(db, tmp_path):
    fingerprint = peers.identity(db).fingerprint
    assert re.fullmatch(r"[0-9A-F]{4}( [0-9A-F]{4}){3}", fingerprint)
    bare = fingerprint.replace(" ", "")
    for typed in (fingerprint, bare.lower(), f"  {bare[:8]}-{bare[8:]} ", " ".join(bare.lower())):
        assert keys.same_fingerprint(typed, fingerprint)
    assert not keys.same_fingerprint(bare[:-1] + ("0" if bare[-1] != "0" else "1"), fingerprint)

    stranger = open_database(tmp_path / "stranger.db")
    try:
        init_office(stranger, "UBND xã Cư Êbur", "commune")
        _add(stranger, "Trường Tiểu học Cư Êbur")
        (bundle,) = exchange.export_bundles(stranger, "*", tmp_path / "out")
        spoken = peers.identity(stranger).fingerprint.replace(" ", "").lower()  # as typed after a phone call
        assert exchange.import_bundle(db, bundle.path, trust=spoken).status == "applied"
    finally:
        stranger.close()


# ---------------------------------------------------------------- the keys travel locked by a one-time code


def test_the_enrolment_file_carries_no_secret_in_clear_and_a_wrong_code_changes_nothing(db, tmp_path):
    _add(db, "Sở Y tế", kind="department")
    info = enrolment.make_enrolment_file(db, "UBND xã Hòa Phú", "commune", tmp_path / "hoa-phu.ptds-enrol")
    text = (tmp_path / "hoa-phu.ptds-enrol").read_text(encoding="utf-8")
    assert "PRIVATE KEY" not in text and "office_private_key" not in text
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}( [2-9A-HJ-NP-Z]{4}){3}", info.code)  # read like a fingerprint
    assert info.code not in text and info.code.replace(" ", "") not in text
    assert enrolment.preview_enrolment(info.path).needs_code

    commune = open_database(tmp_path / "commune.db")
    keys_folder = tmp_path / "commune.db.keys"
    try:
        for code, said in ((None, "cần mã một lần"), ("", "cần mã một lần"),
                           ("ABCD EFGH JKLM NPQR", "Mã một lần không đúng"),
                           (info.code[:-1] + ("2" if info.code[-1] != "2" else "3"), "Mã một lần không đúng")):
            with pytest.raises(PtdsError, match=said) as refused:
                enrolment.enrol(commune, info.path, code)
            assert "hoa-phu.ptds-enrol" in str(refused.value)
            assert commune.office_id() is None and _names(commune) == []
            assert not keys_folder.exists() or list(keys_folder.iterdir()) == []
        # Typed as people do: lower case, dashes, spaces anywhere.
        me = enrolment.enrol(commune, info.path, info.code.lower().replace(" ", "-"))
        assert me.office_id == info.office_id and _names(commune) == ["Sở Y tế"]
        # Both seal keys came with the file: the very first bundles either way are sealed.
        _add(commune, "Trạm y tế xã Hòa Phú")
        (up,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
        assert up.sealed
        assert exchange.import_bundle(db, up.path).status == "applied"
        (down,) = exchange.export_bundles(db, commune.office_id(), tmp_path / "mail")
        assert down.sealed and exchange.import_bundle(commune, down.path).sealed
    finally:
        commune.close()


def test_a_file_of_the_release_before_locked_keys_still_sets_the_office_up(db, tmp_path):
    """Its key travelled in clear and it named no seal key: the office makes its own seal key and sends it,
    signed with its certified signing key, in its first bundle; the province seals to it from then on."""
    info = enrolment.make_enrolment_file(db, "UBND xã Ea Tu", "commune", tmp_path / "new.ptds-enrol")
    payload = json.loads(json.loads((tmp_path / "new.ptds-enrol").read_text(encoding="utf-8"))["payload"])
    secret = enrolment.unlock_keys(tmp_path / "new.ptds-enrol", info.code)
    del payload["office_keys_locked"], payload["seal_keys"]
    payload["office_private_key"] = secret["office_private_key"]
    with db.engine.begin() as conn:  # the province never learnt a seal key for it
        conn.exec_driver_sql("DELETE FROM sync_seal_keys WHERE office_id=?", (info.office_id,))
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    signature = keys.sign(keys.load_private_key(db.path, db.office_id()), body.encode("utf-8"))
    old = tmp_path / "old.enrol"
    old.write_text(json.dumps({"payload": body, "signature": signature}), encoding="utf-8")
    assert not enrolment.preview_enrolment(old).needs_code
    commune = open_database(tmp_path / "commune.db")
    try:
        me = enrolment.enrol(commune, old)  # no code asked
        assert me.office_id == info.office_id
        (up,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
        assert not up.sealed and "KHÔNG được niêm phong" in up.warning  # the province's seal key: not yet
        exchange.import_bundle(db, up.path)
        (down,) = exchange.export_bundles(db, commune.office_id(), tmp_path / "mail")
        assert down.sealed  # the commune's seal key arrived in its bundle
        assert exchange.import_bundle(commune, down.path).sealed
        (up,) = exchange.export_bundles(commune, db.office_id(), tmp_path / "mail")
        assert up.sealed
    finally:
        commune.close()
