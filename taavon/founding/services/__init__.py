"""Founding a cooperative online: the application, its review workflow, the founding assembly,
the capital step and registration. A package because one module would pass 500 lines:

- application.py: create and edit a draft, founders, the feasibility plan, the tracking code;
- transition.py: `application_transition`, the one service that moves an application between
  statuses (table in registry/workflow.py) and each action's rules;
- capital.py: founders' subscriptions and payments through the capital ledger.
"""

from taavon.founding.services.application import (
    MAX_NAMES,
    MAX_PLAN_BYTES,
    application_create,
    application_update,
    founder_add,
    founder_remove,
    validate_plan,
)
from taavon.founding.services.capital import CapitalRow, founding_capital_record
from taavon.founding.services.common import DEFAULT_NOMINAL_VALUE, ActionForbidden
from taavon.founding.services.transition import application_transition

__all__ = [
    "DEFAULT_NOMINAL_VALUE",
    "MAX_NAMES",
    "MAX_PLAN_BYTES",
    "ActionForbidden",
    "CapitalRow",
    "application_create",
    "application_transition",
    "application_update",
    "founder_add",
    "founder_remove",
    "founding_capital_record",
    "validate_plan",
]
