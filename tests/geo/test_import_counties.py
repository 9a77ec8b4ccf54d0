"""`import_counties`: a valid CSV creates counties (audited); a bad one changes nothing and
names each bad row and column in Persian."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from taavon.audit.models import AuditEvent
from taavon.geo.models import County, Province

pytestmark = pytest.mark.django_db

HEADER = "slug,name_fa,name_en,population_1395,source\n"
VALID = HEADER + (
    "tehran,تهران,Tehran,8737510,census\nshemiranat,شمیرانات,Shemiranat,48927,census\n"
)


def run_import(tmp_path: Path, text: str, province: str = "IR-23", encoding: str = "utf-8"):
    path = tmp_path / "counties.csv"
    path.write_text(text, encoding=encoding)
    out, err = StringIO(), StringIO()
    call_command("import_counties", str(path), province=province, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def import_fails(tmp_path: Path, text: str, province: str = "IR-23") -> tuple[str, str]:
    """Run a failing import; return (command error message, stderr) and check nothing changed."""
    before = list(County.objects.order_by("pk").values())
    events = AuditEvent.objects.count()
    path = tmp_path / "counties.csv"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_counties", str(path), province=province, stderr=err)
    assert list(County.objects.order_by("pk").values()) == before
    assert AuditEvent.objects.count() == events
    return str(excinfo.value), err.getvalue()


def test_valid_csv_creates_counties_and_is_audited(tmp_path: Path) -> None:
    out, _ = run_import(tmp_path, VALID)

    assert "2 created" in out
    tehran = Province.objects.get(code="IR-23")
    assert set(tehran.counties.values_list("slug", "population_1395")) == {
        ("tehran", 8737510),
        ("shemiranat", 48927),
    }
    event = AuditEvent.objects.get(action="geo.county.import")
    assert event.object_type == "geo.province"
    assert event.object_id == str(tehran.pk)
    assert event.province_id == tehran.pk
    assert event.channel == "cli"  # written by a management command


def test_reimport_updates_instead_of_duplicating(tmp_path: Path) -> None:
    run_import(tmp_path, VALID)
    out, _ = run_import(tmp_path, VALID.replace("48927", "50000"))
    assert "0 created, 2 updated" in out
    assert County.objects.get(slug="shemiranat").population_1395 == 50000


def test_province_code_is_case_insensitive(tmp_path: Path) -> None:
    run_import(tmp_path, VALID, province=" ir-23 ")
    assert County.objects.filter(province__code="IR-23").count() == 2


def test_persian_digits_in_population_are_accepted(tmp_path: Path) -> None:
    run_import(tmp_path, HEADER + "tehran,تهران,Tehran,۸۷۳۷۵۱۰,census\n")
    assert County.objects.get(slug="tehran").population_1395 == 8737510


def test_thousands_separators_in_population_are_accepted(tmp_path: Path) -> None:
    run_import(
        tmp_path,
        HEADER + 'tehran,تهران,Tehran,"8,737,510",x\nrey,ری,Rey,۳۴۱٬۵۸۲,x\n',
    )
    assert County.objects.get(slug="tehran").population_1395 == 8737510
    assert County.objects.get(slug="rey").population_1395 == 341582


def test_empty_population_is_stored_as_unknown(tmp_path: Path) -> None:
    run_import(tmp_path, HEADER + "tehran,تهران,Tehran,,\n")
    assert County.objects.get(slug="tehran").population_1395 is None


def test_empty_rows_are_skipped(tmp_path: Path) -> None:
    run_import(tmp_path, HEADER + ",,,,\n" + VALID[len(HEADER) :] + "\n,,,,\n")
    assert County.objects.filter(province__code="IR-23").count() == 2


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    run_import(tmp_path, VALID, encoding="utf-8-sig")
    assert County.objects.filter(province__code="IR-23").count() == 2


def test_arabic_letters_in_names_are_normalised(tmp_path: Path) -> None:
    run_import(tmp_path, HEADER + "tehran,تهران,Tehran,1,x\nrey,ري,Rey,1,x\n")
    assert County.objects.get(slug="rey").name_fa == "ری"


def test_missing_column(tmp_path: Path) -> None:
    message, stderr = import_fails(tmp_path, "slug,name_en\ntehran,Tehran\n")
    assert "هیچ ردیفی ذخیره نشد" in message
    assert "ستون «name_fa» در فایل نیست." in stderr


def test_duplicate_slug(tmp_path: Path) -> None:
    _, stderr = import_fails(tmp_path, VALID + "tehran,ری,Rey,1,x\n")
    assert "ردیف ۴" in stderr
    assert "slug" in stderr
    assert "شناسه تکراری است." in stderr


def test_duplicate_name_in_file(tmp_path: Path) -> None:
    _, stderr = import_fails(tmp_path, VALID + "tehran-2,تهران,Tehran 2,1,x\n")
    assert "ردیف ۴" in stderr
    assert "نام تکراری است." in stderr


def test_name_already_used_by_another_county_of_the_province(tmp_path: Path) -> None:
    # Same Persian name as the shipped «خرم‌آباد» under a different slug.
    _, stderr = import_fails(tmp_path, HEADER + "khorram-abad,خرم آباد,Khorram Abad,1,x\n", "IR-15")
    assert "ردیف ۲" in stderr
    assert "name_fa" in stderr


def test_empty_name(tmp_path: Path) -> None:
    _, stderr = import_fails(tmp_path, HEADER + "tehran, ,Tehran,1,x\n")
    assert "ردیف ۲" in stderr
    assert "name_fa" in stderr
    assert "نام فارسی خالی است." in stderr


def test_non_integer_population(tmp_path: Path) -> None:
    _, stderr = import_fails(tmp_path, VALID + "rey,ری,Rey,12.5,x\nvaramin,ورامین,Varamin,زیاد,x\n")
    assert "ردیف ۴" in stderr
    assert "ردیف ۵" in stderr
    assert "population_1395" in stderr
    assert stderr.count("جمعیت باید عدد صحیح باشد.") == 2


def test_bad_slug(tmp_path: Path) -> None:
    _, stderr = import_fails(tmp_path, HEADER + "تهران,تهران,Tehran,1,x\n")
    assert "شناسه باید با حروف لاتین کوچک باشد." in stderr


def test_one_bad_row_saves_none_of_the_good_ones(tmp_path: Path) -> None:
    import_fails(tmp_path, VALID + "rey,,Rey,1,x\n")
    assert not County.objects.filter(province__code="IR-23").exists()


def test_header_only_file(tmp_path: Path) -> None:
    _, stderr = import_fails(tmp_path, HEADER)
    assert "فایل هیچ ردیفی ندارد." in stderr


def test_unknown_province(tmp_path: Path) -> None:
    message, _ = import_fails(tmp_path, VALID, province="IR-99")
    assert "استان" in message
    assert "IR-99" in message


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "counties.csv"
    path.write_bytes(VALID.replace("ی", "ي").encode("cp1256"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_counties", str(path), province="IR-23")
    assert not County.objects.filter(province__code="IR-23").exists()


def test_only_administrators_change_the_geography(lorestan, make_user) -> None:
    from taavon.accounts.models import Role
    from taavon.core.errors import NotFoundError
    from taavon.geo.models import County
    from taavon.geo.services import counties_import, reference_data_load

    officer = make_user(Role.PROVINCIAL_OFFICER, province=lorestan)
    before = County.objects.count()
    for actor in (officer, None):
        with pytest.raises(NotFoundError):
            counties_import(province=lorestan, text="slug,name_fa\nx,ایکس\n", actor=actor)
        with pytest.raises(NotFoundError):
            reference_data_load(actor=actor)
    assert County.objects.count() == before
