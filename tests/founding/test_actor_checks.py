"""Every founding service checks its actor itself, under the application's lock: somebody who
cannot see the application gets "not found", somebody who sees it but may not do this gets a
clear refusal, and nothing is written either way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from taavon.accounts.models import Role, User
from taavon.audit.models import AuditEvent
from taavon.capital.models import LedgerEntry
from taavon.core.errors import NotFoundError
from taavon.founding.models import Founder, FoundingApplication
from taavon.founding.services import (
    ActionForbidden,
    CapitalRow,
    application_update,
    founder_add,
    founder_remove,
    founding_capital_record,
)
from taavon.registry.services.people import PersonData
from tests.factories import national_id
from tests.founding.helpers import create_application

pytestmark = pytest.mark.django_db


def footprint() -> tuple[int, ...]:
    return (
        FoundingApplication.objects.count(),
        Founder.objects.count(),
        LedgerEntry.objects.count(),
        AuditEvent.objects.count(),
    )


def edits(draft: FoundingApplication) -> dict[str, Callable[[Any], object]]:
    founder = draft.founders.order_by("pk").first()
    assert founder is not None
    return {
        "application_update": lambda actor: application_update(
            actor=actor, application_id=draft.pk, activity="فعالیت تازه"
        ),
        "founder_add": lambda actor: founder_add(
            actor=actor,
            application_id=draft.pk,
            person=PersonData(national_id(80_001), "پرویز", "تازه"),
        ),
        "founder_remove": lambda actor: founder_remove(
            actor=actor, application_id=draft.pk, founder_id=founder.pk
        ),
    }


@pytest.mark.parametrize("service", ["application_update", "founder_add", "founder_remove"])
def test_only_the_applicant_edits_a_draft(
    draft: FoundingApplication,
    officer: User,
    dorud_officer: User,
    make_user: Callable[..., User],
    service: str,
) -> None:
    call = edits(draft)[service]
    stranger = make_user(Role.MEMBER)
    before = footprint()
    for actor in (stranger, dorud_officer, None):  # cannot see it
        with pytest.raises(NotFoundError):
            call(actor)
    with pytest.raises(ActionForbidden):  # sees it (their county) but it is not theirs
        call(officer)
    assert footprint() == before


def test_only_the_applicant_or_the_office_records_the_capital(
    approved: FoundingApplication, dorud_officer: User, make_user: Callable[..., User]
) -> None:
    assert approved.cooperative is not None
    first = approved.cooperative.memberships.order_by("register_number").first()
    assert first is not None
    stranger = make_user(Role.MEMBER)
    before = footprint()
    for actor in (stranger, dorud_officer, None):
        with pytest.raises(NotFoundError):
            founding_capital_record(
                actor=actor,
                application_id=approved.pk,
                rows=[CapitalRow(first.pk, shares=10, paid=1_000_000)],
                effective_on=timezone.localdate(),
            )
    assert footprint() == before


def test_an_anonymous_visitor_cannot_apply(khorramabad: Any) -> None:
    from django.contrib.auth.models import AnonymousUser

    before = footprint()
    for actor in (None, AnonymousUser()):
        with pytest.raises(NotFoundError):
            create_application(actor, khorramabad.pk)  # type: ignore[arg-type]
    assert footprint() == before
