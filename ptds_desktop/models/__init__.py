"""All models, imported here so the metadata is complete wherever models are used."""

from ptds_desktop.models import sync as _sync_tables  # noqa: F401  (local sync bookkeeping)
from ptds_desktop.models.base import Base, Synced, new_id, synced_tables
from ptds_desktop.models.board import Attachment, BoardMembership, CommandBoard, Decision
from ptds_desktop.models.conference import (
    AgendaItem,
    Conference,
    ConferenceMilestone,
    Invitee,
    ParticipantGroup,
    PreparationDuty,
    Presentation,
    Venue,
)
from ptds_desktop.models.document import DistributionEntry, DocumentSetting, SignatureBlock
from ptds_desktop.models.local import LocalSetting
from ptds_desktop.models.org import Office, Organization, Person
from ptds_desktop.models.plan import Plan, PlanSection, ProgressReport, Task, TaskAgency, TaskAssignment

__all__ = [
    "AgendaItem", "Attachment", "Base", "BoardMembership", "CommandBoard", "Conference", "ConferenceMilestone",
    "Decision", "DistributionEntry", "DocumentSetting", "Invitee", "LocalSetting", "Office", "Organization",
    "ParticipantGroup", "Person",
    "Plan", "PlanSection", "Presentation", "PreparationDuty", "ProgressReport", "SignatureBlock", "Synced",
    "Task", "TaskAgency", "TaskAssignment", "Venue", "new_id", "synced_tables",
]
