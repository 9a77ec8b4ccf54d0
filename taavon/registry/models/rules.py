"""Rule profiles: the numbers the law and the statutes set, as versioned data.

Sources disagree and the law was amended, so every check reads the profile in force for the
cooperative's kind and sector on a date; national officers publish new versions, never edit
old ones. Fractions are stored as numerator/denominator so 1/3 and 2/3 stay exact.
"""

from __future__ import annotations

from fractions import Fraction

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from taavon.persian import numbers

from .cooperative import ActivityKind, Sector


class RuleProfile(models.Model):
    name = models.CharField(_("عنوان"), max_length=200)
    kind = models.CharField(
        _("نوع فعالیت"),
        max_length=16,
        choices=ActivityKind.choices,
        blank=True,
        help_text=_("خالی یعنی همهٔ انواع"),
    )
    sector = models.CharField(
        _("بخش"),
        max_length=20,
        choices=Sector.choices,
        blank=True,
        help_text=_("خالی یعنی همهٔ بخش‌ها"),
    )
    version = models.PositiveIntegerField(_("نسخه"), default=1)
    effective_from = models.DateField(_("تاریخ اجرا"))
    source_note = models.TextField(_("منبع"), blank=True)

    min_founders = models.PositiveIntegerField(_("حداقل مؤسسان"), default=7)
    min_members = models.PositiveIntegerField(_("حداقل اعضا"), default=7)
    max_members = models.PositiveIntegerField(_("حداکثر اعضا"), null=True, blank=True)
    max_member_share_num = models.PositiveIntegerField(default=30)
    max_member_share_den = models.PositiveIntegerField(default=100)
    min_paid_num = models.PositiveIntegerField(default=1)
    min_paid_den = models.PositiveIntegerField(default=3)
    board_min = models.PositiveSmallIntegerField(_("حداقل اعضای اصلی هیئت‌مدیره"), default=3)
    board_max = models.PositiveSmallIntegerField(_("حداکثر اعضای اصلی هیئت‌مدیره"), default=7)
    alternates_num = models.PositiveSmallIntegerField(default=1)
    alternates_den = models.PositiveSmallIntegerField(default=3)
    board_term_years = models.PositiveSmallIntegerField(_("دورهٔ هیئت‌مدیره (سال)"), default=2)
    inspector_term_years = models.PositiveSmallIntegerField(_("دورهٔ بازرس (سال)"), default=1)
    statute_majority_num = models.PositiveSmallIntegerField(default=2)
    statute_majority_den = models.PositiveSmallIntegerField(default=3)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "sector", "-effective_from", "-version"]
        verbose_name = _("ضوابط")
        verbose_name_plural = _("ضوابط تعاونی‌ها")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "sector", "version"], name="registry_rule_version"
            ),
            models.CheckConstraint(
                name="registry_rule_fractions",
                condition=Q(
                    max_member_share_den__gt=0,
                    min_paid_den__gt=0,
                    alternates_den__gt=0,
                    statute_majority_den__gt=0,
                )
                & Q(max_member_share_num__lte=F("max_member_share_den"))
                & Q(min_paid_num__lte=F("min_paid_den"))
                & Q(statute_majority_num__lte=F("statute_majority_den")),
            ),
            models.CheckConstraint(
                name="registry_rule_board_range",
                condition=Q(board_min__gte=1, board_min__lte=F("board_max")),
            ),
            models.CheckConstraint(
                name="registry_rule_members_range",
                condition=Q(max_members__isnull=True) | Q(max_members__gte=F("min_members")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def max_member_share(self) -> Fraction:
        return Fraction(self.max_member_share_num, self.max_member_share_den)

    @property
    def min_paid_share(self) -> Fraction:
        return Fraction(self.min_paid_num, self.min_paid_den)

    @property
    def alternates_ratio(self) -> Fraction:
        return Fraction(self.alternates_num, self.alternates_den)

    @property
    def statute_majority(self) -> Fraction:
        return Fraction(self.statute_majority_num, self.statute_majority_den)

    # --- the rules every path checks the same way (services, the import's dry run) ----------

    def over_share_cap(self, holding: int, total: int) -> bool:
        """A member holding `holding` rials of `total` subscribed capital is above the cap."""
        cap = self.max_member_share
        return total > 0 and holding * cap.denominator > total * cap.numerator

    def share_cap_message(self, *, holding: int, total: int) -> str:
        return gettext(
            "سهم این عضو (%(amount)s ریال) از سقف %(cap)s درصد سرمایهٔ تعاونی (%(total)s ریال) "
            "بیشتر می‌شود."
        ) % {
            "amount": numbers.rials(holding),
            "cap": numbers.percent(self.max_member_share, places=2),
            "total": numbers.rials(total),
        }

    def over_max_members(self, count: int) -> bool:
        return self.max_members is not None and count > self.max_members

    def max_members_message(self, count: int) -> str:
        return gettext(
            "با این ثبت شمار اعضا به %(after)s نفر می‌رسد که از سقف %(max)s نفر بیشتر است."
        ) % {"after": numbers.number(count), "max": numbers.number(self.max_members)}
