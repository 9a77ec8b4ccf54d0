"""The bench database and the synthetic dataset at a chosen scale.

Scales:
  small     Lorestan's real 11 counties, 200 cooperatives.
  lorestan  Lorestan's real 11 counties, 3,000 cooperatives (about Lorestan's real count).
  national  31 provinces: Lorestan's real 11 counties plus ~14 synthetic counties in each other
            province (~430 counties), 100,000 cooperatives spread by county population.

The database is always a fresh one: a temporary SQLite file, or a PostgreSQL database that is
dropped and recreated (its name must contain "bench", so a real database is never touched).
Cooperatives are written with COPY on PostgreSQL and one executemany transaction on SQLite.
Columns come from the model's concrete fields, so fields added later are filled from their
defaults (or a synthetic value when required) without changing this module.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .synth import cooperative_rows

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/taavon_bench"
SEED = 1404


@dataclass(frozen=True)
class Scale:
    name: str
    cooperatives: int
    synthetic_counties_per_province: int
    requests: int  # default N per endpoint


SCALES = {
    "small": Scale("small", 200, 0, 2000),
    "lorestan": Scale("lorestan", 3_000, 0, 2000),
    "national": Scale("national", 100_000, 14, 1000),
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
    with _step(report, "insert cooperatives"):
        report.method = _insert(columns, rows)
    report.bare_insert_seconds = _insert_into_bare_copy(columns, rows)
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
    from django.db import connection

    from taavon.registry.models import Cooperative

    quote = connection.ops.quote_name
    source, bare = quote(Cooperative._meta.db_table), quote("bench_bare_cooperative")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {bare}")
        if connection.vendor == "postgresql":  # a logged table, like the real one
            cursor.execute(
                f"CREATE TABLE {bare} (LIKE {source} INCLUDING DEFAULTS INCLUDING IDENTITY)"
            )
        else:
            cursor.execute(f"CREATE TABLE {bare} AS SELECT * FROM {source} WHERE 0")
    started = time.perf_counter()
    _insert(columns, rows, table="bench_bare_cooperative")
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {bare}")
    return seconds


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
