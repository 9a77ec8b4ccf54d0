"""Registry entries (issue 3): the people/memberships dataset, public search, member import,
ledger postings and hash-chain verification, each against a baseline measured in this run.

One-shot work (imports, postings, verification) is timed in rounds that alternate the figure
and its baselines (A B, B A, ...), like the load measurements, so background load on a shared
machine falls on both sides of a ratio.
"""

from __future__ import annotations

import csv
import datetime
import itertools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.utils import timezone

from bench import bulk
from bench.harness import BenchError, Context, Probe, Row, entry, load_rows
from bench.load import Measurement, http_op
from bench.synth import PEOPLE_BLOCK

from . import registry_setup as setup

SEARCH = "/api/v1/registry/cooperatives"


Work = Callable[[int], tuple[int, float]]  # round number -> (rows handled, seconds timed)


def _clock(func: Callable[[int], int]) -> Work:
    """Work timed from start to end (for work whose every step is part of the figure)."""

    def run(number: int) -> tuple[int, float]:
        started = time.perf_counter()
        count = func(number)
        return count, time.perf_counter() - started

    return run


def _alternate(ctx: Context, rounds: int, work: dict[str, Work]) -> dict[str, Measurement]:
    """Run each piece of work once per round, in alternating order (A B C, C B A, ...). The
    result per label: rows, seconds, and each round's duration as its "latencies" (so the
    Measurements table shows the spread between rounds)."""
    done: dict[str, list[tuple[int, float]]] = {label: [] for label in work}
    labels = list(work)
    for number in range(rounds):
        for label in labels if number % 2 == 0 else reversed(labels):
            done[label].append(work[label](number))
    results = {
        label: Measurement(
            label=f"{label} ({rounds} rounds)",
            completed=sum(c for c, _s in parts),
            seconds=sum(s for _c, s in parts),
            latencies=[s for _c, s in parts],
        )
        for label, parts in done.items()
    }
    ctx.measurements.extend(results.values())
    return results


def _rate(figure: str, value: Measurement, baseline: str, base: Measurement, unit: str) -> Row:
    return Row(figure, value.rps, unit, baseline, base.rps, True)


# --- dataset -------------------------------------------------------------------------------


@entry("registry-dataset", "People and memberships written in bulk vs index-free copies")
def registry_dataset(ctx: Context) -> list[Row]:
    build = ctx.build
    rows = []
    for table, noun in (("registry_person", "people"), ("registry_membership", "memberships")):
        if table not in build.copied:
            raise BenchError(f"the dataset has no {noun} (BENCH_MEMBERSHIPS=0?)")
        count, seconds = build.copied[table]
        sample, bare = build.bare_copied[table]
        generated, generating = build.generated[table]
        rebuilt = f"rebuild {table}'s plain indexes" in build.seconds
        figure = f"dataset: {count:,} {noun} inserted ({build.load_method}" + (
            ", plain indexes rebuilt after, included)" if rebuilt else ")"
        )
        rows.append(
            Row(
                figure,
                count / seconds,
                "rows/s",
                f"same generator into an index-free copy (first {sample:,})",
                sample / bare,
                True,
            )
        )
        rows.append(
            Row(
                figure,
                count / seconds,
                "rows/s",
                "the generator alone, no database"
                + ("" if bulk.postgres() else " (lines converted to SQLite rows)"),
                generated / generating,
                True,
            )
        )
    return rows


# --- public search -------------------------------------------------------------------------

SEARCH_TERMS = (
    ("words of one name", "فرش دستباف دورود"),
    ("with ZWNJ", "آب‌بران"),
    ("no ZWNJ, county split", "آببران خرم آباد"),
    ("Arabic ك", "مصرف كاركنان بروجرد"),
    ("typo", "زنبوردارن الیگودرز"),
    ("issue's example, fuzzy only", "تعاونیها"),
    ("one broad word", "تعاونی"),
)


def _search_terms() -> list[tuple[str, str]]:
    """The fixed terms plus one exact name from the data (a registered cooperative)."""
    from taavon.registry.models import Cooperative
    from taavon.registry.policies import PUBLIC_STATUSES

    name = (
        Cooperative.objects.filter(status__in=PUBLIC_STATUSES, county__slug="kuhdasht")
        .order_by("pk")
        .values_list("name", flat=True)
        .first()
    )
    return ([("exact name", name)] if name else []) + list(SEARCH_TERMS)


def _get(ctx: Context, label: str, path: str) -> Probe:
    """``ctx.get`` with a readable label (the path itself is percent-encoded)."""
    server = ctx.server
    return Probe(label, lambda: http_op(server.host, server.port, path))


def _found(path: str) -> int:
    from django.test import Client

    response = Client().get(path)
    if response.status_code != 200:
        raise BenchError(f"GET {path} answered {response.status_code}")
    return int(response.json()["count"])


@entry("public-search", "Public registry search API, realistic terms, vs the same SQL raw")
def public_search(ctx: Context) -> list[Row]:
    rows = []
    requests = max(50, ctx.requests // 4)  # per term: eight terms
    for label, term in _search_terms():
        path = f"{SEARCH}?q={quote(term)}"
        statements = ctx.captured_sql(path)
        api, raw = ctx.measure(
            _get(ctx, f"GET {SEARCH}?q={term}", path),
            ctx.replay(f"search «{term}» SQL, raw cursor", statements),
            requests=requests,
        )
        rows += load_rows(
            f"public search «{term}» ({label}; {_found(path):,} found)",
            api,
            f"same SQL, raw cursor ({len(statements)} queries)",
            raw,
            metrics=("p50", "p95"),
        )
    return rows


@entry("public-detail", "Public record of the largest cooperative vs the same SQL raw")
def public_detail(ctx: Context) -> list[Row]:
    from taavon.registry.models import Cooperative
    from taavon.registry.policies import PUBLIC_STATUSES

    largest = (
        Cooperative.objects.filter(status__in=PUBLIC_STATUSES)
        .order_by("-last_register_number", "pk")
        .values_list("pk", "last_register_number")
        .first()
    )
    if largest is None:
        raise BenchError("no registered cooperative")
    path = f"{SEARCH}/{largest[0]}"
    statements = ctx.captured_sql(path)
    api, raw = ctx.measure(
        ctx.get(path), ctx.replay("cooperative record SQL, raw cursor", statements)
    )
    return load_rows(
        f"public record, largest register ({largest[1]:,} members)",
        api,
        f"same SQL, raw cursor ({len(statements)} queries)",
        raw,
    )


# --- member import -------------------------------------------------------------------------

IMPORT_ROWS = 20_000
IMPORT_ROUNDS = 2
SMOKE_IMPORT_ROWS = 1_000  # --smoke: a quick check that the entry runs, in 1 round
IMPORT_KNOWN = 0.2  # share of rows for people already in another cooperative
IMPORT_NOMINAL, IMPORT_SHARES, IMPORT_PAID = 100_000, 10, 400_000
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_LETTERS = str.maketrans("یک", "يك")


def _import_rows(ctx: Context) -> tuple[int, int]:
    """(rows per file, rounds)."""
    return (SMOKE_IMPORT_ROWS, 1) if ctx.smoke else (IMPORT_ROWS, IMPORT_ROUNDS)


def _import_people(ctx: Context, number: int, side: int) -> tuple[list[int], list[int]]:
    """(new people indexes, known people indexes) of one import file: the known ones are the
    same for both sides of a round, the new ones are each side's own."""
    rows = _import_rows(ctx)[0]
    known = setup.sample_people(
        ctx.build.persons, int(rows * IMPORT_KNOWN), seed=setup.SEED + number
    )
    start = setup.IMPORT_BLOCK * PEOPLE_BLOCK + (2 * number + side) * IMPORT_ROWS
    return list(range(start, start + rows - len(known))), known


def _people_lines(indexes: list[int]) -> list[str]:
    """The dataset generator's COPY lines of these people (one generator per run of
    consecutive indexes)."""
    from bench.synth import person_lines

    lines: list[str] = []
    at = 0
    while at < len(indexes):
        end = at + 1
        while end < len(indexes) and indexes[end] == indexes[end - 1] + 1:
            end += 1
        lines += person_lines(0, indexes[at], end - at, seed=setup.SEED)
        at = end
    return lines


def _write_file(path: Path, people: list[int]) -> None:
    """An office's csv: canonical headers, some IDs and dates in Persian digits, some names in
    Arabic letters, local mobile numbers."""
    from bench.synth import national_id
    from taavon.imports.columns import COLUMNS
    from taavon.persian.jalali import format_jalali

    joined = format_jalali(timezone.localdate() - datetime.timedelta(days=30), persian_digits=False)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([column.label for column in COLUMNS])
        for i, (index, line) in enumerate(zip(people, _people_lines(people), strict=True)):
            nid, first, last, father, birth, gender, mobile = line.split("\t")[1:8]
            if i % 10 == 3:
                nid = national_id(index).translate(PERSIAN_DIGITS)
            if i % 7 == 2:
                first, last = first.translate(ARABIC_LETTERS), last.translate(ARABIC_LETTERS)
            born = (
                format_jalali(datetime.date.fromisoformat(birth), persian_digits=i % 5 == 1)
                if birth != "\\N"
                else ""
            )
            writer.writerow(
                [
                    nid,
                    first,
                    last,
                    father,
                    born,
                    "زن" if gender == "female" else "مرد",
                    "0" + mobile[3:] if mobile else "",
                    joined,
                    IMPORT_SHARES,
                    IMPORT_PAID,
                ]
            )


def _import_app(
    ctx: Context, folder: Path, number: int, timings: dict[str, list[float]]
) -> tuple[int, float]:
    from taavon.core.permissions import SYSTEM
    from taavon.imports import engine

    new, known = _import_people(ctx, number, 0)
    path = folder / f"members-{number}.csv"
    _write_file(path, known + new)
    cooperative = setup.bench_cooperative(f"ورود {number} برنامه", nominal=IMPORT_NOMINAL)
    started = time.perf_counter()
    parsed = engine.parse(engine.Source.from_path(path))
    parsed_at = time.perf_counter()
    if parsed.problems:
        raise BenchError(f"import file has problems: {parsed.problems[:3]}")
    created = engine.commit_parsed(
        parsed,
        cooperative_id=cooperative.pk,
        actor=SYSTEM,
        source_name=path.name,
        reference=f"bench:{number}",
    )
    finished = time.perf_counter()
    timings.setdefault("parse", []).append(parsed_at - started)
    timings.setdefault("commit", []).append(finished - parsed_at)
    if created != len(known) + len(new):
        raise BenchError(f"import created {created} members, expected {len(known) + len(new)}")
    return created, finished - started


def _import_copy(ctx: Context, number: int) -> tuple[int, Callable[[], int]]:
    """Prepare (untimed) the same rows the import writes, for another new cooperative and
    other new people; return the row count and the timed part: COPY persons, memberships and
    ledger rows (subscription and payment per member) and bump the register, one transaction
    (executemany instead of COPY on SQLite)."""
    from django.db import transaction

    from bench.synth import PERSON_COLUMNS, copy_columns, national_id
    from taavon.capital.models import LedgerEntry
    from taavon.registry.models import Cooperative, Membership, Person

    new, known = _import_people(ctx, number, 1)
    cooperative = setup.bench_cooperative(f"ورود {number} رونوشت", nominal=IMPORT_NOMINAL)
    known_ids = list(
        Person.objects.filter(national_id__in=[national_id(k) for k in known]).values_list(
            "pk", flat=True
        )
    )
    person_ids = bulk.reserve_ids(Person._meta.db_table, len(new))
    person_columns = copy_columns(Person, PERSON_COLUMNS)[0]
    person_rows = [
        f"{pk}{line[line.index(chr(9)) :]}"
        for pk, line in zip(person_ids, _people_lines(new), strict=True)
    ]
    members = known_ids + person_ids
    membership_ids = bulk.reserve_ids(Membership._meta.db_table, len(members))
    cooperative.membership_ids = membership_ids
    membership_columns, tail = copy_columns(Membership, ["id", *setup.MEMBERSHIP_COLUMNS])
    joined = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    membership_rows = [
        f"{pk}\t{cooperative.pk}\t{person}\t{n}\t{joined}\tmember\t\\N\tf{tail}\n"
        for n, (pk, person) in enumerate(zip(membership_ids, members, strict=True), 1)
    ]
    postings = setup.subscriptions(cooperative, IMPORT_SHARES) + setup.payments(
        cooperative, len(members), IMPORT_PAID
    )
    ledger_rows = setup.chained_rows(
        cooperative,
        postings,
        after=setup.chain_tail(cooperative.pk),
        recorded_at=datetime.datetime.now(datetime.UTC),
        effective_on=timezone.localdate(),
        reference=f"bench:{number}",
        ids=iter(bulk.reserve_ids(LedgerEntry._meta.db_table, len(postings))),
    )

    def write() -> int:
        with transaction.atomic():
            bulk.write_lines(Person._meta.db_table, person_columns, person_rows)
            bulk.write_lines(Membership._meta.db_table, membership_columns, membership_rows)
            setup.ledger_copy(ledger_rows, with_id=True)
            Cooperative.objects.filter(pk=cooperative.pk).update(last_register_number=len(members))
        return len(members)

    return len(members), write


@entry("member-import", "Member import (csv, 20,000 rows) vs a raw COPY of the same rows")
def member_import(ctx: Context) -> list[Row]:
    count, rounds = _import_rows(ctx)
    timings: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="taavon-bench-import-") as folder:
        prepared: dict[int, Callable[[], int]] = {}

        def app(number: int) -> tuple[int, float]:
            return _import_app(ctx, Path(folder), number, timings)

        # The COPY side's rows are prepared before the clock: only the writing is timed.
        for number in range(rounds):
            prepared[number] = _import_copy(ctx, number)[1]
        labels = ("member import: parse csv + check + write", f"{bulk.method()} of the same rows")
        raw = _clock(lambda number: prepared[number]())
        results = _alternate(ctx, rounds, {labels[0]: app, labels[1]: raw})
    end_to_end, copy = results[labels[0]], results[labels[1]]
    commit = Measurement(
        f"member import: check + write (commit_parsed) ({rounds} rounds)",
        end_to_end.completed,
        sum(timings["commit"]),
        timings["commit"],
    )
    ctx.measurements.append(commit)
    baseline = f"{bulk.method()} of the same rows (people, memberships, 2 ledger rows each)"
    if bulk.postgres():
        note = " (≥ half of COPY)" if copy.rps / commit.rps <= 2 else " (below half of COPY)"
    else:
        note = ""  # the target is against COPY, which SQLite does not have
    return [
        _rate(
            f"member import of {count:,} rows, end to end: parse csv + check + write",
            end_to_end,
            baseline,
            copy,
            "rows/s",
        ),
        _rate(
            f"member import of {count:,} rows, commit of parsed rows: check + write{note}",
            commit,
            baseline,
            copy,
            "rows/s",
        ),
    ]


# --- ledger postings -----------------------------------------------------------------------

LEDGER_MEMBERS = 1_000
LEDGER_BATCH = 1_000  # items per capital_subscribe call
LEDGER_SHARES = 1_000  # each member's opening subscription
PAYMENT = 1_000  # rials per single posting


def _members_cooperative(label: str, members: int, first_person: int) -> setup.BenchCooperative:
    """A new cooperative with ``members`` members, each subscribed LEDGER_SHARES shares."""
    from django.db import transaction

    cooperative = setup.bench_cooperative(label)
    setup.add_members(cooperative, members, first_person=first_person)
    with transaction.atomic():
        setup.ledger_copy(
            setup.chained_rows(
                cooperative,
                setup.subscriptions(cooperative, LEDGER_SHARES),
                after=setup.chain_tail(cooperative.pk),
                recorded_at=datetime.datetime.now(datetime.UTC),
                effective_on=timezone.localdate(),
            )
        )
    return cooperative


def _raw_insert(
    cooperative: setup.BenchCooperative,
    postings: Callable[[int], list[setup.Posting]],
    *,
    one_transaction: bool,
) -> Work:
    """Raw INSERTs of the rows a service would write (chain hashes computed before the clock)."""
    from django.db import connection, transaction

    insert = setup.insert_statement()

    def run(number: int) -> tuple[int, float]:
        rows = setup.chained_rows(
            cooperative,
            postings(number),
            after=setup.chain_tail(cooperative.pk),
            recorded_at=datetime.datetime.now(datetime.UTC),
            effective_on=timezone.localdate(),
        )
        started = time.perf_counter()
        if one_transaction:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(insert, list(bulk.adapted(rows)))
        else:
            with connection.cursor() as cursor:  # autocommit: each INSERT is a transaction
                for row in bulk.adapted(rows):
                    cursor.execute(insert, row)
        return len(rows), time.perf_counter() - started

    return run


@entry("ledger-postings", "Ledger postings through the capital services vs raw INSERTs")
def ledger_postings(ctx: Context) -> list[Row]:
    from taavon.capital.models import ShareClass
    from taavon.capital.services import Subscription, capital_pay, capital_subscribe
    from taavon.core.permissions import SYSTEM
    from taavon.registry.models import Membership

    first = setup.LEDGER_BLOCK * PEOPLE_BLOCK
    app = _members_cooperative("دفتر برنامه", LEDGER_MEMBERS, first)
    raw = _members_cooperative("دفتر خام", LEDGER_MEMBERS, first + LEDGER_MEMBERS)
    members = list(Membership.objects.filter(pk__in=app.membership_ids).order_by("pk"))
    share_class = ShareClass.objects.get(pk=app.share_class_id)
    rounds = max(1, ctx.rounds)
    per_round = max(1, ctx.requests // rounds)
    today = timezone.localdate()

    def pay(number: int) -> int:
        for i in range(per_round):
            capital_pay(
                actor=SYSTEM,
                membership=members[(number * per_round + i) % len(members)],
                share_class=share_class,
                amount=PAYMENT,
                effective_on=today,
            )
        return per_round

    def subscribe(number: int) -> int:
        items = [
            Subscription(m, share_class, 1)
            for m in itertools.islice(itertools.cycle(members), LEDGER_BATCH)
        ]
        capital_subscribe(actor=SYSTEM, cooperative_id=app.pk, items=items, effective_on=today)
        return LEDGER_BATCH

    def raw_payments(number: int) -> list[setup.Posting]:
        return setup.payments(raw, per_round, PAYMENT, first=number * per_round)

    def raw_subscriptions(number: int) -> list[setup.Posting]:
        return [
            setup.Posting(m, "subscription", shares=1, subscribed=raw.nominal)
            for m in itertools.islice(itertools.cycle(raw.membership_ids), LEDGER_BATCH)
        ]

    one_each, batched = (
        "raw INSERT, one row per transaction",
        "raw INSERTs, executemany in one transaction",
    )
    singles = _alternate(
        ctx,
        rounds,
        {
            "capital_pay, one posting per call": _clock(pay),
            one_each: _raw_insert(raw, raw_payments, one_transaction=False),
            batched: _raw_insert(raw, raw_payments, one_transaction=True),
        },
    )
    batches = _alternate(
        ctx,
        rounds,
        {
            f"capital_subscribe, {LEDGER_BATCH:,} items per call": _clock(subscribe),
            f"{batched}, {LEDGER_BATCH:,} rows": _raw_insert(
                raw, raw_subscriptions, one_transaction=True
            ),
        },
    )
    pay_m, one_m, many_m = singles.values()
    sub_m, batch_m = batches.values()
    return [
        _rate("ledger: capital_pay, single postings", pay_m, one_each, one_m, "postings/s"),
        _rate("ledger: capital_pay, single postings", pay_m, batched, many_m, "postings/s"),
        _rate(
            f"ledger: capital_subscribe, batches of {LEDGER_BATCH:,}",
            sub_m,
            batched,
            batch_m,
            "postings/s",
        ),
    ]


# --- chain verification --------------------------------------------------------------------

CHAIN_ENTRIES = 100_000
SMOKE_CHAIN_ENTRIES = 5_000  # --smoke
CHAIN_ENTRIES_PER_MEMBER = 50  # 2,000 members at 100,000 entries
CHAIN_INSTALMENT = 100_000  # rials; 49 per member stay within the 10,000,000 subscribed


def _chain_cooperative(entries: int) -> tuple[setup.BenchCooperative, float]:
    """A cooperative with ``entries`` chained entries (subscriptions, then instalments),
    hashed in Python with the app's compute_hash and written with COPY (executemany on
    SQLite): (it, seconds)."""
    from django.db import transaction

    first = setup.CHAIN_BLOCK * PEOPLE_BLOCK
    members = entries // CHAIN_ENTRIES_PER_MEMBER
    cooperative = _members_cooperative("زنجیره", members, first)
    started = time.perf_counter()
    postings = setup.payments(cooperative, entries - members, CHAIN_INSTALMENT)
    rows = setup.chained_rows(
        cooperative,
        postings,
        after=setup.chain_tail(cooperative.pk),
        recorded_at=datetime.datetime.now(datetime.UTC),
        effective_on=timezone.localdate(),
    )
    with transaction.atomic():
        setup.ledger_copy(rows)
    bulk.analyze("capital_ledgerentry", vacuum=True)
    return cooperative, time.perf_counter() - started


READ_CHUNK = 5_000  # rows per fetch, as verify_chain reads them


def _read_raw(cooperative_id: int, sink: Callable[[tuple[Any, ...]], None]) -> int:
    """The chain's rows in seq order, READ_CHUNK at a time (as verify_chain reads them: a
    server-side cursor on PostgreSQL, fetchmany on SQLite), each handed to ``sink``."""
    from django.db import connection, transaction

    columns = ", ".join(setup.LEDGER_COLUMNS)
    select = f"SELECT {columns} FROM capital_ledgerentry WHERE cooperative_id = %s ORDER BY seq"
    count = 0
    with transaction.atomic():
        if bulk.postgres():
            connection.ensure_connection()
            with connection.connection.cursor(name="bench_chain") as cursor:
                cursor.itersize = READ_CHUNK
                cursor.execute(select, [cooperative_id])
                for row in cursor:
                    sink(row)
                    count += 1
            return count
        # sqlite3 gives the stored naive UTC text back as a naive datetime; psycopg gives an
        # aware one. Make it aware, as the driver does on PostgreSQL (and the ORM here).
        at = setup.LEDGER_COLUMNS.index("recorded_at")
        with connection.cursor() as cursor:
            cursor.execute(select, [cooperative_id])
            while rows := cursor.fetchmany(READ_CHUNK):
                for row in rows:
                    sink((*row[:at], row[at].replace(tzinfo=datetime.UTC), *row[at + 1 :]))
                count += len(rows)
    return count


@entry("chain-verify", "Hash-chain verification of 100,000 entries vs reading and hashing raw")
def chain_verify(ctx: Context) -> list[Row]:
    from taavon.capital.chain import CHAIN_FIELDS, GENESIS, compute_hash, verify_chain

    entries = SMOKE_CHAIN_ENTRIES if ctx.smoke else CHAIN_ENTRIES
    cooperative, _built = _chain_cooperative(entries)
    in_memory: list[tuple[Any, ...]] = []
    _read_raw(cooperative.pk, in_memory.append)

    def verify(number: int) -> int:
        report = verify_chain(cooperative.pk)
        if not report.ok or report.checked != entries:
            raise BenchError(f"verify_chain: {report}")
        return report.checked

    def check(rows: Any) -> int:
        prev, checked = GENESIS, 0
        for row in rows:
            values = dict(zip(CHAIN_FIELDS, row, strict=True))
            if values["prev_hash"] != prev or compute_hash(values) != values["hash"]:
                raise BenchError(f"raw check failed at seq {values['seq']}")
            prev = values["hash"]
            checked += 1
        return checked

    def read_and_check(number: int) -> int:
        rows: list[tuple[Any, ...]] = []
        _read_raw(cooperative.pk, rows.append)
        return check(rows)

    def read(number: int) -> int:
        return _read_raw(cooperative.pk, lambda row: None)

    cursor = "server-side cursor" if bulk.postgres() else f"cursor, fetchmany({READ_CHUNK:,})"
    labels = (
        "verify_chain",
        f"raw read ({cursor}) + same checks and compute_hash",
        f"raw read only ({cursor})",
        "compute_hash and checks alone, rows in memory",
    )
    results = _alternate(
        ctx,
        max(1, ctx.rounds),
        {
            labels[0]: _clock(verify),
            labels[1]: _clock(read_and_check),
            labels[2]: _clock(read),
            labels[3]: _clock(lambda number: check(in_memory)),
        },
    )
    figure = f"chain verification, {entries:,} entries"
    value = results[labels[0]]
    return [_rate(figure, value, label, results[label], "entries/s") for label in labels[1:]]
