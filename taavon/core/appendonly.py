"""Database triggers that make a table append-only on SQLite and PostgreSQL.

The models already refuse update/delete; the triggers also stop raw SQL and bulk
`QuerySet.update()`/`delete()` from rewriting history. PostgreSQL blocks UPDATE and DELETE
(TRUNCATE, used only by the test runner's flush, fires no row trigger). SQLite blocks UPDATE
only, because its flush is a plain DELETE; deletes there are refused by the model alone.
Foreign keys *from* these tables use PROTECT, never SET_NULL, which would be an UPDATE.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def _sql(vendor: str, table: str) -> tuple[list[str], list[str]]:
    name = f"{table}_append_only"
    if vendor == "postgresql":
        forward = [
            f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{table} is append-only'; END; $$ LANGUAGE plpgsql;""",
            f"""CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {name}();""",
        ]
        backward = [
            f"DROP TRIGGER IF EXISTS {name} ON {table};",
            f"DROP FUNCTION IF EXISTS {name}();",
        ]
    elif vendor == "sqlite":
        forward = [
            f"""CREATE TRIGGER {name}_upd BEFORE UPDATE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;""",
        ]
        backward = [f"DROP TRIGGER IF EXISTS {name}_upd;"]
    else:
        forward, backward = [], []
    return forward, backward


def append_only(table: str) -> migrations.RunPython:
    def forward(apps: Any, schema_editor: Any) -> None:
        for statement in _sql(schema_editor.connection.vendor, table)[0]:
            schema_editor.execute(statement)

    def backward(apps: Any, schema_editor: Any) -> None:
        for statement in _sql(schema_editor.connection.vendor, table)[1]:
            schema_editor.execute(statement)

    return migrations.RunPython(forward, backward)


def without_append_only(table: str, schema_editor: Any, change: Any) -> None:
    """Run `change()` (a data migration that must fill a new column of old rows) with the
    table's append-only trigger lifted, then put the trigger back, in the same transaction."""
    forward, backward = _sql(schema_editor.connection.vendor, table)
    for statement in backward:
        schema_editor.execute(statement)
    change()
    for statement in forward:
        schema_editor.execute(statement)
