"""Read and validate the reference CSVs shipped under geo/data (and county CSVs from offices)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from taavon.persian.text import normalize, search_key, to_latin_digits

DATA_DIR = Path(__file__).resolve().parent / "data"
PROVINCES_CSV = DATA_DIR / "provinces.csv"
LORESTAN_COUNTIES_CSV = DATA_DIR / "lorestan_counties.csv"
LORESTAN_CODE = "IR-15"

COUNTY_COLUMNS = ("slug", "name_fa", "name_en", "population_1395", "source")
_SLUG = re.compile(r"^[a-z][a-z0-9-]{1,59}$")
_PROVINCE_CODE = re.compile(r"^IR-\d{2}$")
THOUSANDS_SEPARATORS = (",", "\u066c", "\u060c")  # «,», Arabic «٬» and «،» from fa spreadsheets


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class CountyRow:
    slug: str
    name_fa: str
    name_en: str
    name_key: str
    population_1395: int | None
    source: str
    row: int = 0  # line in the file, for error messages


def read_provinces(path: Path = PROVINCES_CSV) -> list[dict[str, str | int | None]]:
    rows: list[dict[str, str | int | None]] = []
    with path.open(encoding="utf-8") as handle:
        for raw in csv.DictReader(handle):
            code = raw["code"].strip()
            if not _PROVINCE_CODE.match(code):
                raise ValueError(f"bad province code {code!r} in {path}")
            rows.append(
                {
                    "code": code,
                    "name_fa": normalize(raw["name_fa"]),
                    "name_en": raw["name_en"].strip(),
                    "population_1395": int(raw["population_1395"]),
                    "source": raw["source"].strip(),
                }
            )
    return rows


def parse_counties(text: str) -> tuple[list[CountyRow], list[RowError]]:
    """Validate a county CSV (columns COUNTY_COLUMNS); return rows or Persian row errors."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in COUNTY_COLUMNS[:3] if c not in header]
    if missing:
        return [], [RowError(1, c, _("ستون «%(col)s» در فایل نیست.") % {"col": c}) for c in missing]
    rows: list[CountyRow] = []
    errors: list[RowError] = []
    seen_slugs: set[str] = set()
    seen_keys: set[str] = set()
    for line_no, raw in enumerate(reader, start=2):
        values = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if not any(values.values()):
            continue  # empty rows are common in exported sheets
        slug = values.get("slug", "").lower()
        name_fa = normalize(values.get("name_fa"))
        population_text = to_latin_digits(values.get("population_1395", ""))
        for separator in THOUSANDS_SEPARATORS:
            population_text = population_text.replace(separator, "")
        if not _SLUG.match(slug):
            errors.append(RowError(line_no, "slug", _("شناسه باید با حروف لاتین کوچک باشد.")))
        elif slug in seen_slugs:
            errors.append(RowError(line_no, "slug", _("شناسه تکراری است.")))
        if not name_fa:
            errors.append(RowError(line_no, "name_fa", _("نام فارسی خالی است.")))
        elif search_key(name_fa) in seen_keys:
            errors.append(RowError(line_no, "name_fa", _("نام تکراری است.")))
        if not values.get("name_en"):
            errors.append(RowError(line_no, "name_en", _("نام انگلیسی خالی است.")))
        population: int | None = None
        if population_text:
            if not population_text.isdigit():
                errors.append(RowError(line_no, "population_1395", _("جمعیت باید عدد صحیح باشد.")))
            else:
                population = int(population_text)
        seen_slugs.add(slug)
        seen_keys.add(search_key(name_fa))
        rows.append(
            CountyRow(
                slug=slug,
                name_fa=name_fa,
                name_en=values.get("name_en", ""),
                name_key=search_key(name_fa),
                population_1395=population,
                source=values.get("source", ""),
                row=line_no,
            )
        )
    if not rows and not errors:
        errors.append(RowError(1, "", _("فایل هیچ ردیفی ندارد.")))
    return rows, errors
