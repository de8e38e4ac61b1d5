from ptds_desktop.db.database import Database, open_database

__all__ = ["Database", "open_database"]
