"""Building founding data through the real services (and a small real PDF)."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from taavon.accounts.models import User
from taavon.founding.models import FoundingApplication
from taavon.founding.services import (
    CapitalRow,
    application_create,
    application_transition,
    founding_capital_record,
)
from taavon.registry.services.people import PersonData
from tests.factories import national_id

FIRST_NAMES = ["علی", "مریم", "حسین", "زهرا", "رضا", "فاطمه", "محمد", "سارا", "مهدی", "نرگس"]
LAST_NAMES = [
    "رضایی",
    "محمدی",
    "کریمی",
    "احمدی",
    "موسوی",
    "حسینی",
    "جعفری",
    "نوری",
    "کاظمی",
    "یاری",
]
# A legal national ID (شناسه ملی) with a valid check digit.
LEGAL_ID = "10861234565"
OTHER_LEGAL_ID = "14003456780"


def minimal_pdf(text: str = "Feasibility plan") -> bytes:
    """A small but real one-page PDF (correct xref offsets), built without any library."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def plan_file(content: bytes | None = None, name: str = "plan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, minimal_pdf() if content is None else content, content_type="application/pdf"
    )


def founder_data(serial: int, **overrides: Any) -> PersonData:
    values: dict[str, Any] = {
        "national_id": national_id(5000 + serial),
        "first_name": FIRST_NAMES[serial % 10],
        "last_name": LAST_NAMES[(serial // 10 + serial) % 10],
        "father_name": "احمد",
        "mobile": f"0913{5000000 + serial:07d}",
    }
    return PersonData(**(values | overrides))


def founders(count: int = 7, start: int = 0) -> list[PersonData]:
    return [founder_data(start + i) for i in range(count)]


def create_application(applicant: User, county_id: int, **overrides: Any) -> FoundingApplication:
    values: dict[str, Any] = {
        "names": ["تعاونی گردشگری زاگرس", "تعاونی طبیعت‌گردی لرستان"],
        "kind": "production",
        "sector": "tourism",
        "county_id": county_id,
        "activity": "طبیعت‌گردی و اقامتگاه بوم‌گردی",
        "address": "خرم‌آباد، خیابان شریعتی",
        "feasibility_plan": plan_file(),
        "founders": founders(),
    }
    return application_create(actor=applicant, **(values | overrides))


def act(actor: User, application: FoundingApplication, action: str, **payload: Any) -> Any:
    return application_transition(
        actor=actor, application_id=application.pk, action=action, **payload
    )


def assembly_payload(application: FoundingApplication, **overrides: Any) -> dict[str, Any]:
    """Seven founders: 3 board, 1 alternate, 1 inspector, 1 inspector alternate."""
    ids = [f.person.national_id for f in application.founders.order_by("pk")]
    values: dict[str, Any] = {
        "held_on": timezone.localdate(),
        "members_present": 7,
        "statute_votes_for": 6,
        "board": ids[:3],
        "board_alternates": ids[3:4],
        "inspectors": ids[4:5],
        "inspector_alternates": ids[5:6],
    }
    return values | overrides


def record_capital(
    actor: User, application: FoundingApplication, *, shares: int = 10, paid: int = 4_000_000
) -> None:
    """Each founder subscribes `shares` shares and pays `paid` rials."""
    assert application.cooperative_id is not None
    rows = [
        CapitalRow(membership_id=m.pk, shares=shares, paid=paid)
        for m in application.cooperative.memberships.all()  # type: ignore[union-attr]
    ]
    founding_capital_record(
        actor=actor, application_id=application.pk, rows=rows, effective_on=timezone.localdate()
    )
