"""Trust in what a bundle says (issue #12): nothing from a bundle is shown before its signature holds,
an office's place in the tree belongs to the office that enrolled it, keys come down the enrolment chain."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from netutil import craft_bundle, segments_of

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
    path = net.send(0, 1)
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
    path = net.send(0, 1)
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
    path = net.send(0, 1)
    members = _members(path)
    members["manifest.sig"] = signature
    _rezip(path, members)
    with pytest.raises(BundleError, match="sai chữ ký") as info:
        exchange.import_bundle(net.offices[1], path)
    assert "codec" not in str(info.value)


def test_signature_by_another_key_is_a_bad_signature(net):
    path = net.send(0, 1)
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
