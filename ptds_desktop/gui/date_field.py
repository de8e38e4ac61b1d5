"""The one date field of every form: typed as officers type dates, or picked on a calendar.

A QDateEdit types into sections (typing 15/06/2026 into a day section left on "12" stores 15/12/2026), so the
field is a line edit read by the core's parse_date, with a calendar pop-up beside it. Text that is not a date
is shown as an error and never stored; an optional field may be left empty."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ptds_desktop.errors import ValidationError
from ptds_desktop.text import DATE, format_date, parse_date

_ERROR_STYLE = "border: 1px solid #b00020;"


class DateField(QWidget):
    """A date typed (15/06/2026, 15/6/26, 15062026…) or picked on the calendar (Alt+Down or F4).

    `value()` is what a form saves: the date, None when optional and empty, or a ValidationError whose message
    names the date by `label` (a text of the "Fields" translation context, as QT_TRANSLATE_NOOP marks it) and
    whose field is `key` (the form's field name: "issued_on"). Typed text is read on Enter and when focus leaves.
    Forms made in Designer promote a QWidget to DateField, then set label, key and optional."""

    dateChanged = Signal(object)  # dt.date | None, only for a new valid value

    def __init__(self, parent: QWidget | None = None, *, label: str = DATE, key: str | None = None,
                 optional: bool = False):
        super().__init__(parent)
        self.label = label
        self.key = key
        self.optional = optional
        self._date: dt.date | None = None
        self._error = ""

        self.edit = QLineEdit(self)
        self.edit.setMaxLength(20)
        self.edit.setPlaceholderText(QCoreApplication.translate("DateField", "ngày/tháng/năm"))
        self.edit.setToolTip(QCoreApplication.translate(
            "DateField", "Gõ ngày như 15/06/2026, 15/6/26 hoặc 15062026; Alt+↓ mở lịch."))
        self.edit.editingFinished.connect(self._read_text)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)

        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(QCoreApplication.translate("DateField", "Chọn trên lịch (Alt+↓)"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.show_calendar)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.error_label)

        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)

    # -- what forms use ------------------------------------------------------------------------------

    def configure(self, label: str, key: str, *, optional: bool = False) -> None:
        """For a field made by a Designer form: what messages call it, and the form's name for it."""
        self.label, self.key, self.optional = label, key, optional

    def value(self) -> dt.date | None:
        """The date to save; raises ValidationError (Vietnamese, naming the field) when the text is not one."""
        self._read_text()
        if self._error:
            raise ValidationError(self._error, self.key or self.label)
        if self._date is None and not self.optional:
            try:
                parse_date("", self.label)  # the one "Thiếu …" message
            except ValidationError as exc:
                raise ValidationError(str(exc), self.key or self.label) from None
        return self._date

    def date(self) -> dt.date | None:
        """The last valid date (None when empty or not yet valid); value() also checks the text."""
        return self._date

    def setDate(self, value: dt.date | None) -> None:  # noqa: N802 - Qt's naming, like QDateEdit.setDate
        self._set(value)

    def error(self) -> str:
        return self._error

    # -- behaviour -------------------------------------------------------------------------------------

    def show_calendar(self) -> None:
        shown = self._date or dt.date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.adjustSize()
        below = self.edit.mapToGlobal(QPoint(0, self.edit.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:  # keep the pop-up on a small screen: above the field when no room below
            if below.y() + self.calendar.height() > screen.bottom():
                below.setY(self.edit.mapToGlobal(QPoint(0, 0)).y() - self.calendar.height())
            below.setX(max(screen.left(), min(below.x(), screen.right() - self.calendar.width())))
        self.calendar.move(below)
        self.calendar.show()
        self.calendar.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            opens = event.key() == Qt.Key.Key_F4 or (
                event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if opens:
                self.show_calendar()
                return True
        return super().eventFilter(watched, event)

    def _picked(self, picked: QDate) -> None:
        self.calendar.hide()
        self._set(picked.toPython())
        self.edit.setFocus()

    def _read_text(self) -> None:
        text = self.edit.text().strip()
        if not text:  # a required field left empty is reported on saving, not while tabbing through
            self._set(None)
            return
        if self._date is not None and not self._error and text == format_date(self._date):
            return
        try:
            parsed = parse_date(text, self.label)
        except ValidationError as exc:
            self._show_error(str(exc))
            return
        self._set(parsed)

    def _set(self, value: dt.date | None) -> None:
        changed = value != self._date
        self._date = value
        self.edit.setText(format_date(value) if value else "")
        self._show_error("")
        if changed:
            self.dateChanged.emit(value)

    def _show_error(self, message: str) -> None:
        self._error = message
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.edit.setStyleSheet(_ERROR_STYLE if message else "")

