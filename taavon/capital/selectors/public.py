"""The public record of a registered cooperative with its aggregate capital (never a member's)."""

from __future__ import annotations

from dataclasses import dataclass

from taavon.registry.selectors.public import PublicCooperative, public_cooperative

from .balances import cooperative_totals


@dataclass(frozen=True)
class PublicRecord(PublicCooperative):
    capital_subscribed: int = 0
    capital_paid: int = 0


def public_record(cooperative_id: int) -> PublicRecord:
    """`public_cooperative` (NotFoundError for unknown or founding ones) and its capital."""
    record = public_cooperative(cooperative_id)
    totals = cooperative_totals(cooperative_id)
    return PublicRecord(
        **record.__dict__, capital_subscribed=totals.subscribed, capital_paid=totals.paid
    )
