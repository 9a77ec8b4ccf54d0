"""`manage.py import_members members.xlsx --cooperative 12 [--commit] [--user admin]`

Checks the file (a dry run) and prints the row-by-row report; with --commit, and only if the
file is clean, admits every row in one transaction. With --user the import is also recorded
(as if uploaded by that user) and shows on the cooperative's import pages. Exits 1 on errors.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.utils import translation

from taavon.accounts.models import User
from taavon.audit.context import in_channel
from taavon.core.permissions import SYSTEM
from taavon.imports import engine, services
from taavon.imports.models import ImportStatus
from taavon.imports.problems import Problem
from taavon.registry.models import Cooperative


class TerminalProgress:
    """`\\r`-redrawn progress line: label, bar, percent, counts (no extra dependency)."""

    def __init__(self, write: Callable[[str], None], label: str, *, interval: float = 0.1) -> None:
        self.write, self.label, self.interval = write, label, interval
        self._last = 0.0
        self._drawn = False

    def __call__(self, processed: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self._last < self.interval and processed != total:
            return
        self._last = now
        if total:
            percent = min(100, processed * 100 // total)
            bar = "#" * (percent // 4) + "." * (25 - percent // 4)
            line = f"\r{self.label} [{bar}] {percent:3d}% {processed:,}/{total:,}"
        else:
            line = f"\r{self.label} {processed:,}"
        self.write(line)
        self._drawn = True

    def done(self) -> None:
        if self._drawn:
            self.write("\n")
            self._drawn = False


class Command(BaseCommand):
    help = "Import members and holdings from an xlsx/csv file (dry run unless --commit)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--cooperative", type=int, required=True, help="cooperative id")
        parser.add_argument("--commit", action="store_true", help="write if the file is clean")
        parser.add_argument("--user", help="username or national ID recorded as the importer")

    @in_channel("cli")
    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("fa")
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        if not Cooperative.objects.filter(pk=options["cooperative"]).exists():
            raise CommandError(f"no cooperative with id {options['cooperative']}")
        user = self._user(options["user"]) if options["user"] else None
        if user is not None:
            problems, created, rows = self._recorded(
                path, options["cooperative"], user, commit=options["commit"]
            )
        else:
            problems, created, rows = self._direct(
                path, options["cooperative"], commit=options["commit"]
            )
        self._report(problems)
        if problems:
            raise CommandError(f"{len(problems)} problem(s); nothing was imported.", returncode=1)
        if options["commit"]:
            self.stdout.write(self.style.SUCCESS(f"{created} members imported ({rows} rows)."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{rows} rows are valid; run again with --commit to import them."
                )
            )

    def _user(self, login: str) -> User:
        user = User.objects.filter(Q(username=login) | Q(national_id=login)).first()
        if user is None:
            raise CommandError(f"no user {login!r}")
        return user

    def _progress(self, label: str) -> TerminalProgress:
        def write(text: str) -> None:
            self.stderr.write(text, ending="")  # a \r line must not end with a newline
            self.stderr.flush()

        return TerminalProgress(write, label)

    def _direct(self, path: Path, coop_id: int, *, commit: bool) -> tuple[list[Problem], int, int]:
        source = engine.Source.from_path(path)
        bar = self._progress("checking")
        outcome = engine.dry_run(source, coop_id, progress=bar)
        bar.done()
        if commit and outcome.ok:
            bar = self._progress("importing")
            outcome = engine.commit(
                source, coop_id, actor=SYSTEM, reference=f"cli:{path.name}", progress=bar
            )
            bar.done()
        return outcome.problems, outcome.created, outcome.data_rows

    def _recorded(
        self, path: Path, coop_id: int, user: User, *, commit: bool
    ) -> tuple[list[Problem], int, int]:
        cooperative = Cooperative.objects.get(pk=coop_id)
        with path.open("rb") as handle:
            member_import = services.member_import_create(
                actor=user, cooperative=cooperative, upload=File(handle, name=path.name)
            )
        self.stdout.write(f"import #{member_import.pk}")
        bar = self._progress("checking")
        member_import = services.member_import_check(import_id=member_import.pk, progress=bar)
        bar.done()
        if commit and member_import.status == ImportStatus.CHECKED:
            services.member_import_request_commit(actor=user, import_id=member_import.pk)
            bar = self._progress("importing")
            member_import = services.member_import_commit(
                import_id=member_import.pk, actor=user, progress=bar
            )
            bar.done()
        problems = [Problem(p["row"], p["column"], p["message"]) for p in member_import.report]
        if member_import.error_count > len(problems):
            problems.append(
                Problem(
                    None,
                    "",
                    f"… {member_import.error_count - len(problems)} "
                    "more (the stored report is capped)",
                )
            )
        return problems, member_import.created_members, member_import.total_rows

    def _report(self, problems: list[Problem]) -> None:
        for problem in problems:
            where = f"row {problem.row}" if problem.row else "file"
            column = f" · {problem.column}" if problem.column else ""
            self.stdout.write(f"{where}{column}: {problem.message}")
