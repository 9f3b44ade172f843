"""The files crmdesk ships (translations, icons, templates, label stock), wherever it is installed.

resources/ installs as the package `crmdesk.resources`; reading it through importlib.resources
works the same from the source tree, an editable install, a wheel or a zip.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

PACKAGE = "crmdesk.resources"


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. resource("icons", "crmdesk.svg")."""
    return files(PACKAGE).joinpath(*parts)


def read_resource(*parts: str) -> bytes:
    """The bytes of a shipped file; FileNotFoundError names it when it is missing."""
    return resource(*parts).read_bytes()
