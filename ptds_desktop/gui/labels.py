"""Labels of the core's closed vocabularies in the interface language.

The vocabularies and their Vietnamese labels are declared once, in models/enums.py, marked there for lupdate
(context "Labels"); the names here are the interface's handles on them. `label(ORG_KIND_LABELS, code)` returns the
label in the interface language.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from ptds_desktop.models import enums
from ptds_desktop.services.progress import OVERALL_STATUSES

CONTEXT = "Labels"

OFFICE_LEVEL_LABELS = enums.OFFICE_LEVELS
ORG_KIND_LABELS = enums.ORG_KINDS
CONFERENCE_FORMAT_LABELS = enums.CONFERENCE_FORMATS
VENUE_KIND_LABELS = enums.VENUE_KINDS
INVITE_MODE_LABELS = enums.INVITE_MODES
INVITE_STATUS_LABELS = enums.INVITE_STATUSES
BOARD_ROLE_LABELS = enums.BOARD_ROLES
DECISION_KIND_LABELS = enums.DECISION_KINDS
DOCUMENT_KIND_LABELS = enums.DOCUMENT_KINDS
TASK_AGENCY_ROLE_LABELS = enums.TASK_AGENCY_ROLES
TIMEFRAME_KIND_LABELS = enums.TIMEFRAME_KINDS
PROGRESS_STATUS_LABELS = enums.PROGRESS_STATUSES
PLAN_KIND_LABELS = enums.PLAN_KINDS
# A task's overall state when no office has reported yet.
NOT_REPORTED_LABEL: str = OVERALL_STATUSES["not_reported"]


def label(labels: Mapping[str, str], code: str) -> str:
    source = labels.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code
