"""The audit page: officers only, scoped, filtered (actions from the catalogue, cooperative name,
tracking code, Jalali dates in Persian digits), labels and amounts in the active language, htmx
rows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from taavon.accounts.models import User
from taavon.audit.models import AuditEvent
from taavon.audit.services import audit_record
from taavon.capital.events import CapitalEvent
from taavon.geo.events import GeoEvent
from taavon.geo.models import County
from taavon.registry.events import RegistryEvent
from taavon.registry.models import Cooperative

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


def test_an_action_outside_the_catalogue_is_a_form_error(
    national_officer: User, login_client: Callable[[User], Client], events: dict[str, AuditEvent]
) -> None:
    response = login_client(national_officer).get(URL, {"action": "geo."})
    assert "action" in response.context["form"].errors
    assert summaries(response) == set()


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


# --- labels, amounts and digits --------------------------------------------------------------

LATIN_DIGIT = re.compile(r"[0-9]")


def rows_text(response) -> str:
    """What a reader sees of the rows: the text, without tags and attributes."""
    html = response.content.decode()
    start = html.index('<div id="audit-rows">')
    return " ".join(re.sub(r"<[^>]+>", "", html[start:]).split())


@pytest.fixture
def payment(coop_dorud: Cooperative, member: User) -> AuditEvent:
    return audit_record(
        actor=member,
        action=CapitalEvent.PAY,
        obj=coop_dorud,
        summary="12 payments, 3500000 rials (import:7)",
        changes={"seq": [1, 12], "rials": 3500000},
    )


def test_the_action_list_is_the_catalogue_grouped_by_context(
    national_officer: User, login_client: Callable[[User], Client]
) -> None:
    html = login_client(national_officer).get(URL).content.decode()
    assert '<optgroup label="دفتر سرمایه">' in html
    assert '<option value="capital.pay">پرداخت سرمایه</option>' in html
    assert '<option value="founding.approve">موافقت با تأسیس</option>' in html
    assert '<option value="" selected>همهٔ عمل‌ها</option>' in html


def test_rows_show_the_label_with_the_code_and_amounts_in_persian_digits(
    national_officer: User, login_client: Callable[[User], Client], payment: AuditEvent
) -> None:
    response = login_client(national_officer).get(URL, {"action": "capital.pay"})
    text = rows_text(response)
    assert "پرداخت سرمایه" in text and "capital.pay" in text
    assert "۱۲ payments, ۳٬۵۰۰٬۰۰۰ ﷼ (import:۷)" in text
    assert "مبلغ: ۳٬۵۰۰٬۰۰۰ ﷼" in text
    assert "تعاونی فرش دورود" in text
    assert not LATIN_DIGIT.findall(text), LATIN_DIGIT.findall(text)


def test_no_latin_digits_in_a_persian_page_of_real_events(
    national_officer: User, login_client: Callable[[User], Client], payment: AuditEvent
) -> None:
    audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD, summary="31 created, 0 updated")
    client = login_client(national_officer)
    client.post("/login/", {"identifier": "0084575948", "password": "x"}, REMOTE_ADDR="192.0.2.9")
    text = rows_text(client.get(URL))
    assert "ورود ناموفق" in text and "۰۰۸۴۵۷۵۹۴۸" in text and "۱۹۲.۰.۲.۹" in text
    assert "سامانه" in text  # no user: the channel the write came from
    assert not LATIN_DIGIT.findall(text), LATIN_DIGIT.findall(text)


def test_in_english_labels_and_amounts_are_english(
    national_officer: User, login_client: Callable[[User], Client], payment: AuditEvent
) -> None:
    client = login_client(national_officer)
    client.post("/i18n/setlang/", {"language": "en"})
    text = rows_text(client.get(URL, {"action": "capital.pay"}))
    assert "Capital payment" in text
    assert "12 payments, 3,500,000 rials (import:7)" in text
    assert "Amount: 3,500,000 rials" in text


def test_filter_by_cooperative_name(
    national_officer: User,
    login_client: Callable[[User], Client],
    coop_dorud: Cooperative,
    coop_khorramabad: Cooperative,
) -> None:
    for coop in (coop_dorud, coop_khorramabad):
        audit_record(
            actor=None, action=RegistryEvent.COOPERATIVE_STATUS, obj=coop, summary=coop.name
        )
    response = login_client(national_officer).get(URL, {"cooperative": "فرش  دورود"})
    assert summaries(response) == {"تعاونی فرش دورود"}


def test_filter_by_tracking_code_in_persian_digits(
    national_officer: User, login_client: Callable[[User], Client], dorud: County
) -> None:
    audit_record(
        actor=None, action=GeoEvent.REFERENCE_LOAD, summary="1234567890: draft → submitted"
    )
    audit_record(
        actor=None, action=GeoEvent.REFERENCE_LOAD, summary="9876543210: draft → submitted"
    )
    response = login_client(national_officer).get(URL, {"tracking_code": "۱۲۳۴۵۶۷۸۹۰"})
    assert summaries(response) == {"1234567890: draft → submitted"}


@pytest.mark.parametrize("typed", ["abc", "12", "۱۲۳۴۵۶۷۸۹۰۱"])
def test_a_tracking_code_that_is_not_ten_digits_is_a_persian_error(
    national_officer: User, login_client: Callable[[User], Client], typed: str
) -> None:
    response = login_client(national_officer).get(URL, {"tracking_code": typed})
    assert response.context["form"].errors == {"tracking_code": ["کد رهگیری ده رقم است."]}
    assert summaries(response) == set()


def test_the_number_of_queries_does_not_grow_with_the_rows(
    national_officer: User, login_client: Callable[[User], Client], coop_dorud: Cooperative
) -> None:
    client = login_client(national_officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    audit_record(actor=national_officer, action=CapitalEvent.PAY, obj=coop_dorud, summary="1 rials")
    few = queries()
    for i in range(30):
        audit_record(
            actor=national_officer, action=CapitalEvent.PAY, obj=coop_dorud, summary=f"{i} rials"
        )
    assert queries() == few
