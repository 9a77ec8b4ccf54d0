"""Data the registry entries add for themselves, deterministically: cooperatives of their own,
members written with COPY (executemany on SQLite: ``bench.bulk``), and hash-chained ledger rows
computed in Python.

People come from their own blocks of the synthetic national-ID space (``PEOPLE_BLOCK``), so
they never collide with the dataset's people or with another entry's.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from bench.bulk import analyze, reserve_ids, write_lines, write_rows
from bench.harness import BenchError
from bench.synth import (
    MEMBERSHIP_COLUMNS,
    PERSON_COLUMNS,
    copy_columns,
    person_lines,
)
from taavon.capital.chain import CHAIN_FIELDS

SEED = 1404
# Blocks of people indexes (x PEOPLE_BLOCK): one per use, never overlapping.
IMPORT_BLOCK, LEDGER_BLOCK, CHAIN_BLOCK = 1, 2, 3
LEDGER_COLUMNS = CHAIN_FIELDS  # COPY writes the chained fields, in the chain's order


@dataclass(frozen=True)
class Posting:
    """One ledger row to chain: a subscription (shares) or a payment (rials)."""

    membership_id: int
    kind: str  # "subscription" | "payment"
    shares: int = 0
    subscribed: int = 0
    paid: int = 0


@dataclass
class BenchCooperative:
    pk: int
    share_class_id: int
    nominal: int
    membership_ids: list[int]


def bench_cooperative(label: str, *, nominal: int = 10_000) -> BenchCooperative:
    """A new active agriculture cooperative (no member cap) in Khorramabad's county, with a
    share class «A» created by the capital service."""
    from taavon.capital.services import share_class_create
    from taavon.core.permissions import SYSTEM
    from taavon.geo.models import County
    from taavon.geo.reference import LORESTAN_CODE
    from taavon.registry.models import Cooperative

    county = County.objects.filter(province__code=LORESTAN_CODE).order_by("pk").first()
    if county is None:
        raise BenchError("no Lorestan county")
    cooperative = Cooperative.objects.create(
        name=f"تعاونی سنجش {label}",
        county=county,
        kind="production",
        sector="agriculture",
        status="active",
        registration_number=f"bench-{label}"[:20],
        registration_date=timezone.localdate(),
    )
    share_class = share_class_create(
        actor=SYSTEM, cooperative_id=cooperative.pk, code="A", name="عادی", nominal_value=nominal
    )
    return BenchCooperative(cooperative.pk, share_class.pk, nominal, [])


def add_members(cooperative: BenchCooperative, count: int, *, first_person: int) -> None:
    """``count`` new people (people indexes from ``first_person``) admitted as members
    1..count, written with COPY (executemany on SQLite); the register counter follows."""
    from django.db import transaction

    from taavon.registry.models import Cooperative, Membership, Person

    people = reserve_ids(Person._meta.db_table, count)
    memberships = reserve_ids(Membership._meta.db_table, count)
    known = ["id", *MEMBERSHIP_COLUMNS]
    membership_columns, tail = copy_columns(Membership, known)
    today = timezone.localdate().isoformat()
    lines = person_lines(0, first_person, count, seed=SEED)
    with transaction.atomic():
        write_lines(
            Person._meta.db_table,
            copy_columns(Person, PERSON_COLUMNS)[0],
            # person_lines numbers people by index: put the reserved ids in their place.
            (f"{pk}{line[line.index(chr(9)) :]}" for pk, line in zip(people, lines, strict=True)),
        )
        write_lines(
            Membership._meta.db_table,
            membership_columns,
            (
                f"{pk}\t{cooperative.pk}\t{person}\t{number}\t{today}\tmember\t\\N\tf{tail}\n"
                for number, (pk, person) in enumerate(zip(memberships, people, strict=True), 1)
            ),
        )
        Cooperative.objects.filter(pk=cooperative.pk).update(last_register_number=count)
    cooperative.membership_ids = memberships
    analyze(Membership._meta.db_table, Person._meta.db_table)


def chain_tail(cooperative_id: int) -> tuple[int, str]:
    """(last seq, last hash) of a cooperative's ledger, as the capital services read them."""
    from taavon.capital.chain import GENESIS
    from taavon.capital.models import LedgerEntry

    last = (
        LedgerEntry.objects.filter(cooperative_id=cooperative_id)
        .order_by("-seq")
        .values_list("seq", "hash")
        .first()
    )
    return last if last else (0, GENESIS)


def chained_rows(
    cooperative: BenchCooperative,
    postings: Iterable[Posting],
    *,
    after: tuple[int, str],
    recorded_at: datetime.datetime,
    effective_on: datetime.date,
    reference: str = "",
    note: str = "",
    ids: Iterator[int] | None = None,
) -> list[tuple[Any, ...]]:
    """Ledger rows (``LEDGER_COLUMNS``, optionally preceded by an id) continuing a chain, each
    hashed with the app's own ``compute_hash``: what the services would write."""
    from taavon.capital.chain import compute_hash

    seq, prev = after
    rows = []
    for posting in postings:
        seq += 1
        values: dict[str, object] = {
            "cooperative_id": cooperative.pk,
            "seq": seq,
            "kind": posting.kind,
            "membership_id": posting.membership_id,
            "share_class_id": cooperative.share_class_id,
            "shares_delta": posting.shares,
            "subscribed_delta": posting.subscribed,
            "paid_delta": posting.paid,
            "reverses_id": None,
            "counterpart_id": None,
            "board_approval": "",
            "reference": reference,
            "note": note,
            "effective_on": effective_on,
            "actor_id": None,
            "recorded_at": recorded_at,
            "prev_hash": prev,
        }
        values["hash"] = prev = compute_hash(values)
        row = tuple(values[name] for name in LEDGER_COLUMNS)
        rows.append((next(ids), *row) if ids is not None else row)
        recorded_at += datetime.timedelta(microseconds=1)
    return rows


def subscriptions(cooperative: BenchCooperative, shares: int) -> list[Posting]:
    amount = shares * cooperative.nominal
    return [
        Posting(m, "subscription", shares=shares, subscribed=amount)
        for m in cooperative.membership_ids
    ]


def payments(
    cooperative: BenchCooperative, count: int, amount: int, *, first: int = 0
) -> list[Posting]:
    """``count`` payments of ``amount`` rials, member after member."""
    members = cooperative.membership_ids
    return [
        Posting(members[(first + i) % len(members)], "payment", paid=amount) for i in range(count)
    ]


def ledger_copy(rows: Iterable[Sequence[Any]], *, with_id: bool = False) -> int:
    from taavon.capital.models import LedgerEntry

    columns = ["id", *LEDGER_COLUMNS] if with_id else list(LEDGER_COLUMNS)
    return write_rows(LedgerEntry._meta.db_table, columns, rows)


def insert_statement(*, with_id: bool = False) -> str:
    from django.db import connection

    from taavon.capital.models import LedgerEntry

    columns = ["id", *LEDGER_COLUMNS] if with_id else list(LEDGER_COLUMNS)
    quote = connection.ops.quote_name
    return (
        f"INSERT INTO {quote(LedgerEntry._meta.db_table)} "
        f"({', '.join(quote(c) for c in columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    )


def sample_people(total: int, count: int, *, seed: int) -> list[int]:
    """``count`` distinct indexes of the dataset's people (deterministic)."""
    if total <= 0 or count <= 0:
        return []
    return random.Random(seed).sample(range(total), min(count, total))
