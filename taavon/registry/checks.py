"""System checks for what the registry needs from its database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.checks import CheckMessage, Error, Tags, register
from django.db import DatabaseError, connections


@register(Tags.database)
def trigram_works_for_persian(
    app_configs: Sequence[Any] | None = None,
    databases: Iterable[str] | None = None,
    **kwargs: Any,
) -> list[CheckMessage]:
    """pg_trgm finds no trigrams in Persian on a database whose LC_CTYPE is not UTF-8 (e.g.
    'C'): name similarity and search would silently find nothing. Runs with ``migrate`` and
    ``check --database default``."""
    messages: list[CheckMessage] = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT datctype FROM pg_database WHERE datname = current_database()"
                )
                (ctype,) = cursor.fetchone() or ("",)
                cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
                installed = cursor.fetchone() is not None
                trigrams = 1
                if installed:
                    cursor.execute("SELECT cardinality(show_trgm(%s))", ["تعاونی"])
                    (trigrams,) = cursor.fetchone() or (0,)
        except DatabaseError:
            continue  # the connection checks report an unreachable database
        normalized = str(ctype).lower().replace("-", "")
        if not trigrams or ("utf8" not in normalized and not installed):
            messages.append(
                Error(
                    f"Database {alias!r} has LC_CTYPE {ctype!r}: pg_trgm makes no trigrams of "
                    "Persian letters there, so similar-name checks and registry search miss.",
                    hint="Create the database with a UTF-8 ctype, e.g. "
                    "CREATE DATABASE taavon TEMPLATE template0 LC_CTYPE 'C.UTF-8' "
                    "LC_COLLATE 'C.UTF-8' ENCODING 'UTF8'.",
                    id="registry.E001",
                )
            )
    return messages
