"""The benchmark registry, the run context handed to each entry, and the rows entries return.

An entry is a function ``(ctx: Context) -> list[Row]`` registered with ``@entry(name, title)``.
Each row pairs one figure with a baseline measured in the same run; the report prints the ratio.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .load import Measurement, Op, http_op, run_load, sql_op

if TYPE_CHECKING:
    from .dataset import BuildReport, Database, Scale
    from .server import Server


class BenchError(RuntimeError):
    """A benchmark could not produce a trustworthy figure (errors, timeouts, bad setup)."""


@dataclass(frozen=True)
class Row:
    """One figure against its baseline.

    ``ratio`` is always "how many times costlier than the baseline": for rates (higher is
    better) baseline / value, for latencies and durations (lower is better) value / baseline.
    1.00 means the figure costs what the baseline costs; 3.00 means three times as much.
    """

    figure: str
    value: float
    unit: str
    baseline: str
    baseline_value: float
    higher_is_better: bool
    note: str = ""

    @property
    def ratio(self) -> float:
        if self.higher_is_better:
            return self.baseline_value / self.value if self.value else float("inf")
        return self.value / self.baseline_value if self.baseline_value else float("inf")


@dataclass(frozen=True)
class Entry:
    name: str
    title: str
    run: Callable[[Context], list[Row]]


ENTRIES: dict[str, Entry] = {}


def entry(name: str, title: str) -> Callable[[Callable[[Context], list[Row]]], Callable]:
    """Register a benchmark entry; the name is what ``--only`` selects."""

    def register(func: Callable[[Context], list[Row]]) -> Callable[[Context], list[Row]]:
        if name in ENTRIES:
            raise ValueError(f"duplicate bench entry {name!r}")
        ENTRIES[name] = Entry(name=name, title=title, run=func)
        return func

    return register


@dataclass
class Context:
    """What an entry may use: the built dataset, a lazily started server, and load helpers."""

    scale: Scale
    database: Database
    build: BuildReport
    requests: int
    concurrency: int
    warmup: int
    max_seconds: float
    measurements: list[Measurement] = field(default_factory=list)
    _server: Server | None = None

    @property
    def server(self) -> Server:
        if self._server is None:
            from .server import Server

            self._server = Server.start()
        return self._server

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    # -- load helpers ----------------------------------------------------------------------

    def measure(self, label: str, make_op: Callable[[], Op], *, requests: int | None = None):
        result = run_load(
            label,
            make_op,
            requests=requests or self.requests,
            concurrency=self.concurrency,
            warmup=self.warmup,
            max_seconds=self.max_seconds,
        )
        if result.errors:
            raise BenchError(f"{label}: {result.errors} failed operations; first: {result.error}")
        self.measurements.append(result)
        return result

    def http(self, path: str, **kwargs: Any) -> Measurement:
        """GET ``path`` on the bench server with keep-alive connections from C threads."""
        server = self.server
        return self.measure(f"GET {path}", lambda: http_op(server.host, server.port, path), **kwargs)

    def sql(self, label: str, statements: list[tuple[str, Any]], **kwargs: Any) -> Measurement:
        """Replay SQL statements through a plain cursor (one connection per thread)."""
        return self.measure(label, lambda: sql_op(statements), **kwargs)

    def captured_sql(self, path: str) -> list[tuple[str, Any]]:
        """The exact SELECTs one in-process GET of ``path`` runs, with their parameters.

        Replaying them through a bare cursor is the "raw SQL" baseline for that endpoint, and it
        follows the view automatically when the view's queries change.
        """
        from django.db import connection
        from django.test import Client

        statements: list[tuple[str, Any]] = []

        def capture(execute, sql, params, many, context):
            if sql.lstrip().upper().startswith("SELECT"):
                statements.append((sql, params))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(capture):
            response = Client().get(path)
        if response.status_code != 200:
            raise BenchError(f"in-process GET {path} answered {response.status_code}")
        if not statements:
            raise BenchError(f"in-process GET {path} ran no SELECT to replay")
        return statements


def timed(func: Callable[[], object]) -> float:
    """Seconds one call of ``func`` takes (for one-shot figures: imports, verification)."""
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def rate_row(
    figure: str, count: int, seconds: float, baseline: str, base_count: int, base_seconds: float,
    unit: str = "rows/s",
) -> Row:
    """A throughput row for one-shot work, e.g. member import rows/s vs COPY rows/s."""
    return Row(figure, count / seconds, unit, baseline, base_count / base_seconds, True)


def load_rows(figure: str, value: Measurement, baseline: str, base: Measurement,
              metrics: Iterable[str] = ("rps", "p50", "p95")) -> list[Row]:
    """Rows comparing two load measurements: requests/s and latency percentiles."""
    rows: list[Row] = []
    for metric in metrics:
        if metric == "rps":
            rows.append(Row(f"{figure}: throughput", value.rps, "req/s",
                            baseline, base.rps, True))
        else:
            pct = int(metric[1:])
            rows.append(Row(f"{figure}: {metric} latency", value.percentile_ms(pct), "ms",
                            baseline, base.percentile_ms(pct), False))
    return rows
