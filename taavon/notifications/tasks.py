"""Background delivery of notifications by email and SMS (django.tasks)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from taavon.audit.context import in_channel

from .models import Channel, Delivery, DeliveryStatus
from .sms import SmsError, SmsMessage, get_gateway


def _send(delivery: Delivery) -> None:
    notification = delivery.notification
    user = notification.recipient
    text = f"{notification.title}\n{notification.body}".strip()
    if delivery.channel == Channel.EMAIL:
        if not user.email:
            raise LookupError("no email address")
        send_mail(notification.title, notification.body or notification.title, None, [user.email])
    else:
        if not user.mobile:
            raise LookupError("no mobile number")
        get_gateway().send(SmsMessage(to=user.mobile, text=text))


@task()
@in_channel("task")
def deliver_notification(notification_id: int) -> dict[str, str]:
    """Send each pending delivery of one notification; safe to run twice."""
    outcome: dict[str, str] = {}
    pending = Delivery.objects.filter(
        notification_id=notification_id, status__in=[DeliveryStatus.PENDING, DeliveryStatus.FAILED]
    ).values_list("pk", flat=True)
    for delivery_id in list(pending):
        with transaction.atomic():
            delivery = (
                Delivery.objects.select_for_update()
                .select_related("notification__recipient")
                .get(pk=delivery_id)
            )
            if delivery.status == DeliveryStatus.SENT:
                continue
            delivery.attempts += 1
            try:
                _send(delivery)
            except LookupError as exc:
                delivery.status, delivery.error = DeliveryStatus.SKIPPED, str(exc)
            except (SmsError, OSError) as exc:
                delivery.status, delivery.error = DeliveryStatus.FAILED, str(exc)[:1000]
            else:
                delivery.status, delivery.error = DeliveryStatus.SENT, ""
                delivery.sent_at = timezone.now()
            delivery.save(update_fields=["status", "error", "attempts", "sent_at"])
            outcome[delivery.channel] = delivery.status
    return outcome
