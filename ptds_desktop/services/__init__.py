"""Use cases shared by the GUI and the CLI. They take a Session and return plain data, never ORM rows."""
