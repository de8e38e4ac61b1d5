"""The conference screen: the list of conferences beside the chosen one — its overview (days left, replies,
presentations received, duties overdue) and checklist, invitees with replies and counts per venue, presentations
and duties, venues and programme — and the exports (progress and Cancel on the worker, the window stays live).

The view reads the chosen conference's state in one go (`_read_state`) and reloads when a write touches a table
the screen shows (CONFERENCE_TABLES), whoever wrote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ptds_desktop.db.changes import Changes
from ptds_desktop.db.database import Database
from ptds_desktop.errors import Cancelled
from ptds_desktop.exports.progress import write_with_progress
from ptds_desktop.gui.conferences import models
from ptds_desktop.gui.conferences.dialogs import (
    AgendaDialog,
    ConferenceDialog,
    DutyDialog,
    ExportChoice,
    ExportDialog,
    PickDialog,
    PresentationDialog,
    StartDialog,
    VenueDialog,
    document_label,
    organization_items,
)
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.ops import LatestRead, ProgressFn
from ptds_desktop.gui.reference_picker import Candidate, catalogue_candidates
from ptds_desktop.gui.sync_dialogs import run_with_progress
from ptds_desktop.gui.table_model import RowsTableModel
from ptds_desktop.gui.widgets import (
    EmptyHint,
    configure_table,
    show_error,
    size_columns,
    tool_button,
    view_action,
)
from ptds_desktop.models import (
    AgendaItem,
    Conference,
    ConferenceMilestone,
    DistributionEntry,
    Invitee,
    ParticipantGroup,
    PreparationDuty,
    Presentation,
    SignatureBlock,
    Venue,
)
from ptds_desktop.services import conference_documents as docs
from ptds_desktop.services import conference_invitees as inv
from ptds_desktop.services import conference_preparation as prep
from ptds_desktop.services import conference_venues as ven
from ptds_desktop.services import conferences as conf
from ptds_desktop.services.boards import list_boards
from ptds_desktop.services.organizations import list_organizations
from ptds_desktop.services.people import search_people

CONFERENCE_TABLES = frozenset(m.__tablename__ for m in (
    Conference, Venue, AgendaItem, ParticipantGroup, Invitee, Presentation, PreparationDuty, ConferenceMilestone,
    DistributionEntry, SignatureBlock))


@dataclasses.dataclass(frozen=True)
class ConferenceState:
    overview: prep.ConferenceOverview
    checklist: list[prep.ChecklistItem]
    invitees: list[inv.InviteeData]
    counts: inv.InviteeCounts
    presentations: list[prep.PresentationData]
    duties: list[prep.DutyData]
    venues: list[ven.VenueData]
    agenda: list[ven.AgendaItemData]
    recipients: list[conf.RecipientData]
    signature: conf.SignatureData | None


def _read_state(conference_id: str, today: dt.date) -> Callable[[Session], ConferenceState]:
    def read(session: Session) -> ConferenceState:
        return ConferenceState(
            prep.conference_overview(session, conference_id, today), prep.checklist(session, conference_id, today),
            inv.list_invitees(session, conference_id), inv.count_invitees(session, conference_id),
            prep.list_presentations(session, conference_id), prep.list_duties(session, conference_id),
            ven.list_venues(session, conference_id), ven.list_agenda(session, conference_id),
            conf.recipients(session, conference_id), conf.signature(session, conference_id))

    return read


def _catalogue(session: Session) -> list[Candidate]:
    """Worker thread: organizations and people a chair or presenter may be picked from."""
    return catalogue_candidates(list_organizations(session), search_people(session))


def export_task(conference_id: str, choice: ExportChoice) -> Callable[[Database, ProgressFn, Callable[[], bool]], str]:
    """The export as a worker task: build (progress per invitee or venue), then write (progress per page)."""

    def task(db: Database, progress: ProgressFn, is_cancelled: Callable[[], bool]) -> str:
        with db.unit_of_work() as session:
            document = docs.build_document(session, conference_id, choice.what, choice.fmt, choice.per, progress,
                                           is_cancelled)
        return str(write_with_progress(document, choice.path, choice.fmt, progress, is_cancelled))

    return task


def _table(model: RowsTableModel, multi: bool = False) -> QTableView:
    table = QTableView()
    table.setModel(model)
    size_columns(table, [c.width for c in model.columns()])
    if multi:
        table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
    return table


class ConferencesView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False  # tests wait on it
        self.today: Callable[[], dt.date] = dt.date.today
        self.state: ConferenceState | None = None
        self.export_progress: Any = None  # the running export's progress dialog (tests cancel through it)
        self._list_read = LatestRead[list[conf.ConferenceData]](ctx.ops)
        self._state_read = LatestRead[ConferenceState](ctx.ops)
        self._build_actions()
        self._build_list()
        self._build_tabs()
        self._build_layout()
        ctx.ops.subscribe(self, CONFERENCE_TABLES, self._data_changed)
        self.reload()

    # --- building ----------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        style = self.style()
        self.new_action = view_action(self, self.tr("&Mới theo mẫu…"), QKeySequence.StandardKey.New, self.create_new,
                                       style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
                                       self.tr("Hội nghị mới theo mẫu hội nghị sơ kết"))
        self.copy_action = view_action(self, self.tr("&Sao chép…"), QKeySequence("Ctrl+Shift+D"), self.duplicate,
                                        style.standardIcon(QStyle.StandardPixmap.SP_FileLinkIcon),
                                        self.tr("Sao chép hội nghị đang chọn sang ngày mới"))
        self.edit_action = view_action(self, self.tr("S&ửa…"), QKeySequence(Qt.Key.Key_F2), self.edit,
                                        style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                                        self.tr("Sửa thông tin hội nghị"))
        self.export_action = view_action(self, self.tr("&Xuất…"), QKeySequence("Ctrl+E"), self.export,
                                          style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                                          self.tr("Xuất kế hoạch, giấy mời, danh sách, chương trình, maket"))

    def _build_list(self) -> None:
        self.list_model = RowsTableModel(models.CONFERENCE_COLUMNS, search_text=lambda c: (c.title,), parent=self)
        self.list_table = QTableView()
        configure_table(self.list_table, self.list_model)
        self.list_table.setSortingEnabled(False)
        self.list_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_table.selectionModel().selectionChanged.connect(lambda *_: self._conference_chosen())
        self.empty_hint = EmptyHint(self.list_table, self.tr("Chưa có hội nghị nào. Nhấn “Mới theo mẫu…” (Ctrl+N) "
                                                             "để tạo hội nghị đầu tiên."), "")

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget()
        # Overview
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.checklist_model = models.MarkedRowsModel(models.CHECKLIST_COLUMNS, lambda i: (i.title, i.who),
                                                      overdue=lambda i: i.overdue, done=lambda i: i.done, parent=self)
        self.checklist_table = _table(self.checklist_model)
        self.tick_action = view_action(self, self.tr("Đánh dấu &xong / chưa xong"), QKeySequence("Ctrl+D"),
                                        self.toggle_checklist)
        overview = QWidget()
        box = QVBoxLayout(overview)
        box.addWidget(self.summary)
        box.addWidget(self.checklist_table, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(tool_button(self.tick_action))
        box.addLayout(bar)
        self.tabs.addTab(overview, self.tr("Tổng quan"))

        # Invitees
        self.invitee_model = RowsTableModel(models.INVITEE_COLUMNS, lambda p: (p.label, p.venue_name), parent=self)
        self.invitee_table = _table(self.invitee_model, multi=True)
        self.counts_model = RowsTableModel(models.COUNT_COLUMNS, lambda r: (r.name,), parent=self)
        self.counts_table = _table(self.counts_model)
        self.counts_table.setMaximumHeight(130)
        self.reply_actions = {status: view_action(self, text, None, lambda _=False, s=status: self.reply(s))
                              for status, text in (("confirmed", self.tr("Xác nhận dự")),
                                                   ("declined", self.tr("Báo vắng")),
                                                   ("attended", self.tr("Có mặt")),
                                                   ("invited", self.tr("Chưa trả lời")))}
        self.add_board_action = view_action(self, self.tr("+ Cả Ban Chỉ huy…"), None, self.add_board)
        self.add_orgs_action = view_action(self, self.tr("+ Cơ quan…"), None, self.add_organizations)
        self.add_chairs_action = view_action(self, self.tr("+ Chủ tịch các xã (điểm cầu)"), None,
                                             self.add_commune_chairs)
        invitees = QWidget()
        box = QVBoxLayout(invitees)
        adds = QHBoxLayout()
        for action in (self.add_board_action, self.add_orgs_action, self.add_chairs_action):
            adds.addWidget(tool_button(action))
        adds.addStretch(1)
        box.addLayout(adds)
        box.addWidget(self.invitee_table, 1)
        replies = QHBoxLayout()
        replies.addWidget(QLabel(self.tr("Trả lời của các dòng chọn:")))
        for action in self.reply_actions.values():
            replies.addWidget(tool_button(action))
        replies.addStretch(1)
        box.addLayout(replies)
        box.addWidget(self.counts_table)
        self.tabs.addTab(invitees, self.tr("Đại biểu"))

        # Presentations and duties
        self.presentation_model = models.MarkedRowsModel(
            models.PRESENTATION_COLUMNS, lambda p: (p.organization_name, p.topic),
            overdue=lambda p: p.overdue(self.today()), done=lambda p: p.received, parent=self)
        self.presentation_table = _table(self.presentation_model)
        self.duty_model = models.MarkedRowsModel(models.DUTY_COLUMNS, lambda d: (d.heading, d.content),
                                                 overdue=lambda d: d.overdue(self.today()), done=lambda d: d.done,
                                                 parent=self)
        self.duty_table = _table(self.duty_model)
        self.add_presentation_action = view_action(self, self.tr("+ Tham luận…"), None, self.add_presentation)
        self.received_action = view_action(self, self.tr("Đã nhận / chưa nhận"), None, self.toggle_received)
        self.add_duty_action = view_action(self, self.tr("+ Nhiệm vụ…"), None, self.add_duty)
        self.duty_done_action = view_action(self, self.tr("Xong / chưa xong"), None, self.toggle_duty)
        preparation = QWidget()
        grid = QGridLayout(preparation)
        grid.addWidget(QLabel(self.tr("Tham luận (quá hạn tô đỏ)")), 0, 0)
        grid.addWidget(tool_button(self.add_presentation_action), 0, 1)
        grid.addWidget(tool_button(self.received_action), 0, 2)
        grid.addWidget(self.presentation_table, 1, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Nhiệm vụ chuẩn bị")), 2, 0)
        grid.addWidget(tool_button(self.add_duty_action), 2, 1)
        grid.addWidget(tool_button(self.duty_done_action), 2, 2)
        grid.addWidget(self.duty_table, 3, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        self.tabs.addTab(preparation, self.tr("Tham luận, nhiệm vụ"))

        # Venues and programme
        self.venue_model = RowsTableModel(models.VENUE_COLUMNS, lambda v: (v.name, v.chair_label), parent=self)
        self.agenda_model = RowsTableModel(models.AGENDA_COLUMNS, lambda a: (a.title,), parent=self)
        self.venue_table = _table(self.venue_model)
        self.agenda_table = _table(self.agenda_model)
        self.add_venue_action = view_action(self, self.tr("+ Điểm cầu…"), None, self.add_venue)
        self.delete_venue_action = view_action(self, self.tr("Xóa điểm cầu"), None, self.delete_venue)
        self.add_item_action = view_action(self, self.tr("+ Mục…"), None, self.add_agenda_item)
        self.item_up_action = view_action(self, self.tr("Lên"), QKeySequence("Alt+Up"), lambda: self.move_item(-1))
        self.item_down_action = view_action(self, self.tr("Xuống"), QKeySequence("Alt+Down"), lambda: self.move_item(1))
        self.delete_item_action = view_action(self, self.tr("Xóa mục"), None, self.delete_agenda_item)
        programme = QWidget()
        grid = QGridLayout(programme)
        grid.addWidget(QLabel(self.tr("Điểm cầu và người chủ trì")), 0, 0)
        grid.addWidget(tool_button(self.add_venue_action), 0, 1)
        grid.addWidget(tool_button(self.delete_venue_action), 0, 2)
        grid.addWidget(self.venue_table, 1, 0, 1, 5)
        grid.addWidget(QLabel(self.tr("Chương trình")), 2, 0)
        for column, action in enumerate((self.add_item_action, self.item_up_action, self.item_down_action,
                                         self.delete_item_action), start=1):
            grid.addWidget(tool_button(action), 2, column)
        grid.addWidget(self.agenda_table, 3, 0, 1, 5)
        grid.setColumnStretch(0, 1)
        self.tabs.addTab(programme, self.tr("Điểm cầu, chương trình"))

    def _build_layout(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        for action in (self.new_action, self.copy_action):
            bar.addWidget(tool_button(action))
        bar.addStretch(1)
        box.addLayout(bar)
        box.addWidget(self.list_table)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        for action in (self.edit_action, self.export_action):
            bar.addWidget(tool_button(action))
        box.addLayout(bar)
        box.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([190, 810])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.setFocusProxy(self.list_table)
        self._update_actions()

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self._list_read.read(conf.list_conferences, self._list_loaded)

    def _list_loaded(self, rows: list[conf.ConferenceData]) -> None:
        keep = self.current_id()
        self.list_model.set_rows(rows)
        self.empty_hint.update_for(len(rows), len(rows))
        row = self.list_model.row_of(keep) if keep else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.list_table.selectRow(row)
        else:
            self.state = None
            self.loaded = True
        self._conference_chosen()

    def _conference_chosen(self) -> None:
        cid = self.current_id()
        self._update_actions()
        if cid is None:
            self._show(None)
            return
        self._state_read.read(_read_state(cid, self.today()), self._show)

    def _data_changed(self, _changes: Changes) -> None:
        self.reload()

    def _show(self, state: ConferenceState | None) -> None:
        self.state = state
        empty: list = []
        self.checklist_model.set_rows(state.checklist if state else empty)
        self.invitee_model.set_rows(state.invitees if state else empty)
        self.counts_model.set_rows(list(state.counts.by_venue) if state else empty)
        self.presentation_model.set_rows(state.presentations if state else empty)
        self.duty_model.set_rows(state.duties if state else empty)
        self.venue_model.set_rows(state.venues if state else empty)
        self.agenda_model.set_rows(state.agenda if state else empty)
        self.heading.setText(state.overview.conference.title if state else self.tr("Chưa có hội nghị nào."))
        self.summary.setText(self._summary_text(state.overview) if state else "")
        self.loaded = True
        self._update_actions()

    def _summary_text(self, o: prep.ConferenceOverview) -> str:
        c, r = o.conference, o.replies
        if o.days_left is None:
            when = self.tr("Chưa có ngày họp.")
        elif o.days_left >= 0:
            when = self.tr("{time} ngày {date} — còn {days} ngày.").format(
                time=f"{c.starts_at:%H:%M}", date=c.date_label, days=o.days_left)
        else:
            when = self.tr("Đã họp ngày {date}.").format(date=c.date_label)
        lines = [
            when,
            self.tr("Đại biểu: {total} ({venues} điểm cầu) — xác nhận {confirmed}, có mặt {attended}, "
                    "báo vắng {declined}, chưa trả lời {waiting}.").format(
                total=r.total, venues=o.venues, confirmed=r.confirmed, attended=r.attended, declined=r.declined,
                waiting=r.invited),
            self.tr("Tham luận: đã nhận {received}/{total}, quá hạn {overdue}.").format(
                received=o.presentations_received, total=o.presentations_total, overdue=o.presentations_overdue),
            self.tr("Nhiệm vụ chuẩn bị: xong {done}/{total}, quá hạn {overdue}.").format(
                done=o.duties_done, total=o.duties_total, overdue=o.duties_overdue),
        ]
        if o.checklist_overdue:
            lines.append(self.tr("Việc quá hạn: {count} (tô đỏ bên dưới).").format(count=len(o.checklist_overdue)))
        return "\n".join(lines)

    # --- selection ---------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        rows = self.list_table.selectionModel().selectedRows()
        return self.list_model.row_at(rows[0].row()).id if rows else None

    def _selected(self, table: QTableView, model: RowsTableModel) -> list[Any]:
        return [model.row_at(i.row()) for i in sorted(table.selectionModel().selectedRows(), key=lambda i: i.row())]

    def _update_actions(self) -> None:
        has = self.state is not None and self.current_id() is not None
        for action in (self.copy_action, self.edit_action, self.export_action, self.tick_action,
                       self.add_board_action, self.add_orgs_action, self.add_chairs_action,
                       self.add_presentation_action, self.received_action, self.add_duty_action,
                       self.duty_done_action, self.add_venue_action, self.delete_venue_action, self.add_item_action,
                       self.item_up_action, self.item_down_action, self.delete_item_action,
                       *self.reply_actions.values()):
            action.setEnabled(has)

    # --- actions -----------------------------------------------------------------------------------
    def _write(self, fn: Callable[[Session], Any], message: str = "") -> None:
        self.ctx.ops.run(fn, lambda _result: self.ctx.show_message(message) if message else None, self._failed)

    def _failed(self, exc: Exception) -> None:
        show_error(self, exc)

    def _open(self, dialog: Any, message: str = "") -> None:
        if message:
            dialog.saved.connect(lambda _result: self.ctx.show_message(message))
        dialog.open()

    def create_new(self) -> None:
        self.ctx.ops.read(list_boards, lambda boards: self._open(
            StartDialog(self.ctx.ops, boards, parent=self), self.tr("Đã tạo hội nghị theo mẫu.")))

    def duplicate(self) -> None:
        if self.state is not None:
            self._open(StartDialog(self.ctx.ops, [], self.state.overview.conference, self),
                       self.tr("Đã sao chép hội nghị sang ngày mới."))

    def edit(self) -> None:
        if self.state is not None:
            self._open(ConferenceDialog(self.ctx.ops, self.state.overview.conference, self.state.recipients,
                                        self.state.signature, self))

    def toggle_checklist(self) -> None:
        items = self._selected(self.checklist_table, self.checklist_model)
        if items:
            item = items[0]
            self._write(lambda s: prep.set_checklist_done(s, item.kind, item.row_id, not item.done))

    def reply(self, status: str) -> None:
        ids = [p.id for p in self._selected(self.invitee_table, self.invitee_model)]
        if ids:
            self._write(lambda s: inv.set_reply(s, ids, status),
                        self.tr("Đã ghi trả lời cho {count} đại biểu.").format(count=len(ids)))

    def add_board(self) -> None:
        cid = self.current_id()
        if cid is None:
            return

        def write(chosen: list[str]) -> Callable[[Session], Any]:
            def run(s: Session) -> Any:
                main = ven.main_venue(s, cid)
                return inv.add_board_members(s, cid, chosen[0], venue_id=main.id if main else None)
            return run

        self.ctx.ops.read(list_boards, lambda boards: self._open(PickDialog(
            self.ctx.ops, self.tr("Triệu tập cả Ban Chỉ huy"), [(b.name, b.id) for b in boards], write, many=False,
            parent=self)))

    def add_organizations(self) -> None:
        cid = self.current_id()
        if cid is None:
            return

        def write(chosen: list[str]) -> Callable[[Session], Any]:
            def run(s: Session) -> Any:
                main = ven.main_venue(s, cid)
                return inv.add_organizations(s, cid, chosen, venue_id=main.id if main else None)
            return run

        self.ctx.ops.read(list_organizations, lambda orgs: self._open(PickDialog(
            self.ctx.ops, self.tr("Mời cơ quan trong danh mục"), organization_items(orgs), write, parent=self)))

    def add_commune_chairs(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self._write(lambda s: inv.add_commune_chairs(s, cid),
                        self.tr("Đã thêm Chủ tịch các xã, phường làm chủ trì điểm cầu."))

    def add_presentation(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self.ctx.ops.read(list_organizations, lambda orgs: self._open(
                PresentationDialog(self.ctx.ops, cid, orgs, self)))

    def toggle_received(self) -> None:
        chosen = self._selected(self.presentation_table, self.presentation_model)
        if chosen:
            p = chosen[0]
            self._write(lambda s: prep.mark_presentation_received(s, p.id, not p.received, self.today()))

    def add_duty(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self._open(DutyDialog(self.ctx.ops, cid, self))

    def toggle_duty(self) -> None:
        chosen = self._selected(self.duty_table, self.duty_model)
        if chosen:
            d = chosen[0]
            self._write(lambda s: prep.set_duty_done(s, d.id, not d.done))

    def add_venue(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self.ctx.ops.read(_catalogue, lambda candidates: self._open(
                VenueDialog(self.ctx.ops, cid, candidates, self)))

    def delete_venue(self) -> None:
        chosen = self._selected(self.venue_table, self.venue_model)
        if chosen:
            v = chosen[0]
            self._write(lambda s: ven.delete_venue(s, v.id), self.tr("Đã xóa điểm cầu."))

    def add_agenda_item(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self.ctx.ops.read(_catalogue, lambda candidates: self._open(
                AgendaDialog(self.ctx.ops, cid, candidates, self)))

    def move_item(self, step: int) -> None:
        chosen = self._selected(self.agenda_table, self.agenda_model)
        if chosen:
            item_id = chosen[0].id
            self._write(lambda s: ven.move_agenda_item(s, item_id, step))

    def delete_agenda_item(self) -> None:
        chosen = self._selected(self.agenda_table, self.agenda_model)
        if chosen:
            item_id = chosen[0].id
            self._write(lambda s: ven.delete_agenda_item(s, item_id), self.tr("Đã xóa mục chương trình."))

    def export(self) -> None:
        if self.state is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        c = self.state.overview.conference
        dialog = ExportDialog(self.ctx.ops, folder, c.starts_at.strftime("%Y-%m-%d") if c.starts_at else "hoi-nghi",
                              self)
        dialog.saved.connect(lambda choice: self.run_export(c.id, choice))
        dialog.open()

    def run_export(self, conference_id: str, choice: ExportChoice) -> None:
        self.export_progress = run_with_progress(
            self.ctx.ops, self, self.tr("Xuất văn bản hội nghị"), self.tr("Đang soạn và ghi {what}…").format(
                what=document_label(choice.what).lower()),
            export_task(conference_id, choice), self._exported, self._export_failed)

    def _exported(self, path: str) -> None:
        self.export_progress = None
        self.ctx.show_message(self.tr("Đã xuất vào {path}").format(path=path))

    def _export_failed(self, exc: Exception) -> None:
        self.export_progress = None
        if isinstance(exc, Cancelled):
            self.ctx.show_message(self.tr("Đã hủy xuất văn bản; không tệp nào được ghi."))
        else:
            show_error(self, exc)
