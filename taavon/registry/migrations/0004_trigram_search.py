"""PostgreSQL: trigram indexes for similarity search on names (public registry, name checks).
SQLite has no trigram support; the selectors fall back to search-key containment there."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
    "CREATE INDEX IF NOT EXISTS registry_coop_name_key_trgm ON registry_cooperative "
    "USING gin (name_key gin_trgm_ops);",
    "CREATE INDEX IF NOT EXISTS registry_proposedname_key_trgm ON registry_proposedname "
    "USING gin (name_key gin_trgm_ops);",
]
BACKWARD = [
    "DROP INDEX IF EXISTS registry_coop_name_key_trgm;",
    "DROP INDEX IF EXISTS registry_proposedname_key_trgm;",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_member_import")]
    operations = [migrations.RunPython(forward, backward)]
