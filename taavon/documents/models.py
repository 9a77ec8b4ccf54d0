"""A register built in the background: large PDFs take longer than a web request may."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    MEMBER_REGISTER_PDF = "member_register_pdf", _("دفتر ثبت اعضا (PDF)")
    CAPITAL_REGISTER_PDF = "capital_register_pdf", _("دفتر سرمایهٔ اعضا (PDF)")
    MEMBER_REGISTER_XLSX = "member_register_xlsx", _("دفتر ثبت اعضا (اکسل)")
    CAPITAL_REGISTER_XLSX = "capital_register_xlsx", _("دفتر سرمایهٔ اعضا (اکسل)")


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", _("در نوبت ساخت")
    RUNNING = "running", _("در حال ساخت")
    READY = "ready", _("آماده")
    FAILED = "failed", _("ناموفق")
    REPLACED = "replaced", _("جایگزین شد")  # a newer copy is ready; this file was deleted


# A build running longer than this has died with its worker (e.g. killed for memory): the page
# stops waiting for it and a new request replaces it.
STALLED_AFTER = datetime.timedelta(minutes=30)


class DocumentJob(models.Model):
    cooperative = models.ForeignKey(
        "registry.Cooperative", on_delete=models.CASCADE, related_name="document_jobs"
    )
    kind = models.CharField(_("سند"), max_length=24, choices=DocumentKind.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("وضعیت"), max_length=8, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED
    )
    # Private: served only through a view that checks the user may manage the cooperative.
    file = models.FileField(upload_to="documents/%Y/%m/", blank=True)
    rows = models.PositiveIntegerField(default=0)
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ساخت سند")
        verbose_name_plural = _("ساخت اسناد")
        indexes = [
            models.Index(fields=["cooperative", "-created_at"], name="registry_docjob_coop"),
        ]
        constraints = [
            models.CheckConstraint(
                name="registry_docjob_ready_has_file",
                condition=~models.Q(status="ready") | ~models.Q(file=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}#{self.pk}"

    @property
    def is_stalled(self) -> bool:
        return (
            self.status == DocumentStatus.RUNNING
            and self.started_at is not None
            and timezone.now() - self.started_at > STALLED_AFTER
        )

    @property
    def is_pending(self) -> bool:
        if self.is_stalled:
            return False
        return self.status in (DocumentStatus.QUEUED, DocumentStatus.RUNNING)

    def audit_placement(self) -> dict[str, int | None]:
        return self.cooperative.audit_placement()
