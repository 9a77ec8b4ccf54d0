"""Reads of document jobs (documents.selectors): a cooperative's jobs and one of them, for its
managers only; anybody else gets "not found"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from taavon.accounts.models import Role, User
from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser
from taavon.documents import services
from taavon.documents.selectors import document_job_get, document_job_of, document_jobs
from taavon.registry.models import Cooperative
from tests.factories import CooperativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def outsiders(make_user: Callable[..., User], dorud) -> dict[str, AnyUser]:
    other = CooperativeFactory()
    return {
        # `registered` is in Khorramabad (the factory's county): Dorud's office is outside.
        "officer of another county": make_user(Role.COUNTY_OFFICER, county=dorud),
        "manager of another cooperative": make_user(Role.COOP_MANAGER, cooperative_id=other.pk),
        "member": make_user(Role.MEMBER),
        "anonymous": AnonymousUser(),
    }


def test_jobs_newest_first_and_one_job_for_managers_only(
    registered: Cooperative, doc_manager: User, outsiders: dict[str, AnyUser]
) -> None:
    first = services.document_request(
        actor=doc_manager, cooperative=registered, kind="member_register_xlsx"
    )
    second = services.document_request(
        actor=doc_manager, cooperative=registered, kind="capital_register_xlsx"
    )

    assert list(document_jobs(doc_manager, registered)) == [second, first]
    assert document_job_of(doc_manager, registered, first.pk) == first
    assert document_job_get(doc_manager, registered.pk, first.pk) == first
    for user in outsiders.values():
        with pytest.raises(NotFoundError):
            document_jobs(user, registered)
        with pytest.raises(NotFoundError):
            document_job_of(user, registered, first.pk)
        with pytest.raises(NotFoundError):
            document_job_get(user, registered.pk, first.pk)


def test_a_job_of_another_cooperative_is_not_found(
    registered: Cooperative, doc_manager: User, make_user: Callable[..., User]
) -> None:
    other = CooperativeFactory()
    job = services.document_request(
        actor=make_user(Role.COOP_MANAGER, cooperative_id=other.pk),
        cooperative=other,
        kind="member_register_xlsx",
    )
    with pytest.raises(NotFoundError):
        document_job_of(doc_manager, registered, job.pk)
