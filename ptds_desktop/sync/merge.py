"""Applying received changes: per-field last-writer-wins by (hlc, origin), deterministic conflicts,
authority, and pending changes whose row or parent row has not arrived yet.

Everything here is Core SQL on one connection inside the caller's transaction: no ORM event fires,
so applied changes are never captured again, and they keep their own stamps.

The result is a function of the *set* of changes received, whatever the order, batching, duplicates:
- a field holds the value of its change with the greatest (hlc, origin);
- a change that is not the winner is a conflict unless some change declared it had seen it
  (its base stamp, or a resolution marker) — a value someone overwrote without seeing it is kept;
- on a deleted row, a field whose winning change is newer than what the deleter saw is a
  'delete' conflict (an edit concurrent with the delete);
- a row with a purge marker (sync.purge) is gone, whatever else was said of it, before or after.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from ptds_desktop.db.capture import CLOCK_UPSERT, SEEN_INSERT
from ptds_desktop.db.changes import record_changes
from ptds_desktop.db.engine import defer_foreign_keys, sql_contains_bytes
from ptds_desktop.db.synced import (
    CREATION,
    ENROLLER_FIELDS,
    META_FIELDS,
    NO_CONFLICT_FIELDS,
    PURGE_MARKER,
    SEEN_MARKER,
    delete_conflicts,
    may_change,
    office_parents,
    tables,
)

# A change: (origin, seq, tbl, row_id, field, value, hlc, base_hlc, base_origin)
Change = tuple[Any, ...]
ORIGIN, SEQ, TBL, ROW, FIELD, VALUE, HLC, BASE_HLC, BASE_ORIGIN = range(9)
CHUNK = 900


@dataclasses.dataclass
class MergeStats:
    inserts: Counter[str] = dataclasses.field(default_factory=Counter)
    updates: Counter[str] = dataclasses.field(default_factory=Counter)
    deletes: Counter[str] = dataclasses.field(default_factory=Counter)
    conflicts: Counter[str] = dataclasses.field(default_factory=Counter)
    rejected: list[Any] = dataclasses.field(default_factory=list)  # (origin, seq, tbl, row_id, field, reason)
    pending: int = 0
    applied: int = 0
    held: Counter[str] = dataclasses.field(default_factory=Counter)  # origin -> changes stamped too far ahead
    newest_accepted: int = 0  # greatest stamp applied: the only stamps the local clock observes
    purged: int = 0  # rows removed by a purge marker
    dropped: int = 0  # changes of rows purged before: nothing brings them back


_row_key = itemgetter(TBL, ROW)
_stamp = itemgetter(HLC)
_origin = itemgetter(ORIGIN)
_field = itemgetter(FIELD)


@functools.cache
def _known_fields() -> dict[str, frozenset[str]]:
    """Per synced table, the fields a change may name (the seen marker too, and the purge marker but for offices)."""
    return {name: frozenset((*info.fields, SEEN_MARKER, *((PURGE_MARKER,) if name != "offices" else ())))
            for name, info in tables().items()}


def _chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _load_rows(conn: Connection, tbl: str, ids: list[Any]) -> dict[Any, Any]:
    rows = {}
    for part in _chunks(ids):
        cursor = conn.exec_driver_sql(f"SELECT * FROM {tbl} WHERE id IN ({','.join('?' * len(part))})", tuple(part))
        names = list(cursor.keys())
        for values in cursor.fetchall():
            row = dict(zip(names, values))
            rows[row["id"]] = row
    return rows


def _existing_ids(conn: Connection, tbl: str, ids: list[Any]) -> set[Any]:
    found: set[Any] = set()
    for part in _chunks(ids):
        found.update(
            r[0] for r in conn.exec_driver_sql(f"SELECT id FROM {tbl} WHERE id IN ({','.join('?' * len(part))})",
                tuple(part))
        )
    return found


def _load_by_rows(conn: Connection, sql: str, tbl: str, ids: list[Any]) -> list[Any]:
    result: list[Any] = []
    for part in _chunks(ids):
        result.extend(conn.exec_driver_sql(sql.format(marks=",".join("?" * len(part))), (tbl, *part)).fetchall())
    return result


def _take_pending(conn: Connection) -> list[Any]:
    rows = conn.exec_driver_sql(
        "SELECT origin, seq, tbl, row_id, field, value, hlc, base_hlc, base_origin FROM sync_pending"
    ).fetchall()
    if rows:
        conn.exec_driver_sql("DELETE FROM sync_pending")
    return [(o, s, t, r, f, json.loads(v), h, bh, bo) for o, s, t, r, f, v, h, bh, bo in rows]


def _depth(office: Any, parents: dict[str, Any]) -> int:
    """How far an office is from the root of the tree (an office whose line is unknown here counts as far)."""
    depth, seen = 0, set()
    while office is not None and office not in seen:
        if office not in parents:
            return 1000 + depth
        seen.add(office)
        office = parents[office]
        depth += 1
    return depth


def _row_history(conn: Connection, tbl: str, row_id: str) -> list[Change]:
    """Every change of one row held here: in stored segments (any origin) and in this office's outbox."""
    result = []
    needle = row_id.encode()
    for origin, body in conn.exec_driver_sql(
            f"SELECT origin, body FROM sync_segments WHERE {sql_contains_bytes(conn, 'body')}", (needle,)):
        records = json.loads("[" + bytes(body).decode("utf-8").strip().replace("\n", ",") + "]")
        for seq, t, r, field, value, hlc, base_hlc, base_origin in records:
            if t == tbl and r == row_id:
                result.append((origin, seq, t, r, field, value, hlc, base_hlc, base_origin))
    office = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key='office_id'").scalar()
    for seq, field, value, hlc, base_hlc, base_origin in conn.exec_driver_sql(
        "SELECT seq, field, value, hlc, base_hlc, base_origin FROM sync_outbox WHERE tbl=? AND row_id=?", (tbl, row_id)
    ):
        result.append((office, seq, tbl, row_id, field, json.loads(value), hlc, base_hlc, base_origin))
    return result


def _purged(conn: Connection, keys: list[Any]) -> set[Any]:
    by_table: dict[Any, list[Any]] = defaultdict(list)
    for tbl, row_id in keys:
        by_table[tbl].append(row_id)
    found: set[Any] = set()
    for tbl, ids in by_table.items():
        found.update((tbl, r[0]) for r in _load_by_rows(
            conn, "SELECT row_id FROM sync_purged WHERE tbl=? AND row_id IN ({marks})", tbl, ids))
    return found


def removable(conn: Connection, keys: set[Any]) -> set[Any]:
    """The rows of `keys` that no remaining row points at: a row pointed at by one that stays, or by one of
    `keys` that stays, stays too (a purge never leaves a dangling reference)."""
    by_table: dict[Any, list[Any]] = defaultdict(list)
    for tbl, row_id in keys:
        by_table[tbl].append(row_id)
    pointed: dict[Any, set[Any]] = defaultdict(set)  # row -> rows pointing at it
    for other, info in tables().items():
        for column, target in info.foreign_keys.items():
            for part in _chunks(by_table.get(target, [])):
                for ref, value in conn.exec_driver_sql(
                    f"SELECT id, {column} FROM {other} WHERE {column} IN ({','.join('?' * len(part))})", tuple(part)
                ):
                    pointed[(target, value)].add((other, ref))
    going = set(keys)
    changed = True
    while changed:
        changed = False
        for key in list(going):
            if pointed[key] - going:
                going.discard(key)
                changed = True
    return going


def purge_rows(conn: Connection, keys: set[Any]) -> int:
    """Remove purged tombstones and everything kept about them, and remember their ids so that a change of one
    arriving late is dropped. A row some remaining row still points at stays as a tombstone (the office that
    purges checks there is none; a row restored here while the purge travelled may have gained one).
    Returns the number of rows removed."""
    if not keys:
        return 0
    defer_foreign_keys(conn)  # rows that go may point at each other
    conn.exec_driver_sql("INSERT INTO sync_purged(tbl, row_id) VALUES (?, ?) ON CONFLICT DO NOTHING", list(keys))
    for table in ("sync_field_clock", "sync_seen", "sync_conflicts", "sync_pending"):
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE tbl=? AND row_id=?", list(keys))
    going = removable(conn, keys)
    for tbl, row_id in keys:
        if (tbl, row_id) in going:
            conn.exec_driver_sql(f"DELETE FROM {tbl} WHERE id=?", (row_id,))
        else:  # kept for what points at it (a row restored here while the purge travelled): deleted, as elsewhere
            conn.exec_driver_sql(f"UPDATE {tbl} SET deleted=1 WHERE id=?", (row_id,))
    record_changes(conn, *{tbl for tbl, _row in keys}, "sync_purged", "sync_field_clock", "sync_seen",
                   "sync_conflicts", "sync_pending")
    return len(going)


def _creation_stamps(conn: Connection, keys: list[Any]) -> dict[Any, Any]:
    result = {}
    by_table: dict[Any, list[Any]] = defaultdict(list)
    for tbl, row_id in keys:
        by_table[tbl].append(row_id)
    for tbl, ids in by_table.items():
        for row_id, hlc, origin in _load_by_rows(
            conn, "SELECT row_id, hlc, origin FROM sync_field_clock WHERE tbl=? AND field='*' AND row_id IN ({marks})",
            tbl, ids,
        ):
            result[(tbl, row_id)] = (hlc, origin)
    return result


def apply_changes(conn: Connection, changes: list[Any], hold_after: int | None = None) -> MergeStats:
    """Merge `changes` (not yet known here) and every stored pending change into the database.
    An allowed change stamped after `hold_after` (a wrong clock elsewhere) is held with the pending changes, not
    applied: it is looked at again at every import, and applies once this computer's clock comes near its stamp."""
    stats = MergeStats()
    infos = tables()
    defer_foreign_keys(conn)  # rows of one batch may reference each other
    work = list(changes) + _take_pending(conn)
    pending: list[Any] = []
    rejected: list[Any] = []

    def reject(change: Change, reason: str) -> None:
        rejected.append((change[ORIGIN], change[SEQ], change[TBL], change[ROW], change[FIELD], reason))

    gone = _purged(conn, list({(c[TBL], c[ROW]) for c in work}))
    by_row: dict[Any, Any] = defaultdict(list)
    known_fields = _known_fields()
    for key, run in itertools.groupby(work, _row_key):  # a segment lists a row's changes one after another
        changes_of_row = list(run)
        if key in gone:
            stats.dropped += len(changes_of_row)
            continue
        fields = known_fields.get(key[0])
        if fields is not None and fields.issuperset(map(_field, changes_of_row)):
            by_row[key].extend(changes_of_row)
            continue
        for change in changes_of_row:
            if fields is None:
                reject(change, f"bảng không có trong phiên bản này: {change[TBL]}")
            elif change[FIELD] == PURGE_MARKER and change[TBL] == "offices":
                reject(change, "không xóa hẳn một văn phòng")
            elif change[FIELD] in fields:
                by_row[key].append(change)
            else:
                reject(change, f"trường không có trong phiên bản này: {change[TBL]}.{change[FIELD]}")

    ids_by_table: dict[Any, Any] = defaultdict(list)
    for tbl, row_id in by_row:
        ids_by_table[tbl].append(row_id)
    existing: dict[Any, Any] = {}
    for tbl, ids in ids_by_table.items():
        for row_id, row in _load_rows(conn, tbl, ids).items():
            existing[(tbl, row_id)] = row

    # Creations: the owner_office_id entry with base 0 names one. Two creations of one id (a copied id, or a
    # hostile office) resolve the same way everywhere, whatever the order they arrive in: the creation by the
    # office nearest the root of the tree wins (a commune cannot take over a province row by back-dating), then
    # the lower (stamp, office). The loser is recorded as a 'create' conflict and none of its creation applies.
    parents = office_parents(conn)
    incoming_creations: dict[Any, dict[Any, Any]] = defaultdict(dict)  # key -> {(hlc, origin): owner}
    for key, row_changes in by_row.items():
        for change in row_changes:
            if change[FIELD] == "owner_office_id" and change[BASE_HLC] == 0:
                incoming_creations[key].setdefault((change[HLC], change[ORIGIN]), change[VALUE])
        if key[0] == "offices" and key not in existing and incoming_creations.get(key):
            for change in row_changes:
                if change[FIELD] == "parent_id" and change[BASE_HLC] == 0:
                    parents.setdefault(key[1], change[VALUE])
    held_creations = _creation_stamps(conn, [k for k in incoming_creations if k in existing])
    for key, found in incoming_creations.items():
        if key in held_creations and set(found) - {held_creations[key]}:
            # Another creation of a row held here: the row may have to be rebuilt from the other creation, so
            # everything ever received or made for it is replayed, as an office receiving it all at once would.
            known = {(c[ORIGIN], c[SEQ]) for c in by_row[key]}
            history = [c for c in _row_history(conn, *key) if (c[ORIGIN], c[SEQ]) not in known]
            by_row[key].extend(history)
            # Creations that lost here before are candidates again: the rebuild drops the row's conflicts, and
            # their 'create' conflicts must come back as an office receiving everything at once records them.
            for change in history:
                if change[FIELD] == "owner_office_id" and change[BASE_HLC] == 0:
                    found.setdefault((change[HLC], change[ORIGIN]), change[VALUE])

    def rank(stamp: tuple[Any, Any]) -> tuple[Any, ...]:
        return (_depth(stamp[1], parents), stamp[0], stamp[1])

    creations: dict[Any, Any] = {}  # key -> winning creation to materialise (a row missing or re-created here)
    lost_creations: dict[Any, list[Any]] = {}  # key -> [(stamp, owner)]
    recreated: dict[Any, Any] = {}  # key -> the creation held here that lost: (stamp, owner)
    owners: dict[Any, Any] = {}
    for key, found in incoming_creations.items():
        candidates = {stamp: owner for stamp, owner in found.items() if may_change(stamp[1], owner, parents)}
        row = existing.get(key)
        held_here = None
        if row is not None:
            held_here = held_creations.get(key)
            if held_here is None:  # written without capture: what is here stays
                candidates = {}
            else:
                candidates[held_here] = row["owner_office_id"]
        if not candidates:
            continue
        winner = min(candidates, key=rank)
        losers = [(stamp, owner) for stamp, owner in candidates.items() if stamp != winner]
        if row is None or winner != held_here:
            creations[key] = winner
            owners[key] = candidates[winner]
            if row is not None:
                recreated[key] = (held_here, row["owner_office_id"])
        if losers:
            lost_creations[key] = losers
            dropped = {stamp for stamp, _owner in losers}
            by_row[key] = [c for c in by_row[key] if not (c[BASE_HLC] == 0 and (c[HLC], c[ORIGIN]) in dropped)]

    # Authority, and which rows can be materialised now.
    accepted: dict[Any, Any] = {}
    for key, row_changes in by_row.items():
        row = existing.get(key)
        if row is None and key not in creations:
            pending.extend(row_changes)
            continue
        owner = owners[key] if key in creations else existing[key]["owner_office_id"]
        keep = []
        verdicts: dict[Any, Any] = {}
        enroller_fields = ENROLLER_FIELDS.get(key[0], ())
        enroller = None
        if enroller_fields:
            enroller = row["created_by"] if row is not None else next(
                (c[VALUE] for c in row_changes if c[FIELD] == "created_by" and (c[HLC], c[ORIGIN]) == creations[key]),
                None)
        origins = set(map(_origin, row_changes))
        for origin in origins:
            verdicts[origin] = may_change(origin, owner, parents)
        if (
            not enroller_fields
            and all(verdicts[o] is True for o in origins)
            and (hold_after is None or max(map(_stamp, row_changes)) <= hold_after)
            and not any(c[BASE_HLC] != 0 and c[FIELD] in META_FIELDS for c in row_changes)
        ):
            keep = list(row_changes)  # the common case: every change allowed, nothing held (the loop below agrees)
            row_changes = []
        for change in row_changes:
            origin = change[ORIGIN]
            verdict = verdicts[origin]
            if change[FIELD] in enroller_fields and origin != enroller:
                reject(change, "chỉ văn phòng đã đăng ký văn phòng này mới được đổi cấp và đơn vị cấp trên của nó")
            elif verdict is None:
                pending.append(change)
            elif not verdict:
                reject(change, "văn phòng gửi không có quyền sửa dòng này")
            elif change[FIELD] in META_FIELDS and change[BASE_HLC] != 0:
                reject(change, f"không được đổi {change[FIELD]}")
            elif hold_after is not None and change[HLC] > hold_after:
                pending.append(change)  # held: a wrong clock elsewhere; looked at again at every import
                stats.held[change[ORIGIN]] += 1
            else:
                keep.append(change)
        if key in creations and not any((c[HLC], c[ORIGIN]) == creations[key] for c in keep):
            if row is None:
                pending.extend(keep)  # the creation itself was refused or is pending
                continue
            del creations[key], recreated[key]  # cannot happen for an allowed creation; keep what is here
        if keep:
            accepted[key] = keep
            stats.newest_accepted = max(stats.newest_accepted, max(map(_stamp, keep)))

    # Foreign keys: a new row, or a change pointing at a row, waits until the target exists.
    creatable = {key for key in accepted if key not in existing or key in recreated}
    targets: dict[Any, Any] = defaultdict(set)
    pointing: dict[Any, list[Change]] = {}  # key -> its changes naming another row: the only ones to check below
    for key, row_changes in accepted.items():
        fks = infos[key[0]].foreign_keys
        if not fks:
            continue
        for change in row_changes:
            target_table = fks.get(change[FIELD])
            if target_table and change[VALUE] is not None:
                targets[target_table].add(change[VALUE])
                pointing.setdefault(key, []).append(change)
    present: set[Any] = set()
    for tbl, ids in targets.items():
        unknown = [i for i in ids if (tbl, i) not in existing and (tbl, i) not in creatable]
        present.update((tbl, i) for i in _existing_ids(conn, tbl, unknown))
        present.update((tbl, i) for i in ids if (tbl, i) in existing)

    def target_ok(change: Change) -> bool:
        target_table = infos[change[TBL]].foreign_keys.get(change[FIELD])
        if target_table is None or change[VALUE] is None:
            return True
        target = (target_table, change[VALUE])
        return target in present or target in creatable

    changed = True
    while changed:
        changed = False
        for key in list(creatable):
            stamp = creations[key]
            if not all(target_ok(c) for c in pointing.get(key, ()) if (c[HLC], c[ORIGIN]) == stamp):
                creatable.discard(key)
                pending.extend(accepted.pop(key))
                recreated.pop(key, None)
                changed = True

    # Stamps declared seen, and current conflicts, of the rows touched.
    touched_existing: dict[Any, Any] = defaultdict(list)
    for tbl, row_id in accepted:
        if (tbl, row_id) in existing:
            touched_existing[tbl].append(row_id)
    clocks: dict[Any, Any] = defaultdict(dict)
    seen: set[Any] = set()
    for tbl, ids in touched_existing.items():
        for row_id, field, hlc, origin, base in _load_by_rows(
            conn,
            "SELECT row_id, field, hlc, origin, base_hlc FROM sync_field_clock WHERE tbl=? AND row_id IN ({marks})",
            tbl,
            ids,
        ):
            clocks[(tbl, row_id)][field] = (hlc, origin, base)
        for row_id, field, hlc, origin in _load_by_rows(
            conn, "SELECT row_id, field, hlc, origin FROM sync_seen WHERE tbl=? AND row_id IN ({marks})", tbl, ids
        ):
            seen.add((tbl, row_id, field, hlc, origin))

    new_seen: list[Any] = []
    new_conflicts: dict[Any, Any] = {}
    gone_conflicts: list[Any] = []
    inserts: dict[Any, Any] = defaultdict(list)
    updates: dict[Any, Any] = defaultdict(list)
    clock_rows: list[Any] = []
    clock_resets: list[Any] = []
    rows_with_delete_check: list[Any] = []
    purge: set[Any] = set()

    def mark_seen(key5: tuple[Any, ...]) -> None:
        if key5 in seen:
            return
        seen.add(key5)
        new_seen.append(key5)
        if new_conflicts.pop(key5, None) is None:
            gone_conflicts.append(key5)

    def conflict(tbl: str, row_id: str, field: str, kind: str, value: Any, stamp: tuple[Any, ...]) -> None:
        key5 = (tbl, row_id, field, stamp[0], stamp[1])
        if key5 not in seen:
            new_conflicts[key5] = kind, value

    for (tbl, row_id), losers in lost_creations.items():
        for stamp, owner in losers:
            conflict(tbl, row_id, "owner_office_id", "create", owner, stamp)
    for (tbl, row_id), (stamp, owner) in recreated.items():
        conflict(tbl, row_id, "owner_office_id", "create", owner, stamp)

    for key in sorted(accepted, key=lambda k: (infos[k[0]].order, k[1])):
        tbl, row_id = key
        info = infos[tbl]
        row_changes = accepted[key]
        row = existing.get(key)
        fields_changed: dict[Any, Any] = {}
        if row is None or key in recreated:
            stamp = creations[key]
            values = {"id": row_id}
            rest = []
            for change in row_changes:
                if (change[HLC], change[ORIGIN]) == stamp and change[BASE_HLC] == 0 and change[FIELD] not in (
                        SEEN_MARKER, PURGE_MARKER):
                    values[change[FIELD]] = change[VALUE]
                else:
                    rest.append(change)
            row_clock = {CREATION: (stamp[0], stamp[1], 0)}
            row_hlc = stamp[0]
            was_deleted = False
            stats.applied += len(row_changes) - len(rest)
            if row is not None:  # re-created from its whole history (replayed above): its conflicts too
                was_deleted = bool(row["deleted"])
                conn.exec_driver_sql("DELETE FROM sync_conflicts WHERE tbl=? AND row_id=?", (tbl, row_id))
        else:
            values = dict(row)
            rest = row_changes
            row_clock = clocks.get(key, {})
            row_hlc = row["hlc"] or 0
            was_deleted = bool(row["deleted"])
        fallback = (row_hlc, "", 0)
        if rest:
            rest.sort(key=lambda c: (c[HLC], c[ORIGIN]))
        for change in rest:
            field = change[FIELD]
            if field == PURGE_MARKER:
                purge.add(key)
                stats.applied += 1
                continue
            if field == SEEN_MARKER:
                marked_field, hlc, origin = change[VALUE]
                mark_seen((tbl, row_id, marked_field, hlc, origin))
                continue
            current = row_clock.get(field) or row_clock.get(CREATION) or fallback
            base = (change[BASE_HLC], change[BASE_ORIGIN])
            if base[0] and field != "deleted":
                # Recorded even when it is the current stamp: that value may still arrive by another path.
                mark_seen((tbl, row_id, field, base[0], base[1]))
            incoming = (change[HLC], change[ORIGIN])
            if incoming > current[:2]:
                if field not in NO_CONFLICT_FIELDS and current[1] and base != current[:2]:
                    conflict(tbl, row_id, field, "edit", values.get(field), current)
                values[field] = change[VALUE]
                row_clock[field] = (incoming[0], incoming[1], change[BASE_HLC] if field == "deleted" else 0)
                fields_changed[field] = row_clock[field]
                row_hlc = max(row_hlc, incoming[0])
                stats.applied += 1
            elif incoming < current[:2]:
                if field not in NO_CONFLICT_FIELDS:
                    conflict(tbl, row_id, field, "edit", change[VALUE], incoming)
                stats.applied += 1
        if key in recreated:
            clock_resets.append((tbl, row_id))
            clock_rows.append((tbl, row_id, CREATION, *row_clock[CREATION]))
            fields_changed = {f: row_clock[f] for f in row_clock if f != CREATION}
            updates[(tbl, tuple(info.fields))].append(tuple(values.get(f) for f in info.fields) + (row_hlc, row_id))
            stats.updates[tbl] += 1
        elif row is None:
            inserts[tbl].append(values | {"hlc": row_hlc})
            clock_rows.append((tbl, row_id, CREATION, *row_clock[CREATION]))
            stats.inserts[tbl] += 1
        elif fields_changed:
            updates[(tbl, tuple(sorted(fields_changed)))].append(
                tuple(values[f] for f in sorted(fields_changed)) + (row_hlc, row_id)
            )
            if bool(values["deleted"]) and not was_deleted:
                stats.deletes[tbl] += 1
            elif set(fields_changed) - {"deleted"}:
                stats.updates[tbl] += 1
        for field, stamp in fields_changed.items():
            clock_rows.append((tbl, row_id, field, *stamp))
        if fields_changed and (values.get("deleted") or was_deleted):
            rows_with_delete_check.append((tbl, row_id, values, row_clock, fallback))

    # Edits concurrent with a delete: recomputed for the rows whose fields moved.
    for tbl, row_id, values, row_clock, fallback in rows_with_delete_check:
        conn.exec_driver_sql("DELETE FROM sync_conflicts WHERE tbl=? AND row_id=? AND kind='delete'", (tbl, row_id))
        for key5 in [k for k, (kind, _v) in new_conflicts.items() if kind == "delete" and k[:2] == (tbl, row_id)]:
            del new_conflicts[key5]
        for field, value, stamp in delete_conflicts(infos[tbl].fields, values, row_clock, fallback):
            conflict(tbl, row_id, field, "delete", value, stamp)

    for key5 in [k for k in new_conflicts if k[:2] in purge]:
        del new_conflicts[key5]

    # Writes.
    for tbl in sorted(inserts, key=lambda t: infos[t].order):
        columns = ["id", "hlc", *infos[tbl].fields]
        conn.exec_driver_sql(
            f"INSERT INTO {tbl} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [tuple(map(row.get, columns)) for row in inserts[tbl]],
        )
    for (tbl, fields), rows in updates.items():
        assignments = ", ".join(f"{f}=?" for f in fields)
        conn.exec_driver_sql(f"UPDATE {tbl} SET {assignments}, hlc=? WHERE id=?", rows)
    if clock_resets:
        conn.exec_driver_sql("DELETE FROM sync_field_clock WHERE tbl=? AND row_id=?", clock_resets)
    if clock_rows:
        conn.exec_driver_sql(
            CLOCK_UPSERT,
            clock_rows,
        )
    if new_seen:
        conn.exec_driver_sql(SEEN_INSERT,
            new_seen)
    if gone_conflicts:
        conn.exec_driver_sql(
            "DELETE FROM sync_conflicts WHERE tbl=? AND row_id=? AND field=? AND hlc=? AND origin=?", gone_conflicts
        )
    if new_conflicts:
        conn.exec_driver_sql(
            "INSERT INTO sync_conflicts(tbl, row_id, field, kind, value, hlc, origin) "
            "SELECT ?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM sync_conflicts "
            "WHERE tbl=? AND row_id=? AND field=? AND hlc=? AND origin=? AND kind=?)",
            [
                (t, r, f, kind, json.dumps(v, ensure_ascii=False), h, o, t, r, f, h, o, kind)
                for (t, r, f, h, o), (kind, v) in new_conflicts.items()
            ],
        )
        for (t, _r, _f, _h, _o) in new_conflicts:
            stats.conflicts[t] += 1
    if pending:
        conn.exec_driver_sql(
            "INSERT INTO sync_pending(origin, seq, tbl, row_id, field, value, hlc, base_hlc, base_origin) "
            "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            [(o, s, t, r, f, json.dumps(v, ensure_ascii=False), h, bh, bo) for o, s, t, r, f, v, h, bh, bo in pending],
        )
    if rejected:
        conn.exec_driver_sql(
            "INSERT INTO sync_rejections(origin, seq, tbl, row_id, field, reason) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT DO NOTHING",
                rejected
        )
    stats.purged = purge_rows(conn, purge)
    stats.pending = len(pending)
    stats.rejected = rejected
    written = {*inserts, *(tbl for tbl, _fields in updates)}
    if gone_conflicts or new_conflicts:
        written.add("sync_conflicts")
    record_changes(conn, *written)
    return stats
