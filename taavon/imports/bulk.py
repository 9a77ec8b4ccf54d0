"""Writing an import whose every row has been checked, with the cooperative locked by the
caller: the people, their memberships and their opening capital, each through its context's
one writer (registry's people and register, capital's ledger), which choose COPY on PostgreSQL
for a long list. Nothing here writes a row itself."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone

from taavon.capital.models import ShareClass
from taavon.capital.postings import opening_capital_locked
from taavon.core.permissions import AnyUser
from taavon.registry.models import Cooperative
from taavon.registry.services.members import admit_locked
from taavon.registry.services.people import people_for_admission

from .parse import MemberRow, Progress


def write_members(
    *,
    actor: AnyUser | None,
    cooperative: Cooperative,
    share_class: ShareClass | None,
    rows: Sequence[MemberRow],
    reference: str,
    note: str,
    progress: Progress | None = None,
) -> list[int]:
    """Admit every row and post its opening capital; returns the new register numbers."""
    people = people_for_admission([row.person() for row in rows])
    admitted = admit_locked(
        cooperative, [(people[r.national_id], r.joined_on) for r in rows], progress=progress
    )
    if share_class is not None:
        opening_capital_locked(
            cooperative,
            share_class,
            [(pk, r.shares, r.paid) for pk, r in zip(admitted.ids, rows, strict=True)],
            recorded_by=actor,
            effective_on=timezone.localdate(),
            reference=reference[:100],
            note=note[:300],
        )
    return admitted.numbers
