"""The audit actions of the register: members, a cooperative's status, the rule profiles."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued


@catalogued
class RegistryEvent(TextChoices):
    MEMBER_ADMIT = "registry.member.admit", _("پذیرش عضو")
    MEMBER_EXIT = "registry.member.exit", _("خروج عضو")
    COOPERATIVE_STATUS = "registry.cooperative.status", _("تغییر وضعیت تعاونی")
    COOPERATIVE_REGISTER = "registry.cooperative.register", _("ثبت‌شدن تعاونی")
    RULE_PROFILE_PUBLISH = "registry.rule_profile.publish", _("انتشار نسخهٔ ضوابط")
