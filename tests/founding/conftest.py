"""Founding fixtures: uploads go to a temporary media root; applications at each step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from taavon.accounts.models import Role, User
from taavon.founding.models import FoundingApplication
from taavon.geo.models import County
from tests.founding.helpers import act, assembly_payload, create_application


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def applicant(make_user: Callable[..., User]) -> User:
    return make_user(Role.MEMBER)


@pytest.fixture
def officer(county_officer: User) -> User:
    """County officer of Khorramabad (where the applications are filed)."""
    return county_officer


@pytest.fixture
def dorud_officer(make_user: Callable[..., User], dorud: County) -> User:
    return make_user(Role.COUNTY_OFFICER, county=dorud)


@pytest.fixture
def draft(applicant: User, khorramabad: County) -> FoundingApplication:
    return create_application(applicant, khorramabad.pk)


@pytest.fixture
def submitted(applicant: User, draft: FoundingApplication) -> FoundingApplication:
    return act(applicant, draft, "submit")


@pytest.fixture
def approved(officer: User, submitted: FoundingApplication) -> FoundingApplication:
    return act(officer, submitted, "approve", name_rank=1)


@pytest.fixture
def assembly_held(applicant: User, approved: FoundingApplication) -> FoundingApplication:
    return act(applicant, approved, "record_assembly", **assembly_payload(approved))
