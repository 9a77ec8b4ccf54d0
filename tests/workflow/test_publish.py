"""Offices publish workflows as data, in versions: checked when saved, never edited, owned by
one office, published only by officers who sit at that office's level."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from taavon.accounts.models import Role, User
from taavon.audit.models import AuditEvent
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.geo.models import County, Province
from taavon.workflow.models import WorkflowDefinition
from taavon.workflow.selectors import workflow_get, workflow_summaries
from taavon.workflow.services import workflow_definition_publish

pytestmark = pytest.mark.django_db

DEFINITION: dict[str, Any] = {
    "initial": "submitted",
    "stages": [
        {
            "code": "submitted",
            "label": {"fa": "در انتظار بررسی", "en": "Awaiting review"},
            "target_days": 10,
        },
        {"code": "approved", "label": "موافقت شد"},
        {"code": "rejected", "label": "رد شد"},
    ],
    "transitions": [
        {
            "source": "submitted",
            "action": "approve",
            "target": "approved",
            "roles": ["officer"],
            "reach": "province",
            "label": "موافقت",
        },
        {
            "source": "submitted",
            "action": "reject",
            "target": "rejected",
            "roles": ["officer"],
            "label": "رد",
        },
    ],
}
UNREACHABLE = DEFINITION | {"transitions": DEFINITION["transitions"][:1]}


def publish(actor: Any, **changes: Any) -> WorkflowDefinition:
    values = {"code": "support_loan", "name": "تسهیلات اشتغال", "definition": DEFINITION}
    return workflow_definition_publish(actor=actor, **(values | changes))


def test_versions_follow_one_another_and_keep_what_was_published(
    national_officer: User,
) -> None:
    first = publish(national_officer)
    second = publish(national_officer, name="تسهیلات اشتغال ۱۴۰۵")
    assert (first.version, second.version) == (1, 2)
    assert workflow_get(national_officer, "support_loan").version == 2
    assert workflow_get(national_officer, "support_loan", 1).title == "تسهیلات اشتغال"
    assert first.workflow.stage("submitted").target_days == 10  # type: ignore[union-attr]
    assert AuditEvent.objects.filter(action="workflow.publish").count() == 2
    with pytest.raises(RuntimeError):
        first.save()
    with pytest.raises(RuntimeError):
        first.delete()


def test_an_object_keeps_the_version_it_started_under(national_officer: User) -> None:
    from django.db import models
    from django.test.utils import isolate_apps

    from taavon.workflow.models import DefinedWorkflowSubject
    from taavon.workflow.selectors import current_definition

    first = publish(national_officer)
    with isolate_apps("taavon.workflow"):

        class SupportCase(DefinedWorkflowSubject):
            status = models.CharField(max_length=40)

            class Meta:
                app_label = "workflow"

        case = SupportCase(workflow_definition=current_definition("support_loan"))
        changed = {**DEFINITION, "stages": [*DEFINITION["stages"]]}
        changed["stages"][0] = {**changed["stages"][0], "target_days": 3}
        publish(national_officer, definition=changed)
        assert current_definition("support_loan").version == 2
        assert case.workflow().version == first.version == 1
        assert case.workflow().stage("submitted").target_days == 10  # type: ignore[union-attr]


def test_a_broken_definition_is_refused_with_every_problem_and_nothing_saved(
    national_officer: User,
) -> None:
    with pytest.raises(ApplicationError) as caught:
        publish(national_officer, definition=UNREACHABLE)
    assert caught.value.code == "invalid_workflow"
    assert caught.value.fields["definition"] == ["به مرحلهٔ «rejected» از مرحلهٔ آغاز هیچ راهی نیست."]
    assert not WorkflowDefinition.objects.exists()
    assert not AuditEvent.objects.filter(action="workflow.publish").exists()


def test_the_laws_workflows_cannot_be_redefined(national_officer: User) -> None:
    with pytest.raises(ApplicationError) as caught:
        publish(national_officer, code="founding")
    assert caught.value.code == "reserved"


def test_offices_publish_at_their_own_level(
    make_user: Callable[..., User], lorestan: Province, tehran: Province, khorramabad: County
) -> None:
    provincial = make_user(Role.PROVINCIAL_OFFICER, province=lorestan)
    county = make_user(Role.COUNTY_OFFICER, county=khorramabad)
    member = make_user(Role.MEMBER)
    assert publish(provincial, province_id=lorestan.pk).province_id == lorestan.pk
    assert publish(county, code="county_help", county_id=khorramabad.pk).county_id == (
        khorramabad.pk
    )
    for actor, office in (
        (provincial, {}),  # the national office's
        (provincial, {"province_id": tehran.pk}),
        (county, {"province_id": lorestan.pk}),
        (member, {"county_id": khorramabad.pk}),
        (None, {}),
    ):
        with pytest.raises(NotFoundError):
            publish(actor, code="other", **office)
    assert WorkflowDefinition.objects.count() == 2


def test_an_unknown_office_is_refused(national_officer: User) -> None:
    for office, field in (
        ({"province_id": 987654}, "province_id"),
        ({"county_id": 0}, "county_id"),
        ({"county_id": 2**40}, "county_id"),
        ({"province_id": 1, "county_id": 1}, "county_id"),
    ):
        with pytest.raises(ApplicationError) as caught:
            publish(national_officer, **office)
        assert field in caught.value.fields
    assert not WorkflowDefinition.objects.exists()


def test_a_code_belongs_to_the_office_that_first_published_it(
    national_officer: User, lorestan: Province
) -> None:
    publish(national_officer)
    with pytest.raises(ApplicationError) as caught:
        publish(national_officer, province_id=lorestan.pk)
    assert caught.value.code == "other_office"


def test_only_officers_read_workflows(national_officer: User, member: User) -> None:
    publish(national_officer)
    assert {s.code for s in workflow_summaries(national_officer)} >= {
        "founding",
        "cooperative_status",
        "support_loan",
    }
    assert workflow_summaries(member) == []
    with pytest.raises(NotFoundError):
        workflow_get(member, "founding")
    with pytest.raises(NotFoundError):
        workflow_get(national_officer, "support_loan", 7)


# --- the API and the pages ---------------------------------------------------------------


def test_api_lists_shows_and_publishes(
    client: Client, bearer: Callable[[User], dict[str, str]], national_officer: User, member: User
) -> None:
    headers = bearer(national_officer)
    listed = client.get("/api/v1/workflows", headers=headers)
    assert listed.status_code == 200
    assert {"founding", "cooperative_status"} <= {w["code"] for w in listed.json()}
    founding = client.get("/api/v1/workflows/founding", headers=headers).json()
    submitted = next(s for s in founding["stages"] if s["code"] == "submitted")
    assert submitted["target_days"] == 7 and submitted["final"] is False
    created = client.post(
        "/api/v1/workflows",
        json.dumps({"code": "support_loan", "name": "تسهیلات", "definition": DEFINITION}),
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 201, created.content
    assert created.json()["version"] == 1
    refused = client.post(
        "/api/v1/workflows",
        json.dumps({"code": "bad", "name": "x", "definition": UNREACHABLE}),
        content_type="application/json",
        headers=headers,
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "invalid_workflow"
    assert refused.json()["extra"]["fields"]["definition"]
    assert client.get("/api/v1/workflows/founding", headers=bearer(member)).status_code == 404
    outsider = client.post(
        "/api/v1/workflows",
        json.dumps({"code": "mine", "name": "x", "definition": DEFINITION}),
        content_type="application/json",
        headers=bearer(member),
    )
    assert outsider.status_code == 404


def test_pages_list_show_and_publish(
    login_client: Callable[[User], Client], national_officer: User, member: User
) -> None:
    client = login_client(national_officer)
    listing = client.get("/workflows/")
    assert listing.status_code == 200 and "تأسیس تعاونی" in listing.content.decode()
    detail = client.get("/workflows/founding/")
    assert detail.status_code == 200
    assert "مهلت ۷ روز" in detail.content.decode()
    bad = client.post(
        "/workflows/new/",
        {
            "code": "support_loan",
            "name": "تسهیلات",
            "office": "national",
            "definition": json.dumps(UNREACHABLE),
        },
    )
    assert bad.status_code == 400
    assert "هیچ راهی نیست" in bad.content.decode()
    not_json = client.post(
        "/workflows/new/",
        {"code": "support_loan", "name": "تسهیلات", "office": "national", "definition": "{"},
    )
    assert not_json.status_code == 400 and "JSON" in not_json.content.decode()
    assert not WorkflowDefinition.objects.exists()
    good = client.post(
        "/workflows/new/",
        {
            "code": "support_loan",
            "name": "تسهیلات",
            "office": "national",
            "definition": json.dumps(DEFINITION),
        },
    )
    assert good.status_code == 302
    assert WorkflowDefinition.objects.get().version == 1
    assert login_client(member).get("/workflows/").status_code == 404
    assert login_client(member).get("/workflows/new/").status_code == 404
