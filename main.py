"""Run crmdesk from a source checkout: `python main.py [--db PATH] [COMMAND …]`."""

import sys

from crmdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
