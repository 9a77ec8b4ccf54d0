"""Test data built through the real services (users, roles, tokens) where they exist.

Cooperatives have no write service yet (the registry issue adds it), so their factory saves the
model directly; counties are reference data and are saved directly too.
"""

from __future__ import annotations

from typing import Any

import factory

from taavon.accounts.models import ApiToken, Role, RoleAssignment, User
from taavon.accounts.services import api_token_create, role_assign, user_create
from taavon.core.permissions import SYSTEM
from taavon.geo.models import County, Province
from taavon.persian.text import search_key
from taavon.registry.models import Cooperative, CooperativeStatus

PASSWORD = "taavon-test-1404"


def national_id(serial: int) -> str:
    """A valid 10-digit national ID (check digit computed) for any serial number."""
    body = f"{(serial * 7919 + 1_234_567) % 1_000_000_000:09d}"
    remainder = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
    check = remainder if remainder < 2 else 11 - remainder
    return f"{body}{check}"


def mobile(serial: int) -> str:
    return f"0912{serial % 10_000_000:07d}"


class UserFactory(factory.Factory):
    """A citizen who logs in with a national ID; created with `user_create`."""

    class Meta:
        model = User

    national_id = factory.Sequence(national_id)
    first_name = "مریم"
    last_name = factory.Sequence(lambda n: f"کاربر{n}")
    mobile = factory.Sequence(mobile)
    email = factory.Sequence(lambda n: f"user{n}@example.test")
    password = PASSWORD

    @classmethod
    def _create(cls, model_class: type[User], *args: Any, **kwargs: Any) -> User:
        return user_create(actor=kwargs.pop("actor", SYSTEM), **kwargs)


class StaffUserFactory(UserFactory):
    """An office employee who logs in with a username."""

    national_id = None
    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True


class RoleFactory(factory.Factory):
    """A role assignment made through `role_assign`."""

    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER

    @classmethod
    def _create(cls, model_class: type[RoleAssignment], *args: Any, **kwargs: Any) -> Any:
        return role_assign(actor=kwargs.pop("actor", SYSTEM), **kwargs)


class CountyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = County

    province = factory.LazyFunction(lambda: Province.objects.get(code="IR-23"))
    slug = factory.Sequence(lambda n: f"county-{n}")
    name_fa = factory.Sequence(lambda n: f"شهرستان آزمایشی {n}")
    name_en = factory.Sequence(lambda n: f"Test County {n}")
    name_key = factory.LazyAttribute(lambda o: search_key(o.name_fa))
    population_1395 = 1000


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative

    name = factory.Sequence(lambda n: f"تعاونی آزمایشی {n}")
    county = factory.LazyFunction(lambda: County.objects.get(slug="khorramabad"))
    status = CooperativeStatus.ACTIVE
    registration_number = factory.Sequence(lambda n: str(1000 + n))


def token_for(user: User, name: str = "آزمون") -> tuple[ApiToken, str]:
    """An API token of `user` (through the service) and its plain text."""
    return api_token_create(actor=user, name=name)
