"""The home page's country-wide figures (registry.selectors.public.cooperative_counts)."""

from __future__ import annotations

import pytest

from taavon.registry.models import CooperativeStatus
from taavon.registry.selectors.public import cooperative_counts
from tests.factories import CooperativeFactory

pytestmark = pytest.mark.django_db


def test_active_and_founding_cooperatives_are_counted_apart() -> None:
    for status, count in (
        (CooperativeStatus.ACTIVE, 3),
        (CooperativeStatus.FOUNDING, 2),
        (CooperativeStatus.DISSOLVED, 1),
    ):
        for _ in range(count):
            CooperativeFactory(status=status)

    assert cooperative_counts() == {"active_cooperatives": 3, "founding_cooperatives": 2}
