"""Helpers of the founding views: 404 for missing-or-forbidden, service errors on forms, the
forms each workflow action needs, and the detail page's context."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any

from django import forms
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from taavon.core.errors import ApplicationError, NotFoundError
from taavon.founding import selectors
from taavon.founding.models import FoundingApplication, OfficerRole
from taavon.founding.workflow import STEPS
from taavon.workflow.access import allowed_transitions

from .forms import (
    ApplicationForm,
    ApproveForm,
    AssemblyForm,
    CapitalFormSet,
    CapitalHeaderForm,
    EmptyForm,
    FounderForm,
    NoteForm,
    ReasonForm,
    RegisterForm,
    WithdrawForm,
)


def not_found_as_404[F: Callable[..., HttpResponseBase]](view: F) -> F:
    """The access layer's NotFoundError (missing *or* forbidden) becomes the 404 page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except NotFoundError:
            raise Http404 from None

    return wrapper  # type: ignore[return-value]


def apply_error(form: forms.Form, exc: ApplicationError) -> None:
    """Show a service error next to the field it names, or above the form."""
    named = [name for name in exc.fields if name in form.fields]
    for name in named:
        form.add_error(name, exc.fields[name][0] if exc.fields[name] else exc.message)
    if not named:
        form.add_error(None, exc.message)


def apply_founder_errors(
    exc: ApplicationError,
    form: forms.Form,
    founder_forms: Sequence[forms.Form],
    non_form: list[str],
) -> None:
    """Errors named `founders.<i>.<field>` go to that founder's row; `founders` above the list;
    the rest to the application form."""
    handled = False
    for key, messages in exc.fields.items():
        message = messages[0] if messages else exc.message
        parts = key.split(".")
        if parts[0] == "founders" and len(parts) == 3 and int(parts[1]) < len(founder_forms):
            row = founder_forms[int(parts[1])]
            row.add_error(parts[2] if parts[2] in row.fields else None, message)
            handled = True
        elif key == "founders":
            non_form.append(message)
            handled = True
        elif key == "names":
            form.add_error("name_1", message)
            handled = True
        elif key in form.fields:
            form.add_error(key, message)
            handled = True
    if not handled:
        form.add_error(None, exc.message)


def members_choices(application: FoundingApplication) -> list[tuple[str, str]]:
    return [
        (line.membership.person.national_id, line.membership.person.full_name)
        for line in selectors.capital_lines(application)
    ]


def action_form(action: str, application: FoundingApplication, data: Any = None) -> forms.Form:
    """The form an action needs (bound to POST data when given)."""
    if action == "approve":
        names = selectors.names_with_similar(application)
        first_free = next((r["name"].rank for r in names if not r["blocked"]), 1)
        return ApproveForm(data, application=application, initial={"name_rank": first_free})
    if action == "record_assembly":
        members = members_choices(application)
        return AssemblyForm(
            data,
            members=members,
            initial={"held_on": timezone.localdate(), "members_present": len(members)},
        )
    if action == "register":
        return RegisterForm(data, initial={"registration_date": timezone.localdate()})
    simple: dict[str, type[forms.Form]] = {
        "return": NoteForm,
        "reject": ReasonForm,
        "withdraw": WithdrawForm,
    }
    return simple.get(action, EmptyForm)(data)


def capital_forms(
    application: FoundingApplication, data: Any = None
) -> tuple[CapitalHeaderForm, Any, list[tuple[Any, forms.Form]]]:
    lines = selectors.capital_lines(application)
    header = CapitalHeaderForm(data, initial={"effective_on": timezone.localdate()})
    formset = CapitalFormSet(
        data, prefix="capital", initial=[{"membership_id": line.membership.pk} for line in lines]
    )
    pairs: list[tuple[Any, forms.Form]] = list(zip(lines, formset.forms, strict=False))
    return header, formset, pairs


DISPLAY_ORDER = ["submit", "approve", "record_assembly", "register", "return", "reject", "withdraw"]
ROLE_ORDER = [
    OfficerRole.BOARD,
    OfficerRole.BOARD_ALTERNATE,
    OfficerRole.INSPECTOR,
    OfficerRole.INSPECTOR_ALTERNATE,
]


def detail_context(
    request: HttpRequest,
    application: FoundingApplication,
    *,
    bound: dict[str, forms.Form] | None = None,
    capital: tuple[Any, Any, Any] | None = None,
) -> dict[str, Any]:
    user = request.user
    rows = sorted(
        allowed_transitions(user, application), key=lambda r: DISPLAY_ORDER.index(r.action)
    )
    forms_by_action = {row.action: action_form(row.action, application) for row in rows}
    forms_by_action.update(bound or {})
    actions: list[dict[str, Any]] = [
        {
            "code": row.action,
            "label": row.name,
            "style": row.style,
            "form": forms_by_action[row.action],
        }
        for row in rows
    ]
    assembly_action = next((a for a in actions if a["code"] == "record_assembly"), None)
    if assembly_action is not None:
        form = assembly_action["form"]
        assembly_action["members"] = members_choices(application)
        assembly_action["role_fields"] = [
            form[name]
            for name in ("board", "board_alternates", "inspectors", "inspector_alternates")
        ]
    may_capital = STEPS["capital"].permits(user, application)
    header, formset, pairs = capital or (
        capital_forms(application) if may_capital else (None, None, [])
    )
    officers = selectors.elected_officers(application)
    return {
        "app": application,
        "founders": selectors.founders_of(application),
        "names": selectors.names_with_similar(application),
        "history": selectors.application_history(application),
        "actions": actions,
        "inline_actions": [a for a in actions if a["code"] not in ("record_assembly", "register")],
        "assembly_action": assembly_action,
        "register_action": next((a for a in actions if a["code"] == "register"), None),
        "may_edit": STEPS["edit"].permits(user, application),
        "may_capital": may_capital,
        "capital_header": header,
        "capital_formset": formset,
        "capital_rows": pairs
        if may_capital
        else [(line, None) for line in selectors.capital_lines(application)],
        "capital": selectors.capital_summary(application),
        "officers": sorted(
            officers, key=lambda t: ROLE_ORDER.index(t.role) if t.role in ROLE_ORDER else 99
        ),
        "assembly": selectors.assembly_of(application),
        "founder_form": FounderForm(prefix="add"),
        "is_applicant": user.pk == application.applicant_id,
        # A founder's mobile may be one the register already held for that person: the office
        # (in scope, or it could not see the application) sees it; the applicant sees it masked.
        "show_contacts": selectors.contacts_visible(user, application),
        "public_url": public_url(application),
    }


def public_url(application: FoundingApplication) -> str | None:
    """The registered cooperative's public page, when the public registry provides one."""
    if application.status != "registered" or application.cooperative_id is None:
        return None
    try:
        return reverse("web:public-detail", args=[application.cooperative_id])
    except NoReverseMatch:
        return None


def application_form_for(
    application: FoundingApplication, data: Any = None, files: Any = None
) -> ApplicationForm:
    return ApplicationForm(
        data, files, editing=True, initial=ApplicationForm.initial_for(application)
    )
