"""The document settings screen: defaults shown for a new office, editing with Vietnamese typing, validation
beside the field, reset, and the layout at 1024x600 in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from ptds_desktop.gui.document_settings import DocumentSettingsView
from ptds_desktop.services import documents


@pytest.fixture
def open_view(open_main_window, qtbot):
    def make() -> DocumentSettingsView:
        window = open_main_window()
        window.resize(1024, 600)
        window.open_area([a.key for a in window.areas].index("documents"))
        view = window.current_view()
        assert isinstance(view, DocumentSettingsView)
        qtbot.waitUntil(lambda: view.loaded)
        return view

    return make


def _select(view, kind):
    row = next(r for r in range(view.kinds.count()) if view.kinds.item(r).data(Qt.ItemDataRole.UserRole) == kind)
    view.kinds.setCurrentRow(row)


def _stored(db, kind):
    with db.unit_of_work() as s:
        return documents.document_settings(s, kind)


def test_defaults_of_a_new_office_are_shown_per_kind(open_view):
    view = open_view()
    assert [view.kinds.item(r).text() for r in range(view.kinds.count())] == [
        "Quyết định kiện toàn Ban Chỉ huy", "Danh sách, phân công nhiệm vụ thành viên", "Kế hoạch, chương trình",
        "Giấy mời"]
    assert view.edits["issuing_body"].text() == "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    assert view.signer_authority.currentText() == "KT. CHỦ TỊCH"
    assert view.texts["recipients"].toPlainText().splitlines()[0] == "Như Điều 3"
    assert view.edits["executors"].isVisibleTo(view) and "Mặc định" in view.state_label.text()
    _select(view, "plan")
    assert (view.edits["parent_body"].text(), view.edits["symbol"].text()) == ("UBND TỈNH ĐẮK LẮK", "KH-BCH")
    assert not view.edits["executors"].isVisibleTo(view)  # the decision's own lines only for a decision
    assert view.place_edit.text() == "Đắk Lắk"


def test_edit_save_and_reset(open_view, db, qtbot, type_text, wait_idle):
    view = open_view()
    _select(view, "invitation")
    view.edits["signer_name"].clear()
    type_text(view.edits["signer_name"], "Nguyễn Thiên Văn")
    view.texts["recipients"].setPlainText("Như trên;\nLưu: VT.")
    view.place_edit.setText("TP. Buôn Ma Thuột")
    view.edits["signer_name"].setFocus()
    qtbot.keyClick(view.edits["signer_name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _stored(db, "invitation").stored)
    stored = _stored(db, "invitation")
    assert stored.signer_name == "Nguyễn Thiên Văn" and stored.recipients == ("Như trên",)
    assert stored.place_name == "TP. Buôn Ma Thuột"
    qtbot.waitUntil(lambda: "Đã lưu riêng" in view.state_label.text())
    assert view.texts["recipients"].toPlainText() == "Như trên"

    view.reset_button.click()
    qtbot.waitUntil(lambda: not _stored(db, "invitation").stored)
    wait_idle()
    assert view.edits["signer_name"].text() == "" and view.current_kind() == "invitation"


def test_a_bad_symbol_is_shown_beside_its_field_and_nothing_is_saved(open_view, db, qtbot, wait_idle):
    view = open_view()
    _select(view, "plan")
    view.edits["symbol"].setText("KH/BCH")
    view.save_button.click()
    qtbot.waitUntil(lambda: view.error_label.isVisible())
    assert "Ký hiệu văn bản không đúng dạng" in view.error_label.text()
    assert "#b00020" in view.edits["symbol"].styleSheet()
    wait_idle()
    assert not _stored(db, "plan").stored


@pytest.mark.parametrize("language", ["vi", "en"])
def test_fits_1024x600_in_both_languages(request, language, open_view, tmp_path):
    if language == "en":
        request.getfixturevalue("english")
    view = open_view()
    window = view.window()
    assert window.width() <= 1024 and window.height() <= 600
    scroll = view.findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()  # fields grow with the width; no sideways scrolling
    assert view.save_button.isVisible() and view.save_button.geometry().bottom() < view.height()
    if language == "en":
        assert view.save_button.text() == "Save (Ctrl+S)"
        assert view.kinds.item(0).text() == "Board decision (kiện toàn)"
    window.grab().save(str(tmp_path / f"document-settings-{language}.png"))
