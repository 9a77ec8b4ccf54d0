"""Browse the audit log within the user's scope (administrators and officers)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from taavon.audit.selectors import AuditFilter, audit_event_list
from taavon.core.permissions import scope_of
from taavon.persian.forms import JalaliDateField
from taavon.web.htmx import HtmxHttpRequest


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("عمل"), required=False, max_length=80)
    actor = forms.CharField(label=_("کاربر"), required=False, max_length=150)
    object_type = forms.CharField(label=_("نوع شیء"), required=False, max_length=80)
    object_id = forms.CharField(label=_("شناسه شیء"), required=False, max_length=64)
    date_from = JalaliDateField(label=_("از تاریخ"), required=False)
    date_to = JalaliDateField(label=_("تا تاریخ"), required=False)


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
    context = {"form": form, "page": page, "query": query.urlencode()}
    template = "web/audit.html#rows" if request.htmx else "web/audit.html"
    return render(request, template, context)
