"""The head revision of the migration scripts, read from their text without Alembic.

Importing Alembic and loading its script directory cost about 0.3 s (much more on a busy laptop); a start only
needs to know whether the stored revision is the head. `db.database` asks this module first and loads Alembic
only when they differ (a migration is due) or when the scripts do not state one plain chain.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path


def _stated(path: Path) -> tuple[str, str | None] | None:
    """(revision, down_revision) as the script assigns them, or None when it does not say plainly."""
    values: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name = node.target.id
        else:
            continue
        if name in ("revision", "down_revision"):
            try:
                values[name] = ast.literal_eval(node.value)  # type: ignore[arg-type]
            except ValueError:
                return None
    revision, down = values.get("revision"), values.get("down_revision")
    if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
        return None  # a merge revision (a tuple) or something unusual: let Alembic read it
    return revision, down


@functools.cache
def stated_head(folder: Path) -> str | None:
    """The one revision no other script builds on, when the scripts in `folder`/versions form one chain."""
    chain = [_stated(path) for path in sorted((folder / "versions").glob("*.py")) if path.name != "__init__.py"]
    if not chain or any(link is None for link in chain):
        return None
    revisions = {link[0] for link in chain if link}
    downs = {link[1] for link in chain if link}
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 and len(revisions) == len(chain) else None
