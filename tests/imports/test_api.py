"""The import API: upload (dry run starts), poll, commit; 404 outside scope; one error shape."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from taavon.accounts.models import Role
from taavon.imports.models import MemberImport
from taavon.registry.models import Membership
from tests.imports.conftest import HEADER, member_row, rows

BASE = "/api/v1/imports"


def upload(client: Client, coop, path: Path, headers, capture):
    with capture(execute=True):
        return client.post(
            f"{BASE}/cooperatives/{coop.pk}",
            {"file": SimpleUploadedFile(path.name, path.read_bytes())},
            headers=headers,
        )


def test_upload_poll_commit(
    coop, manager, bearer, xlsx, django_capture_on_commit_callbacks
) -> None:
    client, headers = Client(), bearer(manager)

    created = upload(client, coop, xlsx(rows(5)), headers, django_capture_on_commit_callbacks)

    assert created.status_code == 202, created.content
    body = created.json()  # the dry run runs once the upload is committed
    polled = client.get(f"{BASE}/{body['id']}", headers=headers).json()
    assert polled["status"] == "checked" and polled["status_label"] == "بررسی شد"
    assert polled["total_rows"] == 5 and polled["percent"] == 100 and polled["report"] == []
    with django_capture_on_commit_callbacks(execute=True):
        committed = client.post(f"{BASE}/{body['id']}/commit", headers=headers)
    assert committed.status_code == 202
    assert client.get(f"{BASE}/{body['id']}", headers=headers).json()["created_members"] == 5
    assert Membership.objects.filter(cooperative=coop).count() == 5


def test_report_in_the_response(
    coop, manager, bearer, xlsx, django_capture_on_commit_callbacks
) -> None:
    path = xlsx([*rows(5), member_row(6, joined_on="1499/01/01")])

    client, headers = Client(), bearer(manager)
    created = upload(client, coop, path, headers, django_capture_on_commit_callbacks).json()
    body = client.get(f"{BASE}/{created['id']}", headers=headers).json()

    assert body["status"] == "invalid" and body["error_count"] == 1
    assert body["report"] == [{"row": 7, "column": "تاریخ عضویت", "message": "تاریخ در آینده است."}]


def test_commit_of_an_invalid_import_is_409(
    coop, manager, bearer, xlsx, django_capture_on_commit_callbacks
) -> None:
    client, headers = Client(), bearer(manager)
    body = upload(
        client,
        coop,
        xlsx([member_row(1, national_id="x")]),
        headers,
        django_capture_on_commit_callbacks,
    ).json()

    response = client.post(f"{BASE}/{body['id']}/commit", headers=headers)

    assert response.status_code == 409
    assert response.json()["code"] == "import_not_ready"


def test_a_too_big_file_is_400(
    coop, manager, bearer, xlsx, settings, django_capture_on_commit_callbacks
) -> None:
    settings.TAAVON_IMPORT_MAX_BYTES = 100

    response = upload(
        Client(), coop, xlsx(rows(5)), bearer(manager), django_capture_on_commit_callbacks
    )

    assert response.status_code == 400
    assert "مگابایت" in response.json()["message"]
    assert not MemberImport.objects.exists()


def test_outside_scope_is_404(
    coop, manager, make_user, dorud, bearer, xlsx, django_capture_on_commit_callbacks
) -> None:
    body = upload(
        Client(), coop, xlsx(rows(5)), bearer(manager), django_capture_on_commit_callbacks
    ).json()
    outsider = bearer(make_user(Role.COUNTY_OFFICER, county=dorud))
    client = Client()

    assert (
        upload(
            client, coop, xlsx(rows(5)), outsider, django_capture_on_commit_callbacks
        ).status_code
        == 404
    )
    assert client.get(f"{BASE}/{body['id']}", headers=outsider).status_code == 404
    assert client.post(f"{BASE}/{body['id']}/commit", headers=outsider).status_code == 404
    assert client.get(f"{BASE}/cooperatives/{coop.pk}", headers=outsider).status_code == 404
    assert client.get(f"{BASE}/999999", headers=outsider).json()["code"] == "not_found"


def test_list_of_imports(coop, manager, bearer, xlsx, django_capture_on_commit_callbacks) -> None:
    client, headers = Client(), bearer(manager)
    for _ in range(2):
        upload(client, coop, xlsx(rows(5)), headers, django_capture_on_commit_callbacks)

    body = client.get(f"{BASE}/cooperatives/{coop.pk}", headers=headers).json()

    assert body["count"] == 2 and body["items"][0]["status"] == "checked"


def test_template(manager, bearer) -> None:
    response = Client().get(f"{BASE}/template.xlsx", headers=bearer(manager))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [c.value for c in sheet[1]] == HEADER


def test_anonymous_is_401(coop) -> None:
    assert Client().get(f"{BASE}/cooperatives/{coop.pk}").status_code == 401


def test_openapi_documents_the_endpoints(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert "/api/v1/imports/cooperatives/{coop_id}" in paths
    assert "/api/v1/imports/{import_id}/commit" in paths
    assert "/api/v1/imports/documents/{coop_id}/member-register.pdf" in paths
