"""Audit actions of the workflow engine."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkflowEvent(models.TextChoices):
    TRANSITION = "workflow.transition", _("گذار در گردش کار")
    PUBLISH = "workflow.publish", _("انتشار نسخهٔ تازهٔ گردش کار")
