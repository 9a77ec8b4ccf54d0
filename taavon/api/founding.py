"""Founding a cooperative through the API (/api/v1/founding): the same services, workflow table
and access rule as the /founding/ pages. Missing and out-of-scope answer alike (404); an action
the caller sees but may not take is 403; an action the current status does not allow (or that
lost a race with another officer) is 409. Dates are ISO (Gregorian) on the wire; money is
integer rials (strict: 1.5, "100", 0 and -1 get a 422)."""

import json
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from ninja.files import UploadedFile
from ninja.pagination import paginate
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from taavon.core.errors import NotFoundError
from taavon.founding import selectors, services
from taavon.founding.models import ApplicationStatus, FoundingApplication
from taavon.founding.workflow import STEPS
from taavon.registry.services.people import PersonData
from taavon.workflow.access import allowed_transitions

from .auth import REQUIRED, signed_in_user
from .errors import ErrorOut
from .founding_schemas import (
    ApplicationDetailOut,
    ApplicationOut,
    FounderIn,
    FounderOut,
    SimilarNameOut,
)
from .pagination import Pagination

router = Router(tags=["founding"], auth=REQUIRED)

Rials = Annotated[int, Field(strict=True, gt=0, le=10**15)]
Count = Annotated[int, Field(strict=True, ge=0, le=10**15)]
READ_ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
ERRORS: dict[int, Any] = {**READ_ERRORS, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut}


def _detail(request: HttpRequest, application: FoundingApplication) -> FoundingApplication:
    """The application, re-read with its scope check, carrying what only the caller's view has
    (allowed actions, similar names, capital) for ApplicationDetailOut."""
    user = signed_in_user(request)
    application = selectors.application_get(user=user, pk=application.pk)
    capital = None
    if application.cooperative_id:
        summary = selectors.capital_summary(application)
        capital = {
            "subscribed": summary["totals"].subscribed,
            "paid": summary["totals"].paid,
            "minimum_paid_share": summary["minimum_fraction"],
            "enough_to_register": summary["enough"],
        }
    extra = {
        "allowed_actions": [row.action for row in allowed_transitions(user, application)],
        "may_edit": STEPS["edit"].permits(user, application),
        "may_record_capital": STEPS["capital"].permits(user, application),
        "similar_names": {
            row["name"].name: [s.__dict__ for s in row["similar"]]
            for row in selectors.names_with_similar(application)
        },
        "capital": capital,
    }
    for key, value in extra.items():
        setattr(application, key, value)
    return application


# --- list, create, detail, edit ------------------------------------------------------------


class ListFilter(Schema):
    status: ApplicationStatus | None = None
    mine: bool = False
    q: str = Field("", max_length=100)
    overdue: bool = Field(
        False, description="Only applications past their stage's target days (the work queue)."
    )


@router.get(
    "",
    response={200: list[ApplicationOut], **READ_ERRORS},
    summary="Founding applications I may see",
)
@paginate(Pagination)
def application_list(request: HttpRequest, filters: Query[ListFilter]) -> Any:
    """Applicants see their own; officers those of their county (province, country)."""
    return selectors.application_list(
        user=signed_in_user(request),
        status=filters.status or "",
        mine=filters.mine,
        q=filters.q,
        overdue=filters.overdue,
    )


class ApplicationCreateForm(Schema):
    names: list[str] = Field(..., description="One to three proposed names, by priority.")
    kind: str
    sector: str
    county_id: int
    activity: str
    membership_kind: str = "public"
    special_group: str = ""
    address: str = ""
    founders: str = Field(
        ...,
        description='JSON array of founders: [{"national_id", "first_name", "last_name", '
        '"father_name", "mobile"}, ...]; the first is the chair.',
    )


def _founders_from_json(text: str) -> list[PersonData]:
    try:
        raw = json.loads(text)
        founders = TypeAdapter(list[FounderIn]).validate_python(raw)
    except (ValueError, PydanticValidationError) as exc:
        errors = (
            exc.errors()
            if isinstance(exc, PydanticValidationError)
            else [{"loc": (), "msg": _("فهرست مؤسسان باید آرایهٔ JSON باشد.")}]
        )
        raise NinjaValidationError(
            [{"loc": ("form", "founders", *e["loc"]), "msg": e["msg"]} for e in errors]
        ) from None
    return [f.person() for f in founders]


@router.post(
    "",
    response={201: ApplicationDetailOut, **ERRORS},
    summary="Apply to found a cooperative (multipart, with the PDF plan)",
)
def application_create(
    request: HttpRequest,
    data: Form[ApplicationCreateForm],
    feasibility_plan: File[UploadedFile],
) -> Any:
    application = services.application_create(
        actor=signed_in_user(request),
        names=data.names,
        kind=data.kind,
        sector=data.sector,
        county_id=data.county_id,
        activity=data.activity,
        membership_kind=data.membership_kind,
        special_group=data.special_group,
        address=data.address,
        feasibility_plan=feasibility_plan,
        founders=_founders_from_json(data.founders),
    )
    return Status(201, _detail(request, application))


@router.get(
    "/similar-names",
    response={200: list[SimilarNameOut], **READ_ERRORS},
    summary="Existing cooperatives and open applications with a similar name",
)
def similar_names(request: HttpRequest, name: str = Query(..., max_length=200)) -> Any:
    return [s.__dict__ for s in selectors.similar_names(name)]


@router.get(
    "/{application_id}",
    response={200: ApplicationDetailOut, **READ_ERRORS},
    summary="One founding application",
)
def application_detail(request: HttpRequest, application_id: int) -> Any:
    return _detail(
        request, selectors.application_get(user=signed_in_user(request), pk=application_id)
    )


class ApplicationPatchIn(Schema):
    names: list[str] | None = None
    kind: str | None = None
    sector: str | None = None
    membership_kind: str | None = None
    special_group: str | None = None
    county_id: int | None = None
    activity: str | None = None
    address: str | None = None


def _editable(request: HttpRequest, application_id: int) -> FoundingApplication:
    """The application (404 unless visible); the service checks the rest under its lock."""
    return selectors.application_get(user=signed_in_user(request), pk=application_id)


@router.patch(
    "/{application_id}",
    response={200: ApplicationDetailOut, **ERRORS},
    summary="Edit a draft or returned application",
)
def application_update(
    request: HttpRequest, application_id: int, payload: ApplicationPatchIn
) -> Any:
    application = _editable(request, application_id)
    changes = payload.dict(exclude_unset=True)
    services.application_update(
        actor=signed_in_user(request), application_id=application.pk, **changes
    )
    return _detail(request, application)


@router.post(
    "/{application_id}/plan",
    response={200: ApplicationDetailOut, **ERRORS},
    summary="Replace the feasibility plan (PDF, at most 10 MB)",
)
def plan_replace(
    request: HttpRequest, application_id: int, feasibility_plan: File[UploadedFile]
) -> Any:
    application = _editable(request, application_id)
    services.application_update(
        actor=signed_in_user(request),
        application_id=application.pk,
        feasibility_plan=feasibility_plan,
    )
    return _detail(request, application)


@router.post(
    "/{application_id}/founders", response={201: FounderOut, **ERRORS}, summary="Add a founder"
)
def founder_add(request: HttpRequest, application_id: int, payload: FounderIn) -> Any:
    application = _editable(request, application_id)
    founder = services.founder_add(
        actor=signed_in_user(request), application_id=application.pk, person=payload.person()
    )
    return Status(201, founder)


@router.delete(
    "/{application_id}/founders/{founder_id}",
    response={204: None, **ERRORS},
    summary="Remove a founder (never below the profile's minimum)",
)
def founder_remove(request: HttpRequest, application_id: int, founder_id: int) -> Any:
    application = _editable(request, application_id)
    services.founder_remove(
        actor=signed_in_user(request), application_id=application.pk, founder_id=founder_id
    )
    return Status(204, None)


@router.get(
    "/{application_id}/agreement",
    response={200: None, **READ_ERRORS},
    summary="The agreement (موافقت‌نامه) as a Persian PDF",
    openapi_extra={"responses": {"200": {"content": {"application/pdf": {}}}}},
)
def agreement(request: HttpRequest, application_id: int) -> HttpResponse:
    application = selectors.application_get(user=signed_in_user(request), pk=application_id)
    if not application.agreement_number:
        raise NotFoundError(_("برای این درخواست هنوز موافقت‌نامه صادر نشده است."))
    response = HttpResponse(selectors.agreement_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="agreement-{application.agreement_number}.pdf"'
    )
    return response


# --- workflow actions: one endpoint per action, each with its payload schema -----------------


def _transition(request: HttpRequest, application_id: int, action: str, **payload: Any) -> Any:
    application = selectors.application_get(user=signed_in_user(request), pk=application_id)
    services.application_transition(
        actor=signed_in_user(request), application_id=application.pk, action=action, **payload
    )
    return _detail(request, application)


class NoteIn(Schema):
    note: str = Field(..., max_length=5000, description="Corrections the founder must make.")


class ReasonIn(Schema):
    reason: str = Field(..., max_length=5000)


class OptionalReasonIn(Schema):
    reason: str = Field("", max_length=5000)


class ApproveIn(Schema):
    name_rank: Annotated[int, Field(strict=True, ge=1, le=3)] = 1
    nominal_value: Rials | None = Field(
        None, description="Rials per share of the default share class; 1,000,000 if omitted."
    )


class AssemblyIn(Schema):
    held_on: date
    members_present: Annotated[int, Field(strict=True, ge=1)]
    statute_votes_for: Annotated[int, Field(strict=True, ge=0)]
    board: list[str] = Field(..., description="National IDs of the principal board members.")
    board_alternates: list[str] = []
    inspectors: list[str] = Field(..., description="One or two national IDs.")
    inspector_alternates: list[str] = Field(..., description="One national ID.")
    minutes: str = Field("", max_length=20000)


class RegisterIn(Schema):
    registration_number: str = Field(..., max_length=20)
    registration_date: date
    legal_national_id: str = Field(..., max_length=20)


# (payload schema or None, summary) per action code of founding/workflow.py
ACTION_ENDPOINTS: dict[str, tuple[type[Schema] | None, str]] = {
    "submit": (None, "Submit for review (applicant)"),
    "return": (NoteIn, "Return for corrections (officer; note required)"),
    "reject": (ReasonIn, "Reject (officer; reason required)"),
    "approve": (ApproveIn, "Approve: issue the agreement, create the cooperative (officer)"),
    "record_assembly": (AssemblyIn, "Record the founding assembly (applicant or officer)"),
    "register": (RegisterIn, "Register the cooperative (officer)"),
    "withdraw": (OptionalReasonIn, "Withdraw the application (applicant)"),
}


def _action_endpoint(action: str, schema: type[Schema] | None, summary: str) -> None:
    """POST /{id}/actions/<action>, typed with that action's payload schema."""

    def bare(request: HttpRequest, application_id: int) -> Any:
        return _transition(request, application_id, action)

    def with_payload(request: HttpRequest, application_id: int, payload: Schema) -> Any:
        return _transition(request, application_id, action, **payload.dict(exclude_none=True))

    view: Callable[..., Any] = bare
    if schema is not None:
        with_payload.__annotations__["payload"] = schema  # ninja reads the real schema from here
        view = with_payload
    view.__name__ = f"action_{action}"
    router.post(
        f"/{{application_id}}/actions/{action}",
        response={200: ApplicationDetailOut, **ERRORS},
        summary=summary,
        operation_id=f"founding_action_{action}",
    )(view)


for _action, (_schema, _summary) in ACTION_ENDPOINTS.items():
    _action_endpoint(_action, _schema, _summary)


# --- capital -------------------------------------------------------------------------------


class CapitalRowIn(Schema):
    membership_id: Annotated[int, Field(strict=True, gt=0)]
    shares: Count = 0
    paid: Count = 0


class CapitalIn(Schema):
    effective_on: date
    reference: str = Field("", max_length=100)
    rows: list[CapitalRowIn] = Field(..., min_length=1)


@router.post(
    "/{application_id}/capital",
    response={200: ApplicationDetailOut, **ERRORS},
    summary="Record founders' subscribed shares and payments (after approval)",
)
def capital_record(request: HttpRequest, application_id: int, payload: CapitalIn) -> Any:
    application = selectors.application_get(user=signed_in_user(request), pk=application_id)
    services.founding_capital_record(
        actor=signed_in_user(request),
        application_id=application.pk,
        effective_on=payload.effective_on,
        reference=payload.reference,
        rows=[services.CapitalRow(r.membership_id, r.shares, r.paid) for r in payload.rows],
    )
    return _detail(request, application)
