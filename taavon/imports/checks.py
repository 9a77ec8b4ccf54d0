"""Checks of parsed rows against the cooperative as it is now: its members, rules and capital.

The dry run runs them without a lock; the commit runs them again with the cooperative locked,
so the answer that counts is the one given under the lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from taavon.capital.models import ShareClass
from taavon.capital.postings import MAX_AMOUNT, POSTABLE
from taavon.capital.selectors import cooperative_totals, default_share_class
from taavon.imports.parse import Parsed
from taavon.imports.problems import Problem
from taavon.persian import numbers
from taavon.registry.models import Cooperative, Membership, MembershipStatus, Person, RuleProfile
from taavon.registry.rules import profile_of
from taavon.registry.services.members import OPEN_FOR_MEMBERS
from taavon.registry.services.people import identity_mismatch, identity_mismatch_message


@dataclass
class Target:
    cooperative: Cooperative
    profile: RuleProfile
    share_class: ShareClass | None
    members: dict[str, int]  # national ID → register number, active members only
    subscribed: int  # the cooperative's subscribed capital now, in rials


def load_target(cooperative: Cooperative) -> Target:
    """Everything the checks need, in four queries whatever the size of the file."""
    profile = profile_of(cooperative)
    members = dict(
        Membership.objects.filter(
            cooperative=cooperative, status=MembershipStatus.MEMBER
        ).values_list("person__national_id", "register_number")
    )
    return Target(
        cooperative,
        profile,
        default_share_class(cooperative.pk),
        members,
        cooperative_totals(cooperative.pk).subscribed,
    )


def check_rows(target: Target, parsed: Parsed) -> list[Problem]:
    header = parsed.header
    assert header is not None
    coop = target.cooperative
    problems: list[Problem] = []
    if coop.status not in OPEN_FOR_MEMBERS:
        problems.append(Problem(None, "", _("این تعاونی با وضعیت کنونی‌اش عضو نمی‌پذیرد.")))
    with_capital = [r for r in parsed.rows if r.shares]
    if with_capital and coop.status not in POSTABLE:
        problems.append(
            Problem(
                None,
                "",
                _(
                    "برای تعاونی با این وضعیت نمی‌توان سرمایه ثبت کرد؛ "
                    "ستون‌های سهام و پرداخت را خالی بگذارید."
                ),
            )
        )
    if with_capital and target.share_class is None:
        problems.append(
            Problem(
                None,
                "",
                _(
                    "برای این تعاونی هنوز نوع سهمی تعریف نشده است؛ نخست "
                    "نوع سهم و ارزش اسمی آن را ثبت کنید."
                ),
            )
        )
    for row in parsed.rows:
        register_number = target.members.get(row.national_id)
        if register_number is not None:
            problems.append(
                Problem(
                    row.row,
                    header.label("national_id"),
                    _("این شخص هم‌اکنون عضو این تعاونی است (شمارهٔ عضویت %(n)s).")
                    % {"n": numbers.digits(register_number)},
                )
            )
    problems += _identity_problems(parsed)
    after = len(target.members) + len(parsed.rows)
    if target.profile.over_max_members(after):
        problems.append(Problem(None, "", target.profile.max_members_message(after)))
    if target.share_class is not None and with_capital:
        problems += _capital_problems(target, parsed)
    return problems


IDENTITY_CHUNK = 5_000


def _identity_problems(parsed: Parsed) -> list[Problem]:
    """Rows whose national ID belongs to a known person with other names (or another father's
    name or birth date): a mistyped ID must not attach a membership to somebody else. One query
    per IDENTITY_CHUNK rows; the message never says what is stored."""
    header = parsed.header
    assert header is not None
    problems: list[Problem] = []
    for start in range(0, len(parsed.rows), IDENTITY_CHUNK):
        chunk = parsed.rows[start : start + IDENTITY_CHUNK]
        known = Person.objects.filter(national_id__in=[r.national_id for r in chunk]).only(
            "national_id", "first_name", "last_name", "father_name", "birth_date"
        )
        stored = {p.national_id: p for p in known}
        for row in chunk:
            person = stored.get(row.national_id)
            if person is not None and identity_mismatch(person, row):
                problems.append(
                    Problem(row.row, header.label("national_id"), identity_mismatch_message())
                )
    return problems


def _capital_problems(target: Target, parsed: Parsed) -> list[Problem]:
    """Paid within subscribed, and the per-member cap on the capital *after* the import."""
    assert parsed.header is not None and target.share_class is not None
    header, nominal = parsed.header, target.share_class.nominal_value
    profile = target.profile
    problems: list[Problem] = []
    total_after = target.subscribed + sum(r.shares * nominal for r in parsed.rows)
    for row in parsed.rows:
        amount = row.shares * nominal
        if amount > MAX_AMOUNT:
            problems.append(Problem(row.row, header.label("shares"), _("بیش از حد بزرگ است.")))
            continue
        if row.paid > amount:
            problems.append(
                Problem(
                    row.row,
                    header.label("paid"),
                    _("مبلغ پرداختی از مبلغ تعهد (%(amount)s ریال) بیشتر است.")
                    % {"amount": numbers.rials(amount)},
                )
            )
        if amount and profile.over_share_cap(amount, total_after):
            problems.append(
                Problem(
                    row.row,
                    header.label("shares"),
                    profile.share_cap_message(holding=amount, total=total_after),
                )
            )
    return problems
