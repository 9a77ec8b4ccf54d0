"""The current user: profile, roles, API tokens, notifications, own memberships."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from taavon.accounts import selectors as account_selectors
from taavon.accounts import services as account_services
from taavon.capital.selectors.mine import MyMembership, my_memberships
from taavon.core.http import private_file
from taavon.documents.pdf import share_certificate_filename, share_certificate_pdf
from taavon.notifications import selectors as notification_selectors
from taavon.notifications import services as notification_services
from taavon.registry.selectors.mine import my_membership_get

from .auth import REQUIRED
from .errors import SIGNED_IN_ERRORS, ErrorOut
from .pagination import Pagination

router = Router(tags=["me"], auth=REQUIRED)


class RoleOut(Schema):
    role: str
    role_label: str
    province_code: str | None
    county_id: int | None
    cooperative_id: int | None

    @staticmethod
    def resolve_role_label(obj: Any) -> str:
        return str(obj.get_role_display())

    @staticmethod
    def resolve_province_code(obj: Any) -> str | None:
        province = obj.province or (obj.county.province if obj.county else None)
        return province.code if province else None


class MeOut(Schema):
    id: int
    username: str
    first_name: str
    last_name: str
    national_id: str | None
    mobile: str
    email: str
    roles: list[RoleOut]


class TokenIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreatedOut(TokenOut):
    token: str = Field(..., description="Shown once; store it now.")


class NotificationOut(Schema):
    id: int
    code: str
    title: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None


class MarkedOut(Schema):
    marked: int


@router.get("", response={200: MeOut, **SIGNED_IN_ERRORS}, summary="The current user")
def me(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    user.roles = list(account_selectors.user_roles(user=user))
    return user


@router.get("/tokens", response={200: list[TokenOut], **SIGNED_IN_ERRORS}, summary="My API tokens")
def list_tokens(request: HttpRequest) -> Any:
    return list(account_selectors.user_tokens(user=request.auth))  # type: ignore[attr-defined]


@router.post(
    "/tokens",
    response={201: TokenCreatedOut, 400: ErrorOut, **SIGNED_IN_ERRORS},
    summary="Create an API token",
)
def create_token(request: HttpRequest, payload: TokenIn) -> Any:
    token, plain = account_services.api_token_create(actor=request.auth, name=payload.name)  # type: ignore[attr-defined]
    token.token = plain  # type: ignore[attr-defined]
    return Status(201, token)


@router.delete(
    "/tokens/{token_id}",
    response={200: TokenOut, 404: ErrorOut, **SIGNED_IN_ERRORS},
    summary="Revoke an API token",
)
def revoke_token(request: HttpRequest, token_id: int) -> Any:
    return account_services.api_token_revoke(actor=request.auth, token_id=token_id)  # type: ignore[attr-defined]


@router.get(
    "/notifications",
    response={200: list[NotificationOut], **SIGNED_IN_ERRORS},
    summary="My notifications",
)
@paginate(Pagination)
def list_notifications(request: HttpRequest, unread: bool = False) -> Any:
    return notification_selectors.notification_list(user=request.auth, unread_only=unread)  # type: ignore[attr-defined]


@router.post(
    "/notifications/read",
    response={200: MarkedOut, 404: ErrorOut, **SIGNED_IN_ERRORS},
    summary="Mark notifications read (one by id, or all)",
)
def mark_read(request: HttpRequest, notification_id: int | None = None) -> Any:
    count = notification_services.notification_mark_read(
        actor=request.auth,  # type: ignore[attr-defined]
        notification_id=notification_id,
    )
    return {"marked": count}


class MembershipOut(Schema):
    id: int
    cooperative_id: int
    cooperative_name: str
    register_number: int
    status: str
    status_label: str
    joined_on: date
    exit_date: date | None
    shares: int
    subscribed: int
    paid: int
    outstanding: int
    share_certificate_url: str | None


def _membership_out(item: MyMembership) -> dict[str, Any]:
    m, balance = item.membership, item.balance
    return {
        "id": m.pk,
        "cooperative_id": m.cooperative_id,
        "cooperative_name": m.cooperative.name,
        "register_number": m.register_number,
        "status": m.status,
        "status_label": str(m.get_status_display()),
        "joined_on": m.joined_on,
        "exit_date": m.exit_date,
        "shares": balance.shares,
        "subscribed": balance.subscribed,
        "paid": balance.paid,
        "outstanding": balance.outstanding,
        "share_certificate_url": (
            reverse("api-v1:my_share_certificate", kwargs={"membership_id": m.pk})
            if item.has_certificate
            else None
        ),
    }


@router.get(
    "/memberships",
    response={200: list[MembershipOut], **SIGNED_IN_ERRORS},
    summary="My memberships (linked by my national ID), with my shares and payments",
)
def list_memberships(request: HttpRequest) -> Any:
    return [_membership_out(item) for item in my_memberships(request.auth)]  # type: ignore[attr-defined]


@router.get(
    "/memberships/{int:membership_id}/share-certificate.pdf",
    url_name="my_share_certificate",
    response={400: ErrorOut, 404: ErrorOut, **SIGNED_IN_ERRORS},
    openapi_extra={
        "responses": {
            200: {
                "description": "File",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
    summary="The share certificate of one of my current memberships",
)
def my_share_certificate(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = my_membership_get(request.auth, membership_id)  # type: ignore[attr-defined]
    return private_file(
        share_certificate_pdf(membership), "application/pdf", share_certificate_filename(membership)
    )
