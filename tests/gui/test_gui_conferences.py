"""The conference screen as a planner uses it: overview and checklist, replies, and the long exports of a
province-wide conference (300 invitees at 102 bridge sites) with progress, Cancel, and a window that stays live."""

import datetime as dt
import itertools
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QItemSelectionModel, Qt, QTimer
from sqlalchemy import select

from ptds_desktop import datafile
from ptds_desktop.gui.areas import AREAS
from ptds_desktop.gui.conferences.dialogs import ExportChoice
from ptds_desktop.gui.conferences.models import OVERDUE_BACKGROUND
from ptds_desktop.models import AgendaItem, Organization, Person, Venue
from ptds_desktop.services import conference_preparation as prep
from ptds_desktop.services import conferences as conf
from tests.conference_fixtures import bridge_conference

TODAY = dt.date(2026, 3, 6)


def _open_conferences(window, qtbot):
    window.open_area([a.key for a in AREAS].index("conferences"))
    view = window.current_view()
    view.today = lambda: TODAY
    view.reload()
    qtbot.waitUntil(lambda: view.state is not None and view.state.overview.days_left == 6)
    return view


@pytest.fixture
def demo_window(db, open_main_window):
    datafile.load_demo(db)
    with db.unit_of_work() as s:
        cid = conf.list_conferences(s)[0].id
        prep.add_milestone(s, cid, "Phát hành Giấy mời đại biểu", 7)  # due 05/3: overdue on 06/3
    return open_main_window()


def test_overview_shows_days_left_replies_and_overdue_steps_shaded(demo_window, qtbot, wait_idle):
    view = _open_conferences(demo_window, qtbot)
    text = view.summary.text()
    assert "còn 6 ngày" in text and "Đại biểu: 24 (3 điểm cầu)" in text and "Việc quá hạn: 1" in text
    model = view.checklist_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).title == "Phát hành Giấy mời đại biểu")
    assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    view.checklist_table.selectRow(row)
    view.tick_action.trigger()
    qtbot.waitUntil(lambda: "Việc quá hạn" not in view.summary.text())
    row = next(r for r in range(model.rowCount()) if model.row_at(r).title == "Phát hành Giấy mời đại biểu")
    assert model.row_at(row).done and model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_replies_of_selected_invitees_update_the_counts_per_venue(demo_window, qtbot):
    view = _open_conferences(demo_window, qtbot)
    view.tabs.setCurrentIndex(1)
    view.invitee_table.selectRow(0)
    view.invitee_table.selectionModel().select(
        view.invitee_model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    view.reply_actions["confirmed"].trigger()
    qtbot.waitUntil(lambda: view.counts_model.row_at(0).counts.confirmed == 2)
    assert "xác nhận 2" in view.summary.text()
    assert view.invitee_model.data(view.invitee_model.index(0, 3)) == "Xác nhận dự"


@pytest.fixture
def province_window(db, open_main_window):
    with db.unit_of_work() as s:
        c = conf.create_conference(s, conf.ConferenceInput(
            "Hội nghị trực tuyến toàn tỉnh", dt.datetime(2026, 3, 12, 14), format="online"))
        assert bridge_conference(s, c.id, 102) == (102, 306)
    return open_main_window()


def _gaps_while(qtbot, condition, timeout_ms):
    """Run the event loop until `condition`; return the longest pause between 20 ms ticks (the window's
    responsiveness while the worker exports)."""
    ticks = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    timer.start(20)
    qtbot.waitUntil(condition, timeout=timeout_ms)
    timer.stop()
    return max((b - a for a, b in itertools.pairwise(ticks)), default=0), len(ticks)


def test_province_wide_invitations_and_sign_in_sheet_with_progress_cancel_and_a_live_window(
        province_window, qtbot, tmp_path):
    window = province_window
    window.open_area([a.key for a in AREAS].index("conferences"))
    view = window.current_view()
    qtbot.waitUntil(lambda: view.state is not None and view.state.counts.total.total == 306, timeout=60_000)
    cid = view.current_id()

    # Invitations: one page per invitee, 306 pages, the progress dialog counting up.
    target = tmp_path / "giay-moi.pdf"
    seen = []
    view.run_export(cid, ExportChoice("invitations", "pdf", "invitee", str(target)))
    progress = view.export_progress
    timer = QTimer()
    timer.timeout.connect(lambda: seen.append((progress.value(), progress.maximum())) if view.export_progress else None)
    timer.start(25)
    worst_pause, ticks = _gaps_while(qtbot, lambda: view.export_progress is None, 240_000)
    timer.stop()
    assert target.exists() and target.stat().st_size > 0
    assert any(total == 306 and 0 < value < 306 for value, total in seen)  # progress shown part-way
    assert ticks > 10 and worst_pause < 1500  # the window kept answering throughout
    assert "Đã xuất vào" in window.message_label.text()

    # Sign-in sheet: Cancel part-way leaves no file and says so.
    sheet = tmp_path / "danh-sach.pdf"
    view.run_export(cid, ExportChoice("attendees", "pdf", "invitee", str(sheet)))
    progress = view.export_progress
    qtbot.waitUntil(lambda: progress.value() >= 1, timeout=60_000)
    progress.cancel_button.click()
    qtbot.waitUntil(lambda: view.export_progress is None, timeout=60_000)
    assert not sheet.exists() and not sheet.with_name(sheet.name + ".part").exists()
    assert "Đã hủy xuất văn bản" in window.message_label.text()

    # And done to the end: every bridge site on its own sheet.
    started = time.monotonic()
    view.run_export(cid, ExportChoice("attendees", "pdf", "invitee", str(sheet)))
    qtbot.waitUntil(lambda: view.export_progress is None, timeout=120_000)
    assert sheet.exists() and time.monotonic() - started < 120


def test_programme_items_are_added_with_times_as_plans_print_them_and_bad_times_named(demo_window, qtbot, modal,
                                                                                      type_text):
    view = _open_conferences(demo_window, qtbot)
    view.tabs.setCurrentIndex(3)
    view.add_item_action.trigger()
    dialog = modal()
    dialog.time.setText("25h00")
    type_text(dialog.title, "Tham luận của Sở Y tế")
    type_text(dialog.presenter.edit, "Giám đốc Sở Y tế")
    dialog.accept()
    qtbot.waitUntil(lambda: "giờ:phút" in dialog.error_label.text())
    assert dialog.isVisible() and dialog.title.text() == "Tham luận của Sở Y tế"  # nothing typed is lost
    dialog.time.setText("15h30")
    dialog.minutes.setValue(7)
    dialog.accept()
    qtbot.waitUntil(lambda: view.agenda_model.rowCount() == 7)
    added = view.agenda_model.row_at(6)
    assert (added.start_time, added.title, added.presenter_label, added.duration_minutes) == (
        "15:30", "Tham luận của Sở Y tế", "Giám đốc Sở Y tế", 7)
    view.agenda_table.selectRow(6)
    view.item_up_action.trigger()
    qtbot.waitUntil(lambda: view.agenda_model.row_at(5).title == "Tham luận của Sở Y tế")


def test_edit_dialog_saves_recipients_and_signature_with_the_texts(demo_window, qtbot, modal, db):
    view = _open_conferences(demo_window, qtbot)
    view.edit_action.trigger()
    dialog = modal()
    assert dialog.recipients.toPlainText().splitlines()[0] == "Thường trực Tỉnh ủy (b/c)"
    assert dialog.signature["signer_name"].text() == "Nguyễn Thiên Văn"
    dialog.recipients.setPlainText("Thường trực Tỉnh ủy (b/c)\nUBND tỉnh\nLưu VT, NC.")
    dialog.texts["closing_text"].setPlainText("Yêu cầu các cơ quan triển khai thực hiện./.")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.unit_of_work() as s:
        cid = view.current_id()
        assert [r.label for r in conf.recipients(s, cid)] == ["Thường trực Tỉnh ủy (b/c)", "UBND tỉnh", "Lưu VT, NC."]
        assert conf.get_conference(s, cid).closing_text == "Yêu cầu các cơ quan triển khai thực hiện./."
        assert conf.signature(s, cid).signer_name == "Nguyễn Thiên Văn"


def _rows(model) -> list:
    return [model.row_at(r) for r in range(model.rowCount())]


def _pick_by_keys(qtbot, type_text, picker, typed: str, down: int) -> None:
    """Type into the picker, move `down` lines in the list under it, Enter: as a planner picks."""
    type_text(picker.edit, typed)
    qtbot.waitUntil(lambda: picker.list.isVisible())
    for _ in range(down):
        qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert not picker.list.isVisible()


def test_presenters_and_chairs_are_picked_from_the_catalogue_or_written_as_printed(demo_window, qtbot, modal,
                                                                                  type_text, db):
    view = _open_conferences(demo_window, qtbot)
    cid = view.current_id()
    view.tabs.setCurrentIndex(3)
    with db.unit_of_work() as s:
        police = s.scalars(select(Organization.id).where(Organization.name == "Công an thành phố Thái Nguyên")).one()
        deputy = s.scalars(select(Person.id).where(Person.full_name == "Nguyễn Thiên Văn")).one()

    # An agenda item presented by an organization of the catalogue, found by typing without diacritics.
    view.add_item_action.trigger()
    dialog = modal()
    type_text(dialog.title, "Báo cáo công tác bảo đảm an ninh")
    _pick_by_keys(qtbot, type_text, dialog.presenter, "cong an thanh pho", down=1)
    assert dialog.presenter.edit.text() == "Công an thành phố Thái Nguyên"
    dialog.accept()
    qtbot.waitUntil(lambda: any(r.title == "Báo cáo công tác bảo đảm an ninh" for r in _rows(view.agenda_model)))

    # A bridge site chaired by a person from the list.
    view.add_venue_action.trigger()
    dialog = modal()
    type_text(dialog.name, "Điểm cầu phường Tân Lập")
    _pick_by_keys(qtbot, type_text, dialog.chair, "thien van", down=1)
    dialog.accept()
    qtbot.waitUntil(lambda: any(r.name == "Điểm cầu phường Tân Lập" for r in _rows(view.venue_model)))

    # And one chaired by words as printed: Enter takes "write as typed", the first line.
    view.add_venue_action.trigger()
    dialog = modal()
    type_text(dialog.name, "Điểm cầu xã Ea Tul")
    _pick_by_keys(qtbot, type_text, dialog.chair, "Chủ tịch UBND xã Ea Tul", down=0)
    dialog.accept()
    qtbot.waitUntil(lambda: any(r.name == "Điểm cầu xã Ea Tul" for r in _rows(view.venue_model)))

    with db.unit_of_work() as s:
        item = s.scalars(select(AgendaItem).where(AgendaItem.title == "Báo cáo công tác bảo đảm an ninh")).one()
        assert (item.presenter_org_id, item.presenter_person_id, item.presenter_text) == (police, None, None)
        chairs = {v.name: (v.chair_organization_id, v.chair_person_id, v.chair_text)
                  for v in s.scalars(select(Venue).where(Venue.conference_id == cid))}
    assert chairs["Điểm cầu phường Tân Lập"] == (None, deputy, None)
    assert chairs["Điểm cầu xã Ea Tul"] == (None, None, "Chủ tịch UBND xã Ea Tul")
    shown = {r.name: r.chair_label for r in _rows(view.venue_model)}
    assert shown["Điểm cầu phường Tân Lập"].startswith("Nguyễn Thiên Văn")
    assert shown["Điểm cầu xã Ea Tul"] == "Chủ tịch UBND xã Ea Tul"
