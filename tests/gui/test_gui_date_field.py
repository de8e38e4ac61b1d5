"""The date field: each way officers type a date, typed key by key, gives the same stored date; the calendar
pop-up picks one; an impossible date is shown as an error and never stored."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from ptds_desktop.errors import ValidationError
from ptds_desktop.gui.app import install_translation
from ptds_desktop.gui.date_field import DateField

TYPED_FORMS = ["15/06/2026", "15/6/2026", "15-06-2026", "15.06.2026", "15062026", "15/6/26"]


@pytest.fixture
def form(qtbot, qapp):
    """A date field followed by another field, as in a form: Tab leaves the date field."""
    install_translation(qapp, "vi")
    window = QWidget()
    field = DateField(window, label="ngày ký", key="issued_on")
    field.setDate(dt.date(2026, 12, 2))  # a form opens on today's date; typing replaces it
    after = QLineEdit(window)
    field.move(0, 0)
    after.move(0, 80)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield field, after  # the window stays referenced (alive) until the test ends


def retype(qtbot, type_text, field: DateField, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    type_text(field.edit, text)


@pytest.mark.parametrize("typed", TYPED_FORMS)
def test_each_typed_form_gives_the_same_date_when_focus_leaves(qtbot, type_text, form, typed):
    field, after = form
    changes = []
    field.dateChanged.connect(changes.append)
    retype(qtbot, type_text, field, typed)
    assert field.edit.text() == typed  # nothing reshuffled while typing, unlike QDateEdit's sections
    after.setFocus()
    qtbot.waitUntil(lambda: field.date() == dt.date(2026, 6, 15))
    assert field.value() == dt.date(2026, 6, 15)
    assert field.edit.text() == "15/06/2026"
    assert changes == [dt.date(2026, 6, 15)]
    assert not field.error_label.isVisible()


@pytest.mark.parametrize("typed", TYPED_FORMS)
def test_each_typed_form_is_read_on_enter(qtbot, type_text, form, typed):
    field, _after = form
    retype(qtbot, type_text, field, typed)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.date() == dt.date(2026, 6, 15)
    assert field.edit.text() == "15/06/2026"


@pytest.mark.parametrize("typed, reason", [("31/02/2026", "chỉ có 28 ngày"), ("31022026", "chỉ có 28 ngày"),
                                           ("15/13/2026", "không có tháng 13"), ("15/06", "không đúng dạng")])
def test_impossible_date_is_shown_as_an_error_and_not_stored(qtbot, type_text, form, typed, reason):
    field, after = form
    retype(qtbot, type_text, field, typed)
    after.setFocus()
    qtbot.waitUntil(field.error_label.isVisible)
    assert reason in field.error_label.text()
    assert field.error_label.text().startswith("Ngày ký")
    assert field.edit.text() == typed  # left as typed, to correct
    assert field.date() == dt.date(2026, 12, 2)  # the earlier date is not replaced by a rounded one
    with pytest.raises(ValidationError, match=reason) as caught:
        field.value()
    assert caught.value.field == "issued_on"
    retype(qtbot, type_text, field, "28/02/2026")
    after.setFocus()
    qtbot.waitUntil(lambda: not field.error_label.isVisible())
    assert field.value() == dt.date(2026, 2, 28)


def test_calendar_pop_up_picks_a_date_with_the_keyboard(qtbot, form):
    field, _after = form
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2026, 12, 2)  # opens on the field's date
    calendar.setSelectedDate(QDate(2026, 6, 15))
    calendar.activated.emit(calendar.selectedDate())  # Enter on the calendar
    assert not calendar.isVisible()
    assert field.value() == dt.date(2026, 6, 15)
    assert field.edit.text() == "15/06/2026"


def test_calendar_pop_up_from_the_button_with_a_click(qtbot, form):
    field, _after = form
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.calendar.isVisible)
    field.calendar.clicked.emit(QDate(2025, 10, 9))
    assert field.value() == dt.date(2025, 10, 9)


def test_calendar_speaks_vietnamese(qtbot, form):
    field, _after = form
    locale = field.calendar.locale()
    assert locale.monthName(6).lower().startswith("tháng")
    assert field.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday


def test_optional_field_may_be_left_empty_a_required_one_may_not(qtbot, type_text):
    optional = DateField(label="ngày sinh", optional=True)
    required = DateField(label="ngày ký")
    for widget in (optional, required):
        qtbot.addWidget(widget)
        widget.setDate(dt.date(2026, 1, 1))
        widget.edit.clear()
    assert optional.value() is None
    with pytest.raises(ValidationError, match="Thiếu ngày ký"):
        required.value()


def test_escape_closes_the_calendar_without_changing_the_date(qtbot, form):
    field, _after = form
    field.show_calendar()
    qtbot.waitUntil(field.calendar.isVisible)
    field.calendar.setSelectedDate(QDate(2020, 1, 1))
    qtbot.keyClick(QApplication.focusWidget() or field.calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not field.calendar.isVisible())
    assert field.value() == dt.date(2026, 12, 2)


def test_english_interface_shows_the_error_in_english(english, qtbot, type_text):
    window = QWidget()
    field = DateField(window, label=QT_TRANSLATE_NOOP("Fields", "ngày"))
    after = QLineEdit(window)
    after.move(0, 80)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    retype(qtbot, type_text, field, "31/02/2026")
    after.setFocus()
    qtbot.waitUntil(field.error_label.isVisible)
    assert field.error_label.text() == "Date does not exist: 31/02/2026 (month 2 of 2026 has only 28 days)."
    assert field.edit.placeholderText() == "dd/mm/yyyy"
