"""Reads of imports (imports.selectors) and the import's own progress: a cooperative's imports,
one import under its cooperative, the members an import admitted. Outsiders get "not found"
or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from taavon.accounts.models import Role, User
from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser
from taavon.imports import services
from taavon.imports.models import ImportStatus, MemberImport
from taavon.imports.selectors import (
    member_import_admitted,
    member_import_get,
    member_import_list,
)
from taavon.registry.models import Cooperative
from tests.factories import CooperativeFactory
from tests.imports.conftest import rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsiders(make_user: Callable[..., User], dorud) -> dict[str, AnyUser]:
    other = CooperativeFactory()
    return {
        "officer of another county": make_user(Role.COUNTY_OFFICER, county=dorud),
        "manager of another cooperative": make_user(Role.COOP_MANAGER, cooperative_id=other.pk),
        "member": make_user(Role.MEMBER),
        "anonymous": AnonymousUser(),
    }


def _upload(manager: User, coop: Cooperative, path: Path) -> MemberImport:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    return services.member_import_create(actor=manager, cooperative=coop, upload=upload)


def _committed(manager: User, coop: Cooperative, path: Path) -> MemberImport:
    member_import = _upload(manager, coop, path)
    services.member_import_check(import_id=member_import.pk)
    services.member_import_request_commit(actor=manager, import_id=member_import.pk)
    return services.member_import_commit(import_id=member_import.pk, actor=manager)


def test_a_cooperatives_imports_newest_first_for_its_managers(
    coop: Cooperative, manager: User, csv_file, outsiders: dict[str, AnyUser]
) -> None:
    first = _upload(manager, coop, csv_file(rows(1), name="a.csv"))
    second = _upload(manager, coop, csv_file(rows(1), name="b.csv"))

    listed = list(member_import_list(manager, coop))

    assert listed == [second, first]
    assert listed[0].uploaded_by == manager
    for user in outsiders.values():
        with pytest.raises(NotFoundError):
            member_import_list(user, coop)


def test_an_import_is_found_only_under_its_own_cooperative(
    coop: Cooperative, manager: User, csv_file, outsiders: dict[str, AnyUser]
) -> None:
    member_import = _upload(manager, coop, csv_file(rows(1)))

    assert member_import_get(manager, member_import.pk, cooperative_id=coop.pk) == member_import
    with pytest.raises(NotFoundError):
        member_import_get(manager, member_import.pk, cooperative_id=coop.pk + 1)
    for user in outsiders.values():
        with pytest.raises(NotFoundError):
            member_import_get(user, member_import.pk, cooperative_id=coop.pk)


def test_the_members_an_import_admitted_in_register_order(
    coop: Cooperative, manager: User, csv_file, outsiders: dict[str, AnyUser]
) -> None:
    checked = _upload(manager, coop, csv_file(rows(2), name="first.csv"))
    services.member_import_check(import_id=checked.pk)
    checked.refresh_from_db()
    assert member_import_admitted(manager, checked) == []  # nothing written by a dry run

    # Four members at least: nobody may hold more than the profile's share of the capital.
    earlier = _committed(manager, coop, csv_file(rows(4, start=1), name="earlier.csv"))
    later = _committed(manager, coop, csv_file(rows(5, start=10), name="later.csv"))

    def numbers(member_import: MemberImport, **shown: int) -> list[int]:
        return [m.register_number for m in member_import_admitted(manager, member_import, **shown)]

    assert earlier.status == later.status == ImportStatus.COMMITTED
    assert numbers(earlier) == [1, 2, 3, 4]
    assert numbers(later) == [5, 6, 7, 8, 9]
    assert numbers(later, shown=2) == [8, 9]
    for who, user in outsiders.items():
        assert member_import_admitted(user, later) == [], who


@pytest.mark.parametrize(
    ("status", "processed", "total", "running", "percent"),
    [
        (ImportStatus.UPLOADED, 0, 0, True, 0),
        (ImportStatus.CHECKING, 50, 200, True, 25),
        (ImportStatus.COMMITTING, 199, 200, True, 99),
        (ImportStatus.CHECKED, 200, 200, False, 100),
        (ImportStatus.INVALID, 250, 200, False, 100),
        (ImportStatus.FAILED, 3, 0, False, 0),
    ],
)
def test_progress_of_an_import(status, processed, total, running, percent) -> None:
    member_import = MemberImport(status=status, processed_rows=processed, total_rows=total)
    assert member_import.is_running is running
    assert member_import.percent == percent
