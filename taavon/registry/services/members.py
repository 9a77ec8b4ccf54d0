"""People, and the admission and exit of members."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.persian import numbers
from taavon.persian.text import normalize, search_key
from taavon.persian.validators import (
    normalize_mobile,
    normalize_national_id,
    validate_mobile,
    validate_national_id,
)
from taavon.registry.events import RegistryEvent

from ..exits import run_exit_handlers
from ..models import (
    Cooperative,
    CooperativeStatus,
    Membership,
    MembershipStatus,
    Person,
)
from ..rules import profile_of

OPEN_FOR_MEMBERS = {
    CooperativeStatus.FOUNDING,
    CooperativeStatus.ACTIVE,
    CooperativeStatus.INACTIVE,
}


@dataclass(frozen=True)
class PersonData:
    national_id: str
    first_name: str
    last_name: str
    father_name: str = ""
    birth_date: datetime.date | None = None
    gender: str = ""
    mobile: str = ""


def clean_person(data: PersonData) -> PersonData:
    """Validate and normalise; raises django ValidationError (Persian) on bad IDs."""
    validate_national_id(data.national_id)
    if data.mobile:
        validate_mobile(data.mobile)
    first, last = normalize(data.first_name), normalize(data.last_name)
    if not first or not last:
        raise ApplicationError(
            _("نام و نام خانوادگی لازم است."),
            code="invalid",
            fields={"first_name" if not first else "last_name": []},
        )
    if data.gender not in ("", "female", "male"):
        raise ApplicationError(_("جنسیت نامعتبر است."), code="invalid", fields={"gender": []})
    return PersonData(
        national_id=normalize_national_id(data.national_id),
        first_name=first,
        last_name=last,
        father_name=normalize(data.father_name),
        birth_date=data.birth_date,
        gender=data.gender,
        mobile=normalize_mobile(data.mobile) if data.mobile else "",
    )


def identity_mismatch(person: Person, typed: Any) -> list[str]:
    """The fields in which what was typed contradicts the stored person with that national ID:
    the names always, the father's name and birth date when both sides give one (compared by
    search key, so Arabic letters, digits and ZWNJ do not matter)."""
    fields = [
        f
        for f in ("first_name", "last_name")
        if search_key(getattr(person, f)) != search_key(getattr(typed, f))
    ]
    if (
        person.father_name
        and typed.father_name
        and search_key(person.father_name) != search_key(typed.father_name)
    ):
        fields.append("father_name")
    if person.birth_date and typed.birth_date and person.birth_date != typed.birth_date:
        fields.append("birth_date")
    return fields


def identity_mismatch_message() -> str:
    # Says that the details do not match, never what is stored: a national ID typed by someone
    # else must not reveal that person's name, mobile or birth date.
    return _("مشخصات واردشده با مشخصات ثبت‌شده برای این کد ملی یکسان نیست.")


def person_get_or_create(data: PersonData) -> Person:
    """The person with this national ID: the typed names must match the stored ones (see
    `identity_mismatch`); blank details are filled, known ones kept."""
    data = clean_person(data)
    person, created = Person.objects.get_or_create(
        national_id=data.national_id,
        defaults={k: v for k, v in data.__dict__.items() if k != "national_id"},
    )
    if not created and (mismatch := identity_mismatch(person, data)):
        raise ApplicationError(
            identity_mismatch_message(),
            code="identity_mismatch",
            fields={"national_id": [identity_mismatch_message()], **{f: [] for f in mismatch}},
        )
    if not created:
        missing = {k: v for k, v in data.__dict__.items() if v and not getattr(person, k)}
        if missing:
            for key, value in missing.items():
                setattr(person, key, value)
            person.save(update_fields=list(missing))
    return person


def lock_for_members(cooperative_id: int) -> Cooperative:
    try:
        cooperative = (
            Cooperative.objects.select_for_update().select_related("county").get(pk=cooperative_id)
        )
    except Cooperative.DoesNotExist:
        raise NotFoundError() from None
    if cooperative.status not in OPEN_FOR_MEMBERS:
        raise ApplicationError(_("این تعاونی عضو نمی‌پذیرد."), code="cooperative_closed")
    return cooperative


def _already_member(national_ids: set[str]) -> ApplicationError:
    return ApplicationError(
        _("این شخص هم‌اکنون عضو این تعاونی است: %(ids)s")
        % {"ids": numbers.digits("، ".join(sorted(national_ids)))},
        code="already_member",
    )


def admit_locked(
    cooperative: Cooperative,
    people: Sequence[tuple[Person, datetime.date]],
    *,
    is_founder: bool = False,
) -> list[Membership]:
    """Admit several people to a cooperative already locked by the caller."""
    profile = profile_of(cooperative)
    ids = [p.pk for p, _d in people]
    if len(set(ids)) != len(ids):
        raise ApplicationError(_("یک شخص دو بار در فهرست آمده است."), code="duplicate")
    already = set(
        Membership.objects.filter(
            cooperative=cooperative, person_id__in=ids, status=MembershipStatus.MEMBER
        ).values_list("person__national_id", flat=True)
    )
    if already:
        raise _already_member(already)
    active = Membership.objects.filter(
        cooperative=cooperative, status=MembershipStatus.MEMBER
    ).count()
    if profile.max_members is not None and active + len(people) > profile.max_members:
        raise ApplicationError(
            _("تعداد اعضا از سقف %(max)s نفر بیشتر می‌شود.")
            % {"max": numbers.number(profile.max_members)},
            code="over_max_members",
        )
    start = cooperative.last_register_number
    memberships = [
        Membership(
            cooperative=cooperative,
            person=person,
            register_number=start + i,
            joined_on=joined_on,
            is_founder=is_founder,
        )
        for i, (person, joined_on) in enumerate(people, start=1)
    ]
    Membership.objects.bulk_create(memberships)
    cooperative.last_register_number = start + len(people)
    cooperative.save(update_fields=["last_register_number", "updated_at"])
    if not all(m.pk for m in memberships):  # SQLite before 3.35 returns no ids
        by_number = dict(
            Membership.objects.filter(
                cooperative=cooperative, register_number__gt=start
            ).values_list("register_number", "pk")
        )
        for membership in memberships:
            membership.pk = by_number[membership.register_number]
    return memberships


@transaction.atomic
def membership_admit(
    *, actor: User | None, cooperative_id: int, person: PersonData, joined_on: datetime.date
) -> Membership:
    cooperative = lock_for_members(cooperative_id)
    # Already in this register (whatever names were typed): say so first; it is the
    # cooperative's own member, so nothing about a stranger is revealed.
    nid = normalize_national_id(person.national_id)
    if Membership.objects.filter(
        cooperative=cooperative, person__national_id=nid, status=MembershipStatus.MEMBER
    ).exists():
        raise _already_member({nid})
    record = person_get_or_create(person)
    (membership,) = admit_locked(cooperative, [(record, joined_on)])
    audit_record(
        actor=actor,
        action=RegistryEvent.MEMBER_ADMIT,
        obj=membership,
        summary=f"#{membership.register_number}",
    )
    return membership


EXIT_STATUSES = {MembershipStatus.RESIGNED, MembershipStatus.EXPELLED, MembershipStatus.DECEASED}


@transaction.atomic
def membership_exit(
    *,
    actor: User | None,
    membership_id: int,
    status: str,
    exit_date: datetime.date,
    reason: str = "",
) -> Membership:
    """Resignation, expulsion or death. The exit handlers other contexts registered run first
    (registry/exits.py: capital returns the member's capital through the ledger)."""
    cooperative_id = (
        Membership.objects.filter(pk=membership_id).values_list("cooperative_id", flat=True).first()
    )
    if cooperative_id is None:
        raise NotFoundError()
    cooperative = (
        Cooperative.objects.select_for_update().select_related("county").get(pk=cooperative_id)
    )
    membership = Membership.objects.select_for_update().get(pk=membership_id)
    if status not in EXIT_STATUSES:
        raise ApplicationError(_("نوع خروج نامعتبر است."), code="invalid", fields={"status": []})
    if membership.status != MembershipStatus.MEMBER:
        raise ApplicationError(_("این عضویت پیش‌تر پایان یافته است."), code="not_member")
    if exit_date < membership.joined_on:
        raise ApplicationError(
            _("تاریخ خروج پیش از تاریخ عضویت است."), code="invalid", fields={"exit_date": []}
        )
    reason = normalize(reason, multiline=True)
    facts = run_exit_handlers(
        actor=actor,
        cooperative=cooperative,
        membership=membership,
        exit_date=exit_date,
        note=reason or str(status),
    )
    membership.status, membership.exit_date, membership.exit_reason = status, exit_date, reason
    membership.save(update_fields=["status", "exit_date", "exit_reason"])
    audit_record(
        actor=actor,
        action=RegistryEvent.MEMBER_EXIT,
        obj=membership,
        summary=f"#{membership.register_number} {status}",
        changes={"status": status, **facts},
    )
    return membership
