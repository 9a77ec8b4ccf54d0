"""Admission and exit of members. Each service locks the cooperative's row, checks under the
lock that the actor may manage the cooperative, then applies the register's rules."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from taavon.audit.services import audit_record
from taavon.core.bulk import Progress, insert_rows
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.core.permissions import AnyUser, require
from taavon.persian import numbers
from taavon.persian.text import normalize
from taavon.persian.validators import normalize_national_id
from taavon.registry.events import RegistryEvent

from ..exits import run_exit_handlers
from ..locking import check_status, lock_cooperative
from ..models import Cooperative, CooperativeStatus, Membership, MembershipStatus, Person
from ..rules import profile_of
from .people import (
    PersonData,
    clean_person,
    identity_mismatch,
    identity_mismatch_message,
    people_for_admission,
    person_get_or_create,
)

OPEN_FOR_MEMBERS = {
    CooperativeStatus.FOUNDING,
    CooperativeStatus.ACTIVE,
    CooperativeStatus.INACTIVE,
}


def lock_for_members(actor: AnyUser | None, cooperative_id: int) -> Cooperative:
    """The cooperative locked for admissions, if the actor may manage it (404 otherwise) and
    its status admits members."""
    cooperative = lock_cooperative(cooperative_id)
    require(actor, "manage", cooperative)
    check_status(cooperative, OPEN_FOR_MEMBERS, closed_message=_("این تعاونی عضو نمی‌پذیرد."))
    return cooperative


def _already_member(national_ids: set[str]) -> ApplicationError:
    return ApplicationError(
        _("این شخص هم‌اکنون عضو این تعاونی است: %(ids)s")
        % {"ids": numbers.digits("، ".join(sorted(national_ids)))},
        code="already_member",
    )


@dataclass(frozen=True)
class Admitted:
    """Who `admit_locked` admitted: the new memberships' ids and register numbers, in the order
    of the list (model instances only on request: a long list does not need them)."""

    cooperative: Cooperative
    rows: list[dict[str, object]]
    ids: list[int]

    @property
    def numbers(self) -> list[int]:
        return [int(str(row["register_number"])) for row in self.rows]

    def memberships(self) -> list[Membership]:
        found = []
        for row, pk in zip(self.rows, self.ids, strict=True):
            membership = Membership(pk=pk, **row)
            membership._state.adding = False
            membership.cooperative = self.cooperative  # the locked row: no query to reach it
            found.append(membership)
        return found


def admit_locked(
    cooperative: Cooperative,
    people: Sequence[tuple[int, datetime.date]],
    *,
    is_founder: bool = False,
    progress: Progress | None = None,
) -> Admitted:
    """Admit people (by id, with their join dates) to a cooperative its caller has locked and
    authorised: nobody twice, nobody already a member, within the profile's maximum; numbered on
    from the register's counter. The one writer of memberships (COPY for a long list)."""
    profile = profile_of(cooperative)
    ids = [person_id for person_id, _d in people]
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
    if profile.over_max_members(active + len(people)):
        raise ApplicationError(
            profile.max_members_message(active + len(people)), code="over_max_members"
        )
    first = cooperative.take_register_numbers(len(people))
    rows = [
        {
            "cooperative_id": cooperative.pk,
            "person_id": person_id,
            "register_number": first + i,
            "joined_on": joined_on,
            "status": str(MembershipStatus.MEMBER.value),
            "is_founder": is_founder,
        }
        for i, (person_id, joined_on) in enumerate(people)
    ]
    return Admitted(cooperative, rows, insert_rows(Membership, rows, progress))


@transaction.atomic
def membership_admit(
    *, actor: AnyUser | None, cooperative_id: int, person: PersonData, joined_on: datetime.date
) -> Membership:
    cooperative = lock_for_members(actor, cooperative_id)
    # Already in this register (whatever names were typed): say so first; it is the
    # cooperative's own member, so nothing about a stranger is revealed.
    nid = normalize_national_id(person.national_id)
    if Membership.objects.filter(
        cooperative=cooperative, person__national_id=nid, status=MembershipStatus.MEMBER
    ).exists():
        raise _already_member({nid})
    record = person_get_or_create(person)
    (membership,) = admit_locked(cooperative, [(record.pk, joined_on)]).memberships()
    audit_record(
        actor=actor,
        action=RegistryEvent.MEMBER_ADMIT,
        obj=membership,
        summary=f"#{membership.register_number}",
    )
    return membership


@transaction.atomic
def membership_admit_many(
    *,
    actor: AnyUser | None,
    cooperative_id: int,
    people: Sequence[PersonData],
    joined_on: datetime.date,
    is_founder: bool = False,
) -> list[Membership]:
    """Admit a list of people at once, all or none: each is cleaned and checked against the
    person stored under their national ID, as `membership_admit` does one at a time."""
    cooperative = lock_for_members(actor, cooperative_id)
    cleaned = [clean_person(person) for person in people]
    stored = {
        p.national_id: p
        for p in Person.objects.filter(national_id__in=[c.national_id for c in cleaned])
    }
    for person in cleaned:
        known = stored.get(person.national_id)
        if known is not None and identity_mismatch(known, person):
            raise ApplicationError(
                identity_mismatch_message(),
                code="identity_mismatch",
                fields={"national_id": [identity_mismatch_message()]},
            )
    ids = people_for_admission(cleaned)
    memberships = admit_locked(
        cooperative, [(ids[p.national_id], joined_on) for p in cleaned], is_founder=is_founder
    ).memberships()
    if memberships:
        audit_record(
            actor=actor,
            action=RegistryEvent.MEMBER_ADMIT,
            obj=cooperative,
            summary=f"{len(memberships)} members "
            f"#{memberships[0].register_number}–#{memberships[-1].register_number}",
            changes={"admitted": len(memberships)},
        )
    return memberships


EXIT_STATUSES = {MembershipStatus.RESIGNED, MembershipStatus.EXPELLED, MembershipStatus.DECEASED}


@transaction.atomic
def membership_exit(
    *,
    actor: AnyUser | None,
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
    cooperative = lock_cooperative(cooperative_id)
    require(actor, "manage", cooperative)
    membership = Membership.objects.select_for_update(of=("self",)).get(pk=membership_id)
    membership.cooperative = cooperative
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
