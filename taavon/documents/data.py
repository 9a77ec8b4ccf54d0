"""What the documents show, read in a fixed number of queries (10,000 members included)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from taavon.capital.models import ShareClass
from taavon.capital.selectors import ZERO, Balance, member_balances
from taavon.core.errors import ApplicationError
from taavon.registry.models import Cooperative, Membership, MembershipStatus

STATUS_LABELS = dict(MembershipStatus.choices)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    membership_id: int
    register_number: int
    first_name: str
    last_name: str
    father_name: str
    national_id: str
    joined_on: datetime.date
    status: str
    exit_date: datetime.date | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))


REGISTER_FIELDS = (
    "pk",
    "register_number",
    "person__first_name",
    "person__last_name",
    "person__father_name",
    "person__national_id",
    "joined_on",
    "status",
    "exit_date",
)


def register_rows(cooperative_id: int, *, chunk_size: int = 2000) -> Iterator[RegisterRow]:
    """Every membership ever, by register number: one query, streamed in chunks."""
    rows = (
        Membership.objects.filter(cooperative_id=cooperative_id)
        .order_by("register_number")
        .values_list(*REGISTER_FIELDS)
        .iterator(chunk_size=chunk_size)
    )
    for values in rows:
        yield RegisterRow(*values)


@dataclass(frozen=True, slots=True)
class CapitalLine:
    register_number: int
    full_name: str
    status: str
    share_class: ShareClass
    balance: Balance


@dataclass
class CapitalRegister:
    lines: list[CapitalLine] = field(default_factory=list)
    by_class: dict[int, Balance] = field(default_factory=dict)
    classes: dict[int, ShareClass] = field(default_factory=dict)
    total: Balance = ZERO


def capital_register(cooperative_id: int) -> CapitalRegister:
    """Per member and share class: shares, subscribed, paid, outstanding; with totals.
    Three queries: share classes, one aggregate over the ledger, the members."""
    classes = {c.pk: c for c in ShareClass.objects.filter(cooperative_id=cooperative_id)}
    balances = member_balances(cooperative_id)
    register = CapitalRegister(classes=classes)
    if not balances:
        return register
    for row in register_rows(cooperative_id):
        for class_id in sorted(classes):
            balance = balances.get((row.membership_id, class_id))
            if balance is None or balance == ZERO:
                continue
            register.lines.append(
                CapitalLine(
                    row.register_number, row.full_name, row.status_label, classes[class_id], balance
                )
            )
            register.by_class[class_id] = register.by_class.get(class_id, ZERO) + balance
            register.total = register.total + balance
    return register


@dataclass(frozen=True)
class Holding:
    share_class: ShareClass
    balance: Balance


def holdings_of(membership: Membership) -> list[Holding]:
    """A member's balance in each share class they hold (for the share certificate)."""
    balances = member_balances(membership.cooperative_id, [membership.pk])
    classes = ShareClass.objects.filter(pk__in=[c for _m, c in balances]).order_by("pk")
    return [
        Holding(c, balances[(membership.pk, c.pk)])
        for c in classes
        if balances[(membership.pk, c.pk)] != ZERO
    ]


def require_registered(cooperative: Cooperative) -> None:
    if not cooperative.is_registered or not cooperative.registration_number:
        raise ApplicationError(
            _("این تعاونی هنوز ثبت نشده است؛ گواهی ثبت صادر نمی‌شود."), code="not_registered"
        )
