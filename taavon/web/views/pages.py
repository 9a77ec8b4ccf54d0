"""The public home page and each role's dashboard."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from taavon.accounts.selectors import user_roles
from taavon.capital.selectors.mine import my_memberships
from taavon.core.permissions import scope_of
from taavon.founding.selectors import overdue_count
from taavon.geo.selectors import place_counts
from taavon.notifications.selectors import notification_list
from taavon.registry.selectors.management import managed_cooperative_sample
from taavon.registry.selectors.public import cooperative_counts

HOME_COUNTS_SECONDS = 60
COOPERATIVES_SHOWN = 20


def _home_counts() -> dict[str, int]:
    """Country-wide counts; a full-table aggregate at national scale, so cached briefly."""
    return place_counts() | cooperative_counts()


def home(request: HttpRequest) -> HttpResponse:
    counts = cache.get_or_set("web:home-counts", _home_counts, HOME_COUNTS_SECONDS)
    return render(request, "web/home.html", counts)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    scope = scope_of(user)
    # Officers and managers see the cooperatives of their scope; a member sees their own.
    managed = managed_cooperative_sample(user, shown=COOPERATIVES_SHOWN)
    context = {
        "roles": list(user_roles(user=user)),  # type: ignore[arg-type]
        "scope": scope,
        "has_scope": scope.is_officer or bool(scope.cooperative_ids),
        "memberships": my_memberships(user),
        "cooperatives": managed.cooperatives,
        "cooperative_count": managed.count,
        "notifications": notification_list(user=user, unread_only=False)[:5],  # type: ignore[arg-type]
        "founding_overdue": overdue_count(user) if scope.is_officer else None,
    }
    return render(request, "web/dashboard.html", context)
