"""The ledger pages: entries by sequence with reversal links, and the posting forms with
Persian-digit input and Persian errors."""

from __future__ import annotations

import pytest

from taavon.accounts.models import Role
from taavon.capital.models import EntryKind, LedgerEntry

from .builders import balance, entry_count, pay
from .conftest import LedgerCoop


@pytest.fixture
def client(ledger: LedgerCoop, make_user, login_client):
    return login_client(make_user(Role.COOP_MANAGER, cooperative_id=ledger.coop.pk))


def _url(ledger: LedgerCoop, tail: str) -> str:
    return f"/cooperatives/{ledger.coop.pk}/ledger/{tail}"


def test_ledger_lists_entries_newest_first_with_persian_amounts(ledger, client) -> None:
    pay(ledger.members[0], ledger.klass, 1_250_000)

    response = client.get(_url(ledger, ""))

    assert [e.seq for e in response.context["page"]] == [6, 5, 4, 3, 2, 1]
    html = response.content.decode()
    assert "۱٬۲۵۰٬۰۰۰" in html and "۱۴۰۴/۰۷/۱۹" in html


def test_ledger_filters_by_kind_member_and_seq(ledger, client) -> None:
    pay(ledger.members[1], ledger.klass, 1_000)

    by_kind = client.get(_url(ledger, ""), {"kind": "payment"}).context["page"]
    by_member = client.get(_url(ledger, ""), {"member": "۲"}).context["page"]
    by_seq = client.get(_url(ledger, ""), {"seq": "3"}).context["page"]

    assert [e.seq for e in by_kind] == [6]
    assert [e.seq for e in by_member] == [6, 2]
    assert [e.seq for e in by_seq] == [3]


def test_subscription_form_accepts_persian_digits(ledger, client) -> None:
    response = client.post(
        _url(ledger, "subscribe/"),
        {
            "member": "۲",
            "share_class": ledger.klass.pk,
            "shares": "۲",
            "effective_on": "۱۴۰۴/۰۸/۰۱",
        },
    )

    assert response.status_code == 303
    entry = LedgerEntry.objects.get(cooperative=ledger.coop, seq=6)
    assert (entry.kind, entry.shares_delta, entry.membership_id) == (
        EntryKind.SUBSCRIPTION,
        2,
        ledger.members[1].pk,
    )


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ("0", "بزرگ‌تر از صفر"),
        ("-3", "بزرگ‌تر از صفر"),
        ("1.5", "اعشاری"),
        ("۱٫۵", "اعشاری"),
        ("ده", "عدد صحیح"),
        ("", "لازم"),
    ],
)
def test_subscription_form_refuses_bad_counts(ledger, client, shares, message) -> None:
    response = client.post(
        _url(ledger, "subscribe/"),
        {
            "member": "1",
            "share_class": ledger.klass.pk,
            "shares": shares,
            "effective_on": "1404/08/01",
        },
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert entry_count(ledger.coop) == 5


def test_over_cap_is_explained_with_persian_digits(ledger, client) -> None:
    response = client.post(
        _url(ledger, "subscribe/"),
        {
            "member": "1",
            "share_class": ledger.klass.pk,
            "shares": "10",
            "effective_on": "1404/08/01",
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "عضو شمارهٔ ۱:" in html and "از سقف ۳۰ درصد" in html


def test_unknown_register_number_is_explained(ledger, client) -> None:
    response = client.post(
        _url(ledger, "pay/"),
        {
            "member": "99",
            "share_class": ledger.klass.pk,
            "amount": "1000",
            "effective_on": "1404/08/01",
        },
    )

    assert response.status_code == 400
    assert "عضوی با این شماره" in response.content.decode()


def test_payment_form_with_separators_and_next(ledger, client) -> None:
    member = ledger.members[0]
    back = f"/cooperatives/{ledger.coop.pk}/members/{member.pk}/"

    response = client.post(
        _url(ledger, "pay/"),
        {
            "member": "1",
            "share_class": ledger.klass.pk,
            "amount": "۲٬۵۰۰,۰۰۰",
            "effective_on": "1404/08/01",
            "next": back,
        },
    )

    assert response.status_code == 303
    assert response["Location"] == back
    assert balance(member, ledger.klass).paid == 2_500_000


def test_next_must_stay_on_this_site(ledger, client) -> None:
    response = client.post(
        _url(ledger, "pay/"),
        {
            "member": "1",
            "share_class": ledger.klass.pk,
            "amount": "1000",
            "effective_on": "1404/08/01",
            "next": "https://evil.example/",
        },
    )

    assert response["Location"] == _url(ledger, "")


def test_overpayment_is_refused_with_the_outstanding_amount(ledger, client) -> None:
    response = client.post(
        _url(ledger, "pay/"),
        {
            "member": "1",
            "share_class": ledger.klass.pk,
            "amount": "10000001",
            "effective_on": "1404/08/01",
        },
    )

    assert response.status_code == 400
    assert "۱۰٬۰۰۰٬۰۰۰ ریال" in response.content.decode()


def test_transfer_form_requires_board_approval(ledger, client) -> None:
    pay(ledger.members[0], ledger.klass, 10_000_000)
    data = {
        "source": "1",
        "target": "2",
        "share_class": ledger.klass.pk,
        "shares": "2",
        "effective_on": "1404/08/01",
        "board_approval": "",
    }

    refused = client.post(_url(ledger, "transfer/"), data)
    accepted = client.post(_url(ledger, "transfer/"), data | {"board_approval": "صورتجلسهٔ ۷"})

    assert refused.status_code == 400
    assert "مصوبهٔ هیئت‌مدیره لازم است" in refused.content.decode()
    assert accepted.status_code == 303
    assert balance(ledger.members[1], ledger.klass).shares == 12


def test_reversal_form_needs_a_reason_and_links_both_ways(ledger, client) -> None:
    entry = pay(ledger.members[0], ledger.klass, 3_000)
    url = _url(ledger, f"{entry.pk}/reverse/")

    refused = client.post(url, {"reason": ""})
    accepted = client.post(url, {"reason": "مبلغ اشتباه"})
    again = client.post(url, {"reason": "دوباره"})

    assert refused.status_code == 400 and "دلیل برگشت لازم است" in refused.content.decode()
    assert accepted.status_code == 303
    assert again.status_code == 400 and "پیش‌تر برگشت خورده" in again.content.decode()
    html = client.get(_url(ledger, "")).content.decode()
    assert "برگشتِ ردیف ۶" in html and "برگشت‌خورده در ردیف ۷" in html


def test_reversal_of_a_reversal_is_refused_in_the_form(ledger, client) -> None:
    entry = pay(ledger.members[0], ledger.klass, 3_000)
    client.post(_url(ledger, f"{entry.pk}/reverse/"), {"reason": "اشتباه"})
    reversal = LedgerEntry.objects.get(kind=EntryKind.REVERSAL)

    response = client.post(_url(ledger, f"{reversal.pk}/reverse/"), {"reason": "x"})

    assert response.status_code == 400
    assert "سند برگشتی مجاز نیست" in response.content.decode()


def test_reversing_an_entry_of_another_cooperative_is_404(ledger, client, coop_khorramabad):
    from .builders import admit, share_class, subscribe_all

    klass = share_class(coop_khorramabad)
    (foreign, *_rest) = subscribe_all(
        coop_khorramabad, admit(coop_khorramabad, 4, start=300), klass
    )

    response = client.post(_url(ledger, f"{foreign.pk}/reverse/"), {"reason": "x"})

    assert response.status_code == 404
    assert not LedgerEntry.objects.filter(kind=EntryKind.REVERSAL).exists()
