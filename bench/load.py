"""A bounded closed-loop load generator: C threads share N operations, each timed.

Every thread first builds its own operation (a keep-alive HTTP connection, or a database
connection), runs its share of the warm-up, then all threads start together on a barrier and
take operations until N are done or the time limit passes. Nothing here loops unboundedly.
"""

from __future__ import annotations

import contextlib
import http.client
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# An operation runs once per call and returns True when the server closed the connection
# (so the next call had to reconnect); ``close`` releases what the thread opened.
type Op = tuple[Callable[[], bool], Callable[[], None]]

_JOIN_GRACE_SECONDS = 60.0


@dataclass
class Measurement:
    label: str
    completed: int
    seconds: float
    latencies: list[float]
    errors: int = 0
    error: str = ""
    reconnects: int = 0
    truncated: bool = False
    _sorted: list[float] = field(default_factory=list, repr=False)

    @property
    def rps(self) -> float:
        return self.completed / self.seconds if self.seconds else 0.0

    def percentile_ms(self, pct: int) -> float:
        """Nearest-rank percentile of the per-operation latencies, in milliseconds."""
        if not self._sorted:
            self._sorted = sorted(self.latencies)
        if not self._sorted:
            return float("nan")
        rank = max(1, math.ceil(pct / 100 * len(self._sorted)))
        return self._sorted[rank - 1] * 1000


def merge(parts: list[Measurement]) -> Measurement:
    """One measurement from several rounds of the same operation."""
    return Measurement(
        label=parts[0].label,
        completed=sum(p.completed for p in parts),
        seconds=sum(p.seconds for p in parts),
        latencies=[value for p in parts for value in p.latencies],
        errors=sum(p.errors for p in parts),
        error=next((p.error for p in parts if p.error), ""),
        reconnects=sum(p.reconnects for p in parts),
        truncated=any(p.truncated for p in parts),
    )


def run_load(
    label: str,
    make_op: Callable[[], Op],
    *,
    requests: int,
    concurrency: int,
    warmup: int,
    max_seconds: float,
) -> Measurement:
    lock = threading.Lock()
    remaining = [requests]
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    reconnects = [0] * concurrency
    failures: list[BaseException] = []
    failed = [0]
    truncated = [False]
    barrier = threading.Barrier(concurrency + 1)
    deadline = [math.inf]
    warmup_each = max(1, math.ceil(warmup / concurrency))

    def take() -> bool:
        with lock:
            if remaining[0] <= 0:
                return False
            if time.perf_counter() > deadline[0]:
                truncated[0] = True
                return False
            remaining[0] -= 1
            return True

    def fail(exc: BaseException) -> None:
        with lock:
            failed[0] += 1
            failures.append(exc)

    def worker(slot: int) -> None:
        op = close = None
        try:
            op, close = make_op()
            for _ in range(warmup_each):
                op()
        except Exception as exc:
            fail(exc)
        try:
            barrier.wait(timeout=max_seconds)
        except threading.BrokenBarrierError:
            op = None
        mine = latencies[slot]
        try:
            while op is not None and not failures and take():
                started = time.perf_counter()
                closed = op()
                mine.append(time.perf_counter() - started)
                reconnects[slot] += closed
        except Exception as exc:
            fail(exc)
        finally:
            if close is not None:
                close()

    threads = [
        threading.Thread(target=worker, args=(slot,), name=f"bench-load-{slot}", daemon=True)
        for slot in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        barrier.wait(timeout=max_seconds)
    started = time.perf_counter()
    deadline[0] = started + max_seconds
    for thread in threads:
        thread.join(timeout=max_seconds + _JOIN_GRACE_SECONDS)
    seconds = time.perf_counter() - started
    if any(thread.is_alive() for thread in threads):
        failures.append(TimeoutError(f"{label}: load threads did not finish"))
        failed[0] += 1
    flat = [value for per_thread in latencies for value in per_thread]
    return Measurement(
        label=label,
        completed=len(flat),
        seconds=seconds,
        latencies=flat,
        errors=failed[0],
        error=repr(failures[0]) if failures else "",
        reconnects=sum(reconnects),
        truncated=truncated[0],
    )


def http_op(host: str, port: int, path: str, timeout: float = 30.0) -> Op:
    """GET ``path`` over one keep-alive HTTP/1.1 connection; any non-200 answer is an error."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def get() -> bool:
        conn.request("GET", path, headers={"Accept-Language": "fa"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")
        return bool(response.will_close)

    return get, conn.close


def sql_op(statements: list[tuple[str, Any]]) -> Op:
    """Run the statements in order through this thread's Django connection, fetching all rows."""
    from django.db import connection

    cursor = connection.cursor()

    def run() -> bool:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()
        return False

    def close() -> None:
        cursor.close()
        connection.close()

    return run, close
