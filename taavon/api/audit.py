"""Audit log endpoint for administrators and officers, scoped by geography."""

import re
from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import BeforeValidator

from taavon.audit.catalogue import CONTEXT_LABELS, action_label, catalogue
from taavon.audit.selectors import AuditFilter, audit_event_list

from .auth import REQUIRED
from .errors import SIGNED_IN_ERRORS
from .pagination import Pagination
from .types import NO_NUL

router = Router(tags=["audit"], auth=REQUIRED)


class AuditEventOut(Schema):
    id: int
    occurred_at: datetime
    actor: str
    action: str
    action_label: str
    object_type: str
    object_id: str
    object_repr: str
    summary: str
    changes: dict[str, Any]
    ip_address: str | None
    channel: str

    @staticmethod
    def resolve_actor(obj: Any) -> str:
        return str(obj.actor_label)

    @staticmethod
    def resolve_action_label(obj: Any) -> str:
        return action_label(obj.action)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    # Pydantic would also read "0" or "1700000000" as a Unix time; only YYYY-MM-DD is a date here.
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError(_("تاریخ نامعتبر است (قالب YYYY-MM-DD)."))
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]
TRACKING_CODE = r"^\s*([0-9۰-۹]\s*){10}$|^$"


class AuditQuery(Schema):
    action: Annotated[str, Field(max_length=80, pattern=NO_NUL, description="exact code")] = ""
    actor: Annotated[str, Field(max_length=150, pattern=NO_NUL)] = ""
    object_type: Annotated[str, Field(max_length=80, pattern=NO_NUL)] = ""
    object_id: Annotated[str, Field(max_length=64, pattern=NO_NUL)] = ""
    cooperative: Annotated[
        str, Field(max_length=200, pattern=NO_NUL, description="part of the cooperative's name")
    ] = ""
    tracking_code: Annotated[
        str,
        Field(
            max_length=20,
            pattern=TRACKING_CODE,
            description="a founding application's: ten digits, Latin or Persian",
        ),
    ] = ""
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None


@router.get(
    "/events",
    response={200: list[AuditEventOut], **SIGNED_IN_ERRORS},
    summary="Audit events within my scope",
)
@paginate(Pagination)
def list_events(request: HttpRequest, filters: Query[AuditQuery]) -> Any:
    return audit_event_list(user=request.auth, filters=AuditFilter(**filters.dict()))  # type: ignore[attr-defined]


class AuditActionOut(Schema):
    code: str
    label: str
    context: str
    context_label: str


@router.get(
    "/actions",
    response={200: list[AuditActionOut], **SIGNED_IN_ERRORS},
    summary="The catalogue of audit actions (values for the action filter)",
)
def list_actions(request: HttpRequest) -> Any:
    return [
        AuditActionOut(
            code=entry.code,
            label=str(entry.label),
            context=entry.context,
            context_label=str(CONTEXT_LABELS[entry.context]),
        )
        for entry in catalogue()
    ]
