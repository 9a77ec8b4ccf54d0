"""The ledger is visible to the cooperative's managers and to officers in scope."""

from taavon.core.permissions import register
from taavon.registry.policies import CooperativeOwnedPolicy

from .models import LedgerEntry, ShareClass

register(ShareClass)(CooperativeOwnedPolicy)
register(LedgerEntry)(CooperativeOwnedPolicy)
