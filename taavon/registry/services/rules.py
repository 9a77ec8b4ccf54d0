"""Publishing new versions of a rule profile (national officers)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError
from taavon.core.permissions import AnyUser, require, user_or_none
from taavon.registry.events import RegistryEvent

from ..models import RuleProfile

EDITABLE_FIELDS = [
    "name",
    "source_note",
    "effective_from",
    "min_founders",
    "min_members",
    "max_members",
    "max_member_share_num",
    "max_member_share_den",
    "min_paid_num",
    "min_paid_den",
    "board_min",
    "board_max",
    "alternates_num",
    "alternates_den",
    "board_term_years",
    "inspector_term_years",
    "statute_majority_num",
    "statute_majority_den",
]


def _validate(values: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for num, den in [
        ("max_member_share_num", "max_member_share_den"),
        ("min_paid_num", "min_paid_den"),
        ("alternates_num", "alternates_den"),
        ("statute_majority_num", "statute_majority_den"),
    ]:
        if values[den] <= 0:
            fail(den, _("مخرج کسر باید بزرگ‌تر از صفر باشد."))
        elif values[num] > values[den] or values[num] < 0:
            fail(num, _("کسر باید بین صفر و یک باشد."))
    if not 1 <= values["board_min"] <= values["board_max"]:
        fail("board_min", _("بازهٔ اعضای هیئت‌مدیره نادرست است."))
    if values["max_members"] is not None and values["max_members"] < values["min_members"]:
        fail("max_members", _("حداکثر اعضا نمی‌تواند از حداقل کمتر باشد."))
    if values["min_founders"] < 1:
        fail("min_founders", _("حداقل مؤسسان باید دست‌کم یک نفر باشد."))
    if not values["name"]:
        fail("name", _("عنوان لازم است."))
    return errors


@transaction.atomic
def rule_profile_publish(
    *, actor: AnyUser | None, base: RuleProfile, changes: dict[str, Any]
) -> RuleProfile:
    """Publish a new version of a profile (same kind and sector); old versions stay as they were."""
    require(actor, "publish", base)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ApplicationError(_("فیلد ناشناخته."), code="invalid", fields={k: [] for k in unknown})
    values = {f: getattr(base, f) for f in EDITABLE_FIELDS} | changes
    errors = _validate(values)
    if errors:
        raise ApplicationError(_("مقادیر ضوابط نامعتبر است."), code="invalid", fields=errors)
    # Lock the family so two officers publishing at once get consecutive versions.
    family = list(
        RuleProfile.objects.select_for_update().filter(kind=base.kind, sector=base.sector)
    )
    latest = max((p.version for p in family), default=0)
    profile = RuleProfile.objects.create(
        kind=base.kind,
        sector=base.sector,
        version=latest + 1,
        created_by=user_or_none(actor),
        **values,
    )
    audit_record(
        actor=actor,
        action=RegistryEvent.RULE_PROFILE_PUBLISH,
        obj=profile,
        summary=f"{profile.name} v{profile.version}",
        changes={k: str(v) for k, v in changes.items()},
    )
    return profile
