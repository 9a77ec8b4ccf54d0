"""Shared fixtures: places, one user per role (built through the services), clients, SMS outbox."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.utils import translation

from taavon.accounts.models import Role, User
from taavon.geo.models import County, Province
from taavon.notifications.sms import MemorySmsGateway, SmsMessage
from taavon.registry.models import Cooperative, CooperativeStatus
from tests.factories import (
    PASSWORD,
    CooperativeFactory,
    CountyFactory,
    RoleFactory,
    StaffUserFactory,
    UserFactory,
    token_for,
)


@pytest.fixture(autouse=True)
def sms_outbox() -> Iterator[list[SmsMessage]]:
    """The in-memory SMS outbox, emptied around every test."""
    MemorySmsGateway.outbox.clear()
    yield MemorySmsGateway.outbox
    MemorySmsGateway.outbox.clear()


@pytest.fixture(autouse=True)
def _persian() -> Iterator[None]:
    """Every test starts in Persian, whatever language an earlier request activated."""
    translation.activate("fa")
    yield
    translation.activate("fa")


@pytest.fixture
def password() -> str:
    return PASSWORD


# --- places -------------------------------------------------------------------------------


@pytest.fixture
def lorestan(db: None) -> Province:
    return Province.objects.get(code="IR-15")


@pytest.fixture
def tehran(db: None) -> Province:
    return Province.objects.get(code="IR-23")


@pytest.fixture
def khorramabad(db: None) -> County:
    return County.objects.get(slug="khorramabad")


@pytest.fixture
def dorud(db: None) -> County:
    return County.objects.get(slug="dorud")


@pytest.fixture
def tehran_county(db: None) -> County:
    return CountyFactory(slug="tehran", name_fa="تهران", name_en="Tehran")


# --- cooperatives ---------------------------------------------------------------------------


@pytest.fixture
def coop_khorramabad(khorramabad: County) -> Cooperative:
    return CooperativeFactory(name="تعاونی گردشگری خرم‌آباد", county=khorramabad)


@pytest.fixture
def coop_dorud(dorud: County) -> Cooperative:
    return CooperativeFactory(name="تعاونی فرش دورود", county=dorud)


@pytest.fixture
def coop_tehran(tehran_county: County) -> Cooperative:
    return CooperativeFactory(name="تعاونی مصرف تهران", county=tehran_county)


@pytest.fixture
def founding_coops(
    khorramabad: County, dorud: County, tehran_county: County
) -> dict[str, Cooperative]:
    """Cooperatives still being founded (not public): only their officers may see them."""
    return {
        place.slug: CooperativeFactory(
            name=f"تعاونی در حال تأسیس {place.name_fa}",
            county=place,
            status=CooperativeStatus.FOUNDING,
        )
        for place in (khorramabad, dorud, tehran_county)
    }


# --- users, one per role --------------------------------------------------------------------


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    """`make_user(role, **scope)`: a new user holding one role (staff roles log in by username)."""

    def make(role: Role | str | None = None, *, staff: bool | None = None, **scope: Any) -> User:
        role = Role(role) if role else None
        by_username = (
            staff if staff is not None else role not in (None, Role.MEMBER, Role.COOP_MANAGER)
        )
        user = StaffUserFactory() if by_username else UserFactory()
        if role:
            RoleFactory(user=user, role=role, **scope)
        return user

    return make


@pytest.fixture
def member(make_user: Callable[..., User]) -> User:
    return make_user(Role.MEMBER)


@pytest.fixture
def county_officer(make_user: Callable[..., User], khorramabad: County) -> User:
    return make_user(Role.COUNTY_OFFICER, county=khorramabad)


@pytest.fixture
def provincial_officer(make_user: Callable[..., User], lorestan: Province) -> User:
    return make_user(Role.PROVINCIAL_OFFICER, province=lorestan)


@pytest.fixture
def national_officer(make_user: Callable[..., User]) -> User:
    return make_user(Role.NATIONAL_OFFICER)


@pytest.fixture
def sysadmin(make_user: Callable[..., User]) -> User:
    return make_user(Role.SYSADMIN)


@pytest.fixture
def coop_manager(make_user: Callable[..., User], coop_dorud: Cooperative) -> User:
    return make_user(Role.COOP_MANAGER, cooperative_id=coop_dorud.pk)


@pytest.fixture
def outsiders(
    make_user: Callable[..., User], county_officer: User, coop_khorramabad: Cooperative
) -> dict[str, Any]:
    """People who may not act on Dorud's cooperatives, by what they are, and nobody at all."""
    return {
        "officer of another county": county_officer,
        "member": make_user(Role.MEMBER),
        "manager of another cooperative": make_user(
            Role.COOP_MANAGER, cooperative_id=coop_khorramabad.pk
        ),
        "nobody": None,
    }


@pytest.fixture
def outside_readers(outsiders: dict[str, Any]) -> dict[str, Any]:
    """The same outsiders as readers of a selector, where nobody is the anonymous visitor."""
    readers = {who: user for who, user in outsiders.items() if user is not None}
    return readers | {"anonymous": AnonymousUser()}


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """For calls straight into the WSGI app (schemathesis): Django closes the database
    connection at the end of every request, which inside the test's transaction would lose it
    on PostgreSQL; Django's own test client skips that, and so does this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# --- clients --------------------------------------------------------------------------------


@pytest.fixture
def login_client(db: None) -> Callable[[User], Client]:
    """`login_client(user)`: a browser client with that user's session."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def bearer(db: None) -> Callable[[User], dict[str, str]]:
    """`bearer(user)`: request headers carrying a fresh API token of that user."""

    def make(user: User) -> dict[str, str]:
        _, plain = token_for(user)
        return {"Authorization": f"Bearer {plain}"}

    return make


# --- the real database task backend and its worker -----------------------------------------

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings) -> None:
    settings.TASKS = DB_TASKS


@pytest.fixture
def keep_signal_handlers() -> Iterator[None]:
    """The worker installs SIGINT/SIGTERM handlers; give pytest its own back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)
