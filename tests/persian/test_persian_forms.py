import datetime
import re
from collections.abc import Iterator

import jdatetime
import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from taavon.persian.forms import (
    IbanField,
    JalaliDateField,
    JalaliDateInput,
    LegalNationalIdField,
    MobileField,
    NationalIdField,
)


@pytest.fixture(autouse=True)
def _persian() -> Iterator[None]:
    with translation.override("fa"):
        yield


class MemberForm(forms.Form):
    joined = JalaliDateField()
    born = JalaliDateField(required=False)
    national_id = NationalIdField()
    company_id = LegalNationalIdField(required=False)
    mobile = MobileField()
    iban = IbanField(required=False)


VALID_DATA = {
    "joined": "۱۴۰۴/۰۷/۱۹",
    "born": "",
    "national_id": "۰۰۸۴۵۷۵۹۴۸",
    "company_id": "10380284790",
    "mobile": "۰۹۱۲ ۱۲۳ ۴۵۶۷",
    "iban": "ir06 2960 0000 0010 0324 2000 01",
}


def test_form_cleans_to_canonical_values() -> None:
    form = MemberForm(data=VALID_DATA)
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "joined": datetime.date(2025, 10, 11),
        "born": None,
        "national_id": "0084575948",
        "company_id": "10380284790",
        "mobile": "+989121234567",
        "iban": "IR062960000000100324200001",
    }


def test_form_errors_are_persian_with_stable_codes() -> None:
    data = {
        **VALID_DATA,
        "joined": "1404/12/30",
        "born": "دیروز",
        "national_id": "0084575947",
        "company_id": "10380284792",
        "mobile": "02188776655",
        "iban": "IR062960000000100324200002",
    }
    form = MemberForm(data=data)
    assert not form.is_valid()
    codes = {name: [e["code"] for e in errs] for name, errs in form.errors.get_json_data().items()}
    assert codes == {
        "joined": ["invalid_date"],
        "born": ["invalid"],
        "national_id": ["national_id_checksum"],
        "company_id": ["legal_national_id_checksum"],
        "mobile": ["mobile_format"],
        "iban": ["iban_checksum"],
    }
    assert form.errors["joined"] == ["این تاریخ در تقویم وجود ندارد."]
    assert form.errors["born"] == ["تاریخ را به شکل سال/ماه/روز وارد کنید؛ مثلاً ۱۴۰۴/۰۷/۱۹."]
    assert form.errors["national_id"] == ["کد ملی معتبر نیست."]


def test_required_fields() -> None:
    form = MemberForm(data={})
    assert not form.is_valid()
    assert set(form.errors) == {"joined", "national_id", "mobile"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1403/12/30", datetime.date(2025, 3, 20)),
        ("1404-7-19", datetime.date(2025, 10, 11)),
        ("  ۱۴۰۴/۰۷/۱۹ ", datetime.date(2025, 10, 11)),
        (datetime.date(2025, 10, 11), datetime.date(2025, 10, 11)),
        (datetime.datetime(2025, 10, 11, 21, 0, tzinfo=datetime.UTC), datetime.date(2025, 10, 12)),
        (datetime.datetime(2025, 10, 11, 23, 0), datetime.date(2025, 10, 11)),
        (jdatetime.date(1404, 7, 19), datetime.date(2025, 10, 11)),
        (jdatetime.datetime(1404, 7, 19, 8, 0), datetime.date(2025, 10, 11)),
        ("", None),
        (None, None),
    ],
)
def test_jalali_date_field_to_python(value: object, expected: datetime.date | None) -> None:
    assert JalaliDateField(required=False).clean(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [("1404/13/01", "invalid_date"), ("1404/07/32", "invalid_date"), ("2025-10", "invalid")],
)
def test_jalali_date_field_errors(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        JalaliDateField().clean(value)
    assert info.value.code == code


def test_jalali_date_field_custom_error_message() -> None:
    field = JalaliDateField(error_messages={"invalid_date": "روز اشتباه است"})
    with pytest.raises(ValidationError, match="روز اشتباه است"):
        field.clean("1404/12/30")


def test_jalali_date_field_has_changed() -> None:
    field = JalaliDateField()
    assert not field.has_changed(datetime.date(2025, 10, 11), "۱۴۰۴/۰۷/۱۹")
    assert field.has_changed(datetime.date(2025, 10, 11), "1404/07/20")


def _attrs(html: str) -> dict[str, str]:
    return dict(re.findall(r'([\w-]+)="([^"]*)"', html))


def test_widget_renders_jalali_with_persian_digits_in_fa() -> None:
    with translation.override("fa"):
        html = JalaliDateInput().render("joined", datetime.date(2025, 10, 11))
    attrs = _attrs(html)
    assert attrs["value"] == "۱۴۰۴/۰۷/۱۹"
    assert attrs["type"] == "text"
    assert attrs["data-jdp"] == ""
    assert attrs["autocomplete"] == "off"
    assert attrs["inputmode"] == "numeric"
    assert attrs["dir"] == "ltr"
    assert attrs["placeholder"] == "۱۴۰۴/۰۷/۱۹"


def test_widget_renders_latin_digits_in_en() -> None:
    with translation.override("en"):
        html = JalaliDateInput().render("joined", datetime.date(2025, 10, 11))
    attrs = _attrs(html)
    assert attrs["value"] == "1404/07/19"
    assert attrs["placeholder"] == "1404/07/19"


def test_widget_datetime_value_is_shown_in_tehran() -> None:
    with translation.override("fa"):
        html = JalaliDateInput().render(
            "d", datetime.datetime(2025, 10, 11, 21, 0, tzinfo=datetime.UTC)
        )
    assert _attrs(html)["value"] == "۱۴۰۴/۰۷/۲۰"


def test_widget_custom_attrs_win() -> None:
    widget = JalaliDateInput(attrs={"placeholder": "تاریخ عضویت", "class": "date"})
    attrs = _attrs(widget.render("d", None))
    assert attrs["placeholder"] == "تاریخ عضویت"
    assert attrs["class"] == "date"
    assert attrs["data-jdp"] == ""
    assert "value" not in attrs


def test_bound_form_rerenders_what_the_user_typed() -> None:
    form = MemberForm(data={**VALID_DATA, "joined": "1404/12/30"})
    assert not form.is_valid()
    assert 'value="1404/12/30"' in str(form["joined"])


def test_unbound_form_renders_initial_values() -> None:
    form = MemberForm(initial={"joined": datetime.date(2025, 10, 11), "mobile": "+989121234567"})
    with translation.override("fa"):
        joined = str(form["joined"])
    assert 'value="۱۴۰۴/۰۷/۱۹"' in joined
    mobile = _attrs(str(form["mobile"]))
    assert mobile["value"] == "09121234567"
    assert mobile["inputmode"] == "tel"
    assert mobile["autocomplete"] == "tel"
    assert mobile["dir"] == "ltr"


def test_identifier_field_widget_attrs() -> None:
    national = _attrs(str(MemberForm()["national_id"]))
    assert national["inputmode"] == "numeric"
    assert national["dir"] == "ltr"
    iban = _attrs(str(MemberForm()["iban"]))
    assert "inputmode" not in iban
    assert iban["autocapitalize"] == "characters"


def test_identifier_fields_clean_empty_optional_values() -> None:
    assert NationalIdField(required=False).clean("  ") == ""
    assert MobileField(required=False).clean("") == ""
    assert IbanField(required=False).clean(None) == ""


def test_national_id_field_pads_spreadsheet_values() -> None:
    assert NationalIdField().clean("84575948") == "0084575948"
