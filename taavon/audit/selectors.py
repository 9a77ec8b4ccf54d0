"""Reading the audit log, always through the permission module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from taavon.core.permissions import AnyUser, visible

from .models import AuditEvent


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""
    actor: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: date | None = None
    date_to: date | None = None


def _start_of(day: date) -> datetime | None:
    """Local midnight of `day`; None at the ends of the calendar (year 1, year 9999), where the
    instant cannot be held in UTC: such a bound then filters nothing out."""
    try:
        return timezone.make_aware(datetime.combine(day, time.min)).astimezone(UTC)
    except OverflowError:
        return None


def audit_event_list(*, user: AnyUser, filters: AuditFilter) -> QuerySet[AuditEvent]:
    qs = visible(user, AuditEvent).select_related("actor")
    if filters.action:
        qs = qs.filter(action__startswith=filters.action)
    if filters.actor:
        qs = qs.filter(actor_label__iexact=filters.actor)
    if filters.object_type:
        qs = qs.filter(object_type=filters.object_type)
    if filters.object_id:
        qs = qs.filter(object_id=filters.object_id)
    if filters.date_from and (start := _start_of(filters.date_from)):
        qs = qs.filter(occurred_at__gte=start)
    if (
        filters.date_to
        and filters.date_to < date.max
        and (end := _start_of(filters.date_to + timedelta(days=1)))
    ):
        qs = qs.filter(occurred_at__lt=end)
    return qs.order_by("-occurred_at", "-id")
