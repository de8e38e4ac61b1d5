"""A start loads only what the window needs (issue #13): Alembic only when a migration is due, the renderer
libraries only on the first export, and the window paints before the database side (SQLAlchemy, the models,
the services) and any area's view are loaded. Checked in a fresh interpreter, by the modules it ends up holding."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ptds_desktop.db import database
from ptds_desktop.db.revisions import stated_head
from ptds_desktop.gui.areas import AREAS
from ptds_desktop.launcher import window_only

HEAVY_LIBRARIES = {"sqlalchemy", "alembic", "openpyxl", "reportlab", "docx"}
# The module of each area's view (gui/areas.py imports it when the area is first shown).
VIEW_MODULES = {
    "organizations": "ptds_desktop.gui.organizations",
    "roster": "ptds_desktop.gui.roster.view",
    "tasks": "ptds_desktop.gui.tasks.view",
    "conferences": "ptds_desktop.gui.conferences.view",
    "sync": "ptds_desktop.gui.sync_view",
    "documents": "ptds_desktop.gui.document_settings",
}

PROBE = """
import json, sys
from ptds_desktop.db.database import open_database
import ptds_desktop.gui.app, ptds_desktop.gui.areas, ptds_desktop.cli
db = open_database(sys.argv[1])
loaded = sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'reportlab', 'docx'})
print(json.dumps(loaded))
"""


# `ptds --db FILE gui` as a user starts it, offscreen: the modules held at the window's first paint, and once
# its first area shows its data (then the window closes).
WINDOW_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

seen = {}

def when_loaded(window):
    if getattr(window, "ops", None) is None or not getattr(window.current_view(), "loaded", False):
        QTimer.singleShot(10, lambda: when_loaded(window))
        return
    seen["loaded"] = sorted(sys.modules)
    window.close()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if "painted" not in seen and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            seen["painted"] = sorted(sys.modules)
            QTimer.singleShot(0, lambda: when_loaded(watched))
        return False

app = QApplication(sys.argv[:1])
watch = FirstPaint()
app.installEventFilter(watch)
from ptds_desktop.launcher import main
code = main(["--db", sys.argv[1], "gui"])
print(json.dumps({"code": code, **seen}))
"""


def _libraries(modules: list[str]) -> set[str]:
    return {name.split(".")[0] for name in modules} & HEAVY_LIBRARIES


def _loaded_at_start(db_path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(db_path)], capture_output=True, text=True, check=True,
                         timeout=300)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_head_read_from_the_scripts_is_alembics_head():
    assert stated_head(database.MIGRATIONS) == database.head_revision()


def test_opening_a_database_at_head_loads_neither_alembic_nor_a_renderer(db, db_location):
    db.close()
    assert _loaded_at_start(db_location) == []



@pytest.mark.sqlite_only  # the window's start on a server database is tested in tests/gui
def test_the_window_paints_before_the_database_side_and_builds_only_the_area_shown(db, db_path):
    assert set(VIEW_MODULES) == {area.key for area in AREAS}  # a new area must be listed above
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", WINDOW_PROBE, str(db_path)], capture_output=True, text=True,
                         check=True, timeout=300, env=env)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    painted, loaded = result["painted"], result["loaded"]

    assert _libraries(painted) == set()  # not even SQLAlchemy: the database opens after the first paint
    assert [m for m in painted if m.startswith(("ptds_desktop.models", "ptds_desktop.services", "ptds_desktop.db.",
                                                "ptds_desktop.cli"))] == []
    assert [m for m in VIEW_MODULES.values() if m in painted] == []

    first, *others = [area.key for area in AREAS]
    assert _libraries(loaded) == {"sqlalchemy"}  # no renderer, no Excel library, no Alembic at head
    assert VIEW_MODULES[first] in loaded
    assert [VIEW_MODULES[key] for key in others if VIEW_MODULES[key] in loaded] == []


def test_only_a_plain_start_of_the_window_skips_the_command_line():
    assert window_only([]) == (True, None)
    assert window_only(["gui"]) == (True, None)
    assert window_only(["--db", "tinh.db", "gui"]) == (True, "tinh.db")
    assert window_only(["--db=tinh.db"]) == (True, "tinh.db")
    # Anything else is the command line's to run or explain: options, help, other commands, a missing value.
    for argv in (["gui", "--quit-after", "1"], ["-h"], ["--lang", "en", "gui"], ["roster", "list"], ["--db"]):
        assert window_only(argv)[0] is False, argv
