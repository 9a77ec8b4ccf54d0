"""Reads of geography (geo.selectors): public reference data."""

from __future__ import annotations

import pytest

from taavon.geo.models import County, Province
from taavon.geo.selectors import county_list, place_counts, province_list

pytestmark = pytest.mark.django_db


def test_place_counts_are_the_reference_data() -> None:
    assert place_counts() == {
        "province_count": Province.objects.count(),
        "county_count": County.objects.count(),
    }
    assert place_counts()["province_count"] == 31


def test_a_provinces_counties_and_the_provinces_by_code() -> None:
    counties = list(county_list(province_code="IR-15"))
    assert len(counties) == 11
    assert {c.province.code for c in counties} == {"IR-15"}
    codes = [p.code for p in province_list()]
    assert codes == sorted(codes)
