"""Merge scenarios an officer would notice: concurrent edits, delete versus edit, resolutions that
sync, rows arriving before their parent, authority, clocks."""

from __future__ import annotations

import datetime as dt

import pytest
from netutil import canonical_dump, conflict_set, craft_bundle, segments_of

from ptds_desktop.errors import PtdsError
from ptds_desktop.models import Organization, Person
from ptds_desktop.sync import conflicts, exchange, peers, usb
from ptds_desktop.sync import status as sync_status


def _create_org(db, name, **fields):
    with db.unit_of_work() as session:
        org = Organization(name=name, kind="other", **fields)
        session.add(org)
        session.flush()
        return org.id


def _set(db, model, row_id, **fields):
    with db.unit_of_work() as session:
        obj = session.get(model, row_id)
        for key, value in fields.items():
            setattr(obj, key, value)


def _get(db, model, row_id, field):
    with db.unit_of_work() as session:
        return getattr(session.get(model, row_id), field)


def _exchange(net, a, b):
    exchange.import_bundle(net.offices[b], net.send(a, b))
    exchange.import_bundle(net.offices[a], net.send(b, a))


def test_edits_to_different_fields_of_one_row_both_survive(network):
    net = network(2)
    province, commune = net.offices
    org = _create_org(commune, "UBND xã 1")
    _exchange(net, 1, 0)
    _set(province, Organization, org, short_name="UBND")
    _set(commune, Organization, org, phone="0262 3850 000")
    _exchange(net, 0, 1)
    for db in (province, commune):
        assert (_get(db, Organization, org, "short_name"), _get(db, Organization, org, "phone")) == ("UBND",
            "0262 3850 000")
        assert conflicts.list_conflicts(db) == []


def test_concurrent_edit_newer_wins_loser_kept_and_restore_syncs(network):
    net = network(3)
    province, commune, other = net.offices
    org = _create_org(commune, "Tên gốc")
    _exchange(net, 1, 0)
    net.clocks[0].advance(5)
    _set(commune, Organization, org, name="Xã sửa")
    _set(province, Organization, org, name="Tỉnh sửa")  # later clock: wins
    _exchange(net, 0, 1)
    for db in (province, commune):
        assert _get(db, Organization, org, "name") == "Tỉnh sửa"
        (conflict,) = conflicts.list_conflicts(db)
        assert (conflict.lost_value, conflict.current_value, conflict.kind) == ("Xã sửa", "Tỉnh sửa", "edit")
    # The commune restores its value; the resolution travels and settles the conflict everywhere.
    conflicts.restore_conflict(commune, conflicts.list_conflicts(commune)[0].id)
    assert _get(commune, Organization, org, "name") == "Xã sửa"
    _exchange(net, 1, 0)
    exchange.import_bundle(other, net.send(0, 2))
    for db in net.offices:
        assert _get(db, Organization, org, "name") == "Xã sửa"
        assert conflicts.list_conflicts(db) == []
    assert canonical_dump(province) == canonical_dump(commune) == canonical_dump(other)


def test_equal_stamps_are_decided_by_office_id_the_same_everywhere(network):
    net = network(2)
    province, commune = net.offices
    org = _create_org(commune, "Gốc")
    _exchange(net, 1, 0)
    net.clocks[0].set(net.clocks[1].now_ms() + 50)
    net.clocks[1].set(net.clocks[0].now_ms())
    _set(province, Organization, org, notes="tỉnh")
    _set(commune, Organization, org, notes="xã")
    _exchange(net, 0, 1)
    winner = "tỉnh" if province.office_id() > commune.office_id() else "xã"
    assert _get(province, Organization, org, "notes") == _get(commune, Organization, org, "notes") == winner
    assert conflict_set(province) == conflict_set(commune) and len(conflict_set(province)) == 1


def test_edit_concurrent_with_delete_is_a_conflict_and_undelete_restores(network):
    net = network(2)
    province, commune = net.offices
    org = _create_org(commune, "Sắp xóa")
    _exchange(net, 1, 0)
    _set(province, Organization, org, deleted=True)
    _set(commune, Organization, org, notes="ghi chú mới")
    _exchange(net, 0, 1)
    for db in (province, commune):
        assert _get(db, Organization, org, "deleted") is True
        (conflict,) = conflicts.list_conflicts(db)
        assert (conflict.kind, conflict.field, conflict.lost_value, conflict.row_deleted) == ("delete", "notes",
            "ghi chú mới", True)
    conflicts.restore_conflict(province, conflicts.list_conflicts(province)[0].id)
    _exchange(net, 0, 1)
    for db in (province, commune):
        assert _get(db, Organization, org, "deleted") is False
        assert _get(db, Organization, org, "notes") == "ghi chú mới"
        assert conflicts.list_conflicts(db) == []


def test_dismissing_a_conflict_keeps_the_value_and_syncs(network):
    net = network(2)
    province, commune = net.offices
    org = _create_org(commune, "Gốc")
    _exchange(net, 1, 0)
    _set(commune, Organization, org, name="A")
    net.clocks[0].advance(10)
    _set(province, Organization, org, name="B")
    _exchange(net, 0, 1)
    conflicts.dismiss_conflict(province, conflicts.list_conflicts(province)[0].id)
    _exchange(net, 0, 1)
    assert conflicts.list_conflicts(commune) == [] and _get(commune, Organization, org, "name") == "B"


def test_child_arriving_before_its_parent_waits_then_appears(network):
    net = network(3)
    province, commune, other = net.offices
    org = _create_org(province, "Sở Y tế")
    first = net.send(0, 1)  # carries the organization: "lost" for a while
    exchange.import_bundle(commune, first)
    with commune.unit_of_work() as session:
        person = Person(full_name="Nguyễn Văn A", organization_id=org)
        session.add(person)
        session.flush()
        person_id = person.id
    relay = net.send(1, 2)
    report = exchange.import_bundle(other, relay)  # relayed: carries the province's segment too
    assert report.status == "applied"
    with other.unit_of_work() as session:
        assert session.get(Person, person_id).organization_id == org
    # Now a true gap: a fresh person whose organization the recipient has never received.
    org2 = _create_org(province, "Sở Tài chính")
    exchange.import_bundle(commune, net.send(0, 1))
    with commune.unit_of_work() as session:
        session.add(Person(id="p-2", full_name="Trần Thị B", organization_id=org2))
    only_person = [s for s in segments_of(net.send(1, 2)) if s.origin == commune.office_id()]
    gap = craft_bundle(net, 1, 2, only_person, name="gap")
    report = exchange.import_bundle(other, gap)
    assert report.pending >= 1
    with other.unit_of_work() as session:
        assert session.get(Person, "p-2") is None
    exchange.import_bundle(other, net.send(0, 2, full=True))  # the gap is filled later
    with other.unit_of_work() as session:
        assert session.get(Person, "p-2").organization_id == org2
    with other.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_pending").scalar() == 0


def test_a_commune_cannot_change_a_province_row_locally(network):
    net = network(2)
    province, commune = net.offices
    org = _create_org(province, "Sở Y tế")
    exchange.import_bundle(commune, net.send(0, 1))
    with pytest.raises(PtdsError, match="không có quyền sửa"):
        _set(commune, Organization, org, name="Sở Y tế (xã sửa)")
    assert _get(commune, Organization, org, "name") == "Sở Y tế"


def test_a_clock_far_ahead_is_flagged_and_the_own_clock_check_warns(network):
    net = network(2)
    province, commune = net.offices
    net.clocks[1].advance(3 * 24 * 3600 * 1000)  # the commune laptop is three days ahead
    _create_org(commune, "Đồng hồ sai")
    report = exchange.preview_bundle(province, net.send(1, 0))
    assert len(report.clock_warnings) == 1 and "UBND xã 1" in report.clock_warnings[0]
    ahead = dt.datetime.fromtimestamp(net.clocks[1].now_ms() / 1000)
    assert f"ghi lúc {ahead:%d/%m/%Y} " in report.clock_warnings[0]  # the moment as officers write it
    exchange.import_bundle(province, net.send(1, 0, full=True))
    # Held, not applied: the province's correct clock is neither dragged ahead nor called behind.
    assert sync_status.check_clock(province).ok
    assert [(h.origin_name, h.count) for h in sync_status.held_changes(province)][0][0] == "UBND xã 1"
    assert sync_status.check_clock(commune).ok
    with province.engine.begin() as conn:  # a clock pushed ahead (by an earlier version) is said so
        conn.exec_driver_sql("UPDATE local_settings SET value=? WHERE key='sync_hlc'",
                             (str((net.clocks[1].now_ms()) << 16),))
    check = sync_status.check_clock(province)
    assert not check.ok and "chậm hơn" in check.message and "--reset" in check.message


def test_reimport_says_already_applied_and_changes_nothing(network):
    net = network(2)
    province, commune = net.offices
    _create_org(province, "Sở Xây dựng")
    bundle = net.send(0, 1)
    assert exchange.import_bundle(commune, bundle).status == "applied"
    before = canonical_dump(commune)
    again = exchange.import_bundle(commune, bundle)
    assert again.status == "already_applied" and "đã được nhập" in again.message
    assert canonical_dump(commune) == before


def test_preview_counts_per_area_and_changes_nothing(network):
    net = network(2)
    province, commune = net.offices
    org = _create_org(commune, "UBND xã 1")
    _exchange(net, 1, 0)
    _create_org(province, "Sở Y tế")
    _set(province, Organization, org, short_name="UBND")
    bundle = net.send(0, 1)
    before = canonical_dump(commune)
    preview = exchange.preview_bundle(commune, bundle)
    assert preview.status == "preview"
    (orgs,) = [a for a in preview.areas if a.area == "Cơ quan, đơn vị"]
    assert (orgs.inserts, orgs.updates, orgs.deletes, orgs.conflicts) == (1, 1, 0, 0)
    assert canonical_dump(commune) == before
    assert exchange.import_bundle(commune, bundle).areas == preview.areas


def test_attachment_files_travel_with_their_rows(network):
    import hashlib

    from ptds_desktop.config import attachments_dir_for
    from ptds_desktop.models import Attachment

    net = network(2)
    province, commune = net.offices
    data = "Quyết định kiện toàn Ban Chỉ huy".encode()
    sha = hashlib.sha256(data).hexdigest()
    folder = attachments_dir_for(commune.path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / sha).write_bytes(data)
    with commune.unit_of_work() as session:
        session.add(Attachment(sha256=sha, filename="qd.pdf", size=len(data)))
    exchange.import_bundle(province, net.send(1, 0))
    assert (attachments_dir_for(province.path) / sha).read_bytes() == data


def test_usb_folder_imports_what_is_addressed_here_and_answers_every_peer(network):
    net = network(3)
    province, commune, other = net.offices
    _create_org(commune, "UBND xã 1")
    stick = net.folder / "usb"
    stick.mkdir()
    exchange.export_bundles(commune, province.office_id(), stick)
    exchange.export_bundles(commune, other.office_id(), stick)  # for someone else: left alone
    steps = []
    result = usb.usb_sync(province, stick, progress=lambda done, total, label: steps.append((done, total)))
    assert [r.sender_name for r in result.imported] == ["UBND xã 1"] and result.errors == ()
    known = peers.list_peers(province)  # every enrolled commune, whether in this test's network or not
    assert sorted(e.recipient_id for e in result.exported) == sorted(p.office_id for p in known)
    assert {commune.office_id(), other.office_id()} <= {p.office_id for p in known}
    assert steps and steps[-1][0] == steps[-1][1]
    with province.unit_of_work() as session:
        assert [o.name for o in session.query(Organization)] == ["UBND xã 1"]
    answer = usb.usb_sync(commune, stick)  # the province's answer carries its acknowledgement
    assert [r.sender_id for r in answer.imported] == [province.office_id()] and answer.errors == ()
    (parent,) = [p for p in peers.list_peers(commune) if p.relation == "parent"]
    assert parent.pending_changes == 0
