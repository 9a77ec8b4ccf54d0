"""Rule-profile fixtures: the default profiles come from migration registry/0002."""

from __future__ import annotations

import pytest

from taavon.registry.models import RuleProfile


@pytest.fixture
def general(db: None) -> RuleProfile:
    return RuleProfile.objects.get(kind="", sector="", version=1)


@pytest.fixture
def housing(db: None) -> RuleProfile:
    return RuleProfile.objects.get(kind="", sector="housing", version=1)


def valid_form(profile: RuleProfile, **overrides: str) -> dict[str, str]:
    """The publish form's POST data: the profile's values, a Jalali date and a source."""
    from taavon.registry.services.rules import EDITABLE_FIELDS

    data = {
        name: "" if getattr(profile, name) is None else str(getattr(profile, name))
        for name in EDITABLE_FIELDS
    }
    data |= {"effective_from": "۱۴۰۵/۰۱/۰۱", "source_note": "مصوبهٔ آزمایشی ۱۴۰۴"}
    return data | overrides
