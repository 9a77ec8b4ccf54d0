from __future__ import annotations

from django.db.models import QuerySet

from taavon.accounts.models import User

from .models import Notification


def notification_list(*, user: User, unread_only: bool = False) -> QuerySet[Notification]:
    qs = Notification.objects.filter(recipient=user)
    return qs.filter(read_at__isnull=True) if unread_only else qs


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
