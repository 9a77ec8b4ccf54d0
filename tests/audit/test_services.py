"""audit_record: who, what, which object, where from; placed for scoped reading."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from taavon.accounts.events import AccountsEvent
from taavon.accounts.models import User
from taavon.audit.context import Origin, current_origin, reset_origin, set_origin
from taavon.audit.models import AuditEvent
from taavon.audit.services import audit_record
from taavon.capital.events import CapitalEvent
from taavon.geo.events import GeoEvent
from taavon.geo.models import County, Province
from taavon.registry.events import RegistryEvent
from taavon.registry.models import Cooperative
from tests.capital.builders import admit, pay, share_class, subscribe_all

pytestmark = pytest.mark.django_db


def test_stores_actor_action_object_and_changes(member: User, coop_dorud: Cooperative) -> None:
    event = audit_record(
        actor=member,
        action=RegistryEvent.COOPERATIVE_STATUS,
        obj=coop_dorud,
        summary="نام تغییر کرد",
        changes={"name": ["قدیم", "جدید"]},
    )
    event.refresh_from_db()
    assert event.actor == member
    assert event.actor_label == member.username
    assert event.action == "registry.cooperative.status"
    assert (event.object_type, event.object_id) == ("registry.cooperative", str(coop_dorud.pk))
    assert event.object_repr == coop_dorud.name
    assert event.summary == "نام تغییر کرد"
    assert event.changes == {"name": ["قدیم", "جدید"]}
    assert event.occurred_at is not None


def test_object_placement_scopes_the_event(coop_dorud: Cooperative, dorud: County) -> None:
    event = audit_record(actor=None, action=RegistryEvent.COOPERATIVE_STATUS, obj=coop_dorud)
    assert (event.county_id, event.province_id) == (dorud.pk, dorud.province_id)
    assert event.cooperative_id == coop_dorud.pk


def test_an_object_of_a_cooperative_places_the_event_in_it(coop_dorud: Cooperative) -> None:
    members = admit(coop_dorud, 4)
    klass = share_class(coop_dorud)
    subscribe_all(coop_dorud, members, klass)
    pay(members[0], klass, 1000)
    placed = AuditEvent.objects.filter(cooperative=coop_dorud)
    assert set(placed.values_list("action", flat=True)) == {
        RegistryEvent.MEMBER_ADMIT,
        CapitalEvent.SHARE_CLASS_CREATE,
        CapitalEvent.SUBSCRIBE,
        CapitalEvent.PAY,  # its object is the ledger entry
    }


def test_an_explicit_cooperative_wins(coop_dorud: Cooperative, coop_tehran: Cooperative) -> None:
    event = audit_record(
        actor=None,
        action=RegistryEvent.COOPERATIVE_STATUS,
        obj=coop_dorud,
        cooperative_id=coop_tehran.pk,
    )
    assert event.cooperative_id == coop_tehran.pk


def test_explicit_placement_wins(lorestan: Province, khorramabad: County) -> None:
    event = audit_record(
        actor=None,
        action=GeoEvent.REFERENCE_LOAD,
        province_id=lorestan.pk,
        county_id=khorramabad.pk,
    )
    assert (event.county_id, event.province_id) == (khorramabad.pk, lorestan.pk)


def test_object_without_placement_is_unplaced(member: User) -> None:
    event = audit_record(actor=member, action=AccountsEvent.USER_CREATE, obj=member)
    assert event.county_id is None and event.province_id is None
    assert event.cooperative_id is None


@pytest.mark.parametrize("actor", [None, AnonymousUser()])
def test_no_actor_is_labelled_with_the_channel(actor: object) -> None:
    event = audit_record(actor=actor, action=GeoEvent.REFERENCE_LOAD)
    assert event.actor is None
    assert event.actor_label == "system"
    assert (event.object_type, event.object_id, event.object_repr) == ("", "", "")


def test_outside_a_request_the_origin_is_system() -> None:
    assert current_origin() == Origin()
    event = audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD)
    assert (event.channel, event.ip_address, event.user_agent) == ("system", None, "")


def test_the_current_origin_is_recorded() -> None:
    token = set_origin(Origin(ip_address="192.0.2.7", user_agent="curl/8", channel="cli"))
    try:
        event = audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD)
    finally:
        reset_origin(token)
    assert (event.ip_address, event.user_agent, event.channel) == ("192.0.2.7", "curl/8", "cli")
    assert current_origin() == Origin()


def test_long_representations_are_cut(member: User) -> None:
    member.first_name = "ن" * 300
    event = audit_record(actor=member, action=AccountsEvent.USER_CREATE, obj=member)
    assert len(event.object_repr) <= 200


@pytest.mark.parametrize(
    "action", ["registry.founding.submit", "x.y.z", "", "accounts.login ", "ACCOUNTS.LOGIN"]
)
def test_an_uncatalogued_action_is_refused(action: str) -> None:
    with pytest.raises(ValueError, match="not in the catalogue"):
        audit_record(actor=None, action=action)
    assert not AuditEvent.objects.exists()


def test_a_catalogued_code_may_be_given_as_a_string() -> None:
    event = audit_record(actor=None, action="accounts.login_failed")
    assert event.action == AccountsEvent.LOGIN_FAILED
