"""Atomic writes: the whole file or the old one, never a half-written file or a temporary left."""

from __future__ import annotations

import os
import stat

import pytest

from crmdesk.export.atomic import NEW_FILE_MODE, WriteFailed, write_atomically


def test_a_new_file_gets_the_bytes_and_the_usual_mode(tmp_path):
    target = tmp_path / "out.txt"
    assert write_atomically(target, b"hello") == target
    assert target.read_bytes() == b"hello"
    assert stat.S_IMODE(target.stat().st_mode) == NEW_FILE_MODE
    assert os.listdir(tmp_path) == ["out.txt"]


def test_replacing_keeps_the_old_permissions(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_missing_folder_is_a_known_error(tmp_path):
    with pytest.raises(WriteFailed, match="Cannot write"):
        write_atomically(tmp_path / "nowhere" / "out.txt", b"x")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(WriteFailed, match="No space left"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.txt"]
