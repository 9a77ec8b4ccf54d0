"""Locking a cooperative's row: the one way every write that must be serialised per cooperative
(admissions, exits, ledger postings, imports, status changes) takes its lock.

Only the cooperative's own row is locked (`of=("self",)`): on PostgreSQL a plain
`select_for_update().select_related("county")` would also lock the county's row, so every
posting in a county would wait for every other one, and a long import would block the audit
rows that point at the county. The lock is FOR NO KEY UPDATE: it serialises the writers of one
cooperative (they all take it) while other transactions may still insert rows that refer to
the cooperative (an audit event, a notification's link), which a plain FOR UPDATE would hold up
for as long as a big import runs.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from taavon.core.errors import ApplicationError
from taavon.workflow.services import lock_subject

from .models import Cooperative


def cooperatives() -> QuerySet[Cooperative]:
    """Cooperatives with what their writers read: the county and province (who may act), the
    rule profile (what they may do)."""
    return Cooperative.objects.select_related("county__province", "rule_profile")


def lock_cooperative(
    cooperative_id: int | str,
    *,
    statuses: Collection[str] | None = None,
    closed_message: str | None = None,
    closed_code: str = "cooperative_closed",
) -> Cooperative:
    """The cooperative, locked until the transaction ends (its county and province joined, not
    locked). With `statuses`, a cooperative in any other status is refused with a Persian error
    (callers that authorise an actor pass no statuses and check them after `require`, so a
    stranger learns nothing about the cooperative's status)."""
    cooperative = lock_subject(cooperatives(), cooperative_id)
    if statuses is not None:
        check_status(cooperative, statuses, closed_message=closed_message, closed_code=closed_code)
    return cooperative


def check_status(
    cooperative: Cooperative,
    statuses: Collection[str],
    *,
    closed_message: str | None = None,
    closed_code: str = "cooperative_closed",
) -> None:
    if cooperative.status not in statuses:
        raise ApplicationError(
            closed_message or _("این تعاونی با وضعیت کنونی‌اش این کار را نمی‌پذیرد."),
            code=closed_code,
        )
