"""Purging tombstones (DESIGN §4: kept until every known office has acknowledged them).

A deleted row stays as a tombstone (deleted = 1, with its field stamps, seen stamps and conflicts) so that an edit
made concurrently elsewhere becomes a 'delete' conflict instead of bringing the row back. Once no such edit can
still be on its way, the tombstone is only weight; this module decides when that is, and removes it.

**When.** An office may purge a tombstone when it knows, from the version vectors the others sent it, that:
- every live office acknowledges the deletion change (per stream: a restored copy's new epoch acknowledges only
  what it says it holds, see `log.merge_acknowledgement`), so no office can still edit the row unaware of it;
- this office holds everything each of them had written when it acknowledged (their own streams up to the
  number in that vector), so every edit concurrent with the deletion has arrived and been merged here;
- the row has no open conflict (a person reviews a concurrent edit before it goes) and no change waiting for it;
- no row that stays points at it, and this office may change the row (owner or an ancestor of the owner).
An office enrolled later counts from its first bundle on: until then it blocks every purge, which only delays.
In the usual star (communes exchange with the province) only the province knows every acknowledgement, so the
province decides; a commune that relays or exchanges with a sibling changes nothing to the rule.

**How, everywhere alike.** The deciding office does not just delete its copy: it records a purge marker, a change
of the row in its own signed stream (`db.synced.PURGE_MARKER`), and removes the row. The marker travels like any
change, and every office applies the same rule (`sync.merge`): *a row with a purge marker is gone, whatever else
is said of it, before or after*. Its id goes into `sync_purged`, a compact set of ids (one short row per purged
row), and any later change of it (a re-sent creation, an office back after a year with edits, a bundle replayed
from an old stick, a catch-up of an office enrolled later) is dropped on arrival. So the outcome is a function of
the set of changes received, as for every other merge rule: an office that got the late edit before the marker
applies it and then removes the row with its conflicts, one that got the marker first drops it; both end without
the row and without a conflict about it. Nothing is resurrected and no office lists a conflict the others do not.
A per-table watermark (purge below a stamp) was the alternative: it cannot tell a late edit from a late creation
of a new row without keeping the ids anyway, and one office with a wrong clock would move it for everyone.

**What stays.** The signed segments are kept whole: a segment is one origin's run of changes under its signature,
relayed byte for byte, and the vectors are computed from them, so the lines of a purged row cannot be cut out.
The table rows, field stamps, seen stamps, conflicts and pending changes of the row go.

**Limits.** An office that never sends a bundle again (a lost laptop) holds every purge back until its office row
is deleted (retired). A row restored at an office while the purge marker travels is gone there too when the marker
arrives; if meanwhile a new row was made there pointing at it, that row keeps the tombstone (deleted) there and
waits for it, listed as pending, at the offices that had purged it.
"""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import Connection

from ptds_desktop.db import clock
from ptds_desktop.db.capture import record_purges
from ptds_desktop.db.database import Database
from ptds_desktop.db.engine import exclusive_sync
from ptds_desktop.db.incarnation import stream_base, stream_key
from ptds_desktop.db.synced import CREATION, area, may_change, office_parents, tables
from ptds_desktop.i18n import translate
from ptds_desktop.sync import log
from ptds_desktop.sync.merge import purge_rows, removable
from ptds_desktop.sync.peers import acked_by, require_office
from ptds_desktop.text import format_date


@dataclasses.dataclass(frozen=True)
class Tombstone:
    area: str
    table: str
    row_id: str
    record: str  # the row's name (db.synced.RECORD_NAME_COLUMNS), or the start of its id
    deleted_at: str  # date of the deletion, as officers write it
    kept_because: str | None  # None: it can be purged now


@dataclasses.dataclass(frozen=True)
class PurgePlan:
    purgeable: tuple[Tombstone, ...]
    kept: tuple[Tombstone, ...]
    waiting_for: tuple[str, ...]  # offices whose acknowledgement (or a bundle at all) is missing
    purged_before: int  # ids purged here so far
    done: bool = False  # False: what would go (dry run); True: purged now


@dataclasses.dataclass(frozen=True)
class _Knowledge:
    acks: dict[str, dict[str, int]]  # per live office but this one: what it acknowledged
    waiting_for: tuple[str, ...]  # names of offices that block every purge, with why


def _knowledge(conn: Connection, me: str) -> _Knowledge:
    offices = conn.exec_driver_sql("SELECT id, name FROM offices WHERE deleted=0 AND id != ? ORDER BY name",
                                   (me,)).fetchall()
    heard = {o for (o,) in conn.exec_driver_sql("SELECT office_id FROM sync_peers WHERE last_received_at IS NOT NULL")}
    held = log.vector(conn)
    acks: dict[str, dict[str, int]] = {}
    waiting = []
    for office_id, name in offices:
        if office_id not in heard:
            waiting.append(translate("Core", "“{office}” (chưa gửi gói nào về đây)").format(office=name))
            continue
        acked = acked_by(conn, office_id)
        own = {k: n for k, n in acked.items() if k == office_id or k.startswith(office_id + "~")}
        if any(held.get(k, stream_base(n)) < n for k, n in own.items()):  # an epoch with no change yet: base
            waiting.append(translate("Core", "“{office}” (còn thay đổi của họ chưa tới đây)").format(office=name))
            continue
        acks[office_id] = acked
    if conn.exec_driver_sql("SELECT 1 FROM sync_held_segments LIMIT 1").fetchone():
        waiting.append(translate("Core", "một xung đột khóa chưa được giải quyết"))
    return _Knowledge(acks, tuple(waiting))


def _deletion_seqs(conn: Connection, deletions: dict[tuple[str, str, int, str], tuple[str, str]]
                   ) -> dict[tuple[str, str], int]:
    """(table, id) -> sequence number of the change that deleted it, for `deletions` keyed (table, id, stamp,
    origin): one pass over the segments of the origins concerned (a deletion not sealed yet has none)."""
    result: dict[tuple[str, str], int] = {}
    for origin in {o for _t, _r, _h, o in deletions}:
        for (body,) in conn.exec_driver_sql("SELECT body FROM sync_segments WHERE origin=?", (origin,)):
            for line in bytes(body).decode("utf-8").splitlines():
                if ',"deleted",' not in line:
                    continue
                seq, tbl, row_id, field, _value, hlc, _base, _base_origin = json.loads(line)
                key = deletions.get((tbl, row_id, hlc, origin))
                if key is not None and field == "deleted":
                    result[key] = int(seq)
    return result


def _tombstones(conn: Connection) -> list[tuple[str, str, str, int, str, str]]:
    """(table, id, name, deletion stamp, deletion origin, owner) of every tombstone held here."""
    result = []
    for info in tables().values():
        if info.name == "offices":
            continue  # an office's row carries the enrolment chain: never purged
        rows = conn.exec_driver_sql(
            f"SELECT id, {info.name_column or 'id'}, owner_office_id, hlc FROM {info.name} WHERE deleted=1").fetchall()
        if not rows:
            continue
        stamps: dict[tuple[str, str], tuple[int, str]] = {
            (r, f): (h, o) for r, f, h, o in conn.exec_driver_sql(
                f"SELECT row_id, field, hlc, origin FROM sync_field_clock WHERE tbl=? AND field IN ('deleted', ?) "
                f"AND row_id IN (SELECT id FROM {info.name} WHERE deleted=1)", (info.name, CREATION))}
        for row_id, label, owner, row_hlc in rows:
            stamp, origin = stamps.get((row_id, "deleted")) or stamps.get((row_id, CREATION)) or (row_hlc, "")
            record = str(label) if label and info.name_column else row_id[:8]
            result.append((info.name, row_id, record, int(stamp or 0), origin, owner))
    return result


def _plan(conn: Connection, me: str, knowledge: _Knowledge) -> tuple[list[Tombstone], list[Tombstone]]:
    parents = office_parents(conn)
    busy = {(t, r) for t, r in conn.exec_driver_sql(
        "SELECT tbl, row_id FROM sync_conflicts UNION SELECT tbl, row_id FROM sync_pending")}
    names: dict[str, str] = {o: n for o, n in conn.exec_driver_sql("SELECT id, name FROM offices")}
    found = _tombstones(conn)
    seqs = {} if knowledge.waiting_for else _deletion_seqs(
        conn, {(t, r, h, o): (t, r) for t, r, _n, h, o, _w in found if o})
    candidates: dict[tuple[str, str], Tombstone] = {}
    kept: list[Tombstone] = []
    for tbl, row_id, record, stamp, origin, owner in found:
        when = format_date(clock.stamp_time(stamp).date()) if stamp else "—"
        why = None
        if (tbl, row_id) in busy:
            why = translate("Core", "còn xung đột hoặc thay đổi chờ xem xét")
        elif may_change(me, owner, parents) is not True:
            why = translate("Core", "văn phòng quản lý dòng này hoặc cấp trên của nó quyết định")
        elif knowledge.waiting_for:
            why = translate("Core", "chờ xác nhận của: {offices}").format(offices="; ".join(knowledge.waiting_for))
        elif (seq := seqs.get((tbl, row_id))) is None:
            why = translate("Core", "việc xóa chưa được gửi đi")
        else:
            key = stream_key(origin, seq)
            lacking = sorted(f"“{names.get(o, o)}”" for o, acked in knowledge.acks.items()
                             if acked.get(key, stream_base(seq)) < seq)
            if lacking:
                why = translate("Core", "chờ xác nhận của: {offices}").format(offices="; ".join(lacking))
        tombstone = Tombstone(area(tbl), tbl, row_id, record, when, why)
        if why is None:
            candidates[(tbl, row_id)] = tombstone
        else:
            kept.append(tombstone)
    going = removable(conn, set(candidates))  # a row that stays and points at one keeps it
    for row in [k for k in candidates if k not in going]:
        held = candidates.pop(row)
        kept.append(dataclasses.replace(held, kept_because=translate("Core", "dữ liệu khác còn trỏ tới")))
    return sorted(candidates.values(), key=lambda t: (t.area, t.record)), sorted(kept, key=lambda t: (t.area, t.record))


def _purged_count(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM sync_purged").scalar_one())


def purge(db: Database, *, dry_run: bool = False) -> PurgePlan:
    """Purge every tombstone all offices have acknowledged (see the module's rule), or, `dry_run`, say which
    would go and why the others stay. Run after every import; cheap when some office's acknowledgement is
    missing (a commune's usual state: its province decides)."""
    me = require_office(db)
    with db.engine.begin() as conn:
        if not dry_run:
            exclusive_sync(conn)  # no edit restores a row, no import brings one, while its tombstone goes
        knowledge = _knowledge(conn, me)
        purgeable, kept = _plan(conn, me, knowledge)
        if purgeable and not dry_run:
            stamps = {(t, r): (h, o) for t, r, _n, h, o, _w in _tombstones(conn)}
            record_purges(conn, [(t.table, t.row_id, list(stamps[(t.table, t.row_id)])) for t in purgeable])
            purge_rows(conn, {(t.table, t.row_id) for t in purgeable})
        return PurgePlan(tuple(purgeable), tuple(kept), knowledge.waiting_for, _purged_count(conn),
                         bool(purgeable) and not dry_run)


CHECKED_KEY = "purge_checked"  # local_settings: what the last automatic check saw (`_what_decides`)


def _what_decides(conn: Connection, me: str, knowledge: _Knowledge) -> str:
    """What can make a tombstone purgeable: per stream, the least that every office (this one included) holds,
    and the rows under review. While it is unchanged, nothing new can be purged and the check is skipped."""
    holdings = [log.own_vector(conn, me), *knowledge.acks.values()]
    floor = {k: min(h.get(k, 0) for h in holdings) for k in set().union(*holdings)}
    busy = conn.exec_driver_sql("SELECT (SELECT count(*) FROM sync_conflicts), (SELECT coalesce(sum(id), 0) FROM "
                                "sync_conflicts), (SELECT count(*) FROM sync_pending)").one()
    return json.dumps([floor, list(busy)], sort_keys=True)


def purge_after_import(db: Database) -> int:
    """The automatic run after an import. Cheap when it cannot purge anything: while some office's
    acknowledgement is missing (a commune's usual state: its province decides), or while neither the
    acknowledgements nor the rows under review moved since the last check. Returns how many were purged."""
    me = require_office(db)
    with db.engine.connect() as conn:
        knowledge = _knowledge(conn, me)
        if knowledge.waiting_for:
            return 0
        seen = _what_decides(conn, me, knowledge)
        if conn.exec_driver_sql("SELECT 1 FROM local_settings WHERE key=? AND value=?", (CHECKED_KEY, seen)).first():
            return 0
    purged = len(purge(db).purgeable)
    with db.engine.begin() as conn:
        exclusive_sync(conn)
        conn.exec_driver_sql(
            "INSERT INTO local_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (CHECKED_KEY, _what_decides(conn, me, _knowledge(conn, me))))
    return purged
