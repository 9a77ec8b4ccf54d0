"""Posting to the share-capital ledger on behalf of a person: each service locks the
cooperative's row (only that row: `registry.locking.lock_cooperative`), checks under the lock
that the actor may manage it (its managers and the offices over it), then applies the posting's
rules (`postings.py`), which end in the one writer (`ledger.py`). Postings to one cooperative
are serialised, so the cap and balance checks see every committed entry."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.core.permissions import AnyUser, require
from taavon.persian.text import normalize
from taavon.registry.locking import lock_cooperative
from taavon.registry.models import Cooperative, Membership

from .events import CapitalEvent
from .models import LedgerEntry, ShareClass
from .postings import (
    MAX_AMOUNT,
    POSTABLE,
    Payment,
    Subscription,
    pay_locked,
    positive_int,
    redeem_locked,
    reverse_locked,
    subscribe_locked,
    transfer_locked,
)

__all__ = ["MAX_AMOUNT", "POSTABLE", "Payment", "Subscription"]


def lock_for_posting(actor: AnyUser | None, cooperative_id: int) -> Cooperative:
    """The cooperative, locked, if the actor may manage it; NotFoundError otherwise."""
    cooperative = lock_cooperative(cooperative_id)
    require(actor, "manage", cooperative)
    return cooperative


@transaction.atomic
def capital_subscribe(
    *,
    actor: AnyUser | None,
    cooperative_id: int,
    items: Sequence[Subscription],
    effective_on: datetime.date,
    reference: str = "",
    note: str = "",
) -> list[LedgerEntry]:
    """Record subscriptions (one or many at once); the cap is checked on the final state."""
    cooperative = lock_for_posting(actor, cooperative_id)
    return subscribe_locked(
        cooperative,
        items,
        recorded_by=actor,
        effective_on=effective_on,
        reference=reference,
        note=note,
    )


@transaction.atomic
def capital_pay(
    *,
    actor: AnyUser | None,
    membership: Membership,
    share_class: ShareClass,
    amount: int,
    effective_on: datetime.date,
    reference: str = "",
) -> LedgerEntry:
    """An instalment paid against a member's subscription; never more than is outstanding."""
    cooperative = lock_for_posting(actor, membership.cooperative_id)
    (entry,) = pay_locked(
        cooperative,
        [Payment(membership, share_class, amount)],
        recorded_by=actor,
        effective_on=effective_on,
        reference=reference,
    )
    return entry


@transaction.atomic
def capital_pay_batch(
    *,
    actor: AnyUser | None,
    cooperative_id: int,
    items: Sequence[Payment],
    effective_on: datetime.date,
    reference: str = "",
) -> list[LedgerEntry]:
    """Many instalments at once (a bank statement, a board's collection); all or none."""
    cooperative = lock_for_posting(actor, cooperative_id)
    return pay_locked(
        cooperative, items, recorded_by=actor, effective_on=effective_on, reference=reference
    )


@transaction.atomic
def capital_transfer(
    *,
    actor: AnyUser | None,
    source: Membership,
    target: Membership,
    share_class: ShareClass,
    shares: int,
    board_approval: str,
    effective_on: datetime.date,
) -> tuple[LedgerEntry, LedgerEntry]:
    """Move fully paid shares between two members, with the board's approval recorded."""
    cooperative = lock_for_posting(actor, source.cooperative_id)
    return transfer_locked(
        cooperative,
        source=source,
        target=target,
        share_class=share_class,
        shares=shares,
        board_approval=board_approval,
        recorded_by=actor,
        effective_on=effective_on,
    )


@transaction.atomic
def capital_reverse(*, actor: AnyUser | None, entry_id: int, reason: str) -> list[LedgerEntry]:
    """Correct an entry by posting its mirror image (both legs of a transfer together)."""
    cooperative_id = (
        LedgerEntry.objects.filter(pk=entry_id).values_list("cooperative_id", flat=True).first()
    )
    if cooperative_id is None:
        raise NotFoundError()
    cooperative = lock_for_posting(actor, cooperative_id)
    return reverse_locked(cooperative, entry_id=entry_id, reason=reason, recorded_by=actor)


def redeem_on_exit(
    *,
    actor: AnyUser | None,
    cooperative: Cooperative,
    membership: Membership,
    exit_date: datetime.date,
    note: str,
) -> dict[str, object]:
    """The registry's exit handler (registry/exits.py): the leaving member's capital returned.
    The exit service has locked the cooperative and authorised its actor."""
    redeemed = redeem_locked(
        cooperative, membership=membership, recorded_by=actor, effective_on=exit_date, note=note
    )
    return {"returned_rials": -sum(e.paid_delta for e in redeemed)}


@transaction.atomic
def share_class_create(
    *, actor: AnyUser | None, cooperative_id: int, code: str, name: str, nominal_value: int
) -> ShareClass:
    cooperative = lock_for_posting(actor, cooperative_id)
    nominal_value = positive_int(nominal_value, "nominal_value")
    code = normalize(code).upper()[:20] or "A"
    if ShareClass.objects.filter(cooperative=cooperative, code=code).exists():
        raise ApplicationError(_("این کد سهم تکراری است."), code="duplicate", fields={"code": []})
    share_class = ShareClass.objects.create(
        cooperative=cooperative,
        code=code,
        name=normalize(name) or code,
        nominal_value=nominal_value,
    )
    audit_record(actor=actor, action=CapitalEvent.SHARE_CLASS_CREATE, obj=share_class)
    return share_class
