"""Import a province's counties from a CSV (slug,name_fa,name_en,population_1395,source)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from taavon.geo.models import Province
from taavon.geo.services import CountyImportError, counties_import


class Command(BaseCommand):
    help = "Import counties of one province from a UTF-8 CSV file; all rows or none."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv_path", type=Path)
        parser.add_argument("--province", required=True, help="ISO code, e.g. IR-15")

    def handle(self, *args: Any, csv_path: Path, province: str, **options: Any) -> None:
        try:
            target = Province.objects.get(code=province.strip().upper())
        except Province.DoesNotExist as exc:
            raise CommandError(f"unknown province {province!r}") from exc
        try:
            text = csv_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {csv_path}: {exc}") from exc
        try:
            result = counties_import(province=target, text=text, actor=None)
        except CountyImportError as exc:
            for err in exc.errors:
                self.stderr.write(f"row {err.row}, column {err.column}: {err.message}")
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{result.created} created, {result.updated} updated")
