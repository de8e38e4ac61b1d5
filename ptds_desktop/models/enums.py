"""Closed vocabularies stored as short codes, each declared once with its Vietnamese labels.

A column holding one (`models.base.coded`) gets its CHECK constraint generated from the vocabulary, and the
data-file checks and the interfaces read the codes and labels from here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping


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
        """The Vietnamese label, or the code itself when it is not (yet) known here."""
        return self._labels.get(code, code)

    def check_sql(self, column: str) -> str:
        """The CHECK condition the database enforces on a column holding one of these codes."""
        quoted = ", ".join("'" + code.replace("'", "''") + "'" for code in self._labels)
        return f"{column} IN ({quoted})"

OFFICE_LEVELS = Vocabulary({"province": "Tỉnh", "commune": "Xã, phường", "department": "Sở, ngành"})

ORG_KINDS = Vocabulary({
    "people_committee": "Ủy ban nhân dân",
    "department": "Sở, ban, ngành",
    "party": "Cơ quan Đảng",
    "front": "Mặt trận, đoàn thể",
    "military": "Quân sự",
    "police": "Công an",
    "press": "Báo chí",
    "group": "Nhóm cơ quan",
    "other": "Khác",
})

# Order matters: the roster is sorted by role rank, then by the member's order.
BOARD_ROLES = Vocabulary({
    "head": "Trưởng ban",
    "standing_deputy": "Phó Trưởng ban thường trực",
    "deputy": "Phó Trưởng ban",
    "standing_member": "Ủy viên thường trực",
    "member": "Ủy viên",
})
BOARD_ROLE_RANK = {code: rank for rank, code in enumerate(BOARD_ROLES)}

DECISION_KINDS = Vocabulary({"establish": "Thành lập", "reorganize": "Kiện toàn", "other": "Khác"})

# Kinds of document an office issues, each with its own issuing body, signer and recipients by default.
DOCUMENT_KINDS = Vocabulary({
    "decision": "Quyết định kiện toàn Ban Chỉ huy",
    "list": "Danh sách, phân công nhiệm vụ thành viên",
    "plan": "Kế hoạch, chương trình",
    "invitation": "Giấy mời",
})

PLAN_KINDS = Vocabulary({"KH": "Kế hoạch", "CTr": "Chương trình hành động", "QĐ": "Quyết định ban hành kế hoạch"})

TASK_AGENCY_ROLES = Vocabulary({
    "directing": "Cơ quan chỉ đạo",
    "lead_advisory": "Cơ quan chủ trì tham mưu",
    "lead": "Cơ quan chủ trì",
    "coordinating": "Cơ quan phối hợp",
    "implementing": "Cơ quan tổ chức thực hiện",
})

TIMEFRAME_KINDS = Vocabulary({
    "ongoing": "Thường xuyên",
    "yearly": "Hằng năm",
    "periodic": "Định kỳ",
    "quarter": "Quý",
    "year": "Năm",
    "date": "Ngày",
    "phases": "Theo giai đoạn",
    "when_planned": "Khi có kế hoạch",
    "text": "Khác",
})

PROGRESS_STATUSES = Vocabulary({"not_started": "Chưa thực hiện", "in_progress": "Đang thực hiện", "done": "Hoàn thành",
    "blocked": "Vướng mắc"})

CONFERENCE_FORMATS = Vocabulary({"in_person": "Trực tiếp", "online": "Trực tuyến",
    "hybrid": "Trực tiếp kết hợp trực tuyến"})
VENUE_KINDS = Vocabulary({"main": "Điểm cầu chính", "bridge": "Điểm cầu"})
INVITE_MODES = Vocabulary({"invited": "Kính mời", "summoned": "Triệu tập"})
INVITE_STATUSES = Vocabulary({"invited": "Đã mời", "confirmed": "Xác nhận dự", "declined": "Báo vắng",
    "attended": "Có mặt"})

