"""Import a province's counties from a CSV (slug,name_fa,name_en,population_1395,source)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from taavon.audit.context import in_channel
from taavon.core.permissions import SYSTEM
from taavon.geo.models import Province
from taavon.geo.services import CountyImportError, counties_import
from taavon.persian import numbers


class Command(BaseCommand):
    help = "Import counties of one province from a UTF-8 CSV file; all rows or none."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv_path", type=Path)
        parser.add_argument("--province", required=True, help="ISO code, e.g. IR-15")

    @in_channel("cli")
    def handle(self, *args: Any, csv_path: Path, province: str, **options: Any) -> None:
        code = province.strip().upper()
        try:
            target = Province.objects.get(code=code)
        except Province.DoesNotExist as exc:
            raise CommandError(
                _("استانی با کد «%(code)s» نیست؛ مثلاً IR-15 وارد کنید.") % {"code": code}
            ) from exc
        try:
            text = csv_path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(
                _("فایل %(path)s با UTF-8 ذخیره نشده است.") % {"path": csv_path}
            ) from exc
        except OSError as exc:
            raise CommandError(
                _("فایل %(path)s خوانده نشد: %(error)s") % {"path": csv_path, "error": exc}
            ) from exc
        try:
            result = counties_import(province=target, text=text, actor=SYSTEM)
        except CountyImportError as exc:
            for err in exc.errors:
                line = _("ردیف %(row)s، ستون «%(column)s»: %(message)s") % {
                    "row": numbers.digits(err.row),
                    "column": err.column,
                    "message": err.message,
                }
                self.stderr.write(line)
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{result.created} created, {result.updated} updated")
