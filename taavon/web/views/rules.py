"""Rule profiles: everyone may read the rules in force and their history; national officers
(and system administrators) publish new versions. Old versions are never edited."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taavon.core.errors import ApplicationError, NotFoundError
from taavon.core.permissions import can, require
from taavon.persian import numbers
from taavon.persian.forms import JalaliDateField
from taavon.persian.text import normalize
from taavon.registry.models import ActivityKind, RuleProfile, Sector
from taavon.registry.selectors.rules import (
    rule_profile_families,
    rule_profile_get,
)
from taavon.registry.services.rules import EDITABLE_FIELDS, rule_profile_publish

# (field prefix, label): stored as <prefix>_num / <prefix>_den.
FRACTIONS = [
    ("max_member_share", gettext_lazy("سقف سهم یک عضو از سرمایه")),
    ("min_paid", gettext_lazy("حداقل سرمایهٔ پرداخت‌شده برای ثبت")),
    ("alternates", gettext_lazy("نسبت اعضای علی‌البدل هیئت‌مدیره")),
    ("statute_majority", gettext_lazy("اکثریت لازم برای تصویب اساسنامه")),
]
COUNTS = [
    ("min_founders", gettext_lazy("حداقل مؤسسان")),
    ("min_members", gettext_lazy("حداقل اعضا")),
    ("max_members", gettext_lazy("حداکثر اعضا")),
    ("board_min", gettext_lazy("حداقل اعضای اصلی هیئت‌مدیره")),
    ("board_max", gettext_lazy("حداکثر اعضای اصلی هیئت‌مدیره")),
    ("board_term_years", gettext_lazy("دورهٔ هیئت‌مدیره (سال)")),
    ("inspector_term_years", gettext_lazy("دورهٔ بازرس (سال)")),
]


# Fields whose lower bound the service checks (with its own message).
SERVICE_CHECKED = {"min_founders": 0, "board_min": 0, "board_max": 0}
# Upper bounds: sane values that also fit the columns (board sizes and terms are smallints).
UPPER = {
    "board_min": 1_000,
    "board_max": 1_000,
    "board_term_years": 100,
    "inspector_term_years": 100,
}


def fraction_percent(num: int | None, den: int | None) -> str:
    """1/3 → «۳۳٫۳۳٪» in Persian, "33.33%" otherwise; blank when it cannot be computed."""
    if num is None or not den:
        return ""
    return numbers.percent(Fraction(num, den), places=2, sign=True)


def scope_label(kind: str, sector: str) -> str:
    parts = [
        str(ActivityKind(kind).label) if kind else "",
        str(Sector(sector).label) if sector else "",
    ]
    return " · ".join(p for p in parts if p) or _("همهٔ تعاونی‌ها")


@dataclass(frozen=True)
class FractionRow:
    label: str
    num: Any
    den: Any
    percent: str


def fraction_rows(profile: RuleProfile) -> list[FractionRow]:
    rows = []
    for prefix, label in FRACTIONS:
        num, den = getattr(profile, f"{prefix}_num"), getattr(profile, f"{prefix}_den")
        rows.append(FractionRow(str(label), num, den, fraction_percent(num, den)))
    return rows


def count_rows(profile: RuleProfile) -> list[tuple[str, int | None]]:
    return [(str(label), getattr(profile, name)) for name, label in COUNTS]


def _number_input() -> forms.TextInput:
    # Text, not type=number: Persian digits are accepted (and browsers reject them in numbers).
    return forms.TextInput(
        attrs={
            "dir": "ltr",
            "inputmode": "numeric",
            "autocomplete": "off",
            "class": "form-control num",
        }
    )


class RuleProfileForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("عنوان"), max_length=200)
    effective_from = JalaliDateField(label=gettext_lazy("تاریخ اجرا"))
    source_note = forms.CharField(
        label=gettext_lazy("منبع"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("قانون، مصوبه یا بخشنامه‌ای که این مقادیر را تعیین کرده است."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Ranges between fields (fractions, board size, founders) are checked by the service,
        # so the UI and the API give the same messages; here only non-negative integers.
        for name, label in COUNTS:
            self.fields[name] = forms.IntegerField(
                label=label,
                min_value=SERVICE_CHECKED.get(name, 1),
                max_value=UPPER.get(name, 1_000_000),
                widget=_number_input(),
                required=name != "max_members",
            )
        self.fields["max_members"].help_text = gettext_lazy("خالی یعنی بدون سقف")
        for prefix, _label in FRACTIONS:
            for part, part_label in (("num", gettext_lazy("صورت")), ("den", gettext_lazy("مخرج"))):
                self.fields[f"{prefix}_{part}"] = forms.IntegerField(
                    label=part_label, min_value=0, max_value=10_000, widget=_number_input()
                )

    def clean_name(self) -> str:
        return normalize(self.cleaned_data["name"])

    def clean_source_note(self) -> str:
        note = normalize(self.cleaned_data["source_note"], multiline=True)
        if not note:
            raise forms.ValidationError(_("منبع لازم است."))
        return note

    def fraction_fields(self) -> list[dict[str, Any]]:
        groups = []
        for prefix, label in FRACTIONS:
            num, den = self[f"{prefix}_num"], self[f"{prefix}_den"]
            groups.append(
                {
                    "label": label,
                    "num": num,
                    "den": den,
                    "percent": fraction_percent(_as_int(num.value()), _as_int(den.value())),
                    "errors": [*num.errors, *den.errors],
                }
            )
        return groups

    def count_fields(self) -> list[forms.BoundField]:
        return [self[name] for name, _label in COUNTS]

    def changes(self, base: RuleProfile) -> dict[str, Any]:
        """Only what differs from the base version (the audit log records these)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in EDITABLE_FIELDS and getattr(base, name) != value
        }


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def rule_list_view(request: HttpRequest) -> HttpResponse:
    families = rule_profile_families()
    rows = [
        {
            "family": family,
            "scope": scope_label(family.kind, family.sector),
            "fractions": fraction_rows(family.current) if family.current else [],
        }
        for family in families
    ]
    sample = next((p for f in families for p in f.versions), None)
    can_publish = sample is not None and can(request.user, "publish", sample)
    return render(
        request, "registry/rules/list.html", {"families": rows, "can_publish": can_publish}
    )


def _profile_or_404(request: HttpRequest, pk: int) -> RuleProfile:
    try:
        return rule_profile_get(request.user, pk)
    except NotFoundError:
        raise Http404 from None


def rule_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile_or_404(request, pk)
    family = next(
        (
            f
            for f in rule_profile_families()
            if (f.kind, f.sector) == (profile.kind, profile.sector)
        ),
        None,
    )
    context = {
        "profile": profile,
        "scope": scope_label(profile.kind, profile.sector),
        "fractions": fraction_rows(profile),
        "counts": count_rows(profile),
        "family": family,
        "can_publish": can(request.user, "publish", profile),
    }
    return render(request, "registry/rules/detail.html", context)


def rule_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A new version of the profile's family, prefilled from this version."""
    base = _profile_or_404(request, pk)
    try:
        require(request.user, "publish", base)
    except NotFoundError:
        raise Http404 from None
    initial = {name: getattr(base, name) for name in EDITABLE_FIELDS}
    initial["source_note"] = ""
    form = RuleProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            profile = rule_profile_publish(
                actor=request.user,
                base=base,
                changes=form.changes(base),
            )
        except NotFoundError:
            raise Http404 from None
        except ApplicationError as exc:
            for name, errors in exc.fields.items():
                form.add_error(name if name in form.fields else None, errors or exc.message)
            if not exc.fields:
                form.add_error(None, exc.message)
        else:
            version = numbers.digits(profile.version)
            messages.success(request, _("نسخهٔ %(v)s ضوابط منتشر شد.") % {"v": version})
            return redirect("web:rules-detail", pk=profile.pk)
    context = {
        "base": base,
        "scope": scope_label(base.kind, base.sector),
        "form": form,
    }
    return render(request, "registry/rules/publish.html", context)
