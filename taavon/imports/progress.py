"""Progress of a running import, written to its MemberImport row for the status page to poll.

Writes are throttled. Outside a transaction they are ordinary UPDATEs. During the commit,
which is one long transaction, an UPDATE on the default connection would only become visible
at the end, so on PostgreSQL progress goes through a second, autocommit connection (the
commit's transaction never touches the MemberImport row until its last statement, so the two
cannot wait on each other). SQLite allows one writer at a time: there progress waits.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections

from taavon.imports.models import MemberImport

logger = logging.getLogger(__name__)


class ImportProgress:
    def __init__(self, import_id: int, *, interval: float = 0.5) -> None:
        self.import_id = import_id
        self.interval = interval
        self._last = 0.0
        self._side: Any = None
        self._side_failed = False

    def __call__(self, processed: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        values = {"processed_rows": processed}
        if total:
            values["total_rows"] = max(total, processed)
        if not connection.in_atomic_block:
            MemberImport.objects.filter(pk=self.import_id).update(**values)
        elif connection.vendor == "postgresql":
            self._write_aside(values)

    def _write_aside(self, values: dict[str, int]) -> None:
        if self._side_failed:
            return
        table = MemberImport._meta.db_table
        assignments = ", ".join(f"{name} = %s" for name in values)
        try:
            if self._side is None:
                self._side = connections.create_connection(DEFAULT_DB_ALIAS)
                with self._side.cursor() as cursor:
                    cursor.execute("SET lock_timeout = '1s'")
            with self._side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET {assignments} WHERE id = %s",  # noqa: S608
                    [*values.values(), self.import_id],
                )
        except DatabaseError:
            logger.warning("import %s: progress not written", self.import_id, exc_info=True)
            self._side_failed = True

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None
