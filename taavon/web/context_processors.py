"""What every page's shell needs: navigation for the user's roles and the unread count."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from taavon.accounts.models import Role
from taavon.accounts.permissions import scope_of


def _nav(request: HttpRequest) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = [{"label": _("خانه"), "url": reverse("web:home")}]
    user = request.user
    if not user.is_authenticated:
        return items
    scope = scope_of(user)
    items.append({"label": _("پیشخوان"), "url": reverse("web:dashboard")})
    if scope.is_officer:
        items.append({"label": _("گزارش ممیزی"), "url": reverse("web:audit")})
    if scope.has_role(Role.SYSADMIN):
        items.append({"label": _("مدیریت سامانه"), "url": reverse("admin:index")})
    items.append({"label": _("مستندات API"), "url": reverse("api-v1:openapi-view")})
    return items


def shell(request: HttpRequest) -> dict[str, Any]:
    unread = 0
    if request.user.is_authenticated:
        from taavon.notifications.selectors import unread_count

        unread = unread_count(user=request.user)
    return {"nav_items": _nav(request), "unread_notifications": unread}
