"""The `taavon` console command: `taavon demo`, `taavon serve`, `taavon <management command>`."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taavon.settings.dev")
    args = list(sys.argv[1:] if argv is None else argv)
    aliases = {
        "serve": ["runserver", "127.0.0.1:8000"],
        "demo": ["demo"],
        "worker": ["db_worker", "--no-reload"],
    }
    if args and args[0] in aliases:
        args = aliases[args[0]] + args[1:]
    from django.core.management import execute_from_command_line

    execute_from_command_line(["taavon", *args])


if __name__ == "__main__":
    main()
