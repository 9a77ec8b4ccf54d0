"""The system check that refuses a PostgreSQL database where pg_trgm cannot read Persian."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from django.db import connection

from taavon.registry import checks

pytestmark = pytest.mark.django_db

C_DATABASE = "taavon_check_c_ctype"


def _admin(settings_dict: dict[str, Any]) -> psycopg.Connection[Any]:
    return psycopg.connect(
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture
def c_ctype_wrapper() -> Iterator[Any]:
    """A real connection to a database created with LC_CTYPE 'C' and pg_trgm installed."""
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL check")
    from django.db.backends.postgresql.base import DatabaseWrapper

    settings_dict = dict(connection.settings_dict)
    with _admin(settings_dict) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {C_DATABASE}")
        admin.execute(
            f"CREATE DATABASE {C_DATABASE} TEMPLATE template0 ENCODING 'UTF8' "
            "LC_CTYPE 'C' LC_COLLATE 'C'"
        )
    wrapper = DatabaseWrapper({**settings_dict, "NAME": C_DATABASE}, alias="c_ctype")
    with wrapper.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    yield wrapper
    wrapper.close()
    with _admin(settings_dict) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {C_DATABASE}")


def test_the_test_database_passes() -> None:
    assert checks.trigram_works_for_persian(databases=["default"]) == []


def test_no_databases_asked_nothing_checked() -> None:
    assert checks.trigram_works_for_persian(databases=None) == []


def test_a_c_ctype_database_is_an_error(
    c_ctype_wrapper: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "connections", {"c_ctype": c_ctype_wrapper})
    (error,) = checks.trigram_works_for_persian(databases=["c_ctype"])
    assert error.id == "registry.E001"
    assert "'C'" in error.msg and "UTF-8" in (error.hint or "")
