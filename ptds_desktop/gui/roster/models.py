"""Item models and columns of the roster screens (gui/roster/).

`RosterModel` is a thin table over the list `services.roster.roster_on` returns, already ordered by role then
order; rows can be dragged to a new place, which is reported (not applied) so the view can persist it through
`services.roster.reorder_members` and reload.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette

from ptds_desktop.gui.labels import BOARD_ROLE_LABELS, DECISION_KIND_LABELS, label
from ptds_desktop.gui.table_model import Column
from ptds_desktop.services.decisions import DecisionData
from ptds_desktop.services.memberships import MemberData
from ptds_desktop.services.roster import RosterSnapshot
from ptds_desktop.text import format_date

MEMBER_IDS_MIME = "application/x-ptds-membership-ids"


def first_line(text: str | None) -> str:
    lines = (text or "").splitlines()
    return lines[0] + (" …" if len(lines) > 1 else "") if lines else ""


def role_label(member: MemberData) -> str:
    return label(BOARD_ROLE_LABELS, member.role)


# TT · Họ và tên · Chức vụ, đơn vị · Chức danh trong Ban · Điện thoại · Lĩnh vực phụ trách
ROSTER_HEADERS = (
    QT_TRANSLATE_NOOP("Columns", "TT"),
    QT_TRANSLATE_NOOP("Columns", "Họ và tên"),
    QT_TRANSLATE_NOOP("Columns", "Chức vụ, đơn vị"),
    QT_TRANSLATE_NOOP("Columns", "Chức danh trong Ban"),
    QT_TRANSLATE_NOOP("Columns", "Điện thoại"),
    QT_TRANSLATE_NOOP("Columns", "Lĩnh vực phụ trách"),
)
ROSTER_WIDTHS = (36, 160, None, 180, 95, None)  # None: stretch (shares the rest)


class RosterModel(QAbstractTableModel):
    """Members in the order given; with `reorderable`, rows can be dragged and the new order of ids is emitted."""

    reorder_requested = Signal(list)  # membership ids in the order the user arranged them

    def __init__(self, reorderable: bool = False, parent=None):
        super().__init__(parent)
        self._rows: list[MemberData] = []
        self.reorderable = reorderable

    def set_rows(self, rows: Sequence[MemberData]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[MemberData]:
        return list(self._rows)

    def row_at(self, row: int) -> MemberData:
        return self._rows[row]

    def row_of(self, membership_id: str) -> int | None:
        return next((i for i, m in enumerate(self._rows) if m.id == membership_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(ROSTER_HEADERS)

    def _text(self, m: MemberData, column: int, row: int) -> str:
        if column == 0:
            return str(row + 1)
        if column == 1:
            return m.full_name or ""
        if column == 2:
            return m.position or m.organization_name or ""
        if column == 3:
            return role_label(m)
        if column == 4:
            return m.phone_display
        return first_line(m.responsibility)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if m.is_seat and column == 1:  # the decision names the seat only: say so, greyed
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("RosterModel", "(chưa ghi tên)")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QPalette().color(QPalette.ColorRole.PlaceholderText)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(m, column, index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 5:
                return m.responsibility or ""
            if column == 1 and m.is_seat:
                return QCoreApplication.translate("RosterModel", "Quyết định chỉ ghi chức vụ, chưa ghi tên người.")
            return self._text(m, column, index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            centred = column in (0, 4)
            return int((Qt.AlignmentFlag.AlignCenter if centred else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", ROSTER_HEADERS[section])
        return None

    # --- drag and drop: moves are reported, the service decides (it keeps the roster grouped by role) -----
    def flags(self, index):
        base = super().flags(index)
        if not self.reorderable:
            return base
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MEMBER_IDS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MEMBER_IDS_MIME, QByteArray("\n".join(self._rows[r].id for r in rows).encode("ascii")))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.reorderable and data.hasFormat(MEMBER_IDS_MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        moved = bytes(data.data(MEMBER_IDS_MIME).data()).decode("ascii").split("\n")
        if row < 0:  # dropped onto a row rather than between rows: before it; on empty space: at the end
            row = parent.row() if parent.isValid() else len(self._rows)
        self.reorder_requested.emit(moved_order([m.id for m in self._rows], moved, row))
        return False  # the view must not remove the dragged rows: the reload after the write shows the order


def moved_order(ids: list[str], moved: list[str], row: int) -> list[str]:
    """The ids with `moved` taken out and put back before position `row` of the original list."""
    before = [i for i in ids[:row] if i not in moved]
    after = [i for i in ids[row:] if i not in moved]
    return before + [i for i in ids if i in moved] + after


class EndingModel(QAbstractTableModel):
    """The current members, each with a "Kết thúc" checkbox and a role that can be changed (a member given
    another role by the decision: one step, not ending and adding them again), for the reorganisation dialog."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Columns", "Kết thúc"),
        QT_TRANSLATE_NOOP("Columns", "Họ và tên"),
        QT_TRANSLATE_NOOP("Columns", "Chức danh trong Ban"),
        QT_TRANSLATE_NOOP("Columns", "Chức vụ, đơn vị"),
    )

    def __init__(self, members: Sequence[MemberData], ending: Sequence[str] = (), parent=None):
        super().__init__(parent)
        self._rows = list(members)
        self._ending = set(ending)
        self._new_roles: dict[str, str] = {}

    def ending_ids(self) -> list[str]:
        return [m.id for m in self._rows if m.id in self._ending]

    def role_changes(self) -> dict[str, str]:
        """Membership id → new role, for members kept (not ended) whose role the user changed."""
        return {i: role for i, role in self._new_roles.items() if i not in self._ending}

    def row_at(self, row: int) -> MemberData:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.isValid() and index.column() == 2:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if column == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if m.id in self._ending else Qt.CheckState.Unchecked
        if column == 2 and role == Qt.ItemDataRole.EditRole:
            return self._new_roles.get(m.id, m.role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            name = m.full_name or QCoreApplication.translate("RosterModel", "(chưa ghi tên)")
            new_role = self._new_roles.get(m.id)
            roles = f"{role_label(m)} → {label(BOARD_ROLE_LABELS, new_role)}" if new_role else role_label(m)
            return ("", name, roles, m.position or "")[column]
        if column == 2 and role == Qt.ItemDataRole.FontRole and m.id in self._new_roles:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == 2 and role == Qt.ItemDataRole.EditRole:
            member = self._rows[index.row()]
            if value == member.role:
                self._new_roles.pop(member.id, None)
            else:
                self._new_roles[member.id] = value
            self.dataChanged.emit(index, index)
            return True
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        member_id = self._rows[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._ending.add(member_id)
        else:
            self._ending.discard(member_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", self.HEADERS[section])
        return None


def _end_text(m: MemberData) -> str:
    return format_date(m.end_date) if m.end_date else QCoreApplication.translate("RosterModel", "nay")


# A person's record of board roles (history view).
PERSON_HISTORY_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Từ ngày"), lambda m: format_date(m.start_date), width=96),
    Column(QT_TRANSLATE_NOOP("Columns", "Đến ngày"), _end_text, width=96),
    Column(QT_TRANSLATE_NOOP("Columns", "Chức danh trong Ban"), role_label, width=200),
    Column(QT_TRANSLATE_NOOP("Columns", "Ban Chỉ huy"), lambda m: m.board_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Quyết định bổ nhiệm"), lambda m: m.start_decision_number or "", width=140),
    Column(QT_TRANSLATE_NOOP("Columns", "Quyết định kết thúc"), lambda m: m.end_decision_number or "", width=140),
]

DECISION_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Số, ký hiệu"), lambda d: d.number_symbol, width=150),
    Column(QT_TRANSLATE_NOOP("Columns", "Ngày ký"), lambda d: format_date(d.issued_on), width=96),
    Column(QT_TRANSLATE_NOOP("Columns", "Loại"), lambda d: label(DECISION_KIND_LABELS, d.kind), width=96),
    Column(QT_TRANSLATE_NOOP("Columns", "Trích yếu"), lambda d: d.summary or ""),
    Column(QT_TRANSLATE_NOOP("Columns", "Cấp ban hành"), lambda d: d.issued_by or "", width=170),
    Column(QT_TRANSLATE_NOOP("Columns", "Bản quét"), lambda d: d.attachment_filename or "", width=150),
]


def decision_search_text(d: DecisionData):
    return d.number_symbol, d.summary, d.issued_by, d.signer_name


def decision_text(snapshot: RosterSnapshot) -> str:
    """The decision a roster is in force by, as the screen's headings cite it."""
    if snapshot.decision is None:
        return QCoreApplication.translate("RosterView", "Chưa có quyết định thành lập.")
    return QCoreApplication.translate("RosterView", "Theo %1").replace("%1", snapshot.decision.citation)
