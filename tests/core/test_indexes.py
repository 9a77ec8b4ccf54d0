"""The hot tables carry no index that another index already covers (each costs every insert)."""

from __future__ import annotations

import pytest
from django.db import connection

from taavon.capital.models import LedgerEntry
from taavon.registry.models import Membership

pytestmark = pytest.mark.django_db


def indexes(model: type) -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return {
        name: info["columns"]
        for name, info in constraints.items()
        if info.get("index") or info.get("unique")
    }


def leading(model: type, column: str) -> list[str]:
    return sorted(name for name, cols in indexes(model).items() if cols and cols[0] == column)


def test_membership_person_has_one_index() -> None:
    assert [cols for cols in indexes(Membership).values() if cols == ["person_id"]] == [
        ["person_id"]
    ]


def test_membership_cooperative_is_served_by_composites_only() -> None:
    on_cooperative = {
        name: indexes(Membership)[name] for name in leading(Membership, "cooperative_id")
    }
    assert on_cooperative and all(len(cols) > 1 for cols in on_cooperative.values())


@pytest.mark.parametrize("column", ["cooperative_id", "membership_id"])
def test_ledger_foreign_keys_are_served_by_composites_only(column: str) -> None:
    on_column = {name: indexes(LedgerEntry)[name] for name in leading(LedgerEntry, column)}
    assert on_column and all(len(cols) > 1 for cols in on_column.values())


def test_the_ledger_is_still_append_only_after_the_index_migration() -> None:
    # An AlterField on SQLite would rebuild the table and lose the triggers; the migration
    # drops the indexes in place instead.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name=%s",
                [LedgerEntry._meta.db_table],
            )
            assert cursor.fetchall()
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
                [LedgerEntry._meta.db_table],
            )
            assert cursor.fetchall()
