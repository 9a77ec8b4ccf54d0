"""A cooperative with a share class and five members holding 10 shares each (20% apiece)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from taavon.capital.models import ShareClass
from taavon.registry.models import Cooperative, Membership

from .builders import admit, share_class, subscribe_all


@dataclass
class LedgerCoop:
    coop: Cooperative
    klass: ShareClass
    members: list[Membership]


@pytest.fixture
def ledger(coop_dorud: Cooperative) -> LedgerCoop:
    klass = share_class(coop_dorud)
    members = admit(coop_dorud, 5)
    subscribe_all(coop_dorud, members, klass)
    return LedgerCoop(coop_dorud, klass, members)
