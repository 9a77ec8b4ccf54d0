"""The members pages: search by name or national ID (any digits, Arabic letters, ZWNJ),
paging, admission with Persian errors, a member's balances, and exit through the ledger."""

from __future__ import annotations

import pytest

from taavon.accounts.models import Role
from taavon.capital.models import EntryKind, LedgerEntry
from taavon.core.permissions import SYSTEM
from taavon.persian.text import to_persian_digits
from taavon.registry.models import Membership, MembershipStatus, RuleProfile
from taavon.registry.services.members import membership_admit
from taavon.registry.services.people import PersonData
from tests.capital.builders import DAY, admit, pay, person

from .conftest import LedgerCoop


@pytest.fixture
def client(ledger: LedgerCoop, make_user, login_client):
    return login_client(make_user(Role.COOP_MANAGER, cooperative_id=ledger.coop.pk))


def _admit_named(coop, serial: int, first: str, last: str) -> Membership:
    data = PersonData(person(serial).national_id, first, last)
    return membership_admit(actor=SYSTEM, cooperative_id=coop.pk, person=data, joined_on=DAY)


def _rows(response) -> list[Membership]:
    return [m for m, _balance in response.context["rows"]]


@pytest.mark.parametrize(
    "query", ["علی‌رضا", "عليرضا", "علی رضا", "  كاظمي ", "کاظمی علیرضا", "رضا کاظ"]
)
def test_search_by_name_ignores_spelling_variants(ledger, client, query) -> None:
    wanted = _admit_named(ledger.coop, 900, "علی‌رضا", "کاظمی")
    _admit_named(ledger.coop, 901, "زهرا", "کریمی")

    response = client.get(f"/cooperatives/{ledger.coop.pk}/members/", {"q": query})

    assert _rows(response) == [wanted]


def test_search_by_national_id_in_persian_digits(ledger, client) -> None:
    target = ledger.members[2]

    response = client.get(
        f"/cooperatives/{ledger.coop.pk}/members/",
        {"q": to_persian_digits(target.person.national_id)},
    )

    assert _rows(response) == [target]


def test_search_by_register_number(ledger, client) -> None:
    response = client.get(f"/cooperatives/{ledger.coop.pk}/members/", {"q": "۴"})

    assert [m.register_number for m in _rows(response)] == [4]


def test_htmx_search_returns_only_the_rows_fragment(ledger, client) -> None:
    response = client.get(
        f"/cooperatives/{ledger.coop.pk}/members/", {"q": "عضو"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="member-rows">')
    assert "<html" not in html


def test_members_are_paged_with_balances(ledger, client) -> None:
    admit(ledger.coop, 30, start=100)
    pay(ledger.members[0], ledger.klass, 2_500_000)

    first = client.get(f"/cooperatives/{ledger.coop.pk}/members/")
    second = client.get(f"/cooperatives/{ledger.coop.pk}/members/", {"page": 2})

    assert len(_rows(first)) == 25 and len(_rows(second)) == 10
    assert "۲٬۵۰۰٬۰۰۰" in first.content.decode()
    assert "۷٬۵۰۰٬۰۰۰" in first.content.decode()  # outstanding of member 1


def test_exited_members_are_listed_separately(ledger, client) -> None:
    client.post(
        f"/cooperatives/{ledger.coop.pk}/members/{ledger.members[0].pk}/exit/",
        {"status": "resigned", "exit_date": "1404/08/01", "reason": "استعفا"},
    )

    current = client.get(f"/cooperatives/{ledger.coop.pk}/members/")
    exited = client.get(f"/cooperatives/{ledger.coop.pk}/members/", {"status": "exited"})

    assert ledger.members[0] not in _rows(current)
    assert _rows(exited) == [ledger.members[0]]


def _admit_form(**overrides: str) -> dict[str, str]:
    return {
        "national_id": person(700).national_id,
        "first_name": "ليلا",
        "last_name": "میرزایی",
        "father_name": "محمد",
        "birth_date": "۱۳۷۰/۰۵/۱۲",
        "gender": "female",
        "mobile": "۰۹۱۲۱۲۳۴۵۶۷",
        "joined_on": "۱۴۰۴/۰۷/۲۰",
    } | overrides


def test_admit_form_creates_the_member_and_goes_to_their_page(ledger, client) -> None:
    response = client.post(f"/cooperatives/{ledger.coop.pk}/members/admit/", _admit_form())

    membership = Membership.objects.get(cooperative=ledger.coop, register_number=6)
    assert response.status_code == 303
    assert response["Location"] == f"/cooperatives/{ledger.coop.pk}/members/{membership.pk}/"
    assert membership.person.first_name == "لیلا"
    assert membership.person.mobile == "+989121234567"
    assert membership.joined_on.isoformat() == "2025-10-12"


def test_admit_over_htmx_redirects_by_header(ledger, client) -> None:
    response = client.post(
        f"/cooperatives/{ledger.coop.pk}/members/admit/", _admit_form(), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 204
    assert "/members/" in response["HX-Redirect"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("national_id", "1234567890", "کد ملی"),
        ("national_id", "", "لازم"),
        ("joined_on", "1404/13/01", "تاریخ"),
        ("birth_date", "۱۴۵۰/۰۱/۰۱", "آینده"),
        ("mobile", "0912", "همراه"),
        ("first_name", "", "لازم"),
    ],
)
def test_admit_form_shows_persian_errors_and_admits_nobody(
    ledger, client, field, value, message
) -> None:
    response = client.post(
        f"/cooperatives/{ledger.coop.pk}/members/admit/", _admit_form(**{field: value})
    )

    assert response.status_code == 400
    assert message in " ".join(str(e) for e in response.context["form"].errors[field])
    assert Membership.objects.filter(cooperative=ledger.coop).count() == 5


def test_admit_form_errors_over_htmx_return_the_form_fragment(ledger, client) -> None:
    response = client.post(
        f"/cooperatives/{ledger.coop.pk}/members/admit/",
        _admit_form(national_id="1111111112"),
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert response.status_code == 200  # htmx swaps 2xx only
    assert html.lstrip().startswith("<form")
    assert "invalid-feedback" in html


def test_admitting_a_current_member_again_is_explained(ledger, client) -> None:
    response = client.post(
        f"/cooperatives/{ledger.coop.pk}/members/admit/",
        _admit_form(national_id=ledger.members[0].person.national_id),
    )

    assert response.status_code == 400
    assert "هم‌اکنون عضو" in response.content.decode()


def test_admit_over_max_members_is_explained_in_persian_digits(ledger, client) -> None:
    ledger.coop.rule_profile = RuleProfile.objects.create(
        name="سقف آزمایشی",
        effective_from=DAY,
        version=99,
        min_members=1,
        max_members=5,
    )
    ledger.coop.save()

    response = client.post(f"/cooperatives/{ledger.coop.pk}/members/admit/", _admit_form())

    html = response.content.decode()
    assert response.status_code == 400
    assert "سقف ۵ نفر" in html
    assert Membership.objects.filter(cooperative=ledger.coop).count() == 5


def test_member_page_shows_balances_per_share_class(ledger, client) -> None:
    member = ledger.members[0]
    pay(member, ledger.klass, 4_000_000)

    response = client.get(f"/cooperatives/{ledger.coop.pk}/members/{member.pk}/")

    html = response.content.decode()
    assert "۱۰٬۰۰۰٬۰۰۰" in html and "۴٬۰۰۰٬۰۰۰" in html and "۶٬۰۰۰٬۰۰۰" in html
    assert member.person.national_id not in html  # shown in Persian digits only


def test_exit_form_returns_capital_and_marks_the_member(ledger, client) -> None:
    member = ledger.members[0]
    pay(member, ledger.klass, 4_000_000)

    response = client.post(
        f"/cooperatives/{ledger.coop.pk}/members/{member.pk}/exit/",
        {"status": "deceased", "exit_date": "۱۴۰۴/۰۸/۰۱", "reason": "فوت"},
    )

    member.refresh_from_db()
    assert response.status_code == 303
    assert member.status == MembershipStatus.DECEASED
    redemption = LedgerEntry.objects.get(membership=member, kind=EntryKind.REDEMPTION)
    assert (redemption.subscribed_delta, redemption.paid_delta) == (-10_000_000, -4_000_000)


def test_exit_before_the_join_date_is_refused_with_the_reason(ledger, client) -> None:
    member = ledger.members[0]

    response = client.post(
        f"/cooperatives/{ledger.coop.pk}/members/{member.pk}/exit/",
        {"status": "resigned", "exit_date": "۱۴۰۰/۰۱/۰۱"},
    )

    assert response.status_code == 400
    assert "پیش از تاریخ عضویت" in response.content.decode()
    member.refresh_from_db()
    assert member.status == MembershipStatus.MEMBER
