"""manage.py verify_ledger: one line per ledger, the first bad entry, exit status 1 if broken."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .builders import admit, share_class, subscribe_all
from .conftest import LedgerCoop
from .tampering import tamper


def _run(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_ledger", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_all_sound_ledgers_exit_zero(ledger: LedgerCoop, coop_khorramabad) -> None:
    subscribe_all(
        coop_khorramabad, admit(coop_khorramabad, 4, start=300), share_class(coop_khorramabad)
    )

    code, out, _err = _run("--all")

    assert code == 0
    assert out.count("OK ") == 2
    assert "2 ledgers, 9 entries verified, 0 broken" in out


def test_a_broken_ledger_is_named_with_its_first_bad_entry(
    ledger: LedgerCoop, coop_khorramabad
) -> None:
    subscribe_all(
        coop_khorramabad, admit(coop_khorramabad, 4, start=300), share_class(coop_khorramabad)
    )
    tamper(ledger.coop.pk, 3, "subscribed_delta = %s", [7])

    code, out, err = _run("--all")

    assert code == 1
    assert f"BROKEN  cooperative {ledger.coop.pk}" in out
    assert "first bad entry seq=3" in out
    assert f"OK      cooperative {coop_khorramabad.pk}" in out
    assert "1 broken" in err


def test_one_cooperative(ledger: LedgerCoop) -> None:
    code, out, _err = _run("--cooperative", str(ledger.coop.pk))

    assert code == 0
    assert "5 entries" in out


def test_unknown_cooperative_is_an_error(db) -> None:
    with pytest.raises(CommandError):
        call_command("verify_ledger", "--cooperative", "999999")


def test_a_target_is_required(db) -> None:
    with pytest.raises(CommandError):
        call_command("verify_ledger")
