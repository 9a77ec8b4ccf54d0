"""Transaction-scoped locks on values that have no row to lock yet."""

from __future__ import annotations

import hashlib

from django.db import connection


def lock_value(namespace: str, value: str) -> None:
    """Hold a lock on ``(namespace, value)`` until the current transaction ends.

    For check-then-insert on a value with no unique constraint (a cooperative's name key
    across counties): whoever holds the lock sees the other's committed row. PostgreSQL takes
    a transaction advisory lock on a 64-bit hash of the pair; SQLite already serialises
    writing transactions, so nothing is needed there.
    """
    if connection.vendor != "postgresql":
        return
    digest = hashlib.blake2b(f"{namespace}\x00{value}".encode(), digest_size=8).digest()
    key = int.from_bytes(digest, "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
