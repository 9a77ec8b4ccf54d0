"""Database constraints on roles: the scope must match the role even for direct writes."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from taavon.accounts.models import Role, RoleAssignment, User
from taavon.geo.models import County, Province
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user() -> User:
    return UserFactory()


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.COUNTY_OFFICER, {}),
        (Role.COUNTY_OFFICER, {"province": "lorestan"}),
        (Role.PROVINCIAL_OFFICER, {}),
        (Role.PROVINCIAL_OFFICER, {"county": "khorramabad"}),
        (Role.MEMBER, {"county": "khorramabad"}),
        (Role.NATIONAL_OFFICER, {"province": "lorestan"}),
        (Role.SYSADMIN, {"county": "khorramabad"}),
        (Role.FESTIVAL_JUDGE, {"county": "khorramabad"}),
        (Role.COOP_MANAGER, {}),
    ],
)
def test_check_constraint_rejects_a_scope_that_does_not_fit_the_role(
    user: User, role: Role, scope: dict[str, str]
) -> None:
    places = {
        "lorestan": {"province": Province.objects.get(code="IR-15")},
        "khorramabad": {"county": County.objects.get(slug="khorramabad")},
    }
    fields = {k: v for name in scope.values() for k, v in places[name].items()}
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=user, role=role, **fields)


def test_check_constraint_accepts_matching_rows(user: User) -> None:
    county = County.objects.get(slug="khorramabad")
    province = Province.objects.get(code="IR-15")
    RoleAssignment.objects.create(user=user, role=Role.COUNTY_OFFICER, county=county)
    RoleAssignment.objects.create(user=user, role=Role.PROVINCIAL_OFFICER, province=province)
    RoleAssignment.objects.create(user=user, role=Role.FESTIVAL_JUDGE, province=province)
    RoleAssignment.objects.create(user=user, role=Role.FESTIVAL_JUDGE)
    RoleAssignment.objects.create(user=user, role=Role.MEMBER)
    assert user.role_assignments.count() == 5


def test_display_name_falls_back_to_username() -> None:
    named = UserFactory(first_name="زهرا", last_name="کرمی")
    unnamed = UserFactory(first_name="", last_name="")
    assert named.display_name == "زهرا کرمی"
    assert unnamed.display_name == unnamed.username
