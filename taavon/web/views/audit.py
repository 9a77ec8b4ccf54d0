"""Browse the audit log within the user's scope (administrators and officers)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import action_choices, action_label
from taavon.audit.models import AuditEvent
from taavon.audit.selectors import AuditFilter, audit_event_list
from taavon.core.permissions import scope_of
from taavon.persian import numbers
from taavon.persian.forms import JalaliDateField
from taavon.web.htmx import HtmxHttpRequest
from taavon.web.views.founding.forms import TrackingCodeField

# Keys of an event's changes that hold an amount in rials, with how the page names them.
RIAL_CHANGES: dict[str, Promise] = {
    "subscribed": _("تعهد"),
    "paid": _("پرداخت"),
    "rials": _("مبلغ"),
    "returned_rials": _("مبلغ بازگشتی"),
}
CHANNELS: dict[str, Promise] = {
    "web": _("وب"),
    "api": _("API"),
    "cli": _("خط فرمان"),
    "task": _("کار پس‌زمینه"),
    "system": _("سامانه"),
}
# Summaries are written by the services in English ("3 subscriptions, 3000000 rials").
_RIALS_IN_SUMMARY = re.compile(r"([+-]?\d+) rials\b")


def _all_actions() -> list[tuple[str, Any]]:
    return [("", _("همهٔ عمل‌ها")), *action_choices()]


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("عمل"),
        required=False,
        choices=_all_actions,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    cooperative = forms.CharField(label=_("نام تعاونی"), required=False, max_length=200)
    tracking_code = TrackingCodeField(label=_("کد رهگیری تأسیس"), required=False)
    actor = forms.CharField(label=_("کاربر"), required=False, max_length=150)
    object_type = forms.CharField(label=_("نوع شیء"), required=False, max_length=80)
    object_id = forms.CharField(label=_("شناسه شیء"), required=False, max_length=64)
    date_from = JalaliDateField(label=_("از تاریخ"), required=False)
    date_to = JalaliDateField(label=_("تا تاریخ"), required=False)


def amount(rials: int) -> str:
    """An amount with the rial sign, in the active language's digits."""
    return gettext("%(amount)s ﷼") % {"amount": numbers.rials(rials)}


@dataclass(frozen=True)
class AuditRow:
    """One event as the page shows it: labels and amounts in the active language."""

    event: AuditEvent
    label: str
    actor: str
    summary: str
    amounts: list[tuple[str, str]]
    channel: str


def audit_row(event: AuditEvent) -> AuditRow:
    changes = event.changes if isinstance(event.changes, dict) else {}
    amounts = [
        (str(name), amount(changes[key]))
        for key, name in RIAL_CHANGES.items()
        if isinstance(changes.get(key), int) and not isinstance(changes[key], bool)
    ]
    summary = _RIALS_IN_SUMMARY.sub(lambda m: amount(int(m[1])), event.summary)
    # Without a user the actor's label is the channel the write came from ("system", "task").
    actor = event.actor_label if event.actor_id else _channel(event.actor_label)
    return AuditRow(
        event=event,
        label=action_label(event.action),
        actor=numbers.digits(actor),
        summary=numbers.digits(summary),
        amounts=amounts,
        channel=_channel(event.channel),
    )


def _channel(code: str) -> str:
    return str(CHANNELS.get(code, code))


@login_required
def audit_list(request: HtmxHttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    if not scope.is_officer:
        raise Http404
    form = AuditFilterForm(request.GET or None)
    filters = AuditFilter()
    if form.is_bound and form.is_valid():
        filters = AuditFilter(**form.cleaned_data)
    qs = audit_event_list(user=request.user, filters=filters)
    if form.is_bound and not form.is_valid():
        qs = qs.none()  # unfiltered rows under a filter error would mislead
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": [audit_row(e) for e in page],
        "query": query.urlencode(),
    }
    template = "web/audit.html#rows" if request.htmx else "web/audit.html"
    return render(request, template, context)
