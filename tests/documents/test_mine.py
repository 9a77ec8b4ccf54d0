"""A member's own memberships: on the dashboard, in the API, and their share certificates;
nobody else's, and nothing for a user without a national ID."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from taavon.accounts.models import Role, User
from taavon.capital.selectors.mine import my_memberships
from taavon.registry.models import Cooperative, Membership
from tests.documents.conftest import pdf_text
from tests.factories import UserFactory

API = "/api/v1/me/memberships"


def citizen(nid: str) -> User:
    user: User = UserFactory(national_id=nid, username=nid)
    return user


@pytest.fixture
def leila(members: list[Membership]) -> User:
    """The person of members[0] (10 shares, 5,000,000 paid) as a user."""
    return citizen(members[0].person.national_id)


@pytest.fixture
def former(members: list[Membership]) -> User:
    """The person of members[-1], who has resigned."""
    return citizen(members[-1].person.national_id)


def test_the_selector_gives_memberships_with_balances(leila: User, members) -> None:
    (item,) = my_memberships(leila)
    assert item.membership.pk == members[0].pk
    assert (item.balance.shares, item.balance.subscribed, item.balance.paid) == (
        10,
        10_000_000,
        5_000_000,
    )
    assert item.balance.outstanding == 5_000_000
    assert item.has_certificate and item.is_public


def test_nobody_without_a_national_id_or_signed_out_has_memberships(members, db) -> None:
    from django.contrib.auth.models import AnonymousUser

    from tests.factories import StaffUserFactory

    staff = StaffUserFactory()
    assert not staff.national_id
    assert my_memberships(staff) == []
    assert my_memberships(AnonymousUser()) == []


def test_the_dashboard_lists_them_with_a_certificate_link(
    leila: User, members, registered: Cooperative, login_client: Callable[[User], Client]
) -> None:
    page = login_client(leila).get("/dashboard/").content.decode()
    assert 'id="my-memberships"' in page and registered.name in page
    assert reverse("web:my-share-certificate", args=[members[0].pk]) in page
    assert reverse("web:public-detail", args=[registered.pk]) in page
    assert "تعاونی‌های حوزهٔ شما" not in page  # a member has no scope to list


def test_a_former_member_sees_the_exit_but_no_certificate(
    former: User, members, login_client: Callable[[User], Client]
) -> None:
    client = login_client(former)
    page = client.get("/dashboard/").content.decode()
    assert "مستعفی" in page
    assert reverse("web:my-share-certificate", args=[members[-1].pk]) not in page
    response = client.get(reverse("web:my-share-certificate", args=[members[-1].pk]), follow=True)
    assert "برگ سهم صادر نمی‌شود" in response.content.decode()


def test_the_own_certificate_is_a_persian_pdf(
    leila: User, members, login_client: Callable[[User], Client], tmp_path: Any
) -> None:
    response = login_client(leila).get(reverse("web:my-share-certificate", args=[members[0].pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content, tmp_path)
    assert members[0].person.last_name in text


def test_someone_elses_certificate_is_not_found(
    leila: User, members, login_client: Callable[[User], Client], bearer
) -> None:
    other = members[1].pk
    assert (
        login_client(leila).get(reverse("web:my-share-certificate", args=[other])).status_code
        == 404
    )
    api = Client().get(f"{API}/{other}/share-certificate.pdf", headers=bearer(leila))
    assert api.status_code == 404 and api.json()["code"] == "not_found"


def test_the_api_lists_them(leila: User, members, registered: Cooperative, bearer) -> None:
    response = Client().get(API, headers=bearer(leila))
    assert response.status_code == 200
    (item,) = response.json()
    assert item["cooperative_id"] == registered.pk
    assert item["register_number"] == members[0].register_number
    assert (item["shares"], item["paid"], item["outstanding"]) == (10, 5_000_000, 5_000_000)
    assert item["status"] == "member" and item["status_label"] == "عضو"
    pdf = Client().get(item["share_certificate_url"], headers=bearer(leila))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_the_api_for_a_former_member(former: User, members, bearer) -> None:
    (item,) = Client().get(API, headers=bearer(former)).json()
    assert item["status"] == "resigned" and item["share_certificate_url"] is None
    refused = Client().get(f"{API}/{members[-1].pk}/share-certificate.pdf", headers=bearer(former))
    assert refused.status_code == 400 and refused.json()["code"] == "not_member"


def test_the_api_needs_a_login(db) -> None:
    assert Client().get(API).status_code == 401


def test_a_manager_sees_both_their_cooperatives_and_their_own_membership(
    members, registered: Cooperative, login_client: Callable[[User], Client]
) -> None:
    from tests.factories import RoleFactory

    manager = citizen(members[2].person.national_id)
    RoleFactory(user=manager, role=Role.COOP_MANAGER, cooperative_id=registered.pk)
    page = login_client(manager).get("/dashboard/").content.decode()
    assert "تعاونی‌های حوزهٔ شما" in page and 'id="my-memberships"' in page


def test_queries_do_not_grow_with_memberships(
    leila: User, members, registered: Cooperative, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(2):
        assert len(my_memberships(leila)) == 1
