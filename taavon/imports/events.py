"""The audit actions of member-list imports: the upload, the dry run's outcome, the commit."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued
from taavon.imports.models import ImportStatus


@catalogued
class ImportsEvent(TextChoices):
    UPLOAD = "imports.upload", _("بارگذاری فهرست اعضا")
    CHECKED = "imports.checked", _("فهرست اعضا بررسی شد")
    INVALID = "imports.invalid", _("فهرست اعضا خطا دارد")
    COMMIT = "imports.commit", _("درخواست ثبت فهرست اعضا")
    MEMBERS = "imports.members", _("ثبت اعضای فهرست")
    FAILED = "imports.failed", _("خطای سامانه در پردازش فهرست")


# A finished check (or a commit refused on recheck) → its audit action, by the import's status.
FINISHED_EVENTS: dict[str, ImportsEvent] = {
    ImportStatus.CHECKED: ImportsEvent.CHECKED,
    ImportStatus.INVALID: ImportsEvent.INVALID,
}
