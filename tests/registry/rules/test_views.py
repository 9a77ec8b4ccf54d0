"""/registry/rules/: everyone reads the rules; national officers publish new versions."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from taavon.accounts.models import User
from taavon.audit.models import AuditEvent
from taavon.registry.models import RuleProfile
from tests.registry.rules.conftest import valid_form

pytestmark = pytest.mark.django_db

LIST = reverse("web:rules-list")


def publish_url(profile: RuleProfile) -> str:
    return reverse("web:rules-publish", args=[profile.pk])


def test_routes() -> None:
    assert LIST == "/registry/rules/"
    assert reverse("web:rules-detail", args=[3]) == "/registry/rules/3/"
    assert reverse("web:rules-publish", args=[3]) == "/registry/rules/3/new/"


def test_anyone_may_read_the_list(client: Client, general: RuleProfile) -> None:
    response = client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "ضوابط عمومی تعاونی‌ها" in html and "تعاونی‌های مسکن" in html
    assert "۳۳٫۳۳٪" in html  # one third, as a percentage
    assert "نسخهٔ جدید" not in html


def test_detail_shows_fractions_as_percentages_and_the_source(
    client: Client, general: RuleProfile
) -> None:
    html = client.get(reverse("web:rules-detail", args=[general.pk])).content.decode()
    assert "۱/۳" in html and "۳۳٫۳۳٪" in html and "۳۰/۱۰۰" in html and "۳۰٪" in html
    assert "Cooperative Sector Law 1370" in html
    assert "نافذ" in html
    assert publish_url(general) not in html


def test_national_officer_sees_the_new_version_button(
    login_client: Callable[[User], Client], national_officer: User, general: RuleProfile
) -> None:
    html = (
        login_client(national_officer)
        .get(reverse("web:rules-detail", args=[general.pk]))
        .content.decode()
    )
    assert publish_url(general) in html


def test_form_is_prefilled_from_the_selected_profile(
    login_client: Callable[[User], Client], national_officer: User, housing: RuleProfile
) -> None:
    response = login_client(national_officer).get(publish_url(housing))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["min_members"].value() == 20
    assert form["max_members"].value() == 1000
    assert form["min_paid_den"].value() == 3
    assert form["source_note"].value() == ""
    html = response.content.decode()
    assert "data-jdp" in html and "۳۳٫۳۳٪" in html


@pytest.mark.parametrize("role", ["national_officer", "sysadmin"])
def test_publish_creates_the_next_version_and_keeps_the_old(
    request: pytest.FixtureRequest,
    login_client: Callable[[User], Client],
    housing: RuleProfile,
    role: str,
) -> None:
    user = request.getfixturevalue(role)
    before = {f.name: getattr(housing, f.name) for f in RuleProfile._meta.fields}
    data = valid_form(housing, min_members="۲۵", min_paid_num="1", min_paid_den="2")
    response = login_client(user).post(publish_url(housing), data)
    new = RuleProfile.objects.get(sector="housing", version=2)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:rules-detail", args=[new.pk])
    assert (new.min_members, new.min_paid_num, new.min_paid_den) == (25, 1, 2)
    assert new.max_members == 1000 and new.kind == "" and new.created_by == user
    assert new.effective_from == datetime.date(2026, 3, 21)
    assert new.source_note == "مصوبه آزمایشی 1404"  # normalised: Latin digits, bare ه
    housing.refresh_from_db()
    assert {f.name: getattr(housing, f.name) for f in RuleProfile._meta.fields} == before
    event = AuditEvent.objects.get(action="registry.rule_profile.publish")
    assert set(event.changes) == {
        "min_members",
        "min_paid_den",
        "effective_from",
        "source_note",
    }


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"min_paid_num": "4", "min_paid_den": "3"}, "min_paid_num", "کسر باید بین صفر و یک باشد."),
        (
            {"statute_majority_den": "0"},
            "statute_majority_den",
            "مخرج کسر باید بزرگ‌تر از صفر باشد.",
        ),
        ({"board_min": "8", "board_max": "7"}, "board_min", "بازهٔ اعضای هیئت‌مدیره نادرست است."),
        ({"board_min": "0"}, "board_min", "بازهٔ اعضای هیئت‌مدیره نادرست است."),
        (
            {"max_members": "10", "min_members": "20"},
            "max_members",
            "حداکثر اعضا نمی‌تواند از حداقل کمتر باشد.",
        ),
        ({"min_founders": "0"}, "min_founders", "حداقل مؤسسان باید دست‌کم یک نفر باشد."),
        ({"source_note": "  "}, "source_note", None),
        ({"effective_from": "1404/12/30"}, "effective_from", "این تاریخ در تقویم وجود ندارد."),
        ({"min_members": "-3"}, "min_members", None),
        ({"alternates_num": "یک"}, "alternates_num", None),
        ({"board_max": "40000"}, "board_max", None),
    ],
)
def test_invalid_values_get_persian_field_errors_and_change_nothing(
    login_client: Callable[[User], Client],
    national_officer: User,
    housing: RuleProfile,
    overrides: dict[str, str],
    field: str,
    message: str | None,
) -> None:
    count = RuleProfile.objects.count()
    response = login_client(national_officer).post(
        publish_url(housing), valid_form(housing, **overrides)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert message in errors[field]
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in e) for e in errors[field])
    assert RuleProfile.objects.count() == count


@pytest.mark.parametrize("role", [None, "member", "county_officer", "provincial_officer"])
def test_others_get_404_on_the_form(
    request: pytest.FixtureRequest,
    login_client: Callable[[User], Client],
    housing: RuleProfile,
    role: str | None,
) -> None:
    client = login_client(request.getfixturevalue(role)) if role else Client()
    assert client.get(publish_url(housing)).status_code == 404
    assert client.post(publish_url(housing), valid_form(housing)).status_code == 404
    assert RuleProfile.objects.filter(sector="housing").count() == 1


def test_unknown_profile_is_404(
    login_client: Callable[[User], Client], national_officer: User
) -> None:
    client = login_client(national_officer)
    assert client.get(reverse("web:rules-detail", args=[987654])).status_code == 404
    assert client.get(reverse("web:rules-publish", args=[987654])).status_code == 404
