"""audit_event_list: always scoped, filtered by action, actor, object, cooperative name,
founding tracking code and Tehran-local dates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from unittest import mock

import pytest

from taavon.accounts.events import AccountsEvent
from taavon.accounts.models import User
from taavon.audit.models import AuditEvent
from taavon.audit.selectors import AuditFilter, audit_event_list
from taavon.audit.services import audit_record
from taavon.geo.events import GeoEvent
from taavon.registry.events import RegistryEvent
from taavon.registry.models import Cooperative
from tests.factories import CooperativeFactory

pytestmark = pytest.mark.django_db


def record_at(moment: datetime, **kwargs) -> AuditEvent:
    """An audit event that happened at `moment` (events cannot be edited afterwards)."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        return audit_record(**{"actor": None, "action": GeoEvent.COUNTY_IMPORT, **kwargs})


def test_list_is_scoped(member: User, national_officer: User) -> None:
    audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD)
    assert not audit_event_list(user=member, filters=AuditFilter()).exists()
    assert audit_event_list(user=national_officer, filters=AuditFilter()).exists()


def test_newest_first(national_officer: User) -> None:
    first = audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD)
    second = audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD)
    listed = list(
        audit_event_list(user=national_officer, filters=AuditFilter(action="geo.reference.load"))
    )
    assert listed == [second, first]


def test_filter_by_the_exact_action(national_officer: User) -> None:
    audit_record(actor=None, action=AccountsEvent.TOKEN_CREATE)
    audit_record(actor=None, action=AccountsEvent.TOKEN_REVOKE)
    audit_record(actor=None, action=GeoEvent.COUNTY_IMPORT)
    exact = audit_event_list(
        user=national_officer, filters=AuditFilter(action="accounts.token.create")
    )
    assert [e.action for e in exact] == ["accounts.token.create"]
    prefix = audit_event_list(user=national_officer, filters=AuditFilter(action="accounts.token"))
    assert not prefix.exists()


def test_filter_by_actor_and_object(national_officer: User, member: User) -> None:
    mine = audit_record(actor=member, action=AccountsEvent.TOKEN_CREATE, obj=member)
    audit_record(actor=national_officer, action=AccountsEvent.TOKEN_CREATE, obj=national_officer)
    by_actor = audit_event_list(
        user=national_officer, filters=AuditFilter(actor=member.username.upper())
    )
    assert list(by_actor) == [mine]
    by_object = audit_event_list(
        user=national_officer,
        filters=AuditFilter(
            action="accounts.token.create", object_type="accounts.user", object_id=str(member.pk)
        ),
    )
    assert list(by_object) == [mine]


def test_date_range_uses_tehran_days(national_officer: User) -> None:
    # 2025-03-19 20:29 UTC is 23:59 on 1403/12/29 in Tehran; 20:31 UTC is already 1403/12/30.
    before = record_at(datetime(2025, 3, 19, 20, 29, tzinfo=UTC))
    first = record_at(datetime(2025, 3, 19, 20, 31, tzinfo=UTC))
    last = record_at(datetime(2025, 3, 20, 20, 29, tzinfo=UTC))
    after = record_at(datetime(2025, 3, 20, 20, 31, tzinfo=UTC))
    day = date(2025, 3, 20)  # 1403/12/30
    listed = set(
        audit_event_list(user=national_officer, filters=AuditFilter(date_from=day, date_to=day))
    )
    assert listed == {first, last}
    assert before not in listed and after not in listed


def test_open_ended_date_ranges(national_officer: User) -> None:
    old = record_at(datetime(2024, 1, 1, 12, tzinfo=UTC))
    new = record_at(datetime(2025, 6, 1, 12, tzinfo=UTC))
    since = AuditFilter(date_from=date(2025, 1, 1), action=GeoEvent.COUNTY_IMPORT)
    until = AuditFilter(date_to=date(2024, 12, 31), action=GeoEvent.COUNTY_IMPORT)
    assert list(audit_event_list(user=national_officer, filters=since)) == [new]
    assert list(audit_event_list(user=national_officer, filters=until)) == [old]


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [(date.min, None), (None, date.max), (date.min, date.max), (date(1, 1, 2), date(9999, 12, 30))],
)
def test_dates_at_the_ends_of_the_calendar_filter_nothing_out(
    national_officer: User, date_from: date | None, date_to: date | None
) -> None:
    # Midnight of 0001-01-01 in Tehran is before year 1 in UTC; 9999-12-31 has no next day.
    event = audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD)
    filters = AuditFilter(action="geo.reference.load", date_from=date_from, date_to=date_to)
    assert list(audit_event_list(user=national_officer, filters=filters)) == [event]


# --- by cooperative ------------------------------------------------------------------------


def by_cooperative(user: User, name: str) -> set[int | None]:
    found = audit_event_list(user=user, filters=AuditFilter(cooperative=name))
    return {e.cooperative_id for e in found}


@pytest.mark.parametrize(
    "typed",
    [
        "تعاونی فرش دورود",
        "فرش دورود",
        "تعاوني فرش",  # Arabic yeh
        "فرشدورود",  # spacing does not matter
        "  فرش   دورود ",
    ],
)
def test_filter_by_cooperative_name_in_any_spelling(
    national_officer: User, coop_dorud: Cooperative, coop_khorramabad: Cooperative, typed: str
) -> None:
    for coop in (coop_dorud, coop_khorramabad):
        audit_record(actor=None, action=RegistryEvent.COOPERATIVE_STATUS, obj=coop)
    assert by_cooperative(national_officer, typed) == {coop_dorud.pk}


def test_arabic_kaf_and_a_missing_zwnj_still_match(national_officer: User, dorud) -> None:
    coop = CooperativeFactory(name="تعاونی کشاورزی سبزه‌کاران", county=dorud)
    audit_record(actor=None, action=RegistryEvent.COOPERATIVE_STATUS, obj=coop)
    assert by_cooperative(national_officer, "كشاورزي سبزه كاران") == {coop.pk}
    assert by_cooperative(national_officer, "سبزهکاران") == {coop.pk}


def test_the_cooperative_filter_stays_within_the_scope(
    county_officer: User, coop_dorud: Cooperative, coop_khorramabad: Cooperative
) -> None:
    for coop in (coop_dorud, coop_khorramabad):
        audit_record(actor=None, action=RegistryEvent.COOPERATIVE_STATUS, obj=coop)
    assert by_cooperative(county_officer, "تعاونی") == {coop_khorramabad.pk}
    assert by_cooperative(county_officer, "دورود") == set()


def test_a_blank_cooperative_name_filters_nothing_out(national_officer: User) -> None:
    audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD)
    assert audit_event_list(
        user=national_officer, filters=AuditFilter(cooperative=" \u200c ")
    ).exists()
