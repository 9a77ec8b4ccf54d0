"""A member-list import: uploaded file, dry-run report, then an all-or-nothing commit."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("بارگذاری شد")
    CHECKING = "checking", _("در حال بررسی")
    CHECKED = "checked", _("بررسی شد")
    INVALID = "invalid", _("دارای خطا")
    COMMITTING = "committing", _("در حال ثبت")
    COMMITTED = "committed", _("ثبت شد")
    FAILED = "failed", _("ناموفق")


# The states in which a worker is (or is about to be) busy with the file.
RUNNING_STATUSES = frozenset(
    {ImportStatus.UPLOADED, ImportStatus.CHECKING, ImportStatus.COMMITTING}
)


class MemberImport(models.Model):
    cooperative = models.ForeignKey(
        "registry.Cooperative", on_delete=models.CASCADE, related_name="member_imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("فایل"), upload_to="imports/members/%Y/%m/")
    original_name = models.CharField(max_length=255)
    status = models.CharField(
        max_length=12, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=list, blank=True)  # [{"row", "column", "message"}], capped
    created_members = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ورود فهرست اعضا")
        verbose_name_plural = _("ورود فهرست‌های اعضا")

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING_STATUSES

    @property
    def percent(self) -> int:
        """How far the current check or commit has got, 0-100."""
        if not self.total_rows:
            return 0
        return min(100, self.processed_rows * 100 // self.total_rows)

    def audit_placement(self) -> dict[str, int | None]:
        return self.cooperative.audit_placement()
