"""The import pages: upload, status with its htmx fragment, paged report, commit, template."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taavon.accounts.models import Role
from taavon.imports.models import ImportStatus, MemberImport
from taavon.registry.models import Membership
from tests.imports.conftest import HEADER, member_row, rows


def url(name: str, coop, **kwargs: int) -> str:
    return reverse(f"web:{name}", kwargs={"coop_id": coop.pk, **kwargs})


def post_file(client, coop, path: Path, capture):
    with capture(execute=True):
        return client.post(
            url("import-new", coop), {"file": SimpleUploadedFile(path.name, path.read_bytes())}
        )


def test_upload_page(coop, manager, login_client) -> None:
    response = login_client(manager).get(url("import-new", coop))

    assert response.status_code == 200
    assert 'accept=".xlsx,.csv"' in response.text
    assert url("import-template", coop) in response.text


def test_upload_runs_the_dry_run_and_shows_the_report(
    coop, manager, login_client, xlsx, django_capture_on_commit_callbacks
) -> None:
    client = login_client(manager)
    path = xlsx([*rows(5), member_row(6, national_id="0084575949")])

    response = post_file(client, coop, path, django_capture_on_commit_callbacks)

    member_import = MemberImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("import-detail", coop, import_id=member_import.pk)
    page = client.get(response["Location"])
    assert "دارای خطا" in page.text
    assert "کد ملی معتبر نیست." in page.text and "<td>۷</td>" in page.text
    assert "import-commit" not in page.text
    assert 'hx-trigger="every 1s"' not in page.text


def test_clean_file_offers_commit_and_commit_lists_the_members(
    coop, manager, login_client, xlsx, django_capture_on_commit_callbacks
) -> None:
    client = login_client(manager)
    post_file(client, coop, xlsx(rows(5)), django_capture_on_commit_callbacks)
    member_import = MemberImport.objects.get()
    detail = url("import-detail", coop, import_id=member_import.pk)
    assert 'id="import-commit"' in client.get(detail).text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("import-commit", coop, import_id=member_import.pk))

    assert response.status_code == 302
    page = client.get(detail).text
    assert "۵ عضو ثبت شد" in page
    assert "مریم احمدی1" in page or "مریم احمدی۱" in page
    assert Membership.objects.filter(cooperative=coop).count() == 5


def test_running_import_polls_with_htmx(coop, manager, login_client, xlsx) -> None:
    member_import = MemberImport.objects.create(
        cooperative=coop,
        uploaded_by=manager,
        original_name="a.xlsx",
        file="x.xlsx",
        status=ImportStatus.CHECKING,
        total_rows=200,
        processed_rows=50,
    )
    detail = url("import-detail", coop, import_id=member_import.pk)
    client = login_client(manager)

    page = client.get(detail).text
    fragment = client.get(detail, headers={"HX-Request": "true"})

    assert 'hx-trigger="every 1s"' in page and "۲۵٪" in page
    assert fragment.status_code == 200
    assert "<html" not in fragment.text and 'id="import-status"' in fragment.text


def test_a_long_report_is_paged(coop, manager, login_client) -> None:
    report = [{"row": i, "column": "کد ملی", "message": f"خطای {i}"} for i in range(2, 122)]
    member_import = MemberImport.objects.create(
        cooperative=coop,
        uploaded_by=manager,
        original_name="a.xlsx",
        file="x.xlsx",
        status=ImportStatus.INVALID,
        report=report,
        error_count=120,
    )
    detail = url("import-detail", coop, import_id=member_import.pk)
    client = login_client(manager)

    first, third = client.get(detail).text, client.get(detail + "?page=3").text

    assert "خطای 2<" in first and "خطای 52<" not in first
    assert "صفحهٔ ۱ از ۳" in first
    assert "خطای 121<" in third


def test_commit_twice_says_it_is_not_ready(
    coop, manager, login_client, xlsx, django_capture_on_commit_callbacks
) -> None:
    client = login_client(manager)
    post_file(
        client, coop, xlsx([member_row(1, national_id="1")]), django_capture_on_commit_callbacks
    )
    member_import = MemberImport.objects.get()

    response = client.post(url("import-commit", coop, import_id=member_import.pk), follow=True)

    assert "آمادهٔ ثبت نیست" in response.text


def test_upload_errors_show_on_the_form(
    coop, manager, login_client, tmp_path, django_capture_on_commit_callbacks
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("x")

    response = post_file(login_client(manager), coop, path, django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert "فقط فایل اکسل (xlsx) یا csv" in response.text


def test_sample_template(coop, manager, login_client) -> None:
    response = login_client(manager).get(url("import-template", coop))

    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == HEADER
    assert sheet.sheet_view.rightToLeft is True and sheet["A1"].font.b
    assert sheet["A2"].number_format == "@"


@pytest.mark.parametrize("name", ["import-new", "import-template"])
def test_officer_of_another_county_gets_404(
    coop, make_user, dorud, login_client, name: str
) -> None:
    outsider = make_user(Role.COUNTY_OFFICER, county=dorud)

    assert login_client(outsider).get(url(name, coop)).status_code == 404


def test_officer_of_another_county_cannot_see_an_import(
    coop, manager, make_user, dorud, login_client
) -> None:
    member_import = MemberImport.objects.create(
        cooperative=coop, uploaded_by=manager, original_name="a.xlsx", file="x.xlsx"
    )
    outsider = login_client(make_user(Role.COUNTY_OFFICER, county=dorud))

    assert outsider.get(url("import-detail", coop, import_id=member_import.pk)).status_code == 404
    assert outsider.post(url("import-commit", coop, import_id=member_import.pk)).status_code == 404


def test_county_officer_of_the_cooperative_may_import(coop, county_officer, login_client) -> None:
    assert login_client(county_officer).get(url("import-new", coop)).status_code == 200


def test_an_import_of_another_cooperative_is_404(coop, manager, login_client) -> None:
    from tests.factories import CooperativeFactory

    other = CooperativeFactory()
    member_import = MemberImport.objects.create(
        cooperative=other, uploaded_by=manager, original_name="a.xlsx", file="x.xlsx"
    )

    response = login_client(manager).get(url("import-detail", coop, import_id=member_import.pk))

    assert response.status_code == 404


def test_anonymous_is_sent_to_login(coop, client) -> None:
    response = client.get(url("import-new", coop))

    assert response.status_code == 302 and "/login/" in response["Location"]
