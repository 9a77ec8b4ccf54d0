"""The audit log: one append-only row per write, with who, what, which object, when, where."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(_("زمان"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("کاربر"),
    )
    actor_label = models.CharField(_("کاربر"), max_length=150, blank=True)
    action = models.CharField(_("عمل"), max_length=80)
    object_type = models.CharField(_("نوع شیء"), max_length=80, blank=True)
    object_id = models.CharField(_("شناسه شیء"), max_length=64, blank=True)
    object_repr = models.CharField(_("شیء"), max_length=200, blank=True)
    summary = models.TextField(_("خلاصه"), blank=True)
    changes = models.JSONField(_("تغییرات"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("نشانی IP"), null=True, blank=True)
    channel = models.CharField(_("مجرا"), max_length=10, default="system")
    user_agent = models.CharField(max_length=300, blank=True)
    province = models.ForeignKey(
        "geo.Province", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    county = models.ForeignKey(
        "geo.County", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The cooperative the object is or belongs to (from its audit_placement), for finding a
    # cooperative's events by name. Rows written before this column have none.
    cooperative = models.ForeignKey(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # audit_cooperative_idx leads with it
        verbose_name=_("تعاونی"),
    )

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("رویداد ممیزی")
        verbose_name_plural = _("رویدادهای ممیزی")
        indexes = [
            models.Index(fields=["-occurred_at"], name="audit_occurred_idx"),
            models.Index(fields=["action", "-occurred_at"], name="audit_action_idx"),
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["province", "-occurred_at"], name="audit_province_idx"),
            models.Index(fields=["county", "-occurred_at"], name="audit_county_idx"),
            models.Index(fields=["actor", "-occurred_at"], name="audit_actor_idx"),
            models.Index(fields=["cooperative", "-occurred_at"], name="audit_cooperative_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("audit events are append-only")
