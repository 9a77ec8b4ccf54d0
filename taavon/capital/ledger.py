"""The one writer of the share-capital ledger.

Every path that posts entries (a manager's subscription or payment, a transfer, a reversal, a
leaving member's redemption, the founders' capital, a member import, the demo) calls
`ledger_post` with the cooperative already locked by the service that has authorised its actor
and checked its rules. `ledger_post` continues the cooperative's hash chain (seq, prev_hash,
recorded_at, hash), writes the rows (COPY on PostgreSQL for a large batch, INSERTs otherwise:
`core.bulk`) and writes the same audit events whatever the path: one per kind of entry posted.

It does not check who acts, nor the rules of capital (caps, outstanding amounts): its callers
do, with the helpers the rule profile and `capital.rules` offer. The web and API layers may not
import it (lint-imports).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from taavon.audit.services import audit_record
from taavon.core.bulk import Progress, insert_rows
from taavon.core.permissions import AnyUser, user_or_none
from taavon.persian.text import normalize
from taavon.registry.models import Cooperative

from .chain import GENESIS, compute_hash
from .events import CapitalEvent
from .models import EntryKind, LedgerEntry

AUDIT_BY_KIND: dict[str, str] = {
    EntryKind.SUBSCRIPTION: CapitalEvent.SUBSCRIBE,
    EntryKind.PAYMENT: CapitalEvent.PAY,
    EntryKind.TRANSFER_OUT: CapitalEvent.TRANSFER,
    EntryKind.TRANSFER_IN: CapitalEvent.TRANSFER,
    EntryKind.REDEMPTION: CapitalEvent.REDEEM,
    EntryKind.REVERSAL: CapitalEvent.REVERSE,
}


@dataclass(frozen=True)
class Posting:
    """One entry to append. `counterpart` names an earlier posting of the same batch (the
    outgoing leg of a transfer) by its index."""

    kind: str
    membership_id: int
    share_class_id: int
    shares_delta: int = 0
    subscribed_delta: int = 0
    paid_delta: int = 0
    effective_on: datetime.date = field(default_factory=timezone.localdate)
    reference: str = ""
    note: str = ""
    board_approval: str = ""
    reverses_id: int | None = None
    counterpart: int | None = None


@dataclass(frozen=True)
class Posted:
    """What `ledger_post` wrote: the rows as {attname: value}, ids included."""

    rows: list[dict[str, Any]]

    def entries(self) -> list[LedgerEntry]:
        """The rows as (saved) model instances, built without a query."""
        entries = []
        for row in self.rows:
            entry = LedgerEntry(**row)
            entry._state.adding = False
            entries.append(entry)
        return entries


def chain_head(cooperative_id: int) -> tuple[int, str]:
    """The last seq and hash of a cooperative's chain (0 and the genesis hash when empty)."""
    last = (
        LedgerEntry.objects.filter(cooperative_id=cooperative_id)
        .order_by("-seq")
        .values_list("seq", "hash")
        .first()
    )
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def ledger_post(
    *,
    cooperative: Cooperative,
    postings: Sequence[Posting],
    recorded_by: AnyUser | None,
    progress: Progress | None = None,
    audit_summary: str = "",
) -> Posted:
    """Append `postings` to the locked cooperative's chain, in order, and audit them."""
    seq, prev = chain_head(cooperative.pk)
    now = timezone.now()
    texts: dict[str, str] = {}  # a batch repeats its reference and note: normalise each once

    def text(value: str, limit: int) -> str:
        if value not in texts:
            texts[value] = normalize(value)
        return texts[value][:limit]

    actor_id = getattr(user_or_none(recorded_by), "pk", None)
    rows: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    for posting in postings:
        seq += 1
        row: dict[str, Any] = {
            "cooperative_id": cooperative.pk,
            "seq": seq,
            "kind": str(EntryKind(posting.kind).value),  # a plain str in the row and its hash
            "membership_id": posting.membership_id,
            "share_class_id": posting.share_class_id,
            "shares_delta": posting.shares_delta,
            "subscribed_delta": posting.subscribed_delta,
            "paid_delta": posting.paid_delta,
            "reverses_id": posting.reverses_id,
            "counterpart_id": None,
            "board_approval": text(posting.board_approval, 100),
            "reference": text(posting.reference, 100),
            "note": text(posting.note, 300),
            "effective_on": posting.effective_on,
            "actor_id": actor_id,
            "recorded_at": now,
            "prev_hash": prev,
        }
        if posting.counterpart is not None:
            # The other leg of a transfer, earlier in the batch: its id is part of this hash.
            target = rows[posting.counterpart]
            if "id" not in target:
                _insert(pending, progress)
                pending = []
            row["counterpart_id"] = target["id"]
        row["hash"] = prev = compute_hash(row)
        rows.append(row)
        pending.append(row)
    _insert(pending, progress)
    _audit(cooperative, rows, recorded_by, audit_summary)
    return Posted(rows)


def _insert(rows: list[dict[str, Any]], progress: Progress | None) -> None:
    ids = insert_rows(LedgerEntry, rows, progress)
    for row, pk in zip(rows, ids, strict=True):
        row["id"] = pk


def _audit(
    cooperative: Cooperative, rows: list[dict[str, Any]], recorded_by: AnyUser | None, summary: str
) -> None:
    """One event per kind of entry: how many, how many rials, which rows."""
    by_action: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_action.setdefault(AUDIT_BY_KIND[row["kind"]], []).append(row)
    for action, group in by_action.items():
        subscribed = sum(r["subscribed_delta"] for r in group)
        paid = sum(r["paid_delta"] for r in group)
        obj: Any = cooperative
        if len(group) == 1 or (action == CapitalEvent.TRANSFER and len(group) == 2):
            obj = LedgerEntry(**group[0])
            obj.cooperative = cooperative  # its audit placement, without a query
        audit_record(
            actor=recorded_by,
            action=action,
            obj=obj,
            # The amounts are in `changes`, which the audit page shows with the rial sign.
            summary=summary or f"{len(group)} entries, seq {group[0]['seq']}–{group[-1]['seq']}",
            changes={
                "entries": len(group),
                "seq": [group[0]["seq"], group[-1]["seq"]],
                "subscribed": subscribed,
                "paid": paid,
                **(
                    {"reverses": [r["reverses_id"] for r in group]}
                    if action == CapitalEvent.REVERSE
                    else {}
                ),
            },
        )
