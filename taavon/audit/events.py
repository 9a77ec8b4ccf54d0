"""The audit actions of the Django admin (`AuditedAdmin`): one code per verb; the model is in
the event's object type."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from .catalogue import catalogued


@catalogued
class AdminEvent(TextChoices):
    ADD = "admin.add", _("افزودن در پنل مدیریت")
    CHANGE = "admin.change", _("ویرایش در پنل مدیریت")
    DELETE = "admin.delete", _("حذف در پنل مدیریت")
