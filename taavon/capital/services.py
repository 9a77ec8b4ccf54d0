"""Posting to the share-capital ledger. Every posting locks the cooperative row first, so
postings to one cooperative are serialised and the cap and balance checks see every
committed entry (two concurrent subscriptions cannot both break the cap)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.capital.events import CapitalEvent
from taavon.core.errors import ApplicationError
from taavon.persian import numbers
from taavon.persian.text import normalize
from taavon.registry.models import Cooperative, CooperativeStatus, Membership, MembershipStatus
from taavon.registry.rules import profile_of

from .chain import GENESIS, entry_hash
from .models import EntryKind, LedgerEntry, ShareClass
from .selectors import ZERO, Balance, cooperative_totals, member_balances, member_totals

POSTABLE = {CooperativeStatus.FOUNDING, CooperativeStatus.ACTIVE}
MAX_AMOUNT = 10**15  # one quadrillion rials: far above any real holding, far below int64


def _positive_int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApplicationError(_("مقدار باید عدد صحیح باشد."), code="invalid", fields={field: []})
    if value <= 0:
        raise ApplicationError(
            _("مقدار باید بزرگ‌تر از صفر باشد."), code="invalid", fields={field: []}
        )
    if value > MAX_AMOUNT:
        raise ApplicationError(_("مقدار بیش از حد بزرگ است."), code="invalid", fields={field: []})
    return value


class Chain:
    """Appends entries to one locked cooperative's chain."""

    def __init__(self, cooperative: Cooperative) -> None:
        self.cooperative = cooperative
        last = (
            LedgerEntry.objects.filter(cooperative=cooperative)
            .order_by("-seq")
            .values_list("seq", "hash")
            .first()
        )
        self.seq, self.prev = last if last else (0, GENESIS)
        self.now = timezone.now()

    def build(self, **fields: object) -> LedgerEntry:
        self.seq += 1
        entry = LedgerEntry(
            cooperative=self.cooperative,
            seq=self.seq,
            prev_hash=self.prev,
            recorded_at=self.now,
            **fields,
        )
        entry.hash = entry_hash(entry)
        self.prev = entry.hash
        return entry


def lock_cooperative(cooperative_id: int) -> Cooperative:
    cooperative = (
        Cooperative.objects.select_for_update().select_related("county").get(pk=cooperative_id)
    )
    if cooperative.status not in POSTABLE:
        raise ApplicationError(
            _("برای تعاونی با این وضعیت نمی‌توان سند سرمایه ثبت کرد."), code="cooperative_closed"
        )
    return cooperative


def _check_member(cooperative: Cooperative, membership: Membership) -> None:
    _check_members(cooperative, [membership])


def _check_members(cooperative: Cooperative, memberships: Sequence[Membership]) -> None:
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


def _check_class(cooperative: Cooperative, share_class: ShareClass) -> None:
    if share_class.cooperative_id != cooperative.pk:
        raise ApplicationError(_("این نوع سهم متعلق به این تعاونی نیست."), code="invalid")


def _check_cap(cooperative: Cooperative, after: dict[int, int], total_after: int) -> None:
    """Each member whose holding grows must stay within the profile's cap of total capital."""
    cap = profile_of(cooperative).max_member_share
    for membership_id, subscribed in after.items():
        if total_after and Fraction(subscribed, total_after) > cap:
            number = (
                Membership.objects.filter(pk=membership_id)
                .values_list("register_number", flat=True)
                .first()
            )
            raise ApplicationError(
                _("سهم عضو شمارهٔ %(n)s از سقف %(cap)s درصد سرمایهٔ تعاونی بیشتر می‌شود.")
                % {"n": numbers.digits(number), "cap": numbers.percent(cap, places=2)},
                code="over_cap",
                extra={"register_number": number},
            )


@dataclass(frozen=True)
class Subscription:
    membership: Membership
    share_class: ShareClass
    shares: int


@transaction.atomic
def capital_subscribe(
    *,
    actor: User | None,
    cooperative_id: int,
    items: Sequence[Subscription],
    effective_on: datetime.date,
    reference: str = "",
    note: str = "",
) -> list[LedgerEntry]:
    """Record subscriptions (one or many at once); the cap is checked on the final state."""
    cooperative = lock_cooperative(cooperative_id)
    if not items:
        raise ApplicationError(_("هیچ تعهدی وارد نشده است."), code="invalid")
    chain = Chain(cooperative)
    entries = []
    grown: dict[int, int] = {}
    _check_members(cooperative, [item.membership for item in items])
    for item in items:
        shares = _positive_int(item.shares, "shares")
        _check_class(cooperative, item.share_class)
        amount = _positive_int(shares * item.share_class.nominal_value, "shares")
        grown[item.membership.pk] = grown.get(item.membership.pk, 0) + amount
        entries.append(
            chain.build(
                kind=EntryKind.SUBSCRIPTION,
                membership=item.membership,
                share_class=item.share_class,
                shares_delta=shares,
                subscribed_delta=amount,
                paid_delta=0,
                effective_on=effective_on,
                actor=actor,
                reference=normalize(reference)[:100],
                note=normalize(note)[:300],
            )
        )
    # One aggregate for the cooperative and balances only for the members who grow: a large
    # register's per-member balances are not fetched on every subscription.
    total_after = cooperative_totals(cooperative.pk).subscribed + sum(grown.values())
    held = {m: b.subscribed for m, b in member_totals(cooperative.pk, list(grown)).items()}
    _check_cap(cooperative, {m: held.get(m, 0) + a for m, a in grown.items()}, total_after)
    LedgerEntry.objects.bulk_create(entries)
    audit_record(
        actor=actor,
        action=CapitalEvent.SUBSCRIBE,
        obj=cooperative,
        summary=f"{len(entries)} subscriptions, {sum(grown.values())} rials",
        changes={"seq": [e.seq for e in entries][:50]},
    )
    return entries


@transaction.atomic
def capital_pay(
    *,
    actor: User | None,
    membership: Membership,
    share_class: ShareClass,
    amount: int,
    effective_on: datetime.date,
    reference: str = "",
) -> LedgerEntry:
    """An instalment paid against a member's subscription; never more than is outstanding."""
    cooperative = lock_cooperative(membership.cooperative_id)
    amount = _positive_int(amount, "amount")
    _check_member(cooperative, membership)
    _check_class(cooperative, share_class)
    balance = member_balances(cooperative.pk, [membership.pk]).get(
        (membership.pk, share_class.pk), ZERO
    )
    if amount > balance.outstanding:
        raise ApplicationError(
            _("مبلغ پرداخت از مانده‌ی تعهد عضو (%(left)s ریال) بیشتر است.")
            % {"left": numbers.rials(balance.outstanding)},
            code="overpay",
            fields={"amount": []},
            extra={"outstanding": balance.outstanding},
        )
    entry = Chain(cooperative).build(
        kind=EntryKind.PAYMENT,
        membership=membership,
        share_class=share_class,
        shares_delta=0,
        subscribed_delta=0,
        paid_delta=amount,
        effective_on=effective_on,
        actor=actor,
        reference=normalize(reference)[:100],
    )
    entry.save()
    audit_record(actor=actor, action=CapitalEvent.PAY, obj=entry, summary=f"{amount} rials")
    return entry


@transaction.atomic
def capital_transfer(
    *,
    actor: User | None,
    source: Membership,
    target: Membership,
    share_class: ShareClass,
    shares: int,
    board_approval: str,
    effective_on: datetime.date,
) -> tuple[LedgerEntry, LedgerEntry]:
    """Move fully paid shares between two members, with the board's approval recorded."""
    cooperative = lock_cooperative(source.cooperative_id)
    shares = _positive_int(shares, "shares")
    _check_members(cooperative, [source, target])
    _check_class(cooperative, share_class)
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
    amount = _positive_int(shares * share_class.nominal_value, "shares")
    if shares > held.shares:
        raise ApplicationError(
            _("تعداد سهام انتقالی از سهام عضو بیشتر است."), code="over_held", fields={"shares": []}
        )
    if amount > held.paid:
        raise ApplicationError(
            _("فقط سهام تمام‌پرداخت قابل انتقال است."), code="unpaid", fields={"shares": []}
        )
    totals = member_balances(cooperative.pk)
    total = sum(b.subscribed for b in totals.values())
    target_after = sum(b.subscribed for (m, _c), b in totals.items() if m == target.pk) + amount
    _check_cap(cooperative, {target.pk: target_after}, total)
    chain = Chain(cooperative)
    common = {
        "share_class": share_class,
        "board_approval": approval[:100],
        "effective_on": effective_on,
        "actor": actor,
    }
    out = chain.build(
        kind=EntryKind.TRANSFER_OUT,
        membership=source,
        shares_delta=-shares,
        subscribed_delta=-amount,
        paid_delta=-amount,
        **common,
    )
    out.save()
    into = chain.build(
        kind=EntryKind.TRANSFER_IN,
        membership=target,
        shares_delta=shares,
        subscribed_delta=amount,
        paid_delta=amount,
        counterpart=out,
        **common,
    )
    into.save()
    audit_record(
        actor=actor,
        action=CapitalEvent.TRANSFER,
        obj=out,
        summary=f"{shares} shares #{source.register_number}→#{target.register_number}",
    )
    return out, into


def redeem_all(
    *,
    actor: User | None,
    cooperative: Cooperative,
    membership: Membership,
    effective_on: datetime.date,
    note: str,
) -> list[LedgerEntry]:
    """Return all of a member's capital (called by the exit service, cooperative locked)."""
    chain = Chain(cooperative)
    entries = []
    for (_m, class_id), balance in sorted(member_balances(cooperative.pk, [membership.pk]).items()):
        if balance == ZERO:
            continue
        entries.append(
            chain.build(
                kind=EntryKind.REDEMPTION,
                membership=membership,
                share_class_id=class_id,
                shares_delta=-balance.shares,
                subscribed_delta=-balance.subscribed,
                paid_delta=-balance.paid,
                effective_on=effective_on,
                actor=actor,
                note=note[:300],
            )
        )
    LedgerEntry.objects.bulk_create(entries)
    return entries


def redeem_on_exit(
    *,
    actor: User | None,
    cooperative: Cooperative,
    membership: Membership,
    exit_date: datetime.date,
    note: str,
) -> dict[str, object]:
    """The registry's exit handler (registry/exits.py): the leaving member's capital returned."""
    redeemed = redeem_all(
        actor=actor,
        cooperative=cooperative,
        membership=membership,
        effective_on=exit_date,
        note=note,
    )
    return {"returned_rials": -sum(e.paid_delta for e in redeemed)}


@transaction.atomic
def capital_reverse(*, actor: User | None, entry_id: int, reason: str) -> list[LedgerEntry]:
    """Correct an entry by posting its mirror image (both legs of a transfer together)."""
    cooperative_id = (
        LedgerEntry.objects.filter(pk=entry_id).values_list("cooperative_id", flat=True).first()
    )
    if cooperative_id is None:
        raise ApplicationError(_("سند یافت نشد."), code="not_found")
    cooperative = lock_cooperative(cooperative_id)
    entry = LedgerEntry.objects.get(pk=entry_id)
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
    legs = [entry]
    if entry.kind == EntryKind.TRANSFER_IN and entry.counterpart_id:
        legs = [LedgerEntry.objects.get(pk=entry.counterpart_id), entry]
    elif entry.kind == EntryKind.TRANSFER_OUT:
        legs = [entry, LedgerEntry.objects.get(counterpart=entry)]
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
    chain = Chain(cooperative)
    reversals = [
        chain.build(
            kind=EntryKind.REVERSAL,
            membership_id=leg.membership_id,
            share_class_id=leg.share_class_id,
            shares_delta=-leg.shares_delta,
            subscribed_delta=-leg.subscribed_delta,
            paid_delta=-leg.paid_delta,
            reverses=leg,
            effective_on=timezone.localdate(),
            actor=actor,
            note=reason[:300],
        )
        for leg in legs
    ]
    LedgerEntry.objects.bulk_create(reversals)
    audit_record(actor=actor, action=CapitalEvent.REVERSE, obj=entry, summary=reason[:200])
    return reversals


@transaction.atomic
def share_class_create(
    *, actor: User | None, cooperative_id: int, code: str, name: str, nominal_value: int
) -> ShareClass:
    cooperative = Cooperative.objects.select_for_update().get(pk=cooperative_id)
    nominal_value = _positive_int(nominal_value, "nominal_value")
    code = normalize(code).upper()[:20] or "A"
    if ShareClass.objects.filter(cooperative=cooperative, code=code).exists():
        raise ApplicationError(_("این کد سهم تکراری است."), code="duplicate", fields={"code": []})
    share_class = ShareClass.objects.create(
        cooperative=cooperative,
        code=code,
        name=normalize(name) or code,
        nominal_value=nominal_value,
    )
    audit_record(
        actor=actor,
        action=CapitalEvent.SHARE_CLASS_CREATE,
        obj=share_class,
        province_id=cooperative.county.province_id,
        county_id=cooperative.county_id,
    )
    return share_class
