"""The Organizations screen, driven as a user would: keyboard, dialogs, filter, delete and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ptds_desktop.gui.organization_dialog import OrganizationDialog
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.organizations import OrganizationInput


def _add(db, name, **kw):
    with db.unit_of_work() as s:
        return orgs.create_organization(s, OrganizationInput(name, **kw))


def _names(view):
    return [view.model.row_at(r).name for r in range(view.model.rowCount())]


def _live_names(db):
    with db.unit_of_work() as s:
        return [o.name for o in orgs.list_organizations(s)]


def _save(dialog):
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()


def test_create_through_the_dialog_typing_vietnamese(main_window, db, qtbot, type_text, modal):
    view = main_window.current_view()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = modal()
    assert isinstance(dialog, OrganizationDialog)
    type_text(dialog.ui.nameEdit, "Ủy ban nhân dân tỉnh Đắk Lắk")
    dialog.ui.shortNameEdit.setText("UBND tỉnh")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("people_committee"))
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)

    qtbot.waitUntil(lambda: "Ủy ban nhân dân tỉnh Đắk Lắk" in _names(view))
    assert _live_names(db) == ["Ủy ban nhân dân tỉnh Đắk Lắk"]
    row = view.model.row_of(view.selected_ids()[0])
    assert [view.model.index(row, c).data() for c in range(3)] == [
        "Ủy ban nhân dân tỉnh Đắk Lắk", "UBND tỉnh", "Ủy ban nhân dân"]
    assert "Đã lưu" in main_window.message_label.text()


def test_filter_without_diacritics(db, open_main_window, qtbot):
    _add(db, "Ủy ban nhân dân tỉnh Đắk Lắk", short_name="UBND tỉnh")
    _add(db, "Công an tỉnh Đắk Lắk")
    _add(db, "Sở Y tế")
    view = open_main_window().current_view()
    assert view.model.rowCount() == 3

    window = view.window()
    window.nav.setFocus()  # the area's shortcuts work wherever the focus is in the window
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.filter_edit.hasFocus()
    qtbot.keyClicks(view.filter_edit, "dak lak")
    assert _names(view) == ["Công an tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk"]
    assert view.count_label.text() == "2 / 3 cơ quan, đơn vị"

    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Escape)
    assert view.filter_edit.text() == "" and view.model.rowCount() == 3
    qtbot.keyClicks(view.filter_edit, "ubnd")  # short names match too
    assert _names(view) == ["Ủy ban nhân dân tỉnh Đắk Lắk"]
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.selected_rows()[0].name == "Ủy ban nhân dân tỉnh Đắk Lắk"


def test_blank_name_is_refused_beside_the_field(main_window, db, qtbot, wait_idle):
    dialog = main_window.current_view().create_new()
    dialog.ui.nameEdit.setText("   ")
    _save(dialog)
    wait_idle()  # the service's own rule, raised on the worker
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text() == "Tên cơ quan, đơn vị không được để trống."
    assert dialog.focusWidget() is dialog.ui.nameEdit
    form = dialog.ui.formLayout
    name_row = form.getWidgetPosition(dialog.ui.nameEdit)[0]
    assert form.getWidgetPosition(dialog.ui.errorLabel)[0] == name_row + 1  # right under the field
    assert _live_names(db) == []


def test_duplicate_name_found_by_the_worker_keeps_the_dialog_open(main_window, db, qtbot, wait_idle):
    _add(db, "Sở Y tế")
    dialog = main_window.current_view().create_new()
    dialog.ui.nameEdit.setText("so y te")
    _save(dialog)
    wait_idle()
    assert dialog.isVisible()
    assert "Đã có cơ quan, đơn vị tên “Sở Y tế”" in dialog.ui.errorLabel.text()
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert _live_names(db) == ["Sở Y tế"]


def test_enter_edits_the_selected_row(db, open_main_window, qtbot, modal):
    _add(db, "Sở Y tế")
    view = open_main_window().current_view()
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = modal()
    assert dialog.ui.nameEdit.text() == "Sở Y tế"
    dialog.ui.nameEdit.setText("Sở Y tế tỉnh Đắk Lắk")
    _save(dialog)
    qtbot.waitUntil(lambda: _names(view) == ["Sở Y tế tỉnh Đắk Lắk"])
    assert _live_names(db) == ["Sở Y tế tỉnh Đắk Lắk"]


def test_delete_asks_then_undo_restores(db, open_main_window, qtbot, modal, reactivate):
    _add(db, "Sở Y tế")
    _add(db, "Công an tỉnh Đắk Lắk")
    window = open_main_window()
    view = window.current_view()
    view.table.setFocus()
    view.table.selectRow(view.model.row_of(next(o.id for o in view.model.all_rows() if o.name == "Sở Y tế")))

    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    box = modal()
    assert "Xóa cơ quan, đơn vị “Sở Y tế”?" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert _live_names(db) == ["Công an tỉnh Đắk Lắk", "Sở Y tế"]

    reactivate(window)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    modal().button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: _names(view) == ["Công an tỉnh Đắk Lắk"])
    assert _live_names(db) == ["Công an tỉnh Đắk Lắk"]
    assert window.message_label.text() == "Đã xóa “Sở Y tế”."
    assert window.undo_button.isVisible()

    reactivate(window)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _names(view) == ["Công an tỉnh Đắk Lắk", "Sở Y tế"])
    assert _live_names(db) == ["Công an tỉnh Đắk Lắk", "Sở Y tế"]
    assert not window.undo_action.isEnabled()


def test_undo_from_the_status_bar_after_deleting_several(db, open_main_window, qtbot, modal):
    for name in ("Sở Y tế", "Sở Tư pháp", "Công an tỉnh"):
        _add(db, name)
    window = open_main_window()
    view = window.current_view()
    view.table.selectAll()
    view.delete_selected()
    box = modal()
    assert box.text() == "Xóa 3 cơ quan, đơn vị đang chọn?"
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert window.message_label.text() == "Đã xóa 3 cơ quan, đơn vị."
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    assert len(_live_names(db)) == 3


def test_a_change_made_elsewhere_refreshes_the_list(main_window, ops, qtbot):
    view = main_window.current_view()
    ops.run(lambda s: (orgs.create_organization(s, OrganizationInput("Sở Tư pháp")), {"organizations"}))
    qtbot.waitUntil(lambda: _names(view) == ["Sở Tư pháp"])


def test_empty_list_and_empty_filter_say_so(db, open_main_window, qtbot):
    view = open_main_window().current_view()
    assert view.empty_hint.label.isVisible()
    assert "Nhấn Ctrl+N để thêm" in view.empty_hint.label.text()
    _add(db, "Sở Y tế")
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert not view.empty_hint.label.isVisible()
    qtbot.keyClicks(view.filter_edit, "cong an")
    assert view.empty_hint.label.isVisible()
    assert view.empty_hint.label.text() == "Không có cơ quan, đơn vị nào khớp với bộ lọc."


def test_double_click_and_f2_open_the_row(db, open_main_window, qtbot, modal, reactivate):
    _add(db, "Sở Y tế")
    window = open_main_window()
    view = window.current_view()
    rect = view.table.visualRect(view.model.index(0, 0))
    # QTest's double click lacks the press before it that item views look for
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = modal()
    assert dialog.ui.nameEdit.text() == "Sở Y tế"
    dialog.reject()
    reactivate(window)
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    assert modal().windowTitle() == "Sửa cơ quan, đơn vị"


def test_a_saved_row_hidden_by_the_filter_clears_it(db, main_window, qtbot):
    view = main_window.current_view()
    view.filter_edit.setText("cong an")
    dialog = view.create_new()
    dialog.ui.nameEdit.setText("Sở Tư pháp")
    _save(dialog)
    qtbot.waitUntil(lambda: _names(view) == ["Sở Tư pháp"])
    assert view.filter_edit.text() == ""
    assert view.selected_rows()[0].name == "Sở Tư pháp"
