"""Reading workflows and the work they hold: which definitions exist, which objects have stayed
in a stage past its target days (for work queues), and how long an object has been waiting."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser, scope_of, visible
from taavon.geo.models import County, Province

from .definitions import Workflow, code_workflow, code_workflows
from .models import WorkflowDefinition, WorkflowSubject


def overdue_q(flow: Workflow, now: datetime.datetime | None = None) -> Q:
    """Objects of this workflow past their stage's target days: one condition per stage that has
    a target, on (status, status_changed_at), which the subjects index. The same rule as
    `Waiting.overdue`: more than the target's whole days since the stage was entered."""
    now = now or timezone.now()
    q = Q(pk__in=[])
    for stage in flow.stages:
        if stage.target_days and not flow.is_terminal(stage.code):
            q |= Q(
                status=stage.code,
                status_changed_at__lt=now - datetime.timedelta(days=stage.target_days),
            )
    return q


@dataclass(frozen=True)
class Waiting:
    """How long an object has been in its stage, against the stage's target."""

    elapsed: datetime.timedelta
    target_days: int | None

    @property
    def days(self) -> int:
        """Whole days in the stage."""
        return self.elapsed.days

    @property
    def overdue(self) -> bool:
        return self.target_days is not None and self.elapsed > datetime.timedelta(
            days=self.target_days
        )

    @property
    def days_over(self) -> int:
        """Whole days past the target; an object late by hours is one day late."""
        if not self.overdue or self.target_days is None:
            return 0
        return max(1, (self.elapsed - datetime.timedelta(days=self.target_days)).days)


def waiting(subject: WorkflowSubject, now: datetime.datetime | None = None) -> Waiting | None:
    """None when the object's stage is final or it has no entry time."""
    flow = subject.workflow()
    status: str = subject.status  # type: ignore[attr-defined]
    stage = flow.stage(status)
    if stage is None or flow.is_terminal(status) or subject.status_changed_at is None:
        return None
    now = now or timezone.now()
    return Waiting(now - subject.status_changed_at, stage.target_days)


def workflow_definitions(user: AnyUser | None) -> QuerySet[WorkflowDefinition]:
    """Every published version the user may read, newest first within a code."""
    return visible(user, WorkflowDefinition).select_related("province", "county", "created_by")


@dataclass(frozen=True)
class WorkflowSummary:
    code: str
    version: int
    title: str
    in_code: bool
    office: str
    workflow: Workflow


def workflow_summaries(user: AnyUser | None) -> list[WorkflowSummary]:
    """The workflows fixed in code, then the latest version of each published one (officers
    only: nothing for anybody else)."""
    if not scope_of(user).is_officer:
        return []
    found = [WorkflowSummary(f.code, f.version, f.title, True, "", f) for f in code_workflows()]
    latest: dict[str, WorkflowDefinition] = {}
    for definition in workflow_definitions(user).order_by("code", "-version"):
        latest.setdefault(definition.code, definition)
    for definition in latest.values():
        office = definition.county or definition.province
        found.append(
            WorkflowSummary(
                definition.code,
                definition.version,
                definition.name,
                False,
                str(office) if office else "",
                definition.workflow,
            )
        )
    return found


def workflow_get(user: AnyUser | None, code: str, version: int | None = None) -> Workflow:
    """A workflow in code (any signed-in officer may read it), or a published version (the
    latest when none is given); NotFoundError otherwise."""
    if not scope_of(user).is_officer:
        raise NotFoundError()
    flow = code_workflow(code)
    if flow is not None:
        if version not in (None, flow.version):
            raise NotFoundError()
        return flow
    qs = workflow_definitions(user).filter(code=code)
    definition = (qs.filter(version=version) if version else qs.order_by("-version")).first()
    if definition is None:
        raise NotFoundError()
    return definition.workflow


def current_definition(code: str) -> WorkflowDefinition:
    """The latest published version of a workflow, for an object starting now (it keeps it)."""
    definition = WorkflowDefinition.objects.filter(code=code).order_by("-version").first()
    if definition is None:
        raise NotFoundError()
    return definition


def definition_versions(user: AnyUser | None, code: str) -> list[WorkflowDefinition]:
    return list(workflow_definitions(user).filter(code=code).order_by("-version"))


def publishing_offices(user: AnyUser | None) -> list[tuple[str, str]]:
    """The offices the user may publish workflows for, as choices: "national", "province:<id>",
    "county:<id>" (the labels in the active language)."""
    scope = scope_of(user)
    offices: list[tuple[str, str]] = []
    if scope.national:
        offices.append(("national", _("معاونت امور تعاون (کشوری)")))
    for province in Province.objects.filter(pk__in=scope.province_ids).order_by("code"):
        offices.append((f"province:{province.pk}", _("اداره کل استان %(p)s") % {"p": province}))
    for county in County.objects.filter(pk__in=scope.county_ids).order_by("name_fa"):
        offices.append((f"county:{county.pk}", _("اداره تعاون شهرستان %(c)s") % {"c": county}))
    return offices
