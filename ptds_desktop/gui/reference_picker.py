"""One picker for "an organization, a person, or words as printed" (services/references.py).

Type a few letters without diacritics: catalogue organizations and people that match are listed under the
box, with "write as typed" first when nothing matches exactly. Down / Enter pick from the list; Enter in the
box takes the highlighted line. Picking a catalogue entry for words typed earlier keeps those words as the
printed wording, so linking an agency to the catalogue never changes what an issued document says.
The picker holds no database access: the view hands it the catalogue it read through the worker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ptds_desktop.gui.table_model import search_key
from ptds_desktop.services.organizations import OrganizationData
from ptds_desktop.services.people import PersonData
from ptds_desktop.services.references import Reference, catalogue_key

MAX_SHOWN = 8


@dataclasses.dataclass(frozen=True)
class Candidate:
    reference: Reference
    label: str  # what a document prints
    detail: str  # shown after it in the list: the short name, the person's title
    key: str  # folded search text


def _person_search_words(p: PersonData) -> tuple[str | None, ...]:
    """A person is found by name, title, organization, e-mail, or phone as typed (+84…, 0…, with or without dots)."""
    local_phone = "0" + p.phone.removeprefix("+84") if p.phone else None
    return p.full_name, p.title, p.organization_name, p.email, p.phone_display, local_phone


def catalogue_candidates(organizations: Sequence[OrganizationData], people: Sequence[PersonData]) -> list[Candidate]:
    """Candidates from OrganizationData and PersonData lists (people after organizations)."""
    out = [
        Candidate(
            Reference(organization_id=o.id), o.name, o.short_name or "", search_key(f"{o.name} {o.short_name or ''}")
        )
        for o in organizations
    ]
    out += [
        Candidate(
            Reference(person_id=p.id),
            p.full_name,
            ", ".join(x for x in (p.title, p.organization_name) if x),
            search_key(" ".join(x for x in _person_search_words(p) if x)),
        )
        for p in people
    ]
    return out


class ReferencePicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._candidates: list[Candidate] = []
        self._chosen: Reference | None = None
        self._chosen_label = ""
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Gõ tên cơ quan hoặc người (không dấu cũng được), hoặc ghi nguyên văn"))
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        self.list = QListWidget()
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 6 + 12)
        self.list.itemActivated.connect(self._pick_item)
        self.list.hide()
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.state)
        self.setFocusProxy(self.edit)
        self._show_state()

    # --- what dialogs call ----------------------------------------------------------------------
    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        self._candidates = list(candidates)

    def set_reference(self, ref: Reference | None, label: str = "") -> None:
        self._chosen = ref
        self._chosen_label = label
        self.edit.setText(label)
        self.list.hide()
        self._show_state()

    def reference(self) -> Reference | None:
        """The chosen reference; words typed but not picked count as words as printed; None when empty."""
        typed = " ".join(self.edit.text().split())
        if not typed:
            return None
        if self._chosen is not None and typed == self._chosen_label:
            return self._chosen
        return Reference(text=typed)

    def label(self) -> str:
        return " ".join(self.edit.text().split())

    # --- internals -------------------------------------------------------------------------------
    def _matches(self, typed: str) -> list[Candidate]:
        words = search_key(typed).split()
        if not words:
            return []
        return [c for c in self._candidates if all(w in c.key for w in words)][:MAX_SHOWN]

    def _typed(self, text: str) -> None:
        self.list.clear()
        typed = " ".join(text.split())
        if not typed:
            self.list.hide()
            self._show_state()
            self.changed.emit()
            return
        found = self._matches(typed)
        exact = [c for c in found if catalogue_key(c.label) == catalogue_key(typed)]
        words_item = QListWidgetItem(self.tr("Ghi nguyên văn: “%1”").replace("%1", typed))
        words_item.setData(Qt.ItemDataRole.UserRole, None)
        if not exact:
            self.list.addItem(words_item)
        for c in found:
            item = QListWidgetItem(f"{c.label} — {c.detail}" if c.detail else c.label)
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.list.addItem(item)
        if exact:
            self.list.addItem(words_item)
        self.list.setCurrentRow(0)
        self.list.show()
        self._show_state()
        self.changed.emit()

    def _pick_item(self, item: QListWidgetItem) -> None:
        candidate: Candidate | None = item.data(Qt.ItemDataRole.UserRole)
        typed = " ".join(self.edit.text().split())
        if candidate is None:
            self._chosen, self._chosen_label = Reference(text=typed), typed
        else:
            previous = self._chosen
            ref = candidate.reference
            if ref.organization_id and previous is not None and previous.is_words_only:
                # Linking words typed earlier: the document keeps printing those words.
                ref = Reference(organization_id=ref.organization_id, text=previous.text)
                self._chosen, self._chosen_label = ref, previous.text or candidate.label
            else:
                self._chosen, self._chosen_label = ref, candidate.label
        self.edit.setText(self._chosen_label)
        self.list.hide()
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        ref = self.reference()
        if ref is None:
            text = self.tr("Chưa chọn.")
        elif ref.person_id:
            text = self.tr("Người trong danh sách.")
        elif ref.organization_id and ref.text:
            text = self.tr("Gắn với cơ quan trong danh mục; in như đã ghi.")
        elif ref.organization_id:
            text = self.tr("Cơ quan trong danh mục.")
        else:
            text = self.tr("Ghi nguyên văn (chưa gắn với danh mục).")
        self.state.setText(text)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and self.list.isVisible()
        ):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentItem() is not None:
                self._pick_item(self.list.currentItem())
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.list.hide()
                return True
        return super().eventFilter(watched, event)
