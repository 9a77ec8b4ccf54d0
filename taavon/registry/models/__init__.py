"""Registry models: cooperatives, rule profiles, people, memberships."""

from .cooperative import (
    ActivityKind,
    Cooperative,
    CooperativeStatus,
    CooperativeStatusChange,
    MembershipKind,
    Sector,
)
from .members import ExitKind, Gender, Membership, MembershipStatus, Person
from .rules import RuleProfile

__all__ = [
    "ActivityKind",
    "Cooperative",
    "CooperativeStatus",
    "CooperativeStatusChange",
    "ExitKind",
    "Gender",
    "Membership",
    "MembershipKind",
    "MembershipStatus",
    "Person",
    "RuleProfile",
    "Sector",
]
