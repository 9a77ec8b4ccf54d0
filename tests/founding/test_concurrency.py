"""Two county officers press "approve" on the same application at the same moment: one wins,
the other waits for the row lock, then gets a clear Persian error; nothing is done twice."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from taavon.accounts.models import Role, User
from taavon.core.errors import ApplicationError, ConflictError
from taavon.founding.models import ApplicationTransition, FoundingApplication
from taavon.founding.services import actions
from taavon.geo.models import County
from taavon.registry.models import Cooperative, Membership
from tests.founding.helpers import act, create_application, founders

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_officers_approving_at_once(
    make_user: Callable[..., User],
    khorramabad: County,
    officer: User,
    submitted: FoundingApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serialises whole transactions)")
    second = make_user(Role.COUNTY_OFFICER, county=khorramabad)
    slow_number = actions.agreement_number

    def agreement_number(*args: Any, **kwargs: Any) -> str:
        time.sleep(0.5)  # hold the application lock while the other officer arrives
        return slow_number(*args, **kwargs)

    monkeypatch.setattr(actions, "agreement_number", agreement_number)
    start = threading.Barrier(2)
    outcomes: dict[str, Any] = {}

    def approve(user: User) -> None:
        try:
            start.wait()
            act(user, submitted, "approve")
            outcomes[user.get_username()] = "approved"
        except ApplicationError as exc:
            outcomes[user.get_username()] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(u,)) for u in (officer, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(type(o).__name__ for o in outcomes.values()) == ["ConflictError", "str"]
    (error,) = [o for o in outcomes.values() if isinstance(o, ConflictError)]
    assert error.code == "invalid_transition"
    assert "موافقت‌نامه صادر شد" in error.message and "هم‌زمان" in error.message
    submitted.refresh_from_db()
    assert submitted.status == "approved"
    assert Cooperative.objects.count() == 1
    assert Membership.objects.count() == 7
    assert ApplicationTransition.objects.filter(action="approve").count() == 1
    assert FoundingApplication.objects.exclude(agreement_number="").count() == 1


def test_two_counties_approving_the_same_name_at_once(
    make_user: Callable[..., User],
    applicant: User,
    khorramabad: County,
    dorud: County,
    officer: User,
    dorud_officer: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Different applications (so no shared row lock) proposing one name: one cooperative."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serialises whole transactions)")
    names = ["تعاونی فرش دستباف زاگرس", "تعاونی فرش لرستان"]
    here = act(applicant, create_application(applicant, khorramabad.pk, names=names), "submit")
    there = act(
        applicant,
        create_application(applicant, dorud.pk, names=names, founders=founders(start=20)),
        "submit",
    )
    slow_number = actions.agreement_number

    def agreement_number(*args: Any, **kwargs: Any) -> str:
        time.sleep(0.5)  # hold the name lock while the other county's officer arrives
        return slow_number(*args, **kwargs)

    monkeypatch.setattr(actions, "agreement_number", agreement_number)
    start = threading.Barrier(2)
    outcomes: dict[int, Any] = {}

    def approve(user: User, application: FoundingApplication) -> None:
        try:
            start.wait()
            act(user, application, "approve")
            outcomes[application.pk] = "approved"
        except ApplicationError as exc:
            outcomes[application.pk] = exc
        finally:
            connection.close()

    threads = [
        threading.Thread(target=approve, args=pair)
        for pair in ((officer, here), (dorud_officer, there))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    errors = [o for o in outcomes.values() if isinstance(o, ApplicationError)]
    assert len(outcomes) == 2 and len(errors) == 1
    assert errors[0].code == "duplicate_name"
    assert Cooperative.objects.filter(name=names[0]).count() == 1
    assert FoundingApplication.objects.filter(status="approved").count() == 1
