"""People: one record per national ID, shared by every cooperative that admits the person.

What was typed must match what is stored (`identity_mismatch`); the message never says what is
stored. `people_for_admission` does the same for a whole member list in a fixed number of
statements (COPY through a temporary table on PostgreSQL).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.core.bulk import chunk_size, copy_rows, uses_copy
from taavon.core.errors import ApplicationError, check_field
from taavon.persian.text import normalize, search_key
from taavon.persian.validators import (
    normalize_mobile,
    normalize_national_id,
    validate_mobile,
    validate_national_id,
)

from ..models import Person

OPTIONAL_FIELDS = ("father_name", "birth_date", "gender", "mobile")
PERSON_FIELDS = ("national_id", "first_name", "last_name", *OPTIONAL_FIELDS)


@dataclass(frozen=True)
class PersonData:
    national_id: str
    first_name: str
    last_name: str
    father_name: str = ""
    birth_date: datetime.date | None = None
    gender: str = ""
    mobile: str = ""


def clean_person(data: PersonData) -> PersonData:
    """Validate and normalise; ApplicationError (Persian, naming the field) on bad input."""
    check_field("national_id", validate_national_id, data.national_id)
    if data.mobile:
        check_field("mobile", validate_mobile, data.mobile)
    first, last = normalize(data.first_name), normalize(data.last_name)
    if not first or not last:
        raise ApplicationError(
            _("نام و نام خانوادگی لازم است."),
            code="invalid",
            fields={"first_name" if not first else "last_name": []},
        )
    if data.gender not in ("", "female", "male"):
        raise ApplicationError(_("جنسیت نامعتبر است."), code="invalid", fields={"gender": []})
    return PersonData(
        national_id=normalize_national_id(data.national_id),
        first_name=first,
        last_name=last,
        father_name=normalize(data.father_name),
        birth_date=data.birth_date,
        gender=data.gender,
        mobile=normalize_mobile(data.mobile) if data.mobile else "",
    )


def identity_mismatch(person: Person, typed: Any) -> list[str]:
    """The fields in which what was typed contradicts the stored person with that national ID:
    the names always, the father's name and birth date when both sides give one (compared by
    search key, so Arabic letters, digits and ZWNJ do not matter)."""
    fields = [
        f
        for f in ("first_name", "last_name")
        if search_key(getattr(person, f)) != search_key(getattr(typed, f))
    ]
    if (
        person.father_name
        and typed.father_name
        and search_key(person.father_name) != search_key(typed.father_name)
    ):
        fields.append("father_name")
    if person.birth_date and typed.birth_date and person.birth_date != typed.birth_date:
        fields.append("birth_date")
    return fields


def identity_mismatch_message() -> str:
    # Says that the details do not match, never what is stored: a national ID typed by someone
    # else must not reveal that person's name, mobile or birth date.
    return _("مشخصات واردشده با مشخصات ثبت‌شده برای این کد ملی یکسان نیست.")


def person_get_or_create(data: PersonData) -> Person:
    """The person with this national ID: the typed names must match the stored ones (see
    `identity_mismatch`); blank details are filled, known ones kept."""
    data = clean_person(data)
    person, created = Person.objects.get_or_create(
        national_id=data.national_id,
        defaults={k: v for k, v in data.__dict__.items() if k != "national_id"},
    )
    if not created and (mismatch := identity_mismatch(person, data)):
        raise ApplicationError(
            identity_mismatch_message(),
            code="identity_mismatch",
            fields={"national_id": [identity_mismatch_message()], **{f: [] for f in mismatch}},
        )
    if not created:
        missing = {k: v for k, v in data.__dict__.items() if v and not getattr(person, k)}
        if missing:
            for key, value in missing.items():
                setattr(person, key, value)
            person.save(update_fields=list(missing))
    return person


def people_for_admission(rows: Sequence[PersonData]) -> dict[str, int]:
    """The ids of the people of a list already cleaned and checked against the stored ones
    (national ID → id): new people are inserted, known ones keep their details and only their
    blanks are filled. A person created meanwhile by another transaction is matched, not
    duplicated (ON CONFLICT)."""
    if uses_copy(len(rows)):
        return _people_copy(rows)
    ids: dict[str, int] = {}
    step = chunk_size()
    for start in range(0, len(rows), step):
        ids.update(_people_chunk(rows[start : start + step]))
    return ids


def _people_chunk(rows: Sequence[PersonData]) -> dict[str, int]:
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
            new.append(Person(**asdict(row)))
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


TEMP = "taavon_people_in"


def _people_copy(rows: Sequence[PersonData]) -> dict[str, int]:
    """PostgreSQL: the list into a temporary table shaped like the people table (no hard-coded
    column types), then one UPDATE for the blanks, one INSERT for the new, one SELECT."""
    table = connection.ops.quote_name(Person._meta.db_table)
    columns = [str(Person._meta.get_field(f).column) for f in PERSON_FIELDS]  # type: ignore[union-attr]
    listed = ", ".join(columns)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{TEMP}")
        cursor.execute(
            f"CREATE TEMP TABLE {TEMP} ON COMMIT DROP AS SELECT {listed} FROM {table} WITH NO DATA"
        )
    copy_rows(TEMP, columns, ([getattr(r, f) for f in PERSON_FIELDS] for r in rows))
    blank_fill = ", ".join(
        f"{c} = COALESCE(p.{c}, t.{c})"
        if f == "birth_date"
        else f"{c} = CASE WHEN p.{c} = '' THEN t.{c} ELSE p.{c} END"
        for f, c in zip(PERSON_FIELDS, columns, strict=True)
        if f in OPTIONAL_FIELDS
    )
    any_blank = " OR ".join(
        f"(p.{c} IS NULL AND t.{c} IS NOT NULL)"
        if f == "birth_date"
        else f"(p.{c} = '' AND t.{c} <> '')"
        for f, c in zip(PERSON_FIELDS, columns, strict=True)
        if f in OPTIONAL_FIELDS
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} p SET {blank_fill} FROM {TEMP} t "
            f"WHERE p.national_id = t.national_id AND ({any_blank})"
        )
        cursor.execute(
            f"INSERT INTO {table} ({listed}, created_at) SELECT {listed}, %s FROM {TEMP} "
            "ON CONFLICT (national_id) DO NOTHING",
            [timezone.now()],
        )
        cursor.execute(
            f"SELECT t.national_id, p.id FROM {TEMP} t JOIN {table} p USING (national_id)"
        )
        return dict(cursor.fetchall())


__all__ = [
    "PersonData",
    "clean_person",
    "identity_mismatch",
    "identity_mismatch_message",
    "people_for_admission",
    "person_get_or_create",
]
