"""Tombstone purge (issue 15, point 5): a deleted row goes once every office has acknowledged its deletion, and
nothing that arrives later (a restore made meanwhile, a replayed old bundle, an office enrolled later) brings it
back or leaves a conflict one office lists and another does not."""

from __future__ import annotations

import json

from netutil import canonical_dump, conflict_set, location

from ptds_desktop.db.backup import MANUAL, automatic_backup
from ptds_desktop.db.clock import use_clock
from ptds_desktop.db.database import open_database
from ptds_desktop.db.restore import restore_database_file
from ptds_desktop.models import Organization
from ptds_desktop.services import enrolment
from ptds_desktop.services.organizations import OrganizationInput, create_organization, delete_organization
from ptds_desktop.sync import exchange, purge


def _create(db, name: str) -> str:
    with db.unit_of_work() as session:
        return create_organization(session, OrganizationInput(name=name)).id


def _delete(db, row_id: str) -> None:
    with db.unit_of_work() as session:
        delete_organization(session, row_id)


def _deliver(net, sender: int, recipient: int):
    return exchange.import_bundle(net.offices[recipient], net.send(sender, recipient), backup=False)


def _round(net) -> None:
    """Every commune sends to the province, then the province answers each (the usual star)."""
    for i in range(1, len(net.offices)):
        _deliver(net, i, 0)
    for i in range(1, len(net.offices)):
        _deliver(net, 0, i)


def _row(db, row_id: str):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT deleted FROM organizations WHERE id=?", (row_id,)).fetchone()


def _purged(db, row_id: str) -> bool:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT 1 FROM sync_purged WHERE row_id=?", (row_id,)).fetchone() is not None


def _bookkeeping(db, row_id: str) -> int:
    with db.engine.connect() as conn:
        return sum(conn.exec_driver_sql(f"SELECT count(*) FROM {t} WHERE row_id=?", (row_id,)).scalar_one()
                   for t in ("sync_field_clock", "sync_seen", "sync_conflicts", "sync_pending"))


def test_a_tombstone_goes_everywhere_once_every_office_has_acknowledged_it(network):
    net = network(5)
    province, c1, c2, *_others = net.offices
    row = _create(c1, "Tổ xung kích thôn 3")
    _round(net)
    _delete(c1, row)
    _deliver(net, 1, 0)
    _deliver(net, 0, 2)
    # c2 holds the deletion but the province does not know yet: nothing is purged, the dry run says who is awaited.
    plan = purge.purge(province, dry_run=True)
    assert [t.row_id for t in plan.kept] == [row] and not plan.purgeable
    assert "UBND xã 2" in (plan.kept[0].kept_because or "")
    assert _row(province, row) == (1,)
    _deliver(net, 2, 0)  # c2's acknowledgement
    assert _row(province, row) == (1,)  # the communes that have not answered yet hold it back
    for commune in (3, 4):
        _deliver(net, 0, commune)
        _deliver(net, commune, 0)  # the last acknowledgement: the province purges on import
    assert _row(province, row) is None and _purged(province, row) and _bookkeeping(province, row) == 0
    _round(net)
    for db in net.offices:
        assert _row(db, row) is None and _purged(db, row) and _bookkeeping(db, row) == 0
    dumps = [canonical_dump(db) for db in net.offices]
    assert all(d == dumps[0] for d in dumps)


def test_a_commune_never_purges_on_its_own_and_says_whom_it_waits_for(network):
    net = network(5)
    _province, c1, *_others = net.offices
    row = _create(c1, "Đội dân quân")
    _round(net)
    _delete(c1, row)
    _round(net)
    plan = purge.purge(c1, dry_run=True)
    assert not plan.purgeable and [t.record for t in plan.kept] == ["Đội dân quân"]
    assert any("UBND xã 2" in w for w in plan.waiting_for)


def test_a_restore_made_while_the_purge_travels_does_not_bring_the_row_back_anywhere(network):
    net = network(5)
    province, c1, c2, *_others = net.offices
    row = _create(c1, "Kho vật tư")
    _round(net)
    _delete(c1, row)
    _round(net)
    for commune in range(1, 5):
        _deliver(net, commune, 0)  # with everyone's acknowledgement the province purges; its marker is on the way
    assert _row(province, row) is None
    with c1.unit_of_work() as session:  # c1 has not got the marker yet: its officer restores the row
        session.get(Organization, row).deleted = False
    late = net.send(1, 2)
    assert _row(c1, row) == (0,)
    # c2 gets c1's restore before the marker, the province after its purge: both end without the row.
    exchange.import_bundle(c2, late, backup=False)
    assert _row(c2, row) == (0,)
    _round(net)
    for db in net.offices:  # the late restore is dropped, not kept waiting for a row that will never come
        assert _row(db, row) is None and _bookkeeping(db, row) == 0
    dumps = [canonical_dump(db) for db in net.offices]
    assert all(d == dumps[0] for d in dumps)
    assert all(conflict_set(db) == set() for db in net.offices)


def test_a_tombstone_with_an_unreviewed_conflict_stays_until_someone_decides(network):
    net = network(5)
    province, c1, *_others = net.offices
    row = _create(c1, "Ban chỉ huy quân sự xã")
    _round(net)
    _delete(c1, row)
    with province.unit_of_work() as session:  # edited at the province without seeing the deletion
        session.get(Organization, row).notes = "giữ lại"
    _round(net)
    _round(net)
    plan = purge.purge(province, dry_run=True)
    assert [t.row_id for t in plan.kept] == [row] and "xung đột" in (plan.kept[0].kept_because or "")
    assert all(_row(db, row) == (1,) for db in net.offices)


def test_an_office_enrolled_after_the_purge_never_sees_the_row(network, tmp_path):
    net = network(5)
    province, c1, *_others = net.offices
    row = _create(c1, "Trạm y tế cũ")
    _round(net)
    _delete(c1, row)
    _round(net)
    _round(net)
    assert _purged(province, row)
    info = enrolment.make_enrolment_file(province, "UBND xã mới", "commune", tmp_path / "new.enrol")
    newcomer = open_database(tmp_path / "new.db")
    try:
        enrolment.enrol(newcomer, tmp_path / "new.enrol", info.code)
        (bundle,) = exchange.export_bundles(province, newcomer.office_id(), tmp_path, full=True)
        report = exchange.import_bundle(newcomer, bundle.path, backup=False)
        assert report.new_changes > 0  # the creation, the deletion and the purge all came in one catch-up
        assert _row(newcomer, row) is None and _purged(newcomer, row)
    finally:
        newcomer.close()


def test_dry_run_and_purge_from_the_command_line(ptds, network):
    net = network(5)
    province, c1, *_others = net.offices
    row = _create(c1, "Tổ bảo vệ dân phố")
    _round(net)
    _delete(c1, row)
    _deliver(net, 1, 0)
    _deliver(net, 0, 2)
    result = ptds("--db", str(location(province)), "sync", "purge", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Tổ bảo vệ dân phố" in result.stdout and "UBND xã 2" in result.stdout
    listed = json.loads(ptds("--db", str(location(province)), "sync", "purge", "--dry-run", "--json").stdout)
    assert listed["purgeable"] == [] and listed["kept"][0]["row_id"] == row
    assert _row(province, row) == (1,)  # a dry run changes nothing
    _round(net)
    for commune in (3, 4):  # the last acknowledgements: the import purged it, the command finds nothing left
        _deliver(net, commune, 0)
    done = ptds("--db", str(location(province)), "sync", "purge").ok()
    assert _row(province, row) is None
    assert "Không có dòng đã xóa nào" in done.stdout and "từ trước đến nay: 1 dòng" in done.stdout


def test_a_commune_restored_from_an_old_backup_holds_the_purge_back_until_it_has_the_deletion_again(network):
    net = network(5)
    province, c1, *_others = net.offices
    row = _create(province, "Sở cũ")
    _round(net)
    backup = automatic_backup(c1.path, MANUAL)  # before the deletion
    _delete(province, row)
    _deliver(net, 0, 1)
    _deliver(net, 1, 0)  # c1 acknowledges the deletion
    c1.close()  # then its laptop goes back to the backup: its copy holds the row alive again
    restore_database_file(c1.path, backup)
    net.offices[1] = c1 = open_database(location(c1))
    use_clock(c1, net.clocks[1])
    assert _row(c1, row) == (0,)
    _deliver(net, 1, 0)  # the restored copy's first bundle (a new epoch) says what it holds now
    for commune in (2, 3, 4):
        _deliver(net, 0, commune)
        _deliver(net, commune, 0)
    assert _row(province, row) == (1,)  # the province does not purge on the word of the copy c1 replaced
    _deliver(net, 0, 1)  # the deletion is sent again to the copy that lost it
    _deliver(net, 1, 0)
    assert _row(province, row) is None
    _round(net)
    assert all(_row(db, row) is None for db in net.offices)
