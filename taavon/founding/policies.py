"""Who sees and acts on founding applications: the applicant sees their own; officers those
placed in their county or province (national officers everywhere)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from taavon.core.permissions import AnyUser, Scope, reaches, register

from .models import FoundingApplication


@register(FoundingApplication)
class FoundingApplicationPolicy:
    """Applicants see their own; officers see those of their county/province."""

    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]:
        if scope.national:
            return qs
        own = Q(applicant_id=user.pk) if user.is_authenticated else Q(pk__in=[])
        if scope.is_officer:
            own |= scope.geo_q(county="county", province="county__province")
        return qs.filter(own)

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool:
        """`applicant:<verb>` actions are the founder's, `officer:<verb>` the reviewing office's.
        An officer never acts as the office on their own application."""
        own = bool(user.is_authenticated and obj.applicant_id == user.pk)
        officer = self._is_officer_for(scope, obj)
        if action == "view":
            return own or officer
        if action.startswith("applicant:"):
            return own
        if action.startswith("officer:"):
            return officer and not own
        return False

    @staticmethod
    def _is_officer_for(scope: Scope, obj: Any) -> bool:
        return reaches(scope, "county", county_id=obj.county_id, province_id=obj.county.province_id)
