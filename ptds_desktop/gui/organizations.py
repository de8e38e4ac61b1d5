"""Organizations (cơ quan, đơn vị): list with instant accent-insensitive filter, create, edit, delete, undo.

The pattern every list screen follows:
- rows come from the service through `ops.read` (worker thread) into a RowsTableModel; the filter box
  filters that list in Python, so typing never waits for the database;
- every write goes through `ops.run(fn)`; the view subscribes to the tables it shows
  (`ops.subscribe(self, {Organization.__tablename__}, …)`) and reloads when a write touched one, whoever wrote;
- actions carry the shortcuts in Qt.WindowShortcut context on the view: Qt ignores the shortcuts of
  hidden widgets, so only the current area's Ctrl+N fires, wherever the focus is in the window.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ptds_desktop.db.changes import Changes
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.labels import ORG_KIND_LABELS, label
from ptds_desktop.gui.ops import LatestRead
from ptds_desktop.gui.organization_dialog import OrganizationDialog
from ptds_desktop.gui.table_model import Column, RowsTableModel
from ptds_desktop.gui.widgets import (
    EmptyHint,
    configure_table,
    message_box,
    tool_button,
    view_action,
    widget_shortcut,
)
from ptds_desktop.models import Organization
from ptds_desktop.services import organizations as service
from ptds_desktop.services.organizations import OrganizationData
from ptds_desktop.text import matches

COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Tên"), lambda o: o.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Tên tắt"), lambda o: o.short_name, width=200),
    Column(QT_TRANSLATE_NOOP("Columns", "Loại"), lambda o: label(ORG_KIND_LABELS, o.kind), width=190),
]


def organization_model(parent: QObject | None = None) -> RowsTableModel:
    return RowsTableModel(COLUMNS, search_text=lambda o: (o.name, o.short_name), parent=parent)


class OrganizationsView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = organization_model(self)
        self.loaded = False  # True once the first list has arrived (tests wait on it)
        self._rows = LatestRead[list[OrganizationData]](ctx.ops)
        self._select_after_reload: list[str] = []
        self._build_list()
        self._build_actions()
        self._lay_out()
        ctx.ops.subscribe(self, {Organization.__tablename__}, self._data_changed)
        self._update_actions()
        self.reload()

    def _build_list(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Lọc theo tên hoặc tên tắt, gõ không dấu cũng được (Ctrl+F)"))
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self._focus_table)
        self.count_label = QLabel()
        self.table = QTableView()
        configure_table(self.table, self.model)
        self.empty_hint = EmptyHint(self.table, self.tr("Chưa có cơ quan, đơn vị nào. Nhấn Ctrl+N để thêm."),
                                    self.tr("Không có cơ quan, đơn vị nào khớp với bộ lọc."))
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.setFocusProxy(self.table)

    def _build_actions(self) -> None:
        style = self.style()
        self.new_action = view_action(self, self.tr("&Thêm…"), QKeySequence.StandardKey.New, self.create_new,
                                      style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
                                      self.tr("Thêm cơ quan, đơn vị"))
        self.edit_action = view_action(self, self.tr("&Sửa…"), QKeySequence(Qt.Key.Key_F2), self.edit_selected,
                                       style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                                       self.tr("Sửa cơ quan, đơn vị đang chọn (F2, Enter)"))
        self.delete_action = view_action(self, self.tr("&Xóa"), QKeySequence(Qt.Key.Key_Delete), self.delete_selected,
                                         style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon),
                                         self.tr("Xóa các cơ quan, đơn vị đang chọn"))
        self.find_action = view_action(self, self.tr("Tìm"), QKeySequence.StandardKey.Find, self._focus_filter)
        # Enter edits only from the table; in the filter box Enter or Down moves to the results, Esc clears.
        widget_shortcut(self.table, Qt.Key.Key_Return, self.edit_selected)
        widget_shortcut(self.table, Qt.Key.Key_Enter, self.edit_selected)
        widget_shortcut(self.filter_edit, Qt.Key.Key_Down, self._focus_table)
        widget_shortcut(self.filter_edit, Qt.Key.Key_Escape, self.filter_edit.clear)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.count_label)
        bar.addSpacing(12)
        for action in (self.new_action, self.edit_action, self.delete_action):
            bar.addWidget(tool_button(action))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self._rows.read(service.list_organizations, self._loaded)

    def _loaded(self, rows: list[OrganizationData]) -> None:
        keep = self._select_after_reload or self.selected_ids()
        current = self.table.currentIndex().row()
        self._select_after_reload = []
        self.model.set_rows(rows)
        self._select_ids(keep)
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            # keep the cursor where it was (the row after a deleted one), so Delete/Enter go on working
            self.table.selectRow(min(max(current, 0), self.model.rowCount() - 1))
        self.loaded = True
        self._update_actions()

    def _data_changed(self, _changes: Changes) -> None:
        self.reload()

    def _filter_changed(self, text: str) -> None:
        keep = self.selected_ids()
        self.model.set_filter(text)
        self._select_ids(keep)
        self._update_actions()

    # --- selection ---------------------------------------------------------------------------------
    def selected_rows(self) -> list[OrganizationData]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def selected_ids(self) -> list[str]:
        return [o.id for o in self.selected_rows()]

    def _select_ids(self, ids: list[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = True
        for row_id in ids:
            row = self.model.row_of(row_id)
            if row is None:
                continue
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            if first:
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                first = False
            else:
                selection.select(index, flags)

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.edit_action.setEnabled(count == 1)
        self.delete_action.setEnabled(count > 0)
        shown, total = self.model.rowCount(), self.model.total_count
        self.empty_hint.update_for(shown, total)
        if shown == total:
            self.count_label.setText(self.tr("%n cơ quan, đơn vị", "", total))
        else:
            self.count_label.setText(self.tr("%1 / %2 cơ quan, đơn vị").replace("%1", str(shown)).replace("%2",
                str(total)))

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            self.table.selectRow(0)

    # --- commands ----------------------------------------------------------------------------------
    def create_new(self) -> OrganizationDialog:
        return self._open_dialog(None)

    def edit_selected(self) -> OrganizationDialog | None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        return self._open_dialog(rows[0])

    def _open_dialog(self, existing: OrganizationData | None) -> OrganizationDialog:
        parents = [o for o in self.model.all_rows() if existing is None or o.id != existing.id]
        dialog = OrganizationDialog(self.ctx.ops, existing, parents, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, org: OrganizationData) -> None:
        self._select_after_reload = [org.id]
        if not matches(self.filter_edit.text(), org.name, org.short_name):
            self.filter_edit.clear()  # show the row just saved even when the filter would hide it
        self.ctx.show_message(self.tr("Đã lưu “%1”.").replace("%1", org.name))

    def delete_selected(self) -> QMessageBox | None:
        rows = self.selected_rows()
        if not rows:
            return None
        if len(rows) == 1:
            question = self.tr("Xóa cơ quan, đơn vị “%1”?").replace("%1", rows[0].name)
        else:
            question = self.tr("Xóa %n cơ quan, đơn vị đang chọn?", "", len(rows))
        box = message_box(self, QMessageBox.Icon.Question, self.tr("Xóa cơ quan, đơn vị"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        box.setInformativeText(self.tr("Có thể hoàn tác ngay sau khi xóa (Ctrl+Z)."))
        box.finished.connect(lambda _result: self._delete_confirmed(box, rows))
        box.open()
        return box

    def _delete_confirmed(self, box: QMessageBox, rows: list[OrganizationData]) -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self._delete([o.id for o in rows], rows)

    def _delete(self, ids: list[str], rows: list[OrganizationData]) -> None:
        def delete(session: Session) -> list[OrganizationData]:
            return [service.delete_organization(session, i) for i in ids]

        def restore(session: Session) -> list[OrganizationData]:
            return [service.restore_organization(session, i) for i in ids]

        if len(rows) == 1:
            done = self.tr("Đã xóa “%1”.").replace("%1", rows[0].name)
        else:
            done = self.tr("Đã xóa %n cơ quan, đơn vị.", "", len(rows))

        def deleted(_result: list[OrganizationData]) -> None:
            self._select_after_reload = []
            self.ctx.offer_undo(done, restore)

        self.ctx.ops.run(delete, deleted)
