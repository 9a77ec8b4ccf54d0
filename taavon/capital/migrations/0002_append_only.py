from django.db import migrations

from taavon.core.appendonly import append_only


class Migration(migrations.Migration):
    dependencies = [("capital", "0001_initial")]
    operations = [append_only("capital_ledgerentry")]
