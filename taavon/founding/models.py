"""Founding a cooperative online: the application, its founders, proposed names, the review
transitions, the founding assembly and the officers it elects."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taavon.registry.models import ActivityKind, MembershipKind, Sector
from taavon.workflow.definitions import Workflow
from taavon.workflow.models import TransitionRecord, WorkflowSubject


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("پیش‌نویس")
    SUBMITTED = "submitted", _("در انتظار بررسی")
    RETURNED = "returned", _("بازگشت برای اصلاح")
    REJECTED = "rejected", _("رد شده")
    APPROVED = "approved", _("موافقت‌نامه صادر شد")
    ASSEMBLY_HELD = "assembly_held", _("مجمع مؤسس برگزار شد")
    REGISTERED = "registered", _("ثبت شد")
    WITHDRAWN = "withdrawn", _("انصراف")


class FoundingApplication(WorkflowSubject):
    tracking_code = models.CharField(_("کد رهگیری"), max_length=12, unique=True)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="founding_applications"
    )
    kind = models.CharField(_("نوع فعالیت"), max_length=16, choices=ActivityKind.choices)
    sector = models.CharField(_("بخش"), max_length=20, choices=Sector.choices)
    membership_kind = models.CharField(
        _("نوع عضویت"), max_length=8, choices=MembershipKind.choices, default=MembershipKind.PUBLIC
    )
    special_group = models.CharField(_("گروه خاص"), max_length=100, blank=True)
    county = models.ForeignKey("geo.County", on_delete=models.PROTECT, verbose_name=_("شهرستان"))
    activity = models.TextField(_("موضوع فعالیت"))
    address = models.TextField(_("نشانی"), blank=True)
    feasibility_plan = models.FileField(_("طرح توجیهی"), upload_to="founding/plans/%Y/%m/")
    status = models.CharField(
        _("وضعیت"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    rule_profile = models.ForeignKey(
        "registry.RuleProfile", on_delete=models.PROTECT, related_name="+", verbose_name=_("ضوابط")
    )
    officer_note = models.TextField(_("یادداشت کارشناس"), blank=True)
    approved_name = models.CharField(_("نام تأییدشده"), max_length=200, blank=True)
    agreement_number = models.CharField(_("شمارهٔ موافقت‌نامه"), max_length=30, blank=True)
    agreement_issued_at = models.DateTimeField(_("تاریخ موافقت‌نامه"), null=True, blank=True)
    cooperative = models.OneToOneField(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="founding_application",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("درخواست تأسیس")
        verbose_name_plural = _("درخواست‌های تأسیس")
        indexes = [
            models.Index(fields=["county", "status"], name="registry_app_county_status"),
            models.Index(fields=["status", "status_changed_at"], name="founding_app_stage_since"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement_number"],
                condition=~Q(agreement_number=""),
                name="registry_app_agreement_unique",
            )
        ]

    workflow_history = "transitions"

    def __str__(self) -> str:
        return self.tracking_code

    def workflow(self) -> Workflow:
        from .workflow import FOUNDING

        return FOUNDING

    def audit_placement(self) -> dict[str, int | None]:
        # The cooperative exists from approval on (in status "founding").
        return {
            "county_id": self.county_id,
            "province_id": self.county.province_id,
            "cooperative_id": self.cooperative_id,
        }


class ProposedName(models.Model):
    application = models.ForeignKey(
        FoundingApplication, on_delete=models.CASCADE, related_name="proposed_names"
    )
    rank = models.PositiveSmallIntegerField(_("اولویت"))
    name = models.CharField(_("نام پیشنهادی"), max_length=200)
    name_key = models.CharField(max_length=200, db_index=True)

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "rank"], name="registry_name_rank"),
            models.CheckConstraint(
                name="registry_name_rank_1_3", condition=Q(rank__gte=1, rank__lte=3)
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Founder(models.Model):
    """A member of the founders' board (هیئت مؤسس)."""

    application = models.ForeignKey(
        FoundingApplication, on_delete=models.CASCADE, related_name="founders"
    )
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    is_chair = models.BooleanField(_("رئیس هیئت مؤسس"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "person"], name="registry_founder_once")
        ]

    def __str__(self) -> str:
        return str(self.person)


class ApplicationTransition(TransitionRecord):
    """Recorded history of every workflow step taken on an application."""

    application = models.ForeignKey(
        FoundingApplication, on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(max_length=40, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=40, choices=ApplicationStatus.choices)

    class Meta(TransitionRecord.Meta):
        pass


class FoundingAssembly(models.Model):
    """Results of the founding (first ordinary) general assembly."""

    application = models.OneToOneField(
        FoundingApplication, on_delete=models.PROTECT, related_name="assembly"
    )
    held_on = models.DateField(_("تاریخ برگزاری"))
    members_present = models.PositiveIntegerField(_("حاضران"))
    statute_votes_for = models.PositiveIntegerField(_("آرای موافق اساسنامه"))
    minutes = models.TextField(_("صورت‌جلسه"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="registry_assembly_votes_le_present",
                condition=Q(statute_votes_for__lte=models.F("members_present")),
            )
        ]

    def __str__(self) -> str:
        return f"assembly {self.application_id}"


class OfficerRole(models.TextChoices):
    BOARD = "board", _("عضو اصلی هیئت‌مدیره")
    BOARD_ALTERNATE = "board_alternate", _("عضو علی‌البدل هیئت‌مدیره")
    INSPECTOR = "inspector", _("بازرس اصلی")
    INSPECTOR_ALTERNATE = "inspector_alternate", _("بازرس علی‌البدل")
    MANAGING_DIRECTOR = "managing_director", _("مدیرعامل")


class OfficerTerm(models.Model):
    cooperative = models.ForeignKey(
        "registry.Cooperative", on_delete=models.CASCADE, related_name="officer_terms"
    )
    membership = models.ForeignKey(
        "registry.Membership", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("سمت"), max_length=20, choices=OfficerRole.choices)
    starts_on = models.DateField(_("آغاز"))
    ends_on = models.DateField(_("پایان"))
    assembly = models.ForeignKey(
        FoundingAssembly, on_delete=models.PROTECT, null=True, blank=True, related_name="elected"
    )

    class Meta:
        ordering = ["cooperative", "role", "starts_on"]
        constraints = [
            models.CheckConstraint(
                name="registry_term_dates", condition=Q(ends_on__gt=models.F("starts_on"))
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.person}"
