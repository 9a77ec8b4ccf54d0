"""The real thing: the database task backend and its worker deliver a notification."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from taavon.accounts.models import User
from taavon.notifications.models import DeliveryStatus
from taavon.notifications.services import notification_send
from taavon.notifications.sms import SmsMessage


# serialized_rollback: start from the migrated reference data even when an earlier
# transactional test has flushed the database.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_db_worker_delivers_an_enqueued_notification(
    database_tasks: None,
    keep_signal_handlers: None,
    make_user,
    sms_outbox: list[SmsMessage],
) -> None:
    user: User = make_user()

    # Autocommit: the on-commit hook enqueues a row in the task table at once.
    notification = notification_send(recipient=user, code="test.worker", title="از صف", body="متن")

    assert dict(notification.deliveries.values_list("channel", "status")) == {
        "email": DeliveryStatus.PENDING,
        "sms": DeliveryStatus.PENDING,
    }
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY"
    assert queued.args_kwargs["args"] == [notification.pk]
    assert mail.outbox == [] and sms_outbox == []

    call_command(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", stdout=StringIO(), verbosity=0
    )

    assert dict(notification.deliveries.values_list("channel", "status")) == {
        "email": DeliveryStatus.SENT,
        "sms": DeliveryStatus.SENT,
    }
    finished = DBTaskResult.objects.get()
    assert finished.status == "SUCCESSFUL"
    assert finished.return_value == {"email": "sent", "sms": "sent"}
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert sms_outbox == [SmsMessage(to=user.mobile, text="از صف\nمتن")]
