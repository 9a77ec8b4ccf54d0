import datetime
import zoneinfo
from decimal import Decimal
from typing import Any

import jdatetime
import pytest
from django.template import Context, Template
from django.utils import translation

from taavon.persian.jalali import today_jalali
from taavon.persian.templatetags.persian import fa_digits, jalali, num_words, rial

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")
OCT_11 = datetime.date(2025, 10, 11)
EVENING_UTC = datetime.datetime(2025, 10, 11, 20, 45, tzinfo=datetime.UTC)  # 00:15 next day


def render(source: str, language: str, **context: Any) -> str:
    with translation.override(language):
        return Template("{% load persian %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("source", "value", "fa", "en"),
    [
        ("{{ v|jalali }}", OCT_11, "۱۴۰۴/۰۷/۱۹", "1404/07/19"),
        ('{{ v|jalali:"%d %B %Y" }}', OCT_11, "۱۹ مهر ۱۴۰۴", "19 Mehr 1404"),
        ('{{ v|jalali:"%A %-d %B" }}', OCT_11, "شنبه ۱۹ مهر", "Saturday 19 Mehr"),
        ("{{ v|jalali }}", EVENING_UTC, "۱۴۰۴/۰۷/۲۰ ۰۰:۱۵", "1404/07/20 00:15"),
        ('{{ v|jalali:"%Y/%m/%d" }}', EVENING_UTC, "۱۴۰۴/۰۷/۲۰", "1404/07/20"),
        (
            "{{ v|jalali }}",
            datetime.datetime(2025, 10, 11, 9, 5),
            "۱۴۰۴/۰۷/۱۹ ۰۹:۰۵",
            "1404/07/19 09:05",
        ),
        ("{{ v|jalali }}", jdatetime.date(1404, 9, 6), "۱۴۰۴/۰۹/۰۶", "1404/09/06"),
        ("{{ v|jalali }}", None, "", ""),
        ("{{ v|jalali }}", "", "", ""),
        ("{{ v|jalali }}", "نامشخص", "نامشخص", "نامشخص"),
        ("{{ v|fa_digits }}", "پلاک 12، واحد ٣", "پلاک ۱۲، واحد ۳", "پلاک 12، واحد 3"),
        ("{{ v|fa_digits }}", 1404, "۱۴۰۴", "1404"),
        ("{{ v|fa_digits }}", None, "", ""),
        ("{{ v|rial }}", 1250000, "۱٬۲۵۰٬۰۰۰", "1,250,000"),
        ("{{ v|rial }}", 0, "۰", "0"),
        ("{{ v|rial }}", 999, "۹۹۹", "999"),
        ("{{ v|rial }}", -1250000, "-۱٬۲۵۰٬۰۰۰", "-1,250,000"),
        ("{{ v|rial }}", Decimal("1250000.00"), "۱٬۲۵۰٬۰۰۰", "1,250,000"),
        ("{{ v|rial }}", Decimal("999.5"), "۱٬۰۰۰", "1,000"),
        ("{{ v|rial }}", "۱۲۵۰۰۰۰", "۱٬۲۵۰٬۰۰۰", "1,250,000"),
        ("{{ v|rial }}", None, "—", "—"),
        ("{{ v|rial }}", "نامعلوم", "نامعلوم", "نامعلوم"),
        ("{{ v|num_words }}", 1250000, "یک میلیون و دویست و پنجاه هزار", None),
        ("{{ v|num_words }}", Decimal("21.00"), "بیست و یک", None),
        ("{{ v|num_words }}", 0, "صفر", None),
        ("{{ v|num_words }}", 2.5, "2.5", None),
        ("{{ v|num_words }}", None, "", None),
        ("{{ v|num_words }}", 10**30, str(10**30), None),
    ],
)
def test_filters(source: str, value: object, fa: str, en: str | None) -> None:
    assert render(source, "fa", v=value) == fa
    assert render(source, "en", v=value) == (fa if en is None else en)


def test_filters_escape_unsafe_input() -> None:
    assert render("{{ v|fa_digits }}", "fa", v="<b>1</b>") == "&lt;b&gt;۱&lt;/b&gt;"
    assert render("{{ v|rial }}", "fa", v="<b>") == "&lt;b&gt;"


def test_jalali_today_tag() -> None:
    today = today_jalali()
    assert today.togregorian() == datetime.datetime.now(TEHRAN).date()
    month_fa = jdatetime.date.j_months_fa[today.month - 1]
    month_en = jdatetime.date.j_months_en[today.month - 1]
    fa = render("{% jalali_today %}", "fa")
    en = render("{% jalali_today %}", "en")
    assert fa == f"{today.day} {month_fa} {today.year}".translate(
        str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    )
    assert en == f"{today.day} {month_en} {today.year}"
    assert render('{% jalali_today "%Y/%m/%d" %}', "en") == f"{today:%Y/%m/%d}"


def test_filters_are_plain_functions_too() -> None:
    with translation.override("fa"):
        assert jalali(OCT_11) == "۱۴۰۴/۰۷/۱۹"
        assert fa_digits("12") == "۱۲"
        assert rial(1000) == "۱٬۰۰۰"
        assert num_words(3) == "سه"


def test_language_variants_and_deactivation() -> None:
    with translation.override("fa-ir"):
        assert rial(1000) == "۱٬۰۰۰"
    with translation.override(None):  # falls back to LANGUAGE_CODE (fa)
        assert rial(1000) == "۱٬۰۰۰"


def test_mobile_filter_shows_the_local_form_in_the_active_digits() -> None:
    from django.utils import translation

    from taavon.persian.templatetags.persian import mobile

    with translation.override("fa"):
        assert mobile("+989121234567") == "۰۹۱۲۱۲۳۴۵۶۷"
    with translation.override("en"):
        assert mobile("+989121234567") == "09121234567"
    assert mobile("") == ""
