"""Fetch and authorise in one call: the cooperative to import into or read documents of, and
an import. Both need `manage` on the cooperative; missing and forbidden answer alike."""

from __future__ import annotations

from taavon.accounts.permissions import AnyUser, can, get_visible_or_404, require
from taavon.core.errors import NotFoundError
from taavon.registry.models import Cooperative, MemberImport


def managed_cooperative(user: AnyUser, cooperative_id: int) -> Cooperative:
    cooperative = get_visible_or_404(
        user, Cooperative.objects.select_related("county__province"), pk=cooperative_id
    )
    require(user, "manage", cooperative)
    return cooperative


def member_import_get(user: AnyUser, import_id: int) -> MemberImport:
    found = MemberImport.objects.select_related("cooperative__county").filter(pk=import_id).first()
    if found is None or not can(user, "manage", found.cooperative):
        raise NotFoundError()
    return found
