"""The rule profiles as the public reads them: each family (kind and sector) with the version in
force on a date, the versions scheduled and the past ones."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser, get_visible_or_404

from ..models import RuleProfile
from .public import MAX_ID


@dataclass(frozen=True)
class RuleFamily:
    """All versions of the rules for one kind and sector (blank = any)."""

    kind: str
    sector: str
    current: RuleProfile | None
    scheduled: list[RuleProfile]
    past: list[RuleProfile]

    @property
    def versions(self) -> list[RuleProfile]:
        return [*self.scheduled, *([self.current] if self.current else []), *self.past]


def rule_profile_get(user: AnyUser, profile_id: int) -> RuleProfile:
    """One version of a rule profile (they are public); NotFoundError for an unknown id,
    including one no database integer can hold."""
    if not 0 < profile_id <= MAX_ID:
        raise NotFoundError()
    return get_visible_or_404(user, RuleProfile, pk=profile_id)


def _in_force_order(profile: RuleProfile) -> tuple[datetime.date, int]:
    return profile.effective_from, profile.version


def rule_profile_families(on: datetime.date | None = None) -> list[RuleFamily]:
    """Every family of rule profiles with the version in force on `on` (as `rule_profile_for`
    picks it: latest effective date, then highest version), newer scheduled ones and older
    ones. The general profile comes first. One query."""
    on = on or timezone.localdate()
    groups: dict[tuple[str, str], list[RuleProfile]] = {}
    for profile in RuleProfile.objects.all():
        groups.setdefault((profile.kind, profile.sector), []).append(profile)
    families = []
    for (kind, sector), profiles in sorted(
        groups.items(), key=lambda item: (bool(item[0][0]), bool(item[0][1]), item[0])
    ):
        profiles.sort(key=_in_force_order, reverse=True)
        in_force = [p for p in profiles if p.effective_from <= on]
        current = in_force[0] if in_force else None
        families.append(
            RuleFamily(
                kind=kind,
                sector=sector,
                current=current,
                scheduled=[p for p in profiles if p.effective_from > on],
                past=in_force[1:],
            )
        )
    return families


def current_rule_profiles(on: datetime.date | None = None) -> list[RuleProfile]:
    """The version in force of every family (families not yet in force are left out)."""
    return [f.current for f in rule_profile_families(on) if f.current is not None]
