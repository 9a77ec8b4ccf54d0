"""Provinces and Lorestan's counties are present right after `migrate`."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db.models import Sum

from taavon.core.permissions import SYSTEM
from taavon.geo.models import County, Province
from taavon.geo.services import reference_data_load

pytestmark = pytest.mark.django_db

NATIONAL_POPULATION_1395 = 79_926_270
LORESTAN_POPULATION_1395 = 1_760_649


def test_31_provinces_sum_to_the_1395_national_total() -> None:
    assert Province.objects.count() == 31
    total = Province.objects.aggregate(total=Sum("population_1395"))["total"]
    assert total == NATIONAL_POPULATION_1395


def test_province_codes_are_iso_and_unique() -> None:
    codes = list(Province.objects.values_list("code", flat=True))
    assert len(set(codes)) == 31
    assert all(code.startswith("IR-") and len(code) == 5 for code in codes)


def test_lorestan_has_11_counties_summing_to_its_population() -> None:
    lorestan = Province.objects.get(code="IR-15")
    counties = County.objects.filter(province=lorestan)
    assert lorestan.name_fa == "لرستان"
    assert counties.count() == 11
    assert counties.aggregate(total=Sum("population_1395"))["total"] == LORESTAN_POPULATION_1395
    assert lorestan.population_1395 == LORESTAN_POPULATION_1395


def test_county_names_are_normalised_and_keyed() -> None:
    khorramabad = County.objects.get(slug="khorramabad")
    assert khorramabad.name_fa == "خرم\u200cآباد"
    assert khorramabad.name_key == "خرماباد"
    assert khorramabad.source  # every figure cites where it came from


def test_reference_data_load_is_idempotent_and_audited() -> None:
    from taavon.audit.models import AuditEvent

    result = reference_data_load(actor=SYSTEM)
    assert result.created == 0
    assert result.updated == 31 + 11
    assert Province.objects.count() == 31
    assert County.objects.count() == 11
    assert AuditEvent.objects.filter(action="geo.reference.load").count() == 1


def test_load_reference_data_command(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_reference_data")
    assert "0 created" in capsys.readouterr().out
    assert County.objects.count() == 11
