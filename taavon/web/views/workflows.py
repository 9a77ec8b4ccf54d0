"""Workflows for officers: the ones fixed in code and the versions offices publish, their stages
(with target days) and transitions, and publishing a new version as data."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from taavon.core.errors import ApplicationError, NotFoundError
from taavon.persian import numbers
from taavon.workflow.definitions import Reach, Role
from taavon.workflow.selectors import (
    definition_versions,
    publishing_offices,
    workflow_get,
    workflow_summaries,
)
from taavon.workflow.services import workflow_definition_publish

EXAMPLE: dict[str, Any] = {
    "initial": "submitted",
    "stages": [
        {
            "code": "submitted",
            "label": {"fa": "در انتظار بررسی", "en": "Awaiting review"},
            "target_days": 10,
        },
        {"code": "approved", "label": {"fa": "موافقت شد", "en": "Approved"}},
        {"code": "rejected", "label": {"fa": "رد شد", "en": "Rejected"}},
    ],
    "transitions": [
        {
            "source": "submitted",
            "action": "approve",
            "target": "approved",
            "roles": ["officer"],
            "reach": "province",
            "label": {"fa": "موافقت", "en": "Approve"},
        },
        {
            "source": "submitted",
            "action": "reject",
            "target": "rejected",
            "roles": ["officer"],
            "reach": "county",
            "label": {"fa": "رد", "en": "Reject"},
        },
    ],
}


class PublishForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("کد گردش کار"),
        max_length=40,
        help_text=gettext_lazy("حروف کوچک لاتین، رقم و _؛ مثلاً support_loan"),
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )
    name = forms.CharField(label=gettext_lazy("عنوان"), max_length=200)
    office = forms.ChoiceField(label=gettext_lazy("ادارهٔ صاحب گردش کار"))
    definition = forms.CharField(
        label=gettext_lazy("تعریف (JSON)"),
        # Not a monospace font: Persian labels would lose their joining in one.
        widget=forms.Textarea(attrs={"rows": 18, "dir": "ltr"}),
    )

    def __init__(self, *args: Any, offices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = offices  # type: ignore[attr-defined]

    def clean_definition(self) -> Any:
        try:
            return json.loads(self.cleaned_data["definition"])
        except ValueError as exc:
            raise forms.ValidationError(
                _("متن JSON درست نیست (سطر %(line)s، ستون %(col)s).")
                % {"line": getattr(exc, "lineno", "?"), "col": getattr(exc, "colno", "?")}
            ) from None

    def office_ids(self) -> dict[str, int | None]:
        kind, _sep, pk = str(self.cleaned_data["office"]).partition(":")
        return {
            "province_id": int(pk) if kind == "province" else None,
            "county_id": int(pk) if kind == "county" else None,
        }


@login_required
def workflow_list(request: HttpRequest) -> HttpResponse:
    summaries = workflow_summaries(request.user)
    if not summaries:
        raise Http404
    context = {"summaries": summaries, "may_publish": bool(publishing_offices(request.user))}
    return render(request, "web/workflows/list.html", context)


@login_required
def workflow_detail(request: HttpRequest, code: str) -> HttpResponse:
    version_text = request.GET.get("version", "")
    version = int(version_text) if version_text.isdigit() and len(version_text) < 8 else None
    try:
        flow = workflow_get(request.user, code, version)
    except NotFoundError:
        raise Http404 from None
    roles, reaches = dict(Role.choices), dict(Reach.choices)
    rows = [
        {
            "source": flow.stage_name(t.source),
            "name": t.name,
            "target": flow.stage_name(t.target),
            "who": "، ".join(
                str(reaches[t.reach] if role == Role.OFFICER else roles.get(role, role))
                for role in t.roles
            ),
        }
        for t in flow.transitions
    ]
    context = {"flow": flow, "rows": rows, "versions": definition_versions(request.user, code)}
    return render(request, "web/workflows/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def workflow_publish(request: HttpRequest) -> HttpResponse:
    offices = publishing_offices(request.user)
    if not offices:
        raise Http404
    initial = {"definition": json.dumps(EXAMPLE, ensure_ascii=False, indent=2)}
    form = PublishForm(request.POST or None, offices=offices, initial=initial)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            created = workflow_definition_publish(
                actor=request.user,
                code=form.cleaned_data["code"],
                name=form.cleaned_data["name"],
                definition=form.cleaned_data["definition"],
                **form.office_ids(),
            )
        except NotFoundError:
            raise Http404 from None
        except ApplicationError as exc:
            problems = exc.fields.get("definition", [])
            for field in ("code", "name", "county_id"):
                if field in exc.fields:
                    form.add_error("office" if field == "county_id" else field, exc.message)
            if not problems and not form.errors:
                form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("نسخهٔ %(v)s گردش کار «%(name)s» منتشر شد.")
                % {"v": numbers.digits(created.version), "name": created.name},
            )
            return redirect("web:workflow-detail", code=created.code)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "problems": problems}
    return render(request, "web/workflows/publish.html", context, status=status)
