"""Synthetic cooperatives as database-ready rows, following the model's current columns.

Columns the builder knows get realistic values (names in each county, a status mix, sectors,
registration numbers and dates, valid legal national IDs); any other column gets its default,
NULL, or a synthetic value when it is required, so fields added to ``Cooperative`` later do not
break the benchmark.  Values that are the same for every row are prepared once.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

ACTIVITIES = (
    "کشاورزی",
    "دامداران",
    "فرش دستباف",
    "مصرف کارکنان",
    "مسکن مهر",
    "صنایع دستی",
    "عشایری",
    "زنان روستایی",
    "حمل و نقل",
    "خدمات فرهنگی",
    "معدنی",
    "آب‌بران",
    "زنبورداران",
    "تولیدی پوشاک",
)
STATUS_WEIGHTS = {"active": 70, "founding": 10, "inactive": 12, "liquidation": 5, "dissolved": 3}
_FIRST_RELATED: dict[str, Any] = {}
_LEGAL_ID_WEIGHTS = (29, 27, 23, 19, 17, 29, 27, 23, 19, 17)


def legal_national_id(i: int) -> str:
    """A valid, unique 11-digit legal national ID (شناسه ملی) for the i-th cooperative."""
    head = f"140{100_001 + i:06d}{i % 10}"
    offset = int(head[9]) + 2
    remainder = (
        sum((int(d) + offset) * w for d, w in zip(head, _LEGAL_ID_WEIGHTS, strict=True)) % 11
    )
    return head + str(0 if remainder == 10 else remainder)


def cooperative_rows(count: int, *, seed: int) -> tuple[list[tuple[Any, ...]], list[str]]:
    """``count`` cooperatives spread over all counties by population: (rows, column names)."""
    from django.db import connections

    from taavon.geo.models import County
    from taavon.persian.text import normalize, search_key
    from taavon.persian.validators import is_valid_legal_national_id
    from taavon.registry.models import Cooperative

    if not is_valid_legal_national_id(legal_national_id(0)):
        raise SystemExit("bench: the synthetic legal national IDs no longer validate")
    unknown_statuses = set(STATUS_WEIGHTS) - set(_choice_values(Cooperative, "status"))
    if unknown_statuses:
        raise SystemExit(f"bench: Cooperative.status no longer has {sorted(unknown_statuses)}")
    rng = random.Random(seed)
    counties = list(County.objects.order_by("pk").values_list("pk", "name_fa", "population_1395"))
    chosen = rng.choices(counties, weights=[p or 100_000 for *_, p in counties], k=count)
    statuses = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()), k=count)
    sectors = _choice_values(Cooperative, "sector")
    kinds = _choice_values(Cooperative, "kind")
    now = datetime.now(UTC)
    serial: dict[int, int] = {}
    prefixes: dict[tuple[int, int], tuple[str, str]] = {}

    def known(i: int) -> dict[str, Any]:
        county_id, county_name, _ = chosen[i]
        serial[county_id] = number = serial.get(county_id, 0) + 1
        activity = i % len(ACTIVITIES)
        if (county_id, activity) not in prefixes:
            prefix = normalize(f"تعاونی {ACTIVITIES[activity]} {county_name}")
            prefixes[county_id, activity] = (prefix, search_key(prefix))
        prefix, key = prefixes[county_id, activity]
        status = statuses[i]
        registered = status != "founding"
        created_at = now - timedelta(days=rng.randint(0, 7_300), seconds=rng.randint(0, 86_399))
        values = {
            # search_key keeps letters and digits only, so key + digits == search_key(name).
            "name": f"{prefix} {number}",
            "name_key": f"{key}{number}",
            "county_id": county_id,
            "status": status,
            "registration_number": str(100_000 + i) if registered else "",
            "registration_date": created_at.date() if registered else None,
            "legal_national_id": legal_national_id(i) if registered else None,
            "created_at": created_at,
            "updated_at": created_at,
        }
        if sectors:
            values["sector"] = sectors[i % len(sectors)]
        if kinds:
            values["kind"] = rng.choice(kinds)
        return values

    fields = [
        f
        for f in Cooperative._meta.concrete_fields
        if not (f.primary_key and f.get_internal_type().endswith("AutoField"))
    ]
    sample = known(0)
    serial.clear()
    connection = connections["default"]  # the real wrapper, not the thread-local proxy
    plan = [_plan(f, f.attname in sample, connection) for f in fields]
    rows = []
    for i in range(count):
        values = known(i)
        rows.append(tuple(make(values, i) for make in plan))
    return rows, [str(f.column) for f in fields]


def _choice_values(model: Any, name: str) -> list[str]:
    try:
        field = model._meta.get_field(name)
    except Exception:
        return []
    return [value for value, _label in (field.choices or [])]


def _plan(field: Any, is_known: bool, connection: Any) -> Callable[[dict[str, Any], int], Any]:
    """How one column gets its value: from the known values, per row, or one constant."""
    kind = field.get_internal_type()
    if is_known:
        name = field.attname
        if kind in {"DateField", "DateTimeField"}:
            return lambda values, i: field.get_db_prep_save(values[name], connection)
        return lambda values, i: values[name]
    if field.has_default() and callable(field.default):
        return lambda values, i: field.get_db_prep_save(field.get_default(), connection)
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        constant = field.get_db_prep_save(datetime.now(UTC), connection)
        return lambda values, i: constant
    # What Django itself would store for an unset field: the default, "" for text, else None.
    value = field.get_default()
    if (value is None and not field.null) or (
        field.unique and value is not None and not field.has_default()
    ):
        return lambda values, i: field.get_db_prep_save(_synthetic(field, i), connection)
    constant = field.get_db_prep_save(value, connection)
    return lambda values, i: constant


def _synthetic(field: Any, i: int) -> Any:
    """A unique-enough value for a required column that has no default."""
    kind = field.get_internal_type()
    if kind in {"CharField", "SlugField", "EmailField", "URLField", "TextField"}:
        return f"b{i}"[: field.max_length]
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
        if field.name not in _FIRST_RELATED:
            related = field.related_model._default_manager.order_by("pk").first()
            if related is None:
                raise SystemExit(f"bench: cannot fill {field.name}: no {field.related_model}")
            _FIRST_RELATED[field.name] = related.pk
        return _FIRST_RELATED[field.name]
    raise SystemExit(f"bench: cannot synthesise required field Cooperative.{field.name} ({kind})")
