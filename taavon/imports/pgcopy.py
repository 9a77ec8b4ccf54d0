"""PostgreSQL COPY for imports: people through a temporary table (so known people are matched
and blanks filled in one statement each), memberships and ledger entries straight into their
tables with ids drawn from the sequences in one round trip."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from taavon.capital.models import LedgerEntry
from taavon.imports.parse import MemberRow, Progress
from taavon.registry.models import Cooperative, Membership, MembershipStatus, Person

TEMP = "taavon_import_people"
PEOPLE_COLUMNS = (
    "national_id",
    "first_name",
    "last_name",
    "father_name",
    "birth_date",
    "gender",
    "mobile",
)
PROGRESS_EVERY = 5000


def _copy(
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    progress: Progress | None = None,
    total: int | None = None,
) -> None:
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for index, row in enumerate(rows, start=1):
            copy.write_row(row)
            if progress and index % PROGRESS_EVERY == 0:
                progress(index, total)


def _ids(model: type[Model], count: int) -> list[int]:
    """`count` fresh primary keys from the table's identity sequence, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return [row[0] for row in cursor.fetchall()]


class CopyWriter:
    def people(self, rows: Sequence[MemberRow]) -> dict[str, int]:
        person = Person._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{TEMP}")
            cursor.execute(
                f"CREATE TEMP TABLE {TEMP} (national_id varchar(10) PRIMARY KEY, "
                "first_name varchar(100), last_name varchar(100), father_name varchar(100), "
                "birth_date date, gender varchar(6), mobile varchar(13)) ON COMMIT DROP"
            )
        _copy(TEMP, PEOPLE_COLUMNS, ([getattr(r, c) for c in PEOPLE_COLUMNS] for r in rows))
        with connection.cursor() as cursor:
            # Known people keep their details; only their blank ones are filled.
            cursor.execute(
                f"""UPDATE {person} p SET
                    father_name = CASE WHEN p.father_name = '' THEN t.father_name
                                       ELSE p.father_name END,
                    birth_date = COALESCE(p.birth_date, t.birth_date),
                    gender = CASE WHEN p.gender = '' THEN t.gender ELSE p.gender END,
                    mobile = CASE WHEN p.mobile = '' THEN t.mobile ELSE p.mobile END
                FROM {TEMP} t
                WHERE p.national_id = t.national_id AND (
                    (p.father_name = '' AND t.father_name <> '')
                    OR (p.birth_date IS NULL AND t.birth_date IS NOT NULL)
                    OR (p.gender = '' AND t.gender <> '') OR (p.mobile = '' AND t.mobile <> ''))"""
            )
            cursor.execute(
                f"""INSERT INTO {person} ({", ".join(PEOPLE_COLUMNS)}, created_at)
                SELECT {", ".join(PEOPLE_COLUMNS)}, %s FROM {TEMP}
                ON CONFLICT (national_id) DO NOTHING""",
                [timezone.now()],
            )
            cursor.execute(
                f"SELECT t.national_id, p.id FROM {TEMP} t JOIN {person} p USING (national_id)"
            )
            return dict(cursor.fetchall())

    def memberships(
        self,
        cooperative: Cooperative,
        admitted: Sequence[tuple[int, datetime.date]],
        progress: Progress | None,
    ) -> list[tuple[int, int]]:
        """Numbered on from the cooperative's counter, as `admit_locked` does, which the
        caller's checks under the same lock stand in for (already a member, maximum)."""
        start = cooperative.last_register_number
        ids = _ids(Membership, len(admitted))
        now = timezone.now()
        numbered = [(ids[i], start + i + 1) for i in range(len(admitted))]
        columns = (
            "id",
            "cooperative_id",
            "person_id",
            "register_number",
            "joined_on",
            "status",
            "exit_reason",
            "is_founder",
            "created_at",
        )
        _copy(
            Membership._meta.db_table,
            columns,
            (
                (
                    pk,
                    cooperative.pk,
                    person_id,
                    number,
                    joined_on,
                    MembershipStatus.MEMBER.value,
                    "",
                    False,
                    now,
                )
                for (pk, number), (person_id, joined_on) in zip(numbered, admitted, strict=True)
            ),
            progress,
            len(admitted),
        )
        cooperative.last_register_number = start + len(admitted)
        cooperative.save(update_fields=["last_register_number", "updated_at"])
        return numbered

    def entries(self, entries: Sequence[dict[str, object]]) -> None:
        if not entries:
            return
        columns = list(entries[0])  # attnames of LedgerEntry, which are its column names
        _copy(LedgerEntry._meta.db_table, columns, ([e[c] for c in columns] for e in entries))
