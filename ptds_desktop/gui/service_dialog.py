"""The base of every dialog that saves through a service (organization, board, member, decision, …).

    class BoardDialog(ServiceDialog):
        def __init__(self, ops, existing, parent=None):
            super().__init__(ops, parent)
            self.ui = Ui_RosterBoardDialog()
            self.ui.setupUi(self)
            self.bind_form(self.ui.buttonBox, self.ui.errorLabel, {"name": self.ui.nameEdit, …})

        def save_fn(self) -> WriteFn:           # UI thread: read the form
            data = self.input()
            return lambda session: roster.create_board(session, data)   # worker thread: the service

One way to save: `save_fn` runs on the UI thread and raises ValidationError only for what the form alone knows
(nothing chosen in a list); every other rule is the service's, which raises ValidationError(field=…) on the
worker. The error is shown under the field it names (`fields` maps ValidationError.field to the widget), the
dialog stays open with everything typed, and Save is disabled while the write runs. On success `saved(result)`
is emitted and the dialog closes. `handle_error` lets a dialog answer an error itself (a likely duplicate).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from ptds_desktop.errors import PtdsError, ValidationError
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.gui.widgets import FieldErrors, name_buttons, show_error


class ServiceDialog(QDialog):
    saved = Signal(object)  # what the service returned

    def __init__(self, ops: DatabaseOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.errors: FieldErrors | None = None
        self._save_button: QPushButton | None = None

    def bind_form(self, buttons: QDialogButtonBox, error_label: QLabel, fields: Mapping[str, QWidget]) -> None:
        """Call once the form is built: names the buttons, wires Save, and maps error fields to widgets."""
        name_buttons(buttons)
        self._save_button = (buttons.button(QDialogButtonBox.StandardButton.Save)
                             or buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.errors = FieldErrors(error_label, fields)
        buttons.accepted.connect(self.accept)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Open no larger than the screen (a 1024×600 laptop): the form's lists give up their extra height."""
        screen = self.screen()
        if screen is not None:
            frame = self.frameGeometry().size() - self.geometry().size()
            room = screen.availableGeometry().size() - frame
            if self.width() > room.width() or self.height() > room.height():
                self.resize(self.size().boundedTo(room))
        super().showEvent(event)

    def save_fn(self) -> WriteFn | None:
        """The write to run for what the form says (None: nothing to write, the dialog finished otherwise)."""
        raise NotImplementedError

    def handle_error(self, exc: Exception) -> bool:
        """Return True when the dialog answered `exc` itself; by default errors are shown."""
        return False

    def accept(self) -> None:
        try:
            save = self.save_fn()
        except ValidationError as exc:
            self.show_error(exc)
            return
        if save is not None:
            self.submit(save)

    def submit(self, fn: WriteFn) -> None:
        """Run `fn` on the worker with Save disabled; the result closes the dialog, an error keeps it open."""
        self.clear_errors()
        self._set_busy(True)
        self.ops.run(fn, self._saved, self._failed)

    def show_error(self, exc: Exception) -> None:
        if isinstance(exc, PtdsError) and self.errors is not None:
            self.errors.show(exc)
        else:
            show_error(self, exc)

    def clear_errors(self) -> None:
        if self.errors is not None:
            self.errors.clear()

    def finish(self, result: Any) -> None:
        """Close as saved with `result` (also for dialogs that collect without writing)."""
        self.saved.emit(result)
        super().accept()

    def _saved(self, result: Any) -> None:
        self._set_busy(False)
        self.finish(result)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if not self.handle_error(exc):
            self.show_error(exc)

    def _set_busy(self, busy: bool) -> None:
        if self._save_button is not None:
            self._save_button.setEnabled(not busy)
