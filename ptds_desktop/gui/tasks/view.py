"""Plans and their task matrices: pick a plan, see its tasks grouped by section with their state, filter by lead
or coordinating agency, state, overdue or any words (without diacritics), edit content and timeframe in
place, reorder, add or edit a task with the agency picker, report progress, import and export Excel, and see
the progress of each lead agency as bars.

Filtering happens on the list the worker returned (services.progress.filter_statuses), never in SQL per
keystroke and never through a proxy model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QScrollArea,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ptds_desktop.db.changes import Changes
from ptds_desktop.exports.files import write_document
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.labels import NOT_REPORTED_LABEL, PROGRESS_STATUS_LABELS, TASK_AGENCY_ROLE_LABELS, label
from ptds_desktop.gui.ops import LatestRead
from ptds_desktop.gui.reference_picker import catalogue_candidates
from ptds_desktop.gui.tasks.plan_dialog import PlanDialog, SectionDialog
from ptds_desktop.gui.tasks.progress_bars import AgencyProgressBars
from ptds_desktop.gui.tasks.report_dialog import ReportDialog
from ptds_desktop.gui.tasks.reports_tab import ReportsTab
from ptds_desktop.gui.tasks.task_dialog import TaskDialog
from ptds_desktop.gui.widgets import EmptyHint, message_box, show_error, size_columns, tool_button, view_action
from ptds_desktop.imports.task_matrix import import_matrix, read_matrix
from ptds_desktop.models import (
    Office,
    Organization,
    Person,
    Plan,
    PlanSection,
    ProgressReport,
    Task,
    TaskAgency,
    TaskAssignment,
)
from ptds_desktop.services import organizations, people, plans, progress
from ptds_desktop.services.offices import list_offices
from ptds_desktop.services.plan_documents import matrix_document
from ptds_desktop.services.plans import PlanMatrix, SectionData, TaskData, TaskInput
from ptds_desktop.services.progress import TaskStatus
from ptds_desktop.text import format_date

CONTENT, TIMEFRAME = 1, 4
# What the screen shows: a write touching any of these reloads it.
SHOWN_TABLES = {
    model.__tablename__
    for model in (Plan, PlanSection, Task, TaskAgency, TaskAssignment, ProgressReport, Organization, Person, Office)
}


def _task_input(task: TaskData, field: str, text: str) -> TaskInput:
    """The task as it stands with one text field changed: what an in-place edit saves."""
    data = TaskInput(
        content=task.content,
        section_id=task.section_id,
        code=task.code,
        timeframe_text=task.timeframe.text,
        phases=task.timeframe.phases,
        deliverable=task.deliverable,
        agencies={role: [a.reference for a in agencies] for role, agencies in task.agencies.items()},
        assigned_office_ids=task.assigned_office_ids,
    )
    if field == "content":
        return dataclasses.replace(data, content=text)
    return dataclasses.replace(data, timeframe_text=text)


class MatrixModel(QAbstractTableModel):
    """Section rows (spanning, bold) and task rows; content and timeframe editable in place."""

    edited = Signal(object, str, str)  # TaskData, field ("content" | "timeframe_text"), new text

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SectionData | TaskStatus] = []
        self._roles: tuple[str, str] = ("lead", "coordinating")
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[SectionData | TaskStatus], roles: tuple[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._roles = rows, roles
        self.endResetModel()

    def row_at(self, row: int) -> SectionData | TaskStatus:
        return self._rows[row]

    def task_row(self, task_id: str) -> int | None:
        for i, item in enumerate(self._rows):
            if isinstance(item, TaskStatus) and item.task.id == task_id:
                return i
        return None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("TT"),
            self.tr("Nội dung"),
            label(TASK_AGENCY_ROLE_LABELS, self._roles[0]),
            label(TASK_AGENCY_ROLE_LABELS, self._roles[1]),
            self.tr("Thời gian"),
            self.tr("Hạn"),
            self.tr("Tình trạng"),
        ]
        return titles[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if isinstance(item, SectionData):
            if role == Qt.ItemDataRole.DisplayRole:
                return item.code if column == 0 else item.title if column == 1 else None
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        task = item.task
        if role == Qt.ItemDataRole.EditRole:
            return task.content if column == CONTENT else task.timeframe_text if column == TIMEFRAME else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [
                task.code or "",
                task.content,
                "; ".join(task.labels(self._roles[0])),
                "; ".join(task.labels(self._roles[1])),
                self.tr("Giai đoạn %1").replace("%1", ", ".join(map(str, task.timeframe.phases)))
                if task.timeframe.phases
                else task.timeframe_text,
                format_date(task.timeframe.due_on) if task.timeframe.due_on else "",
                f"{label(PROGRESS_STATUS_LABELS, item.status)} {item.percent}%"
                if item.status != "not_reported"
                else QCoreApplication.translate("Labels", NOT_REPORTED_LABEL),
            ]
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue and column in (5, 6):
            return Qt.GlobalColor.red
        return None

    def flags(self, index):
        base = super().flags(index)
        if (
            index.isValid()
            and isinstance(self._rows[index.row()], TaskStatus)
            and index.column() in (CONTENT, TIMEFRAME)
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        item = self._rows[index.row()]
        if role != Qt.ItemDataRole.EditRole or not isinstance(item, TaskStatus):
            return False
        field = "content" if index.column() == CONTENT else "timeframe_text"
        current = item.task.content if field == "content" else item.task.timeframe_text
        if str(value) != current:
            self.edited.emit(item.task, field, str(value))  # saved by the view; the reload shows the result
        return False


def _answering_roles(roles: tuple[str, ...]) -> tuple[str, str]:
    first = "lead" if "lead" in roles else "lead_advisory"
    second = "coordinating" if "coordinating" in roles else "implementing"
    return first, second


def _load(session, plan_id: str) -> dict:
    """Worker thread: everything the screen shows for one plan."""
    return {
        "matrix": plans.plan_matrix(session, plan_id),
        "statuses": progress.task_statuses(session, plan_id),
        "candidates": catalogue_candidates(organizations.list_organizations(session), people.search_people(session)),
        "offices": [(o.id, o.name) for o in list_offices(session)],
    }


class TasksView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.matrix: PlanMatrix | None = None
        self.statuses: list[TaskStatus] = []
        self.candidates: list = []
        self.offices: list[tuple[str, str]] = []
        self._plans = LatestRead[list[plans.PlanData]](ctx.ops)
        self._plan = LatestRead[dict](ctx.ops)
        self._select_task: str | None = None
        self.last_export: Path | None = None

        self.plan_combo = QComboBox()
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(30)
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.reload_plan())

        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Lọc: nội dung, cơ quan… (không dấu cũng được)"))
        self.lead_filter = QLineEdit()
        self.lead_filter.setPlaceholderText(self.tr("Cơ quan chủ trì"))
        self.coordinating_filter = QLineEdit()
        self.coordinating_filter.setPlaceholderText(self.tr("Cơ quan phối hợp"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Mọi tình trạng"), None)
        for code in PROGRESS_STATUS_LABELS:
            self.status_filter.addItem(label(PROGRESS_STATUS_LABELS, code), code)
        self.status_filter.addItem(QCoreApplication.translate("Labels", NOT_REPORTED_LABEL), "not_reported")
        self.overdue_filter = QCheckBox(self.tr("Quá hạn"))
        for edit in (self.text_filter, self.lead_filter, self.coordinating_filter):
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(lambda _t: self.apply_filters())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.overdue_filter.toggled.connect(lambda _on: self.apply_filters())
        self.count_label = QLabel()

        self.model = MatrixModel(self)
        self.model.edited.connect(self._edited_in_place)
        self.table = QTableView()
        self.table.setModel(self.model)
        size_columns(self.table, [36, None, 130, 130, 105, 78, 105], wrap=False)
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.setFocusProxy(self.table)
        self.empty_hint = EmptyHint(self.table, self.tr("Kế hoạch chưa có nhiệm vụ nào. Nhấn “Thêm…” (Ctrl+N) để "
                                                        "thêm nhiệm vụ đầu tiên."),
                                    self.tr("Không có nhiệm vụ nào khớp bộ lọc."))

        self.bars = AgencyProgressBars()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.bars)
        self.no_plan_hint = self.tr("Chưa có kế hoạch nào. Nhấn “Nhập Excel…” để nhập bảng nhiệm vụ của một kế "
                                    "hoạch, hoặc chọn “Kế hoạch mới…” trong nút Kế hoạch.")
        self.reports = ReportsTab(ctx)
        self.reports.when_no_plan = self.no_plan_hint
        self.reports.task_chosen.connect(self.show_task)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Bảng nhiệm vụ"))
        self.tabs.addTab(scroll, self.tr("Tiến độ theo cơ quan"))
        self.tabs.addTab(self.reports, self.tr("Mọi báo cáo tiến độ"))
        self.tabs.currentChanged.connect(self._tab_changed)

        style = self.style()
        self.new_action = view_action(
            self,
            self.tr("&Thêm…"),
            QKeySequence.StandardKey.New,
            self.create_task,
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
            self.tr("Thêm nhiệm vụ vào nhóm đang chọn"),
        )
        self.edit_action = view_action(
            self,
            self.tr("&Sửa…"),
            QKeySequence(Qt.Key.Key_F2),
            self.edit_task,
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            self.tr("Sửa nhiệm vụ, cơ quan, văn phòng được giao"),
        )
        self.delete_action = view_action(
            self,
            self.tr("&Xóa"),
            QKeySequence(Qt.Key.Key_Delete),
            self.delete_task,
            style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon),
            self.tr("Xóa nhiệm vụ đang chọn"),
        )
        self.up_action = view_action(
            self,
            self.tr("Lên"),
            QKeySequence("Alt+Up"),
            lambda: self.move_task(-1),
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
            self.tr("Đưa lên"),
        )
        self.down_action = view_action(
            self,
            self.tr("Xuống"),
            QKeySequence("Alt+Down"),
            lambda: self.move_task(1),
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            self.tr("Đưa xuống"),
        )
        self.report_action = view_action(
            self,
            self.tr("&Báo cáo tiến độ…"),
            QKeySequence("Ctrl+R"),
            self.report,
            style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            self.tr("Báo cáo tiến độ nhiệm vụ đang chọn"),
        )
        self.import_action = view_action(
            self,
            self.tr("&Nhập Excel…"),
            None,
            self.import_xlsx,
            style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton),
            self.tr("Nhập bảng nhiệm vụ từ Excel thành kế hoạch mới"),
        )
        self.export_action = view_action(
            self,
            self.tr("&Xuất Excel…"),
            None,
            self.export_xlsx,
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
            self.tr("Xuất bảng nhiệm vụ của kế hoạch ra Excel"),
        )

        self.new_plan_action = view_action(self, self.tr("Kế hoạch &mới…"), None, self.new_plan)
        self.edit_plan_action = view_action(self, self.tr("Sửa &kế hoạch…"), None, self.edit_plan)
        self.new_section_action = view_action(self, self.tr("Thêm &nhóm nhiệm vụ…"), None, self.new_section)
        plan_menu = QMenu(self)
        for action in (self.new_plan_action, self.edit_plan_action, self.new_section_action):
            plan_menu.addAction(action)
        plan_menu.addSeparator()
        plan_menu.addAction(self.import_action)
        plan_menu.addAction(self.export_action)
        self.plan_button = QToolButton()
        self.plan_button.setText(self.tr("Kế hoạch"))
        self.plan_button.setMenu(plan_menu)
        self.plan_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        top = QHBoxLayout()
        top.addWidget(self.plan_button)
        top.addWidget(self.plan_combo, 1)
        for action in (self.import_action, self.export_action):
            top.addWidget(tool_button(action))
        filters = QHBoxLayout()
        filters.addWidget(self.text_filter, 2)
        filters.addWidget(self.lead_filter, 1)
        filters.addWidget(self.coordinating_filter, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.overdue_filter)
        actions = QHBoxLayout()
        for action in (
            self.new_action,
            self.edit_action,
            self.delete_action,
            self.up_action,
            self.down_action,
            self.report_action,
        ):
            actions.addWidget(tool_button(action))
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        # The matrix's filters and actions; hidden over the list of every report (all plans, its own filter).
        self.matrix_controls = QWidget()
        controls = QVBoxLayout(self.matrix_controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addLayout(filters)
        controls.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.matrix_controls)
        layout.addWidget(self.tabs, 1)

        ctx.ops.subscribe(self, SHOWN_TABLES, self._data_changed)
        self._update_actions()
        self.reload()

    # --- loading ---------------------------------------------------------------------------------
    def reload(self, select_plan: str | None = None) -> None:
        keep = select_plan or self.plan_combo.currentData()
        self._plans.read(plans.list_plans, lambda rows: self._plans_loaded(rows, keep))

    def _plans_loaded(self, rows: list[plans.PlanData], keep: str | None) -> None:
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for p in rows:
            title = p.title if len(p.title) <= 90 else p.title[:87] + "…"
            self.plan_combo.addItem(f"{p.number_symbol} — {title}" if p.number_symbol else title, p.id)
        index = self.plan_combo.findData(keep) if keep else 0
        self.plan_combo.setCurrentIndex(max(index, 0) if rows else -1)
        self.plan_combo.blockSignals(False)
        self.reload_plan()

    def reload_plan(self) -> None:
        plan_id = self.plan_combo.currentData()
        if plan_id is None:
            self.matrix, self.statuses = None, []
            self.apply_filters()
            self.loaded = True
            return
        self._plan.read(lambda s: _load(s, plan_id), self._plan_loaded)

    def _plan_loaded(self, data: dict) -> None:
        self.matrix, self.statuses = data["matrix"], data["statuses"]
        self.candidates, self.offices = data["candidates"], data["offices"]
        self.apply_filters()
        self.bars.set_rows(progress.agency_overview(self.statuses))
        self.loaded = True

    def _data_changed(self, _changes: Changes) -> None:
        self.reload()

    def _tab_changed(self, index: int) -> None:
        self.matrix_controls.setVisible(self.tabs.widget(index) is not self.reports)

    def show_task(self, plan_id: str, task_id: str) -> None:
        """The task in its plan's matrix, selected (from a report in the list of every report)."""
        self.tabs.setCurrentIndex(0)
        for edit in (self.text_filter, self.lead_filter, self.coordinating_filter):
            edit.clear()  # a filter could hide it
        self.status_filter.setCurrentIndex(0)
        self.overdue_filter.setChecked(False)
        self._select_task = task_id
        if plan_id == self.plan_combo.currentData():
            self.apply_filters()
        else:
            self.plan_combo.setCurrentIndex(self.plan_combo.findData(plan_id))
        self.table.setFocus()

    def apply_filters(self) -> None:
        current_task = self.current_task()
        keep = self._select_task or (current_task.id if current_task else None)
        self._select_task = None
        shown = progress.filter_statuses(
            self.statuses,
            text=self.text_filter.text(),
            lead=self.lead_filter.text(),
            coordinating=self.coordinating_filter.text(),
            status=self.status_filter.currentData(),
            overdue_only=self.overdue_filter.isChecked(),
        )
        rows: list[SectionData | TaskStatus] = []
        if self.matrix is not None:
            by_section: dict[str | None, list[TaskStatus]] = {}
            for item in shown:
                by_section.setdefault(item.task.section_id, []).append(item)
            rows += by_section.get(None, [])
            for section in self.matrix.sections:
                if section.id in by_section or len(shown) == len(self.statuses):
                    rows.append(section)
                    rows += by_section.get(section.id, [])
        roles = _answering_roles(self.matrix.roles) if self.matrix else ("lead", "coordinating")
        self.model.set_rows(rows, roles)
        self.table.clearSpans()
        for i, row_item in enumerate(rows):
            if isinstance(row_item, SectionData):
                self.table.setSpan(i, 1, 1, 6)
        self.table.resizeRowsToContents()
        total = len(self.statuses)
        self.count_label.setText(self.tr("%1 / %2 nhiệm vụ").replace("%1", str(len(shown))).replace("%2", str(total)))
        self.empty_hint.update_for(len(shown), total, None if self.matrix is not None else self.no_plan_hint)
        row = self.model.task_row(keep) if keep else None
        if row is not None:
            self.table.selectRow(row)
        self._update_actions()

    # --- selection -------------------------------------------------------------------------------
    def current_task(self) -> TaskData | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        item = self.model.row_at(index.row())
        return item.task if isinstance(item, TaskStatus) else None

    def current_section_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        item = self.model.row_at(index.row())
        return item.id if isinstance(item, SectionData) else item.task.section_id

    def select_task(self, task_id: str) -> None:
        row = self.model.task_row(task_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_actions(self) -> None:
        has_task = self.current_task() is not None
        for action in (self.edit_action, self.delete_action, self.up_action, self.down_action, self.report_action):
            action.setEnabled(has_task)
        self.new_action.setEnabled(self.matrix is not None)
        self.edit_plan_action.setEnabled(self.matrix is not None)
        self.new_section_action.setEnabled(self.matrix is not None)
        self.export_action.setEnabled(self.matrix is not None)

    # --- commands --------------------------------------------------------------------------------
    def _write(self, fn, on_done=None) -> None:
        self.ctx.ops.run(fn, on_done, self._show_error)

    def _edited_in_place(self, task: TaskData, field: str, text: str) -> None:
        data = _task_input(task, field, text)
        self._select_task = task.id
        self._write(
            lambda s: plans.update_task(s, task.id, data), lambda _t: self.ctx.show_message(self.tr("Đã lưu nhiệm vụ."))
        )

    def _open_dialog(self, existing: TaskData | None) -> TaskDialog | None:
        if self.matrix is None:
            return None
        dialog = TaskDialog(
            self.ctx.ops, self.matrix, existing, self.current_section_id(), self.candidates, self.offices, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def new_plan(self) -> PlanDialog:
        return self._plan_dialog(None)

    def edit_plan(self) -> PlanDialog | None:
        return self._plan_dialog(self.matrix.plan) if self.matrix else None

    def _plan_dialog(self, existing: plans.PlanData | None) -> PlanDialog:
        dialog = PlanDialog(self.ctx.ops, existing, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda plan: self.reload(plan.id))
        dialog.open()
        return dialog

    def new_section(self) -> SectionDialog | None:
        if self.matrix is None:
            return None
        dialog = SectionDialog(self.ctx.ops, self.matrix.plan.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def create_task(self) -> TaskDialog | None:
        return self._open_dialog(None)

    def edit_task(self) -> TaskDialog | None:
        task = self.current_task()
        return self._open_dialog(task) if task else None

    def _saved(self, task: TaskData) -> None:
        self._select_task = task.id
        self.ctx.show_message(self.tr("Đã lưu nhiệm vụ."))

    def delete_task(self) -> None:
        task = self.current_task()
        if task is None:
            return
        task_id = task.id

        def deleted(_result) -> None:
            self.ctx.offer_undo(self.tr("Đã xóa nhiệm vụ."), lambda s: plans.restore_task(s, task_id))

        self._write(lambda s: plans.delete_task(s, task_id), deleted)

    def move_task(self, step: int) -> None:
        task = self.current_task()
        if task is None or self.matrix is None:
            return
        siblings = [t.id for t in self.matrix.tasks_of(task.section_id)]
        position = siblings.index(task.id) + step
        if not 0 <= position < len(siblings):
            return
        self._select_task = task.id
        self._write(lambda s: plans.move_task(s, task.id, position))

    def report(self) -> QDialog | None:
        task = self.current_task()
        if task is None:
            return None
        dialog = ReportDialog(self.ctx.ops, task, self)
        dialog.saved.connect(lambda _report: self.ctx.show_message(self.tr("Đã ghi báo cáo tiến độ.")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_xlsx(self) -> None:
        folder = self.ctx.settings.last_document_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Nhập bảng nhiệm vụ từ Excel"), folder, self.tr("Sổ tính Excel (*.xlsx)")
        )
        if path:
            self.ctx.settings.last_document_folder = str(Path(path).parent)
            self.ctx.settings.save()
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Preview first; import only after the user confirms, and only when every row was understood."""
        self.ctx.ops.read(
            lambda s: read_matrix(s, path), lambda preview: self._show_preview(path, preview), self._show_error
        )

    def _show_preview(self, path: Path, preview) -> None:
        self.preview_box = self._previewed(path, preview)

    def _previewed(self, path: Path, preview) -> QMessageBox:
        summary = (
            self.tr("%1 nhóm, %2 nhiệm vụ; %3 cơ quan khớp danh mục, %4 giữ nguyên chữ.")
            .replace("%1", str(preview.section_count))
            .replace("%2", str(preview.task_count))
            .replace("%3", str(preview.linked_agencies))
            .replace("%4", str(preview.worded_agencies))
        )
        if preview.problems:
            box = message_box(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Chưa nhập được"),
                self.tr("Có %1 dòng chưa hiểu được; chưa có gì được ghi.").replace("%1", str(len(preview.problems))),
            )
            box.setInformativeText(summary)
            box.setDetailedText("\n".join(str(p) for p in preview.problems))
            box.open()
            return box
        box = message_box(
            self,
            QMessageBox.Icon.Question,
            self.tr("Nhập bảng nhiệm vụ"),
            self.tr("Tạo kế hoạch “%1”?").replace("%1", preview.plan.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        box.setInformativeText(summary)

        def answered(_result) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self._write(lambda s: import_matrix(s, preview), self._imported)

        box.finished.connect(answered)
        box.open()
        return box

    def _imported(self, plan: plans.PlanData) -> None:
        self.reload(plan.id)
        self.ctx.show_message(self.tr("Đã nhập %1 nhiệm vụ.").replace("%1", str(plan.task_count)))

    def _show_error(self, exc: Exception) -> None:
        show_error(self, exc)

    def export_xlsx(self) -> None:
        if self.matrix is None:
            return
        folder = self.ctx.settings.last_document_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = f"Phu-luc-nhiem-vu-{dt.date.today():%d-%m-%Y}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Xuất bảng nhiệm vụ ra Excel"), str(Path(folder) / name), self.tr("Sổ tính Excel (*.xlsx)")
        )
        if path:
            target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
            self.ctx.settings.last_document_folder = str(target.parent)
            self.ctx.settings.save()
            self.export_to(target)

    def export_to(self, target: Path) -> None:
        plan_id = self.matrix.plan.id if self.matrix else None
        if plan_id is None:
            return
        self.ctx.ops.read(
            lambda s: write_document(matrix_document(plans.plan_matrix(s, plan_id)), target, "xlsx"),
            self._exported,
            self._show_error,
        )

    def _exported(self, target: Path) -> None:
        self.last_export = target
        self.ctx.show_message(self.tr("Đã xuất vào %1").replace("%1", str(target)))
