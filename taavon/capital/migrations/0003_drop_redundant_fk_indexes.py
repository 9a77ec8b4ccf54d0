"""Drop FK indexes that composite indexes already cover (fewer indexes per insert)."""

import django.db.models.deletion
from django.db import migrations, models

from taavon.core.migration_ops import unindex_foreign_keys

PROTECT = django.db.models.deletion.PROTECT


class Migration(migrations.Migration):
    dependencies = [
        ("capital", "0002_append_only"),
        ("registry", "0005_drop_redundant_fk_indexes"),
    ]

    operations = [
        unindex_foreign_keys(
            "capital",
            "ledgerentry",
            {
                "cooperative": models.ForeignKey(
                    db_index=False,
                    on_delete=PROTECT,
                    related_name="ledger_entries",
                    to="registry.cooperative",
                ),
                "membership": models.ForeignKey(
                    db_index=False,
                    on_delete=PROTECT,
                    related_name="ledger_entries",
                    to="registry.membership",
                ),
            },
        ),
    ]
