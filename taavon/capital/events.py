"""The audit actions of the share ledger."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued


@catalogued
class CapitalEvent(TextChoices):
    SUBSCRIBE = "capital.subscribe", _("تعهد سهام")
    PAY = "capital.pay", _("پرداخت سرمایه")
    TRANSFER = "capital.transfer", _("انتقال سهام")
    REVERSE = "capital.reverse", _("برگشت ثبت سرمایه")
    REDEEM = "capital.redeem", _("بازپرداخت سرمایهٔ عضو خارج‌شده")
    SHARE_CLASS_CREATE = "capital.share_class.create", _("تعریف نوع سهم")
