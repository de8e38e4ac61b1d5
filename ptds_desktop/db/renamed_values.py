"""Values a later schema renamed, as an office on an earlier release still writes them: data files and sync
changes from such an office are read through this one mapping, kept beside the migrations that renamed them.
A renamed value is outside the current vocabulary, so upgrading it whatever the sender's release is safe."""

from __future__ import annotations

from typing import Any

# (table, column) -> {old value: new value}
RENAMED_VALUES: dict[tuple[str, str], dict[str, str]] = {
    ("invitees", "status"): {"pending": "invited"},  # 0004_conferences
}


def upgrade_value(table: str, column: str, value: Any) -> Any:
    """`value` as the current schema spells it."""
    renames = RENAMED_VALUES.get((table, column))
    if renames is None or not isinstance(value, str):
        return value
    return renames.get(value, value)
