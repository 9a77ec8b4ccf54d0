"""What else happens when a member leaves, declared by the contexts that care.

The registry owns membership and cannot depend on the contexts built on it (capital depends on
the registry, not the reverse). Those contexts register a handler here at start-up (in their
AppConfig.ready); `membership_exit` runs every handler inside its transaction, with the
cooperative and the membership locked, before the membership is closed. Capital registers the
return of the member's capital (`capital.services.redeem_on_exit`).
"""

from __future__ import annotations

import datetime
from typing import Any, Protocol

from .models import Cooperative, Membership


class ExitHandler(Protocol):
    def __call__(
        self,
        *,
        actor: Any,
        cooperative: Cooperative,
        membership: Membership,
        exit_date: datetime.date,
        note: str,
    ) -> dict[str, Any]:
        """Do the handler's part of the exit; returns facts for the exit's audit event."""
        ...


_HANDLERS: list[ExitHandler] = []


def on_member_exit(handler: ExitHandler) -> ExitHandler:
    """Register a handler once (a second registration of the same function is ignored)."""
    if handler not in _HANDLERS:
        _HANDLERS.append(handler)
    return handler


def run_exit_handlers(
    *,
    actor: Any,
    cooperative: Cooperative,
    membership: Membership,
    exit_date: datetime.date,
    note: str,
) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    for handler in _HANDLERS:
        facts |= handler(
            actor=actor,
            cooperative=cooperative,
            membership=membership,
            exit_date=exit_date,
            note=note,
        )
    return facts
