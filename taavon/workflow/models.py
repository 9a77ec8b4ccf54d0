"""Workflow definitions an office publishes, and the two abstract models every context's
workflowed object and its history build on.

- `WorkflowDefinition`: one version of a workflow as data. Versions are never edited (the
  table is append-only); an object started under a version keeps it.
- `WorkflowSubject`: a model whose `status` moves through a workflow; it remembers when it
  entered its stage, so overdue stages are one indexed query. `DefinedWorkflowSubject` pins the
  published version an object started under.
- `TransitionRecord`: one row of an object's history (who, when, from, to, note), written only
  by `workflow.services.workflow_transition`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .definitions import Workflow, workflow_from_data


class WorkflowDefinition(models.Model):
    code = models.CharField(_("کد"), max_length=40)
    version = models.PositiveIntegerField(_("نسخه"))
    name = models.CharField(_("عنوان"), max_length=200)
    # The office that owns the workflow: a county's, a province's, or (neither) the national one.
    province = models.ForeignKey(
        "geo.Province", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    county = models.ForeignKey(
        "geo.County", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    definition = models.JSONField(_("تعریف"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("تعریف گردش کار")
        verbose_name_plural = _("تعریف‌های گردش کار")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="workflow_def_version"),
            models.CheckConstraint(name="workflow_def_version_pos", condition=Q(version__gte=1)),
            models.CheckConstraint(
                name="workflow_def_one_office",
                condition=Q(province__isnull=True) | Q(county__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("workflow definitions are versioned; publish a new version")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("workflow definitions are versioned; publish a new version")

    @cached_property
    def workflow(self) -> Workflow:
        return workflow_from_data(self.code, self.version, self.definition, self.name)

    @property
    def key(self) -> str:
        return f"{self.code}@{self.version}"

    def audit_placement(self) -> dict[str, int | None]:
        if self.county is not None:
            return {"county_id": self.county_id, "province_id": self.county.province_id}
        return {"county_id": None, "province_id": self.province_id}


class WorkflowSubject(models.Model):
    """A model with a `status` moved by the workflow engine. Subclasses declare the related
    name of their history (`workflow_history`) and say which workflow applies (`workflow()`)."""

    status_changed_at = models.DateTimeField(_("ورود به این مرحله"), null=True, editable=False)

    workflow_history: ClassVar[str]

    class Meta:
        abstract = True

    def workflow(self) -> Workflow:
        raise NotImplementedError

    def audit_placement(self) -> dict[str, int | None]:
        raise NotImplementedError


class DefinedWorkflowSubject(WorkflowSubject):
    """A subject whose workflow an office published as data (a support application, say): it
    keeps the version it started under, whatever the office publishes afterwards."""

    workflow_definition = models.ForeignKey(
        WorkflowDefinition, on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta:
        abstract = True

    def workflow(self) -> Workflow:
        return self.workflow_definition.workflow


class TransitionRecord(models.Model):
    """One step of an object's history; subclasses add the foreign key to their object."""

    action = models.CharField(_("اقدام"), max_length=40)
    from_status = models.CharField(_("از مرحله"), max_length=40, blank=True)
    to_status = models.CharField(_("به مرحله"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(_("یادداشت"), blank=True)
    at = models.DateTimeField(_("زمان"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status}→{self.to_status}"
