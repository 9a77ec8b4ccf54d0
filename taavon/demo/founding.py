"""Demo founding applications, one at every step, built through the founding services so
the founder, the county officers and the public each have something to see or do."""

from __future__ import annotations

import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from taavon.accounts.models import User
from taavon.core.pdf import render_pdf
from taavon.demo import synthetic
from taavon.demo.registry import synthetic_people
from taavon.founding.models import FoundingApplication
from taavon.founding.services import (
    CapitalRow,
    application_create,
    application_transition,
    founding_capital_record,
)
from taavon.geo.models import County

# (proposed names, county slug, kind, sector, final step)
APPLICATIONS: list[tuple[list[str], str, str, str, str]] = [
    (
        ["تعاونی کشت گلخانه‌ای زاغه", "تعاونی گلخانه‌داران خرم‌آباد"],
        "khorramabad",
        "production",
        "agriculture",
        "draft",
    ),
    (
        ["تعاونی بوم‌گردی کوه سفید", "تعاونی گردشگری کیو"],
        "khorramabad",
        "distribution",
        "tourism",
        "submitted",
    ),
    (["تعاونی صنایع دستی حصیربافی دورود"], "dorud", "production", "handicrafts", "submitted"),
    (["تعاونی نرم‌افزاری جوانان خرم‌آباد"], "khorramabad", "distribution", "startups", "returned"),
    (["تعاونی پرورش بلدرچین"], "khorramabad", "production", "livestock", "rejected"),
    (
        ["تعاونی فرآوری انجیر کوهی", "تعاونی خشکبار زاگرس"],
        "khorramabad",
        "production",
        "agriculture",
        "approved",
    ),
    (["تعاونی ماهیان زینتی دورود"], "dorud", "production", "fisheries", "assembly_held"),
    (["تعاونی داروسازی سنتی شفا"], "khorramabad", "production", "pharmaceutical", "registered"),
]


def _plan(title: str) -> SimpleUploadedFile:
    pdf = render_pdf("pdf/demo_plan.html", {"title": title})
    return SimpleUploadedFile("feasibility-plan.pdf", pdf, content_type="application/pdf")


STEPS = ["draft", "submitted", "approved", "assembly_held", "registered"]


def _advance(
    app: FoundingApplication, target: str, founder: User, officer: User, rng: random.Random
) -> None:
    def act(actor: User, action: str, **payload: object) -> None:
        application_transition(actor=actor, application_id=app.pk, action=action, **payload)

    if target == "draft":
        return
    act(founder, "submit")
    if target == "returned":
        act(officer, "return", note="طرح توجیهی باید برآورد اشتغال سه سال نخست را داشته باشد.")
        return
    if target == "rejected":
        act(officer, "reject", reason="فعالیت پیشنهادی با ضوابط بهداشتی منطقه سازگار نیست.")
        return
    if STEPS.index(target) < STEPS.index("approved"):
        return
    act(officer, "approve", name_rank=1)
    app.refresh_from_db()
    if STEPS.index(target) < STEPS.index("assembly_held"):
        return
    today = timezone.localdate()
    memberships = list(app.cooperative.memberships.order_by("register_number"))  # type: ignore[union-attr]
    founding_capital_record(
        actor=founder,
        application_id=app.pk,
        effective_on=today,
        rows=[CapitalRow(membership_id=m.pk, shares=10, paid=4_000_000) for m in memberships],
    )
    ids = [m.person.national_id for m in memberships]
    act(
        founder,
        "record_assembly",
        held_on=today,
        members_present=7,
        statute_votes_for=6,
        board=ids[:3],
        board_alternates=ids[3:4],
        inspectors=ids[4:5],
        inspector_alternates=ids[5:6],
        minutes="اساسنامه تصویب شد.",
    )
    if target == "assembly_held":
        return
    act(
        officer,
        "register",
        registration_number=str(rng.randrange(9000, 9999)),
        registration_date=today,
        legal_national_id=synthetic.legal_national_id(rng),
    )


def seed_founding(*, founder: User, officers: dict[str, User], seed: int = 1404) -> int:
    if FoundingApplication.objects.filter(applicant=founder).exists():
        return 0
    counties = {c.slug: c for c in County.objects.filter(province__code="IR-15")}
    for names, slug, kind, sector, target in APPLICATIONS:
        rng = random.Random(f"{seed}:{names[0]}")
        app = application_create(
            actor=founder,
            names=names,
            kind=kind,
            sector=sector,
            county_id=counties[slug].pk,
            activity=f"{names[0]}: تولید، فرآوری و فروش",
            address=f"{counties[slug].name_fa}",
            feasibility_plan=_plan(names[0]),
            founders=synthetic_people(rng, 7),
        )
        _advance(app, target, founder, officers[slug], rng)
    return len(APPLICATIONS)
