"""The areas of the main window, in navigation order: the registry of screens, above every view.

To add a screen, write its view (a QWidget taking a ViewContext, see organizations.py) and append one line to
AREAS below. Views import `gui.context`, never this module. Only areas that work are listed: the navigation
never shows an empty screen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QStyle, QWidget

from ptds_desktop.gui.conferences.view import ConferencesView
from ptds_desktop.gui.context import ViewContext
from ptds_desktop.gui.document_settings import DocumentSettingsView
from ptds_desktop.gui.organizations import OrganizationsView
from ptds_desktop.gui.roster.view import RosterView
from ptds_desktop.gui.sync_view import SyncView
from ptds_desktop.gui.tasks.view import TasksView


@dataclasses.dataclass(frozen=True)
class Area:
    key: str
    title: str  # source text marked with QT_TRANSLATE_NOOP("Areas", …)
    icon: QStyle.StandardPixmap
    create: Callable[[ViewContext], QWidget]


AREAS: list[Area] = [
    Area("organizations", QT_TRANSLATE_NOOP("Areas", "Cơ quan, đơn vị"), QStyle.StandardPixmap.SP_DirHomeIcon,
         OrganizationsView),
    Area("roster", QT_TRANSLATE_NOOP("Areas", "Ban Chỉ huy"), QStyle.StandardPixmap.SP_FileDialogListView, RosterView),
    Area("tasks", QT_TRANSLATE_NOOP("Areas", "Nhiệm vụ"), QStyle.StandardPixmap.SP_FileDialogContentsView, TasksView),
    Area("conferences", QT_TRANSLATE_NOOP("Areas", "Hội nghị"), QStyle.StandardPixmap.SP_FileDialogInfoView,
         ConferencesView),
    Area("sync", QT_TRANSLATE_NOOP("Areas", "Đồng bộ"), QStyle.StandardPixmap.SP_BrowserReload, SyncView),
    Area("documents", QT_TRANSLATE_NOOP("Areas", "Thiết lập văn bản"), QStyle.StandardPixmap.SP_FileDialogDetailedView,
         DocumentSettingsView),
]
