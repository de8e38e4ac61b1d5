"""A start loads only what the window needs (issue #13): Alembic only when a migration is due, the renderer
libraries only on the first export. Checked in a fresh interpreter, by the modules it ends up holding."""

from __future__ import annotations

import json
import subprocess
import sys

from ptds_desktop.db import database
from ptds_desktop.db.revisions import stated_head

PROBE = """
import json, sys
from ptds_desktop.db.database import open_database
import ptds_desktop.gui.app, ptds_desktop.gui.areas, ptds_desktop.cli
db = open_database(sys.argv[1])
loaded = sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'reportlab', 'docx'})
print(json.dumps(loaded))
"""


def _loaded_at_start(db_path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(db_path)], capture_output=True, text=True, check=True,
                         timeout=300)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_head_read_from_the_scripts_is_alembics_head():
    assert stated_head(database.MIGRATIONS) == database.head_revision()


def test_opening_a_database_at_head_loads_neither_alembic_nor_a_renderer(db, db_path):
    db.close()
    assert _loaded_at_start(db_path) == []

