"""Fetch and authorise in one call: a cooperative's imports and what an import admitted. All
need `manage` on the cooperative; missing and forbidden answer alike."""

from __future__ import annotations

from django.db.models import QuerySet

from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser, can, require, visible
from taavon.imports.models import ImportStatus, MemberImport
from taavon.registry.models import Cooperative, Membership

MEMBERS_SHOWN = 50


def member_import_get(
    user: AnyUser, import_id: int, *, cooperative_id: int | None = None
) -> MemberImport:
    """An import the user may manage (of this cooperative only, when `cooperative_id` is
    given: the pages address an import under its cooperative)."""
    found = MemberImport.objects.select_related("cooperative__county").filter(pk=import_id).first()
    if found is None or not can(user, "manage", found.cooperative):
        raise NotFoundError()
    if cooperative_id is not None and found.cooperative_id != cooperative_id:
        raise NotFoundError()
    return found


def member_import_list(user: AnyUser, cooperative: Cooperative) -> QuerySet[MemberImport]:
    """A cooperative's imports, newest first, with who uploaded each."""
    require(user, "manage", cooperative)
    return cooperative.member_imports.select_related("uploaded_by").order_by("-created_at", "-pk")


def member_import_admitted(
    user: AnyUser, member_import: MemberImport, *, shown: int = MEMBERS_SHOWN
) -> list[Membership]:
    """The members a committed import admitted (at most `shown`, in register order): the
    newest ones when it finished, since the cooperative was locked while it ran, so nobody
    else was admitted in between."""
    if member_import.status != ImportStatus.COMMITTED or not member_import.finished_at:
        return []
    newest = (
        visible(user, Membership)
        .filter(
            cooperative_id=member_import.cooperative_id,
            created_at__lte=member_import.finished_at,
        )
        .select_related("person")
        .order_by("-register_number")
    )
    return list(newest[: min(member_import.created_members, shown)])[::-1]
