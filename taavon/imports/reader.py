"""Reading an uploaded member list as a stream of raw rows, refusing bad files before parsing.

xlsx is read with openpyxl in read-only (streaming) mode, so 100,000 rows need little memory.
Read-only worksheets do not expose merged cells, so the sheet's XML is scanned for
`<mergeCell ref=…>` separately. csv may be UTF-8 (with or without BOM, as Excel writes
«CSV UTF-8») or Windows-1256 (Excel's «CSV» on Persian Windows); the delimiter is sniffed.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import PurePath
from typing import IO, Final

from django.conf import settings
from django.utils.translation import gettext as _

from taavon.imports.problems import ImportRejected, file_problem
from taavon.persian import numbers

logger = logging.getLogger(__name__)

ZIP_MAGIC: Final = b"PK\x03\x04"
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0"  # the pre-2007 binary .xls format
EXTENSIONS: Final = (".xlsx", ".csv")
_MERGE: Final = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)"'
)
MB: Final = 1024 * 1024

RawRow = tuple[int, Sequence[object]]


def max_bytes() -> int:
    return int(getattr(settings, "TAAVON_IMPORT_MAX_BYTES", 20 * MB))


def max_unzipped_bytes() -> int:
    """Guards against zip bombs: an xlsx is a zip archive that may expand enormously."""
    return int(getattr(settings, "TAAVON_IMPORT_MAX_UNZIPPED_BYTES", 50 * max_bytes()))


def _megabytes(size: int) -> str:
    return numbers.decimal_number(Fraction(size, MB), places=1)


def check_upload(name: str, size: int) -> None:
    """What can be refused from the name and size alone, before reading a byte."""
    if PurePath(name).suffix.lower() not in EXTENSIONS:
        raise file_problem(_("فقط فایل اکسل (xlsx) یا csv پذیرفته می‌شود."))
    if size == 0:
        raise file_problem(_("فایل خالی است."))
    if size > max_bytes():
        raise file_problem(
            _(
                "حجم فایل %(size)s مگابایت است و بیش از سقف %(max)s مگابایت است. فایل را به "
                "چند فایل کوچک‌تر بخش کنید."
            )
            % {"size": _megabytes(size), "max": _megabytes(max_bytes())}
        )


@dataclass
class RawSheet:
    rows: Iterator[RawRow]  # (row number as Excel shows it, cell values)
    estimated_rows: int | None
    merged: list[str] = field(default_factory=list)  # ranges such as "A3:C3"


@contextmanager
def open_sheet(stream: IO[bytes], name: str, size: int) -> Iterator[RawSheet]:
    check_upload(name, size)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(ZIP_MAGIC):
        with _xlsx(stream) as sheet:
            yield sheet
    elif head.startswith(OLE_MAGIC):
        raise file_problem(
            _(
                "قالب قدیمی xls پشتیبانی نمی‌شود؛ فایل را در اکسل با قالب "
                "«Excel Workbook (xlsx)» ذخیره کنید."
            )
        )
    elif PurePath(name).suffix.lower() == ".xlsx":
        raise file_problem(
            _(
                "این فایل واقعاً اکسل (xlsx) نیست یا آسیب دیده است. آن را در اکسل "
                "باز کنید و دوباره با قالب xlsx ذخیره کنید."
            )
        )
    else:
        yield _csv(stream.read())


def _not_xlsx() -> ImportRejected:
    return file_problem(
        _(
            "فایل اکسل (xlsx) معتبر نیست یا آسیب دیده است. آن را در اکسل باز "
            "کنید و دوباره با قالب xlsx ذخیره کنید."
        )
    )


@contextmanager
def _xlsx(stream: IO[bytes]) -> Iterator[RawSheet]:
    import openpyxl

    try:
        unzipped = sum(info.file_size for info in zipfile.ZipFile(stream).infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _not_xlsx() from None
    if unzipped > max_unzipped_bytes():
        raise file_problem(_("محتوای فایل اکسل پس از گشودن بیش از حد بزرگ است."))
    stream.seek(0)
    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # any parser failure on untrusted input means "not a valid xlsx"
        logger.info("xlsx rejected: %r", exc)
        raise _not_xlsx() from None
    try:
        sheets = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
        if not sheets:
            raise file_problem(_("فایل اکسل هیچ برگهٔ داده‌ای ندارد."))
        sheet = sheets[0]
        estimated = sheet.max_row
        sheet.reset_dimensions()  # some writers store a wrong size; read every row there is
        merged = _merged_ranges(workbook._archive, sheet._worksheet_path)
        rows = enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1)
        yield RawSheet(_guarded(rows), estimated, merged)
    finally:
        workbook.close()


def _guarded(rows: Iterator[RawRow]) -> Iterator[RawRow]:
    """A sheet can be broken halfway through: say so in Persian rather than crash."""
    try:
        yield from rows
    except Exception as exc:  # the XML of an untrusted file, parsed lazily
        logger.info("xlsx rows rejected: %r", exc)
        raise _not_xlsx() from None


def _merged_ranges(archive: zipfile.ZipFile, path: str) -> list[str]:
    """Merged ranges of one sheet, read by streaming its XML (read-only mode skips them)."""
    found: list[str] = []
    tail = b""
    with archive.open(path) as xml:
        while chunk := xml.read(MB):
            data = tail + chunk
            end = 0
            if b"mergeCell" in data:
                for match in _MERGE.finditer(data):
                    found.append(match.group(1).decode().upper())
                    end = match.end()
            tail = data[max(end, len(data) - 512) :]
    return found


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")


def _csv(data: bytes) -> RawSheet:
    text = _decode(data)
    if "\x00" in text:
        raise file_problem(_("فایل csv معتبر نیست (نویسه‌های دودویی دارد)."))
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)

    def rows() -> Iterator[RawRow]:
        try:
            yield from enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        except csv.Error:
            raise file_problem(_("فایل csv معتبر نیست.")) from None

    return RawSheet(rows(), text.count("\n") + (0 if text.endswith("\n") else 1))
