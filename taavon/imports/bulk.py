"""Writing an import with the cooperative locked by the caller and every row already checked.

The rows to write are planned in Python (people, register numbers, ledger entries continuing the
cooperative's hash chain exactly as `capital.services.Chain` does), then written by the fastest path the database offers: COPY on
PostgreSQL (`pgcopy`), multi-row INSERTs elsewhere. The number of statements does not grow with
the file, except for fixed-size chunks on SQLite.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import asdict
from typing import Final, Protocol

from django.db import connection
from django.utils import timezone

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.capital.chain import compute_hash
from taavon.capital.events import CapitalEvent
from taavon.capital.models import EntryKind, LedgerEntry, ShareClass
from taavon.capital.services import Chain
from taavon.imports.parse import MemberRow, Progress
from taavon.registry.models import Cooperative, Person
from taavon.registry.services.members import admit_locked

OPTIONAL_FIELDS: Final = ("father_name", "birth_date", "gender", "mobile")


def chunk_size() -> int:
    """Rows per statement where the database limits a statement's variables (SQLite)."""
    limit = connection.features.max_query_params
    return 5000 if limit is None else max(100, min(5000, limit // 20))


class Writer(Protocol):
    def people(self, rows: Sequence[MemberRow]) -> dict[str, int]: ...

    def memberships(
        self,
        cooperative: Cooperative,
        admitted: Sequence[tuple[int, datetime.date]],
        progress: Progress | None,
    ) -> list[tuple[int, int]]: ...

    def entries(self, entries: Sequence[dict[str, object]]) -> None: ...


class OrmWriter:
    """Multi-row INSERTs through the ORM; memberships are numbered by `admit_locked`."""

    def people(self, rows: Sequence[MemberRow]) -> dict[str, int]:
        ids: dict[str, int] = {}
        step = chunk_size()
        for start in range(0, len(rows), step):
            ids.update(_people_chunk(rows[start : start + step]))
        return ids

    def memberships(
        self,
        cooperative: Cooperative,
        admitted: Sequence[tuple[int, datetime.date]],
        progress: Progress | None,
    ) -> list[tuple[int, int]]:
        done: list[tuple[int, int]] = []
        step = chunk_size()
        for start in range(0, len(admitted), step):
            chunk = [(Person(pk=pk), on) for pk, on in admitted[start : start + step]]
            done += [(m.pk, m.register_number) for m in admit_locked(cooperative, chunk)]
            if progress:
                progress(len(done), len(admitted))
        return done

    def entries(self, entries: Sequence[dict[str, object]]) -> None:
        LedgerEntry.objects.bulk_create(
            [LedgerEntry(**e) for e in entries], batch_size=chunk_size()
        )


def _people_chunk(rows: Sequence[MemberRow]) -> dict[str, int]:
    """Known people keep their details (blanks are filled); the others are inserted, and one
    created meanwhile by another transaction is returned by ON CONFLICT instead of failing."""
    known = {
        p.national_id: p
        for p in Person.objects.filter(national_id__in=[r.national_id for r in rows])
    }
    new: list[Person] = []
    filled: list[Person] = []
    fill_fields: set[str] = set()
    for row in rows:
        person = known.get(row.national_id)
        if person is None:
            new.append(Person(**asdict(row.person())))
            continue
        missing = {
            f: getattr(row, f)
            for f in OPTIONAL_FIELDS
            if getattr(row, f) and not getattr(person, f)
        }
        if missing:
            for name, value in missing.items():
                setattr(person, name, value)
            filled.append(person)
            fill_fields.update(missing)
    if new:
        Person.objects.bulk_create(
            new, update_conflicts=True, unique_fields=["national_id"], update_fields=["national_id"]
        )
        known.update((p.national_id, p) for p in new)
    if filled:
        Person.objects.bulk_update(filled, sorted(fill_fields), batch_size=500)
    return {nid: p.pk for nid, p in known.items()}


def writer() -> Writer:
    if connection.vendor == "postgresql":
        from taavon.imports.pgcopy import CopyWriter

        return CopyWriter()
    return OrmWriter()


def write_members(
    *,
    actor: User | None,
    cooperative: Cooperative,
    share_class: ShareClass | None,
    rows: Sequence[MemberRow],
    reference: str,
    note: str,
    progress: Progress | None = None,
) -> list[int]:
    """Admit every row and post its opening capital; returns the new register numbers."""
    out = writer()
    people = out.people(rows)
    memberships = out.memberships(
        cooperative, [(people[r.national_id], r.joined_on) for r in rows], progress
    )
    if share_class is not None:
        _capital(
            actor,
            cooperative,
            share_class,
            rows,
            [m for m, _n in memberships],
            out,
            reference=reference[:100],
            note=note[:300],
        )
    return [number for _m, number in memberships]


class RowChain:
    """`capital.services.Chain` without model instances: the same seq, prev_hash, recorded_at
    and hash (`capital.chain.compute_hash`), as plain rows. A hundred thousand LedgerEntry
    objects cost more than the COPY that writes them; `verify_chain` checks the result."""

    def __init__(self, cooperative: Cooperative) -> None:
        chain = Chain(cooperative)  # reads the last seq and hash of the locked cooperative
        self.cooperative_id = cooperative.pk
        self.seq, self.prev, self.now = chain.seq, chain.prev, chain.now

    def row(self, **fields: object) -> dict[str, object]:
        self.seq += 1
        values: dict[str, object] = {
            "cooperative_id": self.cooperative_id,
            "seq": self.seq,
            "reverses_id": None,
            "counterpart_id": None,
            "board_approval": "",
            "recorded_at": self.now,
            "prev_hash": self.prev,
            **fields,
        }
        values["hash"] = self.prev = compute_hash(values)
        return values


def _capital(
    actor: User | None,
    cooperative: Cooperative,
    share_class: ShareClass,
    rows: Sequence[MemberRow],
    membership_ids: Sequence[int],
    out: Writer,
    *,
    reference: str,
    note: str,
) -> None:
    """Subscriptions, then payments, as one run of the cooperative's hash chain. The caps and
    "paid within subscribed" were checked on the final state under the same lock."""
    chain = RowChain(cooperative)
    common = {
        "share_class_id": share_class.pk,
        "effective_on": timezone.localdate(),
        "actor_id": actor.pk if actor else None,
        "reference": reference,
        "note": note,
    }
    held = [(m, r) for m, r in zip(membership_ids, rows, strict=True) if r.shares]
    subscriptions = [
        chain.row(
            kind=EntryKind.SUBSCRIPTION.value,
            membership_id=m,
            shares_delta=r.shares,
            subscribed_delta=r.shares * share_class.nominal_value,
            paid_delta=0,
            **common,
        )
        for m, r in held
    ]
    payments = [
        chain.row(
            kind=EntryKind.PAYMENT.value,
            membership_id=m,
            shares_delta=0,
            subscribed_delta=0,
            paid_delta=r.paid,
            **common,
        )
        for m, r in held
        if r.paid
    ]
    if not subscriptions:
        return
    out.entries(subscriptions + payments)
    subscribed = sum(r.shares * share_class.nominal_value for _m, r in held)
    audit_record(
        actor=actor,
        action=CapitalEvent.SUBSCRIBE,
        obj=cooperative,
        summary=f"{len(subscriptions)} subscriptions, {subscribed} rials ({reference})",
        changes={"seq": [subscriptions[0]["seq"], subscriptions[-1]["seq"]]},
    )
    if payments:
        paid = sum(r.paid for _m, r in held)
        audit_record(
            actor=actor,
            action=CapitalEvent.PAY,
            obj=cooperative,
            summary=f"{len(payments)} payments, {paid} rials ({reference})",
            changes={"seq": [payments[0]["seq"], payments[-1]["seq"]], "rials": paid},
        )
