"""notification_send: an in-app row now, email/SMS only after commit; marking as read."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail
from django.db import transaction

from taavon.accounts.models import User
from taavon.audit.models import AuditEvent
from taavon.core.errors import NotFoundError
from taavon.notifications.models import Channel, Delivery, DeliveryStatus, Notification
from taavon.notifications.selectors import notification_list, unread_count
from taavon.notifications.services import notification_mark_read, notification_send
from taavon.notifications.sms import SmsMessage

pytestmark = pytest.mark.django_db


def send(user: User, **kwargs: object) -> Notification:
    defaults: dict[str, object] = {"code": "test.hello", "title": "سلام", "body": "متن اعلان"}
    return notification_send(recipient=user, **{**defaults, **kwargs})  # type: ignore[arg-type]


def statuses(notification: Notification) -> dict[str, str]:
    return dict(notification.deliveries.values_list("channel", "status"))


def test_in_app_row_and_pending_deliveries_are_created(
    member: User, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        notification = send(member, url="/me/")
    assert (notification.recipient, notification.title, notification.url) == (
        member,
        "سلام",
        "/me/",
    )
    assert notification.read_at is None
    assert statuses(notification) == {"email": "pending", "sms": "pending"}
    assert len(callbacks) == 1


def test_nothing_goes_out_before_commit(
    member: User, sms_outbox: list[SmsMessage], django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        send(member)
    assert mail.outbox == []
    assert sms_outbox == []


def test_email_and_sms_go_out_after_commit(
    member: User, sms_outbox: list[SmsMessage], django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(member)
    assert statuses(notification) == {"email": "sent", "sms": "sent"}
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert mail.outbox[0].subject == "سلام"
    assert mail.outbox[0].body == "متن اعلان"
    assert sms_outbox == [SmsMessage(to=member.mobile, text="سلام\nمتن اعلان")]
    delivery = notification.deliveries.get(channel="sms")
    assert (delivery.attempts, delivery.error) == (1, "")
    assert delivery.sent_at is not None


def test_a_rolled_back_transaction_sends_nothing(
    member: User, sms_outbox: list[SmsMessage], django_capture_on_commit_callbacks
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send(member)
        raise RuntimeError("the surrounding use case failed")
    assert callbacks == []
    assert not Notification.objects.exists()
    assert sms_outbox == [] and mail.outbox == []


def test_only_the_chosen_channels(
    member: User, sms_outbox: list[SmsMessage], django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(member, channels=["sms"])
    assert statuses(notification) == {"sms": "sent"}
    assert mail.outbox == []
    assert len(sms_outbox) == 1


def test_in_app_only_enqueues_nothing(member: User, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        notification = send(member, channels=[])
    assert callbacks == []
    assert not notification.deliveries.exists()


def test_unknown_channel_is_refused(member: User) -> None:
    with pytest.raises(ValueError):
        send(member, channels=["pigeon"])
    assert not Notification.objects.exists()


def test_missing_mobile_and_email_skip_their_deliveries(
    make_user: Callable[..., User], sms_outbox: list[SmsMessage], django_capture_on_commit_callbacks
) -> None:
    user = make_user()
    user.mobile, user.email = "", ""
    user.save(update_fields=["mobile", "email"])
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(user)
    assert statuses(notification) == {"email": "skipped", "sms": "skipped"}
    sms = notification.deliveries.get(channel="sms")
    assert sms.error == "no mobile number"
    assert sms_outbox == [] and mail.outbox == []


def test_long_title_and_url_are_cut(member: User) -> None:
    notification = send(member, title="ع" * 300, url="/" + "a" * 400, channels=[])
    assert len(notification.title) == 200
    assert len(notification.url) == 300


# --- reading ------------------------------------------------------------------------------


@pytest.fixture
def three(member: User) -> list[Notification]:
    return [send(member, title=f"اعلان {i}", channels=[]) for i in range(3)]


def test_list_and_unread_count(member: User, three: list[Notification]) -> None:
    assert list(notification_list(user=member)) == list(reversed(three))
    assert unread_count(user=member) == 3


def test_mark_one_read(member: User, three: list[Notification]) -> None:
    assert notification_mark_read(actor=member, notification_id=three[0].pk) == 1
    three[0].refresh_from_db()
    assert three[0].read_at is not None
    assert unread_count(user=member) == 2
    assert list(notification_list(user=member, unread_only=True)) == [three[2], three[1]]
    event = AuditEvent.objects.get(action="notifications.mark_read")
    assert event.changes == {"notification_id": three[0].pk}


def test_mark_all_read(member: User, three: list[Notification]) -> None:
    assert notification_mark_read(actor=member) == 3
    assert unread_count(user=member) == 0
    assert notification_mark_read(actor=member) == 0  # nothing left: not audited again
    assert AuditEvent.objects.filter(action="notifications.mark_read").count() == 1


def test_marking_a_read_notification_again_is_harmless(
    member: User, three: list[Notification]
) -> None:
    notification_mark_read(actor=member, notification_id=three[0].pk)
    assert notification_mark_read(actor=member, notification_id=three[0].pk) == 0


def test_someone_elses_notification_is_not_found(
    member: User, make_user: Callable[..., User], three: list[Notification]
) -> None:
    other = make_user()
    with pytest.raises(NotFoundError):
        notification_mark_read(actor=other, notification_id=three[0].pk)
    with pytest.raises(NotFoundError):
        notification_mark_read(actor=other, notification_id=10**9)
    assert unread_count(user=member) == 3


def test_delivery_str() -> None:
    assert str(Delivery(channel=Channel.SMS, status=DeliveryStatus.SENT)) == "sms:sent"
