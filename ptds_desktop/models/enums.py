"""Closed vocabularies stored as short codes (with CHECK constraints) and their Vietnamese labels."""

from __future__ import annotations

OFFICE_LEVELS = {"province": "Tỉnh", "commune": "Xã, phường", "department": "Sở, ngành"}

ORG_KINDS = {
    "people_committee": "Ủy ban nhân dân",
    "department": "Sở, ban, ngành",
    "party": "Cơ quan Đảng",
    "front": "Mặt trận, đoàn thể",
    "military": "Quân sự",
    "police": "Công an",
    "press": "Báo chí",
    "group": "Nhóm cơ quan",
    "other": "Khác",
}

# Order matters: the roster is sorted by role rank, then by the member's order.
BOARD_ROLES = {
    "head": "Trưởng ban",
    "standing_deputy": "Phó Trưởng ban thường trực",
    "deputy": "Phó Trưởng ban",
    "standing_member": "Ủy viên thường trực",
    "member": "Ủy viên",
}
BOARD_ROLE_RANK = {code: rank for rank, code in enumerate(BOARD_ROLES)}

DECISION_KINDS = {"establish": "Thành lập", "reorganize": "Kiện toàn", "other": "Khác"}

PLAN_KINDS = {"KH": "Kế hoạch", "CTr": "Chương trình hành động", "QĐ": "Quyết định ban hành kế hoạch"}

TASK_AGENCY_ROLES = {
    "directing": "Cơ quan chỉ đạo",
    "lead_advisory": "Cơ quan chủ trì tham mưu",
    "lead": "Cơ quan chủ trì",
    "coordinating": "Cơ quan phối hợp",
    "implementing": "Cơ quan tổ chức thực hiện",
}

TIMEFRAME_KINDS = {
    "ongoing": "Thường xuyên",
    "yearly": "Hằng năm",
    "periodic": "Định kỳ",
    "quarter": "Quý",
    "year": "Năm",
    "date": "Ngày",
    "phases": "Theo giai đoạn",
    "when_planned": "Khi có kế hoạch",
    "text": "Khác",
}

PROGRESS_STATUSES = {"not_started": "Chưa thực hiện", "in_progress": "Đang thực hiện", "done": "Hoàn thành", "blocked": "Vướng mắc"}

CONFERENCE_FORMATS = {"in_person": "Trực tiếp", "online": "Trực tuyến", "hybrid": "Trực tiếp kết hợp trực tuyến"}
VENUE_KINDS = {"main": "Điểm cầu chính", "bridge": "Điểm cầu"}
INVITE_MODES = {"invited": "Kính mời", "summoned": "Triệu tập"}
INVITE_STATUSES = {"pending": "Chưa xác nhận", "confirmed": "Xác nhận", "declined": "Từ chối", "attended": "Có mặt"}


def check_in(column: str, values) -> str:
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"{column} IN ({quoted})"
