"""A user's scope from their role assignments: the roles, and the provinces, counties and
cooperatives those roles reach. Installed as the permission module's scope provider."""

from __future__ import annotations

from typing import Any

from taavon.core.permissions import Scope

from .models import Role, RoleAssignment


def scope_from_roles(user: Any) -> Scope:
    """One query: the user's role assignments (a superuser is a system administrator)."""
    assignments = list(
        RoleAssignment.objects.filter(user_id=user.pk).values_list(
            "role", "province_id", "county_id", "cooperative_id"
        )
    )
    roles = frozenset(a[0] for a in assignments)
    if user.is_superuser:
        roles |= {Role.SYSADMIN}
    return Scope(
        roles=roles,
        national=bool(roles & {Role.NATIONAL_OFFICER, Role.SYSADMIN}),
        province_ids=frozenset(
            a[1] for a in assignments if a[0] == Role.PROVINCIAL_OFFICER and a[1]
        ),
        county_ids=frozenset(a[2] for a in assignments if a[0] == Role.COUNTY_OFFICER and a[2]),
        cooperative_ids=frozenset(a[3] for a in assignments if a[0] == Role.COOP_MANAGER and a[3]),
    )
