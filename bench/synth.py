"""Synthetic cooperatives as database-ready rows, following the model's current columns.

Columns the builder knows get realistic values (names in each county, a status mix, sectors,
registration numbers and dates, valid legal national IDs); any other column gets its default,
NULL, or a synthetic value when it is required, so fields added to ``Cooperative`` later do not
break the benchmark.  Values that are the same for every row are prepared once.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
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


# --- people and memberships ---------------------------------------------------------------
#
# Written as COPY text (tab-separated lines), generated in a stream: nothing holds all rows.
# People are a pure function of their index, so memberships can point at them by index.

_ID_MULTIPLIER = 387_420_489  # 3**18: coprime with 10**9, so index -> body is a bijection
_ID_OFFSET = 104_729
_ID_SPACE = 10**9
_ID_CHUNK_WEIGHTS = ((10, 9, 8), (7, 6, 5), (4, 3, 2))
# The weighted digit sum of each 3-digit chunk of the 9-digit body, per chunk position.
_ID_TABLES = tuple(
    [sum(int(d) * w for d, w in zip(f"{n:03d}", weights, strict=True)) for n in range(1000)]
    for weights in _ID_CHUNK_WEIGHTS
)
# Index ranges, disjoint so that IDs never collide: the dataset's people, then extra people an
# entry adds (imports, ledgers), each entry from its own block.
PEOPLE_BLOCK = 100_000_000


def national_id(index: int) -> str:
    """A valid, unique 10-digit person national ID (کد ملی) for ``0 <= index < 5 * 10**8``."""
    body = (index * _ID_MULTIPLIER + _ID_OFFSET) % _ID_SPACE
    if body % 111_111_111 == 0:  # a repeated digit (e.g. 111111111x) is never valid
        body = ((_ID_SPACE - 1 - index) * _ID_MULTIPLIER + _ID_OFFSET) % _ID_SPACE
    high, rest = divmod(body, 1_000_000)
    middle, low = divmod(rest, 1000)
    remainder = (_ID_TABLES[0][high] + _ID_TABLES[1][middle] + _ID_TABLES[2][low]) % 11
    return f"{body:09d}{remainder if remainder < 2 else 11 - remainder}"


def copy_text(value: Any) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_columns(model: Any, known: list[str]) -> tuple[list[str], str]:
    """The columns to COPY (``known`` first, then every other non-key column) and the COPY
    text of those others, which get their default: a column added to the model later keeps
    the generator working, or stops it with a clear message if it is required."""
    from django.db import connections

    connection = connections["default"]
    extra: list[str] = []
    values: list[str] = []
    for field in model._meta.concrete_fields:
        if field.column in known or field.attname in known or field.primary_key:
            continue
        value: Any
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = datetime.now(UTC)
        elif field.has_default():
            value = field.get_default()
        elif field.null:
            value = None
        elif field.get_internal_type() in {"CharField", "TextField"} and not field.unique:
            value = ""
        else:
            raise SystemExit(f"bench: cannot fill required {model.__name__}.{field.name}")
        extra.append(str(field.column))
        values.append(copy_text(field.get_db_prep_save(value, connection)))
    return known + extra, "".join("\t" + v for v in values)


PERSON_COLUMNS = [
    "id",
    "national_id",
    "first_name",
    "last_name",
    "father_name",
    "birth_date",
    "gender",
    "mobile",
]
_MOBILE_PREFIXES = ("912", "913", "916", "917", "935", "901", "990", "936", "918", "919")


@functools.cache
def _person_tables() -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(first name, gender) pairs, fathers' names, and birth dates (1940-1989) as COPY text."""
    from taavon.demo.synthetic import FEMALE, FIRST_NAMES

    firsts = [(name, "female" if name in FEMALE else "male") for name in FIRST_NAMES]
    fathers = [name for name in FIRST_NAMES if name not in FEMALE]
    births = [(date(1940, 1, 1) + timedelta(days=d)).isoformat() for d in range(0, 18_250, 7)]
    return firsts, fathers, births


_MASK64 = (1 << 64) - 1
_MIX_A, _MIX_B = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9  # splitmix64's constants


def person_lines(first_id: int, start: int, count: int, *, seed: int) -> Iterator[str]:
    """COPY lines of ``count`` people with indexes ``start ..``, ids ``first_id + index``.

    Every detail is a function of the index and the seed alone, not of where a run starts, so
    person ``i`` generated again later (an import file naming people already in the dataset)
    has the same names, father's name and birth date the dataset stored."""
    from taavon.demo.synthetic import LAST_NAMES
    from taavon.registry.models import Person

    _columns, tail = copy_columns(Person, PERSON_COLUMNS)
    firsts, fathers, births = _person_tables()
    salt = (seed * _MIX_B) & _MASK64
    for index in range(start, start + count):
        x = (index * _MIX_A + salt) & _MASK64
        x ^= x >> 31
        r = ((x * _MIX_B) & _MASK64) >> 16  # 48 well-mixed bits
        first, gender = firsts[r % len(firsts)]
        r //= 64
        last = LAST_NAMES[r % len(LAST_NAMES)]
        r //= 64
        father = fathers[r % len(fathers)] if r % 5 else ""
        r //= 64
        birth = births[r % len(births)] if r % 9 else "\\N"
        r //= 4096
        mobile = (
            f"+98{_MOBILE_PREFIXES[r % 10]}{(index * 7_919 + r) % 10_000_000:07d}"
            if r % 10 < 7
            else ""
        )
        yield (
            f"{first_id + index}\t{national_id(index)}\t{first}\t{last}\t{father}\t{birth}"
            f"\t{gender}\t{mobile}{tail}\n"
        )


MEMBERSHIP_COLUMNS = [
    "cooperative_id",
    "person_id",
    "register_number",
    "joined_on",
    "status",
    "exit_date",
    "is_founder",
]
FOUNDERS = 7
# Exits among a cooperative's register: (status, cumulative share of rows).
EXIT_MIX = (("member", 0.86), ("resigned", 0.95), ("expelled", 0.98), ("deceased", 1.0))


@dataclass(frozen=True)
class Register:
    """One cooperative's register to generate: its id, size and when members joined."""

    cooperative_id: int
    size: int
    opened: date  # registration (or founding) date: the founders' join date


def membership_sizes(
    statuses: list[str], caps: list[int | None], total: int, *, seed: int
) -> list[int]:
    """Skewed register sizes summing to ``total``: most cooperatives have a few dozen members,
    a few have tens of thousands (a log-normal tail, median ~45, mean ~140 at 14M/100k).
    Cooperatives still being founded have no members yet (their founders are not members
    until registration); a sector's ``max_members`` (rule profile) is never exceeded."""
    rng = random.Random(seed)
    raw = [
        0.0 if status == "founding" else FOUNDERS + rng.lognormvariate(3.6, 1.6)
        for status in statuses
    ]
    fixed: dict[int, int] = {}  # index -> size held at its cap
    for _round in range(5):  # scale the rest to the total, re-checking the caps
        free = sum(r for i, r in enumerate(raw) if r and i not in fixed)
        factor = max(total - sum(fixed.values()), 0) / free if free else 0.0
        over = {
            i: cap
            for i, (r, cap) in enumerate(zip(raw, caps, strict=True))
            if r and cap and i not in fixed and r * factor > cap
        }
        if not over:
            break
        fixed.update(over)
    sizes = [
        fixed[i] if i in fixed else (max(FOUNDERS, round(r * factor)) if r else 0)
        for i, r in enumerate(raw)
    ]
    # Rounding leaves a small difference: spread it one by one over the largest free registers.
    order = sorted((i for i, r in enumerate(raw) if r and i not in fixed), key=lambda i: -sizes[i])
    diff = total - sum(sizes)
    step = 1 if diff > 0 else -1
    position = idle = 0
    while diff and order and idle < len(order):
        i = order[position % len(order)]
        position += 1
        cap = caps[i]
        if step < 0 and sizes[i] <= FOUNDERS or (cap and sizes[i] + step > cap):
            idle += 1
            continue
        sizes[i] += step
        diff -= step
        idle = 0
    if diff:
        raise SystemExit(f"bench: cannot spread {total:,} memberships over these cooperatives")
    return sizes


class MembershipStream:
    """COPY lines of every register, in register order, with each membership's person chosen
    so that exactly ``persons`` people are used: a slot takes a new person with probability
    (new people left / slots left), otherwise someone already in another cooperative
    (selection sampling: the count comes out exact without holding the slots in memory)."""

    def __init__(
        self,
        registers: list[Register],
        *,
        persons: int,
        first_person_id: int,
        today: date,
        seed: int,
    ) -> None:
        self.registers = registers
        self.persons = persons
        self.first_person_id = first_person_id
        self.today = today
        self.seed = seed
        self.slots = sum(r.size for r in registers)
        if not 0 < persons <= self.slots:
            raise SystemExit(f"bench: {persons} people cannot fill {self.slots} memberships")

    def lines(self) -> Iterator[str]:
        from taavon.registry.models import Membership

        _columns, tail = copy_columns(Membership, MEMBERSHIP_COLUMNS)
        rng = random.Random(self.seed)
        rand = rng.random
        base = self.first_person_id
        days: dict[int, str] = {}  # ordinal -> ISO text, shared by all rows
        today = self.today.toordinal()
        new_left, slots_left, next_new = self.persons, self.slots, 0
        for register in self.registers:
            coop = register.cooperative_id
            opened = min(register.opened.toordinal(), today)
            span = today - opened
            first_here = next_new  # people from here on are new in this register
            repeated: set[int] = set()
            for number in range(1, register.size + 1):
                pool = first_here - len(repeated)  # earlier people not yet in this register
                if new_left and (pool < 2 or rand() * slots_left < new_left):
                    person = next_new
                    next_new += 1
                    new_left -= 1
                else:
                    if pool < 1:
                        raise SystemExit("bench: not enough people for the memberships")
                    person = int(rand() * first_here)
                    while person in repeated:
                        person = int(rand() * first_here)
                    repeated.add(person)
                slots_left -= 1
                founder = number <= FOUNDERS
                joined = opened if founder else opened + span * number // (register.size + 1)
                joined_text = days.get(joined) or days.setdefault(
                    joined, date.fromordinal(joined).isoformat()
                )
                u = rand()
                if founder or u < EXIT_MIX[0][1]:
                    status, left = "member", "\\N"
                else:
                    status = next(s for s, share in EXIT_MIX if u < share)
                    gone = joined + int((today - joined) * rand())
                    left = days.get(gone) or days.setdefault(
                        gone, date.fromordinal(gone).isoformat()
                    )
                yield (
                    f"{coop}\t{base + person}\t{number}\t{joined_text}\t{status}\t{left}"
                    f"\t{'t' if founder else 'f'}{tail}\n"
                )
        if next_new != self.persons:
            raise SystemExit(f"bench: used {next_new} people, expected {self.persons}")
