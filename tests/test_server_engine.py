"""SQL written for SQLite (`?` placeholders) runs unchanged on a PostgreSQL server; a server URL is never shown
with its password."""

from ptds_desktop.config import location_text
from ptds_desktop.db.server import anchor_for, make_server_engine


def test_sqlite_placeholders_run_on_the_server_and_quoted_text_is_left_alone(pg_url):
    engine = make_server_engine(pg_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT 'a%b', '?x'").one() == ("a%b", "?x")
        assert conn.exec_driver_sql("SELECT 'a%b', ?, '?x', 'it''s ?', ?", (5, "Đắk Lắk")).one() == (
            "a%b", 5, "?x", "it's ?", "Đắk Lắk")
        assert conn.exec_driver_sql("SELECT count(*) FROM (VALUES ('50%'), ('5')) v(t) WHERE t LIKE ?",
                                    ("%\\%",)).scalar() == 1
        conn.exec_driver_sql("CREATE TEMP TABLE t(a INTEGER, b TEXT)")
        conn.exec_driver_sql("INSERT INTO t VALUES (?, ?)", [(1, "một"), (2, "hai")])
        assert conn.exec_driver_sql("SELECT b FROM t WHERE a > ? ORDER BY a", (0,)).scalars().all() == ["một", "hai"]
    engine.dispose()


def test_a_server_address_is_shown_without_its_password_and_keys_live_on_this_machine(tmp_path, monkeypatch):
    monkeypatch.setenv("PTDS_HOME", str(tmp_path))
    url = "postgresql://staff:s3cret@db.tinh.local:5433/ptds_daklak"
    assert location_text(url) == "postgresql://staff@db.tinh.local:5433/ptds_daklak"
    anchor = anchor_for(url)
    assert anchor.parent == (tmp_path / "servers").resolve()
    assert "s3cret" not in str(anchor) and "ptds-daklak" in anchor.name
