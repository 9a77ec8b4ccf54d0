"""Forms of the cooperative management pages. Amounts and counts accept Persian, Arabic-Indic
and Latin digits with thousands separators; anything but a positive whole number is refused
with a Persian message before a service is called."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taavon.capital.models import ShareClass
from taavon.capital.selectors.management import share_class_list
from taavon.capital.services import MAX_AMOUNT
from taavon.core.permissions import AnyUser
from taavon.persian import numbers
from taavon.persian.forms import JalaliDateField, MobileField, NationalIdField
from taavon.persian.text import normalize, to_latin_digits
from taavon.registry.models import (
    Cooperative,
    CooperativeStatus,
    Gender,
    Membership,
    MembershipStatus,
    Sector,
)
from taavon.registry.selectors.management import member_by_number, office_status_targets

_SEPARATORS = re.compile(r"[,\u066c\u060c\s\u200c]")
_DECIMAL = re.compile(r"[.\u066b/]")


class WholeNumberField(forms.Field):
    """A positive whole number typed in any digit script: «۱٬۲۵۰٬۰۰۰» → 1250000."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("یک عدد صحیح وارد کنید."),
        "fraction": _("عدد اعشاری پذیرفته نیست؛ یک عدد صحیح وارد کنید."),
        "positive": _("مقدار باید بزرگ‌تر از صفر باشد."),
        "too_big": _("مقدار بیش از حد بزرگ است."),
    }

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs: dict[str, Any] = super().widget_attrs(widget)
        attrs.update(
            {"inputmode": "numeric", "dir": "ltr", "autocomplete": "off", "maxlength": "30"}
        )
        return attrs

    def prepare_value(self, value: Any) -> Any:
        """Initial numbers are shown in the active language's digits (they parse back)."""
        if isinstance(value, int) and not isinstance(value, bool):
            return numbers.digits(value)
        return value

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            text = str(value)
        else:
            text = _SEPARATORS.sub("", to_latin_digits(normalize(str(value))))
        if _DECIMAL.search(text):
            raise forms.ValidationError(self.error_messages["fraction"], code="fraction")
        if text[:1] in ("-", "\u2212") and text[1:].isdigit():
            raise forms.ValidationError(self.error_messages["positive"], code="positive")
        if not text.isdigit() or len(text) > 30:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        number = int(text)
        if number <= 0:
            raise forms.ValidationError(self.error_messages["positive"], code="positive")
        if number > MAX_AMOUNT:
            raise forms.ValidationError(self.error_messages["too_big"], code="too_big")
        return number


class CooperativeFilterForm(forms.Form):
    q = forms.CharField(label=_("نام، شماره ثبت یا شناسه ملی"), required=False, max_length=100)
    county = forms.TypedChoiceField(
        label=_("شهرستان"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("وضعیت"), required=False, choices=[("", _("همه"))] + list(CooperativeStatus.choices)
    )
    sector = forms.ChoiceField(
        label=_("بخش"), required=False, choices=[("", _("همه"))] + list(Sector.choices)
    )

    def __init__(self, *args: Any, counties: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["county"].choices = [("", _("همه"))] + counties  # type: ignore[attr-defined]


MEMBER_FILTERS = [
    ("member", _("اعضای فعلی")),
    ("exited", _("خارج‌شده")),
    ("all", _("همه")),
]


class MemberSearchForm(forms.Form):
    q = forms.CharField(label=_("نام، کد ملی یا شماره عضویت"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("وضعیت"), required=False, choices=MEMBER_FILTERS)


class AdmitForm(forms.Form):
    national_id = NationalIdField(label=_("کد ملی"))
    first_name = forms.CharField(label=_("نام"), max_length=100)
    last_name = forms.CharField(label=_("نام خانوادگی"), max_length=100)
    father_name = forms.CharField(label=_("نام پدر"), max_length=100, required=False)
    birth_date = JalaliDateField(label=_("تاریخ تولد"), required=False)
    gender = forms.ChoiceField(
        label=_("جنسیت"), required=False, choices=[("", "—")] + list(Gender.choices)
    )
    mobile = MobileField(label=_("تلفن همراه"), required=False)
    joined_on = JalaliDateField(label=_("تاریخ عضویت"))

    def clean_birth_date(self) -> Any:
        value = self.cleaned_data.get("birth_date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("تاریخ تولد نمی‌تواند در آینده باشد."))
        return value


EXIT_CHOICES = [
    (MembershipStatus.RESIGNED.value, _("استعفا")),
    (MembershipStatus.EXPELLED.value, _("اخراج")),
    (MembershipStatus.DECEASED.value, _("فوت")),
]


class ExitForm(forms.Form):
    status = forms.ChoiceField(label=_("نوع خروج"), choices=EXIT_CHOICES)
    exit_date = JalaliDateField(label=_("تاریخ خروج"))
    reason = forms.CharField(
        label=_("دلیل و توضیح"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class _CooperativeForm(forms.Form):
    """A form whose member and share-class fields are resolved within one cooperative, as the
    user who fills it in sees it."""

    def __init__(self, *args: Any, cooperative: Cooperative, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cooperative = cooperative
        self.user = user
        if "share_class" in self.fields:
            classes = share_class_list(user, cooperative)
            field = self.fields["share_class"]
            field.queryset = classes  # type: ignore[attr-defined]
            if len(classes) == 1 and not self.is_bound:
                field.initial = classes[0].pk

    def _member(self, name: str) -> Membership:
        number: int = self.cleaned_data[name]
        membership = member_by_number(self.user, self.cooperative, number)
        if membership is None:
            raise forms.ValidationError(_("عضوی با این شماره عضویت در این تعاونی نیست."))
        if membership.status != MembershipStatus.MEMBER:
            raise forms.ValidationError(_("عضویت این شخص پایان یافته است."))
        return membership


def _share_class_field() -> forms.ModelChoiceField[ShareClass]:
    return forms.ModelChoiceField(
        label=_("نوع سهم"),
        queryset=None,  # the cooperative's classes: _CooperativeForm sets them
        empty_label=None,
        error_messages={"invalid_choice": _("نوع سهم را از فهرست انتخاب کنید.")},
    )


def _today() -> Any:
    return timezone.localdate()


class SubscriptionForm(_CooperativeForm):
    member = WholeNumberField(label=_("شماره عضویت"))
    share_class = _share_class_field()
    shares = WholeNumberField(label=_("تعداد سهام"))
    effective_on = JalaliDateField(label=_("تاریخ"), initial=_today)
    reference = forms.CharField(label=_("شمارهٔ سند"), required=False, max_length=100)
    note = forms.CharField(label=_("شرح"), required=False, max_length=300)

    def clean_member(self) -> Membership:
        return self._member("member")


class PaymentForm(_CooperativeForm):
    member = WholeNumberField(label=_("شماره عضویت"))
    share_class = _share_class_field()
    amount = WholeNumberField(label=_("مبلغ (ریال)"))
    effective_on = JalaliDateField(label=_("تاریخ پرداخت"), initial=_today)
    reference = forms.CharField(label=_("شمارهٔ فیش یا سند"), required=False, max_length=100)

    def clean_member(self) -> Membership:
        return self._member("member")


class TransferForm(_CooperativeForm):
    source = WholeNumberField(label=_("شماره عضویت واگذارنده"))
    target = WholeNumberField(label=_("شماره عضویت گیرنده"))
    share_class = _share_class_field()
    shares = WholeNumberField(label=_("تعداد سهام"))
    board_approval = forms.CharField(
        label=_("شماره و تاریخ مصوبهٔ هیئت‌مدیره"),
        max_length=100,
        error_messages={"required": _("شماره/تاریخ مصوبهٔ هیئت‌مدیره لازم است.")},
    )
    effective_on = JalaliDateField(label=_("تاریخ"), initial=_today)

    def clean_source(self) -> Membership:
        return self._member("source")

    def clean_target(self) -> Membership:
        return self._member("target")


class ReversalForm(forms.Form):
    reason = forms.CharField(
        label=_("دلیل برگشت"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("دلیل برگشت لازم است.")},
    )


class ShareClassForm(forms.Form):
    code = forms.CharField(label=_("کد"), max_length=20)
    name = forms.CharField(label=_("عنوان"), max_length=100)
    nominal_value = WholeNumberField(label=_("ارزش اسمی هر سهم (ریال)"))


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(label=_("وضعیت تازه"))
    reason = forms.CharField(
        label=_("دلیل"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("دلیل تغییر وضعیت لازم است.")},
    )

    def __init__(self, *args: Any, cooperative: Cooperative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = office_status_targets(cooperative)  # type: ignore[attr-defined]
