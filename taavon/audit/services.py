"""audit_record: every write service calls this inside its transaction."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from taavon.core.permissions import user_or_none

from .catalogue import is_catalogued
from .context import current_origin
from .models import AuditEvent


def _placement(obj: Model | None) -> dict[str, int | None]:
    """Province, county and cooperative of the object, if it knows them (used to scope who may
    read, and to find a cooperative's events)."""
    if obj is None:
        return {}
    placement = getattr(obj, "audit_placement", None)
    if callable(placement):
        result: dict[str, int | None] = placement()
        return result
    return {}


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: Model | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
    province_id: int | None = None,
    county_id: int | None = None,
    cooperative_id: int | None = None,
) -> AuditEvent:
    """Record one event. `action` is a code from a context's `events.py` (see
    `taavon.audit.catalogue`); any other string is a programming error."""
    if not is_catalogued(action):
        raise ValueError(f"audit action {action!r} is not in the catalogue (an events.py)")
    origin = current_origin()
    place = _placement(obj)
    real_actor = user_or_none(actor)
    return AuditEvent.objects.create(
        actor=real_actor,
        actor_label=(real_actor.get_username() if real_actor else origin.channel)[:150],
        action=str(action),
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        summary=summary,
        changes=changes or {},
        ip_address=origin.ip_address,
        user_agent=origin.user_agent,
        channel=origin.channel,
        province_id=province_id or place.get("province_id"),
        county_id=county_id or place.get("county_id"),
        cooperative_id=cooperative_id or place.get("cooperative_id"),
    )
