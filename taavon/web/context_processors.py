"""What every page's shell needs: navigation for the user's roles and the unread count."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taavon.accounts.models import Role
from taavon.core.permissions import Scope, scope_of

# (label, url name, who sees it): the bar across the top, for the daily work.
NAV: list[tuple[Any, str, str]] = [
    (_("خانه"), "web:home", "everyone"),
    (pgettext_lazy("nav", "دفتر عمومی تعاونی‌ها"), "web:public-search", "everyone"),
    (_("پیشخوان"), "web:dashboard", "user"),
    (pgettext_lazy("nav", "تأسیس تعاونی"), "web:founding-list", "user"),
    (_("تعاونی‌های من"), "web:coop-list", "manager"),
    (_("ضوابط"), "web:rules-list", "everyone"),
]

# The signed-in user's own menu (under their name), so the bar does not wrap.
USER_MENU: list[tuple[Any, str, str]] = [
    (_("نمایه و توکن‌های API"), "web:profile", "user"),
    (_("اعلان‌ها"), "web:notifications", "user"),
    (_("گزارش ممیزی"), "web:audit", "officer"),
    (_("گردش‌های کار"), "web:workflow-list", "officer"),
    (_("مدیریت سامانه"), "admin:index", "sysadmin"),
    (_("مستندات API"), "api-v1:openapi-view", "user"),
]


def _sees(audience: str, authenticated: bool, scope: Scope) -> bool:
    return {
        "everyone": True,
        "user": authenticated,
        "manager": scope.is_officer or bool(scope.cooperative_ids),
        "officer": scope.is_officer,
        "sysadmin": scope.has_role(Role.SYSADMIN),
    }[audience]


def _nav(request: HttpRequest, entries: list[tuple[Any, str, str]]) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)  # absent when a static-file 404 renders the page
    authenticated = bool(user and user.is_authenticated)
    scope = scope_of(user)
    items = []
    for label, name, audience in entries:
        if not _sees(audience, authenticated, scope):
            continue
        try:
            items.append({"label": label, "url": reverse(name)})
        except NoReverseMatch:  # an area not wired in yet
            continue
    return items


def shell(request: HttpRequest) -> dict[str, Any]:
    unread = 0
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from taavon.notifications.selectors import unread_count

        unread = unread_count(user=user)
    return {
        "nav_items": _nav(request, NAV),
        "user_menu_items": _nav(request, USER_MENU),
        "unread_notifications": unread,
    }
