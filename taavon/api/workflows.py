"""Workflows (/api/v1/workflows): the ones fixed in code (founding, a cooperative's status) and
the versions offices publish as data; publishing a new version. For officers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from taavon.workflow.definitions import Workflow
from taavon.workflow.selectors import workflow_get, workflow_summaries
from taavon.workflow.services import workflow_definition_publish

from .auth import REQUIRED, signed_in_user
from .errors import ErrorOut

router = Router(tags=["workflows"], auth=REQUIRED)
READ_ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
ERRORS: dict[int, Any] = {**READ_ERRORS, 400: ErrorOut, 409: ErrorOut}


class WorkflowStageOut(Schema):
    code: str
    name: str
    target_days: int | None = Field(None, description="The office's target for leaving it.")
    final: bool


class WorkflowTransitionOut(Schema):
    source: str
    action: str
    target: str
    name: str
    roles: list[str] = Field(..., description="applicant, manager or officer")
    reach: str = Field(..., description="county, province or national: an officer's level")


class WorkflowOut(Schema):
    code: str
    version: int
    title: str
    initial: str
    stages: list[WorkflowStageOut]
    transitions: list[WorkflowTransitionOut]


class WorkflowSummaryOut(Schema):
    code: str
    version: int
    title: str
    in_code: bool = Field(..., description="Fixed by law in code (not published as data).")
    office: str


def _out(flow: Workflow) -> dict[str, Any]:
    return {
        "code": flow.code,
        "version": flow.version,
        "title": flow.title,
        "initial": flow.initial,
        "stages": [
            {
                "code": s.code,
                "name": s.name,
                "target_days": s.target_days,
                "final": flow.is_terminal(s.code),
            }
            for s in flow.stages
        ],
        "transitions": [
            {
                "source": t.source,
                "action": t.action,
                "target": t.target,
                "name": t.name,
                "roles": list(t.roles),
                "reach": t.reach,
            }
            for t in flow.transitions
        ],
    }


@router.get("", response={200: list[WorkflowSummaryOut], **READ_ERRORS}, summary="Workflows")
def workflow_list(request: HttpRequest) -> Any:
    return [s.__dict__ for s in workflow_summaries(signed_in_user(request))]


class VersionQuery(Schema):
    version: int | None = Field(None, ge=1, le=1_000_000)


@router.get(
    "/{code}",
    response={200: WorkflowOut, **READ_ERRORS},
    summary="One workflow (its latest version, or the one asked for)",
)
def workflow_detail(request: HttpRequest, code: str, query: Query[VersionQuery]) -> Any:
    return _out(workflow_get(signed_in_user(request), code[:40], query.version))


class PublishIn(Schema):
    code: str = Field(..., max_length=40, description="Lower-case Latin letters, digits and _.")
    name: str = Field(..., max_length=200)
    province_id: int | None = Field(None, description="The owning provincial office, if any.")
    county_id: int | None = Field(None, description="The owning county office, if any.")
    definition: dict[str, Any] = Field(
        ...,
        description=(
            'The workflow as data: {"initial": stage, "stages": [{"code", "label", '
            '"target_days"}], "transitions": [{"source", "action", "target", "roles", '
            '"reach", "label"}]}. Labels are text or {"fa": ..., "en": ...}.'
        ),
    )


@router.post(
    "",
    response={201: WorkflowOut, **ERRORS},
    summary="Publish the next version of an office's workflow",
)
def workflow_publish(request: HttpRequest, payload: PublishIn) -> Any:
    created = workflow_definition_publish(
        actor=signed_in_user(request),
        code=payload.code,
        name=payload.name,
        definition=payload.definition,
        province_id=payload.province_id,
        county_id=payload.county_id,
    )
    return Status(201, _out(created.workflow))
