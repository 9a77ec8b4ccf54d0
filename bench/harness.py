"""The benchmark registry, the run context handed to each entry, and the rows entries return.

An entry is a function ``(ctx: Context) -> list[Row]`` registered with ``@entry(name, title)``.
Each row pairs one figure with a baseline measured in the same run; the report prints the ratio.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .load import Measurement, Op, http_op, merge, run_load, sql_op

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
    error: str = ""  # the entry failed: no figure, this says why

    @classmethod
    def failed(cls, name: str, title: str, error: str) -> Row:
        """The one row of an entry that raised: its error instead of a figure."""
        return cls(f"{name}: {title}", float("nan"), "", "", float("nan"), True, error)

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


@dataclass(frozen=True)
class Probe:
    """A named operation to load: ``make_op`` runs in each client thread and returns an Op."""

    label: str
    make_op: Callable[[], Op]


@dataclass
class Context:
    """What an entry may use: the built dataset, a lazily started server, and load helpers."""

    scale: Scale
    database: Database
    build: BuildReport
    requests: int
    concurrency: int
    warmup: int
    rounds: int
    max_seconds: float
    smoke: bool = False  # --smoke: entries shrink their one-shot work (see bench/README.md)
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

    # -- probes ------------------------------------------------------------------------------

    def get(self, path: str) -> Probe:
        """GET ``path`` on the bench server over keep-alive connections; non-200 is an error."""
        server = self.server
        return Probe(f"GET {path}", lambda: http_op(server.host, server.port, path))

    def replay(self, label: str, statements: list[tuple[str, Any]]) -> Probe:
        """Run SQL statements through a plain cursor, one database connection per thread."""
        return Probe(label, lambda: sql_op(statements))

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

    # -- measuring ---------------------------------------------------------------------------

    def measure(self, *probes: Probe, requests: int | None = None) -> list[Measurement]:
        """Load each probe with the same N and C, interleaved in rounds.

        Round r runs every probe once (reversed order on odd rounds) with N/rounds operations,
        so background noise on a shared machine falls on figure and baseline alike.
        """
        total = requests or self.requests
        rounds = max(1, min(self.rounds, total))
        warmup = max(self.concurrency, self.warmup // rounds)
        parts: dict[str, list[Measurement]] = {probe.label: [] for probe in probes}
        for number in range(rounds):
            share = total // rounds + (1 if number < total % rounds else 0)
            order = probes if number % 2 == 0 else tuple(reversed(probes))
            for probe in order:
                part = run_load(
                    probe.label,
                    probe.make_op,
                    requests=share,
                    concurrency=self.concurrency,
                    warmup=warmup,
                    max_seconds=self.max_seconds / rounds,
                )
                if part.errors:
                    raise BenchError(
                        f"{probe.label}: {part.errors} failed operations; first: {part.error}"
                    )
                parts[probe.label].append(part)
        results = [merge(parts[probe.label]) for probe in probes]
        self.measurements.extend(results)
        return results


def timed(func: Callable[[], object]) -> float:
    """Seconds one call of ``func`` takes (for one-shot figures: imports, verification)."""
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def rate_row(
    figure: str,
    count: int,
    seconds: float,
    baseline: str,
    base_count: int,
    base_seconds: float,
    unit: str = "rows/s",
) -> Row:
    """A throughput row for one-shot work, e.g. member import rows/s vs COPY rows/s."""
    return Row(figure, count / seconds, unit, baseline, base_count / base_seconds, True)


def load_rows(
    figure: str,
    value: Measurement,
    baseline: str,
    base: Measurement,
    metrics: Iterable[str] = ("rps", "p50", "p95"),
) -> list[Row]:
    """Rows comparing two load measurements: requests/s and latency percentiles."""
    rows: list[Row] = []
    for metric in metrics:
        if metric == "rps":
            rows.append(Row(f"{figure}: throughput", value.rps, "req/s", baseline, base.rps, True))
        else:
            pct = int(metric[1:])
            rows.append(
                Row(
                    f"{figure}: {metric} latency",
                    value.percentile_ms(pct),
                    "ms",
                    baseline,
                    base.percentile_ms(pct),
                    False,
                )
            )
    return rows
