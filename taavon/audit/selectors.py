"""Reading the audit log, always through the permission module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from taavon.core.permissions import AnyUser, visible
from taavon.persian.text import digit_code, search_key

from .catalogue import recorded_as
from .models import AuditEvent

# A founding application's object type, before and after founding became its own app.
FOUNDING_APPLICATION_TYPES = ("founding.foundingapplication", "registry.foundingapplication")


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""  # an exact code from the catalogue
    actor: str = ""
    object_type: str = ""
    object_id: str = ""
    cooperative: str = ""  # part of the cooperative's name, any spelling
    tracking_code: str = ""  # a founding application's
    date_from: date | None = None
    date_to: date | None = None


def _start_of(day: date) -> datetime | None:
    """Local midnight of `day`; None at the ends of the calendar (year 1, year 9999), where the
    instant cannot be held in UTC: such a bound then filters nothing out."""
    try:
        return timezone.make_aware(datetime.combine(day, time.min)).astimezone(UTC)
    except OverflowError:
        return None


def _about_application(tracking_code: str) -> Q:
    """Events whose object is the application with this tracking code (its repr is the code,
    so no join to founding is needed), or whose summary mentions the code."""
    code = digit_code(tracking_code)
    return Q(object_type__in=FOUNDING_APPLICATION_TYPES, object_repr=code) | Q(
        summary__contains=code
    )


def audit_event_list(*, user: AnyUser, filters: AuditFilter) -> QuerySet[AuditEvent]:
    qs = visible(user, AuditEvent).select_related("actor")
    if filters.action:
        qs = qs.filter(action__in=recorded_as(filters.action))
    if key := search_key(filters.cooperative):
        # The cooperative recorded on the event; on PostgreSQL the trigram index on name_key
        # finds the cooperatives, then audit_cooperative_idx their events.
        qs = qs.filter(cooperative__name_key__contains=key)
    if filters.tracking_code.strip():
        qs = qs.filter(_about_application(filters.tracking_code))
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
