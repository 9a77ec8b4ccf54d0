"""deliver_notification: sends each pending delivery once; failures are recorded and retried."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail

from taavon.accounts.models import User
from taavon.notifications.models import Delivery, Notification
from taavon.notifications.services import notification_send
from taavon.notifications.sms import SmsError, SmsGateway, SmsMessage
from taavon.notifications.tasks import deliver_notification

pytestmark = pytest.mark.django_db


class FailingSmsGateway(SmsGateway):
    def send(self, message: SmsMessage) -> None:
        raise SmsError("gateway said 503")


@pytest.fixture
def pending(member: User) -> Notification:
    """A notification whose deliveries were not sent yet (its on-commit task never ran)."""
    return notification_send(recipient=member, code="test.x", title="عنوان", body="متن")


def deliveries(notification: Notification) -> dict[str, Delivery]:
    return {d.channel: d for d in notification.deliveries.all()}


def test_task_sends_pending_deliveries(pending: Notification, sms_outbox: list[SmsMessage]) -> None:
    outcome = deliver_notification.call(pending.pk)
    assert outcome == {"email": "sent", "sms": "sent"}
    assert len(mail.outbox) == 1 and len(sms_outbox) == 1


def test_task_is_idempotent(pending: Notification, sms_outbox: list[SmsMessage]) -> None:
    deliver_notification.call(pending.pk)
    assert deliver_notification.call(pending.pk) == {}
    assert len(mail.outbox) == 1 and len(sms_outbox) == 1
    assert {d.attempts for d in deliveries(pending).values()} == {1}


def test_failing_gateway_marks_the_delivery_failed(
    pending: Notification, settings, sms_outbox: list[SmsMessage]
) -> None:
    settings.TAAVON_SMS_BACKEND = f"{__name__}.FailingSmsGateway"
    outcome = deliver_notification.call(pending.pk)
    assert outcome == {"email": "sent", "sms": "failed"}
    sms = deliveries(pending)["sms"]
    assert (sms.status, sms.error, sms.attempts, sms.sent_at) == (
        "failed",
        "gateway said 503",
        1,
        None,
    )


def test_failed_delivery_is_retried_and_email_not_resent(
    pending: Notification, settings, sms_outbox: list[SmsMessage]
) -> None:
    settings.TAAVON_SMS_BACKEND = f"{__name__}.FailingSmsGateway"
    deliver_notification.call(pending.pk)
    settings.TAAVON_SMS_BACKEND = "taavon.notifications.sms.MemorySmsGateway"
    assert deliver_notification.call(pending.pk) == {"sms": "sent"}
    sms = deliveries(pending)["sms"]
    assert (sms.status, sms.error, sms.attempts) == ("sent", "", 2)
    assert len(mail.outbox) == 1 and len(sms_outbox) == 1


def test_failing_mail_server_marks_the_delivery_failed(
    pending: Notification, monkeypatch: pytest.MonkeyPatch
) -> None:
    import smtplib

    def refuse(*args: object, **kwargs: object) -> None:
        raise smtplib.SMTPServerDisconnected("connection lost")

    monkeypatch.setattr("taavon.notifications.tasks.send_mail", refuse)
    outcome = deliver_notification.call(pending.pk)
    assert outcome["email"] == "failed"
    assert deliveries(pending)["email"].error == "connection lost"


def test_unknown_notification_is_a_no_op() -> None:
    assert deliver_notification.call(10**9) == {}


def test_enqueue_through_the_configured_backend(
    make_user: Callable[..., User], sms_outbox: list[SmsMessage], django_capture_on_commit_callbacks
) -> None:
    # The test settings use the immediate backend: the task runs as soon as it is enqueued.
    user = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(
            recipient=user, code="test.x", title="عنوان", channels=["sms"]
        )
    assert deliveries(notification)["sms"].status == "sent"
    assert sms_outbox[0].to == user.mobile
