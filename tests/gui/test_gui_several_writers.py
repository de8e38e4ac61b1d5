"""Several staff on one database: another person's commit refreshes this window by itself (a server
database), and a save over a field someone else changed since the form opened asks what to keep."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ptds_desktop.config import Settings
from ptds_desktop.db.database import open_database
from ptds_desktop.gui.app import install_translation, register_fonts
from ptds_desktop.gui.areas import AREAS
from ptds_desktop.gui.conferences.dialogs import ConferenceDialog
from ptds_desktop.gui.main_window import MainWindow
from ptds_desktop.gui.ops import DatabaseOps
from ptds_desktop.services import conferences as conf
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


@pytest.fixture
def conference_form(db, db_path, open_main_window, qtbot, modal):
    """The conference form open in this window, and a colleague with the same database file open."""
    with db.unit_of_work() as session:
        conference_id = conf.create_conference(session, conf.ConferenceInput(
            "Hội nghị sơ kết", dt.datetime(2026, 6, 1, 8, 0), purpose="Đánh giá kết quả")).id
    window = open_main_window()
    window.open_area([a.key for a in AREAS].index("conferences"))
    view = window.current_view()
    qtbot.waitUntil(lambda: view.state is not None, timeout=15000)
    view.edit_action.trigger()
    form = modal()
    assert isinstance(form, ConferenceDialog)
    colleague = open_database(db_path)
    yield form, colleague, conference_id
    colleague.close()


def _colleague_saves(colleague, conference_id, **changes):
    with colleague.unit_of_work() as session:
        started = conf.get_conference(session, conference_id)
        conf.update_conference(session, conference_id, dataclasses.replace(conf.as_input(started), **changes), started)


def _stored(db, conference_id):
    with db.unit_of_work() as session:
        return conf.get_conference(session, conference_id)


def _table(dialog):
    return [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]


def test_saving_over_a_colleagues_change_asks_and_keeping_theirs_saves_only_the_rest(conference_form, db, qtbot):
    form, colleague, conference_id = conference_form
    _colleague_saves(colleague, conference_id, purpose="Đánh giá kết quả 6 tháng", title="Hội nghị sơ kết 6 tháng")
    form.texts["purpose"].setPlainText("Rút kinh nghiệm")
    form.texts["content"].setPlainText("Báo cáo kết quả")
    form.accept()
    qtbot.waitUntil(lambda: form.stale_dialog is not None and form.stale_dialog.isVisible(), timeout=15000)
    asked = form.stale_dialog
    assert _table(asked) == [["Mục đích", "Đánh giá kết quả", "Đánh giá kết quả 6 tháng", "Rút kinh nghiệm"]]
    assert _stored(db, conference_id).content is None  # nothing saved yet
    asked.keep_button.click()
    qtbot.waitUntil(lambda: form.texts["purpose"].toPlainText() == "Đánh giá kết quả 6 tháng", timeout=15000)
    assert form.title.text() == "Hội nghị sơ kết 6 tháng"  # a field this user left alone shows theirs too
    assert form.texts["content"].toPlainText() == "Báo cáo kết quả"  # this user's other change is still there
    assert form.notice.isVisible() and "Mục đích" in form.notice.text()
    form.accept()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=15000)
    stored = _stored(db, conference_id)
    assert (stored.title, stored.purpose, stored.content) == (
        "Hội nghị sơ kết 6 tháng", "Đánh giá kết quả 6 tháng", "Báo cáo kết quả")


def test_overwriting_a_colleagues_change_saves_mine_and_going_back_saves_nothing(conference_form, db, qtbot):
    form, colleague, conference_id = conference_form
    _colleague_saves(colleague, conference_id, purpose="Đánh giá kết quả 6 tháng")
    form.texts["purpose"].setPlainText("Rút kinh nghiệm")
    form.accept()
    qtbot.waitUntil(lambda: form.stale_dialog is not None and form.stale_dialog.isVisible(), timeout=15000)
    form.stale_dialog.back_button.click()
    qtbot.waitUntil(lambda: not form.stale_dialog.isVisible(), timeout=15000)
    assert form.isVisible() and form.texts["purpose"].toPlainText() == "Rút kinh nghiệm"
    assert _stored(db, conference_id).purpose == "Đánh giá kết quả 6 tháng"
    first_question = form.stale_dialog
    form.accept()
    qtbot.waitUntil(lambda: form.stale_dialog is not first_question and form.stale_dialog.isVisible(), timeout=15000)
    form.stale_dialog.overwrite_button.click()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=15000)
    assert _stored(db, conference_id).purpose == "Rút kinh nghiệm"
