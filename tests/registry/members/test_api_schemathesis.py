"""Generated requests against the cooperative management API (schemathesis): valid and
invalid input never gets a 5xx, and every answer matches the published OpenAPI document,
errors included (a schema-valid request may still break a rule and get a 400). Path ids point at a real cooperative, member and entry, so the generated
bodies reach the services rather than stopping at a 404."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from taavon.accounts.models import Role
from taavon.wsgi import application

from .conftest import LedgerCoop

api_schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
cooperatives = api_schema.include(tag="cooperatives")

bounded = settings(
    max_examples=15,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
@cooperatives.parametrize()
@bounded
def test_cooperative_endpoints_conform_to_the_schema(
    case: schemathesis.Case, ledger: LedgerCoop, make_user, bearer
) -> None:
    headers = bearer(make_user(Role.COOP_MANAGER, cooperative_id=ledger.coop.pk))
    ids = {
        "coop_id": ledger.coop.pk,
        "member_id": ledger.members[1].pk,
        "entry_id": ledger.coop.ledger_entries.order_by("seq").first().pk,
    }
    if case.path_parameters:
        for name in case.path_parameters:
            case.path_parameters[name] = ids.get(name, case.path_parameters[name])

    response = case.call(headers=headers)

    assert response.status_code < 500, response.text
    # A schema cannot express the ledger's rules (cap, outstanding balance, duplicate codes),
    # so a well-formed request may still be refused with 400 and the one error shape.
    case.validate_response(response, headers=headers, excluded_checks=[positive_data_acceptance])
    if response.status_code >= 400:
        assert set(response.json()) == {"message", "code", "extra"}
