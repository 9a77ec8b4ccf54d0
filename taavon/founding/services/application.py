"""Creating and editing a founding application: names, founders, the feasibility plan."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError, ConflictError, NotFoundError
from taavon.founding.events import FoundingEvent
from taavon.founding.models import Founder, FoundingApplication, ProposedName
from taavon.founding.services.common import (
    FieldErrors,
    fail,
    lock_for_step,
    notify_applicant,
)
from taavon.geo.models import County
from taavon.persian import numbers
from taavon.persian.text import normalize, search_key
from taavon.registry.models import ActivityKind, MembershipKind, RuleProfile, Sector
from taavon.registry.rules import rule_profile_for
from taavon.registry.services.people import PersonData, clean_person, person_get_or_create

MAX_NAMES = 3
MAX_PLAN_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
TRACKING_ATTEMPTS = 20


# --- checks -------------------------------------------------------------------------------


def validate_plan(upload: File[Any] | None) -> None:
    """A real PDF (it starts with %PDF-) of at most 10 MB."""
    if upload is None:
        raise fail("feasibility_plan", _("بارگذاری طرح توجیهی (PDF) لازم است."))
    if upload.size is None or upload.size == 0:
        raise fail("feasibility_plan", _("فایل طرح توجیهی خالی است."))
    if upload.size > MAX_PLAN_BYTES:
        raise fail("feasibility_plan", _("حجم طرح توجیهی نباید بیش از ۱۰ مگابایت باشد."))
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise fail("feasibility_plan", _("فایل طرح توجیهی یک PDF واقعی نیست."))


def clean_names(names: Sequence[str], errors: FieldErrors) -> list[str]:
    cleaned = [normalize(n) for n in names if normalize(n)]
    if not cleaned:
        errors.add("names", _("دست‌کم یک نام پیشنهادی لازم است."))
    elif len(cleaned) > MAX_NAMES:
        errors.add("names", _("حداکثر سه نام پیشنهادی پذیرفته می‌شود."))
    keys = [search_key(n) for n in cleaned]
    if any(not k for k in keys):
        errors.add("names", _("نام پیشنهادی باید حرف داشته باشد."))
    elif len(set(keys)) != len(keys):
        errors.add("names", _("نام‌های پیشنهادی نباید تکراری باشند."))
    if any(len(n) > 200 for n in cleaned):
        errors.add("names", _("نام پیشنهادی حداکثر ۲۰۰ نویسه است."))
    return cleaned


def clean_founders(
    founders: Sequence[PersonData], profile: RuleProfile | None, errors: FieldErrors
) -> list[PersonData]:
    """Each founder valid, no national ID twice, at least the profile's minimum."""
    cleaned: list[PersonData] = []
    seen: dict[str, int] = {}
    for index, founder in enumerate(founders):
        prefix = f"founders.{index}"
        try:
            person = clean_person(founder)
        except ApplicationError as exc:
            for field, texts in (exc.fields or {"__all__": [exc.message]}).items():
                errors.add(f"{prefix}.{field}", texts[0])
            continue
        if person.national_id in seen:
            errors.add(f"{prefix}.national_id", _("این کد ملی دو بار در فهرست مؤسسان آمده است."))
            continue
        seen[person.national_id] = index
        cleaned.append(person)
    if profile is not None and len(founders) < profile.min_founders:
        errors.add(
            "founders",
            _("دست‌کم %(n)s مؤسس لازم است؛ %(got)s نفر وارد شده است.")
            % {"n": numbers.number(profile.min_founders), "got": numbers.number(len(founders))},
        )
    return cleaned


def _choice(value: str, choices: Any, field: str, errors: FieldErrors) -> str:
    if value not in choices.values:
        errors.add(field, _("گزینهٔ انتخاب‌شده نامعتبر است."))
    return value


def _county(county_id: object, errors: FieldErrors) -> County | None:
    county = None
    if isinstance(county_id, int) and not isinstance(county_id, bool):
        county = County.objects.select_related("province").filter(pk=county_id).first()
    if county is None:
        errors.add("county", _("شهرستان را انتخاب کنید."))
    return county


def _profile(kind: str, sector: str, errors: FieldErrors) -> RuleProfile | None:
    if errors.fields.keys() & {"kind", "sector"}:
        return None
    try:
        return rule_profile_for(kind=kind, sector=sector)
    except ApplicationError as exc:
        errors.add("kind", exc.message)
        return None


# --- tracking code --------------------------------------------------------------------------


def new_tracking_code() -> str:
    """Ten random digits (no leading zero), not yet used."""
    for _attempt in range(TRACKING_ATTEMPTS):
        code = str(10**9 + secrets.randbelow(9 * 10**9))
        if not FoundingApplication.objects.filter(tracking_code=code).exists():
            return code
    raise ConflictError(_("ساخت کد رهگیری ممکن نشد؛ دوباره تلاش کنید."), code="tracking_code")


def _save_with_tracking_code(application: FoundingApplication) -> None:
    """Insert; a code taken by a concurrent insert between check and save is drawn again."""
    for attempt in range(TRACKING_ATTEMPTS):
        application.tracking_code = new_tracking_code()
        try:
            with transaction.atomic():
                application.save()
            return
        except IntegrityError:
            if attempt == TRACKING_ATTEMPTS - 1:
                raise


# --- services ------------------------------------------------------------------------------


def _set_names(application: FoundingApplication, names: list[str]) -> None:
    application.proposed_names.all().delete()
    ProposedName.objects.bulk_create(
        ProposedName(application=application, rank=rank, name=name, name_key=search_key(name))
        for rank, name in enumerate(names, start=1)
    )


def _set_founders(application: FoundingApplication, people: list[PersonData], chair: int) -> None:
    records = [person_get_or_create(p) for p in people]
    chair = chair if 0 <= chair < len(records) else 0
    Founder.objects.bulk_create(
        Founder(application=application, person=person, is_chair=i == chair)
        for i, person in enumerate(records)
    )


@transaction.atomic
def application_create(
    *,
    actor: User,
    names: Sequence[str],
    kind: str,
    sector: str,
    county_id: int,
    activity: str,
    feasibility_plan: File[Any] | None,
    founders: Sequence[PersonData],
    membership_kind: str = MembershipKind.PUBLIC,
    special_group: str = "",
    address: str = "",
    chair: int = 0,
) -> FoundingApplication:
    """A draft application with a fresh tracking code, sent to the applicant by SMS. Any
    signed-in person may apply; the application is theirs."""
    if not getattr(actor, "is_authenticated", False):
        raise NotFoundError()
    errors = FieldErrors()
    cleaned_names = clean_names(names, errors)
    _choice(kind, ActivityKind, "kind", errors)
    _choice(sector, Sector, "sector", errors)
    _choice(membership_kind, MembershipKind, "membership_kind", errors)
    special_group = normalize(special_group)
    if membership_kind == MembershipKind.SPECIAL and not special_group:
        errors.add("special_group", _("برای تعاونی خاص، گروه خاص را بنویسید."))
    county = _county(county_id, errors)
    activity = normalize(activity, multiline=True)
    if not activity:
        errors.add("activity", _("موضوع فعالیت لازم است."))
    try:
        validate_plan(feasibility_plan)
    except ApplicationError as exc:
        errors.add("feasibility_plan", exc.message)
    profile = _profile(kind, sector, errors)
    people = clean_founders(founders, profile, errors)
    errors.raise_if_any()
    assert county is not None and profile is not None and feasibility_plan is not None
    application = FoundingApplication(
        applicant=actor,
        kind=kind,
        sector=sector,
        membership_kind=membership_kind,
        special_group=special_group if membership_kind == MembershipKind.SPECIAL else "",
        county=county,
        activity=activity,
        address=normalize(address, multiline=True),
        feasibility_plan=feasibility_plan,
        rule_profile=profile,
    )
    _save_with_tracking_code(application)
    _set_names(application, cleaned_names)
    _set_founders(application, people, chair)
    audit_record(
        actor=actor,
        action=FoundingEvent.CREATE,
        obj=application,
        summary=application.tracking_code,
        changes={"names": cleaned_names, "founders": len(people)},
    )
    notify_applicant(
        application,
        code="created",
        title=_("درخواست تأسیس تعاونی ثبت شد"),
        body=_(
            "درخواست تأسیس شما ثبت شد. کد رهگیری: %(code)s. پس از تکمیل، آن را برای "
            "بررسی ارسال کنید."
        )
        % {"code": application.tracking_code},
    )
    return application


EDITABLE = {
    "names",
    "kind",
    "sector",
    "membership_kind",
    "special_group",
    "county_id",
    "activity",
    "address",
    "feasibility_plan",
}


@transaction.atomic
def application_update(*, actor: User, application_id: int, **changes: Any) -> FoundingApplication:
    """Edit a draft or returned application; only the given fields change."""
    application = lock_for_step(actor, application_id, "edit")
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ApplicationError(
            _("فیلد ناشناخته."),
            code="invalid",
            fields={k: [_("فیلد ناشناخته.")] for k in sorted(unknown)},
        )
    errors = FieldErrors()
    values: dict[str, Any] = {}
    if "names" in changes:
        values["names"] = clean_names(changes["names"], errors)
    for field, choices in (
        ("kind", ActivityKind),
        ("sector", Sector),
        ("membership_kind", MembershipKind),
    ):
        if field in changes:
            values[field] = _choice(changes[field], choices, field, errors)
    if "special_group" in changes:
        values["special_group"] = normalize(changes["special_group"])
    if "county_id" in changes:
        values["county"] = _county(changes["county_id"], errors)
    for field in ("activity", "address"):
        if field in changes:
            values[field] = normalize(changes[field], multiline=True)
    if "activity" in values and not values["activity"]:
        errors.add("activity", _("موضوع فعالیت لازم است."))
    if changes.get("feasibility_plan") is not None:
        try:
            validate_plan(changes["feasibility_plan"])
            values["feasibility_plan"] = changes["feasibility_plan"]
        except ApplicationError as exc:
            errors.add("feasibility_plan", exc.message)
    kind, sector = values.get("kind", application.kind), values.get("sector", application.sector)
    membership_kind = values.get("membership_kind", application.membership_kind)
    group = values.get("special_group", application.special_group)
    if membership_kind == MembershipKind.SPECIAL and not group:
        errors.add("special_group", _("برای تعاونی خاص، گروه خاص را بنویسید."))
    profile = _profile(kind, sector, errors)
    errors.raise_if_any()
    names = values.pop("names", None)
    for field, value in values.items():
        setattr(application, field, value)
    if membership_kind != MembershipKind.SPECIAL:
        application.special_group = ""
    application.rule_profile = profile or application.rule_profile
    application.save()
    if names is not None:
        _set_names(application, names)
    audit_record(
        actor=actor,
        action=FoundingEvent.UPDATE,
        obj=application,
        summary=application.tracking_code,
        changes={"fields": sorted(changes)},
    )
    return application


@transaction.atomic
def founder_add(*, actor: User, application_id: int, person: PersonData) -> Founder:
    application = lock_for_step(actor, application_id, "edit")
    errors = FieldErrors()
    people = clean_founders([person], None, errors)
    if errors:
        fields = {k.removeprefix("founders.0."): v for k, v in errors.fields.items()}
        raise ApplicationError(next(iter(fields.values()))[0], code="invalid", fields=fields)
    cleaned = people[0]
    if application.founders.filter(person__national_id=cleaned.national_id).exists():
        raise fail("national_id", _("این شخص پیش‌تر در فهرست مؤسسان است."), code="duplicate")
    record = person_get_or_create(cleaned)
    founder = Founder.objects.create(
        application=application, person=record, is_chair=not application.founders.exists()
    )
    audit_record(
        actor=actor,
        action=FoundingEvent.FOUNDER_ADD,
        obj=application,
        summary=record.full_name,
    )
    return founder


@transaction.atomic
def founder_remove(*, actor: User, application_id: int, founder_id: int) -> None:
    application = lock_for_step(actor, application_id, "edit")
    founder = application.founders.select_related("person").filter(pk=founder_id).first()
    if founder is None:
        raise fail("founder", _("این مؤسس در درخواست نیست."), code="not_found")
    remaining = application.founders.count() - 1
    if remaining < application.rule_profile.min_founders:
        raise fail(
            "founders",
            _("تعداد مؤسسان نمی‌تواند کمتر از %(n)s نفر شود.")
            % {"n": numbers.number(application.rule_profile.min_founders)},
            code="below_min_founders",
        )
    founder.delete()
    if founder.is_chair:
        first = application.founders.order_by("pk").first()
        if first is not None:
            first.is_chair = True
            first.save(update_fields=["is_chair"])
    audit_record(
        actor=actor,
        action=FoundingEvent.FOUNDER_REMOVE,
        obj=application,
        summary=founder.person.full_name,
    )
