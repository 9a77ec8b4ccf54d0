"""A cooperative's member register: search and paging, admission, a member's page, exit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from taavon.capital.selectors import ZERO, member_totals
from taavon.capital.selectors.management import (
    cooperative_overview,
    ledger_entry_list,
    member_capital,
)
from taavon.core.errors import ApplicationError
from taavon.persian import numbers
from taavon.registry.models import Cooperative, Membership, MembershipStatus
from taavon.registry.selectors import management as register
from taavon.registry.services.members import membership_admit, membership_exit
from taavon.registry.services.people import PersonData
from taavon.web.htmx import HtmxHttpRequest

from .common import (
    actor_of,
    apply_error,
    coop_context,
    coop_url,
    done,
    managed,
    not_found_as_404,
    page_of,
    render_form,
)
from .forms import AdmitForm, ExitForm, MemberSearchForm, PaymentForm, SubscriptionForm

MEMBERS_PER_PAGE = 25


@login_required
@not_found_as_404
def member_list(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    form = MemberSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    members = register.member_list(
        user=request.user,
        cooperative=coop,
        q=data.get("q") or "",
        status=data.get("status") or "member",
    )
    page, query = page_of(request, members, MEMBERS_PER_PAGE)
    ids = [m.pk for m in page]
    totals = member_totals(coop.pk, ids) if ids else {}
    rows = [(m, totals.get(m.pk, ZERO)) for m in page]
    context = coop_context(request, coop, "members") | {
        "form": form,
        "page": page,
        "rows": rows,
        "query": query,
    }
    template = "registry/coop/members.html"
    return render(request, f"{template}#rows" if request.htmx else template, context)


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def member_admit(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    form = AdmitForm(request.POST or None, initial={"joined_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = PersonData(
            national_id=data["national_id"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            father_name=data["father_name"],
            birth_date=data["birth_date"],
            gender=data["gender"],
            mobile=data["mobile"] or "",
        )
        try:
            membership = membership_admit(
                actor=actor_of(request),
                cooperative_id=coop.pk,
                person=person,
                joined_on=data["joined_on"],
            )
        except ApplicationError as exc:
            apply_error(form, exc)
        else:
            messages.success(
                request,
                _("عضو با شمارهٔ عضویت %(n)s پذیرفته شد.")
                % {"n": numbers.digits(membership.register_number)},
            )
            return done(request, coop_url("coop-member-detail", coop, membership.pk))
    context = coop_context(request, coop, "members") | {
        "form": form,
        "overview": cooperative_overview(coop),
    }
    return render_form(
        request, "registry/coop/member_admit.html", context, invalid=request.method == "POST"
    )


MEMBER_ENTRIES_SHOWN = 200


def _detail_context(
    request: HtmxHttpRequest, coop: Cooperative, membership: Membership, **forms: Any
) -> dict[str, Any]:
    user = request.user
    capital = member_capital(user, coop, membership)
    number = {"member": membership.register_number}
    active = membership.status == MembershipStatus.MEMBER
    entries = ledger_entry_list(user, coop, membership_id=membership.pk)
    posting: dict[str, Any] = {"cooperative": coop, "user": user, "initial": number}
    return coop_context(request, coop, "members") | {
        "membership": membership,
        "person": membership.person,
        "balances": capital.balances,
        "total": capital.total,
        "entries": list(entries[:MEMBER_ENTRIES_SHOWN]),
        "exit_form": forms.get("exit_form")
        or ExitForm(initial={"exit_date": timezone.localdate()}),
        "subscription_form": SubscriptionForm(**posting) if active else None,
        "payment_form": PaymentForm(**posting) if active else None,
        "has_classes": capital.has_classes,
    }


@login_required
@not_found_as_404
def member_detail(request: HtmxHttpRequest, coop_id: int, member_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    membership = register.member_get(request.user, coop, member_id)
    return render(
        request, "registry/coop/member_detail.html", _detail_context(request, coop, membership)
    )


@login_required
@require_http_methods(["POST"])
@not_found_as_404
def member_exit(request: HtmxHttpRequest, coop_id: int, member_id: int) -> HttpResponse:
    """Resignation, expulsion or death: the member's capital is returned through the ledger."""
    coop = managed(request, coop_id)
    membership = register.member_get(request.user, coop, member_id)
    form = ExitForm(request.POST)
    if form.is_valid():
        try:
            membership_exit(
                actor=actor_of(request),
                membership_id=membership.pk,
                **form.cleaned_data,
            )
        except ApplicationError as exc:
            apply_error(form, exc)
        else:
            messages.success(request, _("خروج عضو ثبت شد و سرمایهٔ او از دفتر بازپرداخت شد."))
            return done(request, coop_url("coop-member-detail", coop, membership.pk))
    context = _detail_context(request, coop, membership, exit_form=form)
    if request.htmx:
        return render(request, "registry/coop/member_detail.html#exit", context)
    return render(request, "registry/coop/member_detail.html", context, status=400)
