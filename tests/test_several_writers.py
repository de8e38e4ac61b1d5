"""Several staff writing at once on one shared office database (issue #16 point 3): each commit takes its own
change sequence numbers and clock stamps, so nothing is lost or numbered twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from collections import defaultdict

import pytest

from ptds_desktop.db.capture import bulk_insert, last_seq
from ptds_desktop.db.database import open_database
from ptds_desktop.db.notify import CHANNEL, listener_for
from ptds_desktop.errors import StaleEditError, ValidationError
from ptds_desktop.models import Organization
from ptds_desktop.services import conferences as conf
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


@pytest.fixture
def two_staff(db, db_location):
    """The office database open twice, as two staff on it: the same SQLite file, or the same server URL."""
    other = open_database(db_location)
    with db.unit_of_work() as session:
        conference_id = conf.create_conference(session, conf.ConferenceInput(
            "Hội nghị sơ kết", dt.datetime(2026, 6, 1, 8, 0), purpose="Đánh giá kết quả")).id
    yield db, other, conference_id
    other.close()


def _open_form(db, conference_id):
    with db.unit_of_work() as session:
        return conf.get_conference(session, conference_id)


def _save(db, conference_id, started, overwrite=False, **changes):
    with db.unit_of_work() as session:
        return conf.update_conference(session, conference_id, dataclasses.replace(conf.as_input(started), **changes),
                                      started, overwrite=overwrite)


def test_two_staff_editing_different_fields_of_one_conference_both_keep_their_change(two_staff):
    first, second, conference_id = two_staff
    an_form, binh_form = _open_form(first, conference_id), _open_form(second, conference_id)
    _save(first, conference_id, an_form, title="Hội nghị sơ kết 6 tháng")
    _save(second, conference_id, binh_form, purpose="Đánh giá, rút kinh nghiệm")  # the form still shows the old title
    stored = _open_form(first, conference_id)
    assert stored.title == "Hội nghị sơ kết 6 tháng"
    assert stored.purpose == "Đánh giá, rút kinh nghiệm"
    with first.engine.connect() as conn:  # each change went out as its own field, not as the whole row
        fields = [f for (f,) in conn.exec_driver_sql(
            "SELECT field FROM sync_outbox WHERE tbl='conferences' AND row_id=? AND base_hlc > 0 ORDER BY seq",
            (conference_id,))]
    assert fields == ["title", "purpose"]


def test_saving_over_a_field_someone_else_changed_is_refused_with_what_changed_then_overwritten_on_request(
        two_staff):
    first, second, conference_id = two_staff
    an_form, binh_form = _open_form(first, conference_id), _open_form(second, conference_id)
    _save(first, conference_id, an_form, purpose="Đánh giá kết quả 6 tháng", format="online")
    with pytest.raises(StaleEditError) as refused:
        _save(second, conference_id, binh_form, purpose="Rút kinh nghiệm", format="hybrid", title="Sơ kết")
    clashes = {c.field: c for c in refused.value.clashes}
    assert set(clashes) == {"purpose", "format"}  # the title only this user changed: no clash
    purpose = clashes["purpose"]
    assert (purpose.label, purpose.started, purpose.theirs, purpose.mine) == (
        "Mục đích", "Đánh giá kết quả", "Đánh giá kết quả 6 tháng", "Rút kinh nghiệm")
    assert (clashes["format"].theirs, clashes["format"].mine) == ("Trực tuyến", "Trực tiếp kết hợp trực tuyến")
    assert "Mục đích" in str(refused.value)
    unchanged = _open_form(first, conference_id)
    assert (unchanged.title, unchanged.purpose) == ("Hội nghị sơ kết", "Đánh giá kết quả 6 tháng")  # nothing saved
    _save(second, conference_id, binh_form, overwrite=True, purpose="Rút kinh nghiệm", format="hybrid",
          title="Sơ kết")
    stored = _open_form(first, conference_id)
    assert (stored.title, stored.purpose, stored.format) == ("Sơ kết", "Rút kinh nghiệm", "hybrid")


def test_typing_what_the_other_person_saved_is_no_clash(two_staff):
    first, second, conference_id = two_staff
    an_form, binh_form = _open_form(first, conference_id), _open_form(second, conference_id)
    _save(first, conference_id, an_form, purpose="Đánh giá kết quả 6 tháng")
    _save(second, conference_id, binh_form, purpose="Đánh giá kết quả 6 tháng", content="Báo cáo")
    stored = _open_form(second, conference_id)
    assert (stored.purpose, stored.content) == ("Đánh giá kết quả 6 tháng", "Báo cáo")


def test_a_commit_on_one_database_reaches_the_listener_of_another_without_polling(pg_head_url):
    first = open_database(pg_head_url)
    init_office(first, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    second = open_database(pg_head_url)
    listener = listener_for(second.engine)
    assert listener is not None
    heard: list[frozenset[str]] = []
    done = threading.Event()

    def listen() -> None:
        for tables in listener.changes(timeout=20):
            heard.append(tables)
            done.set()
            return

    thread = threading.Thread(target=listen)
    thread.start()
    with second.unit_of_work() as session:  # this database's own commit: its windows know already
        orgs.create_organization(session, OrganizationInput("Sở Tư pháp"))
    time.sleep(1.0)
    assert not heard
    with first.engine.connect() as conn:  # while waiting the listener's connection ran nothing after LISTEN
        state = conn.exec_driver_sql("SELECT state, query FROM pg_stat_activity WHERE pid = ?",
                                     (listener._connection.info.backend_pid,)).one()
    assert tuple(state) == ("idle", f"LISTEN {CHANNEL}")
    with pytest.raises(ValidationError), first.unit_of_work() as session:  # a rolled-back write is never told
        orgs.create_organization(session, OrganizationInput("Sở Y tế"))
        raise ValidationError("bỏ")
    started = time.monotonic()
    with first.unit_of_work() as session:
        conference_id = conf.create_conference(session, conf.ConferenceInput("Hội nghị sơ kết")).id
    assert done.wait(5), "no notice within 5 s"
    delay = time.monotonic() - started
    thread.join(5)
    assert heard == [frozenset({"conferences"})]
    assert delay < 5
    with second.unit_of_work() as session:
        assert conf.get_conference(session, conference_id).title == "Hội nghị sơ kết"
    listener.close()
    first.close()
    second.close()


def test_a_file_database_has_no_listener(db_path):
    database = open_database(db_path)
    assert listener_for(database.engine) is None
    database.close()


def _save_at_once(db, who, conference_id, started, purpose, barrier, outcomes) -> None:
    barrier.wait()
    try:
        _save(db, conference_id, started, purpose=purpose)
        outcomes[who] = "saved"
    except StaleEditError:
        outcomes[who] = "asked"


def test_two_staff_saving_the_same_field_at_the_same_moment_one_saves_the_other_is_asked(pg_head_url):
    first = open_database(pg_head_url)
    init_office(first, "Bộ CHQS tỉnh Đắk Lắk", "province", place_name="Đắk Lắk")
    second = open_database(pg_head_url)
    with first.unit_of_work() as session:
        conference_id = conf.create_conference(session, conf.ConferenceInput("Hội nghị sơ kết")).id
    for attempt in range(10):
        started = _open_form(first, conference_id)
        outcomes: dict[str, str] = {}
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=_save_at_once, args=(db, who, conference_id, started, f"{who} {attempt}",
                                                                barrier, outcomes))
                   for db, who in ((first, "An"), (second, "Bình"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(outcomes.values()) == ["asked", "saved"], outcomes
        winner = next(who for who, outcome in outcomes.items() if outcome == "saved")
        assert _open_form(second, conference_id).purpose == f"{winner} {attempt}"
    first.close()
    second.close()
