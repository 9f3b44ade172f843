"""The README and docs/ARCHITECTURE.md say what is true of the checkout they ship in."""

from __future__ import annotations

import re

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = REPO / "docs" / "ARCHITECTURE.md"


def system_packages(group: str) -> set[str]:
    script = (REPO / "scripts" / "system-deps.sh").read_text(encoding="utf-8")
    listed = re.search(rf"{group}_packages=\(([^)]*)\)", script)
    assert listed, group
    return set(listed.group(1).split())


def test_the_readme_opens_with_the_two_set_up_commands():
    block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert README.startswith("```sh\n")
    assert [line.split()[:2] for line in block.splitlines()] == [["make", "run"], ["make", "test"]]
    assert "system packages" in block.splitlines()[1]


def test_the_readme_says_what_crmdesk_needs_from_the_system():
    assert "Python 3.11" in README
    install = README.split("sudo apt-get install", 1)[1].split("```", 1)[0]
    assert set(install.replace("\\", " ").split()) == system_packages("run")


def test_the_architecture_is_linked_and_names_every_part():
    assert "(docs/ARCHITECTURE.md)" in README
    text = ARCHITECTURE.read_text(encoding="utf-8")
    parts = [p.name for p in (REPO / "crmdesk").iterdir() if (p / "__init__.py").exists()]
    assert [p for p in parts if f"crmdesk/{p}/" not in text] == []


def test_the_template_fields_are_all_documented():
    from crmdesk.export.contract_fields import FIELDS
    from crmdesk.export.letter_fields import LETTER_FIELDS

    text = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    assert [n for n, _ in (*FIELDS, *LETTER_FIELDS) if f"| `{n}` |" not in text] == []
