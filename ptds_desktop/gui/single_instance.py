"""One window per database: a second start on the same database wakes the first one instead of opening it twice.

The first instance listens on a local socket (a named pipe on Windows) named after the database path; a
later start connects, asks it to come to the front, and exits. Two windows on one database would each hold
their own view of the data and undo history, and a restore in one would pull the file from under the other.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
WAKE_MESSAGE = b"show\n"


def server_name(db_path: Path | str) -> str:
    """The same for every spelling of the path (relative, symlinked, letter case on Windows), per user; a server
    database's URL as given."""
    resolved = db_path if isinstance(db_path, str) else os.path.normcase(str(Path(db_path).expanduser().resolve()))
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:24]
    user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    return f"ptds-desktop-{hashlib.sha256(user.encode()).hexdigest()[:8]}-{digest}"


class SingleInstance(QObject):
    """`claim()` is True for the first instance (which then emits `wake_requested` when another starts)."""

    wake_requested = Signal()

    def __init__(self, db_path: Path | str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(db_path)
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        if self._wake_running_instance():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by an instance that crashed (Unix): nobody answered above, so remove it.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single-instance server not started: %s", server.errorString())
                return True  # never refuse to start because of this check
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _wake_running_instance(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(WAKE_MESSAGE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            self.wake_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
