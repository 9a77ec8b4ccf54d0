"""The share-capital ledger: append-only, hash-chained per cooperative, integers in rials.

Balances (subscribed, paid, outstanding) are never stored; they are sums over entries.
A correction is a reversing entry. Each entry's hash commits to the previous entry's hash,
so any edit made behind the application's back shows up in `capital.chain.verify`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ShareClass(models.Model):
    cooperative = models.ForeignKey(
        "registry.Cooperative", on_delete=models.PROTECT, related_name="share_classes"
    )
    code = models.CharField(_("کد"), max_length=20, default="A")
    name = models.CharField(_("عنوان"), max_length=100)
    nominal_value = models.PositiveBigIntegerField(_("ارزش اسمی هر سهم (ریال)"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("نوع سهم")
        verbose_name_plural = _("انواع سهم")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "code"], name="capital_class_code"),
            models.CheckConstraint(
                name="capital_class_nominal_pos", condition=Q(nominal_value__gt=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def audit_placement(self) -> dict[str, int | None]:
        return self.cooperative.audit_placement()


class EntryKind(models.TextChoices):
    SUBSCRIPTION = "subscription", _("تعهد سهام")
    PAYMENT = "payment", _("پرداخت")
    TRANSFER_OUT = "transfer_out", _("انتقال (واگذارنده)")
    TRANSFER_IN = "transfer_in", _("انتقال (گیرنده)")
    REDEMPTION = "redemption", _("بازپرداخت سرمایه")
    REVERSAL = "reversal", _("برگشت")


class LedgerEntry(models.Model):
    # The FK indexes on cooperative and membership are left out: (cooperative, seq) and
    # (membership, share_class) lead with them and serve the same lookups.
    cooperative = models.ForeignKey(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        db_index=False,
    )
    seq = models.PositiveBigIntegerField(_("ردیف"))
    kind = models.CharField(_("نوع"), max_length=14, choices=EntryKind.choices)
    membership = models.ForeignKey(
        "registry.Membership",
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        db_index=False,
    )
    share_class = models.ForeignKey(ShareClass, on_delete=models.PROTECT, related_name="+")
    shares_delta = models.BigIntegerField(_("تغییر تعداد سهام"), default=0)
    subscribed_delta = models.BigIntegerField(_("تغییر سرمایهٔ تعهدی (ریال)"), default=0)
    paid_delta = models.BigIntegerField(_("تغییر سرمایهٔ پرداختی (ریال)"), default=0)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )
    counterpart = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    board_approval = models.CharField(_("مصوبهٔ هیئت‌مدیره"), max_length=100, blank=True)
    reference = models.CharField(_("مرجع/شمارهٔ سند"), max_length=100, blank=True)
    note = models.CharField(_("شرح"), max_length=300, blank=True)
    effective_on = models.DateField(_("تاریخ"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("زمان ثبت"))
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["cooperative", "seq"]
        verbose_name = _("سند سرمایه")
        verbose_name_plural = _("دفتر سرمایه")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "seq"], name="capital_entry_seq"),
            models.CheckConstraint(name="capital_entry_seq_pos", condition=Q(seq__gte=1)),
            models.CheckConstraint(
                name="capital_entry_sign_by_kind",
                condition=(
                    Q(kind="subscription", subscribed_delta__gt=0, paid_delta=0, shares_delta__gt=0)
                    | Q(kind="payment", paid_delta__gt=0, subscribed_delta=0, shares_delta=0)
                    | Q(
                        kind="transfer_out",
                        subscribed_delta__lt=0,
                        paid_delta__lte=0,
                        shares_delta__lt=0,
                    )
                    | Q(
                        kind="transfer_in",
                        subscribed_delta__gt=0,
                        paid_delta__gte=0,
                        shares_delta__gt=0,
                    )
                    | Q(
                        kind="redemption",
                        subscribed_delta__lte=0,
                        paid_delta__lte=0,
                        shares_delta__lte=0,
                    )
                    | Q(kind="reversal", reverses__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="capital_entry_reversal_link",
                condition=Q(kind="reversal", reverses__isnull=False)
                | (~Q(kind="reversal") & Q(reverses__isnull=True)),
            ),
            models.CheckConstraint(
                name="capital_entry_transfer_approved",
                condition=~Q(kind__in=["transfer_out", "transfer_in"]) | ~Q(board_approval=""),
            ),
            models.CheckConstraint(
                name="capital_entry_not_self_reverse", condition=~Q(reverses=F("id"))
            ),
        ]
        indexes = [
            models.Index(fields=["cooperative", "membership"], name="capital_entry_member"),
            models.Index(fields=["membership", "share_class"], name="capital_entry_member_class"),
        ]

    def __str__(self) -> str:
        return f"{self.cooperative_id}/{self.seq} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("ledger entries are append-only; post a reversal instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("ledger entries are append-only; post a reversal instead")

    def audit_placement(self) -> dict[str, int | None]:
        return self.cooperative.audit_placement()
