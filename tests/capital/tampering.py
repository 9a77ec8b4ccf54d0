"""Editing ledger rows behind the application's back, for tests of the hash chain.

The append-only triggers refuse UPDATE (and DELETE on PostgreSQL), so a test first switches
them off inside its own transaction: on SQLite it drops the trigger (DDL is transactional
there too), on PostgreSQL it disables user triggers on the table. The test's rollback puts
everything back; `triggers_off` also restores them itself in case a test commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

TABLE = "capital_ledgerentry"
SQLITE_TRIGGER = f"{TABLE}_append_only_upd"


def _alter(cursor: Any, action: str) -> None:
    # PostgreSQL refuses ALTER TABLE while deferred foreign-key checks of this transaction
    # are pending: run them now, alter, and go back to Django's deferred default.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(f"ALTER TABLE {TABLE} {action} TRIGGER USER")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def triggers_off() -> Iterator[None]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _alter(cursor, "DISABLE")
        else:
            cursor.execute(f"DROP TRIGGER IF EXISTS {SQLITE_TRIGGER}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                _alter(cursor, "ENABLE")
            else:
                cursor.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {SQLITE_TRIGGER} BEFORE UPDATE ON {TABLE} "
                    f"BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only'); END;"
                )


def tamper(cooperative_id: int, seq: int, assignment: str, params: list[object]) -> None:
    """UPDATE one row: `tamper(coop.pk, 3, "paid_delta = %s", [1])`."""
    with triggers_off(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TABLE} SET {assignment} WHERE cooperative_id = %s AND seq = %s",
            [*params, cooperative_id, seq],
        )
        assert cursor.rowcount == 1


def delete(cooperative_id: int, seq: int) -> None:
    with triggers_off(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE cooperative_id = %s AND seq = %s", [cooperative_id, seq]
        )
        assert cursor.rowcount == 1
