"""The cooperative record and its status history."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taavon.workflow.definitions import Workflow
from taavon.workflow.models import TransitionRecord, WorkflowSubject


class CooperativeStatus(models.TextChoices):
    FOUNDING = "founding", _("در حال تأسیس")
    ACTIVE = "active", _("ثبت‌شده و فعال")
    INACTIVE = "inactive", _("غیرفعال")
    LIQUIDATION = "liquidation", _("در حال تصفیه")
    DISSOLVED = "dissolved", _("منحل‌شده")


class ActivityKind(models.TextChoices):
    PRODUCTION = "production", _("تولیدی")
    DISTRIBUTION = "distribution", _("توزیعی و خدماتی")
    MULTIPURPOSE = "multipurpose", _("چندمنظوره")


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", _("کشاورزی")
    LIVESTOCK = "livestock", _("دامداری")
    FISHERIES = "fisheries", _("شیلات و آبزیان")
    HANDICRAFTS = "handicrafts", _("صنایع دستی")
    CARPET = "carpet", _("فرش دستباف")
    TOURISM = "tourism", _("گردشگری")
    STARTUPS = "startups", _("استارتاپ و دانش‌بنیان")
    PHARMACEUTICAL = "pharmaceutical", _("دارویی")
    INDUSTRY = "industry", _("صنعتی")
    MINING = "mining", _("معدنی")
    TRANSPORT = "transport", _("حمل و نقل")
    HOUSING = "housing", _("مسکن")
    CREDIT = "credit", _("اعتبار")
    CONSUMER = "consumer", _("مصرف")
    SERVICES = "services", _("خدماتی")


class MembershipKind(models.TextChoices):
    PUBLIC = "public", _("عام")
    SPECIAL = "special", _("خاص")


class Cooperative(WorkflowSubject):
    name = models.CharField(_("نام"), max_length=200)
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    kind = models.CharField(
        _("نوع فعالیت"),
        max_length=16,
        choices=ActivityKind.choices,
        default=ActivityKind.PRODUCTION,
    )
    sector = models.CharField(
        _("بخش"), max_length=20, choices=Sector.choices, default=Sector.SERVICES
    )
    membership_kind = models.CharField(
        _("نوع عضویت"), max_length=8, choices=MembershipKind.choices, default=MembershipKind.PUBLIC
    )
    special_group = models.CharField(_("گروه خاص"), max_length=100, blank=True)
    county = models.ForeignKey(
        "geo.County",
        on_delete=models.PROTECT,
        related_name="cooperatives",
        verbose_name=_("شهرستان"),
    )
    address = models.TextField(_("نشانی"), blank=True)
    postcode = models.CharField(_("کد پستی"), max_length=10, blank=True)
    phone = models.CharField(_("تلفن"), max_length=20, blank=True)
    activity = models.TextField(_("موضوع فعالیت"), blank=True)
    legal_national_id = models.CharField(
        _("شناسه ملی"), max_length=11, unique=True, null=True, blank=True
    )
    registration_number = models.CharField(_("شماره ثبت"), max_length=20, blank=True)
    registration_date = models.DateField(_("تاریخ ثبت"), null=True, blank=True)
    status = models.CharField(
        _("وضعیت"),
        max_length=16,
        choices=CooperativeStatus.choices,
        default=CooperativeStatus.FOUNDING,
    )
    rule_profile = models.ForeignKey(
        "registry.RuleProfile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ضوابط"),
    )
    # Sequential member register numbers are never reused: the counter only grows.
    last_register_number = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("تعاونی")
        verbose_name_plural = _("تعاونی‌ها")
        indexes = [
            models.Index(fields=["county", "status"], name="registry_coop_county_status"),
            models.Index(fields=["status", "sector"], name="registry_coop_status_sector"),
            models.Index(fields=["registration_number"], name="registry_coop_regno"),
            models.Index(fields=["status", "status_changed_at"], name="registry_coop_stage_since"),
        ]
        constraints = [
            models.CheckConstraint(
                name="registry_coop_special_needs_group",
                condition=~Q(membership_kind="special") | ~Q(special_group=""),
            ),
        ]

    workflow_history = "status_changes"

    def __str__(self) -> str:
        return self.name

    def workflow(self) -> Workflow:
        from ..workflow import COOPERATIVE_STATUS

        return COOPERATIVE_STATUS

    def save(self, *args: Any, **kwargs: Any) -> None:
        from taavon.persian.text import normalize, search_key

        self.name = normalize(self.name)
        self.name_key = search_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)

    def audit_placement(self) -> dict[str, int | None]:
        return {
            "county_id": self.county_id,
            "province_id": self.county.province_id,
            "cooperative_id": self.pk,
        }

    def take_register_numbers(self, count: int) -> int:
        """Reserve the next `count` member register numbers (the row is locked by the caller);
        returns the first. Numbers are never reused: the counter only grows."""
        first = self.last_register_number + 1
        self.last_register_number += count
        self.save(update_fields=["last_register_number", "updated_at"])
        return first

    @property
    def is_registered(self) -> bool:
        return self.status != CooperativeStatus.FOUNDING


class CooperativeStatusChange(TransitionRecord):
    """Recorded history of status: founding → active → inactive → liquidation → dissolved."""

    cooperative = models.ForeignKey(
        Cooperative, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=40, choices=CooperativeStatus.choices, blank=True)
    to_status = models.CharField(max_length=40, choices=CooperativeStatus.choices)

    class Meta(TransitionRecord.Meta):
        indexes = [models.Index(fields=["cooperative", "at"], name="registry_status_hist")]
