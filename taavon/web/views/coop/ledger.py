"""A cooperative's share-capital ledger: entries by sequence, and the posting forms
(subscription, payment, transfer with board approval, reversal with a reason)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from taavon.capital.models import EntryKind
from taavon.capital.selectors.management import ledger_entry_get, ledger_entry_list
from taavon.capital.services import (
    Subscription,
    capital_pay,
    capital_reverse,
    capital_subscribe,
    capital_transfer,
)
from taavon.core.errors import ApplicationError
from taavon.persian import numbers
from taavon.persian.text import to_latin_digits
from taavon.registry.models import Cooperative
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
    safe_next,
)
from .forms import PaymentForm, ReversalForm, SubscriptionForm, TransferForm

ENTRIES_PER_PAGE = 50
FORM_TEMPLATE = "registry/coop/ledger_form.html"


class LedgerFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("نوع"),
        required=False,
        choices=[("", gettext_lazy("همه"))] + list(EntryKind.choices),
    )
    member = forms.CharField(label=gettext_lazy("شماره عضویت"), required=False, max_length=12)


def _number(text: str) -> int | None:
    """A whole number typed in any digit script; None for anything else (no filter)."""
    digits = to_latin_digits(text).strip()
    return int(digits) if digits.isdigit() else None


@login_required
@not_found_as_404
def ledger(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    form = LedgerFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = ledger_entry_list(
        request.user,
        coop,
        kind=filters.get("kind") or "",
        register_number=_number(filters.get("member") or ""),
        seq=_number(request.GET.get("seq", "")),
    )
    page, query = page_of(request, entries, ENTRIES_PER_PAGE)
    context = coop_context(request, coop, "ledger") | {"form": form, "page": page, "query": query}
    template = "registry/coop/ledger.html"
    return render(request, f"{template}#rows" if request.htmx else template, context)


def _posting_view(
    request: HtmxHttpRequest,
    coop: Cooperative,
    form: forms.Form,
    post: Callable[[dict[str, Any]], str],
    title: str,
    **extra: Any,
) -> HttpResponse:
    """Validate, post through the service, and go back (to `next` or the ledger)."""
    if request.method == "POST" and form.is_valid():
        try:
            message = post(form.cleaned_data)
        except ApplicationError as exc:
            apply_error(form, exc)
        else:
            messages.success(request, message)
            return done(request, safe_next(request, coop_url("coop-ledger", coop)))
    context = (
        coop_context(request, coop, "ledger")
        | {
            "form": form,
            "title": title,
            "action": request.path,
            "next": request.POST.get("next") or request.GET.get("next") or "",
        }
        | extra
    )
    return render_form(request, FORM_TEMPLATE, context, invalid=request.method == "POST")


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def subscribe(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    form = SubscriptionForm(
        request.POST or None, cooperative=coop, user=request.user, initial=request.GET.dict()
    )

    def post(data: dict[str, Any]) -> str:
        (entry,) = capital_subscribe(
            actor=actor_of(request),
            cooperative_id=coop.pk,
            items=[Subscription(data["member"], data["share_class"], data["shares"])],
            effective_on=data["effective_on"],
            reference=data["reference"],
            note=data["note"],
        )
        return _("تعهد سهام در ردیف %(seq)s دفتر ثبت شد.") % {"seq": numbers.digits(entry.seq)}

    return _posting_view(request, coop, form, post, _("ثبت تعهد سهام"))


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def pay(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    form = PaymentForm(
        request.POST or None, cooperative=coop, user=request.user, initial=request.GET.dict()
    )

    def post(data: dict[str, Any]) -> str:
        entry = capital_pay(
            actor=actor_of(request),
            membership=data["member"],
            share_class=data["share_class"],
            amount=data["amount"],
            effective_on=data["effective_on"],
            reference=data["reference"],
        )
        return _("پرداخت در ردیف %(seq)s دفتر ثبت شد.") % {"seq": numbers.digits(entry.seq)}

    return _posting_view(request, coop, form, post, _("ثبت پرداخت سرمایه"))


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def transfer(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    form = TransferForm(
        request.POST or None, cooperative=coop, user=request.user, initial=request.GET.dict()
    )

    def post(data: dict[str, Any]) -> str:
        out, _into = capital_transfer(
            actor=actor_of(request),
            source=data["source"],
            target=data["target"],
            share_class=data["share_class"],
            shares=data["shares"],
            board_approval=data["board_approval"],
            effective_on=data["effective_on"],
        )
        return _("انتقال سهام در ردیف‌های %(a)s و %(b)s دفتر ثبت شد.") % {
            "a": numbers.digits(out.seq),
            "b": numbers.digits(out.seq + 1),
        }

    return _posting_view(request, coop, form, post, _("انتقال سهام میان اعضا"))


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def reverse_entry(request: HtmxHttpRequest, coop_id: int, entry_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    entry = ledger_entry_get(request.user, coop, entry_id)
    form = ReversalForm(request.POST or None)

    def post(data: dict[str, Any]) -> str:
        reversals = capital_reverse(
            actor=actor_of(request), entry_id=entry.pk, reason=data["reason"]
        )
        return _("سند ردیف %(seq)s برگشت خورد (ردیف %(rev)s).") % {
            "seq": numbers.digits(entry.seq),
            "rev": "، ".join(numbers.digits(r.seq) for r in reversals),
        }

    title = _("برگشت سند ردیف %(seq)s") % {"seq": numbers.digits(entry.seq)}
    return _posting_view(request, coop, form, post, title, entry=entry)
