"""Name check: existing cooperatives and other open applications with the same or a similar
name (trigram similarity on PostgreSQL, equality and containment of search keys on SQLite)."""

from __future__ import annotations

import pytest
from django.db import connection

from taavon.accounts.models import User
from taavon.founding.models import FoundingApplication
from taavon.founding.selectors import names_with_similar, similar_names
from taavon.geo.models import County
from tests.factories import CooperativeFactory
from tests.founding.helpers import act, create_application, founders

pytestmark = pytest.mark.django_db


def test_exact_match_ignores_zwnj_arabic_letters_and_spaces() -> None:
    CooperativeFactory(name="تعاونی‌ها فرش دورود")
    (found,) = similar_names("تعاونيها  فرش دورود")
    assert found.exact and found.source == "cooperative"
    assert found.name == "تعاونی‌ها فرش دورود"


def test_similar_but_not_equal_names() -> None:
    CooperativeFactory(name="تعاونی گردشگری زاگرس خرم‌آباد")
    found = similar_names("تعاونی گردشگری زاگرس")
    assert [(s.name, s.exact) for s in found] == [("تعاونی گردشگری زاگرس خرم‌آباد", False)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity")
def test_trigram_finds_a_misspelling_on_postgresql() -> None:
    CooperativeFactory(name="تعاونی فرش دستباف دورود")
    found = similar_names("تعاونی فرش دستبافت دورود")
    assert found and 0.45 <= found[0].score < 1


def test_unrelated_names_are_not_reported() -> None:
    CooperativeFactory(name="تعاونی مصرف کارکنان")
    assert similar_names("تعاونی پرورش ماهی") == []


def test_open_applications_count_but_drafts_and_own_do_not(
    applicant: User, khorramabad: County, draft: FoundingApplication
) -> None:
    assert similar_names("تعاونی گردشگری زاگرس") == []  # a draft claims nothing yet
    act(applicant, draft, "submit")
    (found,) = similar_names("تعاونی گردشگری زاگرس")
    assert found.source == "application" and found.exact
    assert similar_names("تعاونی گردشگری زاگرس", exclude_application_id=draft.pk) == []


def test_blocked_flag_for_the_officer(applicant: User, khorramabad: County) -> None:
    CooperativeFactory(name="تعاونی گردشگری زاگرس")
    application = create_application(applicant, khorramabad.pk, founders=founders(7, start=70))
    rows = names_with_similar(application)
    assert [r["blocked"] for r in rows] == [True, False]


def test_own_cooperative_is_not_reported_after_approval(
    officer: User, submitted: FoundingApplication
) -> None:
    act(officer, submitted, "approve")
    submitted.refresh_from_db()
    assert [r["blocked"] for r in names_with_similar(submitted)] == [False, False]


def test_an_empty_name() -> None:
    assert similar_names(" ، ") == []
