"""Shipped files are found through the crmdesk.resources package."""

from __future__ import annotations

from crmdesk.core.resources import read_resource, resource


def test_the_icon_and_the_catalogue_are_found():
    assert read_resource("icons", "crmdesk.svg").lstrip().startswith(b"<?xml")
    assert resource("translations", "crmdesk_zh_CN.qm").is_file()
    assert not resource("translations", "crmdesk_xx.qm").is_file()


def test_a_checkout_without_the_package_installed_reads_its_folder():
    """An editable install made before resources/ became crmdesk.resources still starts."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    probe = "from crmdesk.core.resources import resource; print(resource('icons').is_dir())"
    result = subprocess.run(
        [sys.executable, "-S", "-c", probe],  # no site-packages: crmdesk straight from the tree
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "True"
