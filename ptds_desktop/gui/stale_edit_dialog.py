"""What to do when saving a form would overwrite fields someone else changed since it opened (StaleEditError):
a table of those fields (as the form opened them, as the other person saved them, as this user typed them)
and three answers: overwrite with mine, keep theirs (the form takes their values), or go back to the form."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.errors import StaleEditError


class StaleEditDialog(QDialog):
    OVERWRITE = "overwrite"
    KEEP_THEIRS = "keep_theirs"

    def __init__(self, error: StaleEditError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Người khác vừa sửa"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.choice: str | None = None  # None: back to the form, nothing decided
        intro = QLabel(self.tr("Trong lúc bạn sửa, người khác đã lưu các trường dưới đây. Chưa có gì được lưu. "
                               "Bạn muốn giữ bản nào?"))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(error.clashes), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Trường"), self.tr("Khi bạn mở"), self.tr("Người khác đã lưu"),
                                              self.tr("Bạn vừa nhập")])
        empty = self.tr("(trống)")
        for row, clash in enumerate(error.clashes):
            for column, text in enumerate((clash.label, clash.started, clash.theirs, clash.mine)):
                item = QTableWidgetItem(text or empty)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox()
        self.overwrite_button = QPushButton(self.tr("Ghi đè bằng bản của tôi"))
        self.keep_button = QPushButton(self.tr("Giữ bản của người khác"))
        self.back_button = QPushButton(self.tr("Quay lại biểu mẫu"))
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.setDefault(True)  # Enter loses nobody's work
        self.overwrite_button.clicked.connect(lambda: self._choose(self.OVERWRITE))
        self.keep_button.clicked.connect(lambda: self._choose(self.KEEP_THEIRS))
        self.back_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.resize(720, self.sizeHint().height())
        self.back_button.setFocus()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As tall as the rows need, up to what a 600-pixel screen leaves (the table scrolls beyond)."""
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        table = rows + self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + 4
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height() - self.table.sizeHint().height() + table, 460))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
