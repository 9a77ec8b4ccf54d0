"""The cooperative list and dashboard, the chain check button, share classes, status changes
(officers only), and a constant number of queries as the register grows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taavon.accounts.models import Role
from taavon.capital.models import ShareClass
from taavon.core.permissions import SYSTEM
from taavon.registry.models import Cooperative, CooperativeStatus, CooperativeStatusChange
from tests.capital.builders import admit, pay, share_class, subscribe_all
from tests.factories import CooperativeFactory

from .conftest import LedgerCoop


@pytest.fixture
def manager_client(ledger: LedgerCoop, make_user, login_client):
    return login_client(make_user(Role.COOP_MANAGER, cooperative_id=ledger.coop.pk))


def test_list_shows_only_cooperatives_in_scope(
    coop_dorud, coop_khorramabad, coop_tehran, make_user, login_client, lorestan
) -> None:
    provincial = login_client(make_user(Role.PROVINCIAL_OFFICER, province=lorestan))
    manager = login_client(make_user(Role.COOP_MANAGER, cooperative_id=coop_dorud.pk))

    seen = {c.pk for c in provincial.get("/cooperatives/").context["page"]}
    own = [c.pk for c in manager.get("/cooperatives/").context["page"]]

    assert seen == {coop_dorud.pk, coop_khorramabad.pk}
    assert own == [coop_dorud.pk]


def test_list_filters_by_name_variant_county_and_status(
    coop_dorud, coop_khorramabad, make_user, login_client, lorestan, dorud
) -> None:
    client = login_client(make_user(Role.PROVINCIAL_OFFICER, province=lorestan))

    by_name = client.get("/cooperatives/", {"q": "فرش دورود"}).context["page"]
    by_county = client.get("/cooperatives/", {"county": dorud.pk}).context["page"]
    by_status = client.get("/cooperatives/", {"status": "inactive"}).context["page"]

    assert [c.pk for c in by_name] == [coop_dorud.pk]
    assert [c.pk for c in by_county] == [coop_dorud.pk]
    assert list(by_status) == []


def test_dashboard_shows_totals_and_pending_actions(ledger, manager_client) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    pay(ledger.members[1], ledger.klass, 2_000_000)

    response = manager_client.get(f"/cooperatives/{ledger.coop.pk}/")

    context = response.context
    assert context["overview"].member_count == 5
    assert context["overview"].totals.subscribed == 50_000_000
    assert context["overview"].totals.paid == 12_000_000
    assert context["outstanding_count"] == 4
    assert context["outstanding"][0].outstanding == 10_000_000
    html = response.content.decode()
    assert "۵۰٬۰۰۰٬۰۰۰" in html and "۱۲٬۰۰۰٬۰۰۰" in html and "۳۸٬۰۰۰٬۰۰۰" in html
    assert "۲۴ درصد" in html and "۳۳٫۳ درصد" in html  # paid share vs the profile's 1/3
    assert "کمتر از حداقل" in html


def test_dashboard_in_english_has_latin_digits(ledger, manager_client) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    pay(ledger.members[1], ledger.klass, 2_000_000)
    manager_client.cookies["taavon_language"] = "en"

    html = manager_client.get(f"/cooperatives/{ledger.coop.pk}/").content.decode()

    assert "50,000,000" in html and "12,000,000" in html
    assert "24 percent of the subscribed capital" in html and "rules: 33.3 percent" in html


def test_dashboard_of_an_empty_cooperative(coop_dorud, make_user, login_client) -> None:
    client = login_client(make_user(Role.COOP_MANAGER, cooperative_id=coop_dorud.pk))

    html = client.get(f"/cooperatives/{coop_dorud.pk}/").content.decode()

    assert "هنوز نوع سهمی تعریف نشده است" in html


def test_chain_check_button_reports_a_sound_chain(ledger, manager_client) -> None:
    response = manager_client.post(
        f"/cooperatives/{ledger.coop.pk}/chain-check/", HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="chain-result"')
    assert "سالم" in html and "۵ سند" in html


def test_chain_check_needs_post(ledger, manager_client) -> None:
    assert manager_client.get(f"/cooperatives/{ledger.coop.pk}/chain-check/").status_code == 405


def test_share_class_form(ledger, manager_client) -> None:
    url = f"/cooperatives/{ledger.coop.pk}/share-classes/"

    ok = manager_client.post(url, {"code": "b", "name": "ممتاز", "nominal_value": "۵۰۰٬۰۰۰"})
    duplicate = manager_client.post(url, {"code": "A", "name": "x", "nominal_value": "1"})
    fraction = manager_client.post(url, {"code": "C", "name": "x", "nominal_value": "1.5"})
    zero = manager_client.post(url, {"code": "D", "name": "x", "nominal_value": "۰"})

    assert ok.status_code == 303
    assert ShareClass.objects.get(cooperative=ledger.coop, code="B").nominal_value == 500_000
    assert duplicate.status_code == fraction.status_code == zero.status_code == 400
    assert "تکراری" in duplicate.content.decode()
    assert "اعشاری" in fraction.content.decode()
    assert "بزرگ‌تر از صفر" in zero.content.decode()


def test_status_change_is_for_officers_only(ledger, manager_client) -> None:
    url = f"/cooperatives/{ledger.coop.pk}/status/"

    assert manager_client.get(url).status_code == 404
    assert manager_client.post(url, {"to_status": "inactive", "reason": "x"}).status_code == 404
    assert "/status/" not in manager_client.get(f"/cooperatives/{ledger.coop.pk}/").content.decode()
    ledger.coop.refresh_from_db()
    assert ledger.coop.status == CooperativeStatus.ACTIVE


def test_officer_changes_status_with_a_reason(ledger, make_user, login_client, dorud) -> None:
    client = login_client(make_user(Role.COUNTY_OFFICER, county=dorud))
    url = f"/cooperatives/{ledger.coop.pk}/status/"

    missing_reason = client.post(url, {"to_status": "inactive", "reason": ""})
    not_allowed = client.post(url, {"to_status": "dissolved", "reason": "x"})
    ok = client.post(url, {"to_status": "inactive", "reason": "عدم فعالیت دو ساله"})

    assert missing_reason.status_code == not_allowed.status_code == 400
    assert "دلیل" in missing_reason.content.decode()
    assert ok.status_code == 303
    change = CooperativeStatusChange.objects.get(cooperative=ledger.coop)
    assert (change.from_status, change.to_status) == ("active", "inactive")
    html = client.get(f"/cooperatives/{ledger.coop.pk}/").content.decode()
    assert "عدم فعالیت دو ساله" in html


def test_officer_of_another_county_cannot_change_status(
    ledger, make_user, login_client, khorramabad
) -> None:
    client = login_client(make_user(Role.COUNTY_OFFICER, county=khorramabad))

    response = client.post(
        f"/cooperatives/{ledger.coop.pk}/status/", {"to_status": "inactive", "reason": "x"}
    )

    assert response.status_code == 404


def test_officer_who_also_manages_the_cooperative_elsewhere_gets_no_status_power(
    ledger, make_user, login_client, khorramabad
) -> None:
    """A county officer of Khorramabad who is also this Dorud cooperative's manager acts here
    as its manager, not as its office."""
    from taavon.accounts.services import role_assign

    user = make_user(Role.COUNTY_OFFICER, county=khorramabad)
    role_assign(actor=SYSTEM, user=user, role=Role.COOP_MANAGER, cooperative_id=ledger.coop.pk)
    client = login_client(user)

    assert client.get(f"/cooperatives/{ledger.coop.pk}/").status_code == 200
    assert client.get(f"/cooperatives/{ledger.coop.pk}/status/").status_code == 404


def _register(members: int) -> Cooperative:
    coop = CooperativeFactory()
    klass = share_class(coop)
    people = admit(coop, members)
    subscribe_all(coop, people, klass, shares=2)
    for member in people[::3]:
        pay(member, klass, 1_000_000)
    return coop


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", ["", "members/", "ledger/", "members/?q=عضو"])
def test_queries_do_not_grow_with_the_register(make_user, login_client, page) -> None:
    small, large = _register(10), _register(100)
    client = login_client(make_user(Role.NATIONAL_OFFICER))

    few = _queries(client, f"/cooperatives/{small.pk}/{page}")
    many = _queries(client, f"/cooperatives/{large.pk}/{page}")

    assert few == many
    assert many <= 20


def test_cooperative_list_queries_do_not_grow_with_the_list(make_user, login_client) -> None:
    client = login_client(make_user(Role.NATIONAL_OFFICER))
    for _ in range(3):
        admit(CooperativeFactory(), 2)
    few = _queries(client, "/cooperatives/")
    for _ in range(12):
        admit(CooperativeFactory(), 2)

    assert _queries(client, "/cooperatives/") == few
