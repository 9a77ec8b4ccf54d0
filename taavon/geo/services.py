"""Writes to the geography reference data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError
from taavon.core.permissions import AnyUser, require
from taavon.geo.events import GeoEvent

from .models import County, Province
from .reference import (
    LORESTAN_CODE,
    LORESTAN_COUNTIES_CSV,
    RowError,
    parse_counties,
    read_provinces,
)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def reference_data_load(*, actor: AnyUser | None) -> ImportResult:
    """Load the shipped provinces and Lorestan counties; idempotent. Reference data is the
    system administrators' (and the national office's), or the platform's own at set-up."""
    created = updated = 0
    with transaction.atomic():
        require(actor, "change", Province(code=LORESTAN_CODE))
        for row in read_provinces():
            _, was_created = Province.objects.update_or_create(code=row["code"], defaults=row)
            created, updated = created + was_created, updated + (not was_created)
        lorestan = Province.objects.get(code=LORESTAN_CODE)
        text = LORESTAN_COUNTIES_CSV.read_text(encoding="utf-8")
        result = counties_import(province=lorestan, text=text, actor=actor, audit=False)
        audit_record(
            actor=actor,
            action=GeoEvent.REFERENCE_LOAD,
            summary=f"provinces and counties loaded ({created} created, {updated} updated)",
        )
    return ImportResult(created + result.created, updated + result.updated)


class CountyImportError(ApplicationError):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            gettext("فایل شهرستان‌ها خطا دارد؛ هیچ ردیفی ذخیره نشد."),
            code="invalid_file",
            extra={"rows": [e.__dict__ for e in errors]},
        )
        self.errors = errors


@transaction.atomic
def counties_import(
    *, province: Province, text: str, actor: AnyUser | None, audit: bool = True
) -> ImportResult:
    """Create or update a province's counties from CSV text; all rows or none."""
    require(actor, "change", province)
    rows, errors = parse_counties(text)
    # A name already used by another county of the province would break the unique constraint.
    slug_by_key = dict(County.objects.filter(province=province).values_list("name_key", "slug"))
    errors += [
        RowError(row.row, "name_fa", gettext("شهرستانی با این نام در این استان هست."))
        for row in rows
        if slug_by_key.get(row.name_key, row.slug) != row.slug
    ]
    if errors:
        raise CountyImportError(sorted(errors, key=lambda e: e.row))
    created = updated = 0
    for row in rows:
        _, was_created = County.objects.update_or_create(
            province=province,
            slug=row.slug,
            defaults={
                "name_fa": row.name_fa,
                "name_en": row.name_en,
                "name_key": row.name_key,
                "population_1395": row.population_1395,
                "source": row.source,
            },
        )
        created, updated = created + was_created, updated + (not was_created)
    if audit:
        audit_record(
            actor=actor,
            action=GeoEvent.COUNTY_IMPORT,
            obj=province,
            province_id=province.pk,
            summary=f"{created} counties created, {updated} updated",
        )
    return ImportResult(created, updated)
