"""The router, access helpers and response builders shared by the endpoint modules."""

from typing import Any, cast

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from taavon.accounts.models import User
from taavon.capital.models import LedgerEntry, ShareClass
from taavon.capital.selectors import management as capital_selectors
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.registry.models import Cooperative, Membership
from taavon.registry.selectors import management as selectors

from ..auth import REQUIRED
from ..errors import ErrorOut

router = Router(tags=["cooperatives"], auth=REQUIRED)
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def user_of(request: HttpRequest) -> User:
    return cast(User, request.user)  # both token and session auth set request.user


def managed_coop(request: HttpRequest, coop_id: int) -> Cooperative:
    return selectors.cooperative_for_manager(user_of(request), coop_id)


def share(value: Any) -> dict[str, Any]:
    return {
        "numerator": value.numerator,
        "denominator": value.denominator,
        "percent": round(float(value) * 100, 2),
    }


def totals(balance: Any) -> dict[str, int]:
    return {
        "shares": balance.shares,
        "subscribed": balance.subscribed,
        "paid": balance.paid,
        "outstanding": balance.outstanding,
    }


def detail(coop: Cooperative) -> Cooperative:
    """The cooperative with the overview's figures attached for ManagedCooperativeDetailOut."""
    overview = capital_selectors.cooperative_overview(coop)
    figures = {
        "member_count": overview.member_count,
        "exited_count": overview.exited_count,
        "totals": totals(overview.totals),
        "paid_share": share(overview.paid_share),
        "min_paid_share": share(overview.min_paid_share),
        "paid_share_ok": overview.paid_share_ok,
        "max_member_share": share(overview.max_member_share),
        "max_members": overview.max_members,
        "rule_profile_name": str(overview.profile) if overview.profile else None,
        "status_history": list(selectors.status_history(coop)),
    }
    for name, value in figures.items():
        setattr(coop, name, value)
    return coop


def member_of(request: HttpRequest, coop: Cooperative, member_id: int) -> Membership:
    return selectors.member_get(user_of(request), coop, member_id)


def member_detail(request: HttpRequest, coop: Cooperative, membership: Membership) -> Membership:
    """The membership with its balances attached for MembershipDetailOut."""
    capital = capital_selectors.member_capital(user_of(request), coop, membership)
    membership.balances = [  # type: ignore[attr-defined]
        {"share_class_id": klass.pk, "share_class_code": klass.code, **totals(b)}
        for klass, b in capital.balances
    ]
    membership.totals = totals(capital.total)  # type: ignore[attr-defined]
    return membership


def body_member(
    request: HttpRequest, coop: Cooperative, membership_id: int, field: str
) -> Membership:
    """A membership named in a request body: unknown ones are bad input (400), not a 404."""
    try:
        return selectors.member_get(user_of(request), coop, membership_id)
    except NotFoundError:
        raise ApplicationError(
            _("عضوی با این شناسه در این تعاونی نیست."),
            code="invalid",
            fields={field: [_("عضو یافت نشد.")]},
        ) from None


def body_class(request: HttpRequest, coop: Cooperative, class_id: int) -> ShareClass:
    try:
        return capital_selectors.share_class_get(user_of(request), coop, class_id)
    except NotFoundError:
        raise ApplicationError(
            _("این نوع سهم در این تعاونی نیست."),
            code="invalid",
            fields={"share_class_id": [_("نوع سهم یافت نشد.")]},
        ) from None


def reload_entries(
    request: HttpRequest, coop: Cooperative, entries: list[LedgerEntry]
) -> list[LedgerEntry]:
    """Reload posted entries with what LedgerEntryOut reads (register number, reversed seq)."""
    return capital_selectors.ledger_entries_by_id(user_of(request), coop, [e.pk for e in entries])
