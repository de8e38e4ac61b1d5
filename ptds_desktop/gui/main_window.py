"""The main window: navigation pane of areas (gui/areas.py) beside the current area's view, menus, status bar.

It paints before the database is open (issue #13): the app shows it; on its first paint a thread imports the
database side (gui/workspace.py: SQLAlchemy, the models, the services; a second or more on a busy laptop, during
which the window still repaints), then the window opens the database and builds the area shown. Until then its
place says the database is being opened, and the actions that need the data are disabled.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer, Signal
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

from ptds_desktop.config import APP_NAME, Settings, location_text
from ptds_desktop.gui.areas import AREAS, Area
from ptds_desktop.gui.widgets import show_error

if TYPE_CHECKING:
    from ptds_desktop.db.database import Database
    from ptds_desktop.gui.backups_dialog import BackupsDialog
    from ptds_desktop.gui.context import ViewContext
    from ptds_desktop.gui.dialogs import AboutDialog, SettingsDialog
    from ptds_desktop.gui.folder_sync import FolderSyncRunner
    from ptds_desktop.gui.ops import DatabaseOps, WriteFn
    from ptds_desktop.gui.server_dialog import ServerDialog
    from ptds_desktop.gui.workspace import Workspace
    from ptds_desktop.services.offices import OfficeData

MESSAGE_TIMEOUT_MS = 15000


def _workspace_class() -> type[Workspace]:
    """The database side, imported only once the window has painted (tests/test_layers.py allows it here)."""
    from ptds_desktop.gui.workspace import Workspace

    return Workspace


class MainWindow(QMainWindow):
    opened = Signal()  # the database is open and the first area is being built
    _database_side_loaded = Signal(object)  # from the importing thread: None, or the exception it raised

    # Set once the database is open (`attach`); absent before, so `getattr(window, "ops", None)` says whether.
    workspace: Workspace
    db: Database
    ops: DatabaseOps
    office: OfficeData
    context: ViewContext
    folder_sync: FolderSyncRunner

    def __init__(self, db: Database | None, ops: DatabaseOps | None, office: OfficeData | None,
                 settings: Settings):
        """The whole window over an open database, or with `db` None the window alone, which opens the database
        given to `open_after_paint` (the app's start)."""
        super().__init__()
        self.settings = settings
        self.areas = list(AREAS)
        self.views: dict[str, QWidget] = {}
        self._undo: WriteFn | None = None
        self.reopen_requested = False  # set when the database was replaced (restore): the app opens it again
        self.database_to_open: Path | str | None = None  # with reopen_requested: another database chosen
        self.exit_code: int | None = None  # set when the database could not be opened: the app ends with it
        self.clock_warning: QMessageBox | None = None
        self._db_path_to_open: Path | str | None = None
        self._painted = False
        self._database_side_loaded.connect(self._open_database)  # queued: emitted by the importing thread

        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 700)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.opening_label = QLabel(self.tr("Đang mở cơ sở dữ liệu…"))
        self.opening_label.setObjectName("openingLabel")
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_label)
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
            self.nav.setCurrentRow(0)  # marked now, built once the database is open
        if db is not None:
            assert ops is not None and office is not None
            self.attach(_workspace_class()(db, ops, office, self, settings, self.show_message, self.offer_undo))

    # --- opening the database ----------------------------------------------------------------------
    def open_after_paint(self, db_path: Path | str) -> None:
        """Open `db_path` (a file, or a server database's URL) right after the window's first paint (asking for
        a passphrase, or the first-run set-up, over the window); if it cannot be opened, the window closes with
        `exit_code` set."""
        self._db_path_to_open = db_path
        self.path_label.setText(location_text(db_path))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted and self._db_path_to_open is not None:
            self._painted = True
            threading.Thread(target=self._load_database_side, name="ptds-start").start()
        return super().event(event)

    def _load_database_side(self) -> None:
        """On its own thread: the imports only (no widget, no database), so the window keeps repainting."""
        try:
            _workspace_class()
        except BaseException as exc:  # raised again on the UI thread, where the error reporter shows it
            self._database_side_loaded.emit(exc)
            return
        self._database_side_loaded.emit(None)

    def _open_database(self, import_error: BaseException | None) -> None:
        path, self._db_path_to_open = self._db_path_to_open, None
        if import_error is not None:
            raise import_error
        if path is None or not self.isVisible():  # already open, or closed before it painted
            return
        workspace = _workspace_class().open(path, self, self.settings, self.show_message, self.offer_undo)
        if isinstance(workspace, int):
            self.exit_code = workspace
            self.close()
            return
        self.attach(workspace)
        workspace.back_up_today()  # the database was opened without its day's copy: taken now, on the worker

    def attach(self, workspace: Workspace) -> None:
        """Fill the window in from the open database: title, status bar, the area shown, the start checks."""
        self.workspace = workspace
        self.db, self.ops, self.office = workspace.db, workspace.ops, workspace.office
        self.context, self.folder_sync = workspace.context, workspace.folder_sync
        self.ops.default_error_handler = lambda exc: show_error(self, exc)
        # A shared server database is named in the title: staff see which office database they work in.
        title = f"{APP_NAME} — {self.office.name}"
        self.setWindowTitle(f"{title} — {self.db.describe()}" if self.db.url else title)
        self.office_label.setText(self.office.name)
        self.path_label.setText(self.db.describe())
        for action in self.data_actions:
            action.setEnabled(True)
        self.open_area(max(self.nav.currentRow(), 0))
        self.stack.removeWidget(self.opening_label)
        self.opening_label.deleteLater()
        workspace.check_clock(self._warn_clock)  # queued after the area's reads
        self.opened.emit()

    def close_database(self) -> None:
        """Close what `open_after_paint` opened (a database handed to the constructor stays its owner's)."""
        workspace = getattr(self, "workspace", None)
        if workspace is not None:
            workspace.close()

    def _warn_clock(self, message: str) -> None:
        self.clock_warning = QMessageBox(QMessageBox.Icon.Warning, self.tr("Đồng hồ máy tính"), message,
                                         QMessageBox.StandardButton.Ok, self)
        self.clock_warning.open()

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
        self.server_action = file_menu.addAction(self.tr("Mở cơ sở dữ liệu trên &máy chủ…"))
        self.server_action.triggered.connect(self.open_server)
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
        # They need the open database: enabled by `attach` (a second or so after the window shows).
        self.data_actions = [self.settings_action, self.backups_action, self.server_action, self.about_action,
                             *area_menu.actions()]
        for action in self.data_actions:
            action.setEnabled(False)

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
        self.office_label = QLabel()  # both filled in by `attach`
        self.office_label.setToolTip(self.tr("Văn phòng sử dụng cơ sở dữ liệu này"))
        self.path_label = QLabel()
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
        if row < 0 or getattr(self, "context", None) is None:  # before the database is open: built by `attach`
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
        if self.nav.currentRow() == row:
            self._show_area(row)  # marked before the database was open, so not built yet
        else:
            self.nav.setCurrentRow(row)
        self.stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    # --- dialogs -----------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        dialog = self.workspace.settings_dialog(self)
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
        dialog = self.workspace.backups_dialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._database_replaced)
        dialog.open()
        return dialog

    def open_server(self) -> ServerDialog:
        """Another database, on the office's PostgreSQL server: once it opens in the dialog, the window reopens
        on it (every view holds data of the current one)."""
        dialog = self.workspace.server_dialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.switch_database(dialog.url))
        dialog.open()
        return dialog

    def switch_database(self, location: Path | str | None) -> None:
        if location is None:
            return
        self.database_to_open = location
        self.reopen_requested = True
        self.close()

    def _database_replaced(self, _result) -> None:
        """Every view holds data of the old file: close, and let the app open the database and a new window."""
        self.reopen_requested = True
        self.close()

    def open_about(self) -> AboutDialog:
        dialog = self.workspace.about_dialog(self)
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
        if getattr(self, "folder_sync", None) is not None:  # else the database never opened: nothing to keep
            self.folder_sync.timer.stop()
            self.save_layout()
        super().closeEvent(event)
