"""Per peer, since when it lacks what it lacks (issue 15, point 6): a change is due to a peer from the moment this
office held it (made here, or arrived here), never from before the peer was registered."""

from __future__ import annotations

import datetime as dt

from ptds_desktop.db.clock import DAY_MS
from ptds_desktop.services.organizations import OrganizationInput, create_organization
from ptds_desktop.sync import exchange
from ptds_desktop.sync import status as sync_status


def _since(db, peer) -> str | None:
    (note,) = [n for n in sync_status.status(db).follow_up if n.office_id == peer.office_id()]
    return note.waiting_since


def _day(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000).date().isoformat()


def test_a_relayed_change_is_due_from_its_arrival_and_an_own_change_from_when_it_was_made(network):
    net = network(3)
    province, c1, c2 = net.offices
    for office in (1, 2):  # everyone up to date first
        exchange.import_bundle(province, net.send(office, 0), backup=False)
        exchange.import_bundle(net.offices[office], net.send(0, office), backup=False)
        exchange.import_bundle(province, net.send(office, 0), backup=False)
    assert _since(province, c2) is None
    with c1.unit_of_work() as session:
        create_organization(session, OrganizationInput(name="Tổ xung kích"))
    made = net.clocks[1].now_ms()
    for clock in net.clocks:
        clock.advance(40 * DAY_MS)  # the commune's stick reaches the province forty days later
    exchange.import_bundle(province, net.send(1, 0), backup=False)
    arrived = net.clocks[0].now_ms()
    since = _since(province, c2)
    assert since is not None and since.startswith(_day(arrived)) and not since.startswith(_day(made))
    for clock in net.clocks:
        clock.advance(5 * DAY_MS)
    with province.unit_of_work() as session:
        create_organization(session, OrganizationInput(name="Sở Y tế"))
    assert _since(province, c2).startswith(_day(arrived))  # still the oldest it lacks
    exchange.import_bundle(c2, net.send(0, 2), backup=False)
    exchange.import_bundle(province, net.send(2, 0), backup=False)
    assert _since(province, c2) is None  # acknowledged: nothing is due any more
