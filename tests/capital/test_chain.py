"""The hash chain: every entry commits to the one before, so an edit made behind the
application's back is found, and verify_chain names exactly the first bad entry."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from taavon.capital.chain import GENESIS, compute_hash, verify_chain
from taavon.capital.models import LedgerEntry

from .builders import pay
from .conftest import LedgerCoop
from .tampering import delete, tamper


@pytest.fixture
def posted(ledger: LedgerCoop) -> LedgerCoop:
    for member in ledger.members:
        pay(member, ledger.klass, 1_000_000)  # seqs 6..10
    return ledger


def test_a_fresh_chain_verifies(posted: LedgerCoop) -> None:
    report = verify_chain(posted.coop.pk)

    assert (report.ok, report.checked, report.first_bad_seq) == (True, 10, None)


def test_an_empty_ledger_verifies(coop_dorud) -> None:
    assert verify_chain(coop_dorud.pk).ok


def test_entries_link_to_their_predecessor(posted: LedgerCoop) -> None:
    entries = list(LedgerEntry.objects.filter(cooperative=posted.coop).order_by("seq"))

    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))


def test_the_database_refuses_updates(posted: LedgerCoop) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE capital_ledgerentry SET paid_delta = 1 WHERE seq = 7")


@pytest.mark.parametrize("seq", [1, 4, 7, 10])
def test_changed_amount_is_named_by_its_seq(posted: LedgerCoop, seq: int) -> None:
    column = "subscribed_delta" if seq <= 5 else "paid_delta"  # 1-5 subscriptions, then payments
    tamper(posted.coop.pk, seq, f"{column} = {column} + %s", [1])

    report = verify_chain(posted.coop.pk)

    assert (report.ok, report.first_bad_seq, report.checked) == (False, seq, seq - 1)
    assert "content" in report.problem


def test_changed_member_is_found(posted: LedgerCoop) -> None:
    tamper(posted.coop.pk, 8, "membership_id = %s", [posted.members[0].pk])

    assert verify_chain(posted.coop.pk).first_bad_seq == 8


def test_rewritten_hash_breaks_the_next_link(posted: LedgerCoop) -> None:
    """A forger who also recomputes the entry's own hash is caught by the next entry."""
    row = LedgerEntry.objects.filter(cooperative=posted.coop, seq=6).values().get()
    row["paid_delta"] = 5
    forged = compute_hash(row)
    tamper(posted.coop.pk, 6, "paid_delta = %s, hash = %s", [5, forged])

    report = verify_chain(posted.coop.pk)

    assert (report.first_bad_seq, report.problem) == (7, "link to the previous entry is broken")


def test_deleted_entry_shows_as_a_gap(posted: LedgerCoop) -> None:
    delete(posted.coop.pk, 7)

    report = verify_chain(posted.coop.pk)

    assert report.first_bad_seq == 8
    assert report.problem.startswith("sequence gap")


def test_one_cooperatives_tampering_does_not_touch_anothers(
    posted: LedgerCoop, coop_khorramabad
) -> None:
    from .builders import admit, share_class, subscribe_all

    subscribe_all(
        coop_khorramabad, admit(coop_khorramabad, 4, start=300), share_class(coop_khorramabad)
    )
    tamper(posted.coop.pk, 2, "note = %s", ["x"])

    assert verify_chain(posted.coop.pk).first_bad_seq == 2
    assert verify_chain(coop_khorramabad.pk).ok


def test_small_chunks_give_the_same_answer(posted: LedgerCoop) -> None:
    tamper(posted.coop.pk, 9, "reference = %s", ["forged"])

    assert verify_chain(posted.coop.pk, chunk_size=2).first_bad_seq == 9
