"""The four Persian PDFs. Large tables are formatted here, once per cell, rather than through
template filters: the member register of a big cooperative has tens of thousands of cells."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from taavon.capital.selectors import ZERO, cooperative_totals
from taavon.core.errors import ApplicationError
from taavon.core.pdf import render_pdf
from taavon.documents.data import capital_register, holdings_of, register_rows, require_registered
from taavon.persian import numbers
from taavon.persian.jalali import format_jalali
from taavon.persian.validators import mask_national_id
from taavon.persian.words import rial_in_words
from taavon.registry.models import Cooperative, Membership, MembershipStatus


def max_register_rows() -> int:
    """WeasyPrint needs about 8 ms and 150 KB per table row (10,000 members: 76 s, 1.5 GB):
    bigger registers are offered as xlsx, which streams in constant memory."""
    return int(getattr(settings, "TAAVON_PDF_REGISTER_MAX_ROWS", 10_000))


def sync_register_rows() -> int:
    """Registers up to this many rows are built while the user waits (about 8 s at 1,000);
    bigger ones are built by the background worker and announced by a notification."""
    return int(getattr(settings, "TAAVON_PDF_SYNC_MAX_ROWS", 1_000))


def check_register_size(rows: int, *, background: bool) -> None:
    """Refuse a PDF register too large to build at all, or too large to build right now."""
    limit = max_register_rows()
    if rows > limit:
        raise ApplicationError(
            _(
                "این دفتر %(n)s ردیف دارد و نسخهٔ PDF تا %(max)s ردیف ساخته می‌شود؛ نسخهٔ اکسل "
                "آن را بگیرید."
            )
            % {"n": numbers.number(rows), "max": numbers.number(limit)},
            code="too_large",
        )
    if not background and rows > sync_register_rows():
        raise ApplicationError(
            _(
                "این دفتر %(n)s ردیف دارد و ساخت PDF آن چند دقیقه طول می‌کشد؛ در صفحهٔ اسناد "
                "«ساخت در پس‌زمینه» را بزنید تا پس از آماده شدن خبر بگیرید."
            )
            % {"n": numbers.number(rows)},
            code="build_in_background",
        )


def _date(value: datetime.date | None) -> str:
    return format_jalali(value) if value else ""


def _amount(value: int) -> str:
    """Table cells are Persian whatever language the reader chose (so are the documents)."""
    return numbers.number(value, persian=True)


def _digits(value: object) -> str:
    return numbers.digits(value, persian=True)


def _words(value: int) -> str:
    with translation.override("fa"):
        return rial_in_words(value)


def registration_certificate_pdf(cooperative: Cooperative) -> bytes:
    require_registered(cooperative)
    totals = cooperative_totals(cooperative.pk)
    return render_pdf(
        "pdf/registration_certificate.html",
        {
            "coop": cooperative,
            "totals": totals,
            "subscribed_words": _words(totals.subscribed),
            "paid_words": _words(totals.paid),
            "member_count": cooperative.memberships.filter(status=MembershipStatus.MEMBER).count(),
            "today": timezone.localdate(),
        },
    )


def share_certificate_filename(membership: Membership) -> str:
    return f"share-certificate-{membership.cooperative_id}-{membership.register_number}.pdf"


def share_certificate_pdf(membership: Membership) -> bytes:
    if membership.status != MembershipStatus.MEMBER:
        raise ApplicationError(
            _("عضویت این شخص پایان یافته است؛ برگ سهم صادر نمی‌شود."), code="not_member"
        )
    holdings = holdings_of(membership)
    total = sum((h.balance for h in holdings), ZERO)
    return render_pdf(
        "pdf/share_certificate.html",
        {
            "coop": membership.cooperative,
            "membership": membership,
            "person": membership.person,
            "masked_national_id": mask_national_id(membership.person.national_id),
            "holdings": holdings,
            "total": total,
            "subscribed_words": _words(total.subscribed),
            "paid_words": _words(total.paid),
            "today": timezone.localdate(),
        },
    )


def member_register_pdf(cooperative: Cooperative, *, background: bool = False) -> bytes:
    """Landscape table of every membership; two queries (counts, rows) for any size."""
    counts = cooperative.memberships.aggregate(
        count=Count("pk"), active=Count("pk", filter=Q(status=MembershipStatus.MEMBER))
    )
    check_register_size(counts["count"], background=background)
    rows = [
        {
            "register_number": _digits(r.register_number),
            "full_name": r.full_name,
            "father_name": r.father_name,
            "national_id": _digits(r.national_id),
            "joined_on": _date(r.joined_on),
            "status": r.status_label,
            "exit_date": _date(r.exit_date),
        }
        for r in register_rows(cooperative.pk)
    ]
    return render_pdf("pdf/member_register.html", {"coop": cooperative, "rows": rows, **counts})


def capital_register_pdf(cooperative: Cooperative, *, background: bool = False) -> bytes:
    register = capital_register(cooperative.pk)
    check_register_size(len(register.lines), background=background)
    lines: list[dict[str, Any]] = [
        {
            "register_number": _digits(line.register_number),
            "full_name": line.full_name,
            "status": line.status,
            "share_class": line.share_class.name,
            "shares": _amount(line.balance.shares),
            "subscribed": _amount(line.balance.subscribed),
            "paid": _amount(line.balance.paid),
            "outstanding": _amount(line.balance.outstanding),
        }
        for line in register.lines
    ]
    class_totals = (
        [
            {"name": register.classes[class_id].name, "balance": balance}
            for class_id, balance in sorted(register.by_class.items())
        ]
        if len(register.by_class) > 1
        else []
    )
    return render_pdf(
        "pdf/capital_register.html",
        {
            "coop": cooperative,
            "lines": lines,
            "class_totals": class_totals,
            "total": register.total,
            "subscribed_words": _words(register.total.subscribed),
            "paid_words": _words(register.total.paid),
        },
    )
