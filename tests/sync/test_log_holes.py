"""Holes an adversarial review found in the change log (issue 12): restored backups and copied databases,
stamps from far in the future, two creations of one row id, conflicts that differ between offices."""

from __future__ import annotations

import shutil

import pytest
from netutil import START_MS, canonical_dump, conflict_set, craft_bundle, segments_of

from ptds_desktop.db import clock, incarnation
from ptds_desktop.db.backup import MANUAL, automatic_backup
from ptds_desktop.db.capture import last_seq, next_seqs
from ptds_desktop.db.clock import FakeClock, use_clock
from ptds_desktop.db.database import open_database
from ptds_desktop.db.restore import restore_database_file
from ptds_desktop.models import Organization
from ptds_desktop.sync import conflicts, exchange
from ptds_desktop.sync import status as sync_status

DAY_MS = 24 * 3600 * 1000


def _create_org(db, name, **fields):
    with db.unit_of_work() as session:
        org = Organization(name=name, kind="other", **fields)
        session.add(org)
        session.flush()
        return org.id


def _set(db, row_id, **fields):
    with db.unit_of_work() as session:
        obj = session.get(Organization, row_id)
        for key, value in fields.items():
            setattr(obj, key, value)


def _org(db, row_id):
    with db.unit_of_work() as session:
        obj = session.get(Organization, row_id)
        return None if obj is None else (obj.name, obj.owner_office_id, obj.deleted)


def _reopen(net, index):
    db = open_database(net.offices[index].path)
    use_clock(db, net.clocks[index])
    net.offices[index] = db
    return db


# 1. Restoring a backup, or copying a database, never hides later work.

@pytest.mark.parametrize("how", ["restore", "copy back by hand"])
def test_restoring_a_backup_loses_no_later_work(network, how):
    net = network(2)
    province, commune = net.offices
    backup = automatic_backup(commune.path, MANUAL)
    first = _create_org(commune, "Cơ quan tạo sau khi sao lưu")
    exchange.import_bundle(province, net.send(1, 0))
    commune.close()
    if how == "restore":
        restore_database_file(commune.path, backup)
    else:
        shutil.copy(backup, commune.path)
    commune = _reopen(net, 1)
    net.clocks[1].advance(1000)
    second = _create_org(commune, "Cơ quan tạo sau khi khôi phục")
    report = exchange.import_bundle(province, net.send(1, 0))
    assert report.status == "applied", report.message
    assert _org(province, second)[0] == "Cơ quan tạo sau khi khôi phục"
    assert _org(province, first)[0] == "Cơ quan tạo sau khi sao lưu"
    exchange.import_bundle(commune, net.send(0, 1))
    assert _org(commune, first)[0] == "Cơ quan tạo sau khi sao lưu"  # the work after the backup comes back
    # And it keeps working both ways afterwards.
    _set(commune, first, notes="sửa sau khôi phục")
    exchange.import_bundle(province, net.send(1, 0))
    assert _org(province, first)[0] == "Cơ quan tạo sau khi sao lưu"
    exchange.import_bundle(commune, net.send(0, 1))
    assert canonical_dump(province) == canonical_dump(commune)


def test_a_database_copied_to_a_second_laptop_gets_its_own_numbers_and_says_so(network, tmp_path):
    net = network(2)
    province, commune = net.offices
    _create_org(commune, "Trước khi sao chép")
    laptop = tmp_path / "laptop2"
    laptop.mkdir()
    for item in commune.path.parent.iterdir():  # the whole data folder, key and everything beside it
        if item.name.startswith(commune.path.name):
            (shutil.copytree if item.is_dir() else shutil.copy)(item, laptop / item.name)
    copy = open_database(laptop / commune.path.name)
    use_clock(copy, FakeClock(START_MS + 5000))
    try:
        notice = sync_status.status(copy).notice
        assert notice and "bản sao" in notice
        a = _create_org(commune, "Máy thứ nhất")
        b = _create_org(copy, "Máy thứ hai")
        exchange.import_bundle(province, net.send(1, 0))
        (bundle,) = exchange.export_bundles(copy, province.office_id(), net.folder / "mail")
        report = exchange.import_bundle(province, bundle.path)
        assert report.status == "applied", report.message
        assert _org(province, a)[0] == "Máy thứ nhất" and _org(province, b)[0] == "Máy thứ hai"
    finally:
        copy.close()


def test_reopening_the_same_file_keeps_its_numbers(network):
    net = network(2)
    commune = net.offices[1]
    _create_org(commune, "Trước khi đóng")
    with commune.engine.connect() as conn:
        before, notice = last_seq(conn), incarnation.notice(conn)
    commune.close()
    commune = _reopen(net, 1)
    with commune.engine.connect() as conn:
        assert (last_seq(conn), incarnation.notice(conn)) == (before, notice)  # no false alarm
    # A database from before this check (no record, nothing beside it) is taken as the original.
    with commune.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM local_settings WHERE key IN ('instance', 'incarnation_notice')")
    incarnation.beside_path(commune.path).unlink()
    commune.close()
    commune = _reopen(net, 1)
    with commune.engine.connect() as conn:
        assert (last_seq(conn), incarnation.notice(conn)) == (before, None)


# 2. A received stamp is data, not a command.

def test_a_stamp_at_the_end_of_time_is_held_and_editing_goes_on_everywhere(network):
    net = network(3)
    province, commune, other = net.offices
    own = _create_org(commune, "Của xã")
    theirs = _create_org(province, "Của tỉnh")
    exchange.import_bundle(commune, net.send(0, 1))
    exchange.import_bundle(province, net.send(1, 0))
    _set(commune, own, notes="sai giờ")
    with commune.engine.begin() as conn:  # a broken (or hostile) laptop stamps its changes 2^63-1 ...
        conn.exec_driver_sql("UPDATE sync_outbox SET hlc=?", (2**63 - 1,))
        seq = next_seqs(conn, 1)  # ... one of them a change it has no right to make (rejected at the province)
        conn.exec_driver_sql(
            "INSERT INTO sync_outbox(seq, tbl, row_id, field, value, hlc, base_hlc, base_origin) "
            "VALUES (?, 'organizations', ?, 'name', '\"xã sửa\"', ?, 1, '')", (seq, theirs, 2**63 - 1))
    report = exchange.import_bundle(province, net.send(1, 0))
    assert any("UBND xã 1" in w and "giữ lại" in w for w in report.clock_warnings), report.clock_warnings
    assert _org(province, own)[0] == "Của xã"
    with province.unit_of_work() as session:
        assert session.get(Organization, own).notes is None  # held, not applied
    with province.engine.connect() as conn:
        assert clock.stamp_ms(clock.newest_seen(conn)) < START_MS + DAY_MS
    _set(province, theirs, notes="tỉnh vẫn sửa được")  # no OverflowError
    held = sync_status.held_changes(province)
    assert held and held[0].origin_name == "UBND xã 1" and held[0].count >= 1
    exchange.import_bundle(other, net.send(0, 2))  # relayed: the other commune is not poisoned either
    _create_org(other, "Xã khác vẫn sửa được")
    with other.engine.connect() as conn:
        assert clock.stamp_ms(clock.newest_seen(conn)) < START_MS + DAY_MS


def test_a_laptop_that_ran_in_2101_is_held_elsewhere_and_can_reset_its_own_clock(network):
    net = network(2)
    province, commune = net.offices
    year_2101 = 4_134_067_200_000
    net.clocks[1].set(year_2101)
    wrong = _create_org(commune, "Ghi năm 2101")
    report = exchange.import_bundle(province, net.send(1, 0))
    assert report.clock_warnings and _org(province, wrong) is None
    assert sync_status.check_clock(province).ok  # the province's correct clock is not called behind
    net.clocks[1].set(START_MS + 2000)  # the officer fixes the date
    check = sync_status.check_clock(commune)
    assert not check.ok and "--reset" in check.message
    sync_status.reset_clock(commune)
    assert sync_status.check_clock(commune).ok
    right = _create_org(commune, "Ghi đúng ngày")
    exchange.import_bundle(province, net.send(1, 0))
    assert _org(province, right)[0] == "Ghi đúng ngày"
    with province.engine.connect() as conn:
        assert clock.stamp_ms(clock.newest_seen(conn)) < START_MS + DAY_MS
    # When the province's clock really reaches the stamp, the held change applies.
    net.clocks[0].set(year_2101)
    exchange.import_bundle(province, net.send(1, 0, full=True))
    assert _org(province, wrong)[0] == "Ghi năm 2101"


def test_a_clock_already_pushed_far_ahead_is_reset_without_losing_an_edit(network):
    net = network(2)
    province, commune = net.offices
    org = _create_org(province, "Gốc")
    with province.engine.begin() as conn:  # pushed ahead by an earlier version of the app
        conn.exec_driver_sql("UPDATE local_settings SET value=? WHERE key='sync_hlc'", (str(2**63 - 2),))
    assert not sync_status.check_clock(province).ok
    sync_status.reset_clock(province)
    _set(province, org, name="Sửa sau khi chỉnh đồng hồ")
    exchange.import_bundle(commune, net.send(0, 1))
    assert _org(commune, org)[0] == "Sửa sau khi chỉnh đồng hồ"


# 4. Two creations of one id resolve the same way everywhere, whatever the order.

def test_two_creations_of_one_id_resolve_the_same_in_every_office_in_any_order(network):
    net = network(4)
    province, commune, late_a, late_b = net.offices
    row_id = _create_org(province, "Sở Y tế")
    net.clocks[1].advance(-500)  # the commune's creation even carries the earlier stamp
    with commune.unit_of_work() as session:
        session.add(Organization(id=row_id, name="Chiếm mã của tỉnh", kind="other"))
    exchange.import_bundle(province, net.send(1, 0))
    exchange.import_bundle(commune, net.send(0, 1))
    segments = segments_of(net.send(0, 2, full=True))
    wanted = [s for s in segments if s.origin in (province.office_id(), commune.office_id())]
    exchange.import_bundle(late_a, craft_bundle(net, 0, 2, wanted, name="forward"))
    exchange.import_bundle(late_b, craft_bundle(net, 0, 3, list(reversed(wanted)), name="backward"))
    for db in net.offices:
        assert _org(db, row_id) == ("Sở Y tế", province.office_id(), False), db.path.name
    assert canonical_dump(late_a) == canonical_dump(late_b) == canonical_dump(province) == canonical_dump(commune)
    assert conflict_set(late_a) == conflict_set(late_b) == conflict_set(commune) == conflict_set(province)
    assert len(conflict_set(province)) == 1


def test_two_communes_creating_one_id_resolve_by_the_earlier_creation(network):
    net = network(4)
    province, first, second, late = net.offices
    net.clocks[2].advance(-500)
    with first.unit_of_work() as session:
        session.add(Organization(id="same-id", name="Của xã 1", kind="other"))
    with second.unit_of_work() as session:
        session.add(Organization(id="same-id", name="Của xã 2", kind="other"))
    exchange.import_bundle(province, net.send(1, 0))
    exchange.import_bundle(province, net.send(2, 0))
    for i in (1, 2, 3):
        exchange.import_bundle(net.offices[i], net.send(0, i))
    for db in net.offices:
        assert _org(db, "same-id") == ("Của xã 2", second.office_id(), False), db.path.name
    assert len({frozenset(conflict_set(db)) for db in net.offices}) == 1
    assert len(conflict_set(province)) == 1


def test_a_row_rebuilt_from_the_winning_creation_ends_as_everywhere_else(network):
    net = network(4)
    province, owner, taker, late = net.offices
    row_id = _create_org(owner, "Gốc")
    exchange.import_bundle(province, net.send(1, 0))
    net.clocks[0].advance(10)
    _set(province, row_id, name="Tỉnh sửa")
    net.clocks[2].advance(500)
    with taker.unit_of_work() as session:  # a later creation of the same id: it will lose
        session.add(Organization(id=row_id, name="Xã chiếm", kind="other"))
    _set(taker, row_id, notes="xã ghi thêm")
    # The province's edit reaches the taker before the creation it was made on.
    only_province = [s for s in segments_of(net.send(0, 2)) if s.origin == province.office_id()]
    exchange.import_bundle(taker, craft_bundle(net, 0, 2, only_province, name="edit-first"))
    for sender in range(4):
        for recipient in range(4):
            if sender != recipient:
                exchange.import_bundle(net.offices[recipient], net.send(sender, recipient, full=True))
    for db in net.offices:
        assert _org(db, row_id) == ("Tỉnh sửa", owner.office_id(), False), db.path.name
    assert canonical_dump(taker) == canonical_dump(late) == canonical_dump(province) == canonical_dump(owner)
    assert conflict_set(taker) == conflict_set(late) == conflict_set(province) == conflict_set(owner)


def test_a_creation_that_lost_before_stays_a_conflict_when_the_row_is_rebuilt_again(network):
    net = network(3)
    province, first, second = net.offices
    row_id = _create_org(first, "Của xã 1")
    net.clocks[2].advance(500)
    with second.unit_of_work() as session:  # loses to the earlier creation by the first commune
        session.add(Organization(id=row_id, name="Của xã 2", kind="other"))
    net.clocks[0].advance(900)
    with province.unit_of_work() as session:  # wins over both: the province is nearest the root
        session.add(Organization(id=row_id, name="Của tỉnh", kind="other"))
    exchange.import_bundle(second, net.send(1, 2))  # rebuilt from the first commune's creation
    assert _org(second, row_id) == ("Của xã 1", first.office_id(), False)
    exchange.import_bundle(second, net.send(0, 2))  # rebuilt again, from the province's
    for sender in range(3):
        for recipient in range(3):
            if sender != recipient:
                exchange.import_bundle(net.offices[recipient], net.send(sender, recipient, full=True))
    for db in net.offices:
        assert _org(db, row_id) == ("Của tỉnh", province.office_id(), False), db.path.name
    assert canonical_dump(first) == canonical_dump(second) == canonical_dump(province)
    lost = {(origin, kind) for _t, _r, _f, kind, _v, _h, origin in conflict_set(province)}
    assert lost == {(first.office_id(), "create"), (second.office_id(), "create")}
    assert conflict_set(second) == conflict_set(first) == conflict_set(province)


# 8. The conflict list, and its numbers, are the same in every office.

def test_an_orm_edit_of_a_deleted_row_is_the_same_conflict_at_origin_and_receiver(network):
    net = network(2)
    province, commune = net.offices
    org = _create_org(commune, "Sẽ bị xóa")
    exchange.import_bundle(province, net.send(1, 0))
    _set(province, org, deleted=True)
    exchange.import_bundle(commune, net.send(0, 1))
    _set(commune, org, notes="sửa trên dòng đã xóa")
    exchange.import_bundle(province, net.send(1, 0))
    assert conflict_set(commune) == conflict_set(province) and len(conflict_set(province)) == 1
    numbers = [[c.id for c in conflicts.list_conflicts(db)] for db in (province, commune)]
    assert numbers[0] == numbers[1]


def test_conflict_numbers_are_the_same_in_every_office(network):
    net = network(3)
    province, commune, other = net.offices
    org = _create_org(commune, "Gốc")
    exchange.import_bundle(province, net.send(1, 0))
    exchange.import_bundle(other, net.send(0, 2))
    for i, name in enumerate(("A", "B", "C", "D")):
        net.clocks[0].advance(10)
        _set(province, org, notes=f"tỉnh {name}")
        _set(commune, org, name=f"xã {name}") if i % 2 else _set(commune, org, notes=f"xã {name}")
        exchange.import_bundle(province, net.send(1, 0))
        exchange.import_bundle(commune, net.send(0, 1))
    exchange.import_bundle(other, net.send(0, 2))
    listed = [{(c.id, c.field, c.lost_value) for c in conflicts.list_conflicts(db)} for db in net.offices]
    assert listed[0] and listed[0] == listed[1] == listed[2]
    number = sorted(listed[2])[0][0]  # the other commune reads "xung đột số N" out on the phone
    conflicts.dismiss_conflict(province, number)  # and the province settles that very conflict
    assert number not in {c.id for c in conflicts.list_conflicts(province)}
    exchange.import_bundle(other, net.send(0, 2))
    assert number not in {c.id for c in conflicts.list_conflicts(other)}
    assert len(conflicts.list_conflicts(other)) == len(listed[2]) - 1


def test_cli_clock_lists_held_changes_and_resets_a_clock_pushed_ahead(ptds, db):
    _create_org(db, "Sở Y tế")
    with db.engine.begin() as conn:  # pushed to the year 2101 by a laptop whose date was wrong
        conn.exec_driver_sql("UPDATE local_settings SET value=? WHERE key='sync_hlc'", (str(4_134_067_200_000 << 16),))
    db.close()
    where = db.url or db.path
    r = ptds("--db", where, "sync", "clock")
    assert r.returncode == 0 and "2101" in r.stdout and "--reset" in r.stdout
    r = ptds("--db", where, "sync", "clock", "--reset")
    assert r.returncode == 0 and "Đã đưa đồng hồ đồng bộ từ" in r.stdout and "khớp với giờ máy" in r.stdout
    r = ptds("--db", where, "sync", "clock")
    assert r.returncode == 0 and "khớp với giờ máy" in r.stdout and "2101" not in r.stdout
