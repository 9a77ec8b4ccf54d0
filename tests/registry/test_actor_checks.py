"""Every registry service checks its actor itself, under the cooperative's lock: somebody who
may not act (an officer of another county, a member, a manager of another cooperative, nobody)
is told it is not found, and nothing is written."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from taavon.accounts.models import Role, User
from taavon.audit.models import AuditEvent
from taavon.core.errors import NotFoundError
from taavon.core.permissions import SYSTEM
from taavon.registry.models import (
    Cooperative,
    CooperativeStatus,
    CooperativeStatusChange,
    Membership,
    Person,
    RuleProfile,
)
from taavon.registry.rules import rule_profile_for
from taavon.registry.services.members import (
    membership_admit,
    membership_admit_many,
    membership_exit,
)
from taavon.registry.services.people import PersonData
from taavon.registry.services.rules import rule_profile_publish
from taavon.registry.services.status import cooperative_register, cooperative_status_change
from tests.factories import CooperativeFactory, national_id

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 3, 20)


def newcomer(serial: int) -> PersonData:
    return PersonData(national_id(70_000 + serial), "ناهید", f"تازه‌وارد {serial}")


@pytest.fixture
def founding(dorud: Any) -> Cooperative:
    return CooperativeFactory(
        name="تعاونی تازهٔ دورود", county=dorud, status=CooperativeStatus.FOUNDING
    )


@pytest.fixture
def member_of(coop_dorud: Cooperative) -> Membership:
    return membership_admit(
        actor=SYSTEM, cooperative_id=coop_dorud.pk, person=newcomer(0), joined_on=DAY
    )


def footprint() -> tuple[int, ...]:
    return (
        Person.objects.count(),
        Membership.objects.filter(status="member").count(),
        CooperativeStatusChange.objects.count(),
        RuleProfile.objects.count(),
        AuditEvent.objects.count(),
        *Cooperative.objects.order_by("pk").values_list("last_register_number", flat=True),
    )


@pytest.fixture
def calls(
    coop_dorud: Cooperative, founding: Cooperative, member_of: Membership
) -> dict[str, Callable[[Any], object]]:
    base = rule_profile_for(kind="", sector="")
    return {
        "membership_admit": lambda actor: membership_admit(
            actor=actor, cooperative_id=coop_dorud.pk, person=newcomer(1), joined_on=DAY
        ),
        "membership_admit_many": lambda actor: membership_admit_many(
            actor=actor,
            cooperative_id=coop_dorud.pk,
            people=[newcomer(2), newcomer(3)],
            joined_on=DAY,
        ),
        "membership_exit": lambda actor: membership_exit(
            actor=actor, membership_id=member_of.pk, status="resigned", exit_date=DAY
        ),
        "cooperative_status_change": lambda actor: cooperative_status_change(
            actor=actor, cooperative_id=coop_dorud.pk, to_status="inactive", reason="تعطیلی"
        ),
        "cooperative_register": lambda actor: cooperative_register(
            actor=actor,
            cooperative_id=founding.pk,
            registration_number="77",
            registration_date=DAY,
            legal_national_id="10861234565",
        ),
        "rule_profile_publish": lambda actor: rule_profile_publish(
            actor=actor, base=base, changes={"min_members": 9}
        ),
    }


NAMES = [
    "membership_admit",
    "membership_admit_many",
    "membership_exit",
    "cooperative_status_change",
    "cooperative_register",
    "rule_profile_publish",
]


@pytest.mark.parametrize("service", NAMES)
def test_a_wrong_actor_is_refused_and_nothing_is_written(
    calls: dict[str, Callable[[Any], object]], outsiders: dict[str, Any], service: str
) -> None:
    before = footprint()
    for who, actor in outsiders.items():
        with pytest.raises(NotFoundError):
            calls[service](actor)
        assert footprint() == before, who


@pytest.mark.parametrize("service", NAMES)
def test_the_right_actor_may(
    calls: dict[str, Callable[[Any], object]],
    make_user: Callable[..., User],
    coop_manager: User,
    national_officer: User,
    dorud: Any,
    service: str,
) -> None:
    office = make_user(Role.COUNTY_OFFICER, county=dorud)
    actor = {
        "membership_admit": coop_manager,
        "membership_admit_many": coop_manager,
        "membership_exit": coop_manager,
        "rule_profile_publish": national_officer,
    }.get(service, office)
    before = footprint()
    calls[service](actor)
    assert footprint() != before


def test_the_manager_may_not_change_the_status_the_office_does(
    coop_manager: User, coop_dorud: Cooperative
) -> None:
    with pytest.raises(NotFoundError):
        cooperative_status_change(
            actor=coop_manager, cooperative_id=coop_dorud.pk, to_status="inactive", reason="x"
        )
    assert Cooperative.objects.get(pk=coop_dorud.pk).status == CooperativeStatus.ACTIVE


def test_a_stranger_learns_nothing_from_the_order_of_the_checks(
    county_officer: User, coop_dorud: Cooperative
) -> None:
    """The actor is checked first: no "a reason is needed", no "this cooperative does not admit
    members" for somebody who may not act on it at all."""
    Cooperative.objects.filter(pk=coop_dorud.pk).update(status=CooperativeStatus.LIQUIDATION)
    with pytest.raises(NotFoundError):
        cooperative_status_change(
            actor=county_officer, cooperative_id=coop_dorud.pk, to_status="dissolved", reason=""
        )
    with pytest.raises(NotFoundError):
        membership_admit(
            actor=county_officer, cooperative_id=coop_dorud.pk, person=newcomer(9), joined_on=DAY
        )
