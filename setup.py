"""Only the package list, which pyproject.toml cannot say: crmdesk's packages plus resources/.

resources/ lives at the top of the tree and installs as crmdesk.resources (see package-dir)."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["crmdesk", "crmdesk.*"]), "crmdesk.resources"])
