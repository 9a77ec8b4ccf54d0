"""Endpoints for share classes and the share-capital ledger."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from taavon.capital.chain import verify_chain
from taavon.capital.selectors import management as capital_selectors
from taavon.capital.services import (
    Subscription,
    capital_pay,
    capital_reverse,
    capital_subscribe,
    capital_transfer,
    share_class_create,
)

from .common import ERRORS, body_class, body_member, managed_coop, reload_entries, router, user_of
from .schemas import (
    ChainOut,
    LedgerEntryOut,
    LedgerFilter,
    LedgerPageOut,
    PaymentIn,
    ReversalIn,
    ShareClassIn,
    ShareClassOut,
    SubscriptionIn,
    TransferIn,
)


@router.get(
    "/{coop_id}/share-classes",
    response={200: list[ShareClassOut], **ERRORS},
    summary="Share classes",
)
def list_share_classes(request: HttpRequest, coop_id: int) -> Any:
    return list(
        capital_selectors.share_class_list(user_of(request), managed_coop(request, coop_id))
    )


@router.post(
    "/{coop_id}/share-classes",
    response={201: ShareClassOut, **ERRORS},
    summary="Create a share class (nominal value in rials)",
)
def create_share_class(request: HttpRequest, coop_id: int, payload: ShareClassIn) -> Any:
    coop = managed_coop(request, coop_id)
    return Status(
        201, share_class_create(actor=user_of(request), cooperative_id=coop.pk, **payload.dict())
    )


# --- ledger -------------------------------------------------------------------------------


@router.get(
    "/{coop_id}/ledger",
    response={200: LedgerPageOut, **ERRORS},
    summary="Ledger entries in sequence order, paged by seq (keyset)",
)
def list_ledger(request: HttpRequest, coop_id: int, filters: Query[LedgerFilter]) -> Any:
    entries = capital_selectors.ledger_entry_list(
        user_of(request),
        managed_coop(request, coop_id),
        kind=filters.kind,
        membership_id=filters.membership_id or None,
        after_seq=filters.after_seq,
        oldest_first=True,
    )
    items = list(entries[: filters.limit + 1])
    more = len(items) > filters.limit
    items = items[: filters.limit]
    return {"items": items, "next_after_seq": items[-1].seq if more else None}


@router.get(
    "/{coop_id}/ledger/verify",
    response={200: ChainOut, **ERRORS},
    summary="Verify the ledger's hash chain; names the first bad entry",
)
def verify_ledger(request: HttpRequest, coop_id: int) -> Any:
    return verify_chain(managed_coop(request, coop_id).pk)


@router.post(
    "/{coop_id}/ledger/subscriptions",
    response={201: list[LedgerEntryOut], **ERRORS},
    summary="Subscribe shares (one or many; the per-member cap is checked on the result)",
)
def post_subscriptions(request: HttpRequest, coop_id: int, payload: SubscriptionIn) -> Any:
    coop = managed_coop(request, coop_id)
    items = [
        Subscription(
            body_member(request, coop, item.membership_id, f"items.{i}.membership_id"),
            body_class(request, coop, item.share_class_id),
            item.shares,
        )
        for i, item in enumerate(payload.items)
    ]
    entries = capital_subscribe(
        actor=user_of(request),
        cooperative_id=coop.pk,
        items=items,
        effective_on=payload.effective_on,
        reference=payload.reference,
        note=payload.note,
    )
    return Status(201, reload_entries(request, coop, entries))


@router.post(
    "/{coop_id}/ledger/payments",
    response={201: LedgerEntryOut, **ERRORS},
    summary="Record a payment against a subscription (never more than outstanding)",
)
def post_payment(request: HttpRequest, coop_id: int, payload: PaymentIn) -> Any:
    coop = managed_coop(request, coop_id)
    entry = capital_pay(
        actor=user_of(request),
        membership=body_member(request, coop, payload.membership_id, "membership_id"),
        share_class=body_class(request, coop, payload.share_class_id),
        amount=payload.amount,
        effective_on=payload.effective_on,
        reference=payload.reference,
    )
    return Status(201, reload_entries(request, coop, [entry])[0])


@router.post(
    "/{coop_id}/ledger/transfers",
    response={201: list[LedgerEntryOut], **ERRORS},
    summary="Transfer fully paid shares between members (board approval required)",
)
def post_transfer(request: HttpRequest, coop_id: int, payload: TransferIn) -> Any:
    coop = managed_coop(request, coop_id)
    legs = capital_transfer(
        actor=user_of(request),
        source=body_member(request, coop, payload.source_id, "source_id"),
        target=body_member(request, coop, payload.target_id, "target_id"),
        share_class=body_class(request, coop, payload.share_class_id),
        shares=payload.shares,
        board_approval=payload.board_approval,
        effective_on=payload.effective_on,
    )
    return Status(201, reload_entries(request, coop, list(legs)))


@router.post(
    "/{coop_id}/ledger/{entry_id}/reversal",
    response={201: list[LedgerEntryOut], **ERRORS},
    summary="Correct an entry by a reversing entry (a reason is required)",
)
def post_reversal(request: HttpRequest, coop_id: int, entry_id: int, payload: ReversalIn) -> Any:
    coop = managed_coop(request, coop_id)
    entry = capital_selectors.ledger_entry_get(user_of(request), coop, entry_id)
    reversals = capital_reverse(actor=user_of(request), entry_id=entry.pk, reason=payload.reason)
    return Status(201, reload_entries(request, coop, reversals))
