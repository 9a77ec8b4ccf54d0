"""Provinces and Lorestan's counties are reference data: present after `migrate`."""

from django.db import migrations

from taavon.geo.reference import (
    LORESTAN_CODE,
    LORESTAN_COUNTIES_CSV,
    parse_counties,
    read_provinces,
)


def load(apps, schema_editor):
    Province = apps.get_model("geo", "Province")
    County = apps.get_model("geo", "County")
    for row in read_provinces():
        Province.objects.update_or_create(code=row["code"], defaults=row)
    lorestan = Province.objects.get(code=LORESTAN_CODE)
    rows, errors = parse_counties(LORESTAN_COUNTIES_CSV.read_text(encoding="utf-8"))
    if errors:
        raise RuntimeError(f"shipped county data is invalid: {errors}")
    for row in rows:
        County.objects.update_or_create(
            province=lorestan,
            slug=row.slug,
            defaults={
                "name_fa": row.name_fa,
                "name_en": row.name_en,
                "name_key": row.name_key,
                "population_1395": row.population_1395,
                "source": row.source,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
