"""Migration 0010_postgresql upgrades a server database at the previous release's schema (0009) holding data:
yes/no values kept as 0/1, foreign keys deferrable, accent-insensitive search through the database's ptds_fold."""

from alembic import command
from sqlalchemy import create_engine

from ptds_desktop.config import backups_dir_for
from ptds_desktop.db import database
from ptds_desktop.db.database import open_database
from ptds_desktop.services import organizations as orgs

OFFICE = "00000000-0000-0000-0000-00000000000a"


def _server_at_0009(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = database.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009_seal_keys")
        meta = (OFFICE, OFFICE)
        conn.exec_driver_sql("INSERT INTO organizations(id, name, kind, created_by, owner_office_id) "
                             "VALUES ('org', 'Ủy ban nhân dân tỉnh Đắk Lắk', 'people_committee', %s, %s)", meta)
        conn.exec_driver_sql("INSERT INTO organizations(id, name, kind, created_by, owner_office_id, deleted) "
                             "VALUES ('gone', 'Sở cũ tỉnh Đắk Lắk', 'department', %s, %s, true)", meta)
        conn.exec_driver_sql("INSERT INTO conferences(id, title, format, created_by, owner_office_id) "
                             "VALUES ('conf', 'Hội nghị sơ kết', 'hybrid', %s, %s)", meta)
        conn.exec_driver_sql("INSERT INTO presentations(id, conference_id, topic, received, sort_order, created_by, "
                             "owner_office_id) VALUES ('p', 'conf', 'Tham luận', true, 1, %s, %s)", meta)
    engine.dispose()


def test_a_server_database_at_0009_is_backed_up_and_upgraded_with_its_data(pg_url):
    _server_at_0009(pg_url)

    db = open_database(pg_url)
    assert db.schema_revision() == database.head_revision()
    with db.engine.connect() as conn:
        assert dict(conn.exec_driver_sql("SELECT id, deleted FROM organizations").all()) == {"org": 0, "gone": 1}
        assert conn.exec_driver_sql("SELECT received FROM presentations").scalar() == 1
        assert conn.exec_driver_sql("SELECT bool_and(condeferrable) FROM pg_constraint WHERE contype='f'").scalar()
    with db.unit_of_work(as_office=OFFICE) as session:
        found = orgs.list_organizations(session, "uy ban nhan dan tinh dak lak")
    assert [o.name for o in found] == ["Ủy ban nhân dân tỉnh Đắk Lắk"]  # the deleted one is not offered
    db.close()
    assert len(list(backups_dir_for(db.path).glob("*before-migrate*.dump"))) == 1
