"""Several staff on one province database at once (each with their own connection, as on their own laptops):
two importing the same bundle, or bundles of two communes, one importing while another edits the rows the bundle
changes, two exporting. Nothing is applied or sent twice, nothing is lost, no deadlock, and the per-field stamps
decide exactly as if everything had happened one after the other."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from netutil import location

from ptds_desktop.db.clock import DAY_MS, FakeClock, use_clock
from ptds_desktop.db.database import Database, open_database
from ptds_desktop.models import Organization
from ptds_desktop.services import conferences
from ptds_desktop.services import organizations as orgs
from ptds_desktop.sync import exchange

ROUNDS = 3


def _at_once(*actions: Callable[[], Any]) -> list[Any]:
    """Run the actions in threads started together; their results in order (an exception is re-raised)."""
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = actions[index]()
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
        assert not thread.is_alive(), "a thread is stuck (deadlock?)"
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def _staff(db: Database, clock: FakeClock) -> Database:
    """Another staff member's connection to the same office database."""
    other = open_database(location(db), backup_daily=False)
    use_clock(other, clock)
    return other


def _create(db: Database, names: list[str]) -> list[str]:
    with db.unit_of_work() as session:
        return [orgs.create_organization(session, orgs.OrganizationInput(name=n)).id for n in names]


def _rename(db: Database, row_ids: list[str], prefix: str) -> None:
    for row_id in row_ids:
        with db.unit_of_work() as session:
            current = orgs.get_organization(session, row_id)
            data = orgs.OrganizationInput(**{f.name: getattr(current, f.name)
                                             for f in dataclasses.fields(orgs.OrganizationInput)})
            orgs.update_organization(session, row_id, dataclasses.replace(data, name=f"{prefix} {row_id[:6]}"))


def _set_phones(db: Database, row_ids: list[str], phone: str) -> None:
    with db.unit_of_work() as session:
        for row_id in row_ids:
            session.get(Organization, row_id).phone = phone


def _orgs(db: Database) -> dict[str, tuple[str, str | None]]:
    with db.unit_of_work() as session:
        return {o.id: (o.name, o.phone) for o in session.query(Organization).filter(Organization.deleted == False)}  # noqa: E712


def _count(db: Database, sql: str, *params: Any) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql(sql, params).scalar_one())


def _import(db: Database, path: Any) -> str:
    return exchange.import_bundle(db, path, backup=False).status


def test_two_staff_importing_the_same_bundle_apply_it_once(network):
    net = network(2)
    province, commune = net.offices
    other = _staff(province, net.clocks[0])
    try:
        for round_ in range(ROUNDS):
            net.clocks[1].advance(1000)
            made = _create(commune, [f"Tổ {round_}.{i}" for i in range(20)])
            path = net.send(1, 0)
            statuses = _at_once(partial(_import, province, path), partial(_import, other, path))
            assert sorted(statuses) == ["already_applied", "applied"]
            held = _orgs(province)
            assert all(row_id in held for row_id in made)
            assert _count(province, "SELECT count(*) FROM sync_receipts WHERE file_name=?", path.name) == 1
            # Every change of the commune seen once, stored once.
            commune_id = commune.office_id()
            assert _count(province, "SELECT count(*) FROM sync_seen WHERE origin=?", commune_id) == _count(
                province, "SELECT count(*) FROM (SELECT DISTINCT tbl, row_id, field FROM sync_seen WHERE origin=?) s",
                commune_id)
            assert _count(province, "SELECT count(*) FROM sync_outbox") == 0
    finally:
        other.close()


def test_two_staff_importing_bundles_of_two_communes_apply_both(network):
    net = network(3)
    province, first, second = net.offices
    other = _staff(province, net.clocks[0])
    try:
        for round_ in range(ROUNDS):
            net.clocks[1].advance(1000)
            net.clocks[2].advance(1000)
            made = _create(first, [f"Xã 1 tổ {round_}.{i}" for i in range(20)])
            made += _create(second, [f"Xã 2 tổ {round_}.{i}" for i in range(20)])
            one, two = net.send(1, 0), net.send(2, 0)
            assert _at_once(partial(_import, province, one), partial(_import, other, two)) == ["applied", "applied"]
            held = _orgs(province)
            assert all(row_id in held for row_id in made)
    finally:
        other.close()


@pytest.mark.parametrize("engine", ["postgresql"])
def test_an_import_racing_with_edits_of_the_same_rows_keeps_per_field_results(network):
    """The commune renames its units and sets their phone; meanwhile province staff rename the same units later
    (by the stamps). Whatever the interleaving, the province's later names and the commune's phones stand."""
    net = network(2)
    province, commune = net.offices
    rows = _create(commune, [f"Đơn vị {i}" for i in range(15)])
    assert _import(province, net.send(1, 0)) == "applied"
    editor_clock = FakeClock(net.clocks[0].ms)
    editor = _staff(province, editor_clock)
    try:
        for round_ in range(ROUNDS):
            net.clocks[1].advance(DAY_MS // 4)
            _rename(commune, rows, f"Xã đặt {round_}")
            _set_phones(commune, rows, f"0262 000 {round_:03d}")
            path = net.send(1, 0)
            # The province's staff edit a quarter of a day after the commune: their names are the later ones.
            editor_clock.set(net.clocks[1].ms + DAY_MS // 8)
            net.clocks[0].set(editor_clock.ms)
            _at_once(partial(_import, province, path), partial(_rename, editor, rows, f"Tỉnh đặt {round_}"))
            held = _orgs(province)
            assert {row_id: held[row_id] for row_id in rows} == {
                row_id: (f"Tỉnh đặt {round_} {row_id[:6]}", f"0262 000 {round_:03d}") for row_id in rows}
        # The commune, receiving the province's edits, ends with the same rows.
        assert _import(commune, net.send(0, 1)) == "applied"
        assert {row_id: _orgs(commune)[row_id] for row_id in rows} == {row_id: _orgs(province)[row_id]
                                                                       for row_id in rows}
    finally:
        editor.close()


def _save_conference(db: Database, conference_id: str, saves: int, prefix: str) -> None:
    """Staff opening the conference form and saving it, again and again (each save holds the office's clock
    first)."""
    for number in range(saves):
        with db.unit_of_work() as session:
            started = conferences.get_conference(session, conference_id)
        with db.unit_of_work() as session:
            conferences.update_conference(session, conference_id,
                                          conferences.ConferenceInput(f"{prefix} {number}"), started)


def test_an_import_racing_with_conference_saves_neither_deadlocks_nor_loses_either(network):
    """A form's save takes the office's clock before it writes, an import the sync lock before anything: each
    takes the sync lock first, so neither waits for the other in a circle."""
    net = network(2)
    province, commune = net.offices
    with province.unit_of_work() as session:
        conference_id = conferences.create_conference(session, conferences.ConferenceInput("Hội nghị")).id
    editor = _staff(province, FakeClock(net.clocks[0].ms))
    try:
        for round_ in range(ROUNDS):
            net.clocks[1].advance(1000)
            made = _create(commune, [f"Tổ {round_}.{i}" for i in range(30)])
            path = net.send(1, 0)
            status, _ = _at_once(partial(_import, province, path),
                                 partial(_save_conference, editor, conference_id, 10, f"Sơ kết {round_}"))
            assert status == "applied"
            assert set(made) <= set(_orgs(province))
            with province.unit_of_work() as session:
                assert conferences.get_conference(session, conference_id).title == f"Sơ kết {round_} 9"
    finally:
        editor.close()


def test_two_staff_exporting_at_once_send_every_change_exactly_once(network):
    net = network(3)
    province, first, second = net.offices
    other = _staff(province, net.clocks[0])
    made: list[str] = []
    try:
        for round_ in range(ROUNDS):
            net.clocks[0].advance(1000)
            made += _create(province, [f"Phòng {round_}.{i}" for i in range(25)])
            one, two = _at_once(partial(net.send, 0, 1), partial(_send_as, net, other, 2))
            assert _import(first, one) == "applied" and _import(second, two) == "applied"
            with province.engine.connect() as conn:
                runs = sorted(conn.exec_driver_sql("SELECT first_seq, last_seq FROM sync_segments WHERE origin=?",
                                                   (province.office_id(),)).fetchall())
            # Sealed once: the runs follow each other without overlap or gap.
            assert all(later[0] == earlier[1] + 1 for earlier, later in zip(runs, runs[1:]))
            assert _count(province, "SELECT count(*) FROM sync_outbox") == 0
            for commune in (first, second):
                held = _orgs(commune)
                assert all(row_id in held for row_id in made)
    finally:
        other.close()


def _send_as(net: Any, db: Database, recipient: int) -> Any:
    (result,) = exchange.export_bundles(db, net.offices[recipient].office_id(), net.folder / "mail")
    return result.path
