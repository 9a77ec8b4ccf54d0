from django.db import migrations

from taavon.registry.defaults import default_profile_rows


def load(apps, schema_editor):
    RuleProfile = apps.get_model("registry", "RuleProfile")
    for row in default_profile_rows():
        RuleProfile.objects.get_or_create(
            kind=row["kind"], sector=row["sector"], version=row["version"], defaults=row
        )


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
