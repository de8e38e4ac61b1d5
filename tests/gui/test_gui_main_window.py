"""Main window shell: areas, status bar, menus, dialogs, remembered geometry, English interface."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from ptds_desktop.config import Settings, user_data_dir
from ptds_desktop.gui.areas import AREAS
from ptds_desktop.gui.dialogs import SettingsDialog
from ptds_desktop.gui.main_window import MainWindow


def _menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def test_window_shows_office_areas_and_database(main_window, db):
    assert main_window.windowTitle() == "PTDS Desktop — Bộ CHQS tỉnh Đắk Lắk"
    nav = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert nav == [area.title for area in AREAS]  # only registered areas, Vietnamese by default
    assert nav[0] == "Cơ quan, đơn vị"
    assert main_window.office_label.text() == "Bộ CHQS tỉnh Đắk Lắk"
    assert main_window.path_label.text() == str(db.path)
    assert _menu_titles(main_window) == ["&Tệp", "&Sửa", "&Khu vực", "Trợ &giúp"]
    file_menu = main_window.menuBar().actions()[0].menu()
    assert [a.text() for a in file_menu.actions() if not a.isSeparator()] == [
        "&Cài đặt…", "Sao lưu và &khôi phục…", "Mở cơ sở dữ liệu trên &máy chủ…", "T&hoát"]


def test_every_registered_area_opens_and_its_name_stays_readable(main_window, qtbot):
    nav = main_window.nav
    for row, area in enumerate(AREAS):
        nav.setFocus()
        nav.setCurrentRow(row)
        assert main_window.current_view() is main_window.views[area.key]
        qtbot.wait(10)
        assert nav.viewport().width() >= nav.sizeHintForColumn(0), f"{area.key} squeezes the navigation"


def test_about_names_version_and_data_paths(main_window, db):
    dialog = main_window.open_about()
    text = dialog.info.text()
    assert "0.1.0" in text
    assert str(db.path) in text
    assert str(user_data_dir()) in text
    dialog.close()


def test_settings_dialog_saves_the_language(main_window, qtbot):
    dialog = main_window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    assert dialog.ui.languageCombo.currentText() == "Tiếng Việt"
    dialog.ui.languageCombo.setCurrentIndex(dialog.ui.languageCombo.findData("en"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok).click()
    assert Settings.load().language == "en"
    assert main_window.message_label.text() == "Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng."


def test_settings_dialog_sets_the_sync_folder_interval_and_the_peer_warning(main_window, qtbot):
    dialog = main_window.open_settings()
    assert (dialog.ui.folderMinutesSpin.value(), dialog.ui.warnDaysSpin.value()) == (10, 14)
    dialog.ui.folderMinutesSpin.setValue(3)
    dialog.ui.warnDaysSpin.setValue(30)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok).click()
    saved = Settings.load()
    assert (saved.sync_folder_minutes, saved.sync_warn_days) == (3, 30)
    assert main_window.folder_sync.timer.interval() == 3 * 60_000


def test_geometry_and_dock_state_are_restored(open_main_window, qtbot):
    first = open_main_window()
    first.resize(QSize(720, 520))
    first.move(QPoint(40, 30))  # the offscreen screen is 800×600
    dock = first.findChild(QDockWidget, "navigationDock")
    first.resizeDocks([dock], [300], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() == 300)
    first.close()
    saved = Settings.load()
    assert saved.window_geometry and saved.window_state

    second = open_main_window()
    assert second.size() == QSize(720, 520)
    assert second.findChild(QDockWidget, "navigationDock").width() == 300


def test_english_interface(english, open_main_window):
    window = open_main_window()
    assert _menu_titles(window) == ["&File", "&Edit", "&Areas", "&Help"]
    assert window.nav.item(0).text() == "Organizations"
    view = window.current_view()
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers == ["Name", "Short name", "Kind"]
    assert view.count_label.text() == "0 organizations"
    assert view.new_action.text() == "&New…"
    dialog = view.create_new()
    assert dialog.windowTitle() == "New organization"
    assert dialog.ui.nameLabel.text() == "&Name:"
    assert dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).text() == "Save"
    dialog.close()


def test_unexpected_worker_error_is_shown_not_raised(main_window, ops, qtbot, modal):
    def broken(_session):
        raise RuntimeError("disk on fire")

    ops.run(broken)
    box = modal()
    assert box.text() == "Đã xảy ra lỗi không mong đợi. Dữ liệu không bị thay đổi."
    assert "disk on fire" in box.detailedText()
    box.close()
    assert QApplication.activeModalWidget() is None or QApplication.activeModalWidget() is not box


def test_qt_own_texts_are_vietnamese(qapp, main_window):
    from PySide6.QtWidgets import QMessageBox

    from ptds_desktop.gui.app import install_translation

    assert install_translation(qapp, "vi")
    menu = main_window.current_view().filter_edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.No).text() == "&Không"


def test_the_window_shows_before_the_database_opens_then_fills_in(db, db_path, qtbot):
    """The app's start (gui/app.py): the window paints with its navigation and a note that the database is
    being opened, the actions needing data disabled; then it opens the database and builds the first area."""
    db.close()
    window = MainWindow(None, None, None, Settings.load())
    qtbot.addWidget(window)
    window.open_after_paint(db_path)
    assert window.windowTitle() == "PTDS Desktop"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [area.title for area in AREAS]
    assert window.current_view() is window.opening_label
    assert window.opening_label.text() == "Đang mở cơ sở dữ liệu…"
    assert window.path_label.text() == str(db_path)  # which file is being opened, from the first paint
    assert not window.settings_action.isEnabled() and not window.backups_action.isEnabled()
    assert window.views == {}

    with qtbot.waitSignal(window.opened, timeout=30000):
        window.show()
    view = window.current_view()
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    try:
        assert view is window.views["organizations"]
        assert window.windowTitle() == "PTDS Desktop — Bộ CHQS tỉnh Đắk Lắk"
        assert window.path_label.text() == str(db_path)
        assert window.settings_action.isEnabled() and window.backups_action.isEnabled()
        assert window.opening_label not in [window.stack.widget(i) for i in range(window.stack.count())]
    finally:
        window.close()
        window.close_database()
