"""What every view is given (`ViewContext`). Views import this, never the areas registry that imports them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ptds_desktop.config import Settings
from ptds_desktop.db.database import Database
from ptds_desktop.gui.folder_sync import FolderSyncRunner
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
    folder_sync: FolderSyncRunner  # the sync folder's schedule, running while the window is open
