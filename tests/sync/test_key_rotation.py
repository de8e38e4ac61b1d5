"""Keys over the years (issue #15, point 2): an office rotates its key; the province revokes a lost laptop's key,
every office refuses what it signed after the revocation and keeps what it signed before; the commune re-enrols
on a new laptop and gets everything back from the province."""

from __future__ import annotations

from pathlib import Path

import pytest
from netutil import canonical_dump, location

from ptds_desktop.db.capture import last_seq
from ptds_desktop.db.clock import FakeClock, use_clock
from ptds_desktop.db.database import open_database
from ptds_desktop.db.incarnation import epoch_of
from ptds_desktop.errors import ValidationError
from ptds_desktop.models import Organization
from ptds_desktop.services import enrolment, key_rotation
from ptds_desktop.sync import certificates, exchange, overview, peers
from ptds_desktop.sync.bundle import read_bundle

MINUTE = 60_000


def _org(db, name: str) -> str:
    with db.unit_of_work() as session:
        org = Organization(name=name, kind="other")
        session.add(org)
        session.flush()
        return org.id


def _org_names(db) -> set[str]:
    with db.engine.connect() as conn:
        return {n for (n,) in conn.exec_driver_sql("SELECT name FROM organizations WHERE deleted=0")}


def _enrol(net, path: Path, name: str, code: str):
    db = open_database(net.folder / name)
    use_clock(db, FakeClock(max(c.ms for c in net.clocks) + MINUTE))
    enrolment.enrol(db, path, code)
    net.offices.append(db)
    return db


@pytest.fixture
def net(network):
    return network(3)


# ---------------------------------------------------------------- rotation


def test_rotated_key_signs_later_bundles_and_both_ways_exchange_goes_on(net):
    province, commune, other = net.offices
    _org(commune, "Trạm y tế xã 1 (khóa cũ)")
    exchange.import_bundle(province, net.send(1, 0))
    old_fingerprint = peers.identity(commune).fingerprint

    rotated = key_rotation.rotate_key(commune)
    assert rotated.old_fingerprint == old_fingerprint != rotated.new_fingerprint
    assert peers.identity(commune).fingerprint == rotated.new_fingerprint
    _org(commune, "Trạm y tế xã 1 (khóa mới)")
    path = net.send(1, 0, plain=True)
    assert read_bundle(path).manifest["sender"]["fingerprint"] == rotated.new_fingerprint
    report = exchange.import_bundle(province, path)
    assert report.status == "applied" and not report.key_conflicts
    assert "Trạm y tế xã 1 (khóa mới)" in _org_names(province)
    # The province countersigned the new key: the certificate travels in its bundles.
    with province.engine.connect() as conn:
        certified = {(c.public_key, c.issuer_id) for c in certificates.held(conn) if c.office_id == commune.office_id()}
    assert (peers.identity(commune).public_key, province.office_id()) in certified

    # The other way: the province's bundle to the commune, and relayed to the other commune.
    _org(province, "Sở Y tế tỉnh")
    assert exchange.import_bundle(commune, net.send(0, 1)).status == "applied"
    assert "Sở Y tế tỉnh" in _org_names(commune)
    report = exchange.import_bundle(other, net.send(0, 2))
    assert not report.key_conflicts and not report.skipped_segments
    assert {"Trạm y tế xã 1 (khóa cũ)", "Trạm y tế xã 1 (khóa mới)"} <= _org_names(other)
    # The other commune now takes bundles signed with the new key straight from the rotated commune.
    _org(commune, "Trạm y tế xã 1 - điểm 3")
    assert exchange.import_bundle(other, net.send(1, 2)).status == "applied"
    assert certificates.key_conflicts(other) == []


def test_rotation_statement_in_the_rotated_offices_own_bundle_is_enough(net):
    """Commune 2 gets the rotated commune's bundle before the province's countersignature exists."""
    _province, commune, other = net.offices
    key_rotation.rotate_key(commune)
    _org(commune, "Trạm y tế xã 1 (gửi thẳng)")
    report = exchange.import_bundle(other, net.send(1, 2))
    assert report.status == "applied" and not report.key_conflicts
    assert "Trạm y tế xã 1 (gửi thẳng)" in _org_names(other)


def test_an_office_enrolled_after_rotations_checks_old_and_new_segments(net):
    province, commune, _other = net.offices
    _org(commune, "Trước khi đổi khóa")
    exchange.import_bundle(province, net.send(1, 0))
    key_rotation.rotate_key(commune)
    key_rotation.rotate_key(province)
    _org(commune, "Sau khi đổi khóa")
    exchange.import_bundle(province, net.send(1, 0))
    info = enrolment.make_enrolment_file(province, "UBND xã Mới", "commune", net.folder / "new.enrol")
    newcomer = _enrol(net, net.folder / "new.enrol", "new.db", info.code)
    report = exchange.import_bundle(newcomer, net.send(0, 3))
    assert not report.key_conflicts and not report.skipped_segments
    assert {"Trước khi đổi khóa", "Sau khi đổi khóa"} <= _org_names(newcomer)


def test_cli_rotates_the_key(net, capsys):
    from ptds_desktop.cli import main

    commune = net.offices[1]
    before = peers.identity(commune).fingerprint
    assert main(["--db", str(location(commune)), "sync", "key", "rotate"]) == 0
    out = capsys.readouterr().out
    after = peers.identity(commune).fingerprint
    assert before != after and before in out and after in out


# ---------------------------------------------------------------- revocation


def _lose_laptop(net, since: str | None = None):
    """Commune 1 writes one change and sends it, writes another it sends only later, then loses its laptop; the
    province revokes its key a minute later; the thief writes two minutes after that."""
    province, commune = net.offices[0], net.offices[1]
    _org(commune, "Gửi trước khi mất máy")
    exchange.import_bundle(province, net.send(1, 0))
    _org(commune, "Ghi trước khi mất máy, gửi sau")
    for clock in net.clocks:
        clock.advance(MINUTE)
    revoked = key_rotation.revoke_key(province, commune.office_id()[:8], since)
    net.clocks[1].advance(2 * MINUTE)
    thief_row = _org(commune, "Kẻ lấy máy thêm")
    return revoked, thief_row


def test_revocation_refuses_later_changes_and_keeps_earlier_ones(net):
    province, commune, _other = net.offices
    revoked, thief_row = _lose_laptop(net)
    assert revoked.office_name == "UBND xã 1" and revoked.fingerprints[0] == peers.identity(commune).fingerprint
    acked = _acked(province, commune.office_id())
    report = exchange.import_bundle(province, net.send(1, 0))
    names = _org_names(province)
    assert "Gửi trước khi mất máy" in names and "Ghi trước khi mất máy, gửi sau" in names
    assert "Kẻ lấy máy thêm" not in names
    refused = [r for r in report.rejections if r.table == "organizations"]
    assert refused and all(r.origin_name == "UBND xã 1" for r in refused)
    listed = [r for r in overview.list_rejected(province) if r.row_id == thief_row and r.field == "name"]
    (entry,) = listed
    assert "UBND xã 1" in entry.reason and "thu hồi" in entry.reason and revoked.fingerprints[0] in entry.reason
    assert commune.office_id() not in entry.reason
    # The thief's bundle acknowledges nothing.
    assert _acked(province, commune.office_id()) == acked


def _acked(db, office_id: str) -> str:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT acked FROM sync_peers WHERE office_id=?", (office_id,)).scalar_one()


def test_the_lost_laptops_later_bundle_changes_nothing(net):
    province, commune, _other = net.offices
    _lose_laptop(net)
    exchange.import_bundle(province, net.send(1, 0))
    before = canonical_dump(province)
    net.clocks[1].advance(MINUTE)
    thief_row = _org(commune, "Kẻ lấy máy thêm lần nữa")
    with commune.unit_of_work() as session:
        session.query(Organization).filter_by(name="Gửi trước khi mất máy").one().name = "Đổi tên bởi kẻ lấy máy"
    report = exchange.import_bundle(province, net.send(1, 0))
    assert canonical_dump(province) == before
    assert {r.record for r in report.rejections} >= {thief_row[:8], "Gửi trước khi mất máy"}


def test_revocation_arriving_after_the_thiefs_changes_undoes_them(net):
    """Commune 2 applied the thief's bundle before it knew of the revocation; the province's bundle refuses
    those changes there too, and keeps what the commune wrote before."""
    province, _commune, other = net.offices
    _revoked, thief_row = _lose_laptop(net)
    exchange.import_bundle(other, net.send(1, 2))
    assert "Kẻ lấy máy thêm" in _org_names(other)
    exchange.import_bundle(province, net.send(1, 0))
    exchange.import_bundle(other, net.send(0, 2))
    names = _org_names(other)
    assert "Kẻ lấy máy thêm" not in names and "Ghi trước khi mất máy, gửi sau" in names
    assert any(r.row_id == thief_row and "thu hồi" in r.reason for r in overview.list_rejected(other))
    assert canonical_dump(other)["organizations"] == canonical_dump(province)["organizations"]


def test_revocation_since_a_past_moment_refuses_what_was_already_applied(net):
    province, commune, _other = net.offices
    _org(commune, "Ghi sau thời điểm thu hồi")
    exchange.import_bundle(province, net.send(1, 0))
    assert "Ghi sau thời điểm thu hồi" in _org_names(province)
    result = key_rotation.revoke_key(province, commune.office_id(), "31/12/2025 23:00")
    assert result.since == "31/12/2025 23:00" and result.refused_here > 0
    assert "Ghi sau thời điểm thu hồi" not in _org_names(province)


def test_revoking_an_office_not_enrolled_here_is_refused(net):
    from ptds_desktop.errors import NotFoundError

    with pytest.raises(NotFoundError, match="không tìm thấy|Không tìm thấy"):
        key_rotation.revoke_key(net.offices[2], net.offices[1].office_id())


@pytest.mark.parametrize("rotated", ["before", "after"])
@pytest.mark.parametrize("revocation_first", [False, True])
def test_rotation_and_revocation_in_either_order_end_the_same(net, rotated, revocation_first):
    """The commune rotates its key before it loses its laptop, or the thief rotates it after; commune 2 receives
    the revocation before or after the rotated key's bundle. Every time: what was written before the revocation
    stays, what was written after is refused."""
    province, commune, other = net.offices
    _org(commune, "Ghi trước khi mất máy")
    if rotated == "before":
        key_rotation.rotate_key(commune)
    for clock in net.clocks:
        clock.advance(MINUTE)
    key_rotation.revoke_key(province, commune.office_id())
    net.clocks[1].advance(2 * MINUTE)
    if rotated == "after":
        key_rotation.rotate_key(commune)
    _org(commune, "Kẻ lấy máy thêm")
    thief = net.send(1, 2)
    revocation = net.send(0, 2)
    for path in ([revocation, thief] if revocation_first else [thief, revocation]):
        exchange.import_bundle(other, path)
    names = _org_names(other)
    assert "Ghi trước khi mất máy" in names and "Kẻ lấy máy thêm" not in names
    assert certificates.key_conflicts(other) == []


# ---------------------------------------------------------------- re-enrolment


def test_reenrolled_commune_gets_everything_back_and_numbers_apart(net):
    province, commune, other = net.offices
    _lose_laptop(net)
    exchange.import_bundle(province, net.send(1, 0))  # the old laptop's last bundle: earlier changes kept
    with pytest.raises(ValidationError):
        enrolment.make_reenrolment_file(province, other.office_id(), net.folder / "x.enrol")
    info = enrolment.make_reenrolment_file(province, commune.office_id()[:8], net.folder / "again.enrol")
    assert info.office_id == commune.office_id()
    laptop = _enrol(net, net.folder / "again.enrol", "again.db", info.code)
    assert laptop.office_id() == commune.office_id()
    exchange.import_bundle(laptop, net.send(0, 3))
    names = _org_names(laptop)
    assert {"Gửi trước khi mất máy", "Ghi trước khi mất máy, gửi sau"} <= names and "Kẻ lấy máy thêm" not in names
    # Its own numbers start a new epoch: nothing the old laptop numbered is reused.
    _org(laptop, "Trạm y tế xã 1 (máy mới)")
    with laptop.engine.connect() as conn:
        assert epoch_of(last_seq(conn)) > 0
    report = exchange.import_bundle(province, net.send(3, 0))
    assert report.status == "applied" and not report.key_conflicts
    exchange.import_bundle(laptop, net.send(0, 3))
    assert canonical_dump(laptop) == canonical_dump(province)
    report = exchange.import_bundle(other, net.send(0, 2))
    assert not report.key_conflicts and "Trạm y tế xã 1 (máy mới)" in _org_names(other)
    # The old laptop stays refused everywhere, even after re-enrolment.
    net.clocks[1].advance(MINUTE)
    _org(commune, "Kẻ lấy máy sau khi cấp lại")
    before = canonical_dump(other)
    exchange.import_bundle(other, net.send(1, 2))
    assert canonical_dump(other) == before


def test_reenrolment_needs_a_revoked_key(net):
    with pytest.raises(ValidationError, match="chưa bị thu hồi"):
        enrolment.make_reenrolment_file(net.offices[0], net.offices[1].office_id(), net.folder / "x.enrol")


def test_a_forged_revocation_from_a_commune_is_ignored(net):
    """Commune 2 sends the province a revocation of commune 1's key: it did not enrol it, nothing changes."""
    from netutil import craft_bundle, segments_of

    from ptds_desktop.sync import keyring, keys

    province, commune, other = net.offices
    liar_key = keys.load_private_key(other.path, other.office_id())
    forged = keyring.make_revocation(liar_key, other.office_id(), commune.office_id(),
                                     peers.identity(commune).public_key, 0)

    def with_revocation(manifest):
        manifest["revocations"] = [forged.as_json()]

    exchange.import_bundle(province, craft_bundle(net, 2, 0, segments_of(net.send(2, 0)),
                                                  edit_manifest=with_revocation, name="forged-revocation"))
    with province.engine.connect() as conn:
        assert keyring.held_revocations(conn) == []
    _org(commune, "Vẫn nhận bình thường")
    assert exchange.import_bundle(province, net.send(1, 0)).status == "applied"
    assert "Vẫn nhận bình thường" in _org_names(province)


def test_cli_revokes_and_writes_the_file_for_the_new_laptop(net, capsys):
    from ptds_desktop.cli import main

    province, commune = net.offices[0], net.offices[1]
    fingerprint = peers.identity(commune).fingerprint
    assert main(["--db", str(location(province)), "sync", "key", "revoke", commune.office_id()[:8]]) == 0
    out = capsys.readouterr().out
    assert "UBND xã 1" in out and fingerprint in out
    target = net.folder / "again.enrol"
    assert main(["--db", str(location(province)), "sync", "key", "reenrol", commune.office_id()[:8],
                 "-o", str(target)]) == 0
    assert target.exists() and enrolment.preview_enrolment(target).office_name == "UBND xã 1"
