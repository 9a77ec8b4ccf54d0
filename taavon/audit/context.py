"""Where the current write comes from: set per request by middleware, per command by the CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps


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


@contextmanager
def channel(name: str) -> Iterator[None]:
    """Record the writes made inside as coming from ``name`` ("task", "cli"), unless a request
    already set where they come from."""
    if _origin.get() is not None:
        yield
        return
    token = _origin.set(Origin(channel=name))
    try:
        yield
    finally:
        _origin.reset(token)


def in_channel[**P, R](name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator form of :func:`channel`, for task functions and command handlers."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @wraps(func)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            with channel(name):
                return func(*args, **kwargs)

        return inner

    return decorate
