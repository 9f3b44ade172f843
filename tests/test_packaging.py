"""An installed crmdesk (a wheel, not the source tree) carries its resources and speaks Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

SHIPPED = (
    "crmdesk/resources/translations/crmdesk_zh_CN.qm",
    "crmdesk/resources/icons/crmdesk.svg",
    "crmdesk/resources/crmdesk.desktop",
    "crmdesk/resources/templates/contract-zh.docx",
    "crmdesk/resources/templates/quote-en.docx",
    "crmdesk/demo/data/names.json",
)

PROBE = """
import crmdesk, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from crmdesk.app import install_translations
from crmdesk.views.shell.icons import application_icon
app = QApplication([])
install_translations(app)
print(crmdesk.__file__)
print(QCoreApplication.translate("MainWindow", "Contacts"))
print(not application_icon().isNull())
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    (built,) = out.glob("crmdesk-*.whl")
    return built


def test_the_wheel_ships_translations_icon_and_desktop_entry(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in SHIPPED if name not in names] == []
    assert "crmdesk/store/migrations/script.py.mako" in names


def test_an_installed_crmdesk_run_outside_the_source_tree_speaks_chinese(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # what `pip install` puts in site-packages
    env = {**os.environ, "PYTHONPATH": str(site), "CRMDESK_LANG": "zh_CN"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    where, contacts, has_icon = result.stdout.splitlines()
    assert Path(where).is_relative_to(site)
    assert contacts == "联系人" and has_icon == "True"
