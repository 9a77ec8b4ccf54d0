"""The public registry: search registered cooperatives, read one cooperative's public page,
and the rule profiles in force.

Only cooperatives in a public status (registered: active, inactive, under liquidation,
dissolved) are reachable here, whoever asks: the public registry is the same for everyone.
Only business data leaves this module, as explicit whitelisted rows: counts and totals, never
a member, a person or an officer.

Name search goes through `search_key` (ZWNJ, spaces, Arabic ي/ك and digit scripts do not
matter): the exact name first, then names containing the query, then names containing each
of its words in any order; on PostgreSQL, when fewer than a page of names contain the words,
also names similar to the query (typos: trigram similarity at least pg_trgm's default
threshold, 0.3, through the `%` operator), ranked by similarity.
Every condition can use the GIN trigram index on `name_key` (migration registry/0004), and
`django.contrib.postgres` need not be installed. SQLite has no trigrams: containment only.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Length
from django.utils.translation import gettext as _

from taavon.core.errors import ApplicationError, NotFoundError
from taavon.geo.models import County, Province
from taavon.persian.text import normalize, search_key, to_latin_digits, to_persian_digits

from ..models import (
    ActivityKind,
    Cooperative,
    CooperativeStatus,
    CooperativeStatusChange,
    Membership,
    MembershipKind,
    MembershipStatus,
    Sector,
)
from ..policies import PUBLIC_STATUSES

EXPORT_LIMIT = 100_000
MAX_ID = 2**63 - 1
FILTER_PARAMS = (
    "q",
    "province",
    "county",
    "sector",
    "status",
    "legal_national_id",
    "registration_number",
)

# Exactly what a public row shows; nothing else is read from the database.
ROW_FIELDS = (
    "id",
    "name",
    "kind",
    "sector",
    "status",
    "registration_number",
    "registration_date",
    "legal_national_id",
    "county_id",
    "county__slug",
    "county__name_fa",
    "county__name_en",
    "county__province__code",
    "county__province__name_fa",
    "county__province__name_en",
)


class InvalidFilter(ApplicationError):
    """A search parameter that cannot be understood (unknown status, county, ...)."""

    status_code = 422


# --- filters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicFilters:
    q: str = ""
    key: str = ""
    province_id: int | None = None
    county_ids: tuple[int, ...] = ()
    sector: str = ""
    status: str = ""
    legal_national_id: str = ""
    registration_number: str = ""


def _text(params: Mapping[str, Any], name: str) -> str:
    value = params.get(name)
    return normalize(str(value)) if value is not None else ""


def _as_id(text: str) -> int | None:
    """An id typed in any digit script; None if it is not one (or cannot exist)."""
    text = to_latin_digits(text)
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= MAX_ID:
        return None
    return int(text)


def _province(value: str, errors: dict[str, list[str]]) -> int | None:
    code, pk = value.upper(), _as_id(value)
    lookup = Q(pk=pk) if pk is not None else Q(code=code)
    found = Province.objects.filter(lookup).values_list("pk", flat=True).first()
    if found is None:
        errors["province"] = [_("استان ناشناخته است.")]
    return found


def _counties(value: str, province_id: int | None, errors: dict[str, list[str]]) -> tuple[int, ...]:
    """A county by id or slug (slugs are unique per province only, so one may name several)."""
    pk = _as_id(value)
    qs = County.objects.filter(Q(pk=pk) if pk is not None else Q(slug=value.lower()))
    if province_id is not None:
        qs = qs.filter(province_id=province_id)
    ids = tuple(qs.values_list("pk", flat=True))
    if not ids:
        errors["county"] = [_("شهرستان ناشناخته است.")]
    return ids


def _choice(value: str, allowed: Iterable[str], name: str, errors: dict[str, list[str]]) -> str:
    if value and value not in set(allowed):
        errors[name] = [_("مقدار «%(value)s» مجاز نیست.") % {"value": value}]
        return ""
    return value


def public_filters(params: Mapping[str, Any]) -> PublicFilters:
    """Parse search parameters (from a query string or a form) into filters.

    Digits of any script are accepted in IDs; county by id or slug, province by id or ISO code.
    Raises `InvalidFilter` (422) with Persian messages per field.
    """
    errors: dict[str, list[str]] = {}
    q = _text(params, "q")
    province = _text(params, "province")
    province_id = _province(province, errors) if province else None
    county = _text(params, "county")
    county_ids = _counties(county, province_id, errors) if county else ()
    sector = _choice(_text(params, "sector"), Sector.values, "sector", errors)
    status = _choice(_text(params, "status"), PUBLIC_STATUSES, "status", errors)
    legal_id = to_latin_digits(_text(params, "legal_national_id")).replace(" ", "")
    if legal_id and not (legal_id.isascii() and legal_id.isdigit() and len(legal_id) == 11):
        errors["legal_national_id"] = [_("شناسه ملی باید ۱۱ رقم باشد.")]
    registration_number = to_latin_digits(_text(params, "registration_number"))
    if errors:
        raise InvalidFilter(_("پارامترهای جست‌وجو نامعتبر است."), fields=errors)
    return PublicFilters(
        q=q,
        key=search_key(q),
        province_id=province_id,
        county_ids=county_ids,
        sector=sector,
        status=status,
        legal_national_id=legal_id,
        registration_number=registration_number,
    )


# --- search ----------------------------------------------------------------------------------


def public_cooperatives() -> QuerySet[Cooperative]:
    """Every cooperative the public may see: registered ones, never those being founded."""
    return Cooperative.objects.filter(status__in=PUBLIC_STATUSES)


def cooperative_counts() -> dict[str, int]:
    """Active cooperatives and those being founded, country-wide (one aggregate query)."""
    totals = Cooperative.objects.aggregate(
        active=Count("pk", filter=Q(status=CooperativeStatus.ACTIVE)),
        founding=Count("pk", filter=Q(status=CooperativeStatus.FOUNDING)),
    )
    return {
        "active_cooperatives": totals["active"],
        "founding_cooperatives": totals["founding"],
    }


# Words in nearly every name: they tell names apart no better than noise, and their trigrams
# make index scans long (and steer the planner to a sequential scan).
NOISE_WORDS = frozenset({"شرکت", "تعاونی", "تعاونیها", "تعاونیهای"})
FUZZY_BELOW = 25
FUZZY_LIMIT = 50  # similar names added to a search, the closest first


def _significant_words(q: str) -> list[str]:
    """Search keys of the query's words that tell names apart, in the order typed. One-letter
    words are left out: they match nearly everything and have no trigram for the index."""
    keys = [search_key(word) for word in q.split()]
    return list(dict.fromkeys(k for k in keys if len(k) >= 2 and k not in NOISE_WORDS))


def _match_name(qs: QuerySet[Cooperative], q: str, key: str) -> QuerySet[Cooperative]:
    """Exact key first, then names containing the key, then names containing every word of
    the query in any order ("فرش دورود" finds "تعاونی فرش دستباف دورود"); on PostgreSQL, when
    those are few, names similar to the query's significant words (typos) by similarity."""
    words = _significant_words(q)
    contains = Q(name_key__contains=key)
    if not words:
        # Only words in every name ("تعاونی") or single letters: nothing to rank by, so the
        # names containing them in the browsing order (which avoids sorting ~every row).
        return qs.filter(contains).order_by("-id")
    # Every significant word is a part of the key, so a name containing the key contains them
    # all: filtering on the words alone finds the same names and spares the index the key's
    # long run of trigrams (which also tempts the planner into a sequential scan).
    every_word = Q(*[Q(name_key__contains=w) for w in words])
    rank = Case(
        When(name_key=key, then=Value(3)),
        When(contains, then=Value(2)),
        When(every_word, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    fuzzy_key = "".join(words)
    found = qs.filter(every_word)
    ordered = ("-rank", Length("name_key"), "id")
    if connection.vendor != "postgresql" or len(fuzzy_key) < 3:
        return found.alias(rank=rank).order_by(*ordered)
    # Similar names (typos) are added only when few names contain the words (one query, at most
    # FUZZY_BELOW rows): the trigram index returns every name sharing a few trigrams with the
    # query, and rechecking thousands of them for a broad query costs seconds on 100k rows
    # while adding nothing a reader would look at.
    if found[:FUZZY_BELOW].count() >= FUZZY_BELOW:
        return found.alias(rank=rank).order_by(*ordered)
    # Lookups used as expressions need no `django.contrib.postgres` in INSTALLED_APPS.
    from django.contrib.postgres.lookups import TrigramSimilar
    from django.contrib.postgres.search import TrigramSimilarity

    # The similar names are looked up once, here, and only the FUZZY_LIMIT closest are kept:
    # the trigram recheck is the costly part (it visits every name sharing a few trigrams), and
    # the page and its count would otherwise each repeat it.
    similarity = TrigramSimilarity("name_key", fuzzy_key)
    similar_ids = list(
        qs.filter(TrigramSimilar(F("name_key"), Value(fuzzy_key)))
        .exclude(every_word)
        .annotate(similarity=similarity)
        .order_by("-similarity", "id")
        .values_list("id", flat=True)[:FUZZY_LIMIT]
    )
    if not similar_ids:
        return found.alias(rank=rank).order_by(*ordered)
    # Similarity orders only the fuzzy matches; ties go to shorter (closer) names.
    fuzzy_score = Case(
        When(rank=0, then=similarity),
        default=Value(1.0),
        output_field=FloatField(),
    )
    return (
        qs.filter(every_word | Q(pk__in=similar_ids))
        .alias(rank=rank)
        .alias(fuzzy_score=fuzzy_score)
        .order_by("-rank", "-fuzzy_score", *ordered[1:])
    )


def public_search(filters: PublicFilters) -> QuerySet[Any]:
    """Matching registered cooperatives as dicts of `ROW_FIELDS`, best match first (newest
    entries first without a name); `public_rows` turns a page of them into `PublicRow`s with
    one more query for all member counts. On PostgreSQL a name query runs one small query here
    (at most FUZZY_BELOW rows) to decide whether similar names are added, and when they are,
    one more for the ids of the FUZZY_LIMIT closest."""
    qs = public_cooperatives()
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.sector:
        qs = qs.filter(sector=filters.sector)
    if filters.county_ids:
        qs = qs.filter(county_id__in=filters.county_ids)
    if filters.province_id is not None:
        qs = qs.filter(county__province_id=filters.province_id)
    if filters.legal_national_id:
        qs = qs.filter(legal_national_id=filters.legal_national_id)
    if filters.registration_number:
        number = filters.registration_number
        qs = qs.filter(registration_number__in={number, to_persian_digits(number)})
    # Without a name: newest entries first, along the primary key. A page then costs under a
    # millisecond on 100k rows, where a registration-date or Persian alphabetical order (ICU
    # collation; code-point order puts ک and گ after ه) would sort every row without an index.
    qs = _match_name(qs, filters.q, filters.key) if filters.key else qs.order_by("-id")
    return qs.values(*ROW_FIELDS)


# --- rows ------------------------------------------------------------------------------------


def _label(choices: Any, code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return code


@dataclass(frozen=True)
class PublicRow:
    """One cooperative in search results and exports: business data only."""

    id: int
    name: str
    kind: str
    sector: str
    status: str
    registration_number: str
    registration_date: datetime.date | None
    legal_national_id: str | None
    county_id: int
    county_slug: str
    county_name_fa: str
    county_name_en: str
    province_code: str
    province_name_fa: str
    province_name_en: str
    member_count: int

    @property
    def kind_label(self) -> str:
        return _label(ActivityKind, self.kind)

    @property
    def sector_label(self) -> str:
        return _label(Sector, self.sector)

    @property
    def status_label(self) -> str:
        return _label(CooperativeStatus, self.status)

    @property
    def county_name(self) -> str:
        return self.county_name_fa if _persian() else self.county_name_en

    @property
    def province_name(self) -> str:
        return self.province_name_fa if _persian() else self.province_name_en


def _persian() -> bool:
    from taavon.persian.language import is_persian

    return is_persian()


def member_counts(cooperative_ids: Iterable[int]) -> dict[int, int]:
    """Current members per cooperative, in one aggregate query."""
    ids = list(cooperative_ids)
    if not ids:
        return {}
    rows = (
        Membership.objects.filter(cooperative_id__in=ids, status=MembershipStatus.MEMBER)
        .values("cooperative_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["cooperative_id"]: row["n"] for row in rows}


def _row(values: Mapping[str, Any], member_count: int) -> PublicRow:
    return PublicRow(
        id=values["id"],
        name=values["name"],
        kind=values["kind"],
        sector=values["sector"],
        status=values["status"],
        registration_number=values["registration_number"],
        registration_date=values["registration_date"],
        legal_national_id=values["legal_national_id"],
        county_id=values["county_id"],
        county_slug=values["county__slug"],
        county_name_fa=values["county__name_fa"],
        county_name_en=values["county__name_en"],
        province_code=values["county__province__code"],
        province_name_fa=values["county__province__name_fa"],
        province_name_en=values["county__province__name_en"],
        member_count=member_count,
    )


def public_rows(values: Iterable[Mapping[str, Any]]) -> list[PublicRow]:
    """Rows of `public_search` (e.g. one page) with their member counts (one query)."""
    page = list(values)
    counts = member_counts(v["id"] for v in page)
    return [_row(v, counts.get(v["id"], 0)) for v in page]


def public_rows_iter(
    filters: PublicFilters, *, limit: int = EXPORT_LIMIT, chunk: int = 2000
) -> Iterator[PublicRow]:
    """Up to `limit` rows for an export, streamed: one member-count query per `chunk` rows."""
    batch: list[Mapping[str, Any]] = []
    for values in public_search(filters)[:limit].iterator(chunk_size=chunk):
        batch.append(values)
        if len(batch) >= chunk:
            yield from public_rows(batch)
            batch = []
    yield from public_rows(batch)


# --- one cooperative -------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusEvent:
    status: str
    at: datetime.datetime

    @property
    def status_label(self) -> str:
        return _label(CooperativeStatus, self.status)


@dataclass(frozen=True)
class PublicCooperative(PublicRow):
    """A cooperative's public page: its office's contact data, activity and status history; no
    person appears. `capital.selectors.public` adds the aggregate capital."""

    membership_kind: str = ""
    special_group: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    activity: str = ""
    status_history: list[StatusEvent] = field(default_factory=list)

    @property
    def membership_kind_label(self) -> str:
        return _label(MembershipKind, self.membership_kind)


DETAIL_FIELDS = (
    *ROW_FIELDS,
    "membership_kind",
    "special_group",
    "address",
    "postcode",
    "phone",
    "activity",
)


def public_cooperative(cooperative_id: int) -> PublicCooperative:
    """The public page of a registered cooperative; NotFoundError for unknown or founding ones."""
    if not 0 < cooperative_id <= MAX_ID:  # cannot exist (and SQLite would overflow)
        raise NotFoundError()
    values = public_cooperatives().filter(pk=cooperative_id).values(*DETAIL_FIELDS).first()
    if values is None:
        raise NotFoundError()
    row = _row(values, member_counts([cooperative_id]).get(cooperative_id, 0))
    history = [
        StatusEvent(status=to_status, at=at)
        for to_status, at in CooperativeStatusChange.objects.filter(
            cooperative_id=cooperative_id
        ).values_list("to_status", "at")
    ]
    return PublicCooperative(
        **row.__dict__,
        membership_kind=values["membership_kind"],
        special_group=values["special_group"],
        address=values["address"],
        postcode=values["postcode"],
        phone=values["phone"],
        activity=values["activity"],
        status_history=history,
    )
