"""Iran's provinces and counties: reference data used for every geographic scope."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    code = models.CharField(
        _("کد"), max_length=8, unique=True, help_text="ISO 3166-2:IR, e.g. IR-15"
    )
    name_fa = models.CharField(_("نام فارسی"), max_length=100)
    name_en = models.CharField(_("نام انگلیسی"), max_length=100)
    population_1395 = models.PositiveBigIntegerField(_("جمعیت ۱۳۹۵"), null=True, blank=True)
    source = models.TextField(_("منبع"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("استان")
        verbose_name_plural = _("استان‌ها")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "fa").startswith("en") else self.name_fa


class County(models.Model):
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="counties", verbose_name=_("استان")
    )
    slug = models.SlugField(_("شناسه"), max_length=60)
    name_fa = models.CharField(_("نام فارسی"), max_length=100)
    name_en = models.CharField(_("نام انگلیسی"), max_length=100)
    name_key = models.CharField(max_length=100, db_index=True, editable=False)
    population_1395 = models.PositiveBigIntegerField(_("جمعیت ۱۳۹۵"), null=True, blank=True)
    source = models.TextField(_("منبع"), blank=True)

    class Meta:
        ordering = ["province__code", "name_fa"]
        verbose_name = _("شهرستان")
        verbose_name_plural = _("شهرستان‌ها")
        constraints = [
            models.UniqueConstraint(fields=["province", "slug"], name="geo_county_unique_slug"),
            models.UniqueConstraint(fields=["province", "name_key"], name="geo_county_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "fa").startswith("en") else self.name_fa
