"""Document settings (Thiết lập văn bản): how this office issues each kind of document.

Left, the kinds (decision, list, plan, invitation); right, the selected kind's issuing body, symbol, the
decision's authority, bases and proposal, the default signer, recipients and "Lưu:" line, and the place on
every dated line. A kind never saved shows the defaults derived from the office's name and level; "Đặt lại
mặc định" goes back to them. Reads and writes go through ctx.ops (services.documents); the screen reloads when
a write touches the settings or the office, whoever wrote (a sync brings another office's changes too).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ptds_desktop.db.changes import Changes
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.labels import DOCUMENT_KIND_LABELS, label
from ptds_desktop.gui.widgets import FieldErrors, view_action
from ptds_desktop.models import DocumentSetting, Office
from ptds_desktop.services import documents as service
from ptds_desktop.services.documents import DocumentSettingsData, DocumentSettingsInput

# The signer's authority as Decree 30 writes it (editable: "TM. BAN CHỈ HUY" names the body too).
AUTHORITIES = ("", "TM.", "KT.", "Q.", "TL.", "TUQ.")
LINE_FIELDS = ("parent_body", "issuing_body", "symbol", "authority", "cited_as", "proposal", "executors",
               "signer_position", "signer_second_position", "signer_name", "archive")
TEXT_FIELDS = ("bases", "recipients")  # one entry a line
SETTINGS_TABLES = frozenset({DocumentSetting.__tablename__, Office.__tablename__})


class DocumentSettingsView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False  # the settings have arrived (tests wait on it)
        self.settings: dict[str, DocumentSettingsData] = {}
        self._build_fields()
        self._lay_out()
        ctx.ops.subscribe(self, SETTINGS_TABLES, self._data_changed)
        self.reload()

    def _build_fields(self) -> None:
        self.kinds = QListWidget()
        self.kinds.setWordWrap(True)
        self.kinds.currentRowChanged.connect(self._show_kind)
        self.state_label = QLabel()
        self.state_label.setStyleSheet("color: palette(mid);")
        self.place_edit = QLineEdit()
        self.place_edit.setToolTip(self.tr("Địa danh ở dòng ngày tháng của mọi văn bản, ví dụ “Đắk Lắk”"))
        self.edits: dict[str, QLineEdit] = {name: QLineEdit() for name in LINE_FIELDS}
        self.texts: dict[str, QPlainTextEdit] = {name: QPlainTextEdit() for name in TEXT_FIELDS}
        for edit in self.texts.values():
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(84)
        self.signer_authority = QComboBox()
        self.signer_authority.setEditable(True)
        self.signer_authority.addItems(AUTHORITIES)
        self.signer_authority.setToolTip(self.tr("TM. (thay mặt), KT. (ký thay), Q. (quyền), TL. (thừa lệnh), "
                                                 "TUQ. (thừa ủy quyền), rồi chức vụ: “KT. TRƯỞNG BAN”"))
        self.edits["symbol"].setPlaceholderText("KH-BCH")
        self.edits["parent_body"].setPlaceholderText("UBND TỈNH ĐẮK LẮK")
        self.texts["bases"].setPlaceholderText(self.tr("Căn cứ …; (mỗi căn cứ một dòng)"))
        self.texts["recipients"].setPlaceholderText(self.tr("Mỗi nơi nhận một dòng, ví dụ “Thường trực Tỉnh ủy (b/c)”"))
        self.edits["archive"].setPlaceholderText("VT, NC")
        self.save_action = view_action(self, self.tr("Lưu"), QKeySequence.StandardKey.Save, self.save)
        self.reset_action = view_action(self, self.tr("Đặt lại mặc định"), None, self.reset,
                                        tip=self.tr("Theo tên và cấp của văn phòng"))
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_action.trigger)
        self.reset_button = QPushButton(self.reset_action.text())
        self.reset_button.clicked.connect(self.reset_action.trigger)

    def _lay_out(self) -> None:
        intro = QLabel(self.tr("Mỗi loại văn bản có cơ quan ban hành, người ký và nơi nhận mặc định. Văn bản in ra "
                               "luôn bằng tiếng Việt."))
        intro.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(QLabel(self.tr("Loại văn bản")))
        left_layout.addWidget(self.kinds, 1)
        left_layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Địa danh (chung)"), self.place_edit)
        form.addRow(self.tr("Cơ quan chủ quản"), self.edits["parent_body"])
        form.addRow(self.tr("Cơ quan ban hành"), self.edits["issuing_body"])
        form.addRow(self.tr("Ký hiệu (loại-cơ quan)"), self.edits["symbol"])
        form.addRow(self.tr("Trích dẫn là"), self.edits["cited_as"])
        self.decision_rows = [
            (self.tr("Thẩm quyền ban hành"), self.edits["authority"]),
            (self.tr("Căn cứ"), self.texts["bases"]),
            (self.tr("Theo đề nghị của"), self.edits["proposal"]),
            (self.tr("Người thi hành (điều cuối)"), self.edits["executors"]),
        ]
        for text, widget in self.decision_rows:
            form.addRow(text, widget)
        form.addRow(self.tr("Quyền hạn ký"), self.signer_authority)
        form.addRow(self.tr("Chức vụ người ký"), self.edits["signer_position"])
        form.addRow(self.tr("Chức vụ thứ hai"), self.edits["signer_second_position"])
        form.addRow(self.tr("Họ và tên người ký"), self.edits["signer_name"])
        form.addRow(self.tr("Nơi nhận"), self.texts["recipients"])
        form.addRow(self.tr("Dòng “Lưu:”"), self.edits["archive"])
        self.form = form
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.state_label)
        body_layout.addLayout(form)
        body_layout.addWidget(self.error_label)
        body_layout.addStretch(1)
        fields: dict[str, QWidget] = {**self.edits, **self.texts, "place_name": self.place_edit,
                                      "signer_authority": self.signer_authority}
        self.errors = FieldErrors(self.error_label, fields)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.ops.read(service.all_document_settings, self._loaded)

    def _data_changed(self, _changes: Changes) -> None:
        self.reload()

    def _loaded(self, rows: list[DocumentSettingsData]) -> None:
        current = self.current_kind()
        self.settings = {s.kind: s for s in rows}
        self.kinds.blockSignals(True)
        self.kinds.clear()
        for settings in rows:
            item = QListWidgetItem(label(DOCUMENT_KIND_LABELS, settings.kind))
            item.setData(Qt.ItemDataRole.UserRole, settings.kind)
            self.kinds.addItem(item)
        self.kinds.blockSignals(False)
        kinds = [s.kind for s in rows]
        self.kinds.setCurrentRow(kinds.index(current) if current in kinds else 0)
        self._show_kind(self.kinds.currentRow())
        self.loaded = True

    def current_kind(self) -> str | None:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_kind(self, row: int) -> None:
        kind = self.current_kind()
        if row < 0 or kind not in self.settings:
            return
        settings = self.settings[kind]
        self.errors.clear()
        self.state_label.setText(self.tr("Đã lưu riêng cho văn phòng.") if settings.stored else
                                 self.tr("Mặc định theo tên và cấp của văn phòng (chưa sửa)."))
        self.place_edit.setText(settings.place_name or "")
        values = dataclasses.asdict(service.settings_input(settings))
        for name, edit in self.edits.items():
            edit.setText(values[name] or "")
            edit.setCursorPosition(0)  # long lines show their beginning
        for name, text in self.texts.items():
            text.setPlainText(values[name] or "")
        self.signer_authority.setCurrentText(settings.signer_authority or "")
        for _text, widget in self.decision_rows:
            self.form.setRowVisible(widget, kind == "decision")

    def edited_input(self) -> DocumentSettingsInput:
        values = {name: edit.text() for name, edit in self.edits.items()}
        values.update({name: text.toPlainText() for name, text in self.texts.items()})
        values["signer_authority"] = self.signer_authority.currentText()
        return DocumentSettingsInput(**values)

    # --- writing -----------------------------------------------------------------------------------
    def save(self) -> None:
        kind = self.current_kind()
        if kind is None:
            return
        data, place = self.edited_input(), self.place_edit.text()

        def write(session: Session) -> DocumentSettingsData:  # worker thread
            service.set_place_name(session, place)
            return service.update_document_settings(session, kind, data)

        self.errors.clear()
        self.ctx.ops.run(write, self._saved, self.errors.show)

    def _saved(self, settings: DocumentSettingsData) -> None:
        self.ctx.show_message(self.tr("Đã lưu thiết lập “%1”.").replace(
            "%1", label(DOCUMENT_KIND_LABELS, settings.kind)))

    def reset(self) -> None:
        kind = self.current_kind()
        if kind is None:
            return
        self.ctx.ops.run(lambda s: service.reset_document_settings(s, kind), self._was_reset)

    def _was_reset(self, settings: DocumentSettingsData) -> None:
        self.ctx.show_message(self.tr("Đã đặt lại mặc định cho “%1”.").replace(
            "%1", label(DOCUMENT_KIND_LABELS, settings.kind)))
