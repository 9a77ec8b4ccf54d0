"""Audit log endpoint for administrators and officers, scoped by geography."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from taavon.audit.selectors import AuditFilter, audit_event_list

from .auth import REQUIRED
from .pagination import Pagination

router = Router(tags=["audit"], auth=REQUIRED)


class AuditEventOut(Schema):
    id: int
    occurred_at: datetime
    actor: str
    action: str
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


class AuditQuery(Schema):
    action: str = ""
    actor: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: date | None = None
    date_to: date | None = None


@router.get("/events", response=list[AuditEventOut], summary="Audit events within my scope")
@paginate(Pagination)
def list_events(request: HttpRequest, filters: Query[AuditQuery]) -> Any:
    return audit_event_list(user=request.auth, filters=AuditFilter(**filters.dict()))  # type: ignore[attr-defined]
