"""Random multi-office histories (edits, deletes, concurrent edits, clock ties, restored backups, clocks
that jump days ahead and are reset, edits of deleted rows, two creations of one id) with bundles delivered
in random order, duplicated, relayed or dropped; then one full exchange. Every database must end
identical, with the same conflicts, and nothing anyone typed lost without someone having seen it
(except what only a database rolled back by a restore ever held, and the losing creation of a reused id).

The quick suite runs a few examples. The thorough run (outside the quick suite; 1,000 examples took 10.5 min
on 2 busy cores; PTDS_CONVERGENCE_PROGRESS=FILE appends a line to FILE per example passed):

    PTDS_CONVERGENCE_EXAMPLES=1000 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest \
        tests/sync/test_convergence.py -q -p no:cacheprovider
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import uuid
from collections.abc import Iterator
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from netutil import canonical_dump, conflict_set

from ptds_desktop.db import incarnation
from ptds_desktop.db.backup import MANUAL, automatic_backup
from ptds_desktop.db.clock import DAY_MS, stamp_ms, use_clock
from ptds_desktop.db.database import open_database
from ptds_desktop.db.restore import restore_database_file
from ptds_desktop.models import Organization, Person
from ptds_desktop.sync import exchange
from ptds_desktop.sync import status as sync_status

EXAMPLES = int(os.environ.get("PTDS_CONVERGENCE_EXAMPLES", "20"))
PROGRESS = os.environ.get("PTDS_CONVERGENCE_PROGRESS")  # a file that gets one line per example run

MODELS = {"organizations": Organization, "people": Person}
# Few fields, so two offices often edit the same one concurrently.
TEXT_FIELDS = {"organizations": ["name", "name", "notes"], "people": ["full_name", "full_name", "title"]}


def _row(db, tbl, row_id):
    with db.engine.connect() as conn:
        cursor = conn.exec_driver_sql(f"SELECT * FROM {tbl} WHERE id=?", (row_id,))
        row = cursor.fetchone()
        return dict(zip(cursor.keys(), row)) if row else None


def _purged(db, row_id) -> bool:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT 1 FROM sync_purged WHERE row_id=?", (row_id,)).fetchone() is not None


def _may_change(actor: int, owner: int) -> bool:
    return actor == owner or actor == 0  # the province (index 0) is every commune's parent


def _holds(db, value) -> bool:
    """Some field or some conflict of this office holds the typed value."""
    with db.engine.connect() as conn:
        for tbl, field in (("organizations", "name"), ("organizations", "notes"), ("people", "full_name"),
                           ("people", "title")):
            if conn.exec_driver_sql(f"SELECT 1 FROM {tbl} WHERE {field}=?", (value,)).fetchone():
                return True
        return conn.exec_driver_sql("SELECT 1 FROM sync_conflicts WHERE value=?",
                                    (json.dumps(value, ensure_ascii=False),)).fetchone() is not None


@contextlib.contextmanager
def _seeded_ids() -> Iterator[None]:
    """Row ids and restore epochs drawn from a fixed seed. Which concurrent edit wins and how segments sort
    depend on them, and Hypothesis replays a choice sequence expecting the same lists to choose from."""
    rng = random.Random(0)
    with mock.patch.object(uuid, "uuid4", lambda: uuid.UUID(int=rng.getrandbits(128), version=4)), \
            mock.patch.object(incarnation.secrets, "randbelow", rng.randrange):
        yield


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_random_histories_converge_and_lose_nothing(network, data):
    with _seeded_ids():
        _random_history(network, data)


def _random_history(network, data) -> None:
    size = data.draw(st.integers(3, 5), label="offices")
    net = network(size)
    offices = net.offices
    rows = []  # (tbl, row_id, owner index)
    typed = {}  # value -> (tbl, row_id, field)
    overwritten = set()  # typed values some editor saw and replaced
    mail = []  # (bundle path, recipient index)
    numbers = itertools.count()
    backups = {}  # office index -> (backup path, values typed there since)
    dropped = set()  # values only a rolled-back database held
    collided = set()  # ids two offices created: the losing creation is a 'create' conflict
    newest_ms = max(c.now_ms() for c in net.clocks)
    try:
        for _ in range(data.draw(st.integers(12, 40), label="steps")):
            action = data.draw(st.sampled_from(
                ["create", "create", "edit", "edit", "edit", "delete", "concurrent", "concurrent", "send", "send",
                 "deliver", "deliver", "deliver", "spread", "clock", "backup", "restore", "jump", "fix_clock",
                 "edit_deleted", "collide"]
            ))
            actor = data.draw(st.integers(0, size - 1), label="actor")
            db = offices[actor]
            net.clocks[actor].advance(data.draw(st.integers(0, 3)))
            newest_ms = max(newest_ms, net.clocks[actor].now_ms())
            index = {o.office_id(): i for i, o in enumerate(offices)}
            visible = [(t, r, index[row["owner_office_id"]]) for t, r, _o in dict.fromkeys(rows)
                       if (row := _row(db, t, r)) is not None and not row["deleted"]]

            def typed_here(value: str, where: tuple, *, office: int = actor) -> None:
                typed[value] = where
                if office in backups:
                    backups[office][1].add(value)

            if action == "create":
                value = f"v{next(numbers)}"
                orgs = [r for t, r, _o in visible if t == "organizations"]
                with db.unit_of_work() as session:
                    if orgs and data.draw(st.booleans()):
                        obj = Person(full_name=value, organization_id=data.draw(st.sampled_from(orgs)))
                        tbl, field = "people", "full_name"
                    else:
                        obj = Organization(name=value, kind="other")
                        tbl, field = "organizations", "name"
                    session.add(obj)
                    session.flush()
                    rows.append((tbl, obj.id, actor))
                typed_here(value, (tbl, obj.id, field))
            elif action == "collide":  # a creation reusing the id of a row this office has not received
                unseen = [r for t, r, o in rows if t == "organizations" and o != actor and _row(db, t, r) is None]
                if not unseen:
                    continue
                row_id = data.draw(st.sampled_from(unseen))
                value = f"v{next(numbers)}"
                with db.unit_of_work() as session:
                    session.add(Organization(id=row_id, name=value, kind="other"))
                rows.append(("organizations", row_id, actor))
                collided.add(row_id)  # one of the two creations, and what its office typed on it, loses
            elif action == "concurrent":  # the province and the owner change one row, neither seeing the other
                theirs = [(t, r, o) for t, r, o in dict.fromkeys(rows) if o != 0 and (row := _row(offices[o], t, r))
                          and not row["deleted"] and row["owner_office_id"] == offices[o].office_id()]
                if not theirs:
                    continue
                tbl, row_id, owner = data.draw(st.sampled_from(theirs))
                if _row(offices[0], tbl, row_id) is None:
                    exchange.import_bundle(offices[0], net.send(owner, 0), backup=False)
                if (row := _row(offices[0], tbl, row_id)) is None or row["deleted"]:
                    continue
                field = TEXT_FIELDS[tbl][0]
                for editor in (0, owner):
                    with offices[editor].unit_of_work() as session:
                        obj = session.get(MODELS[tbl], row_id)
                        if data.draw(st.integers(0, 4)) == 0:
                            obj.deleted = True
                            continue
                        value = f"v{next(numbers)}"
                        if getattr(obj, field) in typed:
                            overwritten.add(getattr(obj, field))
                        setattr(obj, field, value)
                        typed_here(value, (tbl, row_id, field), office=editor)
            elif action in ("edit", "delete", "edit_deleted"):
                if action == "edit_deleted":  # through the ORM, on a row this office holds as deleted
                    candidates = [(t, r) for t, r, _o in dict.fromkeys(rows) if (row := _row(db, t, r)) is not None
                                  and row["deleted"] and _may_change(actor, index[row["owner_office_id"]])]
                else:
                    candidates = [(t, r) for t, r, o in visible if _may_change(actor, o)]
                if not candidates:
                    continue
                tbl, row_id = data.draw(st.sampled_from(candidates))
                with db.unit_of_work() as session:
                    obj = session.get(MODELS[tbl], row_id)
                    if action == "delete":
                        obj.deleted = True
                    elif tbl == "people" and data.draw(st.integers(0, 3)) == 0:
                        orgs = [r for t, r, _o in visible if t == "organizations"]
                        obj.organization_id = data.draw(st.sampled_from(orgs)) if orgs else None
                    else:
                        field = data.draw(st.sampled_from(TEXT_FIELDS[tbl]))
                        value = f"v{next(numbers)}"
                        if getattr(obj, field) in typed:
                            overwritten.add(getattr(obj, field))
                        setattr(obj, field, value)
                        typed_here(value, (tbl, row_id, field))
            elif action == "send":
                recipient = data.draw(st.sampled_from([i for i in range(size) if i != actor]))
                mail.append((net.send(actor, recipient), recipient))
            elif action == "spread":  # the actor's news reaches every office directly
                for recipient in range(size):
                    if recipient != actor:
                        exchange.import_bundle(offices[recipient], net.send(actor, recipient), backup=False)
            elif action == "deliver":
                if mail:
                    path, recipient = data.draw(st.sampled_from(mail))
                    exchange.import_bundle(offices[recipient], path, backup=False)
            elif action in ("backup", "restore") and db.url is not None:
                continue  # a server's backups are pg_dump archives, restored by its administrator (test_backup)
            elif action == "backup":
                backups[actor] = (automatic_backup(db.path, MANUAL), set())
            elif action == "restore":  # the laptop goes back to its last backup
                if actor not in backups:
                    continue
                backup, since = backups.pop(actor)
                others = [o for i, o in enumerate(offices) if i != actor]
                dropped.update(v for v in since if not any(_holds(o, v) for o in others))
                db.close()
                restore_database_file(db.path, backup)
                offices[actor] = open_database(db.path)
                use_clock(offices[actor], net.clocks[actor])
            elif action == "jump":  # this laptop's clock runs days ahead for a while
                net.clocks[actor].advance(data.draw(st.integers(2, 4)) * DAY_MS)
                newest_ms = max(newest_ms, net.clocks[actor].now_ms())
            elif action == "fix_clock":  # the date is put right, and a clock pushed ahead is brought back
                net.clocks[actor].set(max(c.now_ms() for i, c in enumerate(net.clocks) if i != actor))
                sync_status.reset_clock(db)
            else:  # make two clocks read the same, so equal stamps from two offices happen
                other = data.draw(st.integers(0, size - 1))
                net.clocks[actor].set(max(net.clocks[actor].now_ms(), net.clocks[other].now_ms()))

        # A few days later every clock is right and has passed every stamp: held changes apply.
        for c in net.clocks:
            c.set(newest_ms + 2 * DAY_MS)
        final = [(net.send(i, j, full=True), j) for i in range(size) for j in range(size) if i != j]
        for path, recipient in final:
            exchange.import_bundle(offices[recipient], path, backup=False)
        # An import purges the tombstones every office has acknowledged (the bundle's acknowledgement is enough, even
        # with no new change): the purge markers spread in the next rounds.
        for _round in range(6):
            answers = [(net.send(i, j), j) for i in range(size) for j in range(size) if i != j]
            reports = [exchange.import_bundle(offices[j], path, backup=False) for path, j in answers]
            if not any(r.new_changes or r.purged for r in reports):
                break

        dumps = [canonical_dump(db) for db in offices]
        conflicts = [conflict_set(db) for db in offices]
        for i in range(1, size):
            assert dumps[i] == dumps[0], f"office {i} differs from the province"
            assert conflicts[i] == conflicts[0], f"office {i} has other conflicts"
        kept = {(t, r, f, json.loads(v)) for t, r, f, _k, v, _h, _o in conflicts[0]}
        for value, (tbl, row_id, field) in typed.items():
            if value in overwritten or value in dropped or row_id in collided or _purged(offices[0], row_id):
                continue  # a purged row was deleted with no open conflict, and every office acknowledged it
            current = _row(offices[0], tbl, row_id)[field]
            assert current == value or (tbl, row_id, field, value) in kept, f"{value} lost from {tbl}.{field}"
        if PROGRESS:
            with open(PROGRESS, "a", encoding="utf-8") as progress:
                purged = sum(_purged(offices[0], r) for _t, r, _o in set(rows))
                progress.write(f"{size} offices, {len(typed)} values, {len(conflicts[0])} conflicts, "
                               f"{purged} rows purged\n")
        with offices[0].engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_pending").scalar() == 0
            assert stamp_ms(conn.exec_driver_sql("SELECT max(hlc) FROM sync_field_clock").scalar() or 0) \
                <= newest_ms + 2 * DAY_MS
    finally:
        net.close()
