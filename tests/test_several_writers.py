"""Several staff writing at once on one shared office database (issue #16 point 3): each commit takes its own
change sequence numbers and clock stamps, so nothing is lost or numbered twice."""

from __future__ import annotations

import threading
from collections import defaultdict

from ptds_desktop.db.capture import bulk_insert, last_seq
from ptds_desktop.db.database import open_database
from ptds_desktop.models import Organization
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services.offices import init_office
from ptds_desktop.services.organizations import OrganizationInput

ROUNDS = 25
BULK = 40


def test_two_staff_committing_at_once_take_their_own_sequence_numbers_and_stamps(pg_head_url):
    first = open_database(pg_head_url)
    init_office(first, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    second = open_database(pg_head_url)
    with first.unit_of_work() as session:
        shared_id = orgs.create_organization(session, OrganizationInput("Sở Y tế")).id
    with first.engine.connect() as conn:
        start_seq = last_seq(conn)
    failures: list[BaseException] = []
    barrier = threading.Barrier(2)

    def write(db, who: str) -> None:
        try:
            barrier.wait()
            for n in range(ROUNDS):
                with db.unit_of_work() as session:
                    bulk_insert(session, Organization,
                                [{"name": f"{who} {n}-{i}"} for i in range(BULK)])
                with db.unit_of_work() as session:  # both edit one field of the same row, over and over
                    current = orgs.get_organization(session, shared_id)
                    orgs.update_organization(session, shared_id, OrganizationInput(
                        current.name, notes=f"{who} {n}"))
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(db, who)) for db, who in ((first, "An"), (second, "Bình"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures, failures
    with first.engine.connect() as conn:
        outbox = conn.exec_driver_sql(
            "SELECT seq, tbl, row_id, field, hlc FROM sync_outbox WHERE seq > ? ORDER BY seq", (start_seq,)).all()
        names = conn.exec_driver_sql("SELECT count(*) FROM organizations WHERE name LIKE ? OR name LIKE ?",
                                     ("An %", "Bình %")).scalar()
        final_seq = last_seq(conn)
    org_fields = {f for _s, t, _r, f, _h in outbox if t == "organizations"}
    assert names == 2 * ROUNDS * BULK  # nothing lost
    seqs = [row[0] for row in outbox]
    assert seqs == list(range(start_seq + 1, final_seq + 1))  # unique and contiguous: no gap, no duplicate
    assert "notes" in org_fields
    expected = 2 * ROUNDS * BULK * len(org_fields) + 2 * ROUNDS  # every new row's fields + every notes edit
    assert len(seqs) == expected
    per_field: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for _seq, tbl, row_id, field, hlc in outbox:
        per_field[tbl, row_id, field].append(hlc)
    for stamps in per_field.values():  # in sequence order, each field's stamps only go up
        assert all(a < b for a, b in zip(stamps, stamps[1:])), stamps
    notes = per_field["organizations", shared_id, "notes"]
    assert len(notes) == 2 * ROUNDS
    # One stamp per commit, never shared by the two staff: the commits are totally ordered.
    by_commit = {hlc for _s, _t, _r, _f, hlc in outbox}
    assert len(by_commit) == 4 * ROUNDS
    first.close()
    second.close()
