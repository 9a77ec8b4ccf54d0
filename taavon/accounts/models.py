"""Users, their roles and each role's geographic scope, and personal API tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("عضو")
    COOP_MANAGER = "coop_manager", _("مدیر تعاونی")
    COUNTY_OFFICER = "county_officer", _("کارشناس اداره شهرستان")
    PROVINCIAL_OFFICER = "provincial_officer", _("کارشناس اداره کل استان")
    NATIONAL_OFFICER = "national_officer", _("کارشناس معاونت امور تعاون")
    FESTIVAL_JUDGE = "festival_judge", _("داور جشنواره")
    SYSADMIN = "sysadmin", _("مدیر سامانه")


class User(AbstractUser):
    """Citizens log in with their national ID (stored in both username and national_id)."""

    national_id = models.CharField(_("کد ملی"), max_length=10, unique=True, null=True, blank=True)
    mobile = models.CharField(_("تلفن همراه"), max_length=13, blank=True)

    class Meta:
        verbose_name = _("کاربر")
        verbose_name_plural = _("کاربران")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class RoleAssignment(models.Model):
    """One role of one user; officer roles carry the geography they act in."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("نقش"), max_length=32, choices=Role.choices)
    province = models.ForeignKey(
        "geo.Province", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("استان")
    )
    county = models.ForeignKey(
        "geo.County", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("شهرستان")
    )
    cooperative = models.ForeignKey(
        "registry.Cooperative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("تعاونی"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("نقش کاربر")
        verbose_name_plural = _("نقش‌های کاربران")
        constraints = [
            models.CheckConstraint(
                name="accounts_role_scope_matches_role",
                condition=(
                    Q(
                        role="county_officer",
                        county__isnull=False,
                        province__isnull=True,
                        cooperative__isnull=True,
                    )
                    | Q(
                        role="provincial_officer",
                        province__isnull=False,
                        county__isnull=True,
                        cooperative__isnull=True,
                    )
                    | Q(
                        role="coop_manager",
                        cooperative__isnull=False,
                        province__isnull=True,
                        county__isnull=True,
                    )
                    | Q(role="festival_judge", county__isnull=True, cooperative__isnull=True)
                    | Q(
                        role__in=["member", "national_officer", "sysadmin"],
                        province__isnull=True,
                        county__isnull=True,
                        cooperative__isnull=True,
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        scope = self.county or self.province or self.cooperative
        return f"{self.get_role_display()}{f' ({scope})' if scope else ''}"


class ApiToken(models.Model):
    """A personal API token; only a SHA-256 of the secret is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("نام"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("توکن API")
        verbose_name_plural = _("توکن‌های API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
