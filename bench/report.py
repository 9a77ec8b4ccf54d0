"""The Markdown report: figures against baselines, the raw measurements, dataset and machine."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from .dataset import BuildReport, Database
from .harness import Row
from .load import Measurement

RATIO_RULE = (
    "ratio = how many times costlier the figure is than its baseline, both measured in this run "
    "(throughput: baseline ÷ figure; latency: figure ÷ baseline). 1.00× costs the same as the "
    "baseline; higher is worse."
)

SMOKE_RULE = (
    "A smoke run (`--smoke`) checks that every entry runs: little work per entry, so these "
    "figures are not for comparison."
)


def _number(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:,.2f} ms"
    return f"{value:,.0f} {unit}"


def figures_table(rows: list[Row]) -> list[str]:
    lines = ["| figure | value | baseline | baseline value | ratio |", "|---|---:|---|---:|---:|"]
    for row in rows:
        if row.error:
            error = " ".join(row.error.split()).replace("|", "\\|")
            lines.append(f"| {row.figure} | **failed**: {error} | — | — | — |")
            continue
        lines.append(
            f"| {row.figure} | {_number(row.value, row.unit)} | {row.baseline} "
            f"| {_number(row.baseline_value, row.unit)} | {row.ratio:.2f}× |"
        )
    return lines


def measurements_table(measurements: list[Measurement]) -> list[str]:
    lines = [
        "| measurement | ops | seconds | ops/s | p50 ms | p95 ms | p99 ms | notes |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for m in measurements:
        notes = []
        if m.truncated:
            notes.append("stopped at the time limit")
        if m.reconnects:
            notes.append(f"{m.reconnects} reconnects")
        lines.append(
            f"| {m.label} | {m.completed:,} | {m.seconds:.2f} | {m.rps:,.0f} "
            f"| {m.percentile_ms(50):.2f} | {m.percentile_ms(95):.2f} | {m.percentile_ms(99):.2f} "
            f"| {'; '.join(notes)} |"
        )
    return lines


def dataset_section(build: BuildReport, db: Database) -> list[str]:
    lines = [
        f"{build.provinces} provinces, {build.counties:,} counties, "
        f"{build.cooperatives:,} cooperatives; cooperatives inserted by {build.method} at "
        f"**{build.insert_rows_per_second:,.0f} rows/s**.",
        "",
        "| step | seconds |",
        "|---|---:|",
        f"| create database | {db.created_seconds:.3f} |",
    ]
    lines += [f"| {step} | {seconds:.3f} |" for step, seconds in build.seconds.items()]
    lines.append(f"| **total** | **{db.created_seconds + build.total_seconds:.2f}** |")
    lines.append(
        f"| (baseline, not in total) same rows, index-free copy | {build.bare_insert_seconds:.3f} |"
    )
    return lines


def machine_lines() -> list[str]:
    import django
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    else:
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    return [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} logical cores (client and server share them)",
        f"- {platform.system()} {platform.release()}, Python {sys.version.split()[0]}, "
        f"Django {django.get_version()}, {database}",
        "- load average (1/5/15 min) at the end of the run: "
        + " / ".join(f"{value:.1f}" for value in os.getloadavg())
        + " (anything near the core count means other work shared the machine)",
    ]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def render(
    *,
    scale: str,
    db: Database,
    build: BuildReport,
    rows: list[Row],
    measurements: list[Measurement],
    requests: int,
    concurrency: int,
    warmup: int,
    rounds: int,
    entries: list[str],
    command: str,
    smoke: bool = False,
) -> str:
    vendor = "PostgreSQL" if db.vendor == "postgres" else "SQLite"
    lines = [
        f"# Taavon bench: `{scale}` on {vendor}" + (" (smoke run)" if smoke else ""),
        "",
        RATIO_RULE,
        "",
        *([SMOKE_RULE, ""] if smoke else []),
        *figures_table(rows),
        "",
        "## Measurements",
        "",
        f"Each: {requests:,} operations from {concurrency} client threads (keep-alive HTTP "
        f"connections, or one database connection per thread), interleaved with its baselines "
        f"in {rounds} rounds, each round after its own warm-up ({warmup} operations in all). "
        f"Entries: {', '.join(entries)}.",
        "",
        *measurements_table(measurements),
        "",
        "## Dataset",
        "",
        *dataset_section(build, db),
        "",
        "## Machine",
        "",
        *machine_lines(),
        f"- run at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: `{command}`",
    ]
    return "\n".join(lines) + "\n"
