"""People and their memberships. A person may belong to many cooperatives."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    FEMALE = "female", _("زن")
    MALE = "male", _("مرد")


class Person(models.Model):
    national_id = models.CharField(_("کد ملی"), max_length=10, unique=True)
    first_name = models.CharField(_("نام"), max_length=100)
    last_name = models.CharField(_("نام خانوادگی"), max_length=100)
    father_name = models.CharField(_("نام پدر"), max_length=100, blank=True)
    birth_date = models.DateField(_("تاریخ تولد"), null=True, blank=True)
    gender = models.CharField(_("جنسیت"), max_length=6, choices=Gender.choices, blank=True)
    mobile = models.CharField(_("تلفن همراه"), max_length=13, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("شخص")
        verbose_name_plural = _("اشخاص")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class MembershipStatus(models.TextChoices):
    MEMBER = "member", _("عضو")
    RESIGNED = "resigned", _("مستعفی")
    EXPELLED = "expelled", _("اخراج‌شده")
    DECEASED = "deceased", _("متوفی")


ExitKind = MembershipStatus  # the exit statuses are the non-member ones


class Membership(models.Model):
    # No single-column FK indexes: (cooperative, register_number) and (cooperative, status)
    # lead with the cooperative, and registry_member_person below serves the person. At 14M
    # rows each index is paid on every insert.
    cooperative = models.ForeignKey(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        related_name="memberships",
        db_index=False,
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", db_index=False
    )
    register_number = models.PositiveIntegerField(_("شماره عضویت"))
    joined_on = models.DateField(_("تاریخ عضویت"))
    status = models.CharField(
        _("وضعیت"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.MEMBER
    )
    exit_date = models.DateField(_("تاریخ خروج"), null=True, blank=True)
    exit_reason = models.TextField(_("دلیل خروج"), blank=True)
    is_founder = models.BooleanField(_("مؤسس"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cooperative", "register_number"]
        verbose_name = _("عضویت")
        verbose_name_plural = _("عضویت‌ها")
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "register_number"], name="registry_member_regno_unique"
            ),
            models.UniqueConstraint(
                fields=["cooperative", "person"],
                condition=Q(status="member"),
                name="registry_member_active_unique",
            ),
            models.CheckConstraint(
                name="registry_member_exit_consistent",
                condition=(
                    Q(status="member", exit_date__isnull=True)
                    | (~Q(status="member") & Q(exit_date__isnull=False))
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["cooperative", "status"], name="registry_member_coop_status"),
            models.Index(fields=["person"], name="registry_member_person"),
        ]

    def __str__(self) -> str:
        return f"{self.cooperative_id}#{self.register_number}"

    def audit_placement(self) -> dict[str, int | None]:
        return self.cooperative.audit_placement()
