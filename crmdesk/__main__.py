"""Entry point: a verb runs on the command line; no verb opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from crmdesk.cli import main as cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.verb is None:
        from crmdesk.app import run_app

        return run_app(args.db)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
