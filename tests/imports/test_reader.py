"""Files that are not what they claim, too big, or unreadable: a Persian answer, nothing written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.utils import translation

from taavon.imports.engine import dry_run
from taavon.imports.problems import ImportRejected
from taavon.imports.reader import MB, check_upload
from taavon.registry.models import Cooperative, Membership
from tests.imports.conftest import HEADER, rows, source


def only_problem(path: Path, coop: Cooperative) -> str:
    outcome = dry_run(source(path), coop.pk)
    assert len(outcome.problems) == 1, outcome.problems
    problem = outcome.problems[0]
    assert problem.row is None
    return problem.message


def test_text_file_named_xlsx_is_not_really_xlsx(coop: Cooperative, tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    path.write_text("کد ملی,نام\n0084575948,رضا\n", encoding="utf-8")

    message = only_problem(path, coop)

    assert "واقعاً اکسل (xlsx) نیست" in message
    assert not Membership.objects.exists()


def test_zip_that_is_not_a_workbook(coop: Cooperative, tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")

    assert "معتبر نیست یا آسیب دیده است" in only_problem(path, coop)


def test_truncated_xlsx(coop: Cooperative, xlsx, tmp_path: Path) -> None:
    data = xlsx(rows(3)).read_bytes()
    path = tmp_path / "broken.xlsx"
    path.write_bytes(data[: len(data) // 2])

    assert "معتبر نیست یا آسیب دیده است" in only_problem(path, coop)


def test_old_binary_xls(coop: Cooperative, tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)

    assert "xls" in only_problem(path, coop)


def test_other_extensions_are_refused(coop: Cooperative, tmp_path: Path) -> None:
    path = tmp_path / "members.pdf"
    path.write_bytes(b"%PDF-1.7")

    assert "فقط فایل اکسل (xlsx) یا csv" in only_problem(path, coop)


def test_empty_file(coop: Cooperative, tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_bytes(b"")

    assert only_problem(path, coop) == "فایل خالی است."


def test_fifty_megabyte_file_is_refused_before_parsing(
    coop: Cooperative, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, instant to make
    opened: list[str] = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append("x"))

    message = only_problem(path, coop)

    assert "۵۰ مگابایت" in message and "۲۰ مگابایت" in message
    assert opened == []


def test_size_limit_is_a_setting(coop: Cooperative, xlsx, settings) -> None:
    settings.TAAVON_IMPORT_MAX_BYTES = 1024

    assert "مگابایت" in only_problem(xlsx(rows(30)), coop)


def test_zip_bomb_is_refused(coop: Cooperative, tmp_path: Path, settings) -> None:
    settings.TAAVON_IMPORT_MAX_UNZIPPED_BYTES = 1000
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 100_000)

    assert "بیش از حد بزرگ" in only_problem(path, coop)


def test_csv_in_utf8_with_bom(coop: Cooperative, csv_file) -> None:
    assert dry_run(source(csv_file(rows(4))), coop.pk).ok


def test_csv_in_windows_1256_with_semicolons(coop: Cooperative, csv_file) -> None:
    """Windows-1256 has no Persian yeh: Excel writes the Arabic one, which is normalised."""
    arabic = str.maketrans("یک", "يك")
    data = [[v.translate(arabic) if isinstance(v, str) else v for v in r] for r in rows(4)]
    header = [h.translate(arabic) for h in HEADER]
    path = csv_file(data, header=header, encoding="cp1256", delimiter=";")

    outcome = dry_run(source(path), coop.pk)

    assert outcome.ok, outcome.problems
    assert outcome.data_rows == 4


def test_csv_with_binary_content(coop: Cooperative, tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_bytes("کد ملی,نام\n".encode() + b"\x00\x01\x02")

    assert "csv معتبر نیست" in only_problem(path, coop)


@pytest.mark.parametrize(("language", "expected"), [("fa", "۱٫۵ مگابایت"), ("en", "1.5 MB")])
def test_sizes_have_the_language_s_decimal_separator(
    settings, language: str, expected: str
) -> None:
    settings.TAAVON_IMPORT_MAX_BYTES = MB
    with translation.override(language), pytest.raises(ImportRejected) as caught:
        check_upload("members.xlsx", 3 * MB // 2)
    assert expected in caught.value.message
