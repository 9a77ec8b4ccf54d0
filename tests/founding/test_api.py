"""/api/v1/founding: scoped list, multipart create with the PDF, detail, one endpoint per
workflow action with its payload schema, capital, similar names; one error shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from taavon.accounts.models import User
from taavon.founding.models import FoundingApplication
from taavon.geo.models import County
from tests.factories import CooperativeFactory
from tests.founding.helpers import LEGAL_ID, assembly_payload, founder_data, founders, minimal_pdf

pytestmark = pytest.mark.django_db
API = "/api/v1/founding"
Headers = Callable[[User], dict[str, str]]


def post_json(client: Client, url: str, body: Any, headers: dict[str, str]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)


def create_body(county: County, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "names": ["تعاونی دامداران الشتر", "تعاونی دام لرستان"],
        "kind": "production",
        "sector": "livestock",
        "county_id": county.pk,
        "activity": "پرورش دام",
        "founders": json.dumps([f.__dict__ for f in founders()], default=str),
        "feasibility_plan": SimpleUploadedFile("plan.pdf", minimal_pdf(), "application/pdf"),
    }
    return body | overrides


def assert_error_shape(body: dict[str, Any]) -> None:
    assert set(body) == {"message", "code", "extra"} and "fields" in body["extra"]


def test_create_with_multipart_and_the_pdf(
    client: Client, bearer: Headers, applicant: User, khorramabad: County
) -> None:
    response = client.post(API, create_body(khorramabad), headers=bearer(applicant))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and len(body["tracking_code"]) == 10
    assert [n["name"] for n in body["names"]] == ["تعاونی دامداران الشتر", "تعاونی دام لرستان"]
    assert len(body["founders"]) == 7 and body["founders"][0]["is_chair"]
    assert body["allowed_actions"] == ["submit", "withdraw"] and body["may_edit"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (
            {"feasibility_plan": SimpleUploadedFile("plan.pdf", b"<html>", "application/pdf")},
            "feasibility_plan",
        ),
        ({"names": ["الف", "ب", "پ", "ت"]}, "names"),
        ({"founders": json.dumps([f.__dict__ for f in founders(5)], default=str)}, "founders"),
    ],
)
def test_create_refuses_bad_input_with_one_error_shape(
    client: Client,
    bearer: Headers,
    applicant: User,
    khorramabad: County,
    overrides: dict[str, Any],
    field: str,
) -> None:
    response = client.post(API, create_body(khorramabad, **overrides), headers=bearer(applicant))
    assert response.status_code == 400
    body = response.json()
    assert_error_shape(body)
    assert field in body["extra"]["fields"]
    assert not FoundingApplication.objects.exists()


def test_create_with_malformed_founders_json_is_422(
    client: Client, bearer: Headers, applicant: User, khorramabad: County
) -> None:
    response = client.post(
        API, create_body(khorramabad, founders='[{"national_id": 1}'), headers=bearer(applicant)
    )
    assert response.status_code == 422
    assert_error_shape(response.json())


def test_create_with_invalid_national_id_names_the_row(
    client: Client, bearer: Headers, applicant: User, khorramabad: County
) -> None:
    people = [f.__dict__ for f in founders()]
    people[4]["national_id"] = "0000000000"
    response = client.post(
        API,
        create_body(khorramabad, founders=json.dumps(people, default=str)),
        headers=bearer(applicant),
    )
    assert response.status_code == 400
    assert "founders.4.national_id" in response.json()["extra"]["fields"]


def test_list_is_scoped_paginated_and_filtered(
    client: Client,
    bearer: Headers,
    applicant: User,
    officer: User,
    dorud_officer: User,
    submitted: FoundingApplication,
) -> None:
    mine = client.get(API, headers=bearer(applicant)).json()
    assert mine["count"] == 1 and mine["items"][0]["id"] == submitted.pk
    assert {"count", "page", "page_size", "pages", "items"} <= set(mine)
    assert client.get(API, {"status": "submitted"}, headers=bearer(officer)).json()["count"] == 1
    assert client.get(API, {"status": "approved"}, headers=bearer(officer)).json()["count"] == 0
    assert client.get(API, headers=bearer(dorud_officer)).json()["count"] == 0
    assert client.get(API, {"status": "bogus"}, headers=bearer(officer)).status_code == 422


def test_detail_and_not_found_outside_scope(
    client: Client,
    bearer: Headers,
    officer: User,
    dorud_officer: User,
    submitted: FoundingApplication,
) -> None:
    body = client.get(f"{API}/{submitted.pk}", headers=bearer(officer)).json()
    assert body["allowed_actions"] == ["return", "reject", "approve"]
    response = client.get(f"{API}/{submitted.pk}", headers=bearer(dorud_officer))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_whole_workflow_through_the_api(
    client: Client, bearer: Headers, applicant: User, officer: User, draft: FoundingApplication
) -> None:
    founder, office = bearer(applicant), bearer(officer)
    url = f"{API}/{draft.pk}"
    assert client.post(f"{url}/actions/submit", headers=founder).status_code == 200
    approved = post_json(
        client, f"{url}/actions/approve", {"name_rank": 2, "nominal_value": 500_000}, office
    )
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == "approved" and approved.json()["agreement_number"]
    draft.refresh_from_db()
    members = draft.cooperative.memberships.order_by("register_number")  # type: ignore[union-attr]
    rows = [{"membership_id": m.pk, "shares": 20, "paid": 4_000_000} for m in members]
    capital = post_json(
        client,
        f"{url}/capital",
        {"effective_on": str(timezone.localdate()), "rows": rows},
        founder,
    )
    assert capital.status_code == 200, capital.content
    assert capital.json()["capital"]["enough_to_register"] is True
    payload = assembly_payload(draft)
    payload["held_on"] = str(payload["held_on"])
    assert post_json(client, f"{url}/actions/record_assembly", payload, founder).status_code == 200
    registered = post_json(
        client,
        f"{url}/actions/register",
        {
            "registration_number": "321",
            "registration_date": str(timezone.localdate()),
            "legal_national_id": LEGAL_ID,
        },
        office,
    )
    assert registered.status_code == 200, registered.content
    assert registered.json()["status"] == "registered"
    agreement = client.get(f"{url}/agreement", headers=founder)
    assert agreement.status_code == 200 and agreement.content.startswith(b"%PDF-")


def test_action_errors_are_404_403_409_and_422(
    client: Client,
    bearer: Headers,
    applicant: User,
    officer: User,
    dorud_officer: User,
    submitted: FoundingApplication,
) -> None:
    url = f"{API}/{submitted.pk}/actions"
    assert post_json(client, f"{url}/approve", {}, bearer(dorud_officer)).status_code == 404
    forbidden = post_json(client, f"{url}/approve", {}, bearer(applicant))
    assert forbidden.status_code == 403 and forbidden.json()["code"] == "forbidden"
    illegal = post_json(
        client,
        f"{url}/register",
        {
            "registration_number": "1",
            "registration_date": "2025-01-01",
            "legal_national_id": LEGAL_ID,
        },
        bearer(officer),
    )
    assert illegal.status_code == 409 and illegal.json()["code"] == "invalid_transition"
    for bad in (1.5, "100", 0, -1):
        response = post_json(client, f"{url}/approve", {"nominal_value": bad}, bearer(officer))
        assert response.status_code == 422, bad
        assert_error_shape(response.json())
    missing_note = post_json(client, f"{url}/return", {"note": "  "}, bearer(officer))
    assert missing_note.status_code == 400 and "note" in missing_note.json()["extra"]["fields"]
    assert client.post(f"{url}/explode", headers=bearer(officer)).status_code in (404, 405)


def test_edit_founders_and_plan_through_the_api(
    client: Client, bearer: Headers, applicant: User, officer: User, draft: FoundingApplication
) -> None:
    founder = bearer(applicant)
    url = f"{API}/{draft.pk}"
    patched = client.patch(
        url,
        json.dumps({"activity": "پرورش زنبور"}),
        content_type="application/json",
        headers=founder,
    )
    assert patched.status_code == 200 and patched.json()["activity"] == "پرورش زنبور"
    added = post_json(
        client,
        f"{url}/founders",
        {
            k: v
            for k, v in founder_data(90).__dict__.items()
            if k in ("national_id", "first_name", "last_name", "father_name", "mobile")
        },
        founder,
    )
    assert added.status_code == 201, added.content
    removed = client.delete(f"{url}/founders/{added.json()['id']}", headers=founder)
    assert removed.status_code == 204
    plan = client.post(
        f"{url}/plan",
        {"feasibility_plan": SimpleUploadedFile("p.pdf", b"not pdf", "application/pdf")},
        headers=founder,
    )
    assert plan.status_code == 400
    assert (
        client.patch(
            url, "{}", content_type="application/json", headers=bearer(officer)
        ).status_code
        == 403
    )


def test_similar_names(client: Client, bearer: Headers, applicant: User) -> None:
    CooperativeFactory(name="تعاونی‌ها ی الشتر")
    response = client.get(
        f"{API}/similar-names", {"name": "تعاونيها ي الشتر"}, headers=bearer(applicant)
    )
    assert response.status_code == 200
    assert response.json()[0]["exact"] is True


def test_anonymous_is_401(client: Client) -> None:
    response = client.get(API)
    assert response.status_code == 401
    assert_error_shape(response.json())


def test_openapi_lists_every_action_with_its_schema(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    for action in (
        "submit",
        "return",
        "reject",
        "approve",
        "record_assembly",
        "register",
        "withdraw",
    ):
        operation = spec["paths"][f"{API}/{{application_id}}/actions/{action}"]["post"]
        assert operation["operationId"] == f"founding_action_{action}"
        if action != "submit":
            assert "requestBody" in operation


def test_outsiders_cannot_write_to_an_application(
    client: Client,
    bearer: Headers,
    dorud_officer: User,
    make_user: Callable[..., User],
    approved: FoundingApplication,
) -> None:
    """Another county's officer and another citizen get 404 for the capital and the founders,
    and nothing is written (the scope is checked before the services run)."""
    from taavon.capital.models import LedgerEntry
    from taavon.founding.models import Founder

    stranger = make_user()
    url = f"{API}/{approved.pk}"
    members = approved.cooperative.memberships.order_by("register_number")  # type: ignore[union-attr]
    rows = [{"membership_id": m.pk, "shares": 20, "paid": 4_000_000} for m in members]
    entries, founders_before = LedgerEntry.objects.count(), Founder.objects.count()
    for outsider in (dorud_officer, stranger):
        capital = post_json(
            client,
            f"{url}/capital",
            {"effective_on": str(timezone.localdate()), "rows": rows},
            bearer(outsider),
        )
        assert capital.status_code == 404, capital.content
        assert_error_shape(capital.json())
        added = post_json(
            client,
            f"{url}/founders",
            {**founder_data(40).__dict__, "birth_date": None},
            bearer(outsider),
        )
        assert added.status_code == 404, added.content
    assert LedgerEntry.objects.count() == entries
    assert Founder.objects.count() == founders_before


def test_founders_mobiles_are_masked_for_the_applicant_not_for_the_office(
    client: Client, bearer: Headers, applicant: User, officer: User, submitted: FoundingApplication
) -> None:
    """The register may already hold a founder's number: only the office sees it whole."""
    url = f"{API}/{submitted.pk}"
    mine = client.get(url, headers=bearer(applicant)).json()["founders"]
    office = client.get(url, headers=bearer(officer)).json()["founders"]
    assert mine[0]["mobile"] == "0913***0000" and office[0]["mobile"] == "+989135000000"
    page = Client()
    page.force_login(applicant)
    html = page.get(f"/founding/{submitted.pk}/").content.decode()
    assert "۰۹۱۳***۰۰۰۰" in html and "۰۹۱۳۵۰۰۰۰۰۰" not in html
    page.force_login(officer)
    assert "۰۹۱۳۵۰۰۰۰۰۰" in page.get(f"/founding/{submitted.pk}/").content.decode()
