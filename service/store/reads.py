"""Reads on the driver's connection: a Core ``SELECT`` compiled once per dialect, then run on the
DBAPI cursor without SQLAlchemy's execution machinery (issue 14).

A list page is one short statement whose plan and rows are cheap: what cost most was around it,
SQLAlchemy's work for each execution (its cache key, an execution context, result objects) and,
on PostgreSQL, the transaction's ``BEGIN`` and ``ROLLBACK`` round trips. Here a statement is
compiled once (with each list parameter expanded to as many placeholders as it has values), its
parameters are converted by the types' own bind processors and its columns by their result
processors, exactly as SQLAlchemy would, and it runs outside any transaction (PostgreSQL in
autocommit, SQLite's own implicit read transaction): a read of one statement sees one snapshot.
A connection that is not in a transaction keeps psycopg's prepared statements (a ``ROLLBACK``
deallocates them), so a page is planned once per connection.

The connection is checked out without the ping the engine otherwise sends first (a round trip
on PostgreSQL, as long as the read itself): a statement that finds its connection lost (the
server restarted) is run again once on a pinged connection. Driver errors become SQLAlchemy's
(``OperationalError``…), as the app's error handlers expect (a 503 when the database cannot
answer), and a lost connection is dropped from the pool.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

from .db import skipping_ping


@dataclass
class _Compiled:
    # both held, so that their ids (the cache's key) name no other object while this entry lives
    statement: Executable
    dialect: Dialect
    sql: str
    names: tuple[str, ...]  # parameters in the order of their placeholders (positional drivers) or all of them
    positional: bool
    fixed: dict  # parameters whose values the statement holds (literals)
    binds: tuple[tuple[str, Callable], ...]  # a parameter's conversion to the driver's value
    results: tuple[tuple[int, Callable], ...] | None = None  # a column's conversion, known after a first run


class _CompiledCache:
    """Compiled statements by (statement, dialect, lengths of list parameters), least recently used
    dropped first. Meant for statements built once (module constants, ``rows_statement``'s)."""

    def __init__(self, size: int = 1024):
        self.size = size
        self._entries: OrderedDict[tuple, _Compiled] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, statement: Executable, dialect: Dialect, lists: dict) -> _Compiled:
        key = (id(statement), id(dialect), tuple(sorted((name, len(v)) for name, v in lists.items())))
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                return entry
        entry = _compile(statement, dialect, {name: len(v) for name, v in lists.items()})
        with self._lock:
            self._entries[key] = entry
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return entry


def _compile(statement: Executable, dialect: Dialect, lengths: dict[str, int]) -> _Compiled:
    plain = statement.compile(dialect=dialect)
    lists = {bind.key for bind in plain.binds.values() if bind.expanding}
    if lists - set(lengths):
        raise ValueError(f"list parameters without values: {sorted(lists - set(lengths))}")
    # each parameter without a value gets a stand-in (a list parameter as many as it will have
    # values), so that the SQL is rendered with a placeholder per value: ``IN (?, ?, ?)``
    unset = {bind.key: [None] * lengths[bind.key] if bind.expanding else None
             for bind in plain.binds.values() if bind.value is None and bind.callable is None}
    compiled = statement.params(unset).compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    types = {name: bind.type for name, bind in compiled.binds.items() if not bind.expanding}
    for name in lists:  # SQLAlchemy names the values of a list parameter ``name_1``, ``name_2``…
        types.update((f"{name}_{i}", plain.binds[name].type) for i in range(1, lengths[name] + 1))
    values = compiled.construct_params()
    names = tuple(compiled.positiontup) if compiled.positional else tuple(values)
    unknown = set(names) - set(types)
    if unknown:
        raise ValueError(f"parameters of the compiled statement not known: {sorted(unknown)}")
    given = set(unset) | {name for name in types if name.rpartition("_")[0] in lists}
    binds = tuple((name, processor) for name in dict.fromkeys(names)
                  if (processor := types[name].dialect_impl(dialect).bind_processor(dialect)) is not None)
    fixed = {name: value for name, value in values.items() if name not in given}  # literals of the statement
    return _Compiled(statement, dialect, compiled.string, names, compiled.positional, fixed, binds)


_CACHE = _CompiledCache()


class DriverReads:
    """Reads on one pooled DBAPI connection of ``engine``: ``all``, ``scalar`` and ``scalars`` of
    a Core statement with a dict of parameters (a list for an ``expanding`` one). Rows are the
    driver's tuples, or lists when a column needed converting (SQLite's dates and booleans).
    The connection is checked out unpinged; a statement that finds it lost runs again once on a
    pinged one, so that no read fails for a connection the pool kept after a server restart."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect
        self._autocommit = self.dialect.name == "postgresql"
        self._pooled = self._checkout(ping=False)

    def _checkout(self, ping: bool):
        error_class = self.dialect.loaded_dbapi.Error
        with skipping_ping(not ping):
            try:
                pooled = self.engine.raw_connection()
            except error_class as error:  # could not connect: SQLAlchemy's error, as Connection gives it
                raise DBAPIError.instance(None, None, error, error_class, connection_invalidated=True,
                                          dialect=self.dialect) from error
        if self._autocommit:
            pooled.driver_connection.autocommit = True
        return pooled

    def close(self) -> None:
        """Gives the connection back to the pool, as the transaction mode the pool expects."""
        pooled = self._pooled
        if self._autocommit and pooled.is_valid:
            try:
                pooled.driver_connection.autocommit = False
            except self.dialect.loaded_dbapi.Error as error:  # a connection in a bad state is not given back
                pooled.invalidate(error)
        pooled.close()

    def all(self, statement: Executable, params: dict | None = None) -> list[tuple]:
        params = params or {}
        lists = {name: value for name, value in params.items() if isinstance(value, (list, tuple))}
        compiled = _CACHE.get(statement, self.dialect, lists)
        values = {**compiled.fixed, **params}
        for name, items in lists.items():
            values.update((f"{name}_{i}", item) for i, item in enumerate(items, 1))
        for name, processor in compiled.binds:
            value = values.get(name)
            if value is not None:
                values[name] = processor(value)
        driver_params = tuple([values[name] for name in compiled.names]) if compiled.positional \
            else {name: values[name] for name in compiled.names}
        rows, description = self.execute_sql(compiled.sql, driver_params, describe=compiled.results is None)
        if compiled.results is None:
            compiled.results = _result_processors(statement, self.dialect, description)
        if compiled.results:  # as lists, converted in place: a page is 20 to 200 rows
            converted = []
            for row in rows:
                row = list(row)
                for i, processor in compiled.results:
                    row[i] = processor(row[i])
                converted.append(row)
            return converted
        return rows

    def execute_sql(self, sql: str, params: tuple | dict, describe: bool = False) -> tuple[list[tuple], tuple | None]:
        """``sql`` in the driver's paramstyle, run: its rows, and the cursor's description if
        ``describe`` (psycopg builds it anew at each call). Every driver read goes through here."""
        error_class = self.dialect.loaded_dbapi.Error
        for attempt in (1, 2):
            cursor = self._pooled.cursor()
            try:
                cursor.execute(sql, params)
                return cursor.fetchall(), cursor.description if describe else None
            except error_class as error:
                lost = self.dialect.is_disconnect(error, self._pooled.dbapi_connection, cursor)
                if lost:
                    self._pooled.invalidate(error)
                if not (lost and attempt == 1):
                    raise DBAPIError.instance(sql, params, error, error_class, hide_parameters=True,
                                              connection_invalidated=lost, dialect=self.dialect) from error
            finally:
                cursor.close()
            self._pooled.close()  # lost: once more, on a connection the pool pings
            self._pooled = self._checkout(ping=True)
        raise AssertionError("unreachable")

    def scalar(self, statement: Executable, params: dict | None = None):
        rows = self.all(statement, params)
        return rows[0][0] if rows else None

    def scalars(self, statement: Executable, params: dict | None = None) -> list:
        return [row[0] for row in self.all(statement, params)]


def _result_processors(statement, dialect: Dialect, description) -> tuple[tuple[int, Callable], ...]:
    columns = statement.selected_columns
    found = []
    for i, (column, described) in enumerate(zip(columns, description)):
        processor = column.type.dialect_impl(dialect).result_processor(dialect, described[1])
        if processor is not None:
            found.append((i, processor))
    return tuple(found)


@contextmanager
def driver_reads(engine: Engine) -> Iterator[DriverReads]:
    """Reads on a pooled connection of ``engine``, outside a transaction, given back at the end."""
    reads = DriverReads(engine)
    try:
        yield reads
    finally:
        reads.close()
