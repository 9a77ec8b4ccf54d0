"""EXPLAIN (ANALYZE, BUFFERS) of the registry's hot queries on a bench database, as Markdown.

Run after a bench run (the database stays until the next one), e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/taavon_bench \\
        .venv/bin/python -m bench.entries.registry_explain national \\
        > bench/results/national-postgres-explain.md

The SQL is what the endpoints run, captured in-process as the search entry captures it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

BENCH_PREFIX = "تعاونی سنجش"  # the entries' own cooperatives
DETAILED = ("exact name", "typo", "one broad word")


def _capture(func: Callable[[], object]) -> list[tuple[str, Any]]:
    from django.db import connection

    statements: list[tuple[str, Any]] = []

    def capture(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        func()
    return statements


def _getter(path: str) -> Callable[[], object]:
    from django.test import Client

    return lambda: Client().get(path)


def _milliseconds(sql: str, params: Any) -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
        return float(cursor.fetchone()[0][0]["Execution Time"])


def _plan(title: str, sql: str, params: Any) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        text = cursor.cursor.mogrify(sql, params)
    return f"### {title}\n\n```sql\n{text}\n```\n\n```\n{plan}\n```\n"


def report(scale: str) -> str:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from taavon.capital.models import LedgerEntry
    from taavon.capital.selectors import member_balances
    from taavon.registry.models import Cooperative
    from taavon.registry.policies import PUBLIC_STATUSES

    from .registry import SEARCH, _search_terms

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM registry_cooperative")
        cooperatives = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM registry_membership")
        memberships = cursor.fetchone()[0]
    summary = ["| request | statement | execution ms |", "|---|---|---:|"]
    plans: list[str] = []
    for label, term in _search_terms():
        path = f"{SEARCH}?q={quote(term)}"
        for number, (sql, params) in enumerate(_capture(_getter(path)), 1):
            head = sql[:60].replace("|", "/")
            summary.append(
                f"| search «{term}» | {number}: {head}… | {_milliseconds(sql, params):.1f} |"
            )
            if label in DETAILED:
                plans.append(_plan(f"search «{term}» ({label}), statement {number}", sql, params))
    largest = (
        Cooperative.objects.filter(status__in=PUBLIC_STATUSES)
        .exclude(name__startswith=BENCH_PREFIX)
        .order_by("-last_register_number", "pk")
        .values_list("pk", "last_register_number")
        .first()
    )
    if largest:
        record = f"{SEARCH}/{largest[0]}"
        for number, (sql, params) in enumerate(_capture(lambda: Client().get(record)), 1):
            summary.append(
                f"| record of the largest register ({largest[1]:,}) | {number}: {sql[:60]}… "
                f"| {_milliseconds(sql, params):.1f} |"
            )
            if "registry_membership" in sql:
                title = f"public record of the largest register ({largest[1]:,}): member count"
                plans.append(_plan(title, sql, params))
    ledger = (
        LedgerEntry.objects.values("cooperative_id")
        .order_by()
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if ledger:
        coop, entries = ledger["cooperative_id"], ledger["n"]
        for sql, params in _capture(lambda: Client().get(f"{SEARCH}/{coop}")):
            if "capital_ledgerentry" in sql:
                title = f"public record of a cooperative with {entries:,} ledger entries: capital"
                plans.append(_plan(title, sql, params))
        sql, params = _capture(lambda: member_balances(coop))[0]
        title = (
            f"member_balances(cooperative) on a ledger of {entries:,} entries "
            "(capital_subscribe runs it on every call)"
        )
        plans.append(_plan(title, sql, params))
    head = (
        f"# EXPLAIN of the registry's hot queries, `{scale}` dataset\n\n"
        f"{cooperatives:,} cooperatives, {memberships:,} memberships, right after the bench "
        "run (the entries' own cooperatives included). SQL captured in-process from the "
        "endpoints, as the search entry captures it; made by `bench/entries/registry_explain.py`.\n"
    )
    return "\n".join([head, *summary, "", *plans])


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/taavon_bench")
    import django

    django.setup()
    print(report(sys.argv[1] if len(sys.argv) > 1 else "?"))


if __name__ == "__main__":
    main()
