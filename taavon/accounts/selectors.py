"""Reads about users; the current user's own roles and tokens."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import ApiToken, RoleAssignment, User


def user_roles(*, user: User) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(user=user)
        .select_related("province", "county__province", "cooperative")
        .order_by("role", "id")
    )


def user_tokens(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")
