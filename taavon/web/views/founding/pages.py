"""/founding/: apply, review, record the assembly and capital, register, download the agreement.

Every page fetches the application through the selector (missing and out of scope are both a
404) and every POST re-checks the workflow table and the permission before calling a service.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from taavon.accounts.models import User
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.core.permissions import scope_of
from taavon.founding import selectors, services
from taavon.founding.workflow import STEPS
from taavon.persian import numbers
from taavon.web.htmx import HtmxHttpRequest
from taavon.workflow.access import allowed_transitions

from .common import (
    action_form,
    application_form_for,
    apply_error,
    apply_founder_errors,
    capital_forms,
    detail_context,
    not_found_as_404,
)
from .forms import (
    ApplicationForm,
    BaseFounderFormSet,
    FilterForm,
    FounderForm,
    FounderFormSet,
    TrackForm,
)

DONE = {
    "submit": gettext_lazy("درخواست برای بررسی ارسال شد."),
    "return": gettext_lazy("درخواست برای اصلاح به متقاضی بازگشت."),
    "reject": gettext_lazy("درخواست رد شد."),
    "approve": gettext_lazy("موافقت‌نامه صادر شد و مؤسسان عضو تعاونی شدند."),
    "record_assembly": gettext_lazy("نتایج مجمع مؤسس ثبت شد."),
    "register": gettext_lazy("تعاونی ثبت شد و فعال است."),
    "withdraw": gettext_lazy("از درخواست انصراف داده شد."),
}


@login_required
def application_list(request: HtmxHttpRequest) -> HttpResponse:
    officer = scope_of(request.user).is_officer
    tab = request.GET.get("tab") or ("queue" if officer else "mine")
    tab = tab if officer and tab == "queue" else "mine"
    form = FilterForm(request.GET or None, officer=tab == "queue")
    status = q = ""
    overdue = False
    if form.is_valid():
        status, q = form.cleaned_data["status"], form.cleaned_data["q"]
        overdue = form.cleaned_data["overdue"]
    qs = selectors.application_list(
        user=request.user,
        status=status,
        mine=tab == "mine",
        q=q,
        overdue=overdue,
        drafts=tab != "queue",
    )
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "tab": tab,
        "officer": officer,
    }
    template = "registry/founding/list.html"
    return render(request, f"{template}#rows" if request.htmx else template, context)


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)  # every view here is login_required


def _founder_initial(request: HttpRequest) -> list[dict[str, Any]]:
    """The applicant's own details as the first founder (the chair), if they have a national ID."""
    user = _user(request)
    if not user.national_id:
        return []
    mobile = user.mobile
    local = "0" + mobile[3:] if mobile.startswith("+98") else mobile
    return [
        {
            "national_id": user.national_id,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "mobile": local,
        }
    ]


@login_required
def application_new(request: HttpRequest) -> HttpResponse:
    non_form: list[str] = []
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES)
        formset = cast(BaseFounderFormSet, FounderFormSet(request.POST, prefix="founders"))
        if form.is_valid() and formset.is_valid():
            changed = [f for f in formset.forms if f.cleaned_data and f.has_changed()]
            try:
                application = services.application_create(
                    actor=_user(request),
                    founders=formset.people(),
                    **form.service_kwargs(),
                )
            except ApplicationError as exc:
                apply_founder_errors(exc, form, changed, non_form)
            else:
                messages.success(
                    request,
                    _("درخواست ثبت شد. کد رهگیری: %(code)s")
                    % {"code": numbers.digits(application.tracking_code)},
                )
                return redirect("web:founding-detail", pk=application.pk)
        status = 400
    else:
        form = ApplicationForm()
        formset = cast(
            BaseFounderFormSet,
            FounderFormSet(prefix="founders", initial=_founder_initial(request)),
        )
        status = 200
    context = {"form": form, "formset": formset, "non_form_errors": non_form}
    return render(request, "registry/founding/form.html", context, status=status)


@login_required
@not_found_as_404
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, pk=pk)
    if not STEPS["edit"].permits(request.user, application):
        raise Http404
    form = application_form_for(application)
    if request.method == "POST":
        form = application_form_for(application, request.POST, request.FILES)
        if form.is_valid():
            try:
                services.application_update(
                    actor=_user(request),
                    application_id=application.pk,
                    **form.service_kwargs(),
                )
            except ApplicationError as exc:
                apply_founder_errors(exc, form, [], [])
            else:
                messages.success(request, _("تغییرات ذخیره شد."))
                return redirect("web:founding-detail", pk=application.pk)
    context = {"form": form, "app": application, "editing": True}
    return render(
        request, "registry/founding/form.html", context, status=400 if form.is_bound else 200
    )


@login_required
@not_found_as_404
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, pk=pk)
    return render(request, "registry/founding/detail.html", detail_context(request, application))


@login_required
@require_POST
@not_found_as_404
def application_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    application = selectors.application_get(user=request.user, pk=pk)
    if action not in DONE:
        raise Http404
    form = action_form(action, application, request.POST)
    if not form.is_valid() and action not in {
        row.action for row in allowed_transitions(request.user, application)
    }:
        # Nothing to show the form for: the service would refuse the action anyway.
        raise Http404
    if form.is_valid():
        payload = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        try:
            services.application_transition(
                actor=_user(request),
                application_id=application.pk,
                action=action,
                **payload,
            )
        except services.ActionForbidden:
            raise Http404 from None
        except ApplicationError as exc:
            if exc.code in ("invalid_transition", "unknown_action"):
                messages.error(request, exc.message)
                return redirect("web:founding-detail", pk=application.pk)
            apply_error(form, exc)
        else:
            messages.success(request, DONE[action])
            return redirect("web:founding-detail", pk=application.pk)
    application = selectors.application_get(user=request.user, pk=application.pk)
    context = detail_context(request, application, bound={action: form})
    context["open_action"] = action
    return render(request, "registry/founding/detail.html", context, status=400)


@login_required
@require_POST
@not_found_as_404
def application_capital(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, pk=pk)
    header, formset, pairs = capital_forms(application, request.POST)
    valid = header.is_valid() and formset.is_valid()
    if not valid and not STEPS["capital"].permits(request.user, application):
        raise Http404  # no form to show again: the service would refuse anyway
    if valid:
        rows = [
            services.CapitalRow(
                membership_id=f.cleaned_data["membership_id"],
                shares=f.cleaned_data.get("shares") or 0,
                paid=f.cleaned_data.get("paid") or 0,
            )
            for f in formset.forms
        ]
        try:
            services.founding_capital_record(
                actor=_user(request),
                application_id=application.pk,
                rows=rows,
                effective_on=header.cleaned_data["effective_on"],
                reference=header.cleaned_data["reference"],
            )
        except services.ActionForbidden:
            raise Http404 from None
        except ApplicationError as exc:
            if exc.code == "invalid_transition":
                messages.error(request, exc.message)
                return redirect("web:founding-detail", pk=application.pk)
            _capital_error(exc, header, formset)
        else:
            messages.success(request, _("سرمایهٔ مؤسسان ثبت شد."))
            return redirect(reverse("web:founding-detail", args=[application.pk]) + "#capital")
    context = detail_context(request, application, capital=(header, formset, pairs))
    context["open_action"] = "capital"
    return render(request, "registry/founding/detail.html", context, status=400)


def _capital_error(exc: ApplicationError, header: Any, formset: Any) -> None:
    placed = False
    for key, found in exc.fields.items():
        parts = key.split(".")
        if parts[0] == "rows" and len(parts) == 3 and int(parts[1]) < len(formset.forms):
            formset.forms[int(parts[1])].add_error(parts[2], found[0] if found else exc.message)
            placed = True
        elif key in header.fields:
            header.add_error(key, found[0] if found else exc.message)
            placed = True
    if not placed or exc.code != "invalid":
        header.add_error(None, exc.message)


@login_required
@not_found_as_404
def agreement_download(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, pk=pk)
    if not application.agreement_number:
        raise Http404
    pdf = selectors.agreement_pdf(application)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="agreement-{application.agreement_number}.pdf"'
    )
    return response


@login_required
@not_found_as_404
def plan_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    application = selectors.application_get(user=request.user, pk=pk)
    if not application.feasibility_plan:
        raise Http404
    return FileResponse(
        application.feasibility_plan.open("rb"),
        content_type="application/pdf",
        filename=f"plan-{application.tracking_code}.pdf",
    )


@login_required
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    if form.is_bound and form.is_valid():
        try:
            application = selectors.application_by_tracking_code(
                user=request.user, code=form.cleaned_data["code"]
            )
        except NotFoundError:
            form.add_error("code", _("درخواستی با این کد رهگیری در دسترس شما نیست."))
        else:
            return redirect("web:founding-detail", pk=application.pk)
    return render(
        request,
        "registry/founding/track.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
def similar(request: HttpRequest) -> HttpResponse:
    """htmx: similar existing names for what the founder is typing."""
    typed = [request.GET.get(k, "") for k in ("name", "name_1", "name_2", "name_3")]
    exclude = request.GET.get("application")
    rows = [
        {
            "name": name,
            "similar": selectors.similar_names(
                name, exclude_application_id=int(exclude) if exclude and exclude.isdigit() else None
            ),
        }
        for name in dict.fromkeys(t.strip() for t in typed if t.strip())
    ]
    return render(request, "registry/founding/_similar.html", {"rows": rows})


@login_required
@require_POST
@not_found_as_404
def founder_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, pk=pk)
    form = FounderForm(request.POST, prefix="add")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, str(errors[0]))
    else:
        try:
            services.founder_add(
                actor=_user(request),
                application_id=application.pk,
                person=form.person(),
            )
        except services.ActionForbidden:
            raise Http404 from None
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("مؤسس افزوده شد."))
    return redirect("web:founding-edit", pk=application.pk)


@login_required
@require_POST
@not_found_as_404
def founder_remove(request: HttpRequest, pk: int, founder_id: int) -> HttpResponse:
    application = selectors.application_get(user=request.user, pk=pk)
    try:
        services.founder_remove(
            actor=_user(request),
            application_id=application.pk,
            founder_id=founder_id,
        )
    except services.ActionForbidden:
        raise Http404 from None
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("مؤسس از فهرست حذف شد."))
    return redirect("web:founding-edit", pk=application.pk)
