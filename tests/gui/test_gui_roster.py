"""The command-board roster screen, driven as a user would: member form, keyboard reordering, the
reorganisation as one action, history on an earlier date, validation beside its field, exports."""

from __future__ import annotations

import datetime as dt
import subprocess

import docx
import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
)
from roster_fixtures import ESTABLISHED, REORGANISED, establish

from ptds_desktop.config import Settings
from ptds_desktop.gui.roster.decision_dialog import DecisionDialog
from ptds_desktop.gui.roster.member_dialog import MemberDialog
from ptds_desktop.gui.roster.view import RosterView
from ptds_desktop.services import decisions, memberships, people, roster
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.people import PersonInput


@pytest.fixture
def board(db):
    return establish(db)


@pytest.fixture
def view(board, open_main_window, qtbot) -> RosterView:
    window = open_main_window()
    window.open_area([a.key for a in window.areas].index("roster"))
    roster_view = window.current_view()
    assert isinstance(roster_view, RosterView)
    qtbot.waitUntil(lambda: roster_view.loaded)
    return roster_view


def _names(model):
    return [model.row_at(r).full_name or model.row_at(r).position for r in range(model.rowCount())]


def _column(model, column):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _service_names(db, board_id, on=None):
    with db.unit_of_work() as s:
        return [m.full_name or m.position for m in memberships.roster_on(s, board_id, on)]


def _save(dialog):
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()


def _open_member_form(view, qtbot, modal) -> MemberDialog:
    view.members.table.setFocus()
    qtbot.keyClick(view.members.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = modal()
    assert isinstance(dialog, MemberDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def test_roster_is_shown_ordered_by_role(view, board):
    assert view.title_label.text() == "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"
    assert "01620/QĐ-UBND" in view.decision_label.text()
    assert _column(view.members.model, 0) == ["1", "2", "3", "4", "5", "6"]
    assert _column(view.members.model, 3) == [
        "Trưởng ban", "Phó Trưởng ban thường trực", "Phó Trưởng ban", "Ủy viên thường trực", "Ủy viên", "Ủy viên"]
    assert _names(view.members.model)[:2] == ["Trần Văn Thử", "Nguyễn Thiên Văn"]
    assert view.members.model.index(1, 4).data() == "0819.449.153"
    assert view.members.model.index(1, 5).data() == "Giúp Trưởng ban điều hành công việc thường xuyên của Ban. …"


def test_add_a_new_person_through_the_member_form(view, db, board, qtbot, modal, type_text):
    dialog = _open_member_form(view, qtbot, modal)
    dialog.ui.newRadio.setChecked(True)
    dialog.ui.fullNameEdit.setText("Đinh Thị Mới")
    dialog.ui.titleEdit.setText("Giám đốc Sở Tài chính")
    dialog.ui.phoneEdit.setText("0912 345 678")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("standing_member"))
    dialog.ui.responsibilityEdit.setPlainText("Phụ trách bảo đảm tài chính.")
    dialog.ui.numberEdit.setText("00300/QĐ-UBND")
    dialog.ui.dateEdit.edit.clear()
    type_text(dialog.ui.dateEdit.edit, "2/3/26")  # typed key by key, as officers type dates
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)

    qtbot.waitUntil(lambda: "Đinh Thị Mới" in _names(view.members.model))
    # Standing members come before members: the new one is 5th, after the other standing member.
    assert _names(view.members.model)[3:5] == ["Phạm Thị Ví Dụ", "Đinh Thị Mới"]
    assert view.members.selected_member().full_name == "Đinh Thị Mới"
    assert _service_names(db, board.board_id)[4] == "Đinh Thị Mới"
    with db.unit_of_work() as s:
        added = memberships.roster_on(s, board.board_id)[4]
    assert (added.start_date, added.start_decision_number, added.phone_display) == (
        dt.date(2026, 3, 2), "00300/QĐ-UBND", "0912.345.678")
    assert "00300/QĐ-UBND" in view.window().message_label.text()


def test_pick_an_existing_person_by_typing_without_diacritics(view, db, board, qtbot, modal, type_text):
    with db.unit_of_work() as s:
        people.create_person(s, PersonInput("Võ Thị Sẵn Có", "Giám đốc Sở Tư pháp", phone="0977 000 111"))
    dialog = _open_member_form(view, qtbot, modal)
    picker = dialog.ui.holderPicker
    assert dialog.focusWidget() is picker.edit
    type_text(picker.edit, "0977000111")  # found by the phone as people type it, too
    assert picker.list.item(1).text() == "Võ Thị Sẵn Có — Giám đốc Sở Tư pháp"
    picker.edit.clear()
    type_text(picker.edit, "vo thi san")
    # The one shared picker: "write as typed" first (no exact match), then the person found without diacritics.
    assert [picker.list.item(r).text() for r in range(picker.list.count())] == [
        "Ghi nguyên văn: “vo thi san”", "Võ Thị Sẵn Có — Giám đốc Sở Tư pháp"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.edit.text() == "Võ Thị Sẵn Có" and not picker.list.isVisible()
    assert dialog.selected_person().full_name == "Võ Thị Sẵn Có"
    dialog.ui.numberEdit.setText("00301/QĐ-UBND")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    qtbot.waitUntil(lambda: "Võ Thị Sẵn Có" in _names(view.members.model))
    assert view.members.model.index(view.members.model.row_of(view.members.selected_member_id()), 2).data() == (
        "Giám đốc Sở Tư pháp")


def test_a_seat_is_picked_as_an_agency_or_written_as_the_decision_words(view, db, board, qtbot, modal, type_text,
                                                                        reactivate):
    with db.unit_of_work() as s:
        orgs.create_organization(s, orgs.OrganizationInput("Sở Kế hoạch và Đầu tư tỉnh Đắk Lắk"))
    before = len(_names(view.members.model))
    empty = _open_member_form(view, qtbot, modal)
    empty.ui.numberEdit.setText("00303/QĐ-UBND")
    _save(empty)  # nobody picked and no position written: the service's message, at the picker
    qtbot.waitUntil(lambda: empty.ui.errorLabel.text().startswith("Cần chọn người, hoặc ghi chức vụ"), timeout=15000)
    assert empty.focusWidget() is empty.ui.holderPicker.edit
    empty.reject()
    picked: list[str] = []
    # An agency on file typed without diacritics (Down: past "write as typed"), then the decision's own words
    # (Enter takes "write as typed", though a member's title holds the same words).
    for typed, keys, number in (("so ke hoach", 1, "00304/QĐ-UBND"), ("Giám đốc Sở Xây dựng", 0, "00305/QĐ-UBND")):
        reactivate(view.window())
        dialog = _open_member_form(view, qtbot, modal)
        type_text(dialog.ui.holderPicker.edit, typed)
        for _ in range(keys):
            qtbot.keyClick(dialog.ui.holderPicker.edit, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.ui.holderPicker.edit, Qt.Key.Key_Return)
        picked.append(dialog.ui.holderPicker.state.text())
        dialog.ui.numberEdit.setText(number)
        with qtbot.waitSignal(dialog.accepted):
            _save(dialog)
        qtbot.waitUntil(lambda: len(_names(view.members.model)) == before + len(picked), timeout=15000)
    assert picked == ["Cơ quan trong danh mục.", "Ghi nguyên văn (chưa gắn với danh mục)."]
    with db.unit_of_work() as s:
        seats = {m.position: m for m in memberships.roster_on(s, board.board_id) if m.is_seat}
    assert seats["Sở Kế hoạch và Đầu tư tỉnh Đắk Lắk"].organization_name == "Sở Kế hoạch và Đầu tư tỉnh Đắk Lắk"
    assert seats["Giám đốc Sở Xây dựng"].organization_id is None


def test_a_second_head_is_refused_beside_the_role(view, db, board, qtbot, modal):
    dialog = _open_member_form(view, qtbot, modal)
    dialog.ui.newRadio.setChecked(True)
    dialog.ui.fullNameEdit.setText("Lê Thị Trưởng Hai")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("head"))
    dialog.ui.numberEdit.setText("00302/QĐ-UBND")
    _save(dialog)
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisible())
    assert "chỉ có một Trưởng ban" in dialog.ui.errorLabel.text()
    assert "Lê Thị Trưởng Hai" in dialog.ui.errorLabel.text()
    # The message sits in the role's form row, right under the field, and the field has the focus.
    assert dialog.ui.memberLayout.indexOf(dialog.ui.errorLabel) >= 0
    assert dialog.focusWidget() is dialog.ui.roleCombo
    assert dialog.isVisible()
    with db.unit_of_work() as s:
        assert len(decisions.list_decisions(s, board.board_id)) == 1
        assert not people.search_people(s, "Trưởng Hai")
    dialog.reject()


def test_bad_phone_is_shown_under_the_phone_field(view, qtbot, modal):
    dialog = _open_member_form(view, qtbot, modal)
    dialog.ui.newRadio.setChecked(True)
    dialog.ui.fullNameEdit.setText("Bùi Văn Số")
    dialog.ui.phoneEdit.setText("12345")
    dialog.ui.numberEdit.setText("25/QĐ-UBND")
    _save(dialog)
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.text().startswith("Số điện thoại không hợp lệ"))  # the service's
    assert dialog.ui.newPersonLayout.indexOf(dialog.ui.errorLabel) >= 0
    dialog.reject()


def test_same_name_and_phone_offers_the_merge(view, db, board, qtbot, modal):
    with db.unit_of_work() as s:
        kept = people.create_person(s, PersonInput("Trần Thị Có Sẵn", phone="0912 345 678"))
    dialog = _open_member_form(view, qtbot, modal)
    dialog.ui.newRadio.setChecked(True)
    dialog.ui.fullNameEdit.setText("Tran Thi Co San")
    dialog.ui.titleEdit.setText("Giám đốc Sở Tài chính")
    dialog.ui.phoneEdit.setText("0912.345.678")
    dialog.ui.numberEdit.setText("00303/QĐ-UBND")
    _save(dialog)
    qtbot.waitUntil(lambda: getattr(dialog, "merge_box", None) is not None)
    box = dialog.merge_box
    assert "Trần Thị Có Sẵn" in box.text()
    merge = next(b for b in box.buttons() if "Gộp" in b.text())
    with qtbot.waitSignal(dialog.accepted):
        merge.click()
    qtbot.waitUntil(lambda: "Trần Thị Có Sẵn" in _names(view.members.model))
    with db.unit_of_work() as s:
        found = people.search_people(s, "co san")
    assert [(p.id, p.title) for p in found] == [(kept.id, "Giám đốc Sở Tài chính")]


def test_reorder_with_the_keyboard_is_persisted(view, db, board, qtbot):
    assert _names(view.members.model)[4:] == ["Giám đốc Sở Y tế", "Hoàng Văn Giả Định"]
    view.members.select_member(view.members.model.row_at(5).id)
    view.members.table.setFocus()
    qtbot.keyClick(view.members.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _names(view.members.model)[4:] == ["Hoàng Văn Giả Định", "Giám đốc Sở Y tế"])
    assert _service_names(db, board.board_id)[4:] == ["Hoàng Văn Giả Định", "Giám đốc Sở Y tế"]
    assert view.members.selected_member().full_name == "Hoàng Văn Giả Định"  # the cursor follows the moved row
    assert view.window().message_label.text() == "Đã đổi thứ tự: Hoàng Văn Giả Định nay là số 5."
    # The order stays within the role: a member cannot climb above the standing member.
    qtbot.keyClick(view.members.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.members.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.ctx.ops.pending == 0)
    assert _service_names(db, board.board_id)[3:] == ["Phạm Thị Ví Dụ", "Giám đốc Sở Y tế", "Hoàng Văn Giả Định"]


def test_drag_and_drop_reorders_through_the_service(view, db, board, qtbot):
    model = view.members.model
    view.members.table.selectRow(5)  # pressing the mouse on a row selects it before the drag
    dragged = model.mimeData([model.index(5, 0)])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 4, 0, QModelIndex()) is False
    qtbot.waitUntil(lambda: _names(model)[4:] == ["Hoàng Văn Giả Định", "Giám đốc Sở Y tế"])
    assert _service_names(db, board.board_id)[4:] == ["Hoàng Văn Giả Định", "Giám đốc Sở Y tế"]

    view.window().undo()  # Ctrl+Z puts the previous order back
    qtbot.waitUntil(lambda: _names(model)[4:] == ["Giám đốc Sở Y tế", "Hoàng Văn Giả Định"])
    assert _service_names(db, board.board_id)[4:] == ["Giám đốc Sở Y tế", "Hoàng Văn Giả Định"]


def test_reorganisation_in_one_action_and_history_on_an_earlier_date(view, db, board, qtbot, modal, tmp_path, type_text,
                                                                     monkeypatch):
    scan = tmp_path / "qd-00215.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    view.members.table.setFocus()
    qtbot.keyClick(view.members.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = modal()
    assert isinstance(dialog, DecisionDialog)
    assert dialog.ui.kindCombo.currentData() == "reorganize"
    ending = dialog.ending_model
    deputy_row = next(r for r in range(ending.rowCount()) if ending.row_at(r).full_name == "Lê Văn Mẫu")
    ending.setData(ending.index(deputy_row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    dialog.ui.addMemberButton.click()
    member = modal()
    assert isinstance(member, MemberDialog) and member.mode == MemberDialog.COLLECT
    assert not member.ui.decisionGroup.isVisible()
    qtbot.waitUntil(lambda: member.loaded)
    member.ui.newRadio.setChecked(True)
    member.ui.fullNameEdit.setText("Đỗ Văn Thay Thế")
    member.ui.titleEdit.setText("Chỉ huy trưởng Bộ CHQS tỉnh")
    member.ui.phoneEdit.setText("0905 000 004")
    member.ui.roleCombo.setCurrentIndex(member.ui.roleCombo.findData("deputy"))
    with qtbot.waitSignal(member.accepted):
        _save(member)
    assert [p.name for p in dialog.pending_members()] == ["Đỗ Văn Thay Thế"]

    dialog.ui.numberEdit.setText("00215/QĐ-UBND")
    dialog.ui.dateEdit.edit.clear()
    type_text(dialog.ui.dateEdit.edit, "20012026")
    dialog.ui.issuedByEdit.setText("Chủ tịch UBND tỉnh")
    dialog.ui.fileButton.click()
    assert dialog.ui.fileEdit.text() == str(scan)
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)

    qtbot.waitUntil(lambda: "Đỗ Văn Thay Thế" in _names(view.members.model))
    assert "Lê Văn Mẫu" not in _names(view.members.model)
    assert "00215/QĐ-UBND" in view.decision_label.text()
    assert view.decisions.model.index(0, 5).data() == "qd-00215.pdf"
    assert _service_names(db, board.board_id, REORGANISED)[2] == "Đỗ Văn Thay Thế"

    view.tabs.setCurrentIndex(view.history_tab_index)
    view.history.set_day(ESTABLISHED)
    assert view.history.date_edit.edit.text() == "09/10/2025"
    qtbot.waitUntil(lambda: "Lê Văn Mẫu" in _names(view.history.model))
    assert "Đỗ Văn Thay Thế" not in _names(view.history.model)
    assert "01620/QĐ-UBND" in view.history.decision_label.text()
    assert "6 thành viên" in view.history.decision_label.text()

    # The person's record: Lê Văn Mẫu was deputy head from the establishment until the reorganisation.
    view.history.table.selectRow(_names(view.history.model).index("Lê Văn Mẫu"))
    qtbot.waitUntil(lambda: "Lê Văn Mẫu" in view.history.person_label.text())
    assert [view.history.person_model.index(0, c).data() for c in (0, 1, 2, 4, 5)] == [
        "09/10/2025", "20/01/2026", "Phó Trưởng ban", "01620/QĐ-UBND", "00215/QĐ-UBND"]

    view.history.set_day(dt.date(2026, 1, 19))
    qtbot.waitUntil(lambda: view.history.decision_label.text().startswith("Theo Quyết định số 01620"))
    # The dates the board changed are offered; picking one shows the board from that day.
    assert view.history.change_combo.itemText(1) == "20/01/2026 — 00215/QĐ-UBND"
    view.history.change_combo.activated.emit(1)
    assert view.history.day() == REORGANISED
    qtbot.waitUntil(lambda: "Đỗ Văn Thay Thế" in _names(view.history.model))
    # Lê Văn Mẫu left on that day: the lower panel shows someone on this day's list, not him.
    qtbot.waitUntil(lambda: "Lê Văn Mẫu" not in view.history.person_label.text())
    selected = view.history.model.row_at(view.history.table.selectionModel().selectedRows()[0].row())
    qtbot.waitUntil(lambda: (selected.full_name or "?") in view.history.person_label.text())
    assert selected.full_name in _names(view.history.model)
    # choosing someone on the roster of today does not change the history tab's panel
    view.tabs.setCurrentIndex(view.members_tab_index)
    view.members.table.selectRow(_names(view.members.model).index("Đỗ Văn Thay Thế"))
    view.tabs.setCurrentIndex(view.history_tab_index)
    assert (selected.full_name or "?") in view.history.person_label.text()


@pytest.fixture
def save_as(monkeypatch):
    """save_as(path): the next save dialogs answer `path`."""
    chosen = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen["path"]), ""))
    return lambda path: chosen.__setitem__("path", path)


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_export_every_document_on_the_worker(view, qtbot, tmp_path, save_as):
    assert set(view.export_actions) == {("decision", "pdf"), ("decision", "docx"), ("list", "pdf"),
                                        ("list", "docx"), ("list", "xlsx"), ("duties", "pdf"), ("duties", "docx")}
    save_as(tmp_path / "danh-sach.pdf")
    view.export_actions["list", "pdf"].trigger()
    qtbot.waitUntil(lambda: view.last_export == tmp_path / "danh-sach.pdf")
    text = _pdf_text(tmp_path / "danh-sach.pdf")
    assert "Nguyễn Thiên Văn" in text and "DANH SÁCH" in text
    assert str(tmp_path / "danh-sach.pdf") in view.window().message_label.text()
    assert not list(tmp_path.glob("*.part"))

    save_as(tmp_path / "danh-sach")  # the extension is added
    view.export_actions["list", "xlsx"].trigger()
    qtbot.waitUntil(lambda: view.last_export == tmp_path / "danh-sach.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "danh-sach.xlsx").active
    assert "Nguyễn Thiên Văn" in [c.value for row in sheet.iter_rows() for c in row]

    save_as(tmp_path / "phan-cong.pdf")
    view.export_actions["duties", "pdf"].trigger()
    qtbot.waitUntil(lambda: view.last_export == tmp_path / "phan-cong.pdf")
    assert "Trực tiếp chỉ đạo công tác phòng, chống thiên tai" in _pdf_text(tmp_path / "phan-cong.pdf")

    save_as(tmp_path / "quyet-dinh.docx")
    view.export_actions["decision", "docx"].trigger()
    qtbot.waitUntil(lambda: view.last_export == tmp_path / "quyet-dinh.docx")
    words = [p.text for p in docx.Document(tmp_path / "quyet-dinh.docx").paragraphs]
    assert "QUYẾT ĐỊNH:" in words and "DANH SÁCH" in words
    assert Settings.load().last_document_folder == str(tmp_path)  # offered again next time, after a restart


def test_create_a_commune_board(view, qtbot, type_text, modal):
    view.boards.new_action.trigger()
    dialog = modal()
    dialog.ui.levelCombo.setCurrentIndex(dialog.ui.levelCombo.findData("commune"))
    type_text(dialog.ui.unitEdit, "xã Ea Kao")
    assert dialog.ui.nameEdit.text() == "Ban Chỉ huy Phòng thủ dân sự xã Ea Kao"
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    qtbot.waitUntil(lambda: view.title_label.text() == "Ban Chỉ huy Phòng thủ dân sự xã Ea Kao")
    assert [view.boards.model.row_at(r).name for r in range(view.boards.model.rowCount())] == [
        "Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk", "Ban Chỉ huy Phòng thủ dân sự xã Ea Kao"]
    assert view.members.model.rowCount() == 0 and view.members.empty_hint.label.isVisibleTo(view.members.table)
    type_text(view.boards.filter, "ea kao")
    assert [view.boards.model.row_at(r).name for r in range(view.boards.model.rowCount())] == [
        "Ban Chỉ huy Phòng thủ dân sự xã Ea Kao"]
    assert view.boards.list.currentIndex().row() == 0 and view.board.unit_name == "xã Ea Kao"

    # Establish it: the decision dialog offers no current members, only new ones.
    dialog = view.reorganize()
    assert dialog.ui.kindCombo.currentData() == "establish"
    assert not dialog.ui.currentTable.isVisible()
    dialog.ui.numberEdit.setText("số 15 / QĐ - UBND")
    _save(dialog)
    assert dialog.ui.errorLabel.text() == "Hãy thêm các thành viên Ban theo quyết định."
    member = dialog.add_member()
    qtbot.waitUntil(lambda: member.loaded)
    member.ui.newRadio.setChecked(True)
    member.ui.fullNameEdit.setText("Y Bhiăm Niê")
    member.ui.titleEdit.setText("Chủ tịch UBND xã")
    member.ui.roleCombo.setCurrentIndex(member.ui.roleCombo.findData("head"))
    with qtbot.waitSignal(member.accepted):
        _save(member)
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    qtbot.waitUntil(lambda: _names(view.members.model) == ["Y Bhiăm Niê"])
    assert view.decision_label.text().startswith("Theo Quyết định số 15/QĐ-UBND")


def test_edit_a_member_as_recorded(view, db, board, qtbot, modal):
    row = _names(view.members.model).index("Lê Văn Mẫu")
    view.members.table.selectRow(row)
    view.members.table.setFocus()
    qtbot.keyClick(view.members.table, Qt.Key.Key_F2)
    dialog = modal()
    assert isinstance(dialog, MemberDialog) and dialog.mode == MemberDialog.EDIT
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.selected_person().full_name == "Lê Văn Mẫu"
    assert not dialog.ui.decisionGroup.isVisible()
    dialog.ui.responsibilityEdit.setPlainText("Chỉ đạo lực lượng vũ trang.\nPhụ trách diễn tập.")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    qtbot.waitUntil(lambda: view.members.model.index(row, 5).data() == "Chỉ đạo lực lượng vũ trang. …")
    with db.unit_of_work() as s:
        member = memberships.get_member(s, view.members.model.row_at(row).id)
    assert (member.full_name, member.role, member.responsibility) == (
        "Lê Văn Mẫu", "deputy", "Chỉ đạo lực lượng vũ trang.\nPhụ trách diễn tập.")


def test_ending_a_membership_opens_the_reorganisation_with_it_ticked(view, qtbot, modal):
    view.members.select_member(view.members.model.row_at(2).id)
    view.members.end_action.trigger()
    dialog = modal()
    assert dialog.ending_model.ending_ids() == [view.members.model.row_at(2).id]
    assert dialog.ui.kindCombo.currentData() == "reorganize"
    dialog.reject()


def test_delete_a_mistaken_entry(view, db, board, qtbot, modal):
    view.members.select_member(view.members.model.row_at(5).id)
    view.members.table.setFocus()
    qtbot.keyClick(view.members.table, Qt.Key.Key_Delete)
    box = modal()
    assert "Hoàng Văn Giả Định" in box.text()
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Hoàng Văn Giả Định" not in _names(view.members.model))
    assert "Hoàng Văn Giả Định" not in _service_names(db, board.board_id)
    assert "Đã xóa" in view.window().message_label.text()

    view.window().undo()  # Ctrl+Z / "Hoàn tác" in the status bar
    qtbot.waitUntil(lambda: "Hoàng Văn Giả Định" in _names(view.members.model))
    assert "Hoàng Văn Giả Định" in _service_names(db, board.board_id)


def test_duplicate_met_in_the_reorganisation_is_merged_too(view, db, board, qtbot):
    with db.unit_of_work() as s:
        kept = people.create_person(s, PersonInput("Trần Thị Có Sẵn", phone="0912 345 678"))
    dialog = view.reorganize()
    member = dialog.add_member()
    qtbot.waitUntil(lambda: member.loaded)
    member.ui.newRadio.setChecked(True)
    member.ui.fullNameEdit.setText("Trần Thị Có Sẵn")
    member.ui.titleEdit.setText("Giám đốc Sở Nội vụ")
    member.ui.phoneEdit.setText("+84 912 345 678")
    _save(member)
    qtbot.waitUntil(lambda: getattr(member, "merge_box", None) is not None)
    merge = next(b for b in member.merge_box.buttons() if "Gộp" in b.text())
    with qtbot.waitSignal(member.accepted):
        merge.click()
    assert [(p.name, p.member.person_id) for p in dialog.pending_members()] == [("Trần Thị Có Sẵn", kept.id)]
    dialog.ui.numberEdit.setText("00400/QĐ-UBND")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    qtbot.waitUntil(lambda: "Trần Thị Có Sẵn" in _names(view.members.model))
    with db.unit_of_work() as s:
        assert [(p.id, p.title) for p in people.search_people(s, "co san")] == [(kept.id, "Giám đốc Sở Nội vụ")]


def test_correct_a_decision_and_attach_its_scan(view, db, board, qtbot, tmp_path, monkeypatch):
    scan = tmp_path / "qd-01620.jpg"
    scan.write_bytes(b"\xff\xd8 scan")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    view.tabs.setCurrentIndex(view.decisions_tab_index)
    view.decisions.table.selectRow(0)
    dialog = view.decisions.edit_decision()
    assert dialog.ui.numberEdit.text() == "01620/QĐ-UBND"
    assert not dialog.ui.membersGroup.isVisible()
    dialog.ui.signerNameEdit.setText("Trần Văn Thử")
    dialog.ui.fileButton.click()
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    qtbot.waitUntil(lambda: view.decisions.model.index(0, 5).data() == "qd-01620.jpg")
    with db.unit_of_work() as s:
        decision = decisions.list_decisions(s, board.board_id)[0]
    assert (decision.signer_name, decision.attachment_filename) == ("Trần Văn Thử", "qd-01620.jpg")


def test_decision_summary_is_vietnamese_in_the_english_interface(english, board, open_main_window, qtbot, modal):
    window = open_main_window()
    window.open_area([a.key for a in window.areas].index("roster"))
    view = window.current_view()
    qtbot.waitUntil(lambda: view.loaded)
    view.members.table.setFocus()
    qtbot.keyClick(view.members.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = modal()
    assert isinstance(dialog, DecisionDialog)
    assert "Kiện toàn" not in dialog.windowTitle()  # the interface is in English
    # The summary is stored and synced to other offices: the document language, not the interface's.
    assert dialog.ui.summaryEdit.text() == "Về việc kiện toàn Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk"
    dialog.reject()


TYPED_DATES = ["15/06/2026", "15/6/2026", "15-06-2026", "15.06.2026", "15062026", "15/6/26"]


@pytest.mark.parametrize("typed", TYPED_DATES)
def test_member_form_stores_the_date_as_typed_key_by_key(view, db, board, qtbot, modal, type_text, wait_idle,
                                                        typed):
    """Issue 9: "15/06/2026" typed into the old date box stored 15/12/2026."""
    dialog = _open_member_form(view, qtbot, modal)
    dialog.ui.positionEdit.setText("Giám đốc Sở Tư pháp")
    dialog.ui.numberEdit.setText("00400/QĐ-UBND")
    dialog.ui.dateEdit.setFocus()
    dialog.ui.dateEdit.edit.selectAll()
    qtbot.keyClick(dialog.ui.dateEdit.edit, Qt.Key.Key_Backspace)
    type_text(dialog.ui.dateEdit.edit, typed)
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    wait_idle()
    with db.unit_of_work() as s:
        added = [m for m in roster.board_history(s, board.board_id) if m.position == "Giám đốc Sở Tư pháp"]
    assert [m.start_date for m in added] == [dt.date(2026, 6, 15)]


def test_member_form_refuses_an_impossible_date_and_saves_nothing(view, db, board, qtbot, modal, type_text):
    dialog = _open_member_form(view, qtbot, modal)
    dialog.ui.positionEdit.setText("Giám đốc Sở Tư pháp")
    dialog.ui.numberEdit.setText("00401/QĐ-UBND")
    dialog.ui.dateEdit.edit.clear()
    type_text(dialog.ui.dateEdit.edit, "31022026")
    _save(dialog)
    qtbot.waitUntil(dialog.ui.errorLabel.isVisible)
    assert "Ngày ký không tồn tại: 31022026 (tháng 2 năm 2026 chỉ có 28 ngày)" in dialog.ui.errorLabel.text()
    assert dialog.isVisible()
    with db.unit_of_work() as s:
        assert "Giám đốc Sở Tư pháp" not in [m.position for m in roster.board_history(s, board.board_id)]


@pytest.mark.parametrize("typed", TYPED_DATES)
def test_decision_form_stores_the_date_as_typed_key_by_key(view, db, board, qtbot, type_text, wait_idle, typed):
    view.tabs.setCurrentIndex(view.decisions_tab_index)
    view.decisions.table.selectRow(0)
    dialog = view.decisions.edit_decision()
    assert dialog.ui.dateEdit.edit.text() == "09/10/2025"
    dialog.ui.dateEdit.setFocus()
    dialog.ui.dateEdit.edit.selectAll()
    qtbot.keyClick(dialog.ui.dateEdit.edit, Qt.Key.Key_Backspace)
    type_text(dialog.ui.dateEdit.edit, typed)
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    qtbot.waitUntil(lambda: "15/06/2026" in _column(view.decisions.model, 1))
    wait_idle()
    with db.unit_of_work() as s:
        assert decisions.list_decisions(s, board.board_id)[0].issued_on == dt.date(2026, 6, 15)


def test_a_decision_dated_before_the_founding_asks_first_naming_the_founding_date(
        view, db, board, qtbot, modal, type_text, wait_idle):
    dialog = _open_member_form(view, qtbot, modal)
    dialog.ui.positionEdit.setText("Giám đốc Sở Tư pháp")
    dialog.ui.numberEdit.setText("00402/QĐ-UBND")
    dialog.ui.dateEdit.edit.clear()
    type_text(dialog.ui.dateEdit.edit, "01/01/2020")
    _save(dialog)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    question = QApplication.activeModalWidget()
    assert "trước ngày Ban được thành lập (09/10/2025, Quyết định số 01620/QĐ-UBND)" in question.text()
    question.button(QMessageBox.StandardButton.No).click()  # back to the form, nothing saved
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.ui.dateEdit.edit
    wait_idle()
    with db.unit_of_work() as s:
        assert "Giám đốc Sở Tư pháp" not in [m.position for m in roster.board_history(s, board.board_id)]

    dialog.ui.dateEdit.edit.clear()
    type_text(dialog.ui.dateEdit.edit, "01/03/2026")
    with qtbot.waitSignal(dialog.accepted):  # an ordinary date: no question
        _save(dialog)
    wait_idle()


def test_a_decision_dated_in_the_future_is_saved_once_confirmed(view, db, board, qtbot, type_text, wait_idle):
    view.tabs.setCurrentIndex(view.decisions_tab_index)
    view.decisions.table.selectRow(0)
    dialog = view.decisions.edit_decision()
    future = dt.date.today() + dt.timedelta(days=30)
    dialog.ui.dateEdit.edit.clear()
    type_text(dialog.ui.dateEdit.edit, future.strftime("%d/%m/%Y"))
    _save(dialog)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    question = QApplication.activeModalWidget()
    assert "là một ngày trong tương lai" in question.text()
    with qtbot.waitSignal(dialog.accepted):
        question.button(QMessageBox.StandardButton.Yes).click()
    wait_idle()
    with db.unit_of_work() as s:
        assert decisions.list_decisions(s, board.board_id)[0].issued_on == future


def test_issuer_of_the_last_decision_is_offered_next_time(view, db, board, qtbot, modal, wait_idle):
    dialog = _open_member_form(view, qtbot, modal)
    assert dialog.ui.issuedByEdit.text() == ""
    dialog.ui.positionEdit.setText("Giám đốc Sở Tư pháp")
    dialog.ui.numberEdit.setText("00403/QĐ-UBND")
    dialog.ui.dateEdit.setDate(dt.date(2026, 3, 1))
    dialog.ui.issuedByEdit.setText("Chủ tịch UBND tỉnh")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    wait_idle()
    assert Settings.load().last_issued_by == "Chủ tịch UBND tỉnh"  # remembered across restarts
    reorganisation = view.reorganize()
    assert reorganisation.ui.issuedByEdit.text() == "Chủ tịch UBND tỉnh"
    reorganisation.reject()


def test_changing_a_members_role_in_a_reorganisation_is_one_step(view, db, board, qtbot, type_text, wait_idle):
    dialog = view.reorganize()
    table, model = dialog.ui.currentTable, dialog.ending_model
    row = [model.row_at(r).full_name for r in range(model.rowCount())].index("Lê Văn Mẫu")
    index = model.index(row, 2)
    table.setCurrentIndex(index)
    table.edit(index)  # the role list opens in the cell
    combo = table.indexWidget(index) or table.findChild(QComboBox)
    combo.setCurrentIndex(combo.findData("standing_member"))
    table.commitData(combo)
    table.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)
    assert model.index(row, 2).data() == "Phó Trưởng ban → Ủy viên thường trực"
    dialog.ui.numberEdit.setText("00216/QĐ-UBND")
    dialog.ui.dateEdit.edit.clear()
    type_text(dialog.ui.dateEdit.edit, "20/01/2026")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    wait_idle()
    with db.unit_of_work() as s:
        roles = {m.full_name: m.role for m in memberships.roster_on(s, board.board_id, "21/01/2026")}
    assert roles["Lê Văn Mẫu"] == "standing_member"
