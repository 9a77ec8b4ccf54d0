"""Writes through the Django admin are audited like service writes; workflow records are
read-only there."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from taavon.accounts.models import ApiToken, User
from taavon.accounts.services import api_token_create
from taavon.audit.models import AuditEvent
from taavon.registry.models import Cooperative, Person
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser() -> User:
    user: User = StaffUserFactory()
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    user.refresh_from_db()
    return user


@pytest.fixture
def admin_client(superuser: User, login_client: Callable[[User], Client]) -> Client:
    return login_client(superuser)


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


def test_correcting_a_person_is_audited_with_the_changed_fields(
    admin_client: Client, superuser: User
) -> None:
    person = Person.objects.create(national_id="0084575948", first_name="رضا", last_name="سپهوند")
    url = f"/admin/registry/person/{person.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["last_name"] = "سپهوندی"
    response = admin_client.post(url, data, REMOTE_ADDR="10.1.2.3")

    assert response.status_code == 302, response.content[:500]
    (event,) = events("admin.change")
    assert event.actor_id == superuser.pk
    assert (event.object_type, event.object_id) == ("registry.person", str(person.pk))
    assert event.changes == {"fields": ["last_name"]}
    assert event.ip_address == "10.1.2.3"


def test_deleting_a_token_in_the_admin_is_audited(admin_client: Client, superuser: User) -> None:
    token, _plain = api_token_create(actor=superuser, name="یکپارچه‌سازی")
    response = admin_client.post(f"/admin/accounts/apitoken/{token.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    (event,) = events("admin.delete")
    assert event.actor_id == superuser.pk
    assert (event.object_type, event.object_id) == ("accounts.apitoken", str(token.pk))


def test_workflow_records_are_read_only_in_the_admin(
    admin_client: Client, coop_dorud: Cooperative
) -> None:
    url = f"/admin/registry/cooperative/{coop_dorud.pk}/change/"
    assert admin_client.get(url).status_code == 200  # may look
    response = admin_client.post(url, {"name": "نام تازه", "status": "dissolved"})
    assert response.status_code == 403
    coop_dorud.refresh_from_db()
    assert coop_dorud.status != "dissolved"
    assert admin_client.get("/admin/registry/membership/add/").status_code == 403
    assert admin_client.get("/admin/registry/ruleprofile/add/").status_code == 403
