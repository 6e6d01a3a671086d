"""The inbox folder without the dashboard: which files are taken, where they go, and that a
file is never lost, overwritten or taken twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitdash.inbox import LOCK_NAME, Inbox, InboxError, free_name, is_candidate
from sitdash.storage import FileLock, StoreWriteError
from sitdash.store import Store

# Written for these tests, in the style of wire copy.
KHERSON = ("KHERSON, Ukraine, April 8 (Wire) - Ukrainian forces shelled a Russian command post "
           "near Kherson on Friday, the southern command said.")
MARIUPOL = ("MARIUPOL, Ukraine, April 9 (Wire) - Fighting continued around the Azovstal plant "
            "in Mariupol on Saturday, the city council said.")


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "store.json")


def drop(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_partial_hidden_and_backup_names_are_not_taken():
    for name in ("a.txt", "report.md", "wire.json", "no-suffix"):
        assert is_candidate(name)
    for name in (".hidden.txt", "a.txt.part", "a.txt.PART", "a.txt~", "a.tmp", "dl.crdownload",
                 ".a.txt.swp"):
        assert not is_candidate(name)


def test_a_file_is_ready_only_when_two_scans_saw_it_unchanged(inbox):
    watcher = Inbox(inbox)
    path = drop(inbox, "a.txt", KHERSON)
    assert watcher.scan() == [] and watcher.waiting == ["a.txt"]
    with open(path, "a", encoding="utf-8") as handle:  # still being written
        handle.write("\n\nMore to come.")
    assert watcher.scan() == []
    assert watcher.scan() == [path]
    (inbox / "sub").mkdir()
    drop(inbox / "sub", "deep.txt", MARIUPOL)
    drop(inbox, "b.txt.part", MARIUPOL)
    watcher.scan()
    assert watcher.scan() == [path]  # folders and partial files are never ready


def test_take_ingests_good_files_and_sets_bad_ones_aside_with_a_reason(inbox, store):
    watcher = Inbox(inbox)
    drop(inbox, "kherson.txt", KHERSON)
    drop(inbox, "binary.txt", b"\x00\x01\x02 not text")
    drop(inbox, "brochure.pdf", b"%PDF-1.4 ...")
    drop(inbox, "mixed.jsonl", '{"text": "' + MARIUPOL + '", "outlet": "Wire"}\n{"no": 1}\n')
    watcher.scan()
    report = watcher.take(store, watcher.scan())
    assert sorted(report.done) == ["kherson.txt", "mixed.jsonl"]
    assert sorted(name for name, _ in report.failed) == ["binary.txt", "brochure.pdf"]
    assert report.articles == 2 and report.claims == len(store.claims()) > 0
    assert {d["path"] for d in store.documents()} == {str(inbox / "kherson.txt"),
                                                      str(inbox / "mixed.jsonl")}
    assert all(d["ingested"] for d in store.documents())
    assert sorted(os.listdir(inbox / "done")) == ["kherson.txt", "mixed.jsonl",
                                                  "mixed.jsonl.reason"]
    reason = (inbox / "done" / "mixed.jsonl.reason").read_text()
    assert "line 2: JSON record has no 'text'" in reason
    assert (inbox / "failed" / "binary.txt.reason").read_text() == (
        "binary file (contains NUL bytes)\n")
    assert "not an article file" in (inbox / "failed" / "brochure.pdf.reason").read_text()
    assert sorted(os.listdir(inbox)) == [LOCK_NAME, "done", "failed"]


def test_a_name_already_in_done_gets_a_number_and_a_known_article_is_not_stored_twice(inbox,
                                                                                     store):
    watcher = Inbox(inbox)
    for _ in range(3):  # the same article dropped three times under the same name
        drop(inbox, "kherson.txt", KHERSON)
        watcher.scan()
        watcher.take(store, watcher.scan())
    assert sorted(os.listdir(inbox / "done")) == ["kherson-2.txt", "kherson-3.txt", "kherson.txt"]
    assert len(store.documents()) == 1
    assert free_name(inbox / "done", "kherson.txt").name == "kherson-4.txt"
    assert free_name(inbox / "done", "notes").name == "notes"


def test_when_the_store_refuses_the_write_the_files_stay_in_the_inbox(inbox, store, monkeypatch):
    watcher = Inbox(inbox)
    drop(inbox, "kherson.txt", KHERSON)
    watcher.scan()
    ready = watcher.scan()

    def full_disk(*args, **kwargs):
        raise StoreWriteError("cannot write store: No space left on device; nothing was written")

    monkeypatch.setattr("sitdash.storage.atomic_write", full_disk)
    with pytest.raises(StoreWriteError):
        watcher.take(store, ready)
    monkeypatch.undo()
    assert (inbox / "kherson.txt").exists() and not (inbox / "done").exists()
    assert store.documents() == []
    assert watcher.take(store, ready).done == ["kherson.txt"]  # the next try takes it


def test_an_inbox_another_process_is_taking_is_left_alone(inbox, store):
    watcher = Inbox(inbox, lock_timeout=0.2)
    drop(inbox, "kherson.txt", KHERSON)
    watcher.scan()
    ready = watcher.scan()
    with FileLock(inbox / LOCK_NAME):  # flock is per open file: this is "another process"
        with pytest.raises(InboxError, match="being taken by another sitdash process"):
            watcher.take(store, ready)
    assert (inbox / "kherson.txt").exists()


def test_a_file_gone_before_the_take_is_skipped_and_a_broken_link_fails(inbox, store):
    watcher = Inbox(inbox)
    gone = drop(inbox, "gone.txt", KHERSON)
    os.symlink(inbox / "nowhere.txt", inbox / "link.txt")
    watcher.scan()
    ready = watcher.scan()
    assert sorted(p.name for p in ready) == ["gone.txt", "link.txt"]
    gone.unlink()
    report = watcher.take(store, ready)
    assert report.done == [] and [name for name, _ in report.failed] == ["link.txt"]
    assert os.path.islink(inbox / "failed" / "link.txt")


def test_a_missing_inbox_is_a_clear_error_and_scans_find_nothing(tmp_path):
    watcher = Inbox(tmp_path / "nowhere")
    with pytest.raises(InboxError, match="does not exist"):
        watcher.check()
    assert watcher.scan() == []
    drop(tmp_path, "file", "x")
    with pytest.raises(InboxError, match="is not a folder"):
        Inbox(tmp_path / "file").check()
