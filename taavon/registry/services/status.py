"""A cooperative's status, moved only through the workflow engine (registry/workflow.py):
registration (from its founding application, or by the office for one founded before the
platform), and the office's changes afterwards: inactive and back, liquidation, dissolution.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from taavon.core.errors import ApplicationError, NotFoundError
from taavon.core.permissions import AnyUser, require
from taavon.persian.text import normalize
from taavon.persian.validators import normalize_legal_national_id
from taavon.workflow.services import ActionForbidden, transition_locked, workflow_enter

from ..events import RegistryEvent
from ..locking import lock_cooperative
from ..models import Cooperative, CooperativeStatus
from ..workflow import office_transitions


def cooperative_opened(*, actor: AnyUser | None, cooperative: Cooperative, note: str) -> None:
    """The first history row of a cooperative just created in its founding stage."""
    workflow_enter(actor=actor, subject=cooperative, note=note)


@transaction.atomic
def cooperative_status_change(
    *, actor: AnyUser | None, cooperative_id: int, to_status: str, reason: str
) -> Cooperative:
    """The office moves a registered cooperative to `to_status` (the table says which moves
    exist), with a reason. Anybody but the office over the cooperative is told it is not found."""
    cooperative = lock_cooperative(cooperative_id)
    require(actor, "officer:status", cooperative)
    row = next((t for t in office_transitions(cooperative.status) if t.target == to_status), None)
    if row is None:
        raise ApplicationError(_("این تغییر وضعیت مجاز نیست."), code="invalid_transition")
    reason = normalize(reason, multiline=True)
    if not reason:
        raise ApplicationError(
            _("دلیل تغییر وضعیت لازم است."), code="invalid", fields={"reason": []}
        )
    try:
        return transition_locked(
            cooperative,
            actor=actor,
            action=row.action,
            payload={"note": reason},
            audit_action=RegistryEvent.COOPERATIVE_STATUS,
        )
    except ActionForbidden:
        raise NotFoundError() from None


@transaction.atomic
def cooperative_register(
    *,
    actor: AnyUser | None,
    cooperative_id: int,
    registration_number: str,
    registration_date: datetime.date,
    legal_national_id: str,
) -> Cooperative:
    """Record the registry's number, date and the legal national ID, and make the cooperative
    active. The caller has checked the founding rules (assembly, members, paid-in capital)."""
    return register_locked(
        lock_cooperative(cooperative_id),
        actor=actor,
        registration_number=registration_number,
        registration_date=registration_date,
        legal_national_id=legal_national_id,
    )


def register_locked(
    cooperative: Cooperative,
    *,
    actor: AnyUser | None,
    registration_number: str,
    registration_date: datetime.date,
    legal_national_id: str,
) -> Cooperative:
    """`cooperative_register` on a cooperative the caller holds locked (`lock_cooperative`)."""
    legal_id = normalize_legal_national_id(legal_national_id)
    duplicate = ApplicationError(
        _("این شناسه ملی پیش‌تر برای تعاونی دیگری ثبت شده است."),
        code="duplicate",
        fields={"legal_national_id": []},
    )
    others = Cooperative.objects.filter(legal_national_id=legal_id).exclude(pk=cooperative.pk)

    def register(subject: Cooperative, _actor: object, _row: object, _payload: object) -> str:
        if others.exists():
            raise duplicate
        subject.registration_number = registration_number
        subject.registration_date = registration_date
        subject.legal_national_id = legal_id
        return _("ثبت به شمارهٔ %(n)s") % {"n": registration_number}

    try:
        with transaction.atomic():
            return transition_locked(
                cooperative,
                actor=actor,
                action="register",
                handler=register,
                audit_action=RegistryEvent.COOPERATIVE_REGISTER,
            )
    except IntegrityError:
        # Another registration took the same legal ID between the check and the save.
        if others.exists():
            raise duplicate from None
        raise


__all__ = [
    "CooperativeStatus",
    "cooperative_opened",
    "cooperative_register",
    "cooperative_status_change",
    "register_locked",
]
