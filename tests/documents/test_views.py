"""Document pages and API downloads: only for those who manage the cooperative."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from taavon.accounts.models import Role
from taavon.registry.models import Cooperative, CooperativeStatus, Membership

PAGES = [
    ("doc-registration-certificate", "application/pdf"),
    ("doc-member-register-pdf", "application/pdf"),
    ("doc-member-register-xlsx", "application/vnd.openxmlformats-officedocument"),
    ("doc-capital-register-pdf", "application/pdf"),
    ("doc-capital-register-xlsx", "application/vnd.openxmlformats-officedocument"),
]
API = [
    "registration-certificate.pdf",
    "member-register.pdf",
    "member-register.xlsx",
    "capital-register.pdf",
    "capital-register.xlsx",
]


def url(name: str, coop: Cooperative, **kwargs: int) -> str:
    return reverse(f"web:{name}", kwargs={"coop_id": coop.pk, **kwargs})


@pytest.mark.parametrize(("name", "content_type"), PAGES)
def test_manager_downloads(
    registered, members, doc_manager, login_client, name: str, content_type: str
) -> None:
    response = login_client(doc_manager).get(url(name, registered))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(("name", "_ct"), PAGES)
def test_officer_of_another_county_gets_404(
    registered, members, make_user, dorud, login_client, name: str, _ct: str
) -> None:
    outsider = make_user(Role.COUNTY_OFFICER, county=dorud)

    assert login_client(outsider).get(url(name, registered)).status_code == 404


def test_member_of_the_public_gets_404(registered, member, login_client) -> None:
    assert login_client(member).get(url("doc-member-register-pdf", registered)).status_code == 404


def test_officer_of_the_county_may_read(registered, members, county_officer, login_client) -> None:
    response = login_client(county_officer).get(url("doc-member-register-xlsx", registered))

    assert response.status_code == 200


def test_share_certificate(
    registered, members: list[Membership], doc_manager, login_client
) -> None:
    client = login_client(doc_manager)

    ok = client.get(url("doc-share-certificate", registered, membership_id=members[0].pk))
    left = client.get(
        url("doc-share-certificate", registered, membership_id=members[-1].pk), follow=True
    )

    assert ok.status_code == 200 and ok.content.startswith(b"%PDF")
    assert "پایان یافته" in left.text


def test_share_certificate_of_another_cooperative_is_404(
    registered, members, doc_manager, login_client
) -> None:
    from tests.factories import CooperativeFactory

    other = CooperativeFactory()
    response = login_client(doc_manager).get(
        url("doc-share-certificate", other, membership_id=members[0].pk)
    )

    assert response.status_code == 404


def test_index_finds_a_share_certificate_by_register_number(
    registered, members, doc_manager, login_client
) -> None:
    client = login_client(doc_manager)

    found = client.get(url("documents", registered) + "?register_number=۲")
    missing = client.get(url("documents", registered) + "?register_number=5")

    assert found.status_code == 302
    assert found["Location"] == url(
        "doc-share-certificate", registered, membership_id=members[1].pk
    )
    assert "عضو فعالی با این شمارهٔ عضویت پیدا نشد" in missing.text


def test_registration_certificate_of_a_founding_cooperative(
    registered, doc_manager, login_client
) -> None:
    Cooperative.objects.filter(pk=registered.pk).update(status=CooperativeStatus.FOUNDING)

    response = login_client(doc_manager).get(
        url("doc-registration-certificate", registered), follow=True
    )

    assert "هنوز ثبت نشده" in response.text


@pytest.mark.parametrize("path", API)
def test_api_downloads(registered, members, doc_manager, bearer, path: str) -> None:
    response = Client().get(
        f"/api/v1/imports/documents/{registered.pk}/{path}", headers=bearer(doc_manager)
    )

    assert response.status_code == 200
    assert response.content[:4] in (b"%PDF", b"PK\x03\x04")


@pytest.mark.parametrize("path", API)
def test_api_outside_scope_is_404(registered, make_user, dorud, bearer, path: str) -> None:
    outsider = bearer(make_user(Role.COUNTY_OFFICER, county=dorud))

    response = Client().get(f"/api/v1/imports/documents/{registered.pk}/{path}", headers=outsider)

    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_api_share_certificate(registered, members, doc_manager, bearer) -> None:
    base = f"/api/v1/imports/documents/{registered.pk}/share-certificates"
    client, headers = Client(), bearer(doc_manager)

    assert client.get(f"{base}/{members[0].pk}.pdf", headers=headers).status_code == 200
    assert client.get(f"{base}/{members[-1].pk}.pdf", headers=headers).status_code == 400
    assert client.get(f"{base}/999999.pdf", headers=headers).status_code == 404


def test_too_big_pdf_sends_the_user_to_the_xlsx(
    registered, members, doc_manager, login_client, bearer, settings
) -> None:
    settings.TAAVON_PDF_REGISTER_MAX_ROWS = 3

    page = login_client(doc_manager).get(url("doc-member-register-pdf", registered), follow=True)
    api = Client().get(
        f"/api/v1/imports/documents/{registered.pk}/member-register.pdf",
        headers=bearer(doc_manager),
    )

    assert "نسخهٔ اکسل" in page.text
    assert api.status_code == 400 and api.json()["code"] == "too_large"
