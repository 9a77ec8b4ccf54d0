"""The capital step of founding: founders' subscriptions and payments, through the ledger.

Subscriptions of one batch go in one `capital_subscribe` call, so the per-member cap is
checked on the final state (seven founders subscribing equal shares never trip a 30% cap
half-way). Payments follow, each through `capital_pay` (never more than subscribed).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.audit.services import audit_record
from taavon.capital.models import LedgerEntry, ShareClass
from taavon.capital.postings import Payment, Subscription, pay_locked, subscribe_locked
from taavon.capital.selectors import default_share_class
from taavon.core.errors import ApplicationError
from taavon.core.permissions import AnyUser
from taavon.founding.events import FoundingEvent
from taavon.founding.services.common import (
    fail,
    lock_for_step,
    notify_applicant,
    whole_number,
)
from taavon.persian import numbers
from taavon.registry.locking import lock_cooperative
from taavon.registry.models import Membership, MembershipStatus


@dataclass(frozen=True)
class CapitalRow:
    """New shares subscribed and rials paid now by one founder (membership)."""

    membership_id: int
    shares: int = 0
    paid: int = 0


def founders_share_class(cooperative_id: int) -> ShareClass:
    share_class = default_share_class(cooperative_id)
    if share_class is None:
        raise ApplicationError(_("برای این تعاونی نوع سهمی تعریف نشده است."), code="no_share_class")
    return share_class


def _rows(
    cooperative_id: int, rows: Sequence[CapitalRow]
) -> list[tuple[int, Membership, int, int]]:
    members = {
        m.pk: m
        for m in Membership.objects.filter(
            cooperative_id=cooperative_id, status=MembershipStatus.MEMBER
        ).select_related("person")
    }
    cleaned = []
    for index, row in enumerate(rows):
        membership = members.get(row.membership_id)
        if membership is None:
            raise fail(
                f"rows.{index}.membership_id", _("این شخص عضو این تعاونی نیست."), code="not_member"
            )
        shares = whole_number(row.shares, f"rows.{index}.shares")
        paid = whole_number(row.paid, f"rows.{index}.paid")
        if shares or paid:
            cleaned.append((index, membership, shares, paid))
    if not cleaned:
        raise fail("rows", _("هیچ تعهد یا پرداختی وارد نشده است."))
    return cleaned


def _on_row(
    exc: ApplicationError, index: int | None, field: str, membership: Membership | None = None
) -> ApplicationError:
    """The ledger's error (numbers already in the language's digits), pinned to the form row
    it came from."""
    text = exc.message
    message = f"{membership.person.full_name}: {text}" if membership else text
    fields = {f"rows.{index}.{field}": [text]} if index is not None else exc.fields
    return ApplicationError(message, code=exc.code, fields=fields, extra=exc.extra)


@transaction.atomic
def founding_capital_record(
    *,
    actor: AnyUser | None,
    application_id: int,
    rows: Sequence[CapitalRow],
    effective_on: datetime.date,
    reference: str = "",
) -> list[LedgerEntry]:
    """Record the founders' subscribed shares and payments (after approval, before
    registration)."""
    application = lock_for_step(actor, application_id, "capital")
    if effective_on > timezone.localdate():
        raise fail("effective_on", _("تاریخ نمی‌تواند در آینده باشد."))
    cooperative_id = application.cooperative_id
    assert cooperative_id is not None  # approved applications have their cooperative
    # The founding step authorised the actor (the applicant or the office); the capital rules
    # are the ledger's own, applied to the cooperative locked here.
    cooperative = lock_cooperative(cooperative_id)
    share_class = founders_share_class(cooperative_id)
    cleaned = _rows(cooperative_id, rows)
    entries: list[LedgerEntry] = []
    subscriptions = [
        Subscription(m, share_class, shares) for _i, m, shares, _p in cleaned if shares
    ]
    if subscriptions:
        try:
            entries += subscribe_locked(
                cooperative,
                subscriptions,
                recorded_by=actor,
                effective_on=effective_on,
                reference=reference,
                note=_("تعهد مؤسسان"),
            )
        except ApplicationError as exc:
            number = exc.extra.get("register_number")
            index = next((i for i, m, _s, _p in cleaned if m.register_number == number), None)
            raise _on_row(exc, index, "shares") from None
    for index, membership, _shares, paid in cleaned:
        if paid:
            try:
                entries += pay_locked(
                    cooperative,
                    [Payment(membership, share_class, paid)],
                    recorded_by=actor,
                    effective_on=effective_on,
                    reference=reference,
                )
            except ApplicationError as exc:
                raise _on_row(exc, index, "paid", membership) from None
    subscribed = sum(e.subscribed_delta for e in entries)
    paid_total = sum(e.paid_delta for e in entries)
    audit_record(
        actor=actor,
        action=FoundingEvent.CAPITAL,
        obj=application,
        summary=f"{application.tracking_code}: +{subscribed} subscribed, +{paid_total} paid",
        changes={"subscribed": subscribed, "paid": paid_total, "entries": len(entries)},
    )
    notify_applicant(
        application,
        code="capital",
        title=_("سرمایهٔ مؤسسان ثبت شد"),
        body=_("برای درخواست با کد رهگیری %(code)s، %(s)s ریال تعهد و %(p)s ریال پرداخت ثبت شد.")
        % {
            "code": application.tracking_code,
            "s": numbers.rials(subscribed),
            "p": numbers.rials(paid_total),
        },
    )
    return entries
