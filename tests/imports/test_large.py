"""100,000 rows: the streaming reader and the dry run handle them, reporting progress as they go
(speed is measured in bench/, never asserted here).

The file is generated once per session with a raw xlsx writer (openpyxl would need about a
minute to write it). Only the dry run is exercised here; commit speed is measured by
bench/ and reported in the import notes, not in the test suite.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from taavon.imports.engine import Source, dry_run
from taavon.registry.models import Cooperative
from tests.imports.conftest import HEADER, member_row
from tests.imports.fastxlsx import write_xlsx

ROWS = 100_000


@pytest.fixture(scope="session")
def hundred_thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "members-100k.xlsx"
    write_xlsx(
        path, [HEADER, *(member_row(i, shares=1, paid=None) for i in range(ROWS))], len(HEADER)
    )
    return path


def test_a_hundred_thousand_rows_dry_run(coop: Cooperative, hundred_thousand: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    started = time.perf_counter()

    outcome = dry_run(
        Source.from_path(hundred_thousand),
        coop.pk,
        progress=lambda n, total: seen.append((n, total)),
    )

    elapsed = time.perf_counter() - started
    print(f"\n100,000-row dry run: {elapsed:.1f}s, {ROWS / elapsed:,.0f} rows/s")
    assert outcome.ok, outcome.problems[:5]
    assert outcome.data_rows == ROWS
    assert seen[-1] == (ROWS, ROWS) and len(seen) > 100  # progress as it goes
