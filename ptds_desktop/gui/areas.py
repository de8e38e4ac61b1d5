"""The areas of the main window, in navigation order: the registry of screens, above every view.

To add a screen, write its view (a QWidget taking a ViewContext, see organizations.py) and append one line to
AREAS below, with a function that imports the view. Views import `gui.context`, never this module. Only areas
that work are listed: the navigation never shows an empty screen.

Each view module is imported when its area is first shown, not when the window starts (issue #13): the window
paints its navigation before any view, service or storage module is loaded, and an area never visited costs
nothing. These functions are the one place views are imported lazily (tests/test_layers.py allows it here).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QStyle, QWidget

if TYPE_CHECKING:
    from ptds_desktop.gui.context import ViewContext


@dataclasses.dataclass(frozen=True)
class Area:
    key: str
    title: str  # source text marked with QT_TRANSLATE_NOOP("Areas", …)
    icon: QStyle.StandardPixmap
    create: Callable[[ViewContext], QWidget]  # imports the view's module, then builds the view


def _organizations(context: ViewContext) -> QWidget:
    from ptds_desktop.gui.organizations import OrganizationsView

    return OrganizationsView(context)


def _roster(context: ViewContext) -> QWidget:
    from ptds_desktop.gui.roster.view import RosterView

    return RosterView(context)


def _tasks(context: ViewContext) -> QWidget:
    from ptds_desktop.gui.tasks.view import TasksView

    return TasksView(context)


def _conferences(context: ViewContext) -> QWidget:
    from ptds_desktop.gui.conferences.view import ConferencesView

    return ConferencesView(context)


def _sync(context: ViewContext) -> QWidget:
    from ptds_desktop.gui.sync_view import SyncView

    return SyncView(context)


def _documents(context: ViewContext) -> QWidget:
    from ptds_desktop.gui.document_settings import DocumentSettingsView

    return DocumentSettingsView(context)


AREAS: list[Area] = [
    Area("organizations", QT_TRANSLATE_NOOP("Areas", "Cơ quan, đơn vị"), QStyle.StandardPixmap.SP_DirHomeIcon,
         _organizations),
    Area("roster", QT_TRANSLATE_NOOP("Areas", "Ban Chỉ huy"), QStyle.StandardPixmap.SP_FileDialogListView, _roster),
    Area("tasks", QT_TRANSLATE_NOOP("Areas", "Nhiệm vụ"), QStyle.StandardPixmap.SP_FileDialogContentsView, _tasks),
    Area("conferences", QT_TRANSLATE_NOOP("Areas", "Hội nghị"), QStyle.StandardPixmap.SP_FileDialogInfoView,
         _conferences),
    Area("sync", QT_TRANSLATE_NOOP("Areas", "Đồng bộ"), QStyle.StandardPixmap.SP_BrowserReload, _sync),
    Area("documents", QT_TRANSLATE_NOOP("Areas", "Thiết lập văn bản"), QStyle.StandardPixmap.SP_FileDialogDetailedView,
         _documents),
]

