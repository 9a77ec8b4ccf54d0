"""Which profile applies (rule_profile_for) and the public list of families and versions."""

from __future__ import annotations

import datetime

import pytest

from taavon.accounts.models import User
from taavon.registry.models import RuleProfile
from taavon.registry.rules import rule_profile_for
from taavon.registry.selectors.rules import (
    current_rule_profiles,
    rule_profile_families,
    rule_profile_get,
)
from taavon.registry.services.rules import rule_profile_publish

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 10, 11)


@pytest.mark.parametrize(
    ("kind", "sector", "expected"),
    [
        ("production", "agriculture", ("", "")),  # nothing specific: the general profile
        ("production", "housing", ("", "housing")),  # the sector's profile
        ("multipurpose", "agriculture", ("multipurpose", "")),  # the kind's profile
        ("multipurpose", "housing", ("", "housing")),  # sector is more specific than kind
    ],
)
def test_rule_profile_for_picks_the_most_specific(
    kind: str, sector: str, expected: tuple[str, str]
) -> None:
    profile = rule_profile_for(kind=kind, sector=sector, on=TODAY)
    assert (profile.kind, profile.sector) == expected


def test_kind_and_sector_profile_beats_both(national_officer: User) -> None:
    housing = RuleProfile.objects.get(kind="", sector="housing")
    both = RuleProfile.objects.create(
        name="مسکن چندمنظوره",
        kind="multipurpose",
        sector="housing",
        effective_from=datetime.date(2000, 1, 1),
    )
    assert rule_profile_for(kind="multipurpose", sector="housing", on=TODAY) == both
    assert rule_profile_for(kind="production", sector="housing", on=TODAY) == housing


def test_a_new_version_applies_from_its_effective_date(national_officer: User) -> None:
    general = RuleProfile.objects.get(kind="", sector="")
    newer = rule_profile_publish(
        actor=national_officer,
        base=general,
        changes={"effective_from": datetime.date(2026, 3, 21), "min_founders": 5},
    )
    assert rule_profile_for(kind="production", sector="agriculture", on=TODAY) == general
    later = datetime.date(2026, 3, 21)
    assert rule_profile_for(kind="production", sector="agriculture", on=later) == newer


def test_families_split_current_scheduled_and_past(national_officer: User) -> None:
    general = RuleProfile.objects.get(kind="", sector="")
    v2 = rule_profile_publish(
        actor=national_officer,
        base=general,
        changes={"effective_from": datetime.date(2020, 1, 1), "source_note": "v2"},
    )
    v3 = rule_profile_publish(
        actor=national_officer,
        base=general,
        changes={"effective_from": datetime.date(2030, 1, 1), "source_note": "v3"},
    )
    families = rule_profile_families(TODAY)
    first = families[0]
    assert (first.kind, first.sector) == ("", "")
    assert first.current == v2
    assert first.scheduled == [v3]
    assert first.past == [general]
    assert first.versions == [v3, v2, general]
    assert len(families) == RuleProfile.objects.values("kind", "sector").distinct().count()


def test_current_profiles_are_one_per_family(db: None) -> None:
    current = current_rule_profiles(TODAY)
    assert len(current) == len({(p.kind, p.sector) for p in current}) == 9


@pytest.mark.parametrize("user_kind", ["anonymous", "member"])
def test_a_rule_profile_is_public_and_an_unknown_one_not_found(
    user_kind: str, make_user, general: RuleProfile
) -> None:
    from django.contrib.auth.models import AnonymousUser

    from taavon.accounts.models import Role
    from taavon.core.errors import NotFoundError

    user = AnonymousUser() if user_kind == "anonymous" else make_user(Role.MEMBER)
    assert rule_profile_get(user, general.pk) == general
    for missing in (999_999, 0, -1, 2**63):
        with pytest.raises(NotFoundError):
            rule_profile_get(user, missing)
