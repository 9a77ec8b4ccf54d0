"""The import itself, independent of how the file arrived: a dry run, and an all-or-nothing
commit that checks again under the cooperative's lock before writing anything."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError
from taavon.core.permissions import AnyUser
from taavon.imports.bulk import write_members
from taavon.imports.checks import check_rows, load_target
from taavon.imports.events import ImportsEvent
from taavon.imports.parse import Parsed, Progress, parse_sheet
from taavon.imports.problems import ImportRejected, Problem
from taavon.imports.reader import open_sheet
from taavon.registry.models import Cooperative
from taavon.registry.services.members import lock_for_members


@dataclass(frozen=True)
class Source:
    """A file to import: its name (for the format), size, and how to open it for reading."""

    name: str
    size: int
    open: Callable[[], AbstractContextManager[IO[bytes]]]

    @classmethod
    def from_path(cls, path: Path) -> Source:
        return cls(path.name, path.stat().st_size, lambda: path.open("rb"))


@dataclass
class Outcome:
    data_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    created: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """File-level problems first, then by row in the order found."""
    return sorted(problems, key=lambda p: p.row or 0)


@contextmanager
def _persian() -> Iterator[None]:
    with translation.override("fa"):  # the report is in Persian whoever runs the task
        yield


def parse(source: Source, progress: Progress | None = None) -> Parsed:
    try:
        with (
            _persian(),
            source.open() as stream,
            open_sheet(stream, source.name, source.size) as sheet,
        ):
            return parse_sheet(sheet, progress=progress)
    except ImportRejected as exc:
        return Parsed(problems=exc.problems)


def dry_run(source: Source, cooperative_id: int, progress: Progress | None = None) -> Outcome:
    """Parse and check everything; write nothing."""
    parsed = parse(source, progress)
    problems = parsed.problems
    if parsed.header is not None:
        cooperative = Cooperative.objects.select_related("rule_profile").get(pk=cooperative_id)
        with _persian():
            problems = problems + check_rows(load_target(cooperative), parsed)
    return Outcome(parsed.data_rows, sorted_problems(problems))


@transaction.atomic
def commit_parsed(
    parsed: Parsed,
    *,
    cooperative_id: int,
    actor: AnyUser | None,
    source_name: str,
    reference: str,
    progress: Progress | None = None,
) -> int:
    """Lock, check again, write. Raises ImportRejected (nothing written) if any row fails."""
    if parsed.problems or parsed.header is None:
        raise ImportRejected(sorted_problems(parsed.problems))
    cooperative = lock_for_members(actor, cooperative_id)  # still theirs when the worker runs
    target = load_target(cooperative)
    with _persian():
        problems = check_rows(target, parsed)
        note = _("ورود فهرست اعضا: %(name)s") % {"name": source_name}
    if problems:
        raise ImportRejected(sorted_problems(problems))
    numbers = write_members(
        actor=actor,
        cooperative=cooperative,
        share_class=target.share_class,
        rows=parsed.rows,
        reference=reference,
        note=note,
        progress=progress,
    )
    audit_record(
        actor=actor,
        action=ImportsEvent.MEMBERS,
        obj=cooperative,
        summary=f"{len(numbers)} members from {source_name}",
        changes={
            "created": len(numbers),
            "register_numbers": [min(numbers), max(numbers)],
            "reference": reference,
        },
    )
    return len(numbers)


def commit(
    source: Source,
    cooperative_id: int,
    *,
    actor: AnyUser | None,
    reference: str,
    progress: Progress | None = None,
) -> Outcome:
    """Parse (outside the lock), then commit all rows or none."""
    parsed = parse(source)
    try:
        created = commit_parsed(
            parsed,
            cooperative_id=cooperative_id,
            actor=actor,
            source_name=source.name,
            reference=reference,
            progress=progress,
        )
    except ApplicationError as exc:
        return Outcome(parsed.data_rows, problems_of(exc))
    return Outcome(parsed.data_rows, [], created)


def problems_of(exc: ApplicationError) -> list[Problem]:
    """A rejection's own list, or a rule broken at write time as one file-level problem."""
    if isinstance(exc, ImportRejected):
        return exc.problems
    return [Problem(None, "", exc.message)]
