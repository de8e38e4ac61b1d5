"""What a write changed is computed by the core: the tables of every ORM-flushed row, plus what Core writers
record, counted only once committed."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from ptds_desktop.db.changes import Changes, record_changes, recording
from ptds_desktop.errors import ValidationError
from ptds_desktop.models import Organization, Person
from ptds_desktop.services import organizations as orgs
from ptds_desktop.services import people
from ptds_desktop.services.organizations import OrganizationInput
from ptds_desktop.services.people import PersonInput


def test_an_orm_write_reports_the_tables_it_touched(db):
    work = db.unit_of_work()
    with work as session:
        org = orgs.create_organization(session, OrganizationInput("Sở Y tế"))
        people.create_person(session, PersonInput("Nguyễn Văn An", organization_id=org.id))
    assert work.changes.touches(Organization.__tablename__)
    assert work.changes.touches(Person.__tablename__)
    assert not work.changes.touches("board_memberships")


def test_an_edit_and_a_tombstone_count_and_a_read_reports_nothing(db):
    with db.unit_of_work() as session:
        org_id = orgs.create_organization(session, OrganizationInput("Sở Y tế")).id
    read = db.unit_of_work()
    with read as session:
        orgs.list_organizations(session)
    assert read.changes == Changes()
    assert not read.changes
    delete = db.unit_of_work()
    with delete as session:
        orgs.delete_organization(session, org_id)
    assert delete.changes.touches(Organization.__tablename__)


def test_core_statements_count_through_record_changes(db):
    with db.unit_of_work() as session:
        org_id = orgs.create_organization(session, OrganizationInput("Sở Y tế")).id
    work = db.unit_of_work()
    with work as session:
        session.execute(update(Organization).where(Organization.id == org_id).values(notes="Ghi chú"))
        record_changes(session, Organization.__tablename__)
    assert work.changes.tables == {Organization.__tablename__}
    with recording() as recorder, db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE organizations SET notes = 'khác' WHERE id = ?", (org_id,))
        record_changes(conn, Organization.__tablename__)
    assert recorder.changes.touches(Organization.__tablename__)


def test_a_rolled_back_write_reports_nothing(db):
    work = db.unit_of_work()
    with pytest.raises(ValidationError), work as session:
        orgs.create_organization(session, OrganizationInput("Sở Tư pháp"))
        record_changes(session, "people")
        orgs.create_organization(session, OrganizationInput("  "))
    assert work.changes == Changes()
    with recording() as recorder:
        with pytest.raises(RuntimeError), db.engine.begin() as conn:
            record_changes(conn, Organization.__tablename__)
            raise RuntimeError("cancelled")
        with db.unit_of_work() as session:  # the same pooled connection again: nothing left over
            orgs.list_organizations(session)
    assert recorder.changes == Changes()


def test_changes_combine():
    both = Changes(frozenset({"organizations"})) | Changes(frozenset({"people"}))
    assert both.touches("people") and both.touches("organizations", "offices")
    assert not both.touches("offices")
