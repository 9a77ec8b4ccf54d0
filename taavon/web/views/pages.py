"""The public home page and each role's dashboard."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from taavon.accounts.selectors import user_roles
from taavon.capital.selectors.mine import my_memberships
from taavon.core.permissions import scope_of, visible
from taavon.founding.selectors import overdue_count
from taavon.geo.models import County, Province
from taavon.notifications.selectors import notification_list
from taavon.registry.models import Cooperative, CooperativeStatus

HOME_COUNTS_SECONDS = 60


def _home_counts() -> dict[str, int]:
    """Country-wide counts; a full-table aggregate at national scale, so cached briefly."""
    totals = Cooperative.objects.aggregate(
        active=Count("pk", filter=Q(status=CooperativeStatus.ACTIVE)),
        founding=Count("pk", filter=Q(status=CooperativeStatus.FOUNDING)),
    )
    return {
        "province_count": Province.objects.count(),
        "county_count": County.objects.count(),
        "active_cooperatives": totals["active"],
        "founding_cooperatives": totals["founding"],
    }


def home(request: HttpRequest) -> HttpResponse:
    counts = cache.get_or_set("web:home-counts", _home_counts, HOME_COUNTS_SECONDS)
    return render(request, "web/home.html", counts)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    scope = scope_of(user)
    cooperatives = visible(user, Cooperative).select_related("county")
    if not scope.national:
        cooperatives = cooperatives.filter(
            scope.geo_q(county="county", province="county__province", cooperative="pk")
        )
    # Officers and managers see the cooperatives of their scope; a member sees their own.
    has_scope = scope.is_officer or bool(scope.cooperative_ids)
    context = {
        "roles": list(user_roles(user=user)),  # type: ignore[arg-type]
        "scope": scope,
        "has_scope": has_scope,
        "memberships": my_memberships(user),
        "cooperatives": cooperatives.order_by("name")[:20] if has_scope else [],
        "cooperative_count": cooperatives.count() if has_scope else 0,
        "notifications": notification_list(user=user, unread_only=False)[:5],  # type: ignore[arg-type]
        "founding_overdue": overdue_count(user) if scope.is_officer else None,
    }
    return render(request, "web/dashboard.html", context)
