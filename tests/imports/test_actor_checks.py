"""The import services check their actor themselves: an outsider may neither upload a list
nor ask for its commit, and a commit whose requester lost the right meanwhile writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from taavon.accounts.models import Role, RoleAssignment, User
from taavon.audit.models import AuditEvent
from taavon.core.errors import NotFoundError
from taavon.core.permissions import forget_scope
from taavon.imports import services
from taavon.imports.models import ImportStatus, MemberImport
from taavon.registry.models import Cooperative, Membership
from tests.imports.conftest import rows

pytestmark = pytest.mark.django_db


def upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes())


@pytest.fixture
def stranger(make_user: Callable[..., User], coop_khorramabad: Cooperative) -> User:
    return make_user(Role.COOP_MANAGER, cooperative_id=coop_khorramabad.pk)


def test_an_outsider_cannot_upload(coop: Cooperative, stranger: User, xlsx: Any) -> None:
    before = (MemberImport.objects.count(), AuditEvent.objects.count())
    with pytest.raises(NotFoundError):
        services.member_import_create(
            actor=stranger, cooperative=coop, upload=upload(xlsx(rows(5)))
        )
    assert (MemberImport.objects.count(), AuditEvent.objects.count()) == before


def test_an_outsider_cannot_ask_for_the_commit(
    coop: Cooperative, manager: User, stranger: User, xlsx: Any
) -> None:
    member_import = services.member_import_create(
        actor=manager, cooperative=coop, upload=upload(xlsx(rows(5)))
    )
    services.member_import_check(import_id=member_import.pk)
    with pytest.raises(NotFoundError):
        services.member_import_request_commit(actor=stranger, import_id=member_import.pk)
    member_import.refresh_from_db()
    assert member_import.status == ImportStatus.CHECKED
    with pytest.raises(NotFoundError):
        services.member_import_request_commit(actor=stranger, import_id=987654)


def test_a_commit_is_checked_again_when_the_worker_runs_it(
    coop: Cooperative, manager: User, xlsx: Any
) -> None:
    member_import = services.member_import_create(
        actor=manager, cooperative=coop, upload=upload(xlsx(rows(5)))
    )
    services.member_import_check(import_id=member_import.pk)
    services.member_import_request_commit(actor=manager, import_id=member_import.pk)
    RoleAssignment.objects.filter(user=manager).delete()  # the manager was replaced meanwhile
    forget_scope(manager)

    done = services.member_import_commit(import_id=member_import.pk, actor=manager)

    assert done.status == ImportStatus.INVALID
    assert not Membership.objects.filter(cooperative=coop).exists()
