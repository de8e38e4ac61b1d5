"""Which record a conflict is about, named by the column each table declares (sync.schema.RECORD_NAME_COLUMNS)."""

from __future__ import annotations

from roster_fixtures import establish

from ptds_desktop.db.synced import RECORD_NAME_COLUMNS, tables
from ptds_desktop.models.base import synced_tables
from ptds_desktop.services import people
from ptds_desktop.services.people import PersonInput
from ptds_desktop.sync.overview import record_names, sync_overview


def test_every_synced_table_declares_the_column_that_names_its_records():
    synced = {t.name: t for t in synced_tables()}
    assert set(RECORD_NAME_COLUMNS) == set(synced), "declare the name column of a new synced table"
    for name, column in RECORD_NAME_COLUMNS.items():
        assert column is None or column in synced[name].c, f"{name}.{column} does not exist"
        assert tables()[name].name_column == column


def test_records_are_named_by_their_declared_column_or_their_id(db):
    board = establish(db)
    with db.unit_of_work() as s:
        person = people.create_person(s, PersonInput("Nguyễn Văn An"))
    decision_id = board.first.decision.id
    names = record_names(db, {("people", person.id), ("decisions", decision_id),
                              ("task_assignments", "0123456789abcdef"), ("people", "fedcba9876543210")})
    assert names[("people", person.id)] == "Nguyễn Văn An"
    assert names[("decisions", decision_id)] == "01620/QĐ-UBND"
    assert names[("task_assignments", "0123456789abcdef")] == "01234567"  # no name column: the id's start
    assert names[("people", "fedcba9876543210")] == "fedcba98"  # gone: the id's start


def test_overview_of_an_office_without_conflicts(db):
    overview = sync_overview(db)
    assert overview.conflicts == []
    assert overview.status.identity.office_id == db.office_id()
