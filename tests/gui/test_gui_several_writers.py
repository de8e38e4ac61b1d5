"""Several staff on one database: another person's commit refreshes this window by itself (a server
database), and a save over a field someone else changed since the form opened asks what to keep."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ptds_desktop.config import Settings
from ptds_desktop.db.database import open_database
from ptds_desktop.gui.app import install_translation, register_fonts
from ptds_desktop.gui.main_window import MainWindow
from ptds_desktop.gui.ops import DatabaseOps
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office, this_office
from ptds_desktop.services.organizations import OrganizationInput


def _names(view):
    return [view.model.row_at(r).name for r in range(view.model.rowCount())]


@pytest.fixture
def server_window(pg_head_url, qtbot):
    """The main window over a shared server database, as a member of staff opens it."""
    db = open_database(pg_head_url)
    init_office(db, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    ops = DatabaseOps(db)
    register_fonts()
    install_translation(QApplication.instance(), Settings.load().language)
    window = MainWindow(db, ops, this_office(db), Settings.load())
    qtbot.addWidget(window)
    window.show()
    view = window.current_view()
    qtbot.waitUntil(lambda: view.loaded, timeout=15000)
    yield window
    ops.shutdown()
    QCoreApplication.processEvents()
    db.close()


def test_a_colleagues_new_organization_appears_without_any_action(server_window, pg_head_url, qtbot):
    view = server_window.current_view()
    assert _names(view) == []
    colleague = open_database(pg_head_url)
    with colleague.unit_of_work() as session:
        orgs.create_organization(session, OrganizationInput("Sở Y tế tỉnh Đắk Lắk"))
    qtbot.waitUntil(lambda: _names(view) == ["Sở Y tế tỉnh Đắk Lắk"], timeout=15000)
    with colleague.unit_of_work() as session:
        org = orgs.list_organizations(session)[0]
        orgs.update_organization(session, org.id, OrganizationInput("Sở Y tế", short_name="SYT"))
    qtbot.waitUntil(lambda: _names(view) == ["Sở Y tế"], timeout=15000)
    colleague.close()
