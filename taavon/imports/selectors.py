"""Fetch and authorise in one call: the cooperative to import into or read documents of, and
an import. Both need `manage` on the cooperative; missing and forbidden answer alike."""

from __future__ import annotations

from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser, can
from taavon.imports.models import MemberImport


def member_import_get(user: AnyUser, import_id: int) -> MemberImport:
    found = MemberImport.objects.select_related("cooperative__county").filter(pk=import_id).first()
    if found is None or not can(user, "manage", found.cooperative):
        raise NotFoundError()
    return found
