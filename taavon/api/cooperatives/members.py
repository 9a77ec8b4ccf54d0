"""Endpoints for cooperatives (list, detail, status) and their members."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status
from ninja.pagination import paginate

from taavon.capital.selectors import management as capital_selectors
from taavon.registry.selectors import management as selectors
from taavon.registry.services.members import membership_admit, membership_exit
from taavon.registry.services.people import PersonData
from taavon.registry.services.status import cooperative_status_change as status_change_service

from ..errors import ErrorOut
from ..pagination import Pagination
from .common import ERRORS, detail, managed_coop, member_detail, member_of, router, user_of
from .schemas import (
    AdmitIn,
    CooperativeStatusIn,
    ExitIn,
    ManagedCooperativeDetailOut,
    ManagedCooperativeFilter,
    ManagedCooperativeOut,
    MembershipDetailOut,
    MembershipFilter,
    MembershipRowOut,
    ShareBalanceOut,
)


@router.get(
    "",
    response={200: list[ManagedCooperativeOut], 422: ErrorOut},
    summary="Cooperatives I manage (officers: those in my county/province)",
)
@paginate(Pagination)
def list_cooperatives(request: HttpRequest, filters: Query[ManagedCooperativeFilter]) -> Any:
    return selectors.managed_cooperative_list(
        user=user_of(request),
        q=filters.q,
        county_id=filters.county,
        status=filters.status,
        sector=filters.sector,
    )


@router.get(
    "/{coop_id}",
    response={200: ManagedCooperativeDetailOut, **ERRORS},
    summary="A cooperative with its capital totals and status history",
)
def get_cooperative(request: HttpRequest, coop_id: int) -> Any:
    return detail(managed_coop(request, coop_id))


@router.post(
    "/{coop_id}/status",
    response={200: ManagedCooperativeDetailOut, **ERRORS},
    summary="Change the status (officers of the cooperative's county or province)",
)
def change_status(request: HttpRequest, coop_id: int, payload: CooperativeStatusIn) -> Any:
    coop = selectors.cooperative_for_officer(user_of(request), coop_id)
    coop = status_change_service(
        actor=user_of(request),
        cooperative_id=coop.pk,
        to_status=payload.to_status,
        reason=payload.reason,
    )
    return detail(coop)


# --- members ------------------------------------------------------------------------------


@router.get(
    "/{coop_id}/members",
    response={200: list[MembershipRowOut], **ERRORS},
    summary="Members (search by name, national ID or register number)",
)
@paginate(Pagination)
def list_members(request: HttpRequest, coop_id: int, filters: Query[MembershipFilter]) -> Any:
    members = selectors.member_list(
        user=user_of(request),
        cooperative=managed_coop(request, coop_id),
        q=filters.q,
        status=filters.status,
    )
    return capital_selectors.with_balances(members)


@router.post(
    "/{coop_id}/members",
    response={201: MembershipDetailOut, **ERRORS},
    summary="Admit a member (the profile's maximum members is enforced)",
)
def admit_member(request: HttpRequest, coop_id: int, payload: AdmitIn) -> Any:
    coop = managed_coop(request, coop_id)
    membership = membership_admit(
        actor=user_of(request),
        cooperative_id=coop.pk,
        joined_on=payload.joined_on,
        person=PersonData(**payload.dict(exclude={"joined_on"})),
    )
    membership = member_of(request, coop, membership.pk)
    return Status(201, member_detail(request, coop, membership))


@router.get(
    "/{coop_id}/members/{member_id}",
    response={200: MembershipDetailOut, **ERRORS},
    summary="A member with balances per share class",
)
def get_member(request: HttpRequest, coop_id: int, member_id: int) -> Any:
    coop = managed_coop(request, coop_id)
    return member_detail(request, coop, member_of(request, coop, member_id))


@router.get(
    "/{coop_id}/members/{member_id}/balances",
    response={200: list[ShareBalanceOut], **ERRORS},
    summary="A member's balances per share class",
)
def get_member_balances(request: HttpRequest, coop_id: int, member_id: int) -> Any:
    coop = managed_coop(request, coop_id)
    return member_detail(request, coop, member_of(request, coop, member_id)).balances  # type: ignore[attr-defined]


@router.post(
    "/{coop_id}/members/{member_id}/exit",
    response={200: MembershipDetailOut, **ERRORS},
    summary="Resignation, expulsion or death: capital is returned through the ledger",
)
def exit_member(request: HttpRequest, coop_id: int, member_id: int, payload: ExitIn) -> Any:
    coop = managed_coop(request, coop_id)
    membership = member_of(request, coop, member_id)
    membership_exit(
        actor=user_of(request),
        membership_id=membership.pk,
        status=payload.status,
        exit_date=payload.exit_date,
        reason=payload.reason,
    )
    return member_detail(request, coop, member_of(request, coop, member_id))
