"""notification_send: in-app now, email/SMS in a background task after commit."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.core.errors import NotFoundError
from taavon.notifications.events import NotificationsEvent

from .models import Channel, Delivery, Notification
from .tasks import deliver_notification


@transaction.atomic
def notification_send(
    *,
    recipient: User,
    code: str,
    title: str,
    body: str = "",
    url: str = "",
    channels: Iterable[Channel | str] = (Channel.EMAIL, Channel.SMS),
) -> Notification:
    notification = Notification.objects.create(
        recipient=recipient, code=code, title=title[:200], body=body, url=url[:300]
    )
    wanted = sorted({Channel(c) for c in channels})
    Delivery.objects.bulk_create(Delivery(notification=notification, channel=c) for c in wanted)
    if wanted:
        transaction.on_commit(partial(deliver_notification.enqueue, notification.pk))
    return notification


@transaction.atomic
def notification_mark_read(*, actor: User, notification_id: int | None = None) -> int:
    """Mark one notification (or all, when no id is given) of the actor as read."""
    qs = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if notification_id is not None:
        if not Notification.objects.filter(pk=notification_id, recipient=actor).exists():
            raise NotFoundError()
        qs = qs.filter(pk=notification_id)
    count = qs.update(read_at=timezone.now())
    if count:
        audit_record(
            actor=actor,
            action=NotificationsEvent.MARK_READ,
            obj=actor,
            summary=f"{count} marked read",
            changes={"notification_id": notification_id},
        )
    return count
