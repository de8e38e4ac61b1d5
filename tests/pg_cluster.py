"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder, stopped and deleted after.

    cluster = PgCluster().start()
    url = cluster.create_database("t1")      # postgresql+psycopg://ptds@127.0.0.1:PORT/t1
    ...
    cluster.stop()                           # pg_ctl stop -m fast, then the folder is deleted

The cluster's superuser is the role `ptds` (initdb -U ptds, so it exists whatever the operating-system user is
called), trusted without password on the unix socket (in the temporary folder) and on 127.0.0.1 at a free port;
nothing listens on another address. Durability is switched off (fsync, synchronous_commit, full_page_writes): the
cluster is thrown away, and creating many databases is then fast.

PostgreSQL refuses to run as root, and the tests run as root in CI: then the server runs as the `postgres` system
user (made by Debian's postgresql-common), which owns the temporary folder. A cluster left by a killed test run
(SIGKILL gives no chance to stop it) is stopped and deleted by the next PgCluster started on the machine.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import psycopg
from psycopg import sql

ROLE = "ptds"
MIN_VERSION = 15
FOLDER_PREFIX = "ptds-pg-"
# Settings of a cluster nobody keeps: speed over durability, and listening on loopback only.
THROWAWAY_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "100",
    "log_min_messages": "warning",
}


class PgClusterError(RuntimeError):
    """The test cluster could not be made, started or stopped (the message carries the server's log)."""


def find_bindir() -> Path:
    """The newest installed PostgreSQL (15 or newer) server binaries: Debian's /usr/lib/postgresql/N/bin, else
    pg_config --bindir."""
    candidates: list[tuple[int, Path]] = []
    for folder in glob.glob("/usr/lib/postgresql/*/bin"):
        version = Path(folder).parent.name
        if version.isdigit() and (Path(folder) / "initdb").is_file():
            candidates.append((int(version), Path(folder)))
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            bindir = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                         check=True).stdout.strip())
            out = subprocess.run([str(bindir / "initdb"), "--version"], capture_output=True, text=True,
                                 check=True).stdout
            match = re.search(r"(\d+)", out)
            if match:
                candidates.append((int(match.group(1)), bindir))
    usable = [c for c in candidates if c[0] >= MIN_VERSION]
    if not usable:
        raise PgClusterError(
            f"No PostgreSQL {MIN_VERSION}+ server found (initdb in /usr/lib/postgresql/N/bin or pg_config --bindir); "
            "run tools/setup-env.sh, which installs the Debian packages postgresql and postgresql-contrib.")
    return max(usable)[1]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the server may still lose it to another process: start() retries)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clusters_dir() -> Path:
    """Where the clusters' folders go: the temporary folder, or /tmp when run as root and the `postgres` user could
    not reach the temporary folder (TMPDIR=/root/tmp)."""
    base = Path(tempfile.gettempdir())
    if os.geteuid() == 0 and not all(os.stat(folder).st_mode & 0o001 for folder in (base, *base.parents)):
        return Path("/tmp")
    return base


def _process_alive(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet reaped by its parent, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class PgCluster:
    """One throwaway PostgreSQL cluster; start() and stop() it, or use it as a context manager."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.folder: Path | None = None
        self.port: int | None = None
        self._admin: psycopg.Connection | None = None
        # Root may not run postgres: the Debian package's system user does.
        self._run_as = "postgres" if os.geteuid() == 0 else None

    # -- life cycle ---------------------------------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        assert self.folder is not None, "cluster not started"
        return self.folder / "data"

    @property
    def log_file(self) -> Path:
        assert self.folder is not None, "cluster not started"
        return self.folder / "server.log"

    @property
    def running(self) -> bool:
        return self.folder is not None and self.port is not None

    def postmaster_pid(self) -> int | None:
        """The server's process id from postmaster.pid, or None when it is not running."""
        try:
            return int((self.data_dir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def start(self) -> PgCluster:
        if self.running:
            return self
        reap_orphans()
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=clusters_dir()))
        # Whose run this is: the next run stops the cluster when this process died without doing it.
        (self.folder / "owner.pid").write_text(str(os.getpid()))
        atexit.register(self.stop)
        try:
            if self._run_as:
                shutil.chown(self.folder, user=self._run_as, group=self._run_as)
            self._initdb()
            self._start_server()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the server (fast: connections are closed, nothing waits for them) and delete its folder."""
        atexit.unregister(self.stop)
        if self._admin is not None:
            with contextlib.suppress(psycopg.Error):
                self._admin.close()
            self._admin = None
        folder, self.folder = self.folder, None
        self.port = None
        if folder is None:
            return
        _stop_server(self.bindir, folder / "data", self._run_as)
        shutil.rmtree(folder, ignore_errors=True)

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        user = {"user": self._run_as, "group": self._run_as, "extra_groups": []} if self._run_as else {}
        proc = subprocess.run(args, cwd=self.folder, capture_output=True, text=True, timeout=180, **user)
        if proc.returncode != 0:
            raise PgClusterError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
                                 f"\n{self._log_tail()}")
        return proc

    def _initdb(self) -> None:
        # C.UTF-8 where the C library has it: lower()/upper() then know Vietnamese letters, as on a real server.
        have_c_utf8 = any(Path(p).exists() for p in ("/usr/lib/locale/C.utf8", "/usr/lib/locale/C.UTF-8"))
        self._run(str(self.bindir / "initdb"), "-D", str(self.data_dir), "-U", ROLE, "--auth=trust",
                  "--encoding=UTF8", f"--locale={'C.UTF-8' if have_c_utf8 else 'C'}", "--no-sync",
                  "--no-instructions")
        settings = dict(THROWAWAY_SETTINGS, unix_socket_directories=f"'{self.folder}'")
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# throwaway test cluster (tests/pg_cluster.py)\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())

    def _start_server(self) -> None:
        for _attempt in range(5):
            port = free_port()
            try:
                self._run(str(self.bindir / "pg_ctl"), "start", "-w", "-t", "120", "-D", str(self.data_dir),
                          "-l", str(self.log_file), "-o", f"-p {port}")
            except PgClusterError:
                # Another process took the port between free_port() and the server's bind: try another one.
                if "could not bind" in self._log_tail() or "Address already in use" in self._log_tail():
                    continue
                raise
            self.port = port
            return
        raise PgClusterError(f"no free port for the test cluster after 5 tries\n{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")[-3000:]
        except (OSError, AssertionError):
            return ""

    # -- databases ----------------------------------------------------------------------------------------------

    def url(self, dbname: str) -> str:
        """SQLAlchemy URL of a database of this cluster, as the superuser role `ptds` over TCP on 127.0.0.1."""
        assert self.port is not None, "cluster not started"
        return f"postgresql+psycopg://{ROLE}@127.0.0.1:{self.port}/{dbname}"

    def dsn(self, dbname: str) -> str:
        """The same for psycopg or libpq tools (psql, pg_dump): postgresql://ptds@127.0.0.1:PORT/dbname."""
        assert self.port is not None, "cluster not started"
        return f"postgresql://{ROLE}@127.0.0.1:{self.port}/{dbname}"

    def admin(self) -> psycopg.Connection:
        """An autocommit connection to the `postgres` database over the unix socket, for CREATE/DROP DATABASE."""
        if self._admin is None or self._admin.closed:
            assert self.port is not None, "cluster not started"
            self._admin = psycopg.connect(host=str(self.folder), port=self.port, user=ROLE, dbname="postgres",
                                          autocommit=True)
        return self._admin

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create a database (a copy of `template` when given: fast for a schema made once) and return its URL."""
        # FILE_COPY copies the template's files instead of writing each page to the WAL; the checkpoints it costs
        # are nearly free with fsync off. Measured here: 0.05-0.15 s a database against 0.05-0.33 s for WAL_LOG.
        query = sql.SQL("CREATE DATABASE {} STRATEGY FILE_COPY").format(sql.Identifier(name))
        if template is not None:
            query = sql.SQL("{} TEMPLATE {}").format(query, sql.Identifier(template))
        self.admin().execute(query)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing the connections still open on it (a test that forgot its engine)."""
        self.admin().execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _stop_server(bindir: Path, data_dir: Path, run_as: str | None) -> None:
    """pg_ctl stop -m fast, then wait until the postmaster is gone; kill it (SIGQUIT: immediate shutdown) if it
    is still there after a minute."""
    try:
        pid = int((data_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return
    user = {"user": run_as, "group": run_as, "extra_groups": []} if run_as else {}
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run([str(bindir / "pg_ctl"), "stop", "-D", str(data_dir), "-m", "fast", "-w", "-t", "60"],
                       cwd=data_dir.parent, capture_output=True, timeout=90, **user)
    if _process_alive(pid) and (data_dir / "postmaster.pid").exists():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGQUIT)
    # pg_ctl returns once postmaster.pid is removed, just before the process itself exits.
    deadline = time.monotonic() + 30
    while _process_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)


def reap_orphans() -> None:
    """Stop and delete the clusters of test runs that died without stopping theirs (killed with SIGKILL)."""
    bindir: Path | None = None
    for folder in clusters_dir().glob(f"{FOLDER_PREFIX}*"):
        try:
            owner = int((folder / "owner.pid").read_text())
        except (OSError, ValueError):
            continue
        if owner == os.getpid() or _process_alive(owner):
            continue
        bindir = bindir or find_bindir()
        run_as = "postgres" if os.geteuid() == 0 else None
        _stop_server(bindir, folder / "data", run_as)
        shutil.rmtree(folder, ignore_errors=True)
