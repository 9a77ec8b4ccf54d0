"""The bench database and the synthetic dataset at a chosen scale.

Scales:
  small     Lorestan's real 11 counties, 200 cooperatives.
  lorestan  Lorestan's real 11 counties, 3,000 cooperatives (about Lorestan's real count).
  national  31 provinces: Lorestan's real 11 counties plus ~14 synthetic counties in each other
            province (~430 counties), 100,000 cooperatives spread by county population,
            14,000,000 memberships of 11,000,000 people.

Every scale also has people and memberships (~140 per cooperative on average, skewed: most
registers are small, a few have tens of thousands), streamed from a generator (nothing holds
all rows in memory) in chunks of 250,000 rows: COPY over two connections on PostgreSQL,
executemany on SQLite (``bulk.py``). `BENCH_MEMBERSHIPS=N` overrides the number of memberships
(people: 11/14 of it).

The database is always a fresh one: a temporary SQLite file, or a PostgreSQL database that is
dropped and recreated (its name must contain "bench", so a real database is never touched).
Cooperatives are written with COPY on PostgreSQL and one executemany transaction on SQLite.
Columns come from the model's concrete fields, so fields added later are filled from their
defaults (or a synthetic value when required) without changing this module.
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import os
import random
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone

from . import bulk
from .synth import (
    MEMBERSHIP_COLUMNS,
    PERSON_COLUMNS,
    MembershipStream,
    Register,
    cooperative_rows,
    copy_columns,
    membership_sizes,
    person_lines,
)

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/taavon_bench"
SEED = 1404


@dataclass(frozen=True)
class Scale:
    name: str
    cooperatives: int
    synthetic_counties_per_province: int
    requests: int  # default N per endpoint
    memberships: int = 0  # people: PEOPLE_PER_MEMBERSHIP of this

    @property
    def target_memberships(self) -> int:
        override = os.environ.get("BENCH_MEMBERSHIPS", "").replace("_", "")
        return int(override) if override else self.memberships

    @property
    def persons(self) -> int:
        return max(1, round(self.target_memberships * PEOPLE_PER_MEMBERSHIP))


PEOPLE_PER_MEMBERSHIP = 11 / 14  # 14M memberships of 11M people: some belong to several
BARE_SAMPLE_ROWS = 1_000_000  # rows written to the index-free copies (the baseline)
# From this many rows, a table's plain (non-unique) indexes are dropped before its COPY and
# rebuilt after it, which is faster than maintaining them row by row. Primary keys, unique
# indexes, checks and foreign keys stay, so every row is still checked as it goes in.
REBUILD_INDEXES_FROM_ROWS = 2_000_000

SCALES = {
    "small": Scale("small", 200, 0, 2000, 28_000),
    "lorestan": Scale("lorestan", 3_000, 0, 2000, 420_000),
    "national": Scale("national", 100_000, 14, 1000, 14_000_000),
}


@dataclass
class Database:
    vendor: str  # "sqlite" | "postgres"
    url: str
    tempdir: tempfile.TemporaryDirectory[str] | None = None
    created_seconds: float = 0.0

    @property
    def name(self) -> str:
        return urlsplit(self.url).path.lstrip("/")

    def cleanup(self) -> None:
        if self.tempdir is not None:
            self.tempdir.cleanup()
            self.tempdir = None


def prepare_database(vendor: str) -> Database:
    """A fresh, empty database; sets DATABASE_URL so Django (and the server child) use it."""
    started = time.perf_counter()
    if vendor == "sqlite":
        tempdir = tempfile.TemporaryDirectory(prefix="taavon-bench-")
        db = Database("sqlite", f"sqlite:///{tempdir.name}/bench.sqlite3", tempdir)
    elif vendor == "postgres":
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith(("postgres://", "postgresql://")):
            url = DEFAULT_POSTGRES_URL
        db = Database("postgres", url)
        _recreate_postgres(db)
    else:
        raise ValueError(f"unknown database {vendor!r}")
    os.environ["DATABASE_URL"] = db.url
    db.created_seconds = time.perf_counter() - started
    return db


def _recreate_postgres(db: Database) -> None:
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import make_conninfo

    if "bench" not in db.name:
        raise SystemExit(
            f"refusing to drop database {db.name!r}: the bench database name must contain 'bench'"
        )
    with psycopg.connect(make_conninfo(db.url, dbname="postgres"), autocommit=True) as conn:
        name = sql.Identifier(db.name)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


@dataclass
class BuildReport:
    scale: str
    method: str = ""
    provinces: int = 0
    counties: int = 0
    cooperatives: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    bare_insert_seconds: float = 0.0  # same rows, same method, into an index-free copy
    persons: int = 0
    memberships: int = 0
    load_method: str = ""  # how people and memberships were written (bulk.load_method)
    largest_register: int = 0  # members of the largest cooperative
    # table -> (rows, seconds) written into its real table and into an index-free copy
    copied: dict[str, tuple[int, float]] = field(default_factory=dict)
    bare_copied: dict[str, tuple[int, float]] = field(default_factory=dict)
    generated: dict[str, tuple[int, float]] = field(default_factory=dict)  # generator alone

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    @property
    def insert_rows_per_second(self) -> float:
        insert = self.seconds.get("insert cooperatives", 0.0)
        return self.cooperatives / insert if insert else 0.0

    @property
    def bare_insert_rows_per_second(self) -> float:
        bare = self.bare_insert_seconds
        return self.cooperatives / bare if bare else 0.0


def build(scale: Scale) -> BuildReport:
    """Migrate the (empty) bench database and fill it to ``scale``. Django must be set up."""
    from django.core.management import call_command

    from taavon.geo.models import County, Province

    report = BuildReport(scale=scale.name)
    with _step(report, "migrate"):
        call_command("migrate", interactive=False, verbosity=0)
    with _step(report, "counties"):
        _add_synthetic_counties(scale)
    with _step(report, "generate cooperatives"):
        rows, columns = cooperative_rows(scale.cooperatives, seed=SEED)
        sizes = _register_sizes(scale, rows, columns)
        rows = _with_column(rows, columns, "last_register_number", sizes)
    with _step(report, "insert cooperatives"):
        report.method = _insert(columns, rows)
    report.bare_insert_seconds = _insert_into_bare_copy(columns, rows)
    if sum(sizes):
        _members(report, scale, rows, columns, sizes)
    with _step(report, "analyze"):
        _analyze()
    report.provinces = Province.objects.count()
    report.counties = County.objects.count()
    report.cooperatives = len(rows)
    return report


class _step:
    def __init__(self, report: BuildReport, name: str) -> None:
        self.report, self.name = report, name

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.report.seconds[self.name] = time.perf_counter() - self.started


def _add_synthetic_counties(scale: Scale) -> None:
    from taavon.geo.models import County, Province
    from taavon.geo.reference import LORESTAN_CODE
    from taavon.persian.text import normalize, search_key

    if not scale.synthetic_counties_per_province:
        return
    rng = random.Random(SEED)
    counties = []
    for province in Province.objects.exclude(code=LORESTAN_CODE).order_by("code"):
        # Vary around the mean so provinces differ in size, as real ones do.
        per = scale.synthetic_counties_per_province
        for number in range(1, rng.randint(per - 5, per + 5) + 1):
            name_fa = normalize(f"نمونه {province.name_fa} {number}")
            counties.append(
                County(
                    province=province,
                    slug=f"bench-{province.code.lower()}-{number}",
                    name_fa=name_fa,
                    name_en=f"Sample {province.name_en} {number}",
                    name_key=search_key(name_fa),
                    population_1395=rng.randint(30_000, 900_000),
                    source="bench: synthetic",
                )
            )
    County.objects.bulk_create(counties, batch_size=500)


def _insert(columns: list[str], rows: list[tuple[Any, ...]], *, table: str = "") -> str:
    """Write the rows in one transaction: COPY on PostgreSQL, executemany on SQLite."""
    from django.db import connection, transaction

    from taavon.registry.models import Cooperative

    quote = connection.ops.quote_name
    target = quote(table or Cooperative._meta.db_table)
    column_list = ", ".join(quote(c) for c in columns)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {target} ({column_list}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return "COPY"
        placeholders = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {target} ({column_list}) VALUES ({placeholders})", rows)
        return "executemany in one transaction"


def _insert_into_bare_copy(columns: list[str], rows: list[tuple[Any, ...]]) -> float:
    """Seconds to write the same rows the same way into a copy of the table with no indexes,
    constraints or triggers: the floor the real insert is compared with."""
    from taavon.registry.models import Cooperative

    with bulk.bare_copy(Cooperative._meta.db_table) as bare:
        started = time.perf_counter()
        _insert(columns, rows, table=bare)
        return time.perf_counter() - started


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- people and memberships -------------------------------------------------------------------


def _register_sizes(scale: Scale, rows: list[tuple[Any, ...]], columns: list[str]) -> list[int]:
    """Members per cooperative (same order as ``rows``), within each sector's maximum."""
    from taavon.registry.rules import rule_profile_for

    total = scale.target_memberships
    if not total:
        return [0] * len(rows)
    status, sector, kind = (columns.index(c) for c in ("status", "sector", "kind"))
    caps: dict[tuple[str, str], int | None] = {}
    for row in rows:
        key = (row[kind], row[sector])
        if key not in caps:
            caps[key] = rule_profile_for(kind=key[0], sector=key[1]).max_members
    return membership_sizes(
        [row[status] for row in rows],
        [caps[row[kind], row[sector]] for row in rows],
        total,
        seed=SEED,
    )


def _with_column(
    rows: list[tuple[Any, ...]], columns: list[str], name: str, values: list[int]
) -> list[tuple[Any, ...]]:
    if name not in columns or not any(values):
        return rows
    at = columns.index(name)
    return [(*row[:at], value, *row[at + 1 :]) for row, value in zip(rows, values, strict=True)]


def _members(
    report: BuildReport,
    scale: Scale,
    rows: list[tuple[Any, ...]],
    columns: list[str],
    sizes: list[int],
) -> None:
    """People, then memberships pointing at them, each streamed in chunks (``bulk.load_lines``:
    COPY on PostgreSQL, executemany on SQLite)."""
    from taavon.registry.models import Membership, Person

    registers = _registers(rows, columns, sizes)
    persons = min(scale.persons, sum(sizes))
    person_table = Person._meta.db_table
    membership_table = Membership._meta.db_table
    person_columns, _tail = copy_columns(Person, PERSON_COLUMNS)
    membership_columns, _tail = copy_columns(Membership, MEMBERSHIP_COLUMNS)
    first_id = _next_id(person_table)
    report.load_method = method = bulk.load_method()
    step = f"insert {persons:,} people ({method})"
    with _plain_indexes_rebuilt(report, person_table, persons) as rebuild:  # noqa: SIM117
        with _step(report, step + rebuild):
            people = person_lines(first_id, 0, persons, seed=SEED)
            bulk.load_lines(person_table, person_columns, people)
            bulk.sync_ids(person_table)
    report.copied[person_table] = (persons, _seconds(report, person_table, step + rebuild))
    stream = MembershipStream(
        registers,
        persons=persons,
        first_person_id=first_id,
        today=timezone.localdate(),
        seed=SEED,
    )
    step = f"insert {stream.slots:,} memberships ({method})"
    with _plain_indexes_rebuilt(report, membership_table, stream.slots) as rebuild:  # noqa: SIM117
        with _step(report, step + rebuild):
            bulk.load_lines(membership_table, membership_columns, stream.lines())
    report.copied[membership_table] = (
        stream.slots,
        _seconds(report, membership_table, step + rebuild),
    )
    with _step(report, ("vacuum " if bulk.postgres() else "") + "analyze people and memberships"):
        bulk.analyze(person_table, membership_table, vacuum=True)
    report.persons, report.memberships = persons, stream.slots
    report.largest_register = max(sizes)
    # Baselines: the first rows again from the same generator, into index-free copies of the
    # tables, and the generator alone (no database; on SQLite with the conversion of its lines
    # to parameter tuples, which the writes include).
    for table, columns, lines in (
        (person_table, person_columns, lambda n: person_lines(first_id, 0, n, seed=SEED)),
        (membership_table, membership_columns, lambda n: itertools.islice(stream.lines(), n)),
    ):
        sample = min(report.copied[table][0], BARE_SAMPLE_ROWS)
        with bulk.bare_copy(table) as bare:
            started = time.perf_counter()
            bulk.load_lines(bare, columns, lines(sample))
            report.bare_copied[table] = (sample, time.perf_counter() - started)
        started = time.perf_counter()
        generated = lines(sample)
        for _row in generated if bulk.postgres() else bulk.sqlite_rows(table, columns, generated):
            pass
        report.generated[table] = (sample, time.perf_counter() - started)


def _seconds(report: BuildReport, table: str, step: str) -> float:
    """The COPY step's seconds plus the rebuild of the indexes dropped around it, if any."""
    return report.seconds[step] + report.seconds.get(f"rebuild {table}'s plain indexes", 0.0)


@contextlib.contextmanager
def _plain_indexes_rebuilt(report: BuildReport, table: str, rows: int) -> Iterator[str]:
    """Drop ``table``'s plain indexes around a load of at least REBUILD_INDEXES_FROM_ROWS rows
    and rebuild them after it (a step of its own). Yields a note for the load step's name."""
    from django.db import connection

    if rows < REBUILD_INDEXES_FROM_ROWS or not bulk.postgres():
        yield ""
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE indrelid = %s::regclass AND NOT indisunique AND NOT indisprimary",
            [table],
        )
        plain = cursor.fetchall()
        for name, _definition in plain:
            cursor.execute(f"DROP INDEX {name}")
    yield f", {len(plain)} plain indexes dropped" if plain else ""
    with _step(report, f"rebuild {table}'s plain indexes"), connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")  # this session only
        for _name, definition in plain:
            cursor.execute(definition)
        cursor.execute("RESET maintenance_work_mem")


def _registers(rows: list[tuple[Any, ...]], columns: list[str], sizes: list[int]) -> list[Register]:
    """The cooperatives' ids (a fresh table numbers COPY rows in order; checked) and dates."""
    from taavon.registry.models import Cooperative

    name, created, registered = (
        columns.index(c) for c in ("name", "created_at", "registration_date")
    )
    ids = list(Cooperative.objects.order_by("pk").values_list("pk", "name"))
    if len(ids) != len(rows) or any(
        ids[i][1] != rows[i][name] for i in (0, len(rows) // 2, len(rows) - 1)
    ):
        raise SystemExit("bench: cooperatives were not numbered in COPY order")
    registers = []
    for (pk, _name), row, size in zip(ids, rows, sizes, strict=True):
        if size:
            opened = row[registered] or row[created]
            opened = _as_date(opened)
            registers.append(Register(pk, size, opened))
    return registers


def _as_date(value: Any) -> datetime.date:
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def _next_id(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return int(cursor.fetchone()[0])
