"""The files crmdesk ships (translations, icons, templates, label stock), wherever it is installed.

resources/ installs as the package `crmdesk.resources`; reading it through importlib.resources
works the same from an editable install, a wheel or a zip.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "crmdesk.resources"
SOURCE_TREE = Path(__file__).resolve().parents[2] / "resources"


@cache
def _root() -> Traversable:
    """The installed package; in a checkout whose editable install predates it, the folder."""
    try:
        return files(PACKAGE)
    except ModuleNotFoundError:
        if (SOURCE_TREE / "__init__.py").is_file():
            return SOURCE_TREE  # `pip install -e .` again makes this the package
        raise


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. resource("icons", "crmdesk.svg")."""
    return _root().joinpath(*parts)


def read_resource(*parts: str) -> bytes:
    """The bytes of a shipped file; FileNotFoundError names it when it is missing."""
    return resource(*parts).read_bytes()
