"""The one transition service: it locks, checks the table and the actor, records the history
row, the stage's entry time and the audit event, and writes nothing when it refuses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone

from taavon.accounts.models import Role, User
from taavon.audit.models import AuditEvent
from taavon.core.errors import ApplicationError, ConflictError, NotFoundError
from taavon.core.permissions import SYSTEM
from taavon.geo.models import County, Province
from taavon.registry.models import Cooperative, CooperativeStatus
from taavon.workflow.access import allowed_transitions, may_take
from taavon.workflow.definitions import Reach, Transition
from taavon.workflow.definitions import Role as WorkflowRole
from taavon.workflow.services import ActionForbidden, workflow_transition
from tests.factories import CooperativeFactory

pytestmark = pytest.mark.django_db


def take(actor: object, coop: Cooperative, action: str, note: str = "x") -> Cooperative:
    return workflow_transition(
        actor=actor,  # type: ignore[arg-type]
        subject=Cooperative.objects.select_related("county"),
        pk=coop.pk,
        action=action,
        payload={"note": note},
    )


def footprint(coop: Cooperative) -> tuple[str, int, int]:
    coop.refresh_from_db()
    return coop.status, coop.status_changes.count(), AuditEvent.objects.count()


@pytest.fixture
def coop(khorramabad: County) -> Cooperative:
    return CooperativeFactory(county=khorramabad, status=CooperativeStatus.ACTIVE)


def test_a_transition_records_who_when_from_to_and_note(
    county_officer: User, coop: Cooperative
) -> None:
    before = timezone.now()
    moved = take(county_officer, coop, "suspend", note="تعطیلی فصلی")
    assert moved.status == CooperativeStatus.INACTIVE
    assert moved.status_changed_at is not None and moved.status_changed_at >= before
    (row,) = coop.status_changes.all()
    assert (row.action, row.from_status, row.to_status, row.actor, row.note) == (
        "suspend",
        "active",
        "inactive",
        county_officer,
        "تعطیلی فصلی",
    )
    event = AuditEvent.objects.get(action="workflow.transition")
    assert event.changes["workflow"] == "cooperative_status@1"
    assert (event.changes["from"], event.changes["to"]) == ("active", "inactive")
    assert event.county_id == coop.county_id


def test_an_action_not_in_the_table_from_this_stage_conflicts(
    county_officer: User, coop: Cooperative
) -> None:
    before = footprint(coop)
    with pytest.raises(ConflictError) as caught:
        take(county_officer, coop, "dissolve")
    assert caught.value.code == "invalid_transition"
    assert footprint(coop) == before


def test_an_unknown_action_is_refused(county_officer: User, coop: Cooperative) -> None:
    before = footprint(coop)
    with pytest.raises(ApplicationError) as caught:
        take(county_officer, coop, "teleport")
    assert caught.value.code == "unknown_action"
    assert footprint(coop) == before


def test_an_officer_of_another_county_is_refused_and_nothing_is_written(
    make_user: Callable[..., User], dorud: County, khorramabad: County
) -> None:
    founding = CooperativeFactory(county=khorramabad, status=CooperativeStatus.FOUNDING)
    stranger = make_user(Role.COUNTY_OFFICER, county=dorud)
    before = footprint(founding)
    with pytest.raises(NotFoundError):  # a founding cooperative is not public: 404
        take(stranger, founding, "register")
    assert footprint(founding) == before


def test_someone_who_sees_it_but_holds_no_role_is_forbidden(
    coop_manager: User, coop_dorud: Cooperative
) -> None:
    before = footprint(coop_dorud)
    with pytest.raises(ActionForbidden):
        take(coop_manager, coop_dorud, "suspend")
    assert footprint(coop_dorud) == before


def test_no_actor_is_not_the_system(coop: Cooperative) -> None:
    before = footprint(coop)
    with pytest.raises(ActionForbidden):  # a public cooperative: visible, but no role
        take(None, coop, "suspend")
    assert footprint(coop) == before
    assert take(SYSTEM, coop, "suspend").status == CooperativeStatus.INACTIVE


def test_reach_sets_how_high_an_officer_must_sit(
    make_user: Callable[..., User], coop: Cooperative, lorestan: Province, tehran: Province
) -> None:
    county = make_user(Role.COUNTY_OFFICER, county=coop.county)
    province = make_user(Role.PROVINCIAL_OFFICER, province=lorestan)
    other_province = make_user(Role.PROVINCIAL_OFFICER, province=tehran)
    national = make_user(Role.NATIONAL_OFFICER)

    def row(reach: str) -> Transition:
        return Transition("active", "suspend", "inactive", (WorkflowRole.OFFICER,), reach)

    assert may_take(county, row(Reach.COUNTY), coop)
    assert not may_take(county, row(Reach.PROVINCE), coop)
    assert may_take(province, row(Reach.PROVINCE), coop)
    assert not may_take(other_province, row(Reach.COUNTY), coop)
    assert not may_take(province, row(Reach.NATIONAL), coop)
    assert may_take(national, row(Reach.NATIONAL), coop)


def test_the_buttons_offered_come_from_the_same_table(
    county_officer: User, coop_manager: User, coop: Cooperative, coop_dorud: Cooperative
) -> None:
    assert [t.action for t in allowed_transitions(county_officer, coop)] == [
        "suspend",
        "liquidate",
    ]
    assert allowed_transitions(coop_manager, coop_dorud) == []


def test_a_handler_that_refuses_leaves_nothing_behind(
    county_officer: User, coop: Cooperative
) -> None:
    def refuse(*_args: object) -> str:
        raise ApplicationError("نه", code="no")

    before = footprint(coop)
    with pytest.raises(ApplicationError):
        workflow_transition(
            actor=county_officer,
            subject=Cooperative.objects.all(),
            pk=coop.pk,
            action="suspend",
            handler=refuse,
        )
    assert footprint(coop) == before


def test_a_missing_object_is_not_found(county_officer: User) -> None:
    with pytest.raises(NotFoundError):
        workflow_transition(
            actor=county_officer, subject=Cooperative.objects.all(), pk=987654, action="suspend"
        )
