"""Random multi-office histories (edits, deletes, concurrent edits, clock ties) with bundles delivered
in random order, duplicated, relayed or dropped; then one full exchange. Every database must end
identical, with the same conflicts, and nothing anyone typed lost without someone having seen it."""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from netutil import canonical_dump, conflict_set

from ptds_desktop.models import Organization, Person
from ptds_desktop.sync import exchange

MODELS = {"organizations": Organization, "people": Person}
# Few fields, so two offices often edit the same one concurrently.
TEXT_FIELDS = {"organizations": ["name", "name", "notes"], "people": ["full_name", "full_name", "title"]}


def _row(db, tbl, row_id):
    with db.engine.connect() as conn:
        cursor = conn.exec_driver_sql(f"SELECT * FROM {tbl} WHERE id=?", (row_id,))
        row = cursor.fetchone()
        return dict(zip(cursor.keys(), row)) if row else None


def _may_change(actor: int, owner: int) -> bool:
    return actor == owner or actor == 0  # the province (index 0) is every commune's parent


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_random_histories_converge_and_lose_nothing(network, data):
    size = data.draw(st.integers(3, 5), label="offices")
    net = network(size)
    offices = net.offices
    rows = []  # (tbl, row_id, owner index)
    typed = {}  # value -> (tbl, row_id, field)
    overwritten = set()  # typed values some editor saw and replaced
    mail = []  # (bundle path, recipient index)
    numbers = itertools.count()
    try:
        for _ in range(data.draw(st.integers(12, 40), label="steps")):
            action = data.draw(st.sampled_from(
                ["create", "create", "edit", "edit", "edit", "delete", "concurrent", "concurrent", "send", "send",
                 "deliver", "deliver", "deliver", "spread", "clock"]
            ))
            actor = data.draw(st.integers(0, size - 1), label="actor")
            db = offices[actor]
            net.clocks[actor].advance(data.draw(st.integers(0, 3)))
            visible = [(t, r, o) for t, r, o in rows if (row := _row(db, t, r)) is not None and not row["deleted"]]
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
                typed[value] = (tbl, obj.id, field)
            elif action == "concurrent":  # the province and the owner change one row, neither seeing the other
                theirs = [(t, r, o) for t, r, o in rows if o != 0 and (row := _row(offices[o], t,
                    r)) and not row["deleted"]]
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
                        typed[value] = (tbl, row_id, field)
            elif action in ("edit", "delete"):
                mine = [(t, r) for t, r, o in visible if _may_change(actor, o)]
                if not mine:
                    continue
                tbl, row_id = data.draw(st.sampled_from(mine))
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
                        typed[value] = (tbl, row_id, field)
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
            else:  # make two clocks read the same, so equal stamps from two offices happen
                other = data.draw(st.integers(0, size - 1))
                net.clocks[actor].set(net.clocks[other].now_ms())

        final = [(net.send(i, j, full=True), j) for i in range(size) for j in range(size) if i != j]
        for path, recipient in final:
            exchange.import_bundle(offices[recipient], path, backup=False)

        dumps = [canonical_dump(db) for db in offices]
        conflicts = [conflict_set(db) for db in offices]
        for i in range(1, size):
            assert dumps[i] == dumps[0], f"office {i} differs from the province"
            assert conflicts[i] == conflicts[0], f"office {i} has other conflicts"
        kept = {(t, r, f, json.loads(v)) for t, r, f, _k, v, _h, _o in conflicts[0]}
        for value, (tbl, row_id, field) in typed.items():
            if value in overwritten:
                continue
            current = _row(offices[0], tbl, row_id)[field]
            assert current == value or (tbl, row_id, field, value) in kept, f"{value} lost from {tbl}.{field}"
        with offices[0].engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_pending").scalar() == 0
    finally:
        net.close()
