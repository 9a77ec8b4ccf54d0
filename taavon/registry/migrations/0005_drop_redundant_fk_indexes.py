"""Drop FK indexes that composite indexes already cover (fewer indexes per insert)."""

import django.db.models.deletion
from django.db import migrations, models

from taavon.core.migration_ops import drop_single_column_index


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0004_trigram_search'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='membership',
                    name='cooperative',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='memberships', to='registry.cooperative'),
                ),
                migrations.AlterField(
                    model_name='membership',
                    name='person',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='memberships', to='registry.person'),
                ),
            ],
            database_operations=[
                drop_single_column_index('registry', 'membership', 'cooperative'),
                drop_single_column_index('registry', 'membership', 'person'),
            ],
        ),
    ]
