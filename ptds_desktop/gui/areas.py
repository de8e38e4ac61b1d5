"""The areas of the main window, in navigation order, and what each view is given.

To add a screen, write its view module (see organizations.py) and append one line to AREAS below.
Only areas that work are listed: the navigation never shows an empty screen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QStyle, QWidget

from ptds_desktop.config import Settings
from ptds_desktop.db.database import Database
from ptds_desktop.gui.ops import DatabaseOps, WriteFn
from ptds_desktop.services.offices import OfficeData


@dataclasses.dataclass
class ViewContext:
    """Handed to every view: the data, the worker, and the main window's status bar."""

    db: Database
    ops: DatabaseOps
    office: OfficeData
    show_message: Callable[[str], None]  # a short note in the status bar
    offer_undo: Callable[[str, WriteFn], None]  # note + "Hoàn tác" button and Ctrl+Z running the WriteFn
    settings: Settings  # the main window's copy, saved on close: change this one, then .save()


@dataclasses.dataclass(frozen=True)
class Area:
    key: str
    title: str  # source text marked with QT_TRANSLATE_NOOP("Areas", …)
    icon: QStyle.StandardPixmap
    create: Callable[[ViewContext], QWidget]


def _organizations(ctx: ViewContext) -> QWidget:
    from ptds_desktop.gui.organizations import OrganizationsView

    return OrganizationsView(ctx)


def _roster(ctx: ViewContext) -> QWidget:
    from ptds_desktop.gui.roster import RosterView

    return RosterView(ctx)


def _sync(ctx: ViewContext) -> QWidget:
    from ptds_desktop.gui.sync_view import SyncView

    return SyncView(ctx)


AREAS: list[Area] = [
    Area("organizations", QT_TRANSLATE_NOOP("Areas", "Cơ quan, đơn vị"), QStyle.StandardPixmap.SP_DirHomeIcon,
         _organizations),
    Area("roster", QT_TRANSLATE_NOOP("Areas", "Ban Chỉ huy"), QStyle.StandardPixmap.SP_FileDialogListView, _roster),
    Area("sync", QT_TRANSLATE_NOOP("Areas", "Đồng bộ"), QStyle.StandardPixmap.SP_BrowserReload, _sync),
]
