"""Cooperatives. The founding flow, members and capital arrive with the registry issue;
this is the core record other apps (roles, audit scope) already point at."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from taavon.persian.text import normalize, search_key


class CooperativeStatus(models.TextChoices):
    FOUNDING = "founding", _("در حال تأسیس")
    ACTIVE = "active", _("ثبت‌شده و فعال")
    INACTIVE = "inactive", _("غیرفعال")
    LIQUIDATION = "liquidation", _("در حال تصفیه")
    DISSOLVED = "dissolved", _("منحل‌شده")


class Cooperative(models.Model):
    name = models.CharField(_("نام"), max_length=200)
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    county = models.ForeignKey(
        "geo.County",
        on_delete=models.PROTECT,
        related_name="cooperatives",
        verbose_name=_("شهرستان"),
    )
    status = models.CharField(
        _("وضعیت"),
        max_length=16,
        choices=CooperativeStatus.choices,
        default=CooperativeStatus.FOUNDING,
    )
    registration_number = models.CharField(_("شماره ثبت"), max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("تعاونی")
        verbose_name_plural = _("تعاونی‌ها")
        indexes = [models.Index(fields=["county", "status"], name="registry_coop_county_status")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name = normalize(self.name)
        self.name_key = search_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def audit_placement(self) -> dict[str, int | None]:
        return {"county_id": self.county_id, "province_id": self.county.province_id}
