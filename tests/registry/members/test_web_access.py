"""Every /cooperatives/<id>/ page checks access in the view: an officer outside the
cooperative's county, a manager of another cooperative and a plain member get the same 404 as
for a cooperative that does not exist, for full pages, htmx fragments and form posts alike."""

from __future__ import annotations

import pytest
from django.test import Client

from taavon.accounts.models import Role
from taavon.capital.models import LedgerEntry
from taavon.registry.models import Cooperative

from .conftest import LedgerCoop


def _urls(ledger: LedgerCoop) -> list[str]:
    pk, member = ledger.coop.pk, ledger.members[0].pk
    entry = LedgerEntry.objects.filter(cooperative=ledger.coop).first()
    assert entry is not None
    return [
        f"/cooperatives/{pk}/",
        f"/cooperatives/{pk}/members/",
        f"/cooperatives/{pk}/members/admit/",
        f"/cooperatives/{pk}/members/{member}/",
        f"/cooperatives/{pk}/ledger/",
        f"/cooperatives/{pk}/ledger/subscribe/",
        f"/cooperatives/{pk}/ledger/pay/",
        f"/cooperatives/{pk}/ledger/transfer/",
        f"/cooperatives/{pk}/ledger/{entry.pk}/reverse/",
        f"/cooperatives/{pk}/share-classes/",
    ]


POSTS = ["members/admit/", "ledger/subscribe/", "ledger/pay/", "share-classes/", "chain-check/"]


@pytest.fixture
def outsiders(make_user, khorramabad, coop_khorramabad) -> dict[str, Client]:
    from django.test import Client

    def client(user) -> Client:
        c = Client()
        c.force_login(user)
        return c

    return {
        "officer of another county": client(make_user(Role.COUNTY_OFFICER, county=khorramabad)),
        "manager of another cooperative": client(
            make_user(Role.COOP_MANAGER, cooperative_id=coop_khorramabad.pk)
        ),
        "member": client(make_user(Role.MEMBER)),
    }


def test_outsiders_get_404_everywhere(ledger: LedgerCoop, outsiders: dict[str, Client]) -> None:
    for who, client in outsiders.items():
        for url in _urls(ledger):
            assert client.get(url).status_code == 404, (who, url)
            assert client.get(url, HTTP_HX_REQUEST="true").status_code == 404, (who, url)
        for tail in POSTS:
            url = f"/cooperatives/{ledger.coop.pk}/{tail}"
            assert client.post(url, {"shares": "1"}).status_code == 404, (who, url)
    assert LedgerEntry.objects.count() == 5


def test_unknown_cooperative_and_member_look_the_same(ledger, make_user, login_client) -> None:
    client = login_client(make_user(Role.NATIONAL_OFFICER))

    assert client.get("/cooperatives/999999/").status_code == 404
    assert client.get(f"/cooperatives/{ledger.coop.pk}/members/999999/").status_code == 404


def test_a_member_of_another_cooperative_is_not_reachable_through_this_one(
    ledger, coop_khorramabad, make_user, login_client
) -> None:
    from tests.capital.builders import admit

    (stranger,) = admit(coop_khorramabad, 1, start=500)
    client = login_client(make_user(Role.COOP_MANAGER, cooperative_id=ledger.coop.pk))

    assert client.get(f"/cooperatives/{ledger.coop.pk}/members/{stranger.pk}/").status_code == 404


@pytest.mark.parametrize(
    "role", [Role.COUNTY_OFFICER, Role.PROVINCIAL_OFFICER, Role.NATIONAL_OFFICER, Role.COOP_MANAGER]
)
def test_people_in_scope_see_every_page(
    ledger, make_user, login_client, dorud, lorestan, role
) -> None:
    scope = {
        Role.COUNTY_OFFICER: {"county": dorud},
        Role.PROVINCIAL_OFFICER: {"province": lorestan},
        Role.NATIONAL_OFFICER: {},
        Role.COOP_MANAGER: {"cooperative_id": ledger.coop.pk},
    }[role]
    client = login_client(make_user(role, **scope))

    for url in _urls(ledger):
        assert client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_login(ledger: LedgerCoop) -> None:
    response = Client().get(f"/cooperatives/{ledger.coop.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_founding_cooperative_is_managed_by_its_officer_only(
    founding_coops: dict[str, Cooperative], make_user, login_client, dorud, khorramabad
) -> None:
    coop = founding_coops["dorud"]
    inside = login_client(make_user(Role.COUNTY_OFFICER, county=dorud))
    outside = login_client(make_user(Role.COUNTY_OFFICER, county=khorramabad))

    assert inside.get(f"/cooperatives/{coop.pk}/").status_code == 200
    assert outside.get(f"/cooperatives/{coop.pk}/").status_code == 404
