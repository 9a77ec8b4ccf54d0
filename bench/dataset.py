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
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

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

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    @property
    def insert_rows_per_second(self) -> float:
        insert = self.seconds.get("insert cooperatives", 0.0)
        return self.cooperatives / insert if insert else 0.0


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
        rows, columns = _cooperative_rows(scale)
    with _step(report, "insert cooperatives"):
        report.method = _insert(columns, rows)
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


ACTIVITIES = (
    "کشاورزی", "دامداران", "فرش دستباف", "مصرف کارکنان", "مسکن مهر", "صنایع دستی", "عشایری",
    "زنان روستایی", "حمل و نقل", "خدمات فرهنگی", "معدنی", "آب‌بران", "زنبورداران", "تولیدی پوشاک",
)
STATUS_WEIGHTS = {"active": 70, "founding": 10, "inactive": 12, "liquidation": 5, "dissolved": 3}


def _cooperative_rows(scale: Scale) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Synthetic cooperatives spread over the counties by population, as DB-ready tuples."""
    from django.db import connection

    from taavon.geo.models import County
    from taavon.persian.text import normalize, search_key
    from taavon.registry.models import Cooperative

    rng = random.Random(SEED)
    counties = list(County.objects.order_by("pk").values_list("pk", "name_fa", "population_1395"))
    weights = [population or 100_000 for _, _, population in counties]
    chosen = rng.choices(counties, weights=weights, k=scale.cooperatives)
    statuses = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()),
                           k=scale.cooperatives)
    now = datetime.now(UTC)
    serial: dict[int, int] = {}

    def synthetic(i: int) -> dict[str, Any]:
        county_id, county_name, _ = chosen[i]
        serial[county_id] = serial.get(county_id, 0) + 1
        name = normalize(f"تعاونی {ACTIVITIES[i % len(ACTIVITIES)]} {county_name} {serial[county_id]}")
        status = statuses[i]
        return {
            "name": name,
            "name_key": search_key(name),
            "county_id": county_id,
            "status": status,
            "registration_number": "" if status == "founding" else str(100_000 + i),
            "created_at": now - timedelta(days=rng.randint(0, 7_300), seconds=rng.randint(0, 86_399)),
        }

    fields = [
        f for f in Cooperative._meta.concrete_fields
        if not (f.primary_key and f.get_internal_type().endswith("AutoField"))
    ]
    rows = []
    for i in range(scale.cooperatives):
        known = synthetic(i)
        rows.append(tuple(
            f.get_db_prep_save(known[f.attname] if f.attname in known else _fill(f, i), connection)
            for f in fields
        ))
    return rows, [f.column for f in fields]


def _fill(field: Any, i: int) -> Any:
    """A value for a column the builder does not know: its default, NULL, or a synthetic one."""
    if field.has_default():
        return field.get_default()
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return datetime.now(UTC)
    if field.null:
        return None
    kind = field.get_internal_type()
    if kind in {"CharField", "SlugField", "EmailField", "URLField"}:
        return f"b{i}"[: field.max_length]
    if kind == "TextField":
        return ""
    if kind.endswith("IntegerField"):
        return i
    if kind == "BooleanField":
        return False
    if kind == "DateTimeField":
        return datetime.now(UTC)
    if kind == "DateField":
        return datetime.now(UTC).date()
    if kind == "DecimalField":
        return 0
    if kind == "JSONField":
        return {}
    if field.is_relation:
        related = field.related_model._default_manager.order_by("pk").first()
        if related is None:
            raise SystemExit(f"bench: cannot fill required {field.name}: no {field.related_model}")
        return related.pk
    raise SystemExit(f"bench: cannot synthesise required field Cooperative.{field.name} ({kind})")


def _insert(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    from django.db import connection, transaction

    from taavon.registry.models import Cooperative

    quote = connection.ops.quote_name
    table = quote(Cooperative._meta.db_table)
    column_list = ", ".join(quote(c) for c in columns)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return "COPY"
        placeholders = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})", rows)
        return "executemany, one transaction"


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
