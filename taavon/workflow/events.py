"""The audit actions of the workflow engine."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued


@catalogued
class WorkflowEvent(TextChoices):
    TRANSITION = "workflow.transition", _("گذار در گردش کار")
    PUBLISH = "workflow.publish", _("انتشار نسخهٔ گردش کار")
