"""The audit actions of founding: the application, its founders and capital, and one action per
workflow transition (looked up through `TRANSITION_EVENTS`, so each code stays greppable)."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued


@catalogued
class FoundingEvent(TextChoices):
    CREATE = "founding.create", _("ایجاد درخواست تأسیس")
    UPDATE = "founding.update", _("ویرایش درخواست تأسیس")
    FOUNDER_ADD = "founding.founder_add", _("افزودن مؤسس")
    FOUNDER_REMOVE = "founding.founder_remove", _("حذف مؤسس")
    CAPITAL = "founding.capital", _("ثبت سرمایهٔ مؤسسان")
    SUBMIT = "founding.submit", _("ارسال درخواست برای بررسی")
    RETURN = "founding.return", _("بازگشت درخواست برای اصلاح")
    REJECT = "founding.reject", _("رد درخواست")
    APPROVE = "founding.approve", _("موافقت با تأسیس")
    RECORD_ASSEMBLY = "founding.record_assembly", _("ثبت نتایج مجمع مؤسس")
    REGISTER = "founding.register", _("ثبت نهایی تعاونی")
    WITHDRAW = "founding.withdraw", _("انصراف از درخواست")


# Workflow action (founding/workflow.py) → its audit action; a test checks every action has one.
TRANSITION_EVENTS: dict[str, FoundingEvent] = {
    "submit": FoundingEvent.SUBMIT,
    "return": FoundingEvent.RETURN,
    "reject": FoundingEvent.REJECT,
    "approve": FoundingEvent.APPROVE,
    "record_assembly": FoundingEvent.RECORD_ASSEMBLY,
    "register": FoundingEvent.REGISTER,
    "withdraw": FoundingEvent.WITHDRAW,
}
