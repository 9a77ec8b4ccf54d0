"""Drop FK indexes that other indexes already cover (fewer indexes per insert)."""

import django.db.models.deletion
from django.db import migrations, models

from taavon.core.migration_ops import unindex_foreign_keys

PROTECT = django.db.models.deletion.PROTECT


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0004_trigram_search"),
    ]

    operations = [
        unindex_foreign_keys(
            "registry",
            "membership",
            {
                "cooperative": models.ForeignKey(
                    db_index=False,
                    on_delete=PROTECT,
                    related_name="memberships",
                    to="registry.cooperative",
                ),
                "person": models.ForeignKey(
                    db_index=False,
                    on_delete=PROTECT,
                    related_name="memberships",
                    to="registry.person",
                ),
            },
        ),
    ]
