"""Engine and sessions: SQLite (WAL) by default, PostgreSQL when ``DATABASE_URL`` says so."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_MMAP_BYTES = 2**31 - 2**16  # SQLite's own ceiling on 64-bit builds (SQLITE_MAX_MMAP_SIZE)


def make_engine(url: str, connect_timeout: int = 5, statement_timeout: float = 30.0) -> Engine:
    """An engine that gives up rather than hang: PostgreSQL connects within ``connect_timeout``
    seconds and cancels a statement after ``statement_timeout``; SQLite waits at most
    ``statement_timeout`` for the write lock. Either raises ``OperationalError`` (a 503)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": statement_timeout, "check_same_thread": False})
        event.listen(engine, "connect", partial(_sqlite_pragmas, busy_ms=int(statement_timeout * 1000)))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # psycopg prepares a statement run five times on a connection; a generic plan then serves every
    # later run, planned once: the list queries walk the same indexes whatever their values, and
    # planning their joins anew cost more than reading a page (PostgreSQL would keep custom plans).
    # No JIT: its compilation starts above a plan's cost, not its time, and a page of q= with many
    # words (one lookup a word) cost 2.2 s of compilation at 80 words for a 20 ms read
    engine = create_engine(url, pool_size=5, max_overflow=5, pool_timeout=statement_timeout,
                           connect_args={"connect_timeout": connect_timeout,
                                         "options": f"-c statement_timeout={int(statement_timeout * 1000)} "
                                                    "-c plan_cache_mode=force_generic_plan -c jit=off"})
    event.listen(engine, "checkout", partial(_ping_on_checkout, engine.dialect))
    return engine


_PING_SKIPPED: ContextVar[bool] = ContextVar("ping_skipped", default=False)


@contextmanager
def skipping_ping(skip: bool = True) -> Iterator[None]:
    """Connections checked out in the block are not pinged: for reads that run again, on a
    pinged connection, a statement that found its connection lost (``reads.DriverReads``)."""
    token = _PING_SKIPPED.set(skip)
    try:
        yield
    finally:
        _PING_SKIPPED.reset(token)


def _ping_on_checkout(dialect, dbapi_connection, _record, _proxy) -> None:
    """What ``pool_pre_ping`` does, unless ``skipping_ping``: a pooled connection that does not
    answer (the server restarted) is dropped, and the pool checks out another or connects anew."""
    if _PING_SKIPPED.get():
        return
    try:
        alive = dialect.do_ping(dbapi_connection)
    except dialect.loaded_dbapi.Error as error:
        raise DisconnectionError("the pooled connection does not answer") from error
    if not alive:
        raise DisconnectionError("the pooled connection does not answer")


def _sqlite_pragmas(dbapi_connection, _record, busy_ms: int) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun by _sqlite_begin
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={busy_ms:d}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # reads through a memory map of the file (the OS's page cache, shared by every process) rather
    # than a read() a page: a list page of a large store touches a hundred pages (SQLite caps the size)
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES:d}")
    cursor.close()


def _sqlite_begin(connection) -> None:
    # a writer takes the write lock up front: a read transaction that later writes would
    # fail at once with "database is locked" instead of waiting for busy_timeout
    if connection.get_execution_options().get("write", False):
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # may wait, then fail as OperationalError (a 503)
    else:  # takes no lock, cannot fail: on the driver's connection, without SQLAlchemy's cost of a statement
        connection.connection.driver_connection.execute("BEGIN")


def make_sessionmaker(engine: Engine, write: bool = False) -> sessionmaker[Session]:
    """Sessions for reading, or (``write=True``) for transactions that will write."""
    return sessionmaker(engine.execution_options(write=write), expire_on_commit=False)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision`` on ``engine``."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # several nodes may start at once
            connection.execute(text("SET LOCAL statement_timeout = 0"))  # a migration may be long
            connection.execute(text("SELECT pg_advisory_xact_lock(4242001)"))
        command.upgrade(_migrations_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Undo the Alembic migrations after ``revision`` on ``engine``."""
    with engine.begin() as connection:
        command.downgrade(_migrations_config(connection), revision)


def _migrations_config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config
