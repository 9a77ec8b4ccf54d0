"""Reads of geography; public reference data, visible to everyone."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from .models import County, Province


def province_list() -> QuerySet[Province]:
    return Province.objects.annotate(county_count=Count("counties")).order_by("code")


def place_counts() -> dict[str, int]:
    """How many provinces and counties there are (the home page's figures)."""
    return {"province_count": Province.objects.count(), "county_count": County.objects.count()}


def county_list(*, province_code: str | None = None) -> QuerySet[County]:
    qs = County.objects.select_related("province").order_by("province__code", "name_fa")
    if province_code:
        qs = qs.filter(province__code=province_code)
    return qs
