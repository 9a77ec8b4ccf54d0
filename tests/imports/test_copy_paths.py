"""The bulk writers' COPY paths (people through a temporary table, memberships and ledger rows
with ids drawn from their sequences), which large imports take on PostgreSQL, run here on a
small list by lowering the threshold: the same rows, chain and audit as the INSERT path."""

from __future__ import annotations

import pytest
from django.db import connection

from taavon.audit.models import AuditEvent
from taavon.capital.chain import verify_chain
from taavon.capital.models import EntryKind, LedgerEntry
from taavon.core.permissions import SYSTEM
from taavon.imports.engine import commit
from taavon.registry.models import Cooperative, Membership, Person
from taavon.registry.services.members import membership_admit
from taavon.registry.services.people import PersonData
from tests.imports.conftest import member_row, rows, source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _copy_from_the_first_row(monkeypatch: pytest.MonkeyPatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's")
    monkeypatch.setattr("taavon.core.bulk.COPY_MIN_ROWS", 1)


def test_an_import_through_copy(coop: Cooperative, xlsx, khorramabad) -> None:
    other = Cooperative.objects.create(name="تعاونی دیگر", county=khorramabad)
    known = membership_admit(  # somebody another cooperative has: their blanks get filled
        actor=SYSTEM,
        cooperative_id=other.pk,
        person=PersonData(*member_row(1)[:3]),
        joined_on=__import__("datetime").date(2020, 1, 1),
    ).person
    assert known.father_name == "" and known.mobile == ""
    Cooperative.objects.filter(pk=coop.pk).update(last_register_number=40)

    outcome = commit(source(xlsx(rows(6))), coop.pk, actor=SYSTEM, reference="import:copy")

    assert outcome.ok, outcome.problems
    assert Person.objects.count() == 6
    known.refresh_from_db()
    assert known.father_name == "علی" and known.mobile  # the blanks, filled
    numbers = sorted(
        Membership.objects.filter(cooperative=coop).values_list("register_number", flat=True)
    )
    assert numbers == list(range(41, 47))
    entries = LedgerEntry.objects.filter(cooperative=coop).order_by("seq")
    assert [e.kind for e in entries] == [EntryKind.SUBSCRIPTION] * 6 + [EntryKind.PAYMENT] * 6
    assert all(e.membership.cooperative_id == coop.pk for e in entries)
    assert verify_chain(coop.pk).ok
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"capital.subscribe", "capital.pay", "imports.members"} <= actions
