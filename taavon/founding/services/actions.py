"""The rules of the three big steps: approval (agreement, cooperative, first members),
the founding assembly (statute, board, inspectors) and registration (capital, legal ID).

Each function runs inside `application_transition` with the application row locked and
returns the note kept in the transition history.
"""

from __future__ import annotations

import datetime
import math
from fractions import Fraction
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.accounts.models import User
from taavon.capital.selectors import cooperative_totals
from taavon.capital.services import share_class_create
from taavon.core.errors import check_field
from taavon.core.locks import lock_value
from taavon.founding.models import FoundingApplication, FoundingAssembly, OfficerRole, OfficerTerm
from taavon.founding.services.common import (
    DEFAULT_NOMINAL_VALUE,
    FieldErrors,
    fail,
    whole_number,
)
from taavon.geo.models import County
from taavon.persian import numbers
from taavon.persian.jalali import to_jalali
from taavon.persian.text import normalize, to_latin_digits
from taavon.persian.validators import normalize_legal_national_id, validate_legal_national_id
from taavon.persian.validators import normalize_national_id as normalize_nid
from taavon.registry.locking import lock_cooperative
from taavon.registry.models import (
    Cooperative,
    CooperativeStatus,
    Membership,
    MembershipStatus,
)
from taavon.registry.services.members import admit_locked, lock_for_members
from taavon.registry.services.status import cooperative_opened, register_locked

# --- approve --------------------------------------------------------------------------------


def agreement_number(application: FoundingApplication, on: datetime.date) -> str:
    """<province code digits>-<county id>-<Jalali year>-<sequence in county and year>."""
    # Serialise numbering per county; NO KEY so rows referencing the county can still be inserted.
    County.objects.select_for_update(no_key=True).filter(pk=application.county_id).first()
    province = "".join(ch for ch in application.county.province.code if ch.isdigit())
    prefix = f"{province}-{application.county_id}-{to_jalali(on).year}-"
    taken = FoundingApplication.objects.filter(agreement_number__startswith=prefix).values_list(
        "agreement_number", flat=True
    )
    sequence = max((int(n.rsplit("-", 1)[1]) for n in taken), default=0) + 1
    return f"{prefix}{sequence:04d}"


def approve(application: FoundingApplication, actor: User, payload: dict[str, Any]) -> str:
    """Issue the agreement: the cooperative (status founding), its founders as first members
    and a default share class, so capital can be recorded before the assembly."""
    rank = whole_number(payload.get("name_rank", 1), "name_rank", minimum=1)
    nominal = payload.get("nominal_value")
    nominal = whole_number(
        DEFAULT_NOMINAL_VALUE if nominal is None else nominal, "nominal_value", minimum=1
    )
    chosen = application.proposed_names.filter(rank=rank).first()
    if chosen is None:
        raise fail("name_rank", _("نام انتخاب‌شده در فهرست نام‌های پیشنهادی نیست."))
    # Two officers in different counties may approve the same name at once; the lock makes the
    # second one wait and then see the first one's cooperative.
    lock_value("cooperative-name", chosen.name_key)
    twin = Cooperative.objects.filter(name_key=chosen.name_key).first()
    if twin is not None:
        raise fail(
            "name_rank",
            _(
                "نام «%(name)s» با نام تعاونی موجود «%(other)s» یکسان است؛ "
                "نام پیشنهادی دیگری را برگزینید."
            )
            % {"name": chosen.name, "other": twin.name},
            code="duplicate_name",
        )
    profile = application.rule_profile
    founders = list(application.founders.select_related("person").order_by("-is_chair", "pk"))
    if len(founders) < profile.min_founders:
        raise fail(
            "founders",
            _("دست‌کم %(n)s مؤسس لازم است.") % {"n": numbers.number(profile.min_founders)},
            code="below_min_founders",
        )
    today = timezone.localdate()
    cooperative = Cooperative.objects.create(
        name=chosen.name,
        kind=application.kind,
        sector=application.sector,
        membership_kind=application.membership_kind,
        special_group=application.special_group,
        county=application.county,
        address=application.address,
        activity=application.activity,
        status=CooperativeStatus.FOUNDING,
        rule_profile=profile,
    )
    number = agreement_number(application, today)
    cooperative_opened(
        actor=actor,
        cooperative=cooperative,
        note=_("موافقت‌نامهٔ شمارهٔ %(n)s") % {"n": number},
    )
    locked = lock_for_members(actor, cooperative.pk)
    admit_locked(locked, [(f.person_id, today) for f in founders], is_founder=True)
    share_class_create(
        actor=actor,
        cooperative_id=cooperative.pk,
        code="A",
        name=_("سهم عادی"),
        nominal_value=nominal,
    )
    application.approved_name = cooperative.name
    application.agreement_number = number
    application.agreement_issued_at = timezone.now()
    application.cooperative = cooperative
    application.officer_note = ""
    return _("نام: %(name)s؛ موافقت‌نامه: %(n)s") % {"name": cooperative.name, "n": number}


# --- record_assembly ------------------------------------------------------------------------


def _date(value: object, field: str) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise fail(field, _("تاریخ را وارد کنید."))
    if value > timezone.localdate():
        raise fail(field, _("تاریخ نمی‌تواند در آینده باشد."))
    return value


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


ELECTED = (
    ("board", OfficerRole.BOARD),
    ("board_alternates", OfficerRole.BOARD_ALTERNATE),
    ("inspectors", OfficerRole.INSPECTOR),
    ("inspector_alternates", OfficerRole.INSPECTOR_ALTERNATE),
)


def _elected(
    payload: dict[str, Any], members: dict[str, Membership], errors: FieldErrors
) -> dict[str, list[Membership]]:
    """National IDs per role → memberships; each a current member, nobody in two seats."""
    chosen: dict[str, list[Membership]] = {}
    seen: set[str] = set()
    for field, _role in ELECTED:
        raw = payload.get(field) or []
        if isinstance(raw, str) or not isinstance(raw, list | tuple):
            errors.add(field, _("فهرست کدهای ملی لازم است."))
            continue
        chosen[field] = []
        for value in raw:
            national_id = normalize_nid(value)
            membership = members.get(national_id)
            if membership is None:
                errors.add(
                    field,
                    _("کد ملی %(id)s از اعضای این تعاونی نیست.")
                    % {"id": numbers.digits(national_id)},
                )
            elif national_id in seen:
                errors.add(
                    field,
                    _("%(name)s بیش از یک سمت گرفته است.") % {"name": membership.person.full_name},
                )
            else:
                seen.add(national_id)
                chosen[field].append(membership)
    return chosen


def _check_counts(chosen: dict[str, list[Membership]], profile: Any, errors: FieldErrors) -> None:
    board = len(chosen.get("board", []))
    if not profile.board_min <= board <= profile.board_max:
        errors.add(
            "board",
            _(
                "تعداد اعضای اصلی هیئت‌مدیره باید بین %(lo)s و %(hi)s نفر باشد؛ "
                "%(n)s نفر انتخاب شده است."
            )
            % {
                "lo": numbers.number(profile.board_min),
                "hi": numbers.number(profile.board_max),
                "n": numbers.number(board),
            },
        )
    alternates = math.ceil(board * profile.alternates_ratio)
    if "board" not in errors.fields and len(chosen.get("board_alternates", [])) != alternates:
        errors.add(
            "board_alternates",
            _("برای %(b)s عضو اصلی، %(a)s عضو علی‌البدل لازم است.")
            % {"b": numbers.number(board), "a": numbers.number(alternates)},
        )
    if not 1 <= len(chosen.get("inspectors", [])) <= 2:
        errors.add("inspectors", _("یک یا دو بازرس اصلی باید انتخاب شود."))
    if len(chosen.get("inspector_alternates", [])) != 1:
        errors.add("inspector_alternates", _("یک بازرس علی‌البدل باید انتخاب شود."))


def _check_votes(present: int, votes: int, members: int, profile: Any) -> None:
    if present > members:
        raise fail(
            "members_present",
            _("شمار حاضران از شمار اعضا (%(n)s) بیشتر است.") % {"n": numbers.number(members)},
        )
    if votes > present:
        raise fail("statute_votes_for", _("آرای موافق از شمار حاضران بیشتر است."))
    majority = profile.statute_majority
    if Fraction(votes, present) < majority:
        raise fail(
            "statute_votes_for",
            _("اساسنامه تصویب نشد: %(v)s رأی موافق از %(p)s حاضر کمتر از %(m)s حاضران است.")
            % {
                "v": numbers.number(votes),
                "p": numbers.number(present),
                "m": numbers.fraction(majority),
            },
            code="statute_not_adopted",
        )


def record_assembly(application: FoundingApplication, actor: User, payload: dict[str, Any]) -> str:
    """Statute adopted by the profile's majority; board, alternates and inspectors elected
    from the members; their terms recorded."""
    profile = application.rule_profile
    cooperative = application.cooperative
    assert cooperative is not None
    held_on = _date(payload.get("held_on"), "held_on")
    issued = application.agreement_issued_at
    if issued and held_on < timezone.localtime(issued).date():
        raise fail("held_on", _("مجمع نمی‌تواند پیش از صدور موافقت‌نامه برگزار شده باشد."))
    present = whole_number(payload.get("members_present"), "members_present", minimum=1)
    votes = whole_number(payload.get("statute_votes_for"), "statute_votes_for")
    members = {
        m.person.national_id: m
        for m in Membership.objects.filter(
            cooperative=cooperative, status=MembershipStatus.MEMBER
        ).select_related("person")
    }
    _check_votes(present, votes, len(members), profile)
    errors = FieldErrors()
    chosen = _elected(payload, members, errors)
    _check_counts(chosen, profile, errors)
    errors.raise_if_any()
    assembly = FoundingAssembly.objects.create(
        application=application,
        held_on=held_on,
        members_present=present,
        statute_votes_for=votes,
        minutes=normalize(str(payload.get("minutes") or ""), multiline=True),
        recorded_by=actor,
    )
    terms = []
    for field, role in ELECTED:
        years = (
            profile.board_term_years
            if field.startswith("board")
            else (profile.inspector_term_years)
        )
        terms += [
            OfficerTerm(
                cooperative=cooperative,
                membership=m,
                person=m.person,
                role=role,
                starts_on=held_on,
                ends_on=_add_years(held_on, years),
                assembly=assembly,
            )
            for m in chosen[field]
        ]
    OfficerTerm.objects.bulk_create(terms)
    return _("%(p)s حاضر، %(v)s رأی موافق اساسنامه") % {
        "p": numbers.number(present),
        "v": numbers.number(votes),
    }


# --- register -------------------------------------------------------------------------------


def _legal_id(value: object) -> str:
    check_field("legal_national_id", validate_legal_national_id, value)
    return normalize_legal_national_id(value)


def _check_capital(cooperative: Cooperative, profile: Any) -> None:
    totals = cooperative_totals(cooperative.pk)
    if totals.subscribed <= 0:
        raise fail(
            "capital",
            _("هنوز سرمایه‌ای تعهد نشده است؛ ابتدا سرمایهٔ تعهدی و پرداختی مؤسسان را ثبت کنید."),
            code="no_capital",
        )
    minimum = profile.min_paid_share
    if totals.paid_share < minimum:
        raise fail(
            "capital",
            _(
                "سرمایهٔ پرداخت‌شده (%(paid)s ریال) کمتر از %(m)s سرمایهٔ تعهدشده (%(sub)s ریال) "
                "است؛ ثبت تعاونی ممکن نیست."
            )
            % {
                "paid": numbers.rials(totals.paid),
                "sub": numbers.rials(totals.subscribed),
                "m": numbers.fraction(minimum),
            },
            code="paid_below_minimum",
        )


def register(application: FoundingApplication, actor: User, payload: dict[str, Any]) -> str:
    """Registration number, date and legal national ID; the cooperative becomes active."""
    assert application.cooperative_id is not None
    cooperative = lock_cooperative(application.cooperative_id)
    profile = application.rule_profile
    assembly = FoundingAssembly.objects.filter(application=application).first()
    if assembly is None:
        raise fail("assembly", _("نتایج مجمع مؤسس هنوز ثبت نشده است."), code="no_assembly")
    number = to_latin_digits(normalize(str(payload.get("registration_number") or "")))
    if not number.isdigit() or len(number) > 20:
        raise fail("registration_number", _("شمارهٔ ثبت باید فقط رقم باشد (حداکثر ۲۰ رقم)."))
    registered_on = _date(payload.get("registration_date"), "registration_date")
    if registered_on < assembly.held_on:
        raise fail("registration_date", _("تاریخ ثبت نمی‌تواند پیش از مجمع مؤسس باشد."))
    legal_id = _legal_id(payload.get("legal_national_id"))  # unique: register_locked
    members = Membership.objects.filter(cooperative=cooperative, status=MembershipStatus.MEMBER)
    if members.count() < profile.min_members:
        raise fail(
            "members",
            _("تعاونی دست‌کم %(n)s عضو لازم دارد.") % {"n": numbers.number(profile.min_members)},
            code="below_min_members",
        )
    _check_capital(cooperative, profile)
    application.cooperative = register_locked(
        cooperative,
        actor=actor,
        registration_number=number,
        registration_date=registered_on,
        legal_national_id=legal_id,
    )
    return _("شمارهٔ ثبت %(n)s، شناسه ملی %(id)s") % {"n": number, "id": legal_id}
