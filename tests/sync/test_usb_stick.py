"""`sync usb` keeps the stick tidy: no bundle for a peer with nothing new, no bundle left once every addressee has
it, no half-written file of ours after a crash, and no backup taken when nothing will change."""

from __future__ import annotations

from pathlib import Path

from test_faults import _org

from ptds_desktop.db.backup import list_backup_files
from ptds_desktop.sync import exchange, usb


def _on_stick(stick) -> set[str]:
    return {p.name for p in stick.iterdir()}


def _round_trip(net, stick):
    """The commune sends a new organization, the province answers, the commune reads the answer."""
    province, commune = net.offices[:2]
    _org(commune, "UBND xã 1")
    sent = usb.usb_sync(commune, stick)
    answer = usb.usb_sync(province, stick)
    back = usb.usb_sync(commune, stick)
    return sent, answer, back


def test_no_bundle_for_a_peer_with_nothing_new(network):
    net = network(2)
    stick = net.folder / "usb"
    stick.mkdir()
    province, commune = net.offices[:2]
    sent, answer, back = _round_trip(net, stick)
    assert [r.recipient_id for r in sent.exported] == [province.office_id()]
    assert commune.office_id() in {r.recipient_id for r in answer.exported}  # the acknowledgement goes back
    assert back.exported == ()  # the province has everything and knows it
    assert any("Không có gì mới" in note and province.office_id() not in note for note in back.notes)
    files = _on_stick(stick)
    again = usb.usb_sync(commune, stick)
    assert again.exported == () and _on_stick(stick) == files


def test_bundles_every_addressee_has_are_removed_from_the_stick(network):
    net = network(2)
    stick = net.folder / "usb"
    stick.mkdir()
    province, commune = net.offices[:2]
    _org(commune, "UBND xã 1")
    (to_province,) = usb.usb_sync(commune, stick).exported
    answer = usb.usb_sync(province, stick)
    names = _on_stick(stick)
    # The province applied the commune's bundle (its only addressee): gone; its answers are there.
    assert to_province.path.rsplit("/", 1)[-1] not in names
    assert {r.path.rsplit("/", 1)[-1] for r in answer.exported} == names
    (for_commune,) = [r for r in answer.exported if r.recipient_id == commune.office_id()]
    back = usb.usb_sync(commune, stick)
    assert [r.status for r in back.imported] == ["nothing_new"]
    # Applied here, so the commune removes it; the answers for the other communes stay for them.
    assert for_commune.path.rsplit("/", 1)[-1] not in _on_stick(stick)
    assert _on_stick(stick) == names - {for_commune.path.rsplit("/", 1)[-1]}
    assert any("Đã xóa khỏi USB 1 gói" in note for note in back.notes)


def test_our_own_bundle_is_removed_once_acknowledged(network):
    """Sent by file to the province (not through the stick), acknowledged by its answer: the copy left on the
    stick is removed; a newer bundle for the same office replaces an older one."""
    net = network(2)
    stick = net.folder / "usb"
    stick.mkdir()
    province, commune = net.offices[:2]
    _org(commune, "UBND xã 1")
    (mine,) = exchange.export_bundles(commune, province.office_id(), stick)
    exchange.import_bundle(province, net.send(1, 0))  # the same changes, carried another way
    (answer,) = exchange.export_bundles(province, commune.office_id(), net.folder / "mail")
    exchange.import_bundle(commune, answer.path)
    result = usb.usb_sync(commune, stick)
    assert result.exported == ()
    assert mine.path.rsplit("/", 1)[-1] not in _on_stick(stick)


def test_our_part_files_from_a_crash_are_removed_and_others_kept(network):
    net = network(2)
    stick = net.folder / "usb"
    stick.mkdir()
    province, commune = net.offices[:2]
    ours = stick / (exchange.bundle_name("UBND xã 1", commune.office_id(), "Tỉnh", province.office_id()) + ".part")
    theirs = stick / (exchange.bundle_name("Tỉnh", province.office_id(), "UBND xã 1", commune.office_id()) + ".part")
    ours.write_bytes(b"PK half written")
    theirs.write_bytes(b"PK being written by the province")
    result = usb.usb_sync(commune, stick)
    assert not ours.exists() and theirs.exists()
    assert any(ours.name in note for note in result.notes)


def test_a_bundle_already_applied_takes_no_backup(network):
    net = network(2)
    stick = net.folder / "usb"
    stick.mkdir()
    province, commune = net.offices[:2]
    _org(commune, "UBND xã 1")
    (sent,) = usb.usb_sync(commune, stick).exported
    data = Path(sent.path).read_bytes()
    usb.usb_sync(province, stick)
    backups = list_backup_files(province.path)
    assert [b.kind for b in backups].count("before-sync") == 1  # the first import changed the database
    Path(sent.path).write_bytes(data)  # the same bundle on the stick again
    again = usb.usb_sync(province, stick)
    assert [r.status for r in again.imported] == ["already_applied"]
    assert list_backup_files(province.path) == backups
    assert not Path(sent.path).exists()  # applied by its only addressee: removed from the stick
    Path(sent.path).write_bytes(data)
    assert exchange.import_bundle(province, sent.path).status == "already_applied"  # the import command alike
    assert list_backup_files(province.path) == backups
