"""The list of every progress report: accent-insensitive search over office, plan, task and text, and sorting."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from ptds_desktop.models import ProgressReport, Task
from ptds_desktop.services.province_demo import Scale, generate_province
from ptds_desktop.services.report_search import (
    SORT_DATE,
    SORT_OFFICE,
    SORT_STATUS,
    ReportIndex,
    ReportRow,
    load_report_index,
)
from ptds_desktop.text import fold

TINY = Scale(communes=6, members_per_board=2, plans=2, tasks_per_plan=6, sections_per_plan=2, commune_task_share=0.7,
             conferences=1, invitees_per_conference=5)


@pytest.fixture
def province(db):
    generate_province(db, TINY)
    return db


def _index(db) -> ReportIndex:
    with db.unit_of_work() as session:
        return load_report_index(session)


def _naive(index: ReportIndex, query: str) -> list[ReportRow]:
    """What the search must give: the rows whose fields, joined and folded, hold every word of the query."""
    words = fold(query).split()
    return [r for r in index.rows
            if all(w in fold(" ".join((r.office, r.plan, r.task_code, r.task, r.text))) for w in words)]


def test_every_live_report_is_listed_by_plan_task_and_office(province):
    index = _index(province)
    with province.unit_of_work() as session:
        reports = session.query(ProgressReport).count()
    assert len(index) == reports > 20
    keys = [(fold(r.plan), r.task_code) for r in index.rows]
    assert keys == sorted(keys, key=lambda k: k[0])  # grouped by plan first


def test_words_without_diacritics_find_rows_whatever_field_holds_each_word(province):
    index = _index(province)
    row = next(r for r in index.rows if r.text and not r.office.isascii())
    office_word = fold(row.office).split()[-1]  # the commune's name, typed without its marks
    text_word = fold(row.text).split()[2]
    task_word = max(fold(row.task).split(), key=len)
    for query in (office_word, f"{office_word} {text_word}", f"{task_word} {office_word} {text_word}", row.plan,
                  row.office.upper(), "zzz không có", ""):
        found = index.search(query)
        assert found == _naive(index, query), query
    assert row in index.search(f"{task_word} {office_word} {text_word}")
    assert index.search("zzz") == []
    assert index.search("") == list(index.rows)


def test_sorted_by_a_column_either_way_and_still_filtered(province):
    index = _index(province)
    word = fold(index.rows[0].office).split()[-1]
    by_date = index.search(word, SORT_DATE, descending=True)
    assert [r.reported_on for r in by_date] == sorted((r.reported_on for r in by_date), reverse=True)
    assert sorted(by_date) == sorted(_naive(index, word))
    by_office = index.search("", SORT_OFFICE)
    assert [fold(r.office) for r in by_office] == sorted(fold(r.office) for r in by_office)
    statuses = [r.status for r in index.search("", SORT_STATUS)]
    assert statuses.index("done") > statuses.index("not_started")


def test_deleted_reports_and_reports_of_deleted_tasks_are_not_listed(province):
    index = _index(province)
    gone_report, gone_task = index.rows[0], index.rows[-1].task_id
    with province.unit_of_work() as session:
        session.execute(update(ProgressReport).where(ProgressReport.id == gone_report.id).values(deleted=True))
        session.execute(update(Task).where(Task.id == gone_task).values(deleted=True))
    after = _index(province)
    assert gone_report.id not in {r.id for r in after.rows}
    assert gone_task not in {r.task_id for r in after.rows}
    assert len(after) == len(index) - 1 - sum(1 for r in index.rows if r.task_id == gone_task and r != gone_report)
