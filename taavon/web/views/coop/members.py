"""A cooperative's member register: search and paging, admission, a member's page, exit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from taavon.capital.models import ShareClass
from taavon.capital.selectors import ZERO, member_balances, member_totals
from taavon.capital.selectors.management import cooperative_overview, ledger_entries
from taavon.core.errors import ApplicationError
from taavon.core.permissions import get_visible_or_404
from taavon.persian import numbers
from taavon.registry.models import Cooperative, Membership, MembershipStatus
from taavon.registry.selectors.management import member_search
from taavon.registry.services.members import membership_admit, membership_exit
from taavon.registry.services.people import PersonData

from .common import (
    actor_of,
    apply_error,
    coop_context,
    coop_url,
    done,
    is_htmx,
    managed,
    not_found_as_404,
    page_of,
    render_form,
)
from .forms import AdmitForm, ExitForm, MemberSearchForm, PaymentForm, SubscriptionForm

MEMBERS_PER_PAGE = 25


def _members(coop: Cooperative, form: MemberSearchForm) -> Any:
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    qs = Membership.objects.filter(cooperative=coop).select_related("person")
    status = data.get("status") or "member"
    if status == "member":
        qs = qs.filter(status=MembershipStatus.MEMBER)
    elif status == "exited":
        qs = qs.exclude(status=MembershipStatus.MEMBER)
    return member_search(qs, data.get("q") or "").order_by("register_number")


@login_required
@not_found_as_404
def member_list(request: HttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    form = MemberSearchForm(request.GET or None)
    page, query = page_of(request, _members(coop, form), MEMBERS_PER_PAGE)
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
    return render(request, f"{template}#rows" if is_htmx(request) else template, context)


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def member_admit(request: HttpRequest, coop_id: int) -> HttpResponse:
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


def _membership(request: HttpRequest, coop: Cooperative, member_id: int) -> Membership:
    return get_visible_or_404(
        request.user,
        Membership.objects.filter(cooperative=coop).select_related("person"),
        pk=member_id,
    )


def _detail_context(
    request: HttpRequest, coop: Cooperative, membership: Membership, **forms: Any
) -> dict[str, Any]:
    classes = {c.pk: c for c in ShareClass.objects.filter(cooperative=coop)}
    balances = [
        (classes[class_id], balance)
        for (_m, class_id), balance in sorted(member_balances(coop.pk, [membership.pk]).items())
    ]
    total = sum((b for _c, b in balances), ZERO)
    number = {"member": membership.register_number}
    active = membership.status == MembershipStatus.MEMBER
    return coop_context(request, coop, "members") | {
        "membership": membership,
        "person": membership.person,
        "balances": balances,
        "total": total,
        "entries": list(ledger_entries(coop.pk).filter(membership=membership)[:200]),
        "exit_form": forms.get("exit_form")
        or ExitForm(initial={"exit_date": timezone.localdate()}),
        "subscription_form": SubscriptionForm(cooperative=coop, initial=number) if active else None,
        "payment_form": PaymentForm(cooperative=coop, initial=number) if active else None,
        "has_classes": bool(classes),
    }


@login_required
@not_found_as_404
def member_detail(request: HttpRequest, coop_id: int, member_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    membership = _membership(request, coop, member_id)
    return render(
        request, "registry/coop/member_detail.html", _detail_context(request, coop, membership)
    )


@login_required
@require_http_methods(["POST"])
@not_found_as_404
def member_exit(request: HttpRequest, coop_id: int, member_id: int) -> HttpResponse:
    """Resignation, expulsion or death: the member's capital is returned through the ledger."""
    coop = managed(request, coop_id)
    membership = _membership(request, coop, member_id)
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
    if is_htmx(request):
        return render(request, "registry/coop/member_detail.html#exit", context)
    return render(request, "registry/coop/member_detail.html", context, status=400)
