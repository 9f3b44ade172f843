"""The vocabulary is package data: read through importlib.resources and shipped by setuptools."""

from __future__ import annotations

import fnmatch
import json
import tomllib
from importlib import resources

from crmdesk.demo import vocabulary as vocab
from crmdesk.models.enums import CaseKind, Channel
from tests.conftest import REPO


def data_files() -> list[str]:
    folder = resources.files("crmdesk.demo").joinpath("data")
    return sorted(f.name for f in folder.iterdir() if f.is_file())


def test_every_data_file_is_named_by_the_package_data_setuptools_ships() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["crmdesk"]
    files = data_files()
    assert files
    for name in files:
        assert any(fnmatch.fnmatch(f"demo/data/{name}", p) for p in patterns), name


def test_every_file_is_json_that_says_what_it_holds() -> None:
    for name in data_files():
        assert name.endswith(".json")
        data = vocab.load(name.removesuffix(".json"))
        assert isinstance(data, dict) and data["about"].strip(), name
        json.dumps(data)


def test_the_vocabulary_holds_what_the_generators_draw_from() -> None:
    assert len(vocab.CHINA) >= 10 and {"us", "uk", "de"} == set(vocab.WESTERN)
    assert all(city.zone == "Asia/Shanghai" and city.districts for city in vocab.CHINA)
    assert {"李", "王", "张", "欧阳"} <= {name for name, _weight in vocab.SURNAMES}
    assert len(vocab.OWNERS_CN) + len(vocab.OWNERS_WEST) == 6
    assert set(vocab.CASE_SUBJECTS) == set(CaseKind) and all(
        zh and len(zh) == len(en) for zh, en in vocab.CASE_SUBJECTS.values()
    )
    assert {c for c in vocab.CN_CHANNELS if c} <= set(Channel)
    assert len(vocab.CN_CHANNELS) == len(vocab.CN_CHANNEL_WEIGHTS)
    assert 35 <= len(vocab.PRODUCTS) <= 45
    assert set(vocab.INDUSTRY_CATEGORIES) == {*vocab.INDUSTRIES, ""}
