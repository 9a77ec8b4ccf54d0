"""Reading founding applications, always through the permission module: applicants see their
own, officers the applications of their county (province, or the country)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import F, Prefetch, Q, QuerySet, Value
from django.utils.translation import gettext as _

from taavon.capital.selectors import (
    ZERO,
    Balance,
    cooperative_totals,
    default_share_class,
    member_totals,
)
from taavon.core.permissions import AnyUser, can, get_visible_or_404, visible
from taavon.founding.models import (
    ApplicationStatus,
    ApplicationTransition,
    Founder,
    FoundingApplication,
    FoundingAssembly,
    OfficerTerm,
    ProposedName,
)
from taavon.persian import numbers
from taavon.persian.text import normalize, search_key, to_latin_digits
from taavon.persian.validators import mask_mobile, mask_national_id
from taavon.registry.models import Cooperative, Membership, MembershipStatus
from taavon.workflow.selectors import Waiting, overdue_q, waiting

from .workflow import FOUNDING

SIMILARITY_THRESHOLD = 0.45
SIMILAR_LIMIT = 10
# Applications whose names are claims on the name: submitted or back with the founder.
# Approved ones already have their cooperative (status founding), found among cooperatives.
NAME_CLAIM_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED)


def application_list(
    *,
    user: AnyUser,
    status: str = "",
    mine: bool = False,
    q: str = "",
    overdue: bool = False,
    drafts: bool = True,
) -> QuerySet[FoundingApplication]:
    """Applications the user may see; `overdue`: only those past their stage's target days
    (the office's work queue); `drafts=False` leaves out drafts unless `status` asks for them
    (the office's queue does not show what the founders have not yet submitted)."""
    qs = visible(user, FoundingApplication).select_related("county", "applicant")
    if mine:
        qs = qs.filter(applicant_id=user.pk)
    if status:
        qs = qs.filter(status=status)
    elif not drafts:
        qs = qs.exclude(status=ApplicationStatus.DRAFT)
    if overdue:
        qs = qs.filter(overdue_q(FOUNDING))
    if q:
        code = to_latin_digits(normalize(q))
        qs = qs.filter(
            Q(tracking_code=code)
            | Q(proposed_names__name_key__contains=search_key(q))
            | Q(agreement_number=code)
        ).distinct()
    first_name = Prefetch("proposed_names", queryset=ProposedName.objects.order_by("rank"))
    return qs.prefetch_related(first_name).order_by("-created_at", "-pk")


def application_get(*, user: AnyUser, pk: object) -> FoundingApplication:
    """Fetch and authorise in one call (missing and out of scope both raise NotFoundError)."""
    return get_visible_or_404(
        user,
        FoundingApplication.objects.select_related(
            "county__province", "applicant", "rule_profile", "cooperative"
        ),
        pk=pk,
    )


def application_by_tracking_code(*, user: AnyUser, code: str) -> FoundingApplication:
    return get_visible_or_404(
        user, FoundingApplication, tracking_code=to_latin_digits(normalize(code)).strip()
    )


def overdue_count(user: AnyUser) -> int:
    """How many applications the user may see have waited past their stage's target."""
    return application_list(user=user, overdue=True).count()


def application_waiting(application: FoundingApplication) -> Waiting | None:
    """How long the application has been in its stage, against the stage's target days."""
    return waiting(application)


def founders_of(application: FoundingApplication) -> list[Founder]:
    return list(application.founders.select_related("person").order_by("-is_chair", "pk"))


def contacts_visible(user: AnyUser | None, application: FoundingApplication) -> bool:
    """Founders' mobiles are the office's to see whole: the register may already hold a
    founder's number, which the applicant must not learn from here (the policy decides)."""
    return can(user, "officer:contacts", application)


def founder_mobile(user: AnyUser | None, founder: Founder) -> str:
    """The founder's mobile as this viewer may see it: whole, or masked (۰۹۱۶***۴۵۶۷)."""
    mobile = str(founder.person.mobile or "")
    if not mobile or contacts_visible(user, founder.application):
        return mobile
    return mask_mobile(mobile)


def proposed_names(application: FoundingApplication) -> list[ProposedName]:
    """The proposed names by rank (from the prefetched ones when the list fetched them)."""
    return list(application.proposed_names.all())


def application_history(application: FoundingApplication) -> QuerySet[ApplicationTransition]:
    """Every step taken on the application, oldest first, with who took it."""
    return application.transitions.select_related("actor").order_by("at", "pk")


def assembly_of(application: FoundingApplication) -> FoundingAssembly | None:
    """The founding assembly's record, once it has been held (cached on the application)."""
    try:
        return application.assembly
    except FoundingAssembly.DoesNotExist:
        return None


# --- similar names ------------------------------------------------------------------------


@dataclass(frozen=True)
class SimilarName:
    source: str  # "cooperative" or "application"
    name: str
    exact: bool
    score: float
    status_label: str
    county: str


def _like(qs: QuerySet[Any], key: str) -> QuerySet[Any]:
    """Rows whose `name_key` equals or resembles `key`: trigram similarity on PostgreSQL,
    containment either way on SQLite."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        return (
            qs.annotate(score=TrigramSimilarity("name_key", key))
            .filter(Q(name_key=key) | Q(score__gte=SIMILARITY_THRESHOLD))
            .order_by("-score", "name")
        )
    return (
        qs.annotate(key=Value(key))
        .filter(Q(name_key=key) | Q(name_key__contains=key) | Q(key__contains=F("name_key")))
        .exclude(name_key="")
        .order_by("name")
    )


def _cooperatives_like(key: str) -> QuerySet[Cooperative]:
    return _like(Cooperative.objects.select_related("county"), key)


def _names_like(key: str) -> QuerySet[ProposedName]:
    qs = ProposedName.objects.select_related("application__county").filter(
        application__status__in=NAME_CLAIM_STATUSES
    )
    return _like(qs, key)


def similar_names(
    name: str,
    *,
    exclude_application_id: int | None = None,
    exclude_cooperative_id: int | None = None,
) -> list[SimilarName]:
    """Existing cooperatives and other open applications with the same or a similar name
    (trigram similarity of search keys on PostgreSQL; equality and containment on SQLite).
    Only names are returned: no person, no application detail."""
    key = search_key(name)
    if not key:
        return []
    found: list[SimilarName] = []
    cooperatives = _cooperatives_like(key)
    if exclude_cooperative_id is not None:
        cooperatives = cooperatives.exclude(pk=exclude_cooperative_id)
    for coop in cooperatives[:SIMILAR_LIMIT]:
        found.append(
            SimilarName(
                "cooperative",
                coop.name,
                coop.name_key == key,
                float(getattr(coop, "score", 0) or 0),
                str(coop.get_status_display()),
                coop.county.name,
            )
        )
    names = _names_like(key)
    if exclude_application_id is not None:
        names = names.exclude(application_id=exclude_application_id)
    for proposed in names[:SIMILAR_LIMIT]:
        found.append(
            SimilarName(
                "application",
                proposed.name,
                proposed.name_key == key,
                float(getattr(proposed, "score", 0) or 0),
                _("نام پیشنهادی در درخواست دیگر"),
                proposed.application.county.name,
            )
        )
    return sorted(found, key=lambda s: (not s.exact, -s.score, s.name))


def names_with_similar(application: FoundingApplication) -> list[dict[str, Any]]:
    """Each proposed name with its similar names, and whether an existing cooperative
    has exactly that name (which blocks approving it)."""
    rows = []
    for proposed in application.proposed_names.order_by("rank"):
        similar = similar_names(
            proposed.name,
            exclude_application_id=application.pk,
            exclude_cooperative_id=application.cooperative_id,
        )
        rows.append(
            {
                "name": proposed,
                "similar": similar,
                "blocked": any(s.exact and s.source == "cooperative" for s in similar),
            }
        )
    return rows


# --- capital and officers ---------------------------------------------------------------


@dataclass(frozen=True)
class CapitalLine:
    membership: Membership
    balance: Balance


def capital_lines(application: FoundingApplication) -> list[CapitalLine]:
    """Each current member of the new cooperative with subscribed/paid so far."""
    if application.cooperative_id is None:
        return []
    members = list(
        Membership.objects.filter(
            cooperative_id=application.cooperative_id, status=MembershipStatus.MEMBER
        )
        .select_related("person")
        .order_by("register_number")
    )
    totals = member_totals(application.cooperative_id, [m.pk for m in members])
    return [CapitalLine(m, totals.get(m.pk, ZERO)) for m in members]


def capital_summary(application: FoundingApplication) -> dict[str, Any]:
    """Totals against the profile's minimum paid-in share (the registration rule)."""
    minimum = application.rule_profile.min_paid_share
    totals = cooperative_totals(application.cooperative_id) if application.cooperative_id else ZERO
    share_class = (
        default_share_class(application.cooperative_id) if application.cooperative_id else None
    )
    return {
        "totals": totals,
        "share_class": share_class,
        "paid_percent": numbers.percent(totals.paid_share) if totals.subscribed else None,
        "minimum_percent": numbers.percent(minimum),
        "minimum_fraction": f"{minimum.numerator}/{minimum.denominator}",
        "enough": totals.subscribed > 0
        and totals.paid * minimum.denominator >= totals.subscribed * minimum.numerator,
    }


def elected_officers(application: FoundingApplication) -> list[OfficerTerm]:
    if application.cooperative_id is None:
        return []
    return list(
        OfficerTerm.objects.filter(assembly__application=application)
        .select_related("person")
        .order_by("role", "pk")
    )


# --- the agreement (موافقت‌نامه) ------------------------------------------------------------


def agreement_context(application: FoundingApplication) -> dict[str, Any]:
    founders = founders_of(application)
    return {
        "application": application,
        "founders": [
            {
                "name": f.person.full_name,
                "father_name": f.person.father_name,
                "national_id": mask_national_id(f.person.national_id),
                "is_chair": f.is_chair,
            }
            for f in founders
        ],
        "profile": application.rule_profile,
    }


def agreement_pdf(application: FoundingApplication) -> bytes:
    from taavon.core.pdf import render_pdf

    return render_pdf("pdf/agreement.html", agreement_context(application))
