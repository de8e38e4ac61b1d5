"""Views refresh from what the core says a write changed (tables), whoever wrote: a write to one table reloads
the screens showing it and leaves the others alone."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject

from ptds_desktop.db.changes import Changes
from ptds_desktop.gui.organizations import OrganizationsView
from ptds_desktop.gui.roster.view import RosterView
from ptds_desktop.models import CommandBoard, Organization
from ptds_desktop.services import boards
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.boards import BoardInput
from ptds_desktop.services.organizations import OrganizationInput


def _open(window, key: str, qtbot):
    window.open_area([a.key for a in window.areas].index(key))
    view = window.current_view()
    qtbot.waitUntil(lambda: view.loaded)
    return view


def test_a_write_reloads_the_views_showing_its_table_and_not_the_others(main_window, ops, db, qtbot, wait_idle):
    organizations = _open(main_window, "organizations", qtbot)
    roster_view = _open(main_window, "roster", qtbot)
    assert isinstance(organizations, OrganizationsView) and isinstance(roster_view, RosterView)
    resets = []
    organizations.model.modelReset.connect(lambda: resets.append("organizations"))
    office_id = db.office_id()

    ops.run(lambda s: boards.create_board(s, BoardInput(
        "Ban Chỉ huy Phòng thủ dân sự xã Ea Kao", "xã Ea Kao", "commune", office_id=office_id)))
    qtbot.waitUntil(lambda: roster_view.boards.model.rowCount() == 1)
    wait_idle()
    assert roster_view.title_label.text() == "Ban Chỉ huy Phòng thủ dân sự xã Ea Kao"
    assert resets == []  # a board is not an organization: that list was not read again

    ops.run(lambda s: orgs.create_organization(s, OrganizationInput("Sở Y tế")))
    qtbot.waitUntil(lambda: organizations.model.rowCount() == 1)
    wait_idle()
    assert resets == ["organizations"]


def test_subscribers_hear_only_their_tables_while_they_live(ops, qtbot):
    heard: dict[str, list[Changes]] = {"boards": [], "organizations": [], "any": []}
    owner = QObject()
    ops.subscribe(owner, {CommandBoard.__tablename__}, heard["boards"].append)
    ops.subscribe(owner, {Organization.__tablename__}, heard["organizations"].append)
    ops.subscribe(owner, None, heard["any"].append)
    with qtbot.waitSignal(ops.changed):
        ops.run(lambda s: orgs.create_organization(s, OrganizationInput("Sở Tư pháp")))
    assert heard["boards"] == []
    assert [c.tables for c in heard["organizations"]] == [frozenset({"organizations"})]
    assert len(heard["any"]) == 1
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    with qtbot.waitSignal(ops.changed):
        ops.run(lambda s: orgs.create_organization(s, OrganizationInput("Sở Y tế")))
    assert len(heard["any"]) == 1  # the owner is gone: its subscriptions went with it


def _alive(obj: QObject) -> bool:
    return shiboken6.isValid(obj)
