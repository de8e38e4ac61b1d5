"""Trust in what a bundle says (issue #12): nothing from a bundle is shown before its signature holds,
an office's place in the tree belongs to the office that enrolled it, keys come down the enrolment chain."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from netutil import craft_bundle, location, segments_of, unseal

from ptds_desktop.db import capture
from ptds_desktop.errors import PtdsError
from ptds_desktop.models import Organization
from ptds_desktop.sync import exchange, keys
from ptds_desktop.sync.errors import BundleError


def _org(db, name: str) -> str:
    with db.unit_of_work() as session:
        org = Organization(name=name, kind="other")
        session.add(org)
        session.flush()
        return org.id


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _rezip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def net(network):
    net = network(3)
    _org(net.offices[0], "Sở Y tế")
    return net


# ---------------------------------------------------------------- 7. nothing shown before the signature holds


@pytest.mark.parametrize("app_version", ["9.9 (tải bản cập nhật tại http://ptds-update.example/x.exe)", None])
def test_forged_manifest_text_is_never_shown(net, app_version):
    """A manifest edited after signing (newer schema, an app version pointing at a download) is a bad signature;
    none of its text reaches the message."""
    path = net.send(0, 1, plain=True)
    members = _members(path)
    manifest = json.loads(members["manifest.json"])
    manifest["schema_version"] = "0099_future"
    if app_version is None:
        manifest.pop("app_version")
    else:
        manifest["app_version"] = app_version
    members["manifest.json"] = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    _rezip(path, members)
    with pytest.raises(BundleError) as info:
        exchange.import_bundle(net.offices[1], path)
    message = str(info.value)
    assert "chữ ký" in message
    assert "http" not in message and "9.9" not in message and "None" not in message and "cập nhật" not in message


def test_newer_format_from_a_forger_shows_no_version(net):
    path = net.send(0, 1, plain=True)
    members = _members(path)
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = 7
    manifest["app_version"] = "9.9 (tải tại http://evil.example)"
    members["manifest.json"] = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    _rezip(path, members)
    with pytest.raises(BundleError) as info:
        exchange.import_bundle(net.offices[1], path)
    assert "http" not in str(info.value) and "9.9" not in str(info.value)


def test_genuine_newer_schema_still_names_the_version(net):
    segments = segments_of(net.send(0, 1))

    def future(manifest):
        manifest["schema_version"] = "0042_future"
        manifest["app_version"] = "2.3.0"

    path = craft_bundle(net, 0, 1, segments, edit_manifest=future)
    with pytest.raises(BundleError, match="phiên bản 2.3.0"):
        exchange.import_bundle(net.offices[1], path)


def test_genuine_newer_schema_without_a_version_says_no_none(net):
    segments = segments_of(net.send(0, 1))

    def future(manifest):
        manifest["schema_version"] = "0042_future"
        manifest.pop("app_version")

    path = craft_bundle(net, 0, 1, segments, edit_manifest=future)
    with pytest.raises(BundleError, match="cập nhật") as info:
        exchange.import_bundle(net.offices[1], path)
    assert "None" not in str(info.value)


@pytest.mark.parametrize("signature", [b"\xff\xfe garbage \x80", b"", b"not base64 at all!"])
def test_bad_manifest_sig_is_a_bad_signature(net, signature):
    path = net.send(0, 1, plain=True)
    members = _members(path)
    members["manifest.sig"] = signature
    _rezip(path, members)
    with pytest.raises(BundleError, match="sai chữ ký") as info:
        exchange.import_bundle(net.offices[1], path)
    assert "codec" not in str(info.value)


def test_signature_by_another_key_is_a_bad_signature(net):
    path = net.send(0, 1, plain=True)
    members = _members(path)
    members["manifest.sig"] = keys.sign(Ed25519PrivateKey.generate(), members["manifest.json"]).encode()
    _rezip(path, members)
    with pytest.raises(BundleError, match="sai chữ ký"):
        exchange.import_bundle(net.offices[1], path)


def test_bundle_for_another_office_names_that_office(net):
    path = net.send(0, 2)
    with pytest.raises(BundleError) as info:
        exchange.import_bundle(net.offices[1], path)
    assert "UBND xã 2" in str(info.value)
    assert net.offices[2].office_id() not in str(info.value)


# ---------------------------------------------------------------- 3. an office's place belongs to its enroller


def _set_office(db, office_id: str, **values) -> None:
    from ptds_desktop.models import Office

    with db.unit_of_work() as session:
        office = session.get(Office, office_id)
        for field, value in values.items():
            setattr(office, field, value)


def _office_row(db, office_id: str) -> tuple:
    with db.engine.connect() as conn:
        return tuple(conn.exec_driver_sql("SELECT parent_id, level FROM offices WHERE id=?", (office_id,)).one())


def _rename_org(db, org_id: str, name: str) -> None:
    with db.unit_of_work() as session:
        session.get(Organization, org_id).name = name


def _org_name(db, org_id: str) -> str:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT name FROM organizations WHERE id=?", (org_id,)).scalar_one()


def test_an_office_cannot_move_itself(net):
    commune = net.offices[1]
    with pytest.raises(PtdsError, match="Chỉ văn phòng đã đăng ký"):
        _set_office(commune, commune.office_id(), parent_id=None)
    assert _office_row(commune, commune.office_id())[0] == net.offices[0].office_id()


@pytest.mark.parametrize("escape", ["no_parent", "other_commune", "level"])
def test_a_commune_cannot_leave_the_provinces_control(net, escape, monkeypatch):
    """A modified app (its own check removed) sends "my parent is nobody": refused in every other office."""
    province, commune, other = net.offices
    me = commune.office_id()
    org = _org(commune, "Trạm y tế xã 1")
    before = _office_row(province, me)
    values = {"no_parent": {"parent_id": None}, "other_commune": {"parent_id": other.office_id()},
              "level": {"level": "department"}}[escape]
    with monkeypatch.context() as modified_app:
        modified_app.setattr(capture, "ENROLLER_FIELDS", {})
        _set_office(commune, me, **values)
    report = exchange.import_bundle(province, net.send(1, 0))
    assert _office_row(province, me) == before
    assert any(r.table == "offices" and r.row_id == me for r in report.rejections)
    # The province keeps its authority over the commune's rows, and says so in every office.
    _rename_org(province, org, "Trạm y tế xã 1 (tỉnh sửa)")
    exchange.import_bundle(other, net.send(0, 2))
    assert _office_row(other, me) == before
    assert _org_name(other, org) == "Trạm y tế xã 1 (tỉnh sửa)"


def test_the_enrolling_office_moves_an_office(net):
    province, commune, other = net.offices
    me = commune.office_id()
    _set_office(province, me, level="department")
    exchange.import_bundle(commune, net.send(0, 1))
    exchange.import_bundle(other, net.send(0, 2))
    assert _office_row(commune, me)[1] == "department" and _office_row(other, me)[1] == "department"


# ---------------------------------------------------------------- 5. keys come down the enrolment chain


def _enrol_new_commune(net, name: str = "UBND xã Mới", edit_file=None):
    from netutil import START_MS

    from ptds_desktop.db.clock import FakeClock, use_clock
    from ptds_desktop.db.database import open_database
    from ptds_desktop.services import enrolment

    info = enrolment.make_enrolment_file(net.offices[0], name, "commune", net.folder / "new.enrol")
    if edit_file:  # the province signs what it wants: it may lie in the file itself
        outer = json.loads((net.folder / "new.enrol").read_text(encoding="utf-8"))
        payload = json.loads(outer["payload"])
        edit_file(payload)
        outer["payload"] = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        province = net.offices[0]
        outer["signature"] = keys.sign(keys.load_private_key(province.path, province.office_id()),
                                       outer["payload"].encode())
        (net.folder / "new.enrol").write_text(json.dumps(outer, ensure_ascii=False), encoding="utf-8")
    db = open_database(net.folder / "new.db")
    use_clock(db, FakeClock(START_MS + 5000))
    enrolment.enrol(db, net.folder / "new.enrol", info.code)
    net.offices.append(db)
    return db


def _org_names(db) -> set[str]:
    with db.engine.connect() as conn:
        return {n for (n,) in conn.exec_driver_sql("SELECT name FROM organizations WHERE deleted=0")}


def _forge_key_for(net, victim: int):
    """What a dishonest province hands a new commune: its own key pair for `victim`, certified by itself, and every
    segment of the victim re-signed with it, the newest one altered."""
    from ptds_desktop.sync import certificates, log
    from ptds_desktop.sync.log import Segment

    province = net.offices[0]
    victim_id = net.offices[victim].office_id()
    fake = Ed25519PrivateKey.generate()
    fake_public = keys.public_key_of(fake)
    province_key = keys.load_private_key(province.path, province.office_id())
    cert = certificates.issue(province_key, province.office_id(), victim_id, fake_public)
    with province.engine.connect() as conn:
        genuine = [c for c in certificates.held(conn) if c.office_id != victim_id]
        segments = log.segments_for(conn, None)
    forged = []
    for s in segments:
        if s.origin == victim_id:
            body = s.body.replace("(thật)".encode(), "(giả)".encode())
            s = Segment(s.origin, s.first_seq, s.last_seq, body,
                        keys.sign(fake, log.signed_bytes(s.origin, s.first_seq, s.last_seq, body)), s.attachments)
        forged.append(s)

    def with_forged_certificate(manifest):
        manifest["certificates"] = [c.as_json() for c in genuine] + [cert.as_json()]

    def in_enrolment_file(payload):
        payload["trusted_keys"][victim_id] = fake_public
        payload["certificates"] = [c for c in payload["certificates"] if c["office_id"] != victim_id]
        payload["certificates"].append(cert.as_json())

    return forged, with_forged_certificate, in_enrolment_file, keys.fingerprint(fake_public)


@pytest.mark.parametrize("lie_from_the_start", [False, True])
def test_a_relay_cannot_vouch_a_fake_key_and_no_genuine_change_is_lost(net, lie_from_the_start):
    """The province hands a newly enrolled commune its own key for commune 1 and segments signed with it. Told
    honestly at enrolment, the newcomer sees a key conflict at once; lied to from the enrolment file on, it
    applies the forgery until the genuine key shows up."""
    from ptds_desktop.sync import certificates, peers

    province, victim = net.offices[0], net.offices[1]
    _org(victim, "Trạm y tế xã 1 (thật)")
    exchange.import_bundle(province, net.send(1, 0))
    segments, forged_certificate, forged_file, fake_fingerprint = _forge_key_for(net, 1)
    newcomer = _enrol_new_commune(net, edit_file=forged_file if lie_from_the_start else None)
    forged = craft_bundle(net, 0, 3, segments, edit_manifest=forged_certificate, name="forged")
    report = exchange.import_bundle(newcomer, forged)
    if lie_from_the_start:
        assert "Trạm y tế xã 1 (giả)" in _org_names(newcomer)  # nothing can tell yet
        assert not report.key_conflicts
    else:
        assert "Trạm y tế xã 1 (giả)" not in _org_names(newcomer)
        assert report.key_conflicts and report.held_segments

    # The victim's genuine segments arrive (here in a bundle from the victim itself): a key conflict, loud.
    (genuine,) = exchange.export_bundles(victim, "*", net.folder / "mail")
    report = exchange.import_bundle(newcomer, genuine.path)
    genuine_fingerprint = peers.identity(victim).fingerprint
    assert report.key_conflicts and "UBND xã 1" in report.key_conflicts[0]
    assert genuine_fingerprint in report.key_conflicts[0] and fake_fingerprint in report.key_conflicts[0]
    assert report.held_segments > 0
    (conflict,) = certificates.key_conflicts(newcomer)
    assert conflict.office_id == victim.office_id()
    # Nothing of the disputed office is acknowledged or relayed meanwhile.
    back = exchange.export_bundles(newcomer, province.office_id(), net.folder / "mail")[0]
    from ptds_desktop.sync.bundle import read_bundle

    manifest = read_bundle(unseal(Path(back.path))).manifest
    assert victim.office_id() not in manifest["vector"]
    assert all(s["origin"] != victim.office_id() for s in manifest["segments"])

    # The user phones the victim, reads the genuine fingerprint and confirms it: the genuine changes hold.
    certificates.confirm_key(newcomer, victim.office_id()[:8], genuine_fingerprint)
    assert certificates.key_conflicts(newcomer) == []
    names = _org_names(newcomer)
    assert "Trạm y tế xã 1 (thật)" in names and "Trạm y tế xã 1 (giả)" not in names
    # From now on the victim's own bundles are accepted as usual, and acknowledged.
    _org(victim, "Trạm y tế xã 1 - điểm 2")
    (later,) = exchange.export_bundles(victim, "*", net.folder / "mail")
    assert exchange.import_bundle(newcomer, later.path).status == "applied"
    assert "Trạm y tế xã 1 - điểm 2" in _org_names(newcomer)
    back = exchange.export_bundles(newcomer, province.office_id(), net.folder / "mail")[0]
    assert victim.office_id() in read_bundle(unseal(Path(back.path))).manifest["vector"]


def test_province_needs_no_trust_for_a_commune_it_enrolled(net):
    province = net.offices[0]
    newcomer = _enrol_new_commune(net)
    _org(newcomer, "Trạm y tế xã mới")
    (bundle,) = exchange.export_bundles(newcomer, province.office_id(), net.folder / "mail")
    assert exchange.import_bundle(province, bundle.path).status == "applied"
    # And the other communes accept it once the province relays its certificate.
    exchange.import_bundle(net.offices[1], net.send(0, 1))
    assert "Trạm y tế xã mới" in _org_names(net.offices[1])


def test_a_key_listed_by_an_office_that_did_not_enrol_it_is_not_accepted(net):
    """Commune 2 lists its own key for a commune it did not enrol: ignored, not vouched."""
    from ptds_desktop.sync import certificates

    newcomer = _enrol_new_commune(net)
    liar = net.offices[2]
    fake = keys.public_key_of(Ed25519PrivateKey.generate())
    cert = certificates.issue(keys.load_private_key(liar.path, liar.office_id()), liar.office_id(),
                              net.offices[1].office_id(), fake)
    segments = segments_of(net.send(2, 0))

    def lie(manifest):
        manifest["certificates"] = [cert.as_json()]
        manifest["recipient"] = "*"

    path = craft_bundle(net, 2, 0, segments, edit_manifest=lie, name="liar")
    exchange.import_bundle(newcomer, path)
    with newcomer.engine.connect() as conn:
        from ptds_desktop.sync.peers import known_keys

        assert known_keys(conn)[net.offices[1].office_id()] != fake
    assert certificates.key_conflicts(newcomer) == []


def test_an_enrolment_file_of_0_1_is_still_read(net):
    """Files written before key certificates carry no key part: the new office makes its own key, and the
    province confirms it by fingerprint as before."""
    from ptds_desktop.sync import peers
    from ptds_desktop.sync.errors import UnknownPeerError

    def as_0_1(payload):
        for field in ("office_keys_locked", "trusted_keys", "certificates", "seal_keys"):
            payload.pop(field)

    newcomer = _enrol_new_commune(net, edit_file=as_0_1)
    with net.offices[0].engine.begin() as conn:  # a province of 0.1 kept no key for the office it enrolled
        for table in ("sync_keys", "sync_key_certificates"):
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE office_id=?", (newcomer.office_id(),))
    _org(newcomer, "Trạm y tế xã mới")
    (bundle,) = exchange.export_bundles(newcomer, net.offices[0].office_id(), net.folder / "mail")
    with pytest.raises(UnknownPeerError):
        exchange.import_bundle(net.offices[0], bundle.path)
    report = exchange.import_bundle(net.offices[0], bundle.path, trust=peers.identity(newcomer).fingerprint)
    assert report.status == "applied"


# ---------------------------------------------------------------- what an officer sees


def test_rejected_changes_stay_visible_with_the_senders_name(net, monkeypatch):
    from ptds_desktop.sync import overview

    province, commune = net.offices[0], net.offices[1]
    org = _org(province, "Sở Y tế tỉnh")
    exchange.import_bundle(commune, net.send(0, 1))
    with monkeypatch.context() as modified_app:  # a commune app without its own authority check
        modified_app.setattr(capture, "may_change", lambda *_args: True)
        _rename_org(commune, org, "Sở Y tế (xã sửa)")
    report = exchange.import_bundle(province, net.send(1, 0))
    assert [(r.origin_name, r.record) for r in report.rejections] == [("UBND xã 1", "Sở Y tế tỉnh")]
    (rejected,) = overview.list_rejected(province)
    assert (rejected.origin_name, rejected.refused_by_name, rejected.record, rejected.field) == (
        "UBND xã 1", "Bộ CHQS tỉnh Đắk Lắk", "Sở Y tế tỉnh", "name")
    assert overview.sync_overview(province).rejected == [rejected]
    # The sender learns of it in the next bundle back.
    report = exchange.import_bundle(commune, net.send(0, 1))
    assert report.refused_by_sender == 1
    (told,) = overview.list_rejected(commune)
    assert (told.origin_name, told.refused_by_name, told.record, told.field, told.seq) == (
        "UBND xã 1", "Bộ CHQS tỉnh Đắk Lắk", "Sở Y tế (xã sửa)", "name", rejected.seq)


def test_cli_lists_rejected_changes_and_key_conflicts(net, monkeypatch, capsys):
    from ptds_desktop.cli import main

    province, commune = net.offices[0], net.offices[1]
    org = _org(province, "Sở Y tế tỉnh")
    exchange.import_bundle(commune, net.send(0, 1))
    with monkeypatch.context() as modified_app:
        modified_app.setattr(capture, "may_change", lambda *_args: True)
        _rename_org(commune, org, "Sở Y tế (xã sửa)")
    exchange.import_bundle(province, net.send(1, 0))
    assert main(["--db", str(location(province)), "sync", "rejected"]) == 0
    out = capsys.readouterr().out
    assert "UBND xã 1" in out and "Sở Y tế tỉnh" in out
    assert main(["--db", str(location(province)), "sync", "rejected", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["origin_name"] == "UBND xã 1"
    assert main(["--db", str(location(province)), "sync", "keys"]) == 0
    assert "Không có xung đột khóa" in capsys.readouterr().out
