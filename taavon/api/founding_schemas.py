"""The founding API's response schemas (and the founder it takes), kept beside the endpoints."""

from datetime import datetime
from typing import Any

from ninja import Field, Schema

from taavon.founding import selectors
from taavon.registry.services.people import PersonData


class NameOut(Schema):
    rank: int
    name: str


class FounderIn(Schema):
    national_id: str = Field(..., max_length=20)
    first_name: str = Field(..., max_length=100)
    last_name: str = Field(..., max_length=100)
    father_name: str = Field("", max_length=100)
    mobile: str = Field("", max_length=20)

    def person(self) -> PersonData:
        return PersonData(**self.dict())


class FounderOut(Schema):
    id: int
    national_id: str = Field(..., alias="person.national_id")
    first_name: str = Field(..., alias="person.first_name")
    last_name: str = Field(..., alias="person.last_name")
    father_name: str = Field(..., alias="person.father_name")
    mobile: str
    is_chair: bool

    @staticmethod
    def resolve_mobile(obj: Any, context: Any) -> str:
        request = (context or {}).get("request")
        viewer = getattr(request, "auth", None) or getattr(request, "user", None)
        return selectors.founder_mobile(viewer, obj)


class TransitionOut(Schema):
    action: str
    from_status: str
    to_status: str
    actor: str | None
    note: str
    at: datetime

    @staticmethod
    def resolve_actor(obj: Any) -> str | None:
        return obj.actor.get_username() if obj.actor else None


class SimilarNameOut(Schema):
    source: str
    name: str
    exact: bool
    score: float
    status_label: str
    county: str


class ApplicationOut(Schema):
    id: int
    tracking_code: str
    status: str
    status_label: str
    kind: str
    sector: str
    membership_kind: str
    special_group: str
    county_id: int
    county_name: str
    activity: str
    address: str
    names: list[NameOut]
    approved_name: str
    agreement_number: str
    agreement_issued_at: datetime | None
    cooperative_id: int | None
    submitted_at: datetime | None
    created_at: datetime
    status_changed_at: datetime | None = Field(
        None, description="When the application entered its current stage."
    )
    stage_target_days: int | None = Field(
        None, description="The office's target days for leaving this stage (none when final)."
    )
    overdue: bool = Field(False, description="Waiting past the stage's target days.")

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_stage_target_days(obj: Any) -> int | None:
        waited = selectors.application_waiting(obj)
        return waited.target_days if waited else None

    @staticmethod
    def resolve_overdue(obj: Any) -> bool:
        waited = selectors.application_waiting(obj)
        return bool(waited and waited.overdue)

    @staticmethod
    def resolve_county_name(obj: Any) -> str:
        return str(obj.county.name_fa)

    @staticmethod
    def resolve_names(obj: Any) -> list[Any]:
        return selectors.proposed_names(obj)


class CapitalOut(Schema):
    subscribed: int
    paid: int
    minimum_paid_share: str
    enough_to_register: bool


class ApplicationDetailOut(ApplicationOut):
    officer_note: str
    founders: list[FounderOut]
    transitions: list[TransitionOut]
    allowed_actions: list[str]
    may_edit: bool
    may_record_capital: bool
    similar_names: dict[str, list[SimilarNameOut]]
    capital: CapitalOut | None

    @staticmethod
    def resolve_founders(obj: Any) -> list[Any]:
        return selectors.founders_of(obj)

    @staticmethod
    def resolve_transitions(obj: Any) -> list[Any]:
        return list(selectors.application_history(obj))
