"""Which rule profile applies to a cooperative (or to a kind and sector on a date), and the
law's defaults when no profile matches. Reads only; publishing versions is a service
(`services/rules.py`)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.core.errors import ApplicationError

from .defaults import BASE
from .models import RuleProfile

if TYPE_CHECKING:
    from .models import Cooperative


def rule_profile_for(*, kind: str, sector: str, on: datetime.date | None = None) -> RuleProfile:
    """The profile in force on `on` for a kind and sector: the most specific match
    (sector and kind, then sector, then kind, then the general profile), newest version."""
    on = on or timezone.localdate()
    candidates = RuleProfile.objects.filter(
        Q(kind=kind) | Q(kind=""), Q(sector=sector) | Q(sector=""), effective_from__lte=on
    )
    best: RuleProfile | None = None
    best_rank: tuple[int, int, datetime.date, int] | None = None
    for profile in candidates:
        rank = (
            int(profile.sector == sector and sector != ""),
            int(profile.kind == kind and kind != ""),
            profile.effective_from,
            profile.version,
        )
        if best_rank is None or rank > best_rank:
            best, best_rank = profile, rank
    if best is None:
        raise ApplicationError(_("ضوابطی برای این نوع تعاونی تعریف نشده است."), code="no_rules")
    return best


def profile_of(cooperative: Cooperative) -> RuleProfile:
    """The cooperative's own profile, else the one in force for its kind and sector today."""
    if cooperative.rule_profile_id is not None:
        return cooperative.rule_profile  # type: ignore[return-value]
    return rule_profile_for(kind=cooperative.kind, sector=cooperative.sector)


def profile_or_none(cooperative: Cooperative) -> RuleProfile | None:
    """As `profile_of`, or None when no profile is defined at all (figures shown without it)."""
    try:
        return profile_of(cooperative)
    except ApplicationError:
        return None


def default_rules() -> RuleProfile:
    """An unsaved profile holding the law's defaults (registry/defaults.py)."""
    return RuleProfile(name="", effective_from=datetime.date.min, **BASE)
