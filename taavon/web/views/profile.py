"""The signed-in user's own things: roles, personal API tokens, notifications, and the share
certificates of their memberships."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from taavon.accounts import selectors, services
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.core.http import private_file
from taavon.documents.pdf import share_certificate_filename, share_certificate_pdf
from taavon.notifications import selectors as notification_selectors
from taavon.notifications import services as notification_services
from taavon.registry.selectors.mine import my_membership_get
from taavon.web.htmx import HtmxHttpRequest


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("نام توکن"), max_length=100)


def _profile_context(request: HttpRequest, form: TokenForm | None = None) -> dict[str, object]:
    return {
        "roles": list(selectors.user_roles(user=request.user)),  # type: ignore[arg-type]
        "tokens": list(selectors.user_tokens(user=request.user)),  # type: ignore[arg-type]
        "token_form": form or TokenForm(),
    }


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "web/profile.html", _profile_context(request))


@login_required
@require_POST
def token_create(request: HtmxHttpRequest) -> HttpResponse:
    # htmx swaps the tokens card; without JavaScript the whole page is rendered again.
    template = "web/profile.html#tokens" if request.htmx else "web/profile.html"
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            _, plain = services.api_token_create(actor=request.user, name=form.cleaned_data["name"])  # type: ignore[arg-type]
        except ApplicationError as exc:
            form.add_error("name", exc.message)
        else:
            context = _profile_context(request)
            context["new_token"] = plain
            return render(request, template, context)
    return render(request, template, _profile_context(request, form), status=400)


@login_required
@require_POST
def token_revoke(request: HtmxHttpRequest, token_id: int) -> HttpResponse:
    try:
        services.api_token_revoke(actor=request.user, token_id=token_id)  # type: ignore[arg-type]
    except ApplicationError as exc:
        if request.htmx:
            raise Http404 from exc  # a redirect would swap the whole page into the card
        messages.error(request, exc.message)
        return redirect("web:profile")
    if request.htmx:
        return render(request, "web/profile.html#tokens", _profile_context(request))
    messages.success(request, _("توکن باطل شد."))
    return redirect("web:profile")


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("unread") == "1"
    qs = notification_selectors.notification_list(user=request.user, unread_only=unread_only)  # type: ignore[arg-type]
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(request, "web/notifications.html", {"page": page, "unread_only": unread_only})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    raw_id = request.POST.get("notification_id")
    try:
        notification_services.notification_mark_read(
            actor=request.user,  # type: ignore[arg-type]
            notification_id=int(raw_id) if raw_id else None,
        )
    except (ApplicationError, ValueError):
        messages.error(request, _("اعلان یافت نشد."))
    return redirect("web:notifications")


@login_required
def my_share_certificate(request: HttpRequest, membership_id: int) -> HttpResponse:
    """A member's own share certificate (PDF); anybody else's membership is "not found"."""
    try:
        membership = my_membership_get(request.user, membership_id)
        data = share_certificate_pdf(membership)
    except NotFoundError:
        raise Http404 from None
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("web:dashboard")
    return private_file(
        data, "application/pdf", share_certificate_filename(membership), inline=True
    )
