from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from taavon.persian.text import to_persian_digits
from taavon.persian.validators import (
    CODE_IBAN_CHECKSUM,
    CODE_IBAN_FORMAT,
    CODE_LEGAL_NATIONAL_ID_CHECKSUM,
    CODE_LEGAL_NATIONAL_ID_FORMAT,
    CODE_MOBILE_FORMAT,
    CODE_NATIONAL_ID_CHECKSUM,
    CODE_NATIONAL_ID_FORMAT,
    is_valid_iban,
    is_valid_legal_national_id,
    is_valid_mobile,
    is_valid_national_id,
    normalize_iban,
    normalize_legal_national_id,
    normalize_mobile,
    normalize_national_id,
    validate_iban,
    validate_legal_national_id,
    validate_mobile,
    validate_national_id,
)


@pytest.fixture(autouse=True)
def _persian() -> Iterator[None]:
    with translation.override("fa"):
        yield


# --- independent reference implementations (written from the published rules) -------


def national_id_check_digit(first_nine: str) -> int:
    weighted = 0
    for position, char in enumerate(first_nine):
        weighted += int(char) * (10 - position)
    r = weighted % 11
    if r < 2:
        return r
    return 11 - r


def legal_id_check_digit(first_ten: str) -> int:
    weights = [29, 27, 23, 19, 17] * 2
    shift = int(first_ten[9]) + 2
    total = 0
    for char, weight in zip(first_ten, weights, strict=True):
        total += (int(char) + shift) * weight
    r = total % 11
    return 0 if r == 10 else r


def iban_with_check_digits(bban: str) -> str:
    # ISO 13616: check = 98 - (BBAN + "IR00", letters as numbers) mod 97; I=18, R=27.
    remainder = int(bban + "1827" + "00") % 97
    return f"IR{98 - remainder:02d}{bban}"


def reject_code(validator, value) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        validator(value)
    return str(info.value.code)


def test_reference_helpers_agree_with_published_examples() -> None:
    assert national_id_check_digit("008457594") == 8
    assert legal_id_check_digit("1038028479") == 0
    assert iban_with_check_digits("0540102680020817909002") == "IR820540102680020817909002"


# --- کد ملی -------------------------------------------------------------------------

PUBLISHED_NATIONAL_IDS = ["0084575948", "0013542419", "0076229645", "1583250689", "0011537027"]


@pytest.mark.parametrize("code", PUBLISHED_NATIONAL_IDS)
def test_published_national_ids_are_valid(code: str) -> None:
    assert national_id_check_digit(code[:9]) == int(code[9])
    validate_national_id(code)
    assert is_valid_national_id(code)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0084575948", "0084575948"),
        ("۰۰۸۴۵۷۵۹۴۸", "0084575948"),
        ("٠٠٨٤٥٧٥٩٤٨", "0084575948"),
        ("008-457594-8", "0084575948"),
        (" 008 457 5948 ", "0084575948"),
        ("84575948", "0084575948"),  # Excel dropped the leading zeros
        (84575948, "0084575948"),
        ("11537027", "0011537027"),
        ("013542419", "0013542419"),
        ("1234567", "1234567"),  # too short to be a truncated ID: left alone
        ("abc", "abc"),
        (None, ""),
    ],
)
def test_normalize_national_id(raw: object, expected: str) -> None:
    assert normalize_national_id(raw) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1111111111", CODE_NATIONAL_ID_CHECKSUM),  # passes the checksum, but is a dummy
        ("0000000000", CODE_NATIONAL_ID_CHECKSUM),
        ("9999999999", CODE_NATIONAL_ID_CHECKSUM),
        ("0084575947", CODE_NATIONAL_ID_CHECKSUM),
        ("0084575949", CODE_NATIONAL_ID_CHECKSUM),
        ("0084575984", CODE_NATIONAL_ID_CHECKSUM),
        ("1234567890", CODE_NATIONAL_ID_CHECKSUM),
        ("abcdefghi", CODE_NATIONAL_ID_FORMAT),
        ("00845759a8", CODE_NATIONAL_ID_FORMAT),
        ("00845759480", CODE_NATIONAL_ID_FORMAT),
        ("1234567", CODE_NATIONAL_ID_FORMAT),
        ("", CODE_NATIONAL_ID_FORMAT),
        ("۱۲۳", CODE_NATIONAL_ID_FORMAT),
        ("٠٠٨٤٥٧٥٩٤٨٠", CODE_NATIONAL_ID_FORMAT),
    ],
)
def test_invalid_national_ids(value: str, code: str) -> None:
    assert reject_code(validate_national_id, value) == code
    assert not is_valid_national_id(value)


def test_national_id_messages_are_persian() -> None:
    with pytest.raises(ValidationError) as info:
        validate_national_id("0084575947")
    assert info.value.messages == ["کد ملی معتبر نیست."]
    with pytest.raises(ValidationError) as info:
        validate_national_id("12")
    assert info.value.messages == ["کد ملی باید ۱۰ رقم باشد."]


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_national_id_checksum_property(first_nine: str) -> None:
    check = national_id_check_digit(first_nine)
    code = first_nine + str(check)
    if len(set(code)) == 1:
        assert not is_valid_national_id(code)
        return
    assert is_valid_national_id(code)
    assert is_valid_national_id(to_persian_digits(code))
    for wrong in set(range(10)) - {check}:
        assert not is_valid_national_id(first_nine + str(wrong))


# --- شناسه ملی ----------------------------------------------------------------------


def test_published_legal_national_id() -> None:
    validate_legal_national_id("10380284790")
    validate_legal_national_id("۱۰۳۸۰۲۸۴۷۹۰")
    validate_legal_national_id(10380284790)
    assert normalize_legal_national_id(" 103-8028-4790 ") == "10380284790"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("10380284792", CODE_LEGAL_NATIONAL_ID_CHECKSUM),
        ("10380285692", CODE_LEGAL_NATIONAL_ID_CHECKSUM),
        ("11111111111", CODE_LEGAL_NATIONAL_ID_CHECKSUM),
        ("00000000000", CODE_LEGAL_NATIONAL_ID_CHECKSUM),
        ("123000000", CODE_LEGAL_NATIONAL_ID_FORMAT),
        ("1111111111", CODE_LEGAL_NATIONAL_ID_FORMAT),
        ("103802847900", CODE_LEGAL_NATIONAL_ID_FORMAT),
        ("1038028479a", CODE_LEGAL_NATIONAL_ID_FORMAT),
        ("", CODE_LEGAL_NATIONAL_ID_FORMAT),
    ],
)
def test_invalid_legal_national_ids(value: str, code: str) -> None:
    assert reject_code(validate_legal_national_id, value) == code
    assert not is_valid_legal_national_id(value)


def test_legal_id_with_zero_serial_is_rejected_even_with_right_check_digit() -> None:
    first_ten = "1030000001"
    code = first_ten + str(legal_id_check_digit(first_ten))
    assert reject_code(validate_legal_national_id, code) == CODE_LEGAL_NATIONAL_ID_CHECKSUM


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_legal_id_checksum_property(first_ten: str) -> None:
    check = legal_id_check_digit(first_ten)
    code = first_ten + str(check)
    plausible = len(set(code)) > 1 and first_ten[3:9] != "000000"
    assert is_valid_legal_national_id(code) == plausible
    for wrong in set(range(10)) - {check}:
        assert not is_valid_legal_national_id(first_ten + str(wrong))


# --- شبا ----------------------------------------------------------------------------

PUBLISHED_IBANS = ["IR062960000000100324200001", "IR820540102680020817909002"]


@pytest.mark.parametrize("iban", PUBLISHED_IBANS)
def test_published_ibans_are_valid(iban: str) -> None:
    assert iban_with_check_digits(iban[4:]) == iban
    validate_iban(iban)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("IR06 2960 0000 0010 0324 2000 01", "IR062960000000100324200001"),
        ("ir062960000000100324200001", "IR062960000000100324200001"),
        ("IR-0629-6000-0000-1003-2420-0001", "IR062960000000100324200001"),
        ("062960000000100324200001", "IR062960000000100324200001"),
        ("IR۰۶۲۹۶۰۰۰۰۰۰۰۱۰۰۳۲۴۲۰۰۰۰۱", "IR062960000000100324200001"),
        ("۰۶۲۹۶۰۰۰۰۰۰۰۱۰۰۳۲۴۲۰۰۰۰۱", "IR062960000000100324200001"),
        ("\u200eIR820540102680020817909002\u200f", "IR820540102680020817909002"),
        ("de89 3704", "DE893704"),
        (None, ""),
    ],
)
def test_normalize_iban(raw: object, expected: str) -> None:
    assert normalize_iban(raw) == expected
    if expected.startswith("IR"):
        validate_iban(raw)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("IR062960000000100324200002", CODE_IBAN_CHECKSUM),
        ("IR072960000000100324200001", CODE_IBAN_CHECKSUM),
        ("IR062960000000010324200001", CODE_IBAN_CHECKSUM),  # transposed digits
        ("IR000000000000000000000000", CODE_IBAN_CHECKSUM),
        ("IR01234567890123456789", CODE_IBAN_FORMAT),
        ("IR012345678901234567890123456789", CODE_IBAN_FORMAT),
        ("DE89370400440532013000", CODE_IBAN_FORMAT),  # a valid German IBAN
        ("IR06296000000010032420000A", CODE_IBAN_FORMAT),
        ("XX062960000000100324200001", CODE_IBAN_FORMAT),
        ("62960000000100324200001", CODE_IBAN_FORMAT),
        ("", CODE_IBAN_FORMAT),
    ],
)
def test_invalid_ibans(value: str, code: str) -> None:
    assert reject_code(validate_iban, value) == code
    assert not is_valid_iban(value)


@given(st.text(alphabet="0123456789", min_size=22, max_size=22))
def test_iban_checksum_property(bban: str) -> None:
    iban = iban_with_check_digits(bban)
    assert is_valid_iban(iban)
    assert is_valid_iban(iban[2:])
    assert is_valid_iban(" ".join(iban[i : i + 4] for i in range(0, 26, 4)))
    check = int(iban[2:4])
    for wrong in (check + 1, check - 1, check + 10):
        if 0 <= wrong <= 99:
            assert not is_valid_iban(f"IR{wrong:02d}{bban}")


# --- تلفن همراه ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "09121234567",
        "9121234567",
        "+989121234567",
        "00989121234567",
        "989121234567",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "0912 123 4567",
        "0912-123-4567",
        "+98 912 123 4567",
        "+98 (912) 123-4567",
        "+98 0912 123 4567",
        "0098-912-123-4567",
        "\u200e+98 912 123 4567",
    ],
)
def test_normalize_mobile(raw: str) -> None:
    assert normalize_mobile(raw) == "+989121234567"
    validate_mobile(raw)
    assert is_valid_mobile(raw)


@pytest.mark.parametrize(
    "number",
    ["09351234567", "09901234567", "09211234567", "09001234567", "09981234567"],
)
def test_operators(number: str) -> None:
    assert normalize_mobile(number) == "+98" + number[1:]
    validate_mobile(number)


@pytest.mark.parametrize(
    "value",
    [
        "02188776655",  # Tehran landline
        "+982188776655",
        "2188776655",
        "03132345678",  # Isfahan landline
        "0912123456",  # too short
        "091212345678",  # too long
        "+9891212345678",
        "+19121234567",  # not Iran
        "+44 7911 123456",
        "0912abc4567",
        "08121234567",
        "",
        "   ",
    ],
)
def test_invalid_mobiles(value: str) -> None:
    assert reject_code(validate_mobile, value) == CODE_MOBILE_FORMAT
    assert not is_valid_mobile(value)


def test_normalize_mobile_leaves_unrecognised_input_cleaned() -> None:
    assert normalize_mobile("021-8877 6655") == "+982188776655"
    assert normalize_mobile("+44 7911 123456") == "+447911123456"
    assert normalize_mobile(None) == ""


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_mobile_forms_agree(subscriber: str) -> None:
    canonical = "+989" + subscriber
    for form in (f"09{subscriber}", f"9{subscriber}", f"0098 9{subscriber}", f"98-9{subscriber}"):
        assert normalize_mobile(form) == canonical
        assert normalize_mobile(to_persian_digits(form)) == canonical
    assert normalize_mobile(canonical) == canonical


@pytest.mark.parametrize(
    ("stored", "masked"),
    [("+989161234567", "0916***4567"), ("09121234567", "0912***4567"), ("123", "***")],
)
def test_mask_mobile(stored: str, masked: str) -> None:
    from taavon.persian.validators import mask_mobile

    assert mask_mobile(stored) == masked
