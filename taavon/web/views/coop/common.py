"""Helpers shared by the cooperative management views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect

from taavon.accounts.models import User
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.registry.models import Cooperative
from taavon.registry.selectors.management import cooperative_for_manager, may_change_status
from taavon.web.htmx import HtmxHttpRequest


def not_found_as_404[F: Callable[..., HttpResponse]](view: F) -> F:
    """Turn the access layer's NotFoundError (missing *or* forbidden) into a 404 page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFoundError:
            raise Http404 from None

    return wrapper  # type: ignore[return-value]


def actor_of(request: HttpRequest) -> User:
    """The signed-in user (every view here is behind login_required)."""
    return cast(User, request.user)


def managed(request: HttpRequest, coop_id: int) -> Cooperative:
    return cooperative_for_manager(request.user, coop_id)


def coop_context(request: HttpRequest, cooperative: Cooperative, tab: str) -> dict[str, Any]:
    """What the cooperative header and its tabs need."""
    return {
        "coop": cooperative,
        "tab": tab,
        "may_change_status": may_change_status(request.user, cooperative),
    }


def page_of(request: HttpRequest, qs: QuerySet[Any], per_page: int = 25) -> tuple[Page[Any], str]:
    """A page of `qs` and the query string without `page`, for the pager links."""
    page = Paginator(qs, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def apply_error(form: forms.Form, exc: ApplicationError | ValidationError) -> None:
    """Show a service's error next to the field it names, or above the form."""
    if isinstance(exc, ValidationError):
        form.add_error(None, exc)
        return
    named = [name for name in exc.fields if name in form.fields]
    if named:
        for name in named:
            form.add_error(name, exc.message)
    else:
        form.add_error(None, exc.message)


def safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return default


def done(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """After a successful write: a redirect the browser (or htmx) follows to a full page."""
    if request.htmx:
        return HttpResponseClientRedirect(url, status=204)
    return HttpResponseRedirect(url, status=303)


def render_form(
    request: HtmxHttpRequest, template: str, context: dict[str, Any], *, invalid: bool
) -> HttpResponse:
    """The page, or only its `form` fragment for htmx (htmx swaps only 2xx responses)."""
    if request.htmx:
        return render(request, f"{template}#form", context)
    return render(request, template, context, status=400 if invalid else 200)


def coop_url(name: str, cooperative: Cooperative, *args: Any) -> str:
    return reverse(f"web:{name}", args=[cooperative.pk, *args])
