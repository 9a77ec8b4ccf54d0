"""The audit actions of geo: loading provinces and counties."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued


@catalogued
class GeoEvent(TextChoices):
    REFERENCE_LOAD = "geo.reference.load", _("بارگذاری تقسیمات کشوری")
    COUNTY_IMPORT = "geo.county.import", _("ورود فهرست شهرستان‌ها")
