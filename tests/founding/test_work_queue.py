"""The office's work queue: applications waiting in a stage past its target days are found by
one filter, in the web list, on the dashboard and in the API."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from taavon.accounts.models import User
from taavon.founding.models import FoundingApplication
from taavon.founding.selectors import application_list, overdue_count

pytestmark = pytest.mark.django_db


def age(application: FoundingApplication, days: int) -> None:
    application.status_changed_at = timezone.now() - datetime.timedelta(days=days)
    application.save(update_fields=["status_changed_at"])


def test_only_what_waited_past_its_target_is_overdue(
    officer: User, dorud_officer: User, submitted: FoundingApplication
) -> None:
    assert overdue_count(officer) == 0
    age(submitted, 6)
    assert overdue_count(officer) == 0
    age(submitted, 8)
    assert list(application_list(user=officer, overdue=True)) == [submitted]
    assert overdue_count(dorud_officer) == 0  # not in their county


def test_the_list_the_dashboard_and_the_api_show_it(
    login_client: Callable[[User], Client],
    bearer: Callable[[User], dict[str, str]],
    client: Client,
    officer: User,
    submitted: FoundingApplication,
) -> None:
    age(submitted, 9)
    browser = login_client(officer)
    listed = browser.get("/founding/", {"tab": "queue", "overdue": "on"}).content.decode()
    assert submitted.tracking_code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in listed
    assert "۲ روز دیرتر از مهلت" in listed
    dashboard = browser.get("/dashboard/").content.decode()
    assert "۱ درخواست از مهلت مرحلهٔ خود گذشته است" in dashboard
    detail = browser.get(f"/founding/{submitted.pk}/").content.decode()
    assert "۹ روز در این مرحله" in detail and "مهلت: ۷ روز" in detail
    body = client.get("/api/v1/founding", {"overdue": "true"}, headers=bearer(officer)).json()
    (row,) = body["items"]
    assert row["overdue"] is True and row["stage_target_days"] == 7
    age(submitted, 1)
    empty = client.get("/api/v1/founding", {"overdue": "true"}, headers=bearer(officer)).json()
    assert empty["items"] == []
