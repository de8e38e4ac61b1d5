"""Closed vocabularies stored as short codes, each declared once with its Vietnamese labels.

A column holding one (`models.base.coded`) gets its CHECK constraint generated from the vocabulary, and the
data-file checks and the interfaces read the codes and labels from here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ptds_desktop.i18n import QT_TRANSLATE_NOOP, translate


class Vocabulary(Mapping[str, str]):
    """Codes in display order (the order is meaningful: roles sort by it), each with its Vietnamese label."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self._labels = dict(labels)

    def __getitem__(self, code: str) -> str:
        return self._labels[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __repr__(self) -> str:
        return f"Vocabulary({self._labels!r})"

    def label(self, code: str) -> str:
        """The Vietnamese label (documents), or the code itself when it is not (yet) known here."""
        return self._labels.get(code, code)

    def translated(self, code: str) -> str:
        """The label in the interface language (messages, the CLI; the GUI's labels.label does the same)."""
        return translate("Labels", self._labels[code]) if code in self._labels else code

    def check_sql(self, column: str) -> str:
        """The CHECK condition the database enforces on a column holding one of these codes."""
        quoted = ", ".join("'" + code.replace("'", "''") + "'" for code in self._labels)
        return f"{column} IN ({quoted})"


OFFICE_LEVELS = Vocabulary({
    "province": QT_TRANSLATE_NOOP("Labels", "Tỉnh"),
    "commune": QT_TRANSLATE_NOOP("Labels", "Xã, phường"),
    "department": QT_TRANSLATE_NOOP("Labels", "Sở, ngành"),
})

ORG_KINDS = Vocabulary({
    "people_committee": QT_TRANSLATE_NOOP("Labels", "Ủy ban nhân dân"),
    "department": QT_TRANSLATE_NOOP("Labels", "Sở, ban, ngành"),
    "party": QT_TRANSLATE_NOOP("Labels", "Cơ quan Đảng"),
    "front": QT_TRANSLATE_NOOP("Labels", "Mặt trận, đoàn thể"),
    "military": QT_TRANSLATE_NOOP("Labels", "Quân sự"),
    "police": QT_TRANSLATE_NOOP("Labels", "Công an"),
    "press": QT_TRANSLATE_NOOP("Labels", "Báo chí"),
    "group": QT_TRANSLATE_NOOP("Labels", "Nhóm cơ quan"),
    "other": QT_TRANSLATE_NOOP("Labels", "Khác"),
})

# Order matters: the roster is sorted by role rank, then by the member's order.
BOARD_ROLES = Vocabulary({
    "head": QT_TRANSLATE_NOOP("Labels", "Trưởng ban"),
    "standing_deputy": QT_TRANSLATE_NOOP("Labels", "Phó Trưởng ban thường trực"),
    "deputy": QT_TRANSLATE_NOOP("Labels", "Phó Trưởng ban"),
    "standing_member": QT_TRANSLATE_NOOP("Labels", "Ủy viên thường trực"),
    "member": QT_TRANSLATE_NOOP("Labels", "Ủy viên"),
})
BOARD_ROLE_RANK = {code: rank for rank, code in enumerate(BOARD_ROLES)}

DECISION_KINDS = Vocabulary({
    "establish": QT_TRANSLATE_NOOP("Labels", "Thành lập"),
    "reorganize": QT_TRANSLATE_NOOP("Labels", "Kiện toàn"),
    "other": QT_TRANSLATE_NOOP("Labels", "Khác"),
})

# Kinds of document an office issues, each with its own issuing body, signer and recipients by default.
DOCUMENT_KINDS = Vocabulary({
    "decision": QT_TRANSLATE_NOOP("Labels", "Quyết định kiện toàn Ban Chỉ huy"),
    "list": QT_TRANSLATE_NOOP("Labels", "Danh sách, phân công nhiệm vụ thành viên"),
    "plan": QT_TRANSLATE_NOOP("Labels", "Kế hoạch, chương trình"),
    "invitation": QT_TRANSLATE_NOOP("Labels", "Giấy mời"),
})

PLAN_KINDS = Vocabulary({
    "KH": QT_TRANSLATE_NOOP("Labels", "Kế hoạch"),
    "CTr": QT_TRANSLATE_NOOP("Labels", "Chương trình hành động"),
    "QĐ": QT_TRANSLATE_NOOP("Labels", "Quyết định ban hành kế hoạch"),
})

TASK_AGENCY_ROLES = Vocabulary({
    "directing": QT_TRANSLATE_NOOP("Labels", "Cơ quan chỉ đạo"),
    "lead_advisory": QT_TRANSLATE_NOOP("Labels", "Cơ quan chủ trì tham mưu"),
    "lead": QT_TRANSLATE_NOOP("Labels", "Cơ quan chủ trì"),
    "coordinating": QT_TRANSLATE_NOOP("Labels", "Cơ quan phối hợp"),
    "implementing": QT_TRANSLATE_NOOP("Labels", "Cơ quan tổ chức thực hiện"),
})

TIMEFRAME_KINDS = Vocabulary({
    "ongoing": QT_TRANSLATE_NOOP("Labels", "Thường xuyên"),
    "yearly": QT_TRANSLATE_NOOP("Labels", "Hằng năm"),
    "periodic": QT_TRANSLATE_NOOP("Labels", "Định kỳ"),
    "quarter": QT_TRANSLATE_NOOP("Labels", "Quý"),
    "year": QT_TRANSLATE_NOOP("Labels", "Năm"),
    "date": QT_TRANSLATE_NOOP("Labels", "Ngày"),
    "phases": QT_TRANSLATE_NOOP("Labels", "Theo giai đoạn"),
    "when_planned": QT_TRANSLATE_NOOP("Labels", "Khi có kế hoạch"),
    "text": QT_TRANSLATE_NOOP("Labels", "Khác"),
})

PROGRESS_STATUSES = Vocabulary({
    "not_started": QT_TRANSLATE_NOOP("Labels", "Chưa thực hiện"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "Đang thực hiện"),
    "done": QT_TRANSLATE_NOOP("Labels", "Hoàn thành"),
    "blocked": QT_TRANSLATE_NOOP("Labels", "Vướng mắc"),
})

CONFERENCE_FORMATS = Vocabulary({
    "in_person": QT_TRANSLATE_NOOP("Labels", "Trực tiếp"),
    "online": QT_TRANSLATE_NOOP("Labels", "Trực tuyến"),
    "hybrid": QT_TRANSLATE_NOOP("Labels", "Trực tiếp kết hợp trực tuyến"),
})
VENUE_KINDS = Vocabulary({
    "main": QT_TRANSLATE_NOOP("Labels", "Điểm cầu chính"),
    "bridge": QT_TRANSLATE_NOOP("Labels", "Điểm cầu"),
})
INVITE_MODES = Vocabulary({
    "invited": QT_TRANSLATE_NOOP("Labels", "Kính mời"),
    "summoned": QT_TRANSLATE_NOOP("Labels", "Triệu tập"),
})
INVITE_STATUSES = Vocabulary({
    "invited": QT_TRANSLATE_NOOP("Labels", "Đã mời"),
    "confirmed": QT_TRANSLATE_NOOP("Labels", "Xác nhận dự"),
    "declined": QT_TRANSLATE_NOOP("Labels", "Báo vắng"),
    "attended": QT_TRANSLATE_NOOP("Labels", "Có mặt"),
})

