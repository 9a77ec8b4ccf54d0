"""Background work of member imports (django.tasks; the immediate backend runs it inline)."""

from __future__ import annotations

import logging

from django.tasks import task

from taavon.accounts.models import User
from taavon.audit.context import in_channel
from taavon.imports.services import member_import_check, member_import_commit, member_import_fail

logger = logging.getLogger(__name__)


@task()
@in_channel("task")
def check_member_import(import_id: int) -> str:
    try:
        return str(member_import_check(import_id=import_id).status)
    except Exception:
        logger.exception("member import %s: dry run crashed", import_id)
        member_import_fail(import_id=import_id)
        raise


@task()
@in_channel("task")
def commit_member_import(import_id: int, actor_id: int | None) -> str:
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    try:
        return str(member_import_commit(import_id=import_id, actor=actor).status)
    except Exception:
        logger.exception("member import %s: commit crashed", import_id)
        member_import_fail(import_id=import_id)
        raise
