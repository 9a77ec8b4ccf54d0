"""Drop FK indexes that composite indexes already cover (fewer indexes per insert)."""

import django.db.models.deletion
from django.db import migrations, models

from taavon.core.migration_ops import drop_single_column_index


class Migration(migrations.Migration):

    dependencies = [
        ('capital', '0002_append_only'),
        ('registry', '0005_drop_redundant_fk_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='ledgerentry',
                    name='cooperative',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='ledger_entries', to='registry.cooperative'),
                ),
                migrations.AlterField(
                    model_name='ledgerentry',
                    name='membership',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='ledger_entries', to='registry.membership'),
                ),
            ],
            database_operations=[
                drop_single_column_index('capital', 'ledgerentry', 'cooperative'),
                drop_single_column_index('capital', 'ledgerentry', 'membership'),
            ],
        ),
    ]
