"""The rules of each kind of posting, applied to a cooperative its caller has locked (and whose
actor its caller has authorised): the members are active members of it, the share class is
its own, amounts are whole positive rials, subscriptions stay within the profile's share cap
(checked on the final state of a batch), payments within what is outstanding, transfers of
fully paid shares only, reversals that leave every balance valid. Each ends in the one writer,
`ledger.ledger_post`.

The services (`services.py`) authorise and lock, then call these; so do the founding capital
step, the member import and the exit handler. The web and API layers may not import this.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.core.bulk import Progress
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.core.permissions import AnyUser
from taavon.persian import numbers
from taavon.persian.text import normalize
from taavon.registry.locking import check_status
from taavon.registry.models import Cooperative, CooperativeStatus, Membership, MembershipStatus
from taavon.registry.rules import profile_of

from .ledger import Posted, Posting, ledger_post
from .models import EntryKind, LedgerEntry, ShareClass
from .selectors import ZERO, Balance, cooperative_totals, member_balances, member_totals

POSTABLE = frozenset({CooperativeStatus.FOUNDING, CooperativeStatus.ACTIVE})
MAX_AMOUNT = 10**15  # one quadrillion rials: far above any real holding, far below int64


def positive_int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApplicationError(_("مقدار باید عدد صحیح باشد."), code="invalid", fields={field: []})
    if value <= 0:
        raise ApplicationError(
            _("مقدار باید بزرگ‌تر از صفر باشد."), code="invalid", fields={field: []}
        )
    if value > MAX_AMOUNT:
        raise ApplicationError(_("مقدار بیش از حد بزرگ است."), code="invalid", fields={field: []})
    return value


def check_postable(cooperative: Cooperative) -> None:
    check_status(
        cooperative,
        POSTABLE,
        closed_message=_("برای تعاونی با این وضعیت نمی‌توان سند سرمایه ثبت کرد."),
    )


def check_members(cooperative: Cooperative, memberships: Sequence[Membership]) -> None:
    """Each membership belongs to the cooperative and is active *now*: the objects passed in may
    have been read before the cooperative was locked, while an exit was committing."""
    for membership in memberships:
        if membership.cooperative_id != cooperative.pk:
            raise ApplicationError(_("این عضو متعلق به این تعاونی نیست."), code="not_member")
    ids = {m.pk for m in memberships}
    active = set(
        Membership.objects.filter(
            pk__in=ids, cooperative=cooperative, status=MembershipStatus.MEMBER
        ).values_list("pk", flat=True)
    )
    if active != ids:
        raise ApplicationError(_("عضویت این شخص فعال نیست."), code="not_member")


def check_class(cooperative: Cooperative, share_class: ShareClass) -> None:
    if share_class.cooperative_id != cooperative.pk:
        raise ApplicationError(_("این نوع سهم متعلق به این تعاونی نیست."), code="invalid")


def check_cap(cooperative: Cooperative, after: dict[int, int], total_after: int) -> None:
    """Each member whose holding grows stays within the profile's cap of the total capital
    (the same rule, and the same message, as the import's dry run)."""
    profile = profile_of(cooperative)
    for membership_id, holding in after.items():
        if profile.over_share_cap(holding, total_after):
            number = (
                Membership.objects.filter(pk=membership_id)
                .values_list("register_number", flat=True)
                .first()
            )
            raise ApplicationError(
                _("عضو شمارهٔ %(n)s: %(rule)s")
                % {
                    "n": numbers.digits(number),
                    "rule": profile.share_cap_message(holding=holding, total=total_after),
                },
                code="over_cap",
                extra={"register_number": number},
            )


@dataclass(frozen=True)
class Subscription:
    membership: Membership
    share_class: ShareClass
    shares: int


def subscribe_locked(
    cooperative: Cooperative,
    items: Sequence[Subscription],
    *,
    recorded_by: AnyUser | None,
    effective_on: datetime.date,
    reference: str = "",
    note: str = "",
) -> list[LedgerEntry]:
    """Subscriptions (one or many); the cap is checked on the state after all of them."""
    check_postable(cooperative)
    if not items:
        raise ApplicationError(_("هیچ تعهدی وارد نشده است."), code="invalid")
    check_members(cooperative, [item.membership for item in items])
    postings: list[Posting] = []
    grown: dict[int, int] = {}
    for item in items:
        shares = positive_int(item.shares, "shares")
        check_class(cooperative, item.share_class)
        amount = positive_int(shares * item.share_class.nominal_value, "shares")
        grown[item.membership.pk] = grown.get(item.membership.pk, 0) + amount
        postings.append(
            Posting(
                kind=EntryKind.SUBSCRIPTION,
                membership_id=item.membership.pk,
                share_class_id=item.share_class.pk,
                shares_delta=shares,
                subscribed_delta=amount,
                effective_on=effective_on,
                reference=reference,
                note=note,
            )
        )
    # One aggregate for the cooperative and balances only for the members who grow: a large
    # register's per-member balances are not fetched on every subscription.
    total_after = cooperative_totals(cooperative.pk).subscribed + sum(grown.values())
    held = {m: b.subscribed for m, b in member_totals(cooperative.pk, list(grown)).items()}
    check_cap(cooperative, {m: held.get(m, 0) + a for m, a in grown.items()}, total_after)
    return ledger_post(
        cooperative=cooperative, postings=postings, recorded_by=recorded_by
    ).entries()


@dataclass(frozen=True)
class Payment:
    membership: Membership
    share_class: ShareClass
    amount: int


def pay_locked(
    cooperative: Cooperative,
    items: Sequence[Payment],
    *,
    recorded_by: AnyUser | None,
    effective_on: datetime.date,
    reference: str = "",
) -> list[LedgerEntry]:
    """Instalments paid against members' subscriptions (one or many, e.g. a bank statement);
    never more than is outstanding, counting the earlier items of the batch."""
    check_postable(cooperative)
    if not items:
        raise ApplicationError(_("هیچ پرداختی وارد نشده است."), code="invalid")
    check_members(cooperative, [item.membership for item in items])
    outstanding = {
        key: balance.outstanding
        for key, balance in member_balances(
            cooperative.pk, {item.membership.pk for item in items}
        ).items()
    }
    postings = []
    for item in items:
        amount = positive_int(item.amount, "amount")
        check_class(cooperative, item.share_class)
        key = (item.membership.pk, item.share_class.pk)
        left = outstanding.get(key, 0)
        if amount > left:
            raise ApplicationError(
                _("مبلغ پرداخت از مانده‌ی تعهد عضو (%(left)s ریال) بیشتر است.")
                % {"left": numbers.rials(left)},
                code="overpay",
                fields={"amount": []},
                extra={"outstanding": left, "register_number": item.membership.register_number},
            )
        outstanding[key] = left - amount
        postings.append(
            Posting(
                kind=EntryKind.PAYMENT,
                membership_id=item.membership.pk,
                share_class_id=item.share_class.pk,
                paid_delta=amount,
                effective_on=effective_on,
                reference=reference,
            )
        )
    return ledger_post(
        cooperative=cooperative, postings=postings, recorded_by=recorded_by
    ).entries()


def transfer_locked(
    cooperative: Cooperative,
    *,
    source: Membership,
    target: Membership,
    share_class: ShareClass,
    shares: int,
    board_approval: str,
    recorded_by: AnyUser | None,
    effective_on: datetime.date,
) -> tuple[LedgerEntry, LedgerEntry]:
    """Move fully paid shares between two members, with the board's approval recorded."""
    check_postable(cooperative)
    shares = positive_int(shares, "shares")
    check_members(cooperative, [source, target])
    check_class(cooperative, share_class)
    if source.pk == target.pk:
        raise ApplicationError(_("واگذارنده و گیرنده یکی هستند."), code="invalid")
    approval = normalize(board_approval)
    if not approval:
        raise ApplicationError(
            _("شماره/تاریخ مصوبهٔ هیئت‌مدیره لازم است."),
            code="invalid",
            fields={"board_approval": []},
        )
    held = member_balances(cooperative.pk, [source.pk]).get((source.pk, share_class.pk), ZERO)
    amount = positive_int(shares * share_class.nominal_value, "shares")
    if shares > held.shares:
        raise ApplicationError(
            _("تعداد سهام انتقالی از سهام عضو بیشتر است."), code="over_held", fields={"shares": []}
        )
    if amount > held.paid:
        raise ApplicationError(
            _("فقط سهام تمام‌پرداخت قابل انتقال است."), code="unpaid", fields={"shares": []}
        )
    total = cooperative_totals(cooperative.pk).subscribed
    target_after = sum(b.subscribed for b in member_totals(cooperative.pk, [target.pk]).values())
    check_cap(cooperative, {target.pk: target_after + amount}, total)
    legs = {
        "share_class_id": share_class.pk,
        "board_approval": approval,
        "effective_on": effective_on,
    }
    out, into = ledger_post(
        cooperative=cooperative,
        postings=[
            Posting(
                kind=EntryKind.TRANSFER_OUT,
                membership_id=source.pk,
                shares_delta=-shares,
                subscribed_delta=-amount,
                paid_delta=-amount,
                **legs,  # type: ignore[arg-type]
            ),
            Posting(
                kind=EntryKind.TRANSFER_IN,
                membership_id=target.pk,
                shares_delta=shares,
                subscribed_delta=amount,
                paid_delta=amount,
                counterpart=0,
                **legs,  # type: ignore[arg-type]
            ),
        ],
        recorded_by=recorded_by,
        audit_summary=_("%(n)s سهم از عضو شمارهٔ %(a)s به عضو شمارهٔ %(b)s")
        % {
            "n": numbers.number(shares),
            "a": numbers.digits(source.register_number),
            "b": numbers.digits(target.register_number),
        },
    ).entries()
    return out, into


def opening_capital_locked(
    cooperative: Cooperative,
    share_class: ShareClass,
    items: Sequence[tuple[int, int, int]],
    *,
    recorded_by: AnyUser | None,
    effective_on: datetime.date,
    reference: str = "",
    note: str = "",
    progress: Progress | None = None,
) -> Posted:
    """The opening capital of members just admitted from a list, as (membership id, shares,
    rials paid): their subscriptions, then their payments, as one run of the chain. The caller
    checked the share cap and "paid within subscribed" on the final state, with the rule
    profile's helpers (imports/checks.py), under the same lock."""
    check_postable(cooperative)
    nominal = share_class.nominal_value
    held = [(m, shares, paid) for m, shares, paid in items if shares]
    postings = [
        Posting(
            kind=EntryKind.SUBSCRIPTION,
            membership_id=m,
            share_class_id=share_class.pk,
            shares_delta=shares,
            subscribed_delta=shares * nominal,
            effective_on=effective_on,
            reference=reference,
            note=note,
        )
        for m, shares, _paid in held
    ] + [
        Posting(
            kind=EntryKind.PAYMENT,
            membership_id=m,
            share_class_id=share_class.pk,
            paid_delta=paid,
            effective_on=effective_on,
            reference=reference,
            note=note,
        )
        for m, _shares, paid in held
        if paid
    ]
    return ledger_post(
        cooperative=cooperative,
        postings=postings,
        recorded_by=recorded_by,
        progress=progress,
        audit_summary=reference,
    )


def redeem_locked(
    cooperative: Cooperative,
    *,
    membership: Membership,
    recorded_by: AnyUser | None,
    effective_on: datetime.date,
    note: str,
) -> list[LedgerEntry]:
    """Return all of a leaving member's capital, per share class (the exit handler)."""
    postings = [
        Posting(
            kind=EntryKind.REDEMPTION,
            membership_id=membership.pk,
            share_class_id=class_id,
            shares_delta=-balance.shares,
            subscribed_delta=-balance.subscribed,
            paid_delta=-balance.paid,
            effective_on=effective_on,
            note=note,
        )
        for (_m, class_id), balance in sorted(
            member_balances(cooperative.pk, [membership.pk]).items()
        )
        if balance != ZERO
    ]
    if not postings:
        return []
    return ledger_post(
        cooperative=cooperative, postings=postings, recorded_by=recorded_by
    ).entries()


def reverse_locked(
    cooperative: Cooperative, *, entry_id: int, reason: str, recorded_by: AnyUser | None
) -> list[LedgerEntry]:
    """Correct an entry by posting its mirror image (both legs of a transfer together)."""
    check_postable(cooperative)
    entry = LedgerEntry.objects.filter(pk=entry_id, cooperative=cooperative).first()
    if entry is None:
        raise NotFoundError()
    reason = normalize(reason)
    if not reason:
        raise ApplicationError(_("دلیل برگشت لازم است."), code="invalid", fields={"reason": []})
    if entry.kind == EntryKind.REVERSAL:
        raise ApplicationError(
            _("برگشتِ یک سند برگشتی مجاز نیست؛ سند اصلی را دوباره ثبت کنید."),
            code="reverse_reversal",
        )
    if entry.kind == EntryKind.REDEMPTION:
        raise ApplicationError(
            _("بازپرداخت سرمایهٔ عضو خارج‌شده برگشت‌پذیر نیست."), code="not_reversible"
        )
    legs = _legs(entry)
    if LedgerEntry.objects.filter(reverses__in=legs).exists():
        raise ApplicationError(_("این سند پیش‌تر برگشت خورده است."), code="already_reversed")
    # An exited member's capital was redeemed; reversing an older entry of theirs would give
    # them shares again (e.g. the outgoing leg of a transfer made before the exit).
    exited = Membership.objects.filter(pk__in=[leg.membership_id for leg in legs]).exclude(
        status=MembershipStatus.MEMBER
    )
    if exited.exists():
        raise ApplicationError(
            _("عضویت یکی از طرفین این سند پایان یافته است؛ برگشت ممکن نیست."), code="not_member"
        )
    _check_reversal_balances(cooperative, legs)
    return ledger_post(
        cooperative=cooperative,
        postings=[
            Posting(
                kind=EntryKind.REVERSAL,
                membership_id=leg.membership_id,
                share_class_id=leg.share_class_id,
                shares_delta=-leg.shares_delta,
                subscribed_delta=-leg.subscribed_delta,
                paid_delta=-leg.paid_delta,
                reverses_id=leg.pk,
                effective_on=timezone.localdate(),
                note=reason,
            )
            for leg in legs
        ],
        recorded_by=recorded_by,
        audit_summary=reason[:200],
    ).entries()


def _legs(entry: LedgerEntry) -> list[LedgerEntry]:
    if entry.kind == EntryKind.TRANSFER_IN and entry.counterpart_id:
        return [LedgerEntry.objects.get(pk=entry.counterpart_id), entry]
    if entry.kind == EntryKind.TRANSFER_OUT:
        return [entry, LedgerEntry.objects.get(counterpart=entry)]
    return [entry]


def _check_reversal_balances(cooperative: Cooperative, legs: Iterable[LedgerEntry]) -> None:
    legs = list(legs)
    balances = member_balances(cooperative.pk, [leg.membership_id for leg in legs])
    for leg in legs:
        key = (leg.membership_id, leg.share_class_id)
        after = balances.get(key, ZERO) + Balance(
            -leg.shares_delta, -leg.subscribed_delta, -leg.paid_delta
        )
        if after.shares < 0 or after.paid < 0 or after.paid > after.subscribed:
            raise ApplicationError(
                _("برگشت این سند مانده‌ی عضو را نامعتبر می‌کند (مثلاً پرداختی بیش از تعهد)."),
                code="invalid_balance",
            )
        balances[key] = after


__all__ = ["MAX_AMOUNT", "POSTABLE", "Payment", "Posted", "Subscription"]
