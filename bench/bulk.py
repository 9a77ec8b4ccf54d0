"""Bulk writes on either bench database: COPY on PostgreSQL, executemany on SQLite.

The generators produce rows as COPY text lines (tab-separated, ``\\N`` for NULL, backslash
escapes), the cheapest form for PostgreSQL. SQLite has no COPY: each line becomes a parameter
tuple stored the way Django stores it (integers, booleans as 1/0, datetimes as naive UTC text,
dates as ISO text) and goes in with ``executemany``. The conversion is part of the write there,
as parsing the text is part of COPY.
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

COPY_CHUNK_ROWS = 250_000  # rows per COPY statement (and transaction) for people/memberships
COPY_WORKERS = 2  # connections loading at once (the machine has 2 cores; 1 = sequential)
BARE_PREFIX = "bench_bare_"


def postgres() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def method() -> str:
    """How rows are written on this database, for the report."""
    return "COPY" if postgres() else "executemany"


def load_method() -> str:
    """How ``load_lines`` writes, for the report."""
    if postgres():
        return f"COPY over {COPY_WORKERS} connections"
    return f"executemany, {COPY_CHUNK_ROWS:,} rows per transaction"


# --- in the caller's transaction, on Django's connection -------------------------------------


def write_lines(table: str, columns: Sequence[str], lines: Iterable[str]) -> int:
    """Write COPY text lines (as the dataset's generators make them)."""
    from django.db import connection

    if not postgres():
        return _executemany(table, columns, sqlite_rows(table, columns, lines))
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for batch in itertools.batched(lines, 5000):
            copy.write("".join(batch))
            count += len(batch)
    return count


def write_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write rows of Python values (psycopg adapts them for COPY; for SQLite, ``adapted``)."""
    from django.db import connection

    if not postgres():
        return _executemany(table, columns, adapted(rows))
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def adapted(rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    """Rows as the ORM would store them on SQLite (aware datetimes as naive UTC text); on
    PostgreSQL the rows themselves."""
    if postgres():
        yield from rows
        return
    from django.db import connection

    datetime_value = connection.ops.adapt_datetimefield_value
    for row in rows:
        yield tuple(
            datetime_value(v)
            if isinstance(v, datetime.datetime)
            else v.isoformat()
            if isinstance(v, datetime.date)
            else v
            for v in row
        )


def _executemany(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    from django.db import connection

    quote = connection.ops.quote_name
    statement = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    count = 0
    with connection.cursor() as cursor:
        for batch in itertools.batched(rows, 5000):
            cursor.executemany(statement, batch)
            count += len(batch)
    return count


def sqlite_rows(table: str, columns: Sequence[str], lines: Iterable[str]) -> Iterator[tuple]:
    """COPY text lines as SQLite parameter tuples."""
    convert = [_converter(kind) for kind in _kinds(table, columns)]
    for line in lines:
        values = line.rstrip("\n").split("\t")
        yield tuple(
            None if value == "\\N" else to(value) for to, value in zip(convert, values, strict=True)
        )


def _kinds(table: str, columns: Sequence[str]) -> list[str]:
    """Each column's kind of value (``int``, ``bool``, ``datetime`` or ``text``), from the
    model of ``table`` (or of the table an index-free copy was made from)."""
    from django.apps import apps

    name = table.removeprefix(BARE_PREFIX)
    model = next(m for m in apps.get_models() if m._meta.db_table == name)
    fields = {f.column: f for f in model._meta.concrete_fields}
    kinds = []
    for column in columns:
        field = fields[column]
        kind = getattr(field, "target_field", field).get_internal_type()  # a key: its target
        if kind.endswith(("IntegerField", "AutoField")):
            kinds.append("int")
        elif kind == "BooleanField":
            kinds.append("bool")
        elif kind == "DateTimeField":
            kinds.append("datetime")
        else:
            kinds.append("text")
    return kinds


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value
    return (
        value.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\")
    )


def _datetime(value: str) -> str | None:
    from django.db import connection

    if "T" not in value and "+" not in value:  # already as Django stores it on SQLite
        return value
    return connection.ops.adapt_datetimefield_value(datetime.datetime.fromisoformat(value))


def _converter(kind: str) -> Callable[[str], Any]:
    if kind == "int":
        return int
    if kind == "bool":
        return lambda value: int(value in ("t", "True", "1"))
    if kind == "datetime":
        return _datetime
    return _unescape


def reserve_ids(table: str, count: int) -> list[int]:
    """``count`` ids from the table's own id counter (PostgreSQL's identity sequence, SQLite's
    AUTOINCREMENT counter), for rows written with explicit ids."""
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        if postgres():
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        with transaction.atomic():
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")
            last = max(row[0] if row else 0, cursor.fetchone()[0])
            if row:
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [last + count, table]
                )
            else:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, last + count]
                )
    return list(range(last + 1, last + count + 1))


def sync_ids(table: str) -> None:
    """After rows written with explicit ids: move PostgreSQL's id sequence past them (SQLite's
    AUTOINCREMENT counter follows explicit ids by itself)."""
    from django.db import connection

    if not postgres():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT MAX(id) FROM {table}))",
            [table],
        )


def analyze(*tables: str, vacuum: bool = False) -> None:
    """Fresh planner statistics; ``vacuum`` also sets PostgreSQL's visibility map, so
    index-only scans work as on a settled database (SQLite needs no such step)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if postgres():
            command = "VACUUM (ANALYZE)" if vacuum else "ANALYZE"
            cursor.execute(f"{command} {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")


@contextlib.contextmanager
def bare_copy(table: str) -> Iterator[str]:
    """A copy of ``table`` without indexes, constraints or triggers (a logged table on
    PostgreSQL, like the real one), dropped afterwards: the floor a write is compared with."""
    from django.db import connection

    quote = connection.ops.quote_name
    bare = BARE_PREFIX + table
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {quote(bare)}")
        if postgres():
            cursor.execute(
                f"CREATE TABLE {quote(bare)} "
                f"(LIKE {quote(table)} INCLUDING DEFAULTS INCLUDING IDENTITY)"
            )
        else:
            cursor.execute(f"CREATE TABLE {quote(bare)} AS SELECT * FROM {quote(table)} WHERE 0")
    try:
        yield bare
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {quote(bare)}")


# --- committed loads of many rows ------------------------------------------------------------


def load_lines(table: str, columns: list[str], lines: Iterable[str]) -> int:
    """Write COPY text lines in chunks of COPY_CHUNK_ROWS rows, each chunk its own transaction:
    on PostgreSQL over COPY_WORKERS connections at once (this thread generates, the workers'
    servers insert), on SQLite through Django's connection (one writer at a time)."""
    if postgres():
        return _copy_parallel(table, columns, lines)
    from django.db import transaction

    written = 0
    iterator = iter(lines)
    while chunk := list(itertools.islice(iterator, COPY_CHUNK_ROWS)):
        with transaction.atomic():
            written += write_lines(table, columns, chunk)
    return written


def _copy_parallel(table: str, columns: list[str], lines: Iterable[str], batch: int = 5_000) -> int:
    import psycopg
    from django.db import connection

    column_list = ", ".join(connection.ops.quote_name(c) for c in columns)
    statement = f"COPY {connection.ops.quote_name(table)} ({column_list}) FROM STDIN"
    url = os.environ["DATABASE_URL"]
    chunks: queue.Queue[list[str] | None] = queue.Queue(maxsize=COPY_WORKERS)
    failures: list[BaseException] = []
    written = [0] * COPY_WORKERS

    def work(slot: int) -> None:
        try:
            with psycopg.connect(url) as conn:
                conn.execute("SET synchronous_commit = off")  # this session only
                while (chunk := chunks.get()) is not None:
                    with conn.cursor() as cursor, cursor.copy(statement) as copy:
                        for text in chunk:
                            copy.write(text)
                    conn.commit()
                    written[slot] += sum(text.count("\n") for text in chunk)
        except BaseException as exc:
            failures.append(exc)

    workers = [
        threading.Thread(target=work, args=(slot,), name=f"bench-copy-{slot}", daemon=True)
        for slot in range(COPY_WORKERS)
    ]
    for worker in workers:
        worker.start()

    def put(item: list[str] | None) -> None:
        while any(w.is_alive() for w in workers):
            try:
                chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    iterator = iter(lines)
    while not failures:
        texts = []
        for _ in range(0, COPY_CHUNK_ROWS, batch):
            text = "".join(itertools.islice(iterator, batch))
            if not text:
                break
            texts.append(text)
        if not texts:
            break
        put(texts)
    for _worker in workers:
        put(None)
    for worker in workers:
        worker.join()
    if failures:
        raise failures[0]
    return sum(written)
