"""How long an object has waited in its workflow stage: ``{% load workflow %}``,
``{% with w=application|waiting %}…{% endwith %}`` (None for a final stage)."""

from __future__ import annotations

from typing import Any

from django import template

from taavon.workflow.selectors import Waiting, waiting

register = template.Library()


@register.filter(name="waiting")
def waiting_filter(subject: Any) -> Waiting | None:
    return waiting(subject)
