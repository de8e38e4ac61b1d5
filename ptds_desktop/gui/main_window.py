"""The main window: navigation pane of areas (gui/areas.py) beside the current area's view, menus, status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from ptds_desktop.config import APP_NAME, Settings
from ptds_desktop.db.database import Database
from ptds_desktop.gui.areas import AREAS, Area
from ptds_desktop.gui.backups_dialog import BackupsDialog
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.dialogs import AboutDialog, SettingsDialog
from ptds_desktop.gui.folder_sync import FolderSyncRunner
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.widgets import show_error
from ptds_desktop.services.offices import OfficeData
from ptds_desktop.sync.status import check_clock

MESSAGE_TIMEOUT_MS = 15000


class MainWindow(QMainWindow):
    def __init__(self, db: Database, ops: DatabaseOps, office: OfficeData, settings: Settings):
        super().__init__()
        self.db = db
        self.ops = ops
        self.office = office
        self.settings = settings
        self.areas = list(AREAS)
        self.views: dict[str, QWidget] = {}
        self._undo: WriteFn | None = None
        self.reopen_requested = False  # set when the database was replaced (restore): the app opens it again
        ops.default_error_handler = lambda exc: show_error(self, exc)
        self.folder_sync = FolderSyncRunner(ops, settings, self.show_message, self)
        self.context = ViewContext(db=db, ops=ops, office=office, show_message=self.show_message,
                                   offer_undo=self.offer_undo, settings=settings, folder_sync=self.folder_sync)

        self.setObjectName("MainWindow")
        self.setWindowTitle(f"{APP_NAME} — {office.name}")
        self.resize(1100, 700)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Khu vực"))
        self.nav.setIconSize(self.nav.iconSize().expandedTo(self.nav.iconSize() * 1.25))
        self.nav.setSpacing(2)
        for area in self.areas:
            item = QListWidgetItem(self.style().standardIcon(area.icon), self.tr_area(area))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_area)
        # Wide enough for every area's name: a wide view must squeeze itself, not the navigation.
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setMinimumWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24)
        dock = QDockWidget(self.tr("Khu vực"), self)
        dock.setObjectName("navigationDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setTitleBarWidget(QWidget())
        dock.setWidget(self.nav)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resizeDocks([dock], [self.nav.minimumWidth()], Qt.Orientation.Horizontal)  # the rest goes to the view

        self._build_menus()
        self._build_status_bar()
        self.restore_layout()
        if self.areas:
            self.open_area(0)
        self._check_clock()

    def _check_clock(self) -> None:
        """DESIGN §4: a laptop whose clock runs behind the data it holds would make new edits look old."""

        def check(db, _progress, _cancelled):
            return check_clock(db)

        def done(result) -> None:
            if not result.ok:
                self.clock_warning = QMessageBox(QMessageBox.Icon.Warning, self.tr("Đồng hồ máy tính"),
                                                 result.message, QMessageBox.StandardButton.Ok, self)
                self.clock_warning.open()

        self.clock_warning: QMessageBox | None = None
        self.ops.run_task(check, on_done=done)

    @staticmethod
    def tr_area(area: Area) -> str:
        return QCoreApplication.translate("Areas", area.title)

    # --- menus and status bar ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self._menu(self.tr("&Tệp"))
        self.settings_action = file_menu.addAction(self.tr("&Cài đặt…"))
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.backups_action = file_menu.addAction(self.tr("Sao lưu và &khôi phục…"))
        self.backups_action.triggered.connect(self.open_backups)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("T&hoát"))
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.triggered.connect(self.close)

        edit_menu = self._menu(self.tr("&Sửa"))
        self.undo_action = edit_menu.addAction(self.tr("&Hoàn tác"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)

        area_menu = self._menu(self.tr("&Khu vực"))
        for number, area in enumerate(self.areas[:9], start=1):
            action = area_menu.addAction(self.tr_area(area))
            action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key(Qt.Key.Key_0 + number)))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.open_area(row))

        help_menu = self._menu(self.tr("Trợ &giúp"))
        self.about_action = help_menu.addAction(self.tr("&Giới thiệu…"))
        self.about_action.triggered.connect(self.open_about)

    def _menu(self, title: str) -> QMenu:
        menu = QMenu(title, self)  # parented to the window, so PySide never deletes it under the menu bar
        self.menuBar().addMenu(menu)
        return menu

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.message_label = QLabel()
        self.undo_button = QPushButton(self.tr("Hoàn tác"))
        self.undo_button.setFlat(True)
        self.undo_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.undo_button.setStyleSheet(
            "QPushButton { color: palette(link); text-decoration: underline; padding: 0 6px; }"
        )
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        bar.addWidget(self.message_label)
        bar.addWidget(self.undo_button)
        self.office_label = QLabel(self.office.name)
        self.office_label.setToolTip(self.tr("Văn phòng sử dụng cơ sở dữ liệu này"))
        self.path_label = QLabel(str(self.db.path))
        self.path_label.setToolTip(self.tr("Tệp cơ sở dữ liệu"))
        for permanent in (self.office_label, self.path_label):
            permanent.setContentsMargins(8, 0, 8, 0)
        self.office_label.setStyleSheet("font-weight: bold;")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addPermanentWidget(self.office_label)
        bar.addPermanentWidget(self.path_label)
        self._message_timer = QTimer(self, singleShot=True, interval=MESSAGE_TIMEOUT_MS)
        self._message_timer.timeout.connect(self._clear_message)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.undo_button.hide()
        self._message_timer.start()

    def offer_undo(self, text: str, undo: WriteFn) -> None:
        self.show_message(text)
        self._undo = undo
        self.undo_action.setEnabled(True)
        self.undo_button.show()

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_action.setEnabled(False)
        self.undo_button.hide()
        if undo is not None:
            self.ops.run(undo, lambda _result: self.show_message(self.tr("Đã hoàn tác.")))

    def _clear_message(self) -> None:
        self.message_label.clear()
        self.undo_button.hide()  # Ctrl+Z still works until the next undoable action

    # --- areas -------------------------------------------------------------------------------------
    def _show_area(self, row: int) -> None:
        if row < 0:
            return
        area = self.areas[row]
        view = self.views.get(area.key)
        if view is None:
            view = area.create(self.context)
            self.views[area.key] = view
            self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)

    def bring_to_front(self) -> None:
        """Another start on this database asked for this window (gui/single_instance.py)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def open_area(self, row: int) -> None:
        """Show an area and put the keyboard in it (the navigation list itself only switches the view)."""
        self.nav.setCurrentRow(row)
        self.stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    # --- dialogs -----------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        previous = self.settings.language
        dialog.accepted.connect(lambda: self._settings_saved(previous))
        dialog.open()
        return dialog

    def _settings_saved(self, previous_language: str) -> None:
        self.folder_sync.configure()  # a new interval applies now
        if self.settings.language != previous_language:
            self.show_message(self.tr("Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng."))

    def open_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.db, self.ops, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._database_replaced)
        dialog.open()
        return dialog

    def _database_replaced(self, _result) -> None:
        """Every view holds data of the old file: close, and let the app open the database and a new window."""
        self.reopen_requested = True
        self.close()

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self.db, self.office, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- geometry ----------------------------------------------------------------------------------
    def restore_layout(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode("ascii")))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode("ascii")))

    def save_layout(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings.window_state = bytes(self.saveState().toBase64()).decode("ascii")
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.folder_sync.timer.stop()
        self.save_layout()
        super().closeEvent(event)
