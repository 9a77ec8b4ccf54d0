"""The commit: members numbered in order, opening capital on the chained ledger, all or none."""

from __future__ import annotations

import datetime

import pytest

from taavon.audit.models import AuditEvent
from taavon.capital.chain import verify_chain
from taavon.capital.models import EntryKind, LedgerEntry, ShareClass
from taavon.capital.selectors import cooperative_totals, member_balances
from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM
from taavon.imports.engine import commit, dry_run
from taavon.registry.models import Cooperative, Membership, Person
from taavon.registry.services.members import membership_admit
from taavon.registry.services.people import PersonData
from tests.imports.conftest import NOMINAL, member_row, messages, rows, source


def test_commit_admits_every_row_with_its_capital(
    coop: Cooperative, share_class: ShareClass, xlsx
) -> None:
    existing = membership_admit(
        actor=SYSTEM,
        cooperative_id=coop.pk,
        joined_on=datetime.date(2020, 1, 1),
        person=PersonData(national_id="0084575948", first_name="رضا", last_name="سپهوند"),
    )
    data = [*rows(4), member_row(5, shares=None, paid=None), member_row(6, paid=None)]

    outcome = commit(source(xlsx(data)), coop.pk, actor=SYSTEM, reference="import:1")

    assert outcome.ok and outcome.created == 6
    numbers = list(
        Membership.objects.filter(cooperative=coop)
        .exclude(pk=existing.pk)
        .order_by("register_number")
        .values_list("register_number", flat=True)
    )
    assert numbers == [2, 3, 4, 5, 6, 7]
    coop.refresh_from_db()
    assert coop.last_register_number == 7
    totals = cooperative_totals(coop.pk)
    assert (totals.shares, totals.subscribed, totals.paid) == (50, 50 * NOMINAL, 4 * 500_000)
    first = Membership.objects.get(person__national_id=data[0][0])
    balance = member_balances(coop.pk, [first.pk])[(first.pk, share_class.pk)]
    assert (balance.shares, balance.subscribed, balance.paid) == (10, 1_000_000, 500_000)
    kinds = list(LedgerEntry.objects.filter(cooperative=coop).values_list("kind", flat=True))
    assert kinds.count(EntryKind.SUBSCRIPTION) == 5 and kinds.count(EntryKind.PAYMENT) == 4
    assert verify_chain(coop.pk).ok
    assert set(LedgerEntry.objects.values_list("reference", flat=True)) == {"import:1"}


def test_commit_is_audited(coop: Cooperative, xlsx) -> None:
    commit(source(xlsx(rows(5))), coop.pk, actor=SYSTEM, reference="import:9")

    actions = set(AuditEvent.objects.values_list("action", flat=True))

    assert {"imports.members", "capital.subscribe", "capital.pay"} <= actions
    event = AuditEvent.objects.get(action="imports.members")
    assert event.changes["created"] == 5 and event.changes["register_numbers"] == [1, 5]


def test_commit_rechecks_and_writes_nothing_if_the_file_no_longer_fits(
    coop: Cooperative, xlsx
) -> None:
    data = rows(5)
    path = xlsx(data)
    assert dry_run(source(path), coop.pk).ok
    membership_admit(  # meanwhile, someone admits one of them by hand
        actor=SYSTEM,
        cooperative_id=coop.pk,
        joined_on=datetime.date(2020, 1, 1),
        person=PersonData(national_id=data[3][0], first_name=data[3][1], last_name=data[3][2]),
    )
    people = Person.objects.count()

    outcome = commit(source(path), coop.pk, actor=SYSTEM, reference="t")

    assert [(p.row, p.column) for p in outcome.problems] == [(5, "کد ملی")]
    assert Membership.objects.filter(cooperative=coop).count() == 1
    assert Person.objects.count() == people
    assert not LedgerEntry.objects.exists()


def test_a_failure_while_writing_rolls_everything_back(
    coop: Cooperative, xlsx, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ApplicationError("سقف شکست.", code="over_cap")

    monkeypatch.setattr("taavon.imports.bulk.opening_capital_locked", broken)

    outcome = commit(source(xlsx(rows(5))), coop.pk, actor=SYSTEM, reference="t")

    assert messages(outcome.problems) == "None::سقف شکست."
    assert not Person.objects.exists() and not Membership.objects.exists()
    coop.refresh_from_db()
    assert coop.last_register_number == 0


def test_a_file_with_errors_is_never_written(coop: Cooperative, xlsx) -> None:
    outcome = commit(
        source(xlsx([*rows(5), member_row(6, national_id="1")])),
        coop.pk,
        actor=SYSTEM,
        reference="t",
    )

    assert not outcome.ok
    assert not Person.objects.exists() and not Membership.objects.exists()


def test_register_numbers_follow_the_counter_even_after_exits(coop: Cooperative, xlsx) -> None:
    Cooperative.objects.filter(pk=coop.pk).update(last_register_number=41)

    commit(source(xlsx(rows(5))), coop.pk, actor=SYSTEM, reference="t")

    assert sorted(Membership.objects.values_list("register_number", flat=True)) == [
        42,
        43,
        44,
        45,
        46,
    ]
