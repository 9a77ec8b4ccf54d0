"""Property-based API testing (schemathesis): generated requests, valid and invalid, never get a
5xx, and every response matches the OpenAPI document the app publishes, errors included."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from taavon.accounts.models import User
from taavon.wsgi import application

# Loaded from the app's own /api/v1/openapi.json through WSGI (no database needed for that).
api_schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
public_schema = api_schema.include(tag="geo", method="GET")
signed_in_schema = api_schema.include(tag=["me", "audit"], method="GET")
workflow_schema = api_schema.include(tag="workflows")

# Bounded and reproducible: 25 examples per operation, the same ones on every run.
bounded = settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def officer_headers(national_officer: User, bearer) -> dict[str, str]:
    return bearer(national_officer)


def call_and_check(case: schemathesis.Case, headers: dict[str, str] | None = None) -> None:
    response = case.call(headers=headers)
    assert response.status_code < 500, response.text
    case.validate_response(response, headers=headers)
    if response.status_code >= 400:
        assert set(response.json()) == {"message", "code", "extra"}


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
@public_schema.parametrize()
@bounded
def test_public_endpoints_conform_to_the_schema(case: schemathesis.Case) -> None:
    call_and_check(case)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
@signed_in_schema.parametrize()
@bounded
def test_signed_in_endpoints_conform_to_the_schema(
    case: schemathesis.Case, officer_headers: dict[str, str]
) -> None:
    call_and_check(case, officer_headers)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
@workflow_schema.parametrize()
@bounded
def test_workflow_endpoints_conform_to_the_schema(
    case: schemathesis.Case, officer_headers: dict[str, str]
) -> None:
    """Reading and publishing workflows, with whatever definitions hypothesis makes up. The
    workflow's own rules (reachable stages, known offices...) refuse most of them with 400: by
    design, not a schema violation."""
    response = case.call(headers=officer_headers)
    assert response.status_code < 500, response.text
    case.validate_response(
        response, headers=officer_headers, excluded_checks=[positive_data_acceptance]
    )
    if response.status_code >= 400:
        assert set(response.json()) == {"message", "code", "extra"}
