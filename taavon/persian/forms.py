"""Form widgets and fields for Jalali dates and Iranian identifiers."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

import jdatetime
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taavon.persian.jalali import JalaliDateError, format_jalali, parse_jalali
from taavon.persian.language import is_persian
from taavon.persian.validators import (
    normalize_iban,
    normalize_legal_national_id,
    normalize_mobile,
    normalize_national_id,
    validate_iban,
    validate_legal_national_id,
    validate_mobile,
    validate_national_id,
)

__all__ = [
    "IbanField",
    "JalaliDateField",
    "JalaliDateInput",
    "LegalNationalIdField",
    "MobileField",
    "NationalIdField",
]

_EXAMPLE_DATE: tuple[str, str] = ("۱۴۰۴/۰۷/۱۹", "1404/07/19")


class JalaliDateInput(forms.TextInput):
    """Text input showing a date as Jalali ``YYYY/MM/DD``.

    Digits are Persian when the active language is ``fa``.  ``data-jdp`` hooks
    up the vendored @majidh1/jalalidatepicker; the other attributes keep mobile
    keyboards numeric and the date left-to-right inside RTL pages.
    """

    default_attrs: ClassVar[dict[str, str]] = {
        "data-jdp": "",
        "autocomplete": "off",
        "inputmode": "numeric",
        "dir": "ltr",
    }

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({**self.default_attrs, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime.date | jdatetime.date):
            return format_jalali(value, "%Y/%m/%d", persian_digits=is_persian())
        # Re-rendering what the user typed (e.g. after a validation error).
        return str(value)

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        if "placeholder" not in widget_attrs:
            widget_attrs["placeholder"] = _EXAMPLE_DATE[0 if is_persian() else 1]
        return context


class JalaliDateField(forms.Field):
    """A form field that accepts a Jalali date and cleans to ``datetime.date``."""

    widget = JalaliDateInput
    default_error_messages = {
        "invalid": _("تاریخ را به شکل سال/ماه/روز وارد کنید؛ مثلاً ۱۴۰۴/۰۷/۱۹."),
        "invalid_date": _("این تاریخ در تقویم وجود ندارد."),
    }

    def to_python(self, value: Any) -> datetime.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, jdatetime.datetime):
            gregorian: datetime.datetime = value.togregorian()
            return gregorian.date()
        if isinstance(value, jdatetime.date):
            day: datetime.date = value.togregorian()
            return day
        try:
            return parse_jalali(str(value))
        except JalaliDateError as exc:
            raise ValidationError(self.error_messages[exc.code], code=exc.code) from None


class _IdentifierField(forms.CharField):
    """A ``CharField`` that normalises its input before validating it."""

    extra_widget_attrs: ClassVar[dict[str, str]] = {
        "dir": "ltr",
        "autocomplete": "off",
        "inputmode": "numeric",
        "spellcheck": "false",
    }

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        if text is None or text in self.empty_values:
            return text
        return self.normalize(text)

    def normalize(self, value: str) -> str:
        return value

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs: dict[str, Any] = super().widget_attrs(widget)
        if not widget.is_hidden:
            for key, val in self.extra_widget_attrs.items():
                attrs.setdefault(key, val)
        return attrs


class NationalIdField(_IdentifierField):
    """کد ملی: cleans to 10 ASCII digits."""

    default_validators = [validate_national_id]

    def normalize(self, value: str) -> str:
        return normalize_national_id(value)


class LegalNationalIdField(_IdentifierField):
    """شناسه ملی: cleans to 11 ASCII digits."""

    default_validators = [validate_legal_national_id]

    def normalize(self, value: str) -> str:
        return normalize_legal_national_id(value)


class IbanField(_IdentifierField):
    """شماره شبا: cleans to ``IR`` + 24 digits."""

    default_validators = [validate_iban]
    extra_widget_attrs: ClassVar[dict[str, str]] = {
        "dir": "ltr",
        "autocomplete": "off",
        "spellcheck": "false",
        "autocapitalize": "characters",
    }

    def normalize(self, value: str) -> str:
        return normalize_iban(value)


class MobileField(_IdentifierField):
    """Iranian mobile number: cleans to ``+989XXXXXXXXX``, displays as ``09XXXXXXXXX``."""

    default_validators = [validate_mobile]
    extra_widget_attrs: ClassVar[dict[str, str]] = {
        "dir": "ltr",
        "autocomplete": "tel",
        "inputmode": "tel",
    }

    def normalize(self, value: str) -> str:
        return normalize_mobile(value)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("+989") and len(value) == 13:
            return "0" + value[3:]
        return value
