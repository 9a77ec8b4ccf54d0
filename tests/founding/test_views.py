"""The /founding/ pages: forms with Persian errors, buttons from the workflow table, and the
permission re-checked on every POST (missing and out of scope are both 404)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from taavon.accounts.models import User
from taavon.founding.models import ApplicationStatus, FoundingApplication
from taavon.geo.models import County
from taavon.persian.jalali import format_jalali
from taavon.web.views.founding.forms import ApproveForm
from tests.factories import CooperativeFactory
from tests.founding.helpers import (
    LEGAL_ID,
    act,
    assembly_payload,
    create_application,
    founder_data,
    founders,
    minimal_pdf,
    plan_file,
    record_capital,
)

pytestmark = pytest.mark.django_db
LATIN_DIGIT = re.compile(r"[0-9]")
ClientFor = Callable[[User], Client]


def detail(app: FoundingApplication) -> str:
    return reverse("web:founding-detail", args=[app.pk])


def action(app: FoundingApplication, code: str) -> str:
    return reverse("web:founding-action", args=[app.pk, code])


def form_data(county: County, count: int = 7, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name_1": "تعاونی صنایع دستی دورود",
        "name_2": "",
        "name_3": "",
        "kind": "production",
        "sector": "handicrafts",
        "membership_kind": "public",
        "special_group": "",
        "county": county.pk,
        "activity": "گلیم‌بافی",
        "address": "",
        "feasibility_plan": plan_file(),
        "founders-TOTAL_FORMS": str(max(count, 1)),
        "founders-INITIAL_FORMS": "0",
        "founders-MIN_NUM_FORMS": "0",
        "founders-MAX_NUM_FORMS": "1000",
    }
    for i in range(count):
        person = founder_data(i)
        for field in ("national_id", "first_name", "last_name", "father_name", "mobile"):
            data[f"founders-{i}-{field}"] = getattr(person, field)
    return data | overrides


# --- list and new --------------------------------------------------------------------------


def test_list_requires_login(client: Client) -> None:
    response = client.get(reverse("web:founding-list"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_applicant_list_and_officer_queue(
    login_client: ClientFor,
    applicant: User,
    officer: User,
    dorud_officer: User,
    submitted: FoundingApplication,
    khorramabad: County,
) -> None:
    code = submitted.tracking_code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    create_application(applicant, khorramabad.pk, founders=founders(7, start=30))  # a draft
    mine = login_client(applicant).get(reverse("web:founding-list")).content.decode()
    assert code in mine and mine.count('href="/founding/') >= 2
    queue = login_client(officer).get(reverse("web:founding-list")).content.decode()
    assert code in queue and queue.count("پیش‌نویس</span>") == 0
    other = login_client(dorud_officer).get(reverse("web:founding-list")).content.decode()
    assert code not in other


def test_list_filter_by_status_with_htmx(
    login_client: ClientFor, officer: User, submitted: FoundingApplication
) -> None:
    client = login_client(officer)
    rows = client.get(
        reverse("web:founding-list"),
        {"tab": "queue", "status": "approved"},
        headers={"HX-Request": "true"},
    )
    assert rows.status_code == 200
    assert "<html" not in rows.content.decode() and 'id="founding-rows"' in rows.content.decode()
    assert "درخواستی در کارتابل شما نیست" in rows.content.decode()


def test_list_queries_do_not_grow_with_rows(
    login_client: ClientFor, officer: User, applicant: User, khorramabad: County
) -> None:
    client = login_client(officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("web:founding-list"), {"tab": "queue"}).status_code == 200
        return len(queries)

    app = create_application(applicant, khorramabad.pk)
    act(applicant, app, "submit")
    one = count()
    for start in (10, 20, 30):
        more = create_application(applicant, khorramabad.pk, founders=founders(7, start=start))
        act(applicant, more, "submit")
    assert count() == one


def test_new_form_prefills_the_applicant_as_first_founder(
    login_client: ClientFor, applicant: User
) -> None:
    page = login_client(applicant).get(reverse("web:founding-new")).content.decode()
    assert f'value="{applicant.national_id}"' in page
    assert 'name="founders-TOTAL_FORMS"' in page and "hx-get" in page


def test_new_application_through_the_form(
    login_client: ClientFor,
    applicant: User,
    khorramabad: County,
    sms_outbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = login_client(applicant).post(reverse("web:founding-new"), form_data(khorramabad))
    application = FoundingApplication.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(application)
    assert application.founders.count() == 7 and application.sector == "handicrafts"
    assert len(sms_outbox) == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"founders-2-national_id": "1111111111"}, "کد ملی معتبر نیست."),
        ({"founders-5-national_id": founder_data(1).national_id}, "دو بار"),
        ({"founders-1-mobile": "123"}, "همراه"),
        ({"feasibility_plan": plan_file(b"not a pdf")}, "PDF واقعی نیست"),
        ({"name_1": ""}, "این فیلد لازم است"),
    ],
)
def test_bad_input_gets_a_persian_error_next_to_the_field(
    login_client: ClientFor,
    applicant: User,
    khorramabad: County,
    overrides: dict[str, Any],
    message: str,
) -> None:
    response = login_client(applicant).post(
        reverse("web:founding-new"), form_data(khorramabad, **overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FoundingApplication.objects.exists()


def test_founders_below_minimum_in_the_form(
    login_client: ClientFor, applicant: User, khorramabad: County
) -> None:
    response = login_client(applicant).post(
        reverse("web:founding-new"), form_data(khorramabad, count=5)
    )
    assert response.status_code == 400
    assert "دست‌کم ۷ مؤسس لازم است" in response.content.decode()


def test_similar_names_fragment(login_client: ClientFor, applicant: User) -> None:
    CooperativeFactory(name="تعاونی فرش دستباف دورود")
    page = (
        login_client(applicant)
        .get(
            reverse("web:founding-similar"),
            {"name_1": "تعاونی فرش دستباف دورود"},
            headers={"HX-Request": "true"},
        )
        .content.decode()
    )
    assert "تعاونی فرش دستباف دورود" in page and "یکسان" in page


# --- detail and actions ----------------------------------------------------------------------


def test_detail_for_applicant_officer_and_outsiders(
    login_client: ClientFor,
    applicant: User,
    officer: User,
    dorud_officer: User,
    member: User,
    submitted: FoundingApplication,
) -> None:
    page = login_client(officer).get(detail(submitted)).content.decode()
    for code in ("approve", "return", "reject"):
        assert f'data-action="{code}"' in page
    assert 'data-action="withdraw"' not in page
    own = login_client(applicant).get(detail(submitted)).content.decode()
    assert 'data-action="withdraw"' in own and 'data-action="approve"' not in own
    for outsider in (dorud_officer, member):
        assert login_client(outsider).get(detail(submitted)).status_code == 404


def test_detail_shows_persian_digits(
    login_client: ClientFor, officer: User, submitted: FoundingApplication
) -> None:
    page = login_client(officer).get(detail(submitted)).content.decode()
    start = page.index('id="founders"')
    founders_table = page[start : page.index("</table>", start)]
    visible = re.sub(r"<[^>]+>", " ", founders_table)
    assert not LATIN_DIGIT.findall(visible)


def test_action_post_rechecks_permission(
    login_client: ClientFor,
    applicant: User,
    dorud_officer: User,
    submitted: FoundingApplication,
) -> None:
    assert login_client(applicant).post(action(submitted, "approve")).status_code == 404
    assert login_client(dorud_officer).post(action(submitted, "approve")).status_code == 404
    assert login_client(applicant).post(action(submitted, "explode")).status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_submit_and_approve_through_the_pages(
    login_client: ClientFor, applicant: User, officer: User, draft: FoundingApplication
) -> None:
    assert login_client(applicant).post(action(draft, "submit")).status_code == 302
    response = login_client(officer).post(
        action(draft, "approve"), {"name_rank": "1", "nominal_value": "2000000"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.APPROVED


@pytest.mark.parametrize(
    ("language", "help_text"),
    [("fa", "پیش‌فرض: ۱٬۰۰۰٬۰۰۰ ریال."), ("en", "Default: 1,000,000 rials.")],
)
def test_the_nominal_value_help_is_the_services_default(
    submitted: FoundingApplication, language: str, help_text: str
) -> None:
    with translation.override(language):
        form = ApproveForm(application=submitted)
        assert form.fields["nominal_value"].help_text == help_text


def test_return_without_a_note_shows_the_error(
    login_client: ClientFor, officer: User, submitted: FoundingApplication
) -> None:
    response = login_client(officer).post(action(submitted, "return"), {"note": ""})
    assert response.status_code == 400
    assert "این فیلد لازم است" in response.content.decode()


def test_a_stale_action_is_explained(
    login_client: ClientFor, officer: User, approved: FoundingApplication
) -> None:
    client = login_client(officer)
    response = client.post(action(approved, "approve"), {"name_rank": "1"}, follow=True)
    assert "شاید هم‌زمان کاربر دیگری آن را تغییر داده است" in response.content.decode()


def test_approve_with_a_taken_name_shows_the_error(
    login_client: ClientFor, officer: User, submitted: FoundingApplication
) -> None:
    CooperativeFactory(name="تعاونی گردشگری زاگرس")
    response = login_client(officer).post(action(submitted, "approve"), {"name_rank": "1"})
    assert response.status_code == 400
    assert "یکسان است" in response.content.decode()


def test_capital_assembly_and_register_through_the_pages(
    login_client: ClientFor, applicant: User, officer: User, approved: FoundingApplication
) -> None:
    client = login_client(officer)
    page = client.get(detail(approved)).content.decode()
    assert 'name="capital-TOTAL_FORMS"' in page and 'id="elected-table"' in page
    members = list(approved.cooperative.memberships.order_by("register_number"))  # type: ignore[union-attr]
    today = format_jalali(timezone.localdate(), persian_digits=False)
    data: dict[str, Any] = {
        "effective_on": today,
        "reference": "فیش ۱۲",
        "capital-TOTAL_FORMS": "7",
        "capital-INITIAL_FORMS": "7",
    }
    for i, m in enumerate(members):
        data |= {
            f"capital-{i}-membership_id": m.pk,
            f"capital-{i}-shares": "10",
            f"capital-{i}-paid": "4000000",
        }
    assert client.post(reverse("web:founding-capital", args=[approved.pk]), data).status_code == 302

    payload = assembly_payload(approved)
    assembly = {
        "held_on": today,
        "members_present": "7",
        "statute_votes_for": "5",
        "board": payload["board"],
        "board_alternates": payload["board_alternates"],
        "inspectors": payload["inspectors"],
        "inspector_alternates": payload["inspector_alternates"],
    }
    assert (
        login_client(applicant).post(action(approved, "record_assembly"), assembly).status_code
        == 302
    )
    response = client.post(
        action(approved, "register"),
        {"registration_number": "۹۸۷", "registration_date": today, "legal_national_id": LEGAL_ID},
    )
    assert response.status_code == 302
    approved.refresh_from_db()
    assert approved.status == ApplicationStatus.REGISTERED
    assert 'id="public-link"' in client.get(detail(approved)).content.decode()


def test_capital_overpay_shows_the_error_on_the_row(
    login_client: ClientFor, officer: User, approved: FoundingApplication
) -> None:
    members = list(approved.cooperative.memberships.order_by("register_number"))  # type: ignore[union-attr]
    data: dict[str, Any] = {
        "effective_on": format_jalali(timezone.localdate(), persian_digits=False),
        "capital-TOTAL_FORMS": "7",
        "capital-INITIAL_FORMS": "7",
    }
    for i, m in enumerate(members):
        data |= {
            f"capital-{i}-membership_id": m.pk,
            f"capital-{i}-shares": "1",
            f"capital-{i}-paid": "5000000" if i == 0 else "",
        }
    response = login_client(officer).post(reverse("web:founding-capital", args=[approved.pk]), data)
    assert response.status_code == 400
    assert "بیشتر است" in response.content.decode()


def test_statute_not_adopted_shows_the_error(
    login_client: ClientFor, applicant: User, approved: FoundingApplication
) -> None:
    payload = assembly_payload(approved)
    response = login_client(applicant).post(
        action(approved, "record_assembly"),
        {
            "held_on": format_jalali(timezone.localdate(), persian_digits=False),
            "members_present": "7",
            "statute_votes_for": "2",
            **{
                k: payload[k]
                for k in ("board", "board_alternates", "inspectors", "inspector_alternates")
            },
        },
    )
    assert response.status_code == 400
    assert "اساسنامه تصویب نشد" in response.content.decode()


def test_register_before_paid_minimum_shows_the_error(
    login_client: ClientFor, officer: User, assembly_held: FoundingApplication
) -> None:
    record_capital(officer, assembly_held, shares=10, paid=1_000_000)
    response = login_client(officer).post(
        action(assembly_held, "register"),
        {
            "registration_number": "12",
            "registration_date": format_jalali(timezone.localdate(), persian_digits=False),
            "legal_national_id": LEGAL_ID,
        },
    )
    assert response.status_code == 400
    assert "ثبت تعاونی ممکن نیست" in response.content.decode()


# --- downloads, tracking, editing --------------------------------------------------------------


def test_agreement_download(
    login_client: ClientFor,
    applicant: User,
    dorud_officer: User,
    submitted: FoundingApplication,
    officer: User,
) -> None:
    url = reverse("web:founding-agreement", args=[submitted.pk])
    assert login_client(applicant).get(url).status_code == 404  # not issued yet
    act(officer, submitted, "approve")
    response = login_client(applicant).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert login_client(dorud_officer).get(url).status_code == 404


def test_plan_download(
    login_client: ClientFor, officer: User, draft: FoundingApplication, dorud_officer: User
) -> None:
    url = reverse("web:founding-plan", args=[draft.pk])
    response = login_client(officer).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == minimal_pdf()  # type: ignore[attr-defined]
    assert login_client(dorud_officer).get(url).status_code == 404


def test_track_by_code(
    login_client: ClientFor, applicant: User, member: User, draft: FoundingApplication
) -> None:
    url = reverse("web:founding-track")
    code = draft.tracking_code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    response = login_client(applicant).get(url, {"code": code})
    assert response.status_code == 302 and response["Location"] == detail(draft)
    stranger = login_client(member).get(url, {"code": draft.tracking_code})
    assert stranger.status_code == 400 and "در دسترس شما نیست" in stranger.content.decode()
    assert "ده رقم" in login_client(applicant).get(url, {"code": "12"}).content.decode()


def test_edit_and_founders_through_the_pages(
    login_client: ClientFor,
    applicant: User,
    officer: User,
    draft: FoundingApplication,
    khorramabad: County,
) -> None:
    client = login_client(applicant)
    edit = reverse("web:founding-edit", args=[draft.pk])
    assert client.get(edit).status_code == 200
    data = form_data(khorramabad, count=0, name_1="تعاونی ویرایش‌شده")
    data.pop("feasibility_plan")
    assert client.post(edit, data).status_code == 302
    draft.refresh_from_db()
    assert draft.proposed_names.get().name == "تعاونی ویرایش‌شده"
    person = founder_data(80)
    client.post(
        reverse("web:founding-founder-add", args=[draft.pk]),
        {
            "add-national_id": person.national_id,
            "add-first_name": person.first_name,
            "add-last_name": person.last_name,
        },
    )
    assert draft.founders.count() == 8
    added = draft.founders.get(person__national_id=person.national_id)
    client.post(reverse("web:founding-founder-remove", args=[draft.pk, added.pk]))
    assert draft.founders.count() == 7
    assert login_client(officer).get(edit).status_code == 404
    act(applicant, draft, "submit")
    assert client.get(edit).status_code == 404


def test_the_same_name_twice_is_caught_by_the_form(
    login_client: ClientFor, applicant: User, khorramabad: County
) -> None:
    data = form_data(khorramabad, name_2="تعاونی صنايع دستی  دورود")
    response = login_client(applicant).post(reverse("web:founding-new"), data)
    assert response.status_code == 400
    assert "نام‌های پیشنهادی نباید تکراری باشند." in response.content.decode()
