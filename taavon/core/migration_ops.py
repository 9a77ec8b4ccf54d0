"""Migration helpers shared by the apps."""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def drop_single_column_index(
    app_label: str, model_name: str, field_name: str
) -> migrations.RunPython:
    """Drop the plain index Django made for a foreign key, without rebuilding the table.

    Paired with an ``AlterField(db_index=False)`` in ``state_operations``: on SQLite an
    AlterField rebuilds the whole table, which would drop the append-only triggers and copy
    every row. The index is found by introspection (the one non-unique index on exactly that
    column, other than the model's own named indexes) so its generated name need not be repeated.
    """

    def forward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        model = apps.get_model(app_label, model_name)
        column = model._meta.get_field(field_name).column
        table = model._meta.db_table
        connection = schema_editor.connection
        declared = {index.name for index in model._meta.indexes}  # e.g. a named person index
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, table)
        for name, info in constraints.items():
            if (
                name not in declared
                and info.get("index")
                and not info.get("unique")
                and not info.get("primary_key")
                and info.get("columns") == [column]
            ):
                schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")

    def backward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        model = apps.get_model(app_label, model_name)
        field: Any = model._meta.get_field(field_name)
        schema_editor.execute(schema_editor._create_index_sql(model, fields=[field]))  # type: ignore[attr-defined]

    return migrations.RunPython(forward, backward)


def unindex_foreign_keys(
    app_label: str, model_name: str, fields: dict[str, Any]
) -> migrations.SeparateDatabaseAndState:
    """``AlterField`` to ``db_index=False`` in the state; in the database, drop each index in
    place (see :func:`drop_single_column_index`)."""
    return migrations.SeparateDatabaseAndState(
        state_operations=[
            migrations.AlterField(model_name=model_name, name=name, field=field)
            for name, field in fields.items()
        ],
        database_operations=[
            drop_single_column_index(app_label, model_name, name) for name in fields
        ],
    )
