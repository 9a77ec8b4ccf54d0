"""In-app notifications and the record of each delivery attempt by email or SMS."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    code = models.CharField(_("نوع"), max_length=80)
    title = models.CharField(_("عنوان"), max_length=200)
    body = models.TextField(_("متن"), blank=True)
    url = models.CharField(_("پیوند"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("زمان"), auto_now_add=True)
    read_at = models.DateTimeField(_("خوانده‌شده"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("اعلان")
        verbose_name_plural = _("اعلان‌ها")
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notif_recipient_idx"),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notif_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Channel(models.TextChoices):
    EMAIL = "email", _("رایانامه")
    SMS = "sms", _("پیامک")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("در صف")
    SENT = "sent", _("ارسال شد")
    SKIPPED = "skipped", _("بدون نشانی")
    FAILED = "failed", _("ناموفق")


class Delivery(models.Model):
    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=8, choices=Channel.choices)
    status = models.CharField(
        max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"], name="notif_delivery_unique_channel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel}:{self.status}"
