"""Paths: `export -o` never writes through a symlink, never clobbers without --force (not even a
file that appears mid-write), writes atomically; store files, lock and backups are user-only.

(tests/test_cli.py covers the plain refusals: an existing file without --force, a symlink.)
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import orjson
import pytest

from sitdash.cli import main
from sitdash.ingest.pipeline import ingest_paths
from sitdash.store import Store, StoreCorrupt, quarantine

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("paths") / "store.json"
    ingest_paths(Store(db), [SEEDS])
    return db


def export(db: Path, out: Path, *flags: str) -> int:
    return main(["export", "--format", "md", "-o", str(out), *flags, "--db", str(db)])


def temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_failed_replace_keeps_the_old_export_and_leaves_no_temp(seeded, tmp_path, monkeypatch,
                                                                 capsys):
    out = tmp_path / "brief.md"
    out.write_text("yesterday's brief")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert export(seeded, out, "--force") == 1
    err = capsys.readouterr().err
    assert err == f"sitdash: error: cannot write {out}: No space left on device\n"
    assert out.read_text() == "yesterday's brief"
    assert temps(tmp_path) == []


def test_failed_write_midway_leaves_no_half_file(seeded, tmp_path, monkeypatch, capsys):
    out = tmp_path / "brief.md"

    def failing_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    assert export(seeded, out) == 1
    assert "Input/output error" in capsys.readouterr().err
    assert not out.exists() and temps(tmp_path) == []


def test_a_file_appearing_mid_write_is_not_clobbered_without_force(seeded, tmp_path,
                                                                  monkeypatch, capsys):
    out = tmp_path / "brief.md"
    real_mkstemp = tempfile.mkstemp

    def racing_mkstemp(*args, **kwargs):  # another program writes the same name meanwhile
        out.write_text("someone else's file")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", racing_mkstemp)
    assert export(seeded, out) == 1
    assert "exists; use --force" in capsys.readouterr().err
    assert out.read_text() == "someone else's file" and temps(tmp_path) == []


def test_a_symlink_planted_mid_write_is_replaced_not_followed(seeded, tmp_path, monkeypatch):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "brief.md"
    out.write_text("old brief")
    real_mkstemp = tempfile.mkstemp

    def racing_mkstemp(*args, **kwargs):  # the name becomes a link to the victim after the check
        out.unlink()
        out.symlink_to(victim)
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", racing_mkstemp)
    assert export(seeded, out, "--force") == 0
    assert victim.read_text() == "precious"
    assert not out.is_symlink() and out.read_text().startswith("# Situation brief")


@pytest.mark.parametrize("make, message", [
    (lambda p: p.symlink_to(p.parent / "nowhere.md"), "is a symbolic link"),  # dangling
    (lambda p: p.symlink_to(p.parent), "is a symbolic link"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: os.mkfifo(p), "is not a regular file"),
])
def test_links_folders_and_pipes_are_refused_even_with_force(seeded, tmp_path, capsys, make,
                                                            message):
    out = tmp_path / "target"
    make(out)
    before = os.lstat(out)
    assert export(seeded, out, "--force") == 1
    assert message in capsys.readouterr().err
    after = os.lstat(out)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert not (tmp_path / "nowhere.md").exists()


def test_missing_folder_is_a_one_line_error(seeded, tmp_path, capsys):
    assert export(seeded, tmp_path / "no" / "such" / "brief.md") == 1
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("umask, expected", [(0o022, 0o600), (0o077, 0o600), (0, 0o600)])
def test_exports_are_user_only_whatever_the_umask(seeded, tmp_path, umask, expected):
    # An export carries the analyst's notes, statuses and grades, like the analyst file.
    old = os.umask(umask)
    try:
        assert export(seeded, tmp_path / "brief.md") == 0
    finally:
        os.umask(old)
    assert mode(tmp_path / "brief.md") == expected


def test_store_files_lock_backups_and_quarantine_are_user_only_under_umask_0(tmp_path):
    old = os.umask(0)
    try:
        folder = tmp_path / "new" / "dir"
        db = folder / "store.json"
        store = Store(db)
        store.add_note("c1", "private assessment")
        ingest_paths(store, [SEEDS])
        created = [db, db.with_suffix(".analyst.json"), db.with_suffix(".lock")]
        # an unversioned (v0) file is backed up before migration
        v0 = orjson.loads(db.read_bytes())
        del v0["_meta"]
        db.write_bytes(orjson.dumps(v0))
        Store(db)
        created.append(db.with_name("store.json.bak-v0"))
        # a damaged file is moved aside, kept
        db.write_bytes(b"{garbage")
        with pytest.raises(StoreCorrupt):
            Store(db)
        created.append(quarantine(db))
        Store(db)
        created.append(db)  # recreated after the quarantine
    finally:
        os.umask(old)
    for path in created:
        assert mode(path) == 0o600, f"{path.name} is {oct(mode(path))}"
    assert mode(folder) == 0o700  # the folder sitdash created for the store
    assert not [p.name for p in folder.iterdir() if ".tmp-" in p.name]


def test_store_file_made_world_readable_is_user_only_after_the_next_write(tmp_path):
    db = tmp_path / "store.json"
    store = Store(db)
    store.add_note("c1", "first")
    analyst = db.with_suffix(".analyst.json")
    os.chmod(analyst, 0o644)
    store.add_note("c1", "second")
    assert mode(analyst) == 0o600


def test_a_lock_file_planted_as_a_symlink_is_refused_and_its_target_untouched(tmp_path, capsys):
    victim = tmp_path / "victim.conf"
    victim.write_text("setting=1")
    os.chmod(victim, 0o644)
    db = tmp_path / "store.json"
    db.with_suffix(".lock").symlink_to(victim)  # e.g. in a shared folder
    assert main(["ingest", str(SEEDS), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a symbolic link; refusing to use it" in err
    assert mode(victim) == 0o644 and victim.read_text() == "setting=1"


@pytest.mark.parametrize("make, message", [
    (lambda db: db.mkdir(), "cannot open store {db}: Is a directory"),
    (lambda db: db.parent.rmdir() or db.parent.write_text("a file"), "cannot open store {db}"),
])
def test_a_store_path_that_cannot_be_a_file_is_a_one_line_error(tmp_path, capsys, make,
                                                                message):
    db = tmp_path / "here" / "store.json"
    db.parent.mkdir()
    make(db)
    assert main(["ingest", str(SEEDS), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message.format(db=db) in err


def test_a_full_disk_during_a_note_save_is_one_line_and_keeps_the_file(seeded, monkeypatch,
                                                                      capsys):
    claim = Store(seeded).claims()[0]["id"]
    analyst = seeded.with_suffix(".analyst.json")
    before = analyst.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert main(["note", "add", claim, "lost to a full disk?", "--db", str(seeded)]) == 1
    err = capsys.readouterr().err
    assert err == (f"sitdash: error: cannot write store {analyst}: No space left on device; "
                   "nothing was written\n")
    assert analyst.read_bytes() == before
    assert not [p for p in seeded.parent.iterdir() if ".tmp-" in p.name]
