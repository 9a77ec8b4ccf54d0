"""Hash chain over each cooperative's ledger: entry.hash = sha256(prev_hash | fields)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importable before Django is set up (the bench lists its columns)
    from .models import LedgerEntry

GENESIS = "0" * 64
CHAIN_FIELDS = (
    "cooperative_id",
    "seq",
    "kind",
    "membership_id",
    "share_class_id",
    "shares_delta",
    "subscribed_delta",
    "paid_delta",
    "reverses_id",
    "counterpart_id",
    "board_approval",
    "reference",
    "note",
    "effective_on",
    "actor_id",
    "recorded_at",
    "prev_hash",
    "hash",
)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("|", "¦")


def compute_hash(values: dict[str, object]) -> str:
    """Hash of one entry given its field values (everything but `hash` itself)."""
    parts = [_text(values[name]) for name in CHAIN_FIELDS if name != "hash"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _ledger() -> type[LedgerEntry]:
    from .models import LedgerEntry

    return LedgerEntry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(cooperative_id: int, *, chunk_size: int = 5000) -> ChainReport:
    """Walk the chain in order; name the first entry whose link, order or hash is wrong."""
    rows = (
        _ledger()
        .objects.filter(cooperative_id=cooperative_id)
        .order_by("seq")
        .values_list(*CHAIN_FIELDS)
        .iterator(chunk_size=chunk_size)
    )
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for row in rows:
        values = dict(zip(CHAIN_FIELDS, row, strict=True))
        seq = int(str(values["seq"]))
        if seq != expected_seq:
            return ChainReport(False, checked, seq, f"sequence gap: expected {expected_seq}")
        if values["prev_hash"] != prev:
            return ChainReport(False, checked, seq, "link to the previous entry is broken")
        if compute_hash(values) != values["hash"]:
            return ChainReport(False, checked, seq, "entry content does not match its hash")
        prev = str(values["hash"])
        expected_seq += 1
        checked += 1
    return ChainReport(True, checked)
