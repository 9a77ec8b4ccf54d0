"""Writing many rows of one model at once, by the fastest path the database offers: COPY on
PostgreSQL (ids drawn from the table's own sequence in one round trip), multi-row INSERTs
elsewhere. Columns come from the model's fields, so a field added later is never forgotten.

Only the contexts' own writers use this (the share ledger, the member register, people), each
of which checks its rules first; nothing here checks anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

# Below this many rows COPY's fixed cost is not worth it (and the ORM path is simpler to debug).
COPY_MIN_ROWS = 500
PROGRESS_EVERY = 5000

Progress = Callable[[int, int | None], None]


def uses_copy(count: int) -> bool:
    return connection.vendor == "postgresql" and count >= COPY_MIN_ROWS


def chunk_size() -> int:
    """Rows per INSERT where the database limits a statement's variables (SQLite)."""
    limit = connection.features.max_query_params
    return 5000 if limit is None else max(100, min(5000, limit // 20))


def next_ids(model: type[Model], count: int) -> list[int]:
    """`count` fresh primary keys from the table's identity sequence, in one query (PostgreSQL)."""
    if count == 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    progress: Progress | None = None,
    total: int | None = None,
) -> int:
    """COPY rows into a table (PostgreSQL); returns how many were written."""
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
    written = 0
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for written, row in enumerate(rows, start=1):
            copy.write_row(row)
            if progress and written % PROGRESS_EVERY == 0:
                progress(written, total)
    return written


def _defaults(model: type[Model]) -> list[tuple[str, str, Callable[[], Any]]]:
    """(column, attname, default) of every concrete field but the primary key; `auto_now` and
    `auto_now_add` fields default to the time of the write, as the ORM's pre_save would."""
    now = timezone.now()
    found = []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        column = str(field.column)
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            found.append((column, field.attname, lambda: now))
        else:
            found.append((column, field.attname, field.get_default))
    return found


def insert_rows(
    model: type[Model],
    rows: Sequence[Mapping[str, Any]],
    progress: Progress | None = None,
) -> list[int]:
    """Insert rows given as {attname: value} (without the primary key; missing fields take
    their defaults); returns their ids in order. COPY with pre-drawn ids on PostgreSQL for
    large batches, bulk INSERTs otherwise."""
    if not rows:
        return []
    if uses_copy(len(rows)):
        ids = next_ids(model, len(rows))
        fields = _defaults(model)
        columns = [str(model._meta.pk.column), *[column for column, _a, _d in fields]]

        def values(pk: int, row: Mapping[str, Any]) -> list[Any]:
            return [pk, *[row[a] if a in row else default() for _c, a, default in fields]]

        copy_rows(
            model._meta.db_table,
            columns,
            (values(pk, row) for pk, row in zip(ids, rows, strict=True)),
            progress,
            len(rows),
        )
        return ids
    objects = [model(**row) for row in rows]
    step = chunk_size()
    for start in range(0, len(objects), step):
        model._default_manager.bulk_create(objects[start : start + step])
        if progress:
            progress(min(start + step, len(objects)), len(objects))
    return [int(obj.pk) for obj in objects]
