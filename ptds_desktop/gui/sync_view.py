"""Sync (Đồng bộ): this office and its key, the offices it exchanges bundles with, export, import with a
preview, one-action USB sync, the registration of a new office under this one, and the review of conflicts.

Every engine call (ptds_desktop/sync/service.py) runs on the one database worker through `ops.run_task`,
with progress and Cancel for the long ones; the UI thread only checks choices (a folder exists, files
were chosen) and shows results. Engine errors are shown with the engine's own message.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.db.changes import Changes
from ptds_desktop.db.database import Database
from ptds_desktop.errors import ValidationError
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.key_dialogs import RevokeKeyDialog
from ptds_desktop.gui.labels import OFFICE_LEVEL_LABELS, label
from ptds_desktop.gui.ops import LatestRead, ProgressFn
from ptds_desktop.gui.sync_dialogs import (
    ExportDialog,
    ImportPreviewDialog,
    RegisterOfficeDialog,
    TaskProgress,
    preview_notes,
    relation_label,
    run_with_progress,
)
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.gui.widgets import EmptyHint, message_box, show_error, size_columns, view_action
from ptds_desktop.services import key_rotation
from ptds_desktop.services.enrolment import ENROLMENT_SUFFIX, EnrolmentInfo, make_reenrolment_file, suggested_file_name
from ptds_desktop.services.key_rotation import RevocableOffice, RevocationResult, RotationResult
from ptds_desktop.sync import certificates, conflicts, exchange, usb
from ptds_desktop.sync import status as sync_status
from ptds_desktop.sync.certificates import KeyConflict
from ptds_desktop.sync.conflicts import ConflictInfo
from ptds_desktop.sync.errors import SyncCancelled, UnknownPeerError
from ptds_desktop.sync.exchange import ExportResult, ImportReport
from ptds_desktop.sync.overview import ConflictRow, SyncOverview, sync_overview
from ptds_desktop.sync.peers import PeerInfo
from ptds_desktop.sync.status import PeerFollowUp, SyncStatus
from ptds_desktop.sync.usb import UsbResult
from ptds_desktop.text import format_datetime

# Tables of the exchange itself (peers, receipts, conflicts, keys): a write to one reloads the whole screen.
SYNC_TABLES = ("sync_peers", "sync_receipts", "sync_conflicts", "sync_keys", "sync_key_certificates",
               "sync_rejections", "sync_refused_elsewhere", "sync_key_rotations", "sync_key_revocations")
MAX_PEER_WARNINGS = 3  # lines in the banner of peers silent too long

FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("SyncLabels", "Tên"),
    "short_name": QT_TRANSLATE_NOOP("SyncLabels", "Tên tắt"),
    "full_name": QT_TRANSLATE_NOOP("SyncLabels", "Họ và tên"),
    "title": QT_TRANSLATE_NOOP("SyncLabels", "Tiêu đề, chức vụ"),
    "kind": QT_TRANSLATE_NOOP("SyncLabels", "Loại"),
    "parent_id": QT_TRANSLATE_NOOP("SyncLabels", "Trực thuộc"),
    "organization_id": QT_TRANSLATE_NOOP("SyncLabels", "Cơ quan, đơn vị"),
    "address": QT_TRANSLATE_NOOP("SyncLabels", "Địa chỉ"),
    "phone": QT_TRANSLATE_NOOP("SyncLabels", "Điện thoại"),
    "email": QT_TRANSLATE_NOOP("SyncLabels", "Thư điện tử"),
    "notes": QT_TRANSLATE_NOOP("SyncLabels", "Ghi chú"),
    "content": QT_TRANSLATE_NOOP("SyncLabels", "Nội dung"),
    "deleted": QT_TRANSLATE_NOOP("SyncLabels", "Đã xóa"),
}


def when_text(iso: str | None) -> str:
    if not iso:
        return QCoreApplication.translate("SyncView", "chưa")
    try:
        return format_datetime(dt.datetime.fromisoformat(iso))
    except ValueError:
        return iso


def value_text(value) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncView", "(trống)")
    if isinstance(value, bool):
        yes, no = QCoreApplication.translate("SyncView", "Có"), QCoreApplication.translate("SyncView", "Không")
        return yes if value else no
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def field_text(field: str) -> str:
    source = FIELD_LABELS.get(field)
    return QCoreApplication.translate("SyncLabels", source) if source else field


def kept_text(row: ConflictRow) -> str:
    if row.info.row_deleted:
        return QCoreApplication.translate("SyncView", "(bản ghi đã bị xóa)")
    return value_text(row.info.current_value)


PEER_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Văn phòng"), lambda p: p.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Quan hệ"), lambda p: relation_label(p.relation), 110),
    Column(QT_TRANSLATE_NOOP("Columns", "Dấu vân tay khóa"), lambda p: p.fingerprint or "—", 170),
    Column(QT_TRANSLATE_NOOP("Columns", "Nhận lần cuối"), lambda p: when_text(p.last_received_at), 130),
    Column(QT_TRANSLATE_NOOP("Columns", "Gửi lần cuối"), lambda p: when_text(p.last_sent_at), 130),
    Column(QT_TRANSLATE_NOOP("Columns", "Thay đổi họ chưa nhận"), lambda p: p.pending_changes, 150,
           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
]

CONFLICT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Khu vực"), lambda r: r.info.area, 120),
    Column(QT_TRANSLATE_NOOP("Columns", "Bản ghi"), lambda r: r.record),
    Column(QT_TRANSLATE_NOOP("Columns", "Trường"), lambda r: field_text(r.info.field), 100),
    Column(QT_TRANSLATE_NOOP("Columns", "Giá trị đang giữ"), kept_text, 160),
    Column(QT_TRANSLATE_NOOP("Columns", "Giá trị kia"), lambda r: value_text(r.info.lost_value), 160),
    Column(QT_TRANSLATE_NOOP("Columns", "Giá trị kia do"), lambda r: r.info.lost_origin_name, 150),
    Column(QT_TRANSLATE_NOOP("Columns", "Sửa lúc"), lambda r: when_text(r.info.lost_at), 115),
]

REJECTED_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Văn phòng gửi"), lambda r: r.origin_name, 150),
    Column(QT_TRANSLATE_NOOP("Columns", "Bị từ chối tại"), lambda r: r.refused_by_name, 150),
    Column(QT_TRANSLATE_NOOP("Columns", "Khu vực"), lambda r: r.area, 110),
    Column(QT_TRANSLATE_NOOP("Columns", "Bản ghi"), lambda r: r.record),
    Column(QT_TRANSLATE_NOOP("Columns", "Trường"), lambda r: field_text(r.field), 100),
    Column(QT_TRANSLATE_NOOP("Columns", "Lý do"), lambda r: r.reason, 220),
]


def _setup_table(table: QTableView, model: RowsTableModel, columns: list[Column]) -> None:
    table.setModel(model)
    size_columns(table, [column.width for column in columns])


class SyncView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False  # True once the first state has arrived (tests wait on it)
        self.status: SyncStatus | None = None
        self._stale = False
        self._overview = LatestRead[SyncOverview](ctx.ops)
        self._status = LatestRead[SyncStatus](ctx.ops)
        self._busy = False
        self._build_office()
        actions = self._build_actions()
        self._follow_up: dict[str, PeerFollowUp] = {}
        self._build_peers()
        conflict_page = self._build_conflicts()
        self._build_rejected()
        self._lay_out(actions, conflict_page)
        ctx.ops.subscribe(self, None, self._data_changed)  # any edit adds to the changes waiting for peers
        self._update_actions()
        self.reload()

    def _build_office(self) -> None:
        self.office_box = QGroupBox(self.tr("Văn phòng này"))
        form = QFormLayout(self.office_box)
        self.name_label = QLabel()
        self.name_label.setStyleSheet("font-weight: bold;")
        self.id_label = QLabel()
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setStyleSheet("font-family: monospace; font-weight: bold; font-size: 12pt;")
        self.fingerprint_label.setToolTip(self.tr(
            "Đọc dấu vân tay này cho văn phòng nhận gói khi họ nhập gói đầu tiên của văn phòng này."))
        self.counts_label = QLabel()
        for widget in (self.name_label, self.id_label, self.fingerprint_label):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Tên:"), self.name_label)
        form.addRow(self.tr("Mã văn phòng:"), self.id_label)
        form.addRow(self.tr("Dấu vân tay khóa:"), self.fingerprint_label)
        form.addRow(self.tr("Thay đổi:"), self.counts_label)
        form.addRow(self.tr("Thư mục đồng bộ:"), self._build_folder_row())

        self.clock_banner = QLabel()
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setStyleSheet(
            "background: #fff4ce; color: #5c3c00; border: 1px solid #e0b000; border-radius: 4px; padding: 8px;")
        self.clock_banner.hide()
        self.peer_banner = QLabel()
        self.peer_banner.setWordWrap(True)
        self.peer_banner.setStyleSheet(self.clock_banner.styleSheet())
        self.peer_banner.hide()
        # A key conflict stops the exchange with one office: it must not be missed.
        self.key_banner = QLabel()
        self.key_banner.setWordWrap(True)
        self.key_banner.setStyleSheet(
            "background: #fde7e9; color: #8a0010; border: 2px solid #b00020; border-radius: 4px; padding: 8px; "
            "font-weight: bold;")
        self.confirm_key_button = QPushButton(self.tr("&Xác nhận khóa đúng…"))
        self.confirm_key_button.setToolTip(self.tr(
            "Gọi điện cho văn phòng đó, nhờ họ đọc dấu vân tay khóa (màn hình Đồng bộ của họ), rồi chọn đúng dấu "
            "vân tay ấy."))
        self.confirm_key_button.clicked.connect(self.choose_key)
        self.key_box = QWidget()
        key_layout = QHBoxLayout(self.key_box)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(self.key_banner, 1)
        key_layout.addWidget(self.confirm_key_button)
        self.key_box.hide()
        self.key_conflicts: list[KeyConflict] = []

    def _build_folder_row(self) -> QWidget:
        """A shared folder synced on a schedule while the app runs (gui/folder_sync.py), and on demand."""
        self.folder_label = QLabel()
        # A long path must not widen the screen past 1024 px: it is cut, and shown whole in the tooltip.
        self.folder_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_folder_button = QPushButton(self.tr("Chọn…"))
        self.choose_folder_button.setToolTip(self.tr(
            "Một thư mục dùng chung (ổ mạng, hoặc thư mục được chương trình chia sẻ tệp giữ đồng bộ): khi ứng dụng "
            "mở, các gói gửi văn phòng này trong đó được nhập và gói cho các văn phòng khác được ghi vào, định kỳ."))
        self.choose_folder_button.clicked.connect(self.choose_sync_folder)
        self.folder_now_action = view_action(
            self, self.tr("Đồng bộ thư mục &ngay"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D),
            self.sync_folder_now, self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload),
            self.tr("Nhập và ghi gói ở thư mục đồng bộ ngay, không chờ đến lượt"))
        self.folder_now_button = self._button(self.folder_now_action)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.folder_label, 1)
        layout.addWidget(self.choose_folder_button)
        layout.addWidget(self.folder_now_button)
        self.ctx.folder_sync.running_changed.connect(lambda _running: self._update_actions())
        self.ctx.folder_sync.finished.connect(self._folder_synced)
        self._show_folder()
        return row

    def _build_actions(self) -> QVBoxLayout:
        style = self.style()
        self.usb_action = view_action(self, self.tr("Đồng bộ qua &USB…"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_U),
                                       self.usb_sync, style.standardIcon(QStyle.StandardPixmap.SP_DriveFDIcon),
                                       self.tr("Ghi gói cho mọi văn phòng lên USB và nhập các gói gửi cho văn phòng "
                                               "này"))
        self.export_action = view_action(self, self.tr("&Xuất gói…"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E),
                                          self.export_bundle, style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
                                          self.tr("Xuất gói thay đổi cho một văn phòng"))
        self.import_action = view_action(self, self.tr("&Nhập gói…"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I),
                                          self.import_bundles, style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                          self.tr("Xem trước rồi nhập gói của văn phòng khác"))
        self.register_action = view_action(
            self, self.tr("Đăn&g ký văn phòng cấp dưới…"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R),
            self.register_office, style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
            self.tr("Đăng ký một văn phòng trực thuộc (xã, phường) và ghi tệp đăng ký để thiết lập máy của họ"))
        self.rotate_action = view_action(
            self, self.tr("Đổi khóa &ký…"), QKeySequence(), self.rotate_key,
            style.standardIcon(QStyle.StandardPixmap.SP_DialogResetButton),
            self.tr("Tạo khóa ký mới cho văn phòng này; khóa cũ ký xác nhận khóa mới, các văn phòng khác nhận khóa mới "
                    "qua gói kế tiếp"))
        self.revoke_action = view_action(
            self, self.tr("Thu &hồi khóa…"), QKeySequence(), self.revoke_key,
            style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton),
            self.tr("Máy của một văn phòng cấp dưới bị mất: thu hồi khóa của máy đó và ghi tệp đăng ký lại cho máy "
                    "mới"))
        self.refresh_action = view_action(self, self.tr("&Làm mới"), QKeySequence(Qt.Key.Key_F5), self.reload,
                                           style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload),
                                           self.tr("Đọc lại tình trạng đồng bộ (F5)"))
        actions = QVBoxLayout()
        self.usb_button = self._button(self.usb_action)
        self.usb_button.setStyleSheet("QPushButton { font-weight: bold; padding: 8px 16px; }")
        actions.addWidget(self.usb_button)
        buttons = {action: self._button(action) for action in (
            self.export_action, self.import_action, self.register_action, self.rotate_action, self.revoke_action,
            self.refresh_action)}
        for button in buttons.values():
            actions.addWidget(button)
        self.register_button = buttons[self.register_action]
        actions.addStretch(1)
        return actions

    def _build_peers(self) -> None:
        columns = [*PEER_COLUMNS, Column(QT_TRANSLATE_NOOP("Columns", "Chưa nhận từ"), self._waiting_text, 130)]
        self.peer_model = RowsTableModel(columns, search_text=lambda p: (p.name,), parent=self)
        self.peer_table = QTableView()
        _setup_table(self.peer_table, self.peer_model, columns)
        self.peer_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.no_peers_label = QLabel()
        self.no_peers_label.setWordWrap(True)
        self.no_peers_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_peers_label.setStyleSheet("font-size: 11pt; padding: 12px;")
        first_steps = QHBoxLayout()
        first_steps.addStretch(1)
        self.first_step_buttons = {
            action: self._button(action) for action in (self.register_action, self.import_action, self.usb_action)}
        for button in self.first_step_buttons.values():
            first_steps.addWidget(button)
        first_steps.addStretch(1)
        self.no_peers_page = QWidget()
        empty_layout = QVBoxLayout(self.no_peers_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.no_peers_label)
        empty_layout.addLayout(first_steps)
        empty_layout.addStretch(2)
        self.peer_pages = QStackedWidget()
        self.peer_pages.addWidget(self.peer_table)
        self.peer_pages.addWidget(self.no_peers_page)

    def _build_conflicts(self) -> QWidget:
        self.conflict_model = RowsTableModel(
            CONFLICT_COLUMNS, search_text=lambda r: (r.record, r.info.area), parent=self)
        self.conflict_table = QTableView()
        _setup_table(self.conflict_table, self.conflict_model, CONFLICT_COLUMNS)
        self.conflict_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.conflict_table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.conflict_hint = EmptyHint(self.conflict_table, self.tr("Không có xung đột nào cần xem lại."), "")
        self.restore_button = QPushButton(self.tr("&Khôi phục giá trị kia"))
        self.restore_button.setToolTip(self.tr(
            "Đặt lại giá trị bị thay thế (hoặc khôi phục bản ghi đã bị xóa). Quyết định này được đồng bộ sang "
            "các văn phòng khác."))
        self.restore_button.clicked.connect(self.restore_selected)
        self.dismiss_button = QPushButton(self.tr("&Bỏ qua"))
        self.dismiss_button.setToolTip(self.tr("Giữ giá trị hiện tại; xung đột không hiện nữa ở mọi văn phòng."))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        explain = QLabel(self.tr(
            "Hai văn phòng sửa cùng một trường mà không biết nhau: giá trị mới hơn được giữ, giá trị kia ở đây để "
            "xem lại."))
        explain.setWordWrap(True)
        conflict_bar = QHBoxLayout()
        conflict_bar.addWidget(explain, 1)
        conflict_bar.addWidget(self.restore_button)
        conflict_bar.addWidget(self.dismiss_button)
        conflict_page = QWidget()
        conflict_layout = QVBoxLayout(conflict_page)
        conflict_layout.addLayout(conflict_bar)
        conflict_layout.addWidget(self.conflict_table)
        return conflict_page

    def _build_rejected(self) -> None:
        self.rejected_model = RowsTableModel(
            REJECTED_COLUMNS, search_text=lambda r: (r.record, r.origin_name), parent=self)
        self.rejected_table = QTableView()
        _setup_table(self.rejected_table, self.rejected_model, REJECTED_COLUMNS)
        self.rejected_hint = EmptyHint(self.rejected_table, self.tr(
            "Không có thay đổi nào bị từ chối. Một thay đổi bị từ chối khi văn phòng gửi không có quyền sửa bản "
            "ghi đó."), "")

    def _lay_out(self, actions: QVBoxLayout, conflict_page: QWidget) -> None:
        top = QHBoxLayout()
        top.addWidget(self.office_box, 1)
        top.addLayout(actions)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.peer_pages, self.tr("Văn phòng trao đổi"))
        self.tabs.addTab(conflict_page, self.tr("Xung đột"))
        self.tabs.addTab(self.rejected_table, self.tr("Bị từ chối"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.key_box)
        layout.addWidget(self.clock_banner)
        layout.addWidget(self.peer_banner)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.peer_table)

    @staticmethod
    def _button(action: QAction) -> QPushButton:
        button = QPushButton(action.icon(), action.text())
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return button

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        db = self.ctx.db
        self._stale = False
        self._status.cancel()  # the overview brings the status too
        days = self.ctx.settings.sync_warn_days
        self._overview.read(lambda _session: sync_overview(db, days), self._loaded)

    def reload_status(self) -> None:
        """Only the office, peers and clock; the conflicts list keeps its rows and selection."""
        db = self.ctx.db
        days = self.ctx.settings.sync_warn_days
        self._status.read(lambda _session: sync_status.status(db, days), self._status_loaded)

    def _loaded(self, overview: SyncOverview) -> None:
        self.conflict_model.set_rows(overview.conflicts)
        self.rejected_model.set_rows(overview.rejected)
        self.rejected_hint.update_for(len(overview.rejected), len(overview.rejected))
        if overview.conflicts:
            self.conflict_table.selectRow(0)  # so "restore" is one click away
        self._status_loaded(overview.status)
        self.loaded = True

    def _status_loaded(self, status: SyncStatus) -> None:
        self.status = status
        me = status.identity
        self.name_label.setText(f"{me.name} ({label(OFFICE_LEVEL_LABELS, me.level)})")
        self.id_label.setText(me.office_id)
        self.fingerprint_label.setText(me.fingerprint)
        self.counts_label.setText(self.tr("%1 thay đổi của văn phòng này, %2 chưa đóng gói lần nào").replace(
            "%1", str(status.own_changes)).replace("%2", str(status.unsent_changes)))
        # Clock trouble, changes held for a wrong clock elsewhere, and a database opened from a copy: each needs
        # the officer's attention here, not only in `ptds sync status`.
        warnings = [status.clock.message or ""] if not status.clock.ok else []
        warnings += [held.message for held in status.held] + ([status.notice] if status.notice else [])
        self.clock_banner.setText("\n".join("⚠ " + text for text in warnings))
        self.clock_banner.setVisible(bool(warnings))
        self.key_conflicts = list(status.key_conflicts)
        self.key_banner.setText("\n".join("⚠ " + c.message for c in self.key_conflicts))
        self.key_box.setVisible(bool(self.key_conflicts))
        self._follow_up = {note.office_id: note for note in status.follow_up}
        warnings = [self._warning_text(p) for p in status.peers if self._follow_up[p.office_id].warning]
        if len(warnings) > MAX_PEER_WARNINGS:  # the table below must keep its room on a 600 px screen
            more = len(warnings) - MAX_PEER_WARNINGS + 1
            warnings[MAX_PEER_WARNINGS - 1:] = [self.tr("… và %n văn phòng khác cũng lâu không gửi gói về.", "", more)]
        self.peer_banner.setText("\n".join(warnings))
        self.peer_banner.setVisible(bool(warnings))
        self.peer_model.set_rows(status.peers)
        self._show_first_steps(not status.peers)
        self._update_actions()

    def _waiting_text(self, peer: PeerInfo) -> str:
        note = self._follow_up.get(peer.office_id)
        return when_text(note.waiting_since) if note and note.waiting_since else "—"

    def _warning_text(self, peer: PeerInfo) -> str:
        note = self._follow_up[peer.office_id]
        text = self.tr("⚠ “%1” không gửi gói về đã %2 ngày.").replace("%1", peer.name).replace(
            "%2", str(note.silent_days))
        if note.waiting_since:
            text += " " + self.tr("Họ còn thiếu %1 thay đổi, cũ nhất từ %2: hãy gửi gói và nhắc họ gửi gói về.") \
                .replace("%1", str(peer.pending_changes)).replace("%2", when_text(note.waiting_since))
        return text

    def can_register(self) -> bool:
        """Offices above communes register the offices under them; an office that already has some can add more."""
        status = self.status
        return status is not None and (status.identity.level != "commune"
                                       or any(p.relation == "child" for p in status.peers))

    def _show_first_steps(self, empty: bool) -> None:
        """No peer yet: say in words what to do first, with the buttons that do it."""
        if empty and self.can_register():
            text = self.tr(
                "Chưa có văn phòng nào để trao đổi. Việc đầu tiên: đăng ký văn phòng cấp dưới (xã, phường) và ghi "
                "tệp đăng ký của họ; mang tệp sang máy của họ để thiết lập. Nếu đã có gói của một văn phòng khác, "
                "hãy nhập gói đó.")
        else:
            text = self.tr(
                "Văn phòng này chưa trao đổi với văn phòng nào. Việc đầu tiên: nhập gói đồng bộ do cấp trên gửi "
                "(trên USB) và đối chiếu dấu vân tay khóa qua điện thoại. Máy mới cài thì nên thiết lập từ tệp đăng "
                "ký do cấp trên ghi, ngay khi mở ứng dụng lần đầu.")
        self.no_peers_label.setText(text)
        self.first_step_buttons[self.register_action].setVisible(self.can_register())
        self.register_button.setVisible(self.can_register())  # communes register nobody
        self.peer_pages.setCurrentWidget(self.no_peers_page if empty else self.peer_table)

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches(*SYNC_TABLES):
            self._stale = True
        if not self.isVisible():
            self._stale = True
            return
        if self._stale:
            self.reload()
        else:
            self.reload_status()  # any edit adds to the changes waiting for each peer

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _update_actions(self) -> None:
        count = self.conflict_model.rowCount()
        self.tabs.setTabText(1, self.tr("Xung đột (%1)").replace("%1", str(count)) if count else self.tr("Xung đột"))
        rejected = self.rejected_model.rowCount()
        self.tabs.setTabText(2, self.tr("Bị từ chối (%1)").replace("%1", str(rejected)) if rejected
                             else self.tr("Bị từ chối"))
        self.confirm_key_button.setEnabled(not self._busy)
        self.conflict_hint.update_for(count, count)
        selected = bool(self.conflict_table.selectionModel().selectedRows())
        self.restore_button.setEnabled(selected and not self._busy)
        self.dismiss_button.setEnabled(selected and not self._busy)
        for action in (self.usb_action, self.export_action, self.import_action):
            action.setEnabled(not self._busy and self.status is not None)
        runner = self.ctx.folder_sync
        self.folder_now_action.setEnabled(bool(runner.folder) and not runner.running and not self._busy)
        self.register_action.setEnabled(not self._busy and self.can_register())
        self.rotate_action.setEnabled(not self._busy and self.status is not None)
        self.revoke_action.setEnabled(not self._busy and self.can_register())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    # --- settings ----------------------------------------------------------------------------------
    def _remember(self, field: str, folder: str) -> None:
        setattr(self.ctx.settings, field, folder)
        self.ctx.settings.save()

    def _task(self, title: str, text: str, fn, on_done, on_cancelled_message: str) -> TaskProgress:
        self._set_busy(True)

        def done(result) -> None:
            self._set_busy(False)
            on_done(result)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            if isinstance(exc, SyncCancelled):
                self.ctx.show_message(on_cancelled_message)
            else:
                show_error(self, exc)

        self.progress = run_with_progress(self.ctx.ops, self, title, text, fn, done, failed)
        return self.progress

    # --- export ------------------------------------------------------------------------------------
    def export_bundle(self) -> ExportDialog | None:
        if self.status is None or self._busy:
            return None
        dialog = ExportDialog(list(self.status.peers), self.ctx.settings.last_export_folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self._export_chosen)
        dialog.open()
        return dialog

    def _export_chosen(self, recipient: str, folder: str, full: bool) -> None:
        self._remember("last_export_folder", folder)

        def work(db: Database, progress: ProgressFn, cancelled: Callable[[], bool]) -> list[ExportResult]:
            return exchange.export_bundles(db, recipient, folder, full=full, progress=progress, cancel=cancelled)

        self._task(self.tr("Xuất gói"), self.tr("Đang xuất gói đồng bộ…"), work, self._exported,
                   self.tr("Đã hủy xuất gói; không có tệp nào được ghi."))

    def _exported(self, results: list[ExportResult]) -> QMessageBox:
        if not results:
            text = self.tr("Không có văn phòng nào để gửi gói.")
        else:
            text = self.tr("Đã xuất %n gói.", "", len(results))
        lines = [self._export_line(r) for r in results]
        icon = QMessageBox.Icon.Warning if any(r.warning for r in results) else QMessageBox.Icon.Information
        box = _summary_box(self, icon, self.tr("Xuất gói"), text, lines)
        box.open()
        self.ctx.show_message(text)
        return box

    def _export_line(self, result: ExportResult) -> str:
        line = (self.tr("Cho “%1” (niêm phong): %2 thay đổi, %3 KB — %4") if result.sealed
                else self.tr("Cho “%1”: %2 thay đổi, %3 KB — %4"))
        line = (line.replace("%1", result.recipient_name).replace("%2", str(result.changes))
                .replace("%3", str(max(1, round(result.size / 1024)))).replace("%4", result.path))
        return line + ("\n⚠ " + result.warning if result.warning else "")

    # --- enrolment ---------------------------------------------------------------------------------
    def register_office(self) -> RegisterOfficeDialog | None:
        if not self.can_register() or self._busy:
            return None
        folder = self.ctx.settings.last_export_folder or self.ctx.settings.last_usb_folder or str(Path.home())
        dialog = RegisterOfficeDialog(self.ctx.ops, self.ctx.office, folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(self._registered)
        dialog.open()
        return dialog

    def _registered(self, info: EnrolmentInfo) -> QMessageBox:
        self._remember("last_export_folder", str(Path(info.path).parent))
        text = self.tr("Đã đăng ký “%1” và ghi tệp đăng ký.").replace("%1", info.name)
        lines = [
            self.tr("Tệp: %1").replace("%1", info.path),
            self.tr("Tệp mang theo danh mục %n cơ quan, đơn vị của văn phòng này.", "", info.organizations),
            "",
            self.tr("Mang tệp sang máy của “%1”; khi mở ứng dụng lần đầu, chọn “Thiết lập từ tệp đăng ký…”.")
            .replace("%1", info.name),
            self.tr("Máy đó sẽ hiện dấu vân tay khóa của văn phòng này để đối chiếu qua điện thoại: %1")
            .replace("%1", info.parent_fingerprint),
            "",
            self.tr("Mã một lần: %1").replace("%1", info.code),
            self.tr("Đọc mã này cho “%1” qua điện thoại khi họ thiết lập; KHÔNG gửi mã kèm tệp, KHÔNG ghi lên USB. "
                    "Không có mã, tệp bị mất cũng không dùng được.").replace("%1", info.name),
        ]
        box = _summary_box(self, QMessageBox.Icon.Information, self.tr("Đăng ký văn phòng cấp dưới"), text, lines)
        box.open()
        self.ctx.show_message(text)
        return box

    # --- import ------------------------------------------------------------------------------------
    def import_bundles(self) -> None:
        if self.status is None or self._busy:
            return
        start = self.ctx.settings.last_usb_folder or self.ctx.settings.last_export_folder
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn gói đồng bộ cần nhập"), start,
            self.tr("Gói đồng bộ PTDS (*%1);;Mọi tệp (*)").replace("%1", exchange.BUNDLE_SUFFIX))
        if paths:
            self._queue = list(paths)
            self._next_import()

    def _next_import(self) -> None:
        if not getattr(self, "_queue", None):
            return
        path = self._queue.pop(0)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            if isinstance(exc, UnknownPeerError):
                self._open_preview(path, None, exc)
            else:
                show_error(self, exc).finished.connect(lambda _r: self._next_import())

        self._set_busy(True)
        self.progress = run_with_progress(
            self.ctx.ops, self, self.tr("Nhập gói"), self.tr("Đang kiểm tra gói…"),
            lambda db, _p, _c: exchange.preview_bundle(db, path),
            lambda report: (self._set_busy(False), self._open_preview(path, report, None)), failed)

    def _open_preview(self, path: str, report: ImportReport | None, unknown: UnknownPeerError | None):
        dialog = ImportPreviewDialog(self.ctx.ops, path, report, unknown, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self._imported)
        dialog.rejected.connect(self._next_import)
        dialog.open()
        self.preview_dialog = dialog
        return dialog

    def _imported(self, report: ImportReport) -> QMessageBox:
        lines = [self._area_line(a) for a in report.areas] + _plain(preview_notes(report))
        if report.backup:
            lines.append(self.tr("Bản sao lưu trước khi nhập: %1").replace("%1", report.backup))
        box = _summary_box(self, QMessageBox.Icon.Information, self.tr("Nhập gói"), report.message, lines)
        box.finished.connect(lambda _r: self._next_import())
        box.open()
        self.ctx.show_message(report.message)
        return box

    def _area_line(self, a) -> str:
        return (self.tr("%1: %2 thêm mới, %3 cập nhật, %4 xóa, %5 xung đột, %6 từ chối")
                .replace("%1", a.area).replace("%2", str(a.inserts)).replace("%3", str(a.updates))
                .replace("%4", str(a.deletes)).replace("%5", str(a.conflicts)).replace("%6", str(a.rejections)))

    # --- USB ---------------------------------------------------------------------------------------
    def usb_sync(self) -> None:
        if self.status is None or self._busy:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục trên USB dùng để trao đổi gói"), self.ctx.settings.last_usb_folder)
        if not folder:
            return
        if not Path(folder).is_dir():
            show_error(self, ValidationError(
                self.tr("Không thấy thư mục %1 (USB đã cắm chưa?).").replace("%1", folder), "folder"))
            return
        self._remember("last_usb_folder", folder)

        def work(db: Database, progress: ProgressFn, cancelled: Callable[[], bool]) -> UsbResult:
            return usb.usb_sync(db, folder, progress=progress, cancel=cancelled)

        self._task(self.tr("Đồng bộ qua USB"), self.tr("Đang đồng bộ với thư mục %1…").replace("%1", folder), work,
                   self._usb_done, self.tr("Đã hủy đồng bộ qua USB; gói đang nhập dở không được áp dụng."))

    def _usb_done(self, result: UsbResult) -> QMessageBox:
        applied = [r for r in result.imported if r.status == "applied"]
        text = (self.tr("Đồng bộ qua USB xong: nhập %1 gói, ghi %2 gói vào %3.")
                .replace("%1", str(len(applied))).replace("%2", str(len(result.exported))).replace("%3", result.folder))
        lines = [r.message for r in result.imported]
        lines += [self._export_line(r) for r in result.exported]
        lines += list(result.notes)
        if result.errors:
            lines.append("")
            lines.append(self.tr("Không nhập được %n gói (gói vẫn nằm trên USB; nhấn “Xem gói lỗi…” để xem, "
                                 "hoặc xác nhận văn phòng lạ):", "", len(result.errors)))
            lines += [f"• {e}" for e in result.errors]
        icon = QMessageBox.Icon.Warning if result.errors else QMessageBox.Icon.Information
        box = _summary_box(self, icon, self.tr("Đồng bộ qua USB"), text, lines)
        if result.errors:
            # The file chooser opens in the USB folder (remembered above); a first-time sender is confirmed there.
            self.errors_button = box.addButton(self.tr("&Xem gói lỗi…"), QMessageBox.ButtonRole.ActionRole)
            self.errors_button.clicked.connect(lambda: QTimer.singleShot(0, self.import_bundles))
        box.open()
        self.ctx.show_message(text)
        return box

    # --- key conflicts -----------------------------------------------------------------------------
    def choose_key(self) -> None:
        """Pick the fingerprint the other office read out on the phone."""
        if not self.key_conflicts or self._busy:
            return
        choices = {}
        for conflict in self.key_conflicts:
            for fingerprint in (conflict.accepted_fingerprint, *conflict.other_fingerprints):
                if fingerprint:
                    choices[f"{conflict.office_name} — {fingerprint}"] = (conflict.office_id, fingerprint)
        item, ok = QInputDialog.getItem(
            self, self.tr("Xác nhận khóa đúng"),
            self.tr("Dấu vân tay mà văn phòng đó đọc qua điện thoại (các khóa khác sẽ bị từ chối):"),
            list(choices), 0, False)
        if ok and item in choices:
            self.confirm_key(*choices[item])

    def confirm_key(self, office_id: str, fingerprint: str) -> None:
        def work(db: Database, _progress: ProgressFn, _cancelled: Callable[[], bool]) -> KeyConflict | None:
            return certificates.confirm_key(db, office_id, fingerprint)

        def done(settled: KeyConflict | None) -> None:
            self._set_busy(False)
            name = settled.office_name if settled else office_id[:8]
            self.ctx.show_message(self.tr("Đã xác nhận khóa %1 của “%2”; các thay đổi giữ lại đã được áp dụng.")
                                  .replace("%1", fingerprint).replace("%2", name))
            self.reload()

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            show_error(self, exc)

        self._set_busy(True)
        self.ctx.ops.run_task(work, on_done=done, on_error=failed)

    # --- rotation and revocation -------------------------------------------------------------------
    def rotate_key(self) -> QMessageBox | None:
        if self.status is None or self._busy:
            return None
        box = message_box(self, QMessageBox.Icon.Question, self.tr("Đổi khóa ký"),
                          self.tr("Tạo khóa ký mới cho văn phòng này?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        box.setInformativeText(self.tr(
            "Khóa hiện tại: %1\nKhóa cũ ký xác nhận khóa mới; các văn phòng khác nhận khóa mới trong gói kế tiếp, "
            "những gì khóa cũ đã ký vẫn được công nhận. Sau khi đổi, hãy báo dấu vân tay mới cho văn phòng cấp "
            "trên.").replace("%1", self.fingerprint_label.text()))
        box.buttonClicked.connect(
            lambda button: self._rotate() if box.standardButton(button) == QMessageBox.StandardButton.Yes else None)
        box.open()
        return box

    def _rotate(self) -> None:
        def work(db: Database, _progress: ProgressFn, _cancelled: Callable[[], bool]) -> RotationResult:
            return key_rotation.rotate_key(db)

        def done(result: RotationResult) -> None:
            self._set_busy(False)
            text = self.tr("Đã đổi khóa ký. Dấu vân tay mới: %1 (khóa cũ: %2).").replace(
                "%1", result.new_fingerprint).replace("%2", result.old_fingerprint)
            message_box(self, QMessageBox.Icon.Information, self.tr("Đổi khóa ký"), text).open()
            self.ctx.show_message(text)
            self.reload()

        self._run_key_task(work, done)

    def _run_key_task(self, work, done) -> None:
        def failed(exc: Exception) -> None:
            self._set_busy(False)
            show_error(self, exc)

        self._set_busy(True)
        self.ctx.ops.run_task(work, on_done=done, on_error=failed)

    def revoke_key(self) -> None:
        """Load the offices this one enrolled, then ask which key to revoke and from when."""
        if not self.can_register() or self._busy:
            return

        def work(db: Database, _progress: ProgressFn, _cancelled: Callable[[], bool]) -> list[RevocableOffice]:
            return key_rotation.revocable_offices(db)

        def done(offices: list[RevocableOffice]) -> None:
            self._set_busy(False)
            self.revoke_dialog = RevokeKeyDialog(offices, self)
            self.revoke_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.revoke_dialog.chosen.connect(self._revoke)
            self.revoke_dialog.open()

        self._run_key_task(work, done)

    def _revoke(self, office_id: str, since: str | None) -> None:
        def work(db: Database, _progress: ProgressFn, _cancelled: Callable[[], bool]) -> RevocationResult:
            return key_rotation.revoke_key(db, office_id, since)

        def done(result: RevocationResult) -> None:
            self._set_busy(False)
            text = self.tr("Đã thu hồi khóa của “%1” từ %2.").replace("%1", result.office_name).replace(
                "%2", result.since)
            lines = [self.tr("Dấu vân tay: %1").replace("%1", ", ".join(result.fingerprints)),
                     self.tr("Các văn phòng khác nhận việc thu hồi trong gói kế tiếp của văn phòng này."),
                     self.tr("%n thay đổi đã nhận bị từ chối.", "", result.refused_here)]
            box = _summary_box(self, QMessageBox.Icon.Information, self.tr("Thu hồi khóa"), text, lines)
            write = box.addButton(self.tr("&Ghi tệp đăng ký cho máy mới…"), QMessageBox.ButtonRole.ActionRole)
            write.clicked.connect(lambda: self.write_reenrolment(result.office_id, result.office_name))
            box.open()
            self.ctx.show_message(text)
            self.reload()

        self._run_key_task(work, done)

    def write_reenrolment(self, office_id: str, office_name: str) -> None:
        folder = self.ctx.settings.last_export_folder or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Ghi tệp đăng ký lại"), str(Path(folder) / suggested_file_name(office_name)),
            self.tr("Tệp đăng ký PTDS (*%1)").replace("%1", ENROLMENT_SUFFIX))
        if not path:
            return

        def work(db: Database, _progress: ProgressFn, _cancelled: Callable[[], bool]) -> EnrolmentInfo:
            return make_reenrolment_file(db, office_id, path)

        def done(info: EnrolmentInfo) -> None:
            self._set_busy(False)
            self._remember("last_export_folder", str(Path(info.path).parent))
            text = self.tr("Đã ghi tệp đăng ký lại cho “%1”: %2. Máy mới chọn “Thiết lập từ tệp đăng ký…” khi mở "
                           "lần đầu, rồi nhận lại toàn bộ dữ liệu trong gói kế tiếp của văn phòng này.").replace(
                "%1", info.name).replace("%2", info.path)
            message_box(self, QMessageBox.Icon.Information, self.tr("Ghi tệp đăng ký lại"), text).open()
            self.ctx.show_message(text)

        self._run_key_task(work, done)

    # --- sync folder -------------------------------------------------------------------------------
    def _show_folder(self) -> None:
        folder = self.ctx.folder_sync.folder
        self.folder_label.setText(folder or self.tr("(chưa chọn)"))
        minutes = self.ctx.settings.sync_folder_minutes
        self.folder_label.setToolTip(folder + "\n" + self.tr("Tự đồng bộ %1 phút một lần khi ứng dụng mở.").replace(
            "%1", str(minutes)) if folder else "")

    def choose_sync_folder(self) -> None:
        start = self.ctx.folder_sync.folder or self.ctx.settings.last_usb_folder
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục đồng bộ dùng chung"), start)
        if not folder:
            return
        self.ctx.folder_sync.set_folder(folder)
        self._show_folder()
        self._update_actions()
        self.ctx.show_message(self.tr("Thư mục đồng bộ: %1. Ứng dụng sẽ tự đồng bộ %2 phút một lần.")
                              .replace("%1", folder).replace("%2", str(self.ctx.settings.sync_folder_minutes)))

    def sync_folder_now(self) -> bool:
        return self.ctx.folder_sync.run_now()

    def _folder_synced(self, _result: object) -> None:
        self._update_actions()
        self._stale = True  # bundles came in or went out: peers and conflicts may have changed
        if self.isVisible():
            self.reload()

    # --- conflicts ---------------------------------------------------------------------------------
    def selected_conflicts(self) -> list[ConflictRow]:
        rows = sorted({i.row() for i in self.conflict_table.selectionModel().selectedRows()})
        return [self.conflict_model.row_at(r) for r in rows]

    def restore_selected(self) -> None:
        self._resolve(conflicts.restore_conflict, self.tr("Đã khôi phục %n giá trị.", "",
                                                        len(self.selected_conflicts())))

    def dismiss_selected(self) -> None:
        self._resolve(conflicts.dismiss_conflict, self.tr("Đã bỏ qua %n xung đột.", "", len(self.selected_conflicts())))

    def _resolve(self, resolve, message: str) -> None:
        rows = self.selected_conflicts()
        if not rows or self._busy:
            return
        ids = [r.id for r in rows]

        def work(db: Database, _progress: ProgressFn, _cancelled: Callable[[], bool]) -> list[ConflictInfo]:
            return [resolve(db, i) for i in ids]

        def done(_infos) -> None:
            self._set_busy(False)
            self._drop_conflicts(set(ids))
            self.ctx.show_message(message)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            show_error(self, exc)
            self.reload()  # one may have been resolved meanwhile: show what is left

        self._set_busy(True)
        self.ctx.ops.run_task(work, on_done=done, on_error=failed)

    def _drop_conflicts(self, ids: set[int]) -> None:
        current = self.conflict_table.currentIndex().row()
        self.conflict_model.set_rows([r for r in self.conflict_model.all_rows() if r.id not in ids])
        if self.conflict_model.rowCount():
            self.conflict_table.selectRow(min(max(current, 0), self.conflict_model.rowCount() - 1))
        self._update_actions()


def _summary_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, details: list[str]) -> QMessageBox:
    box = message_box(parent, icon, title, text)
    box.setInformativeText("\n".join(details))
    # Lines carry file paths: a wider box wraps them less.
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 560px; }")
    return box


def _plain(html_lines: list[str]) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", line)) for line in html_lines]
