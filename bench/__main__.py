"""Entry point: ``python -m bench --scale small|lorestan|national [--db sqlite|postgres] ...``."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from .dataset import SCALES, prepare_database

if TYPE_CHECKING:
    from .dataset import BuildReport
    from .harness import Row

RESULTS_DIR = Path(__file__).resolve().parent / "results"
MIN_TIMED_ROWS = 1_000
DEFAULT_ROUNDS = 4
SMOKE_REQUESTS = 100


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Build a synthetic Taavon dataset and print figures against same-run baselines.",
    )
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument(
        "--db",
        choices=["sqlite", "postgres"],
        default="sqlite",
        help="sqlite: a temporary file; postgres: DATABASE_URL or "
        "postgres://postgres@127.0.0.1:5432/taavon_bench (recreated)",
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=None,
        help="operations per measurement (default: 2000, 1000 at national)",
    )
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument(
        "--warmup",
        type=int,
        default=None,
        help="warm-up operations per measurement (default: N/10, at least 50)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help=f"interleave figure and baselines in this many rounds (default {DEFAULT_ROUNDS})",
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=120.0,
        help="time limit per measurement; a truncated one is flagged",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this entry (repeatable); --list shows the names",
    )
    parser.add_argument("--list", action="store_true", help="list the entries and exit")
    parser.add_argument("--no-write", action="store_true", help="print only; no results file")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="check that every entry runs (CI): little work per entry, figures not for "
        f"comparison, no results file; --requests {SMOKE_REQUESTS} and --rounds 1 unless given",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.no_write = True
        if args.requests is None:
            args.requests = SMOKE_REQUESTS
    if args.rounds is None:
        args.rounds = 1 if args.smoke else DEFAULT_ROUNDS
    if args.requests is not None and args.requests < 1:
        parser.error("--requests must be at least 1")
    if not 1 <= args.rounds <= 100:
        parser.error("--rounds must be between 1 and 100")
    if not 1 <= args.concurrency <= 64:
        parser.error("--concurrency must be between 1 and 64")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    from .entries import web  # noqa: F401  (registers the entries)
    from .harness import ENTRIES

    if args.list:
        for entry in ENTRIES.values():
            print(f"{entry.name:20} {entry.title}")
        return 0
    unknown = [name for name in args.only if name not in ENTRIES]
    if unknown:
        print(f"unknown entries: {', '.join(unknown)}; try --list", file=sys.stderr)
        return 2
    selected = [ENTRIES[name] for name in (args.only or ENTRIES)]
    scale = SCALES[args.scale]
    requests = args.requests or scale.requests
    warmup = args.warmup if args.warmup is not None else max(50, requests // 10)

    db = prepare_database(args.db)
    try:
        import django

        django.setup()
        from django.db import connections

        from .dataset import build
        from .harness import Context, Row
        from .report import render

        print(f"bench: building `{scale.name}` on {args.db} ...", file=sys.stderr, flush=True)
        report = build(scale)
        print(
            f"bench: built in {report.total_seconds:.1f}s "
            f"({report.cooperatives:,} cooperatives, {report.insert_rows_per_second:,.0f} rows/s)",
            file=sys.stderr,
            flush=True,
        )
        ctx = Context(
            scale=scale,
            database=db,
            build=report,
            requests=requests,
            concurrency=args.concurrency,
            warmup=warmup,
            rounds=args.rounds,
            max_seconds=args.max_seconds,
            smoke=args.smoke,
        )
        rows = [_cooperatives_row(report)]
        failed: list[str] = []
        try:
            for entry in selected:
                print(f"bench: {entry.name}: {entry.title}", file=sys.stderr, flush=True)
                try:
                    rows += entry.run(ctx)
                except (Exception, SystemExit) as exc:
                    # This entry's row says why it has no figure; the others still run.
                    failed.append(entry.name)
                    rows.append(Row.failed(entry.name, entry.title, _describe(exc)))
                    print(f"bench: entry {entry.name} failed:", file=sys.stderr)
                    traceback.print_exception(exc, file=sys.stderr)
                    if ctx._server is not None:
                        print(f"bench: server log:\n{ctx._server.log_tail()}", file=sys.stderr)
                    connections.close_all()  # the next entry starts on a fresh connection
        finally:
            ctx.close()
        command = "python -m bench " + shlex.join(argv if argv is not None else sys.argv[1:])
        text = render(
            scale=scale.name,
            db=db,
            build=report,
            rows=rows,
            measurements=ctx.measurements,
            requests=requests,
            concurrency=args.concurrency,
            warmup=warmup,
            rounds=args.rounds,
            entries=[e.name for e in selected],
            command=command,
            smoke=args.smoke,
        )
        print(text)
        if not args.no_write:
            suffix = "" if not args.only else "-" + "-".join(args.only)
            path = RESULTS_DIR / f"{scale.name}-{args.db}{suffix}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"bench: wrote {path.relative_to(RESULTS_DIR.parent.parent)}", file=sys.stderr)
        if failed:
            print(f"bench: failed entries: {', '.join(failed)}", file=sys.stderr)
            return 1
    finally:
        from django.db import connections

        connections.close_all()
        db.cleanup()
    return 0


def _cooperatives_row(report: BuildReport) -> Row:
    from .harness import Row

    figure = f"dataset: {report.cooperatives:,} cooperatives inserted ({report.method})"
    if report.cooperatives < MIN_TIMED_ROWS:
        figure += f"; under {MIN_TIMED_ROWS:,} rows this takes milliseconds: mostly noise"
    return Row(
        figure,
        report.insert_rows_per_second,
        "rows/s",
        "same rows into an index-free copy of the table",
        report.bare_insert_rows_per_second,
        True,
    )


def _describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 500 else text[:497] + "..."


if __name__ == "__main__":
    sys.exit(main())
