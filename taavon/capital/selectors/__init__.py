"""Reads of the share-capital ledger: balances derived from entries (`balances`), a cooperative's
capital figures for those who run it (`management`), a member's own holdings (`mine`) and the
public record's aggregate capital (`public`)."""

from .balances import (
    ZERO,
    Balance,
    cooperative_totals,
    default_share_class,
    member_balances,
    member_totals,
)

__all__ = [
    "ZERO",
    "Balance",
    "cooperative_totals",
    "default_share_class",
    "member_balances",
    "member_totals",
]
