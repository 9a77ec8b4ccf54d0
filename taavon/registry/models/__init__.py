"""Registry models: cooperatives, rule profiles, founding applications, people, memberships."""

from .cooperative import (
    ActivityKind,
    Cooperative,
    CooperativeStatus,
    CooperativeStatusChange,
    MembershipKind,
    Sector,
)
from .documents import DocumentJob, DocumentKind, DocumentStatus
from .founding import (
    ApplicationStatus,
    ApplicationTransition,
    Founder,
    FoundingApplication,
    FoundingAssembly,
    OfficerRole,
    OfficerTerm,
    ProposedName,
)
from .imports import ImportStatus, MemberImport
from .members import ExitKind, Gender, Membership, MembershipStatus, Person
from .rules import RuleProfile

__all__ = [
    "ActivityKind",
    "ApplicationStatus",
    "ApplicationTransition",
    "Cooperative",
    "CooperativeStatus",
    "CooperativeStatusChange",
    "DocumentJob",
    "DocumentKind",
    "DocumentStatus",
    "ExitKind",
    "Founder",
    "FoundingApplication",
    "FoundingAssembly",
    "Gender",
    "ImportStatus",
    "MemberImport",
    "Membership",
    "MembershipKind",
    "MembershipStatus",
    "OfficerRole",
    "OfficerTerm",
    "Person",
    "ProposedName",
    "RuleProfile",
    "Sector",
]
