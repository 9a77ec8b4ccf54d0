"""Postings to one cooperative are serialised by a row lock on the cooperative, so rules that
read the ledger hold under concurrency. Real threads, separate connections, PostgreSQL only
(SQLite serialises every writer on the whole database, so there is no race to test)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from taavon.capital.chain import verify_chain
from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM
from taavon.registry.models import Membership, RuleProfile
from taavon.registry.services.members import membership_admit

from .builders import DAY, admit, balance, pay, person, share_class, subscribe, subscribe_all

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite allows one writer at a time, nothing to race")


def race(*jobs: Callable[[], object]) -> list[str]:
    """Run the jobs at the same instant in their own threads (own connections); return
    "ok", the ApplicationError code or the crash of each, sorted."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(job: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            job()
            result = "ok"
        except ApplicationError as exc:
            result = exc.code
        except Exception as exc:  # e.g. a unique-seq clash if postings were not serialised
            result = f"crash: {exc!r}"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(outcomes) == len(jobs), "a thread did not finish"
    return sorted(outcomes)


def test_two_subscriptions_that_together_break_the_cap(coop_dorud) -> None:
    klass = share_class(coop_dorud)
    members = admit(coop_dorud, 5)
    subscribe_all(coop_dorud, members, klass)  # 10 of 50 shares each
    # 5 more is 15/55 = 27% (fits); 5 + 5 would be 20/60 = 33% (over the 30% cap).
    target = Membership.objects.get(pk=members[0].pk)

    outcomes = race(lambda: subscribe(target, klass, 5), lambda: subscribe(target, klass, 5))

    assert outcomes == ["ok", "over_cap"]
    assert balance(target, klass).shares == 15
    assert verify_chain(coop_dorud.pk).ok


def test_two_payments_that_together_exceed_the_subscription(coop_dorud) -> None:
    klass = share_class(coop_dorud)
    members = admit(coop_dorud, 5)
    subscribe_all(coop_dorud, members, klass)
    target = members[1]

    outcomes = race(lambda: pay(target, klass, 6_000_000), lambda: pay(target, klass, 6_000_000))

    assert outcomes == ["ok", "overpay"]
    assert balance(target, klass).paid == 6_000_000
    assert verify_chain(coop_dorud.pk).ok


def test_two_admissions_for_the_last_place(coop_dorud) -> None:
    coop_dorud.rule_profile = RuleProfile.objects.create(
        name="سقف آزمایشی",
        effective_from=DAY,
        version=99,
        min_members=1,
        max_members=3,
    )
    coop_dorud.save()
    admit(coop_dorud, 2)

    def join(serial: int) -> Callable[[], object]:
        return lambda: membership_admit(
            actor=SYSTEM, cooperative_id=coop_dorud.pk, person=person(serial), joined_on=DAY
        )

    outcomes = race(join(801), join(802))

    assert outcomes == ["ok", "over_max_members"]
    numbers = sorted(
        Membership.objects.filter(cooperative=coop_dorud).values_list("register_number", flat=True)
    )
    assert numbers == [1, 2, 3]


def test_a_posting_does_not_wait_for_another_cooperative_of_the_same_county(
    coop_dorud, dorud
) -> None:
    """Only the cooperative's own row is locked (`of=("self",)`): a long transaction holding one
    cooperative of Dorud (say a big import) must not block a payment in another one, nor the
    audit row that points at their county."""
    import time

    from django.db import transaction

    from taavon.capital.services import lock_for_posting
    from taavon.registry.models import Cooperative
    from tests.factories import CooperativeFactory

    other = CooperativeFactory(name="تعاونی دیگر دورود", county=dorud)
    klass = share_class(other)
    member, *others = admit(other, 4)
    subscribe_all(other, [member, *others], klass, 5)
    held = threading.Event()
    release = threading.Event()
    timings: dict[str, float] = {}

    def long_transaction() -> None:
        try:
            with transaction.atomic():
                lock_for_posting(SYSTEM, coop_dorud.pk)
                held.set()
                release.wait(timeout=20)
        finally:
            connection.close()

    def payment() -> None:
        try:
            held.wait(timeout=10)
            start = time.monotonic()
            pay(member, klass, 1_000)
            timings["payment"] = time.monotonic() - start
        finally:
            release.set()
            connection.close()

    first = threading.Thread(target=long_transaction)
    second = threading.Thread(target=payment)
    first.start()
    second.start()
    second.join(timeout=15)
    release.set()
    first.join(timeout=15)
    # The payment finished while the other cooperative was still locked, without waiting for it.
    assert "payment" in timings and timings["payment"] < 5
    assert Cooperative.objects.get(pk=coop_dorud.pk).county_id == other.county_id
    assert balance(member, klass).paid == 1_000
