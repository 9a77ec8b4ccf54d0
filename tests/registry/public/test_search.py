"""public_filters and public_search: what the public can find and how names match."""

from __future__ import annotations

import pytest
from django.db import connection

from taavon.capital.selectors.public import public_record
from taavon.core.errors import NotFoundError
from taavon.core.permissions import SYSTEM
from taavon.geo.models import County
from taavon.registry.models import Cooperative, CooperativeStatus
from taavon.registry.selectors.public import (
    InvalidFilter,
    member_counts,
    public_filters,
    public_rows,
    public_search,
)
from tests.registry.public.conftest import Secrets, make_coop

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram similarity needs PostgreSQL"
)


def names(**params: str) -> list[str]:
    return [row["name"] for row in public_search(public_filters(params))]


# --- name matching through the search key ---------------------------------------------------


def test_missing_zwnj_finds_the_name_with_it(registry: dict[str, Cooperative]) -> None:
    assert names(q="تعاونیها") == ["تعاونی‌های فرش دستباف دورود"]


def test_extra_space_instead_of_zwnj(registry: dict[str, Cooperative]) -> None:
    assert names(q="تعاونی ها فرش") == ["تعاونی‌های فرش دستباف دورود"]


def test_missing_spaces(registry: dict[str, Cooperative]) -> None:
    assert names(q="فرشدستبافدورود") == ["تعاونی‌های فرش دستباف دورود"]


def test_extra_spaces_and_stray_zwnj(registry: dict[str, Cooperative]) -> None:
    assert names(q="  فرش   دست\u200cباف\u200c ") == ["تعاونی‌های فرش دستباف دورود"]


def test_arabic_yeh_and_kaf(registry: dict[str, Cooperative]) -> None:
    assert names(q="تعاوني كشاورزي") == ["تعاونی کشاورزی یاسوکند"]


def test_words_in_any_order_and_not_adjacent(registry: dict[str, Cooperative]) -> None:
    assert names(q="دورود فرش") == ["تعاونی‌های فرش دستباف دورود"]


def test_digits_in_any_script_in_names(khorramabad: County) -> None:
    make_coop("تعاونی مسکن شماره 12 خرم‌آباد", khorramabad)
    assert names(q="مسکن شماره ۱۲") == ["تعاونی مسکن شماره 12 خرم‌آباد"]
    assert names(q="مسکن شماره ١٢") == ["تعاونی مسکن شماره 12 خرم‌آباد"]


def test_exact_match_comes_first(dorud: County) -> None:
    for name in ("تعاونی فرش دستباف", "تعاونی فرش", "تعاونی فرش و گلیم"):
        make_coop(name, dorud)
    assert names(q="تعاونی فرش")[0] == "تعاونی فرش"


def test_blank_query_lists_every_public_cooperative_newest_first(
    registry: dict[str, Cooperative],
) -> None:
    assert names(q="  ") == [
        "تعاونی گردشگری لرستان",
        "تعاونی کشاورزی یاسوکند",
        "تعاونی‌های فرش دستباف دورود",
    ]


@postgres_only
def test_a_typo_still_finds_the_name(registry: dict[str, Cooperative]) -> None:
    assert names(q="تعاونیهای فرش دستبف دورود") == ["تعاونی‌های فرش دستباف دورود"]


@postgres_only
def test_similar_names_are_ranked_after_containing_ones(dorud: County) -> None:
    make_coop("تعاونی زنبورداران دورود", dorud)
    make_coop("تعاونی زنبورداران دورود شماره ۲", dorud)
    make_coop("تعاونی زنبورداری دورود", dorud)  # similar, does not contain the query
    found = names(q="تعاونی زنبورداران دورود")
    assert found == [
        "تعاونی زنبورداران دورود",
        "تعاونی زنبورداران دورود شماره 2",
        "تعاونی زنبورداری دورود",
    ]


@postgres_only
def test_dissimilar_names_are_not_found(registry: dict[str, Cooperative]) -> None:
    assert names(q="پتروشیمی بندرعباس") == []


# --- only registered cooperatives -------------------------------------------------------------


def test_cooperatives_being_founded_never_appear(registry: dict[str, Cooperative]) -> None:
    assert "تعاونی‌های فرش در حال تأسیس" not in names()
    assert "تعاونی‌های فرش در حال تأسیس" not in names(q="در حال تأسیس")
    assert names(sector="carpet") == ["تعاونی‌های فرش دستباف دورود"]


def test_a_founding_cooperative_has_no_public_record(registry: dict[str, Cooperative]) -> None:
    with pytest.raises(NotFoundError):
        public_record(registry["founding"].pk)


def test_unknown_cooperative_has_no_public_record(db: None) -> None:
    with pytest.raises(NotFoundError):
        public_record(987654)


@pytest.mark.parametrize(
    "status",
    [CooperativeStatus.INACTIVE, CooperativeStatus.LIQUIDATION, CooperativeStatus.DISSOLVED],
)
def test_every_registered_status_is_public(dorud: County, status: str) -> None:
    coop = make_coop("تعاونی نمونه", dorud, status=status)
    assert names() == ["تعاونی نمونه"]
    assert public_record(coop.pk).status == status


# --- filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["10860123456", "۱۰۸۶۰۱۲۳۴۵۶", "١٠٨٦٠١٢٣٤٥٦", " 1086 0123456 "])
def test_legal_national_id_in_any_digit_script(
    registry: dict[str, Cooperative], value: str
) -> None:
    assert names(legal_national_id=value) == ["تعاونی‌های فرش دستباف دورود"]


def test_legal_national_id_is_exact(registry: dict[str, Cooperative]) -> None:
    assert names(legal_national_id="10860123457") == []


@pytest.mark.parametrize("value", ["4521", "۴۵۲۱", "٤٥٢١"])
def test_registration_number_in_any_digit_script(
    registry: dict[str, Cooperative], value: str
) -> None:
    assert names(registration_number=value) == ["تعاونی‌های فرش دستباف دورود"]


def test_registration_number_is_exact(registry: dict[str, Cooperative]) -> None:
    assert names(registration_number="452") == []


def test_registration_number_stored_with_persian_digits(dorud: County) -> None:
    make_coop("تعاونی قدیمی", dorud, registration_number="۹۸۷")
    assert names(registration_number="987") == ["تعاونی قدیمی"]


def test_county_by_slug_or_id(registry: dict[str, Cooperative], dorud: County) -> None:
    assert names(county="dorud") == ["تعاونی‌های فرش دستباف دورود"]
    assert names(county=str(dorud.pk)) == ["تعاونی‌های فرش دستباف دورود"]


def test_province_by_code_or_id(registry: dict[str, Cooperative], tehran_county: County) -> None:
    make_coop("تعاونی مصرف پایتخت", tehran_county)
    assert names(province="ir-23") == ["تعاونی مصرف پایتخت"]
    assert len(names(province=str(registry["kaf"].county.province_id))) == 3


def test_sector_and_status(registry: dict[str, Cooperative]) -> None:
    assert names(sector="tourism") == ["تعاونی گردشگری لرستان"]
    assert names(status="inactive") == ["تعاونی گردشگری لرستان"]
    assert names(status="active", county="khorramabad") == ["تعاونی کشاورزی یاسوکند"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "founding"}, "status"),
        ({"status": "foo"}, "status"),
        ({"sector": "oil"}, "sector"),
        ({"county": "abc"}, "county"),
        ({"county": "999999"}, "county"),
        ({"province": "IR-99"}, "province"),
        ({"legal_national_id": "123"}, "legal_national_id"),
        ({"legal_national_id": "1086012345x"}, "legal_national_id"),
    ],
)
def test_bad_parameters_are_rejected_with_a_persian_message(
    db: None, params: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidFilter) as caught:
        public_filters(params)
    assert caught.value.status_code == 422
    assert list(caught.value.fields) == [field]
    assert any("\u0600" <= ch <= "\u06ff" for ch in caught.value.fields[field][0])


# --- rows ---------------------------------------------------------------------------------------


def test_member_counts_count_current_members_only(
    registry: dict[str, Cooperative], members: Secrets
) -> None:
    from taavon.registry.models import Membership
    from taavon.registry.services.members import membership_exit

    carpet = registry["carpet"]
    leaving = Membership.objects.filter(cooperative=carpet).first()
    assert leaving is not None
    membership_exit(
        actor=SYSTEM,
        membership_id=leaving.pk,
        status="resigned",
        exit_date=leaving.joined_on,
        reason="",
    )
    assert member_counts([carpet.pk, registry["kaf"].pk]) == {carpet.pk: 3}


def test_rows_carry_business_data_only(registry: dict[str, Cooperative], members: Secrets) -> None:
    (row,) = public_rows(public_search(public_filters({"q": "فرش"})))
    assert row.member_count == 4
    assert row.county_slug == "dorud" and row.province_code == "IR-15"
    assert row.sector_label == "فرش دستباف" and row.status_label == "ثبت‌شده و فعال"
    members.assert_absent(repr(row))


def test_public_record_has_aggregate_capital_and_history(
    registry: dict[str, Cooperative], members: Secrets
) -> None:
    record = public_record(registry["carpet"].pk)
    assert record.capital_subscribed == 40_000_000
    assert record.capital_paid == 4_000_000
    assert record.member_count == 4
    members.assert_absent(repr(record))


def test_noise_words_need_not_be_in_the_name(registry: dict[str, Cooperative]) -> None:
    assert names(q="شرکت تعاونی فرش دورود") == ["تعاونی‌های فرش دستباف دورود"]


def test_one_letter_words_are_ignored_when_matching_words(registry: dict[str, Cooperative]) -> None:
    assert names(q="فرش و دورود") == ["تعاونی‌های فرش دستباف دورود"]


def test_a_query_of_noise_words_lists_names_containing_it_newest_first(
    registry: dict[str, Cooperative],
) -> None:
    assert names(q="تعاونی") == [
        "تعاونی گردشگری لرستان",
        "تعاونی کشاورزی یاسوکند",
        "تعاونی‌های فرش دستباف دورود",
    ]
