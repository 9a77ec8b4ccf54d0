"""The audit actions of notifications."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued


@catalogued
class NotificationsEvent(TextChoices):
    MARK_READ = "notifications.mark_read", _("خواندن اعلان‌ها")
