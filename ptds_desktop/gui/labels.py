"""Labels of the core's closed vocabularies (models/enums.py), marked so lupdate offers them for translation.

Each `<NAME>_LABELS` here equals the core's `enums.<NAME>S` exactly (tests/gui/test_gui_generated_files.py checks
every one); `label(ORG_KIND_LABELS, code)` returns the label in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

OFFICE_LEVEL_LABELS = {
    "province": QT_TRANSLATE_NOOP("Labels", "Tỉnh"),
    "commune": QT_TRANSLATE_NOOP("Labels", "Xã, phường"),
    "department": QT_TRANSLATE_NOOP("Labels", "Sở, ngành"),
}

ORG_KIND_LABELS = {
    "people_committee": QT_TRANSLATE_NOOP("Labels", "Ủy ban nhân dân"),
    "department": QT_TRANSLATE_NOOP("Labels", "Sở, ban, ngành"),
    "party": QT_TRANSLATE_NOOP("Labels", "Cơ quan Đảng"),
    "front": QT_TRANSLATE_NOOP("Labels", "Mặt trận, đoàn thể"),
    "military": QT_TRANSLATE_NOOP("Labels", "Quân sự"),
    "police": QT_TRANSLATE_NOOP("Labels", "Công an"),
    "press": QT_TRANSLATE_NOOP("Labels", "Báo chí"),
    "group": QT_TRANSLATE_NOOP("Labels", "Nhóm cơ quan"),
    "other": QT_TRANSLATE_NOOP("Labels", "Khác"),
}

CONFERENCE_FORMAT_LABELS = {
    "in_person": QT_TRANSLATE_NOOP("Labels", "Trực tiếp"),
    "online": QT_TRANSLATE_NOOP("Labels", "Trực tuyến"),
    "hybrid": QT_TRANSLATE_NOOP("Labels", "Trực tiếp kết hợp trực tuyến"),
}

VENUE_KIND_LABELS = {
    "main": QT_TRANSLATE_NOOP("Labels", "Điểm cầu chính"),
    "bridge": QT_TRANSLATE_NOOP("Labels", "Điểm cầu"),
}

INVITE_MODE_LABELS = {
    "invited": QT_TRANSLATE_NOOP("Labels", "Kính mời"),
    "summoned": QT_TRANSLATE_NOOP("Labels", "Triệu tập"),
}

INVITE_STATUS_LABELS = {
    "invited": QT_TRANSLATE_NOOP("Labels", "Đã mời"),
    "confirmed": QT_TRANSLATE_NOOP("Labels", "Xác nhận dự"),
    "declined": QT_TRANSLATE_NOOP("Labels", "Báo vắng"),
    "attended": QT_TRANSLATE_NOOP("Labels", "Có mặt"),
}

BOARD_ROLE_LABELS = {
    "head": QT_TRANSLATE_NOOP("Labels", "Trưởng ban"),
    "standing_deputy": QT_TRANSLATE_NOOP("Labels", "Phó Trưởng ban thường trực"),
    "deputy": QT_TRANSLATE_NOOP("Labels", "Phó Trưởng ban"),
    "standing_member": QT_TRANSLATE_NOOP("Labels", "Ủy viên thường trực"),
    "member": QT_TRANSLATE_NOOP("Labels", "Ủy viên"),
}

DECISION_KIND_LABELS = {
    "establish": QT_TRANSLATE_NOOP("Labels", "Thành lập"),
    "reorganize": QT_TRANSLATE_NOOP("Labels", "Kiện toàn"),
    "other": QT_TRANSLATE_NOOP("Labels", "Khác"),
}

DOCUMENT_KIND_LABELS = {
    "decision": QT_TRANSLATE_NOOP("Labels", "Quyết định kiện toàn Ban Chỉ huy"),
    "list": QT_TRANSLATE_NOOP("Labels", "Danh sách, phân công nhiệm vụ thành viên"),
    "plan": QT_TRANSLATE_NOOP("Labels", "Kế hoạch, chương trình"),
    "invitation": QT_TRANSLATE_NOOP("Labels", "Giấy mời"),
}


def label(labels: dict[str, str], code: str) -> str:
    source = labels.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code

TASK_AGENCY_ROLE_LABELS = {
    "directing": QT_TRANSLATE_NOOP("Labels", "Cơ quan chỉ đạo"),
    "lead_advisory": QT_TRANSLATE_NOOP("Labels", "Cơ quan chủ trì tham mưu"),
    "lead": QT_TRANSLATE_NOOP("Labels", "Cơ quan chủ trì"),
    "coordinating": QT_TRANSLATE_NOOP("Labels", "Cơ quan phối hợp"),
    "implementing": QT_TRANSLATE_NOOP("Labels", "Cơ quan tổ chức thực hiện"),
}

TIMEFRAME_KIND_LABELS = {
    "ongoing": QT_TRANSLATE_NOOP("Labels", "Thường xuyên"),
    "yearly": QT_TRANSLATE_NOOP("Labels", "Hằng năm"),
    "periodic": QT_TRANSLATE_NOOP("Labels", "Định kỳ"),
    "quarter": QT_TRANSLATE_NOOP("Labels", "Quý"),
    "year": QT_TRANSLATE_NOOP("Labels", "Năm"),
    "date": QT_TRANSLATE_NOOP("Labels", "Ngày"),
    "phases": QT_TRANSLATE_NOOP("Labels", "Theo giai đoạn"),
    "when_planned": QT_TRANSLATE_NOOP("Labels", "Khi có kế hoạch"),
    "text": QT_TRANSLATE_NOOP("Labels", "Khác"),
}

PROGRESS_STATUS_LABELS = {
    "not_started": QT_TRANSLATE_NOOP("Labels", "Chưa thực hiện"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "Đang thực hiện"),
    "done": QT_TRANSLATE_NOOP("Labels", "Hoàn thành"),
    "blocked": QT_TRANSLATE_NOOP("Labels", "Vướng mắc"),
}
# A task's overall state when no office has reported yet (services.progress.OVERALL_STATUSES).
NOT_REPORTED_LABEL: str = QT_TRANSLATE_NOOP("Labels", "Chưa báo cáo")

PLAN_KIND_LABELS = {
    "KH": QT_TRANSLATE_NOOP("Labels", "Kế hoạch"),
    "CTr": QT_TRANSLATE_NOOP("Labels", "Chương trình hành động"),
    "QĐ": QT_TRANSLATE_NOOP("Labels", "Quyết định ban hành kế hoạch"),
}
