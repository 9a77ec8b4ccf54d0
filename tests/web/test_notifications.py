"""The notifications page: list, unread filter, mark one or all read."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from taavon.accounts.models import User
from taavon.notifications.models import Notification
from taavon.notifications.services import notification_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(member: User) -> list[Notification]:
    return [
        notification_send(recipient=member, code="t", title=f"پیام {i}", body="متن", channels=[])
        for i in range(3)
    ]


@pytest.fixture
def client(member: User, login_client: Callable[[User], Client]) -> Client:
    return login_client(member)


def titles(response) -> list[str]:
    return [n.title for n in response.context["page"]]


def test_needs_login() -> None:
    assert Client().get("/me/notifications/").status_code == 302


def test_lists_newest_first(client: Client, inbox: list[Notification]) -> None:
    response = client.get("/me/notifications/")
    assert titles(response) == ["پیام 2", "پیام 1", "پیام 0"]


def test_mark_one_read_and_filter_unread(client: Client, inbox: list[Notification]) -> None:
    response = client.post("/me/notifications/read/", {"notification_id": inbox[0].pk})
    assert response.status_code == 302
    assert titles(client.get("/me/notifications/", {"unread": "1"})) == ["پیام 2", "پیام 1"]


def test_mark_all_read(client: Client, inbox: list[Notification]) -> None:
    client.post("/me/notifications/read/")
    assert titles(client.get("/me/notifications/", {"unread": "1"})) == []


@pytest.mark.parametrize("bad_id", ["abc", "999999"])
def test_bad_id_is_reported_in_persian(
    client: Client, inbox: list[Notification], bad_id: str
) -> None:
    response = client.post("/me/notifications/read/", {"notification_id": bad_id}, follow=True)
    assert "اعلان یافت نشد." in response.content.decode()


def test_someone_elses_notification_cannot_be_marked(
    client: Client, make_user: Callable[..., User]
) -> None:
    theirs = notification_send(recipient=make_user(), code="t", title="x", channels=[])
    response = client.post("/me/notifications/read/", {"notification_id": theirs.pk}, follow=True)
    assert "اعلان یافت نشد." in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_others_notifications_are_not_listed(
    client: Client, make_user: Callable[..., User]
) -> None:
    notification_send(recipient=make_user(), code="t", title="مال دیگری", channels=[])
    assert titles(client.get("/me/notifications/")) == []
