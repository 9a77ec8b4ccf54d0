"""Where the current write comes from: set per request by middleware, per command by the CLI."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    ip_address: str | None = None
    user_agent: str = ""
    channel: str = "system"  # web, api, cli, task, system


_DEFAULT = Origin()
_origin: ContextVar[Origin | None] = ContextVar("taavon_origin", default=None)


def current_origin() -> Origin:
    return _origin.get() or _DEFAULT


def set_origin(origin: Origin) -> object:
    return _origin.set(origin)


def reset_origin(token: object) -> None:
    _origin.reset(token)  # type: ignore[arg-type]
