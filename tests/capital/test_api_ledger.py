"""The ledger through the API: strict integer amounts, keyset paging by seq, postings, the
chain check, and the one error shape; outsiders get 404."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from taavon.accounts.models import Role
from taavon.capital.models import EntryKind, LedgerEntry

from .builders import balance, entry_count, pay
from .conftest import LedgerCoop
from .tampering import tamper


@pytest.fixture
def api(ledger: LedgerCoop, make_user, bearer):
    headers = bearer(make_user(Role.COOP_MANAGER, cooperative_id=ledger.coop.pk))
    client = Client()

    class Api:
        def get(self, path: str, **params: Any):
            return client.get(
                f"/api/v1/cooperatives/{ledger.coop.pk}{path}", params, headers=headers
            )

        def post(self, path: str, body: dict[str, Any]):
            return client.post(
                f"/api/v1/cooperatives/{ledger.coop.pk}{path}",
                json.dumps(body),
                content_type="application/json",
                headers=headers,
            )

    return Api()


def _payment(ledger: LedgerCoop, **overrides: Any) -> dict[str, Any]:
    return {
        "membership_id": ledger.members[0].pk,
        "share_class_id": ledger.klass.pk,
        "amount": 1_000_000,
        "effective_on": "2025-10-12",
    } | overrides


def _assert_error_shape(body: dict[str, Any]) -> None:
    assert set(body) == {"message", "code", "extra"}
    assert isinstance(body["extra"]["fields"], dict)


def test_payment_is_posted(ledger, api) -> None:
    response = api.post("/ledger/payments", _payment(ledger))

    assert response.status_code == 201
    body = response.json()
    assert (body["seq"], body["kind"], body["paid_delta"], body["register_number"]) == (
        6,
        "payment",
        1_000_000,
        1,
    )
    assert balance(ledger.members[0], ledger.klass).paid == 1_000_000


@pytest.mark.parametrize("amount", [1.5, "1.5", "1000", 1000.0, 0, -5, True, None, 10**16])
def test_amount_must_be_a_strict_positive_integer(ledger, api, amount) -> None:
    response = api.post("/ledger/payments", _payment(ledger, amount=amount))

    assert response.status_code == 422
    body = response.json()
    _assert_error_shape(body)
    assert body["code"] == "invalid"
    assert "amount" in body["extra"]["fields"]
    assert entry_count(ledger.coop) == 5


@pytest.mark.parametrize("shares", [2.5, "2", 0, -1])
def test_subscription_shares_must_be_a_strict_positive_integer(ledger, api, shares) -> None:
    response = api.post(
        "/ledger/subscriptions",
        {
            "items": [
                {
                    "membership_id": ledger.members[0].pk,
                    "share_class_id": ledger.klass.pk,
                    "shares": shares,
                }
            ],
            "effective_on": "2025-10-12",
        },
    )

    assert response.status_code == 422
    assert "items.0.shares" in response.json()["extra"]["fields"]


def test_subscriptions_in_one_batch(ledger, api) -> None:
    response = api.post(
        "/ledger/subscriptions",
        {
            "items": [
                {"membership_id": m.pk, "share_class_id": ledger.klass.pk, "shares": 2}
                for m in ledger.members
            ],
            "effective_on": "2025-10-12",
            "reference": "صورتجلسه ۳",
        },
    )

    assert response.status_code == 201
    assert [e["seq"] for e in response.json()] == [6, 7, 8, 9, 10]


def test_over_cap_is_a_400_with_the_register_number(ledger, api) -> None:
    response = api.post(
        "/ledger/subscriptions",
        {
            "items": [
                {
                    "membership_id": ledger.members[0].pk,
                    "share_class_id": ledger.klass.pk,
                    "shares": 10,
                }
            ],
            "effective_on": "2025-10-12",
        },
    )

    assert response.status_code == 400
    body = response.json()
    _assert_error_shape(body)
    assert (body["code"], body["extra"]["register_number"]) == ("over_cap", 1)


def test_overpayment_is_refused(ledger, api) -> None:
    before = entry_count(ledger.coop)
    response = api.post("/ledger/payments", _payment(ledger, amount=10_000_001))

    assert response.status_code == 400
    assert response.json()["code"] == "overpay"
    assert response.json()["extra"]["outstanding"] == 10_000_000
    assert entry_count(ledger.coop) == before


def test_member_or_class_of_another_cooperative_is_bad_input(ledger, api, coop_khorramabad):
    from .builders import admit, share_class

    (stranger,) = admit(coop_khorramabad, 1, start=300)
    foreign = share_class(coop_khorramabad)

    by_member = api.post("/ledger/payments", _payment(ledger, membership_id=stranger.pk))
    by_class = api.post("/ledger/payments", _payment(ledger, share_class_id=foreign.pk))

    assert by_member.status_code == by_class.status_code == 400
    assert "membership_id" in by_member.json()["extra"]["fields"]
    assert "share_class_id" in by_class.json()["extra"]["fields"]


def test_transfer_needs_board_approval(ledger, api) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    body = {
        "source_id": ledger.members[0].pk,
        "target_id": ledger.members[1].pk,
        "share_class_id": ledger.klass.pk,
        "shares": 2,
        "effective_on": "2025-10-12",
    }

    missing = api.post("/ledger/transfers", body)
    blank = api.post("/ledger/transfers", body | {"board_approval": "  "})
    ok = api.post("/ledger/transfers", body | {"board_approval": "مصوبهٔ ۹"})

    assert missing.status_code == 422
    assert blank.status_code == 400 and "board_approval" in blank.json()["extra"]["fields"]
    assert ok.status_code == 201
    assert [e["kind"] for e in ok.json()] == ["transfer_out", "transfer_in"]


def test_transferring_more_than_is_held_is_a_400_and_writes_nothing(ledger, api) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    before = entry_count(ledger.coop)
    response = api.post(
        "/ledger/transfers",
        {
            "source_id": ledger.members[0].pk,
            "target_id": ledger.members[1].pk,
            "share_class_id": ledger.klass.pk,
            "shares": 11,
            "board_approval": "مصوبهٔ ۹",
            "effective_on": "2025-10-12",
        },
    )

    assert response.status_code == 400
    body = response.json()
    _assert_error_shape(body)
    assert body["code"] == "over_held" and body["extra"]["fields"]["shares"] == [body["message"]]
    assert entry_count(ledger.coop) == before


def test_reversal_and_its_refusals(ledger, api) -> None:
    entry = pay(ledger.members[0], ledger.klass, 500_000)

    no_reason = api.post(f"/ledger/{entry.pk}/reversal", {})
    ok = api.post(f"/ledger/{entry.pk}/reversal", {"reason": "اشتباه"})
    twice = api.post(f"/ledger/{entry.pk}/reversal", {"reason": "دوباره"})
    reversal_id = ok.json()[0]["id"]
    of_reversal = api.post(f"/ledger/{reversal_id}/reversal", {"reason": "x"})

    assert no_reason.status_code == 422
    assert ok.status_code == 201 and ok.json()[0]["reverses_seq"] == 6
    assert (twice.status_code, twice.json()["code"]) == (400, "already_reversed")
    assert (of_reversal.status_code, of_reversal.json()["code"]) == (400, "reverse_reversal")


def test_ledger_is_paged_by_seq(ledger, api) -> None:
    for member in ledger.members:
        pay(member, ledger.klass, 1_000)

    first = api.get("/ledger", limit=4).json()
    second = api.get("/ledger", limit=4, after_seq=first["next_after_seq"]).json()
    last = api.get("/ledger", limit=4, after_seq=second["next_after_seq"]).json()

    assert [e["seq"] for e in first["items"]] == [1, 2, 3, 4]
    assert [e["seq"] for e in second["items"]] == [5, 6, 7, 8]
    assert [e["seq"] for e in last["items"]] == [9, 10]
    assert last["next_after_seq"] is None


def test_ledger_filters(ledger, api) -> None:
    pay(ledger.members[1], ledger.klass, 1_000)

    payments = api.get("/ledger", kind="payment").json()["items"]
    of_member = api.get("/ledger", membership_id=ledger.members[1].pk).json()["items"]

    assert [e["seq"] for e in payments] == [6]
    assert [e["seq"] for e in of_member] == [2, 6]


def test_chain_verify_endpoint(ledger, api) -> None:
    sound = api.get("/ledger/verify").json()
    tamper(ledger.coop.pk, 4, "note = %s", ["forged"])
    broken = api.get("/ledger/verify").json()

    assert sound == {"ok": True, "checked": 5, "first_bad_seq": None, "problem": ""}
    assert (broken["ok"], broken["first_bad_seq"], broken["checked"]) == (False, 4, 3)


def test_share_classes(ledger, api) -> None:
    created = api.post("/share-classes", {"code": "B", "name": "ممتاز", "nominal_value": 500_000})
    duplicate = api.post("/share-classes", {"code": "B", "name": "x", "nominal_value": 1})
    fractional = api.post("/share-classes", {"code": "C", "name": "x", "nominal_value": 0.5})

    assert created.status_code == 201 and created.json()["nominal_value"] == 500_000
    assert duplicate.status_code == 400 and duplicate.json()["code"] == "duplicate"
    assert fractional.status_code == 422
    assert [c["code"] for c in api.get("/share-classes").json()] == ["A", "B"]


@pytest.mark.parametrize("who", ["county_officer", "other_manager"])
def test_outsiders_get_404(ledger, make_user, bearer, khorramabad, coop_khorramabad, who) -> None:
    user = (
        make_user(Role.COUNTY_OFFICER, county=khorramabad)
        if who == "county_officer"
        else make_user(Role.COOP_MANAGER, cooperative_id=coop_khorramabad.pk)
    )
    headers = bearer(user)
    base = f"/api/v1/cooperatives/{ledger.coop.pk}"
    client = Client()
    entry = LedgerEntry.objects.filter(cooperative=ledger.coop).first()
    assert entry is not None

    gets = [
        client.get(f"{base}{p}", headers=headers)
        for p in ["", "/ledger", "/ledger/verify", "/share-classes", "/members"]
    ]
    posts = [
        client.post(
            f"{base}/ledger/payments",
            json.dumps(_payment(ledger)),
            content_type="application/json",
            headers=headers,
        ),
        client.post(
            f"{base}/ledger/{entry.pk}/reversal",
            json.dumps({"reason": "x"}),
            content_type="application/json",
            headers=headers,
        ),
    ]

    assert [r.status_code for r in gets + posts] == [404] * 7
    assert all(r.json()["code"] == "not_found" for r in gets + posts)
    assert entry_count(ledger.coop) == 5
    assert not LedgerEntry.objects.filter(kind=EntryKind.REVERSAL).exists()


@pytest.mark.parametrize("day", [0, 1_760_000_000, "1404/07/19", "2025-13-01", None])
def test_dates_must_be_written_out(ledger, api, day) -> None:
    response = api.post("/ledger/payments", _payment(ledger, effective_on=day))

    assert response.status_code == 422
    assert "effective_on" in response.json()["extra"]["fields"]
