"""The audit page: officers only, scoped, filtered (Jalali dates in Persian digits), htmx rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.test import Client

from taavon.accounts.models import User
from taavon.audit.models import AuditEvent
from taavon.audit.services import audit_record
from taavon.geo.events import GeoEvent
from taavon.geo.models import County

pytestmark = pytest.mark.django_db

URL = "/audit/"


@pytest.fixture
def events(khorramabad: County, dorud: County, tehran_county: County) -> dict[str, AuditEvent]:
    return {
        c.slug: audit_record(
            actor=None,
            action=GeoEvent.COUNTY_IMPORT,
            summary=f"رویداد {c.slug}",
            county_id=c.pk,
            province_id=c.province_id,
        )
        for c in (khorramabad, dorud, tehran_county)
    }


def summaries(response) -> set[str]:
    return {e.summary for e in response.context["page"]}


def test_anonymous_is_sent_to_login() -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/login/?next=/audit/")


@pytest.mark.parametrize("who", ["member", "coop_manager"])
def test_non_officers_get_the_persian_404(
    request: pytest.FixtureRequest, login_client: Callable[[User], Client], who: str
) -> None:
    response = login_client(request.getfixturevalue(who)).get(URL)
    assert response.status_code == 404
    assert "صفحه‌ای که خواستید یافت نشد." in response.content.decode()


def test_county_officer_sees_only_their_county(
    county_officer: User, login_client: Callable[[User], Client], events: dict[str, AuditEvent]
) -> None:
    response = login_client(county_officer).get(URL, {"action": "geo.county.import"})
    assert response.status_code == 200
    assert summaries(response) == {"رویداد khorramabad"}
    assert "رویداد dorud" not in response.content.decode()


def test_provincial_officer_sees_their_province(
    provincial_officer: User,
    login_client: Callable[[User], Client],
    events: dict[str, AuditEvent],
) -> None:
    response = login_client(provincial_officer).get(URL)
    assert summaries(response) >= {"رویداد khorramabad", "رویداد dorud"}
    assert "رویداد tehran" not in summaries(response)


def test_national_officer_sees_everything(
    national_officer: User, login_client: Callable[[User], Client], events: dict[str, AuditEvent]
) -> None:
    response = login_client(national_officer).get(URL, {"action": "geo.county.import"})
    assert summaries(response) == {f"رویداد {slug}" for slug in events}


def test_filter_by_action(
    national_officer: User, login_client: Callable[[User], Client], events: dict[str, AuditEvent]
) -> None:
    audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD, summary="دیگر")
    response = login_client(national_officer).get(URL, {"action": "geo.reference.load"})
    assert summaries(response) == {"دیگر"}


def test_filter_by_actor(
    national_officer: User, member: User, login_client: Callable[[User], Client]
) -> None:
    audit_record(actor=member, action=GeoEvent.REFERENCE_LOAD, summary="کار عضو")
    audit_record(actor=national_officer, action=GeoEvent.REFERENCE_LOAD, summary="کار کارشناس")
    response = login_client(national_officer).get(URL, {"actor": member.username})
    assert "کار عضو" in summaries(response)
    assert "کار کارشناس" not in summaries(response)


def record_at(moment: datetime, summary: str) -> None:
    with mock.patch("django.utils.timezone.now", return_value=moment):
        audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD, summary=summary)


def test_filter_by_jalali_dates_in_persian_digits(
    national_officer: User, login_client: Callable[[User], Client]
) -> None:
    record_at(datetime(2025, 3, 19, 8, tzinfo=UTC), "۲۹ اسفند")
    record_at(datetime(2025, 3, 20, 8, tzinfo=UTC), "۳۰ اسفند")  # 1403 is a leap year
    record_at(datetime(2025, 3, 21, 8, tzinfo=UTC), "نوروز ۱۴۰۴")
    response = login_client(national_officer).get(
        URL, {"action": "geo.reference.load", "date_from": "۱۴۰۳/۱۲/۳۰", "date_to": "۱۴۰۴/۰۱/۰۱"}
    )
    assert response.context["form"].is_valid()
    assert summaries(response) == {"۳۰ اسفند", "نوروز ۱۴۰۴"}


def test_a_day_that_does_not_exist_gives_a_persian_error(
    national_officer: User, login_client: Callable[[User], Client]
) -> None:
    audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD, summary="x")
    response = login_client(national_officer).get(URL, {"date_from": "۱۴۰۴/۱۲/۳۰"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"date_from": ["این تاریخ در تقویم وجود ندارد."]}
    assert "این تاریخ در تقویم وجود ندارد." in response.content.decode()


def test_a_malformed_date_gives_a_persian_error(
    national_officer: User, login_client: Callable[[User], Client]
) -> None:
    response = login_client(national_officer).get(URL, {"date_to": "دیروز"})
    assert "تاریخ را به شکل سال/ماه/روز وارد کنید" in response.content.decode()


def test_invalid_filters_show_no_rows_rather_than_everything(
    national_officer: User, login_client: Callable[[User], Client], events: dict[str, AuditEvent]
) -> None:
    response = login_client(national_officer).get(URL, {"date_from": "1404/12/30"})
    assert summaries(response) == set()


def test_htmx_request_gets_only_the_rows(
    county_officer: User, login_client: Callable[[User], Client], events: dict[str, AuditEvent]
) -> None:
    response = login_client(county_officer).get(URL, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="audit-rows">')
    assert "<html" not in html and "<form" not in html
    assert "رویداد khorramabad" in html
    assert "رویداد dorud" not in html


def test_htmx_rows_are_scoped_too(
    member: User, login_client: Callable[[User], Client], events: dict[str, AuditEvent]
) -> None:
    response = login_client(member).get(URL, headers={"HX-Request": "true"})
    assert response.status_code == 404


def test_pages_of_fifty(national_officer: User, login_client: Callable[[User], Client]) -> None:
    for i in range(55):
        audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD, summary=f"s{i}")
    client = login_client(national_officer)
    first = client.get(URL, {"action": "geo.reference.load"})
    second = client.get(URL, {"action": "geo.reference.load", "page": "2"})
    assert len(first.context["page"]) == 50
    assert len(second.context["page"]) == 5
    assert "?action=geo.reference.load&page=2" in first.content.decode()
