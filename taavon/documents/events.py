"""The audit actions of documents built in the background."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued


@catalogued
class DocumentsEvent(TextChoices):
    REQUEST = "documents.request", _("درخواست سند")
    READY = "documents.ready", _("آماده شدن سند")
    FAILED = "documents.failed", _("خطا در ساخت سند")
