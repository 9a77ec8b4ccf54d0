"""Forms of the founding pages: Persian labels and errors, Jalali dates, Iranian identifiers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from taavon.founding.models import ApplicationStatus, FoundingApplication
from taavon.founding.selectors import proposed_names
from taavon.founding.services import DEFAULT_NOMINAL_VALUE
from taavon.geo.selectors import county_list
from taavon.persian import numbers
from taavon.persian.forms import JalaliDateField, LegalNationalIdField, MobileField, NationalIdField
from taavon.persian.text import digit_code, search_key
from taavon.registry.models import ActivityKind, MembershipKind, Sector
from taavon.registry.services.people import PersonData

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class ApplicationForm(forms.Form):
    name_1 = forms.CharField(label=_("نام پیشنهادی اول"), max_length=200)
    name_2 = forms.CharField(label=_("نام پیشنهادی دوم"), max_length=200, required=False)
    name_3 = forms.CharField(label=_("نام پیشنهادی سوم"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("نوع فعالیت"), choices=ActivityKind.choices)
    sector = forms.ChoiceField(label=_("بخش"), choices=Sector.choices)
    membership_kind = forms.ChoiceField(
        label=_("نوع عضویت"), choices=MembershipKind.choices, initial=MembershipKind.PUBLIC
    )
    special_group = forms.CharField(
        label=_("گروه خاص"),
        max_length=100,
        required=False,
        help_text=_("برای تعاونی خاص؛ مثلاً کارگران، کشاورزان یا زنان سرپرست خانوار."),
    )
    county = forms.ModelChoiceField(
        label=_("شهرستان"),
        queryset=county_list(),
        empty_label=_("انتخاب کنید"),
    )
    activity = forms.CharField(label=_("موضوع فعالیت"), widget=TEXTAREA)
    address = forms.CharField(label=_("نشانی"), widget=TEXTAREA, required=False)
    feasibility_plan = forms.FileField(
        label=_("طرح توجیهی (PDF، حداکثر ۱۰ مگابایت)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["feasibility_plan"].required = False
            self.fields["feasibility_plan"].help_text = _("برای جایگزینی، فایل تازه بارگذاری کنید.")
        for i in (1, 2, 3):
            self.fields[f"name_{i}"].widget.attrs.update(
                {
                    "hx-get": reverse_lazy("web:founding-similar"),
                    # name_1 also loads the box when the page opens (e.g. re-shown with errors)
                    "hx-trigger": "input changed delay:400ms" + (", load" if i == 1 else ""),
                    "hx-target": "#similar-names",
                    "hx-include": "[name^='name_']",
                    "autocomplete": "off",
                }
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen: set[str] = set()
        for i in (1, 2, 3):
            key = search_key(data.get(f"name_{i}") or "")
            if key and key in seen:
                self.add_error(f"name_{i}", _("نام‌های پیشنهادی نباید تکراری باشند."))
            seen.add(key)
        return data

    @property
    def names(self) -> list[str]:
        return [self.cleaned_data.get(f"name_{i}") or "" for i in (1, 2, 3)]

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "names": self.names,
            "kind": data["kind"],
            "sector": data["sector"],
            "membership_kind": data["membership_kind"],
            "special_group": data["special_group"],
            "county_id": data["county"].pk,
            "activity": data["activity"],
            "address": data["address"],
            "feasibility_plan": data.get("feasibility_plan"),
        }

    @classmethod
    def initial_for(cls, application: FoundingApplication) -> dict[str, Any]:
        names = {f"name_{n.rank}": n.name for n in proposed_names(application)}
        return names | {
            "kind": application.kind,
            "sector": application.sector,
            "membership_kind": application.membership_kind,
            "special_group": application.special_group,
            "county": application.county_id,
            "activity": application.activity,
            "address": application.address,
        }


class FounderForm(forms.Form):
    national_id = NationalIdField(label=_("کد ملی"))
    first_name = forms.CharField(label=_("نام"), max_length=100)
    last_name = forms.CharField(label=_("نام خانوادگی"), max_length=100)
    father_name = forms.CharField(label=_("نام پدر"), max_length=100, required=False)
    mobile = MobileField(label=_("تلفن همراه"), required=False)

    def person(self) -> PersonData:
        data = self.cleaned_data
        return PersonData(
            national_id=data["national_id"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            father_name=data.get("father_name") or "",
            mobile=data.get("mobile") or "",
        )


class BaseFounderFormSet(forms.BaseFormSet[FounderForm]):
    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            nid = form.cleaned_data.get("national_id")
            if not nid:
                continue
            if nid in seen:
                form.add_error("national_id", _("این کد ملی دو بار در فهرست مؤسسان آمده است."))
            seen.add(nid)

    def people(self) -> list[PersonData]:
        return [f.person() for f in self.forms if f.cleaned_data and f.has_changed()]


FounderFormSet = forms.formset_factory(
    FounderForm, formset=BaseFounderFormSet, extra=7, max_num=100, absolute_max=200
)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("اصلاحات لازم"), widget=TEXTAREA)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("دلیل رد"), widget=TEXTAREA)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("دلیل انصراف (اختیاری)"), widget=TEXTAREA, required=False)


class EmptyForm(forms.Form):
    pass


class ApproveForm(forms.Form):
    name_rank = forms.TypedChoiceField(label=_("نام تأییدشده"), coerce=int)
    nominal_value = forms.IntegerField(
        label=_("ارزش اسمی هر سهم (ریال)"),
        min_value=1,
        required=False,
        initial=DEFAULT_NOMINAL_VALUE,
        widget=forms.NumberInput(attrs={"dir": "ltr"}),
        error_messages={
            "invalid": _("ارزش اسمی باید عدد صحیح ریالی باشد."),
            "min_value": _("ارزش اسمی باید بزرگ‌تر از صفر باشد."),
        },
    )

    def __init__(self, *args: Any, application: FoundingApplication, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["name_rank"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(n.rank, n.name) for n in proposed_names(application)]
        # From the services' default, so the help cannot drift from what approval uses.
        self.fields["nominal_value"].help_text = gettext("پیش‌فرض: %(amount)s ریال.") % {
            "amount": numbers.rials(DEFAULT_NOMINAL_VALUE)
        }


class MemberChoiceMixin:
    """Multiple-choice fields over the cooperative's members, valued by national ID."""

    fields: dict[str, forms.Field]

    def set_members(self, members: list[tuple[str, str]]) -> None:
        for name in ("board", "board_alternates", "inspectors", "inspector_alternates"):
            field = self.fields[name]
            assert isinstance(field, forms.MultipleChoiceField)
            field.choices = members


def _member_field(label: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("شخص انتخاب‌شده از اعضای این تعاونی نیست.")},
    )


class AssemblyForm(MemberChoiceMixin, forms.Form):
    held_on = JalaliDateField(label=_("تاریخ برگزاری مجمع"))
    members_present = forms.IntegerField(label=_("شمار اعضای حاضر"), min_value=1)
    statute_votes_for = forms.IntegerField(label=_("آرای موافق اساسنامه"), min_value=0)
    board = _member_field(_("اعضای اصلی هیئت‌مدیره"))
    board_alternates = _member_field(_("اعضای علی‌البدل هیئت‌مدیره"))
    inspectors = _member_field(_("بازرس(ان) اصلی"))
    inspector_alternates = _member_field(_("بازرس علی‌البدل"))
    minutes = forms.CharField(label=_("خلاصهٔ صورت‌جلسه"), widget=TEXTAREA, required=False)

    def __init__(self, *args: Any, members: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_members(members)


class RegisterForm(forms.Form):
    registration_number = forms.CharField(
        label=_("شمارهٔ ثبت"), max_length=20, widget=forms.TextInput(attrs={"dir": "ltr"})
    )
    registration_date = JalaliDateField(label=_("تاریخ ثبت"))
    legal_national_id = LegalNationalIdField(label=_("شناسه ملی"), max_length=20)


class CapitalHeaderForm(forms.Form):
    effective_on = JalaliDateField(label=_("تاریخ"))
    reference = forms.CharField(label=_("شمارهٔ فیش یا مرجع پرداخت"), max_length=100, required=False)


class CapitalLineForm(forms.Form):
    membership_id = forms.IntegerField(widget=forms.HiddenInput)
    shares = forms.IntegerField(
        label=_("سهام تعهدی جدید"),
        min_value=0,
        required=False,
        widget=forms.NumberInput(attrs={"dir": "ltr", "class": "form-control form-control-sm"}),
        error_messages={
            "invalid": _("تعداد سهام باید عدد صحیح باشد."),
            "min_value": _("مقدار نمی‌تواند منفی باشد."),
        },
    )
    paid = forms.IntegerField(
        label=_("مبلغ پرداختی این نوبت (ریال)"),
        min_value=0,
        required=False,
        widget=forms.NumberInput(attrs={"dir": "ltr", "class": "form-control form-control-sm"}),
        error_messages={
            "invalid": _("مبلغ باید عدد صحیح ریالی باشد."),
            "min_value": _("مقدار نمی‌تواند منفی باشد."),
        },
    )


CapitalFormSet = forms.formset_factory(CapitalLineForm, extra=0, max_num=1000)


class TrackingCodeField(forms.CharField):
    """An application's ten-digit tracking code, typed in any digit script, spaces allowed."""

    def __init__(self, *, autofocus: bool = False, **kwargs: Any) -> None:
        attrs = {"dir": "ltr", "inputmode": "numeric"} | ({"autofocus": True} if autofocus else {})
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(max_length=20, **kwargs)

    def to_python(self, value: Any) -> str:
        return digit_code(super().to_python(value))

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and not (value.isdigit() and len(value) == 10):
            raise forms.ValidationError(_("کد رهگیری ده رقم است."), code="invalid")


class TrackForm(forms.Form):
    code = TrackingCodeField(label=_("کد رهگیری"), autofocus=True)


OFFICER_STATUSES = [(s.value, s.label) for s in ApplicationStatus if s != ApplicationStatus.DRAFT]


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("وضعیت"),
        required=False,
        choices=[("", _("همه"))] + [(s.value, s.label) for s in ApplicationStatus],
    )
    q = forms.CharField(label=_("کد رهگیری یا نام"), required=False, max_length=100)
    overdue = forms.BooleanField(label=_("فقط موارد گذشته از مهلت"), required=False)

    def __init__(self, *args: Any, officer: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if officer:
            field = self.fields["status"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", _("همه (جز پیش‌نویس)")), *OFFICER_STATUSES]
