from decimal import Decimal
from fractions import Fraction

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from taavon.persian import numbers
from taavon.persian.text import to_latin_digits

HUGE = 10**30


def both(function, *args, **kwargs):
    """(Persian, English) renderings of one call."""
    with translation.override("fa"):
        fa = function(*args, **kwargs)
    with translation.override("en"):
        en = function(*args, **kwargs)
    return fa, en


# --- digits ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fa", "en"),
    [
        ("پلاک 12، واحد ٣", "پلاک ۱۲، واحد ۳", "پلاک 12، واحد 3"),
        ("۰۰۸۴۵۷۵۹۴۸", "۰۰۸۴۵۷۵۹۴۸", "0084575948"),
        (1404, "۱۴۰۴", "1404"),
        (0, "۰", "0"),
        (-7, "-۷", "-7"),
        (HUGE, "۱" + "۰" * 30, "1" + "0" * 30),
        ("", "", ""),
        (None, "", ""),
    ],
)
def test_digits(value: object, fa: str, en: str) -> None:
    assert both(numbers.digits, value) == (fa, en)


def test_digits_refuses_booleans() -> None:
    with pytest.raises(TypeError):
        numbers.digits(True)


# --- number and rials --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fa", "en"),
    [
        (0, "۰", "0"),
        (999, "۹۹۹", "999"),
        (1000, "۱٬۰۰۰", "1,000"),
        (1_250_000, "۱٬۲۵۰٬۰۰۰", "1,250,000"),
        (-1_250_000, "-۱٬۲۵۰٬۰۰۰", "-1,250,000"),
        (HUGE, "۱" + "٬۰۰۰" * 10, "1" + ",000" * 10),
        (Decimal("1250000.00"), "۱٬۲۵۰٬۰۰۰", "1,250,000"),
        (Decimal("999.5"), "۱٬۰۰۰", "1,000"),  # half up
        (Decimal("-999.5"), "-۱٬۰۰۰", "-1,000"),  # half away from zero
        (Decimal("-0.4"), "۰", "0"),  # no "-0"
        (Fraction(5, 2), "۳", "3"),
        (None, "—", "—"),
    ],
)
def test_number_and_rials(value: object, fa: str, en: str) -> None:
    assert both(numbers.number, value) == (fa, en)
    assert both(numbers.rials, value) == (fa, en)


@pytest.mark.parametrize("value", [True, False, 1.5, "1000", [1]])
def test_number_refuses_what_is_not_an_exact_number(value: object) -> None:
    with pytest.raises(TypeError):
        numbers.number(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        numbers.rials(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity")])
def test_number_refuses_non_finite_decimals(value: Decimal) -> None:
    with pytest.raises(ValueError):
        numbers.number(value)


def test_explicit_language_overrides_the_active_one() -> None:
    with translation.override("en"):
        assert numbers.rials(1000, persian=True) == "۱٬۰۰۰"
        assert numbers.digits("12", persian=True) == "۱۲"
    with translation.override("fa"):
        assert numbers.rials(1000, persian=False) == "1,000"
        assert numbers.percent(Fraction(1, 3), persian=False) == "33.3"


def test_language_variants_and_deactivation() -> None:
    with translation.override("fa-ir"):
        assert numbers.number(1000) == "۱٬۰۰۰"
    with translation.override("en-us"):
        assert numbers.number(1000) == "1,000"
    with translation.override(None):  # falls back to LANGUAGE_CODE (fa)
        assert numbers.number(1000) == "۱٬۰۰۰"


@given(st.integers(min_value=-(10**40), max_value=10**40))
def test_number_reads_back_as_the_same_integer(value: int) -> None:
    for persian in (True, False):
        text = numbers.number(value, persian=persian)
        plain = to_latin_digits(text).replace(",", "").replace(numbers.THOUSANDS_SEPARATOR, "")
        assert int(plain) == value


# --- decimal_number ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "fa", "en"),
    [
        (Fraction(3, 2), 1, "۱٫۵", "1.5"),
        (2, 1, "۲", "2"),
        (0, 2, "۰", "0"),
        (Fraction(1, 3), 2, "۰٫۳۳", "0.33"),
        (Fraction(2, 3), 0, "۱", "1"),
        (Decimal("1234.5"), 1, "۱٬۲۳۴٫۵", "1,234.5"),
        (Decimal("1.15"), 1, "۱٫۲", "1.2"),  # half up; f"{1.15:.1f}" gives 1.1
        (Fraction(-3, 2), 1, "-۱٫۵", "-1.5"),
        (Fraction(-1, 100), 1, "۰", "0"),  # rounds to zero, no "-0"
        (Fraction(1, 100), 2, "۰٫۰۱", "0.01"),
        (HUGE + Fraction(1, 2), 1, "۱" + "٬۰۰۰" * 10 + "٫۵", "1" + ",000" * 10 + ".5"),
        (None, 1, "—", "—"),
    ],
)
def test_decimal_number(value: object, places: int, fa: str, en: str) -> None:
    assert both(numbers.decimal_number, value, places=places) == (fa, en)


def test_decimal_number_refuses_booleans_floats_and_negative_places() -> None:
    with pytest.raises(TypeError):
        numbers.decimal_number(True)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        numbers.decimal_number(0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        numbers.decimal_number(1, places=-1)


# --- percent -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kwargs", "fa", "en"),
    [
        (Fraction(1, 3), {}, "۳۳٫۳", "33.3"),
        (Fraction(1, 3), {"places": 2}, "۳۳٫۳۳", "33.33"),
        (Fraction(2, 3), {}, "۶۶٫۷", "66.7"),
        (Fraction(1, 2), {}, "۵۰", "50"),
        (Fraction(3, 10), {"places": 2}, "۳۰", "30"),
        (Fraction(1, 16), {}, "۶٫۳", "6.3"),  # 6.25 half up; f"{0.0625 * 100:.1f}" gives 6.2
        (Fraction(29, 200), {"places": 0}, "۱۵", "15"),  # 14.5; float(0.145) * 100 is 14.4999…
        (Fraction(0), {}, "۰", "0"),
        (1, {}, "۱۰۰", "100"),
        (Decimal("0.125"), {"places": 1}, "۱۲٫۵", "12.5"),
        (Fraction(-1, 3), {}, "-۳۳٫۳", "-33.3"),
        (Fraction(-1, 10_000), {}, "۰", "0"),
        (Fraction(25), {}, "۲٬۵۰۰", "2,500"),
        (Fraction(HUGE), {"places": 0}, "۱۰۰" + "٬۰۰۰" * 10, "100" + ",000" * 10),
        (Fraction(1, 3), {"places": 2, "sign": True}, "۳۳٫۳۳٪", "33.33%"),
        (None, {}, "—", "—"),
    ],
)
def test_percent(value: object, kwargs: dict[str, object], fa: str, en: str) -> None:
    assert both(numbers.percent, value, **kwargs) == (fa, en)


@pytest.mark.parametrize("value", [True, 0.3, "30"])
def test_percent_refuses_booleans_floats_and_text(value: object) -> None:
    with pytest.raises(TypeError):
        numbers.percent(value)  # type: ignore[arg-type]


@given(st.fractions(min_value=0, max_value=1, max_denominator=10_000))
def test_percent_is_the_exact_value_rounded_half_up(value: Fraction) -> None:
    shown = Decimal(numbers.percent(value, places=2, persian=False))
    exact = value * 100
    assert abs(Fraction(shown) - exact) <= Fraction(1, 200)
    # A tie rounds up, never down.
    if (exact * 100).denominator == 2:
        assert Fraction(shown) > exact


# --- fraction ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fa", "en"),
    [
        (Fraction(1, 3), "۱/۳", "1/3"),
        (Fraction(30, 100), "۳/۱۰", "3/10"),  # lowest terms
        (Fraction(-2, 4), "-۱/۲", "-1/2"),
        (Fraction(0), "۰/۱", "0/1"),
        (1, "۱/۱", "1/1"),
        (Fraction(1, HUGE), "۱/۱" + "۰" * 30, "1/1" + "0" * 30),
        (None, "—", "—"),
    ],
)
def test_fraction(value: object, fa: str, en: str) -> None:
    assert both(numbers.fraction, value) == (fa, en)


@pytest.mark.parametrize("value", [True, 0.5, Decimal("0.5"), "1/3"])
def test_fraction_refuses_what_is_not_a_fraction(value: object) -> None:
    with pytest.raises(TypeError):
        numbers.fraction(value)  # type: ignore[arg-type]
