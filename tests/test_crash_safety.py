"""Kill mid-write: a writer killed with SIGKILL at random moments never loses a saved note or
leaves a store that will not open.

The writer is forked from this (already imported) process, so a hundred-odd kills cost well under
a minute. It adds notes and ingests small new articles in a loop, and reports on a pipe each note
id and document id only after the call that saved it returned. After each kill the parent checks:
the store opens, every reported note and document is there, both files parse as JSON, and no temp
file survives the open.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from sitdash.ingest.pipeline import ingest_paths
from sitdash.storage import stale_temps
from sitdash.store import Store

KILLS = 120
LIFETIME_MS = (20, 200)  # how long each writer lives before the SIGKILL
TIME_LIMIT_S = 60

CLAIMS = [f"claim{n:02d}" for n in range(8)]
PLACES = ["Kharkiv", "Mykolaiv", "Izium", "Sumy", "Chernihiv", "Zaporizhzhia", "Kherson"]


def _article(tag: str, rng: random.Random) -> str:
    """A short, unique wire-style article (new text each time, so each ingest adds a document)."""
    place, other = rng.sample(PLACES, 2)
    return (
        f"{place.upper()}, Ukraine (Wire) — Russian forces shelled {place} overnight, "
        f"regional governor said on Telegram, in report {tag}.\n\n"
        f"\"We counted {rng.randint(2, 90)} strikes before dawn,\" a spokesman for the "
        f"regional administration told reporters.\n\n"
        f"Ukrainian units were seen moving from {other} toward {place}, a senior U.S. defense "
        f"official said on Friday."
    )


def _writer(path: Path, articles: Path, out_fd: int, seed: int) -> None:
    """Child body: write notes and ingest articles forever, reporting each after it returns."""
    rng = random.Random(seed)
    store = Store(path)
    n = 0
    while True:
        n += 1
        if rng.random() < 0.15:
            article = articles / f"{os.getpid()}-{n}.txt"
            article.write_text(_article(f"{seed}-{n}", rng), encoding="utf-8")
            report = ingest_paths(store, [article])
            for doc_id in report.added:
                os.write(out_fd, f"D {doc_id}\n".encode())
        else:
            text = f"note {seed}-{n}: " + "x" * rng.randint(0, 400)
            note = store.add_note(rng.choice(CLAIMS), text)
            os.write(out_fd, f"N {note['id']}\n".encode())


def _spawn(path: Path, articles: Path, seed: int) -> tuple[int, int]:
    """Fork a writer; return (pid, read end of its report pipe)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        code = 0
        try:
            os.close(read_fd)
            _writer(path, articles, write_fd, seed)
        except BaseException as error:  # a writer error is a test failure: report it
            try:
                os.write(write_fd, f"E {type(error).__name__}: {error}\n".encode())
            except OSError:
                pass
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def _drain(fd: int) -> list[str]:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode().splitlines()


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")
def test_sigkill_at_random_moments_loses_no_saved_note(tmp_path):
    path = tmp_path / "store.json"
    articles = tmp_path / "articles"
    articles.mkdir()
    rng = random.Random(20260326)
    saved_notes: set[str] = set()
    saved_docs: set[str] = set()
    temps_left = 0  # kills that landed between a temp file's creation and its rename
    kills = 0
    started = time.monotonic()
    for round_no in range(KILLS):
        pid, fd = _spawn(path, articles, seed=round_no)
        time.sleep(rng.uniform(*LIFETIME_MS) / 1000)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        lines = _drain(fd)
        errors = [line for line in lines if line.startswith("E ")]
        assert not errors, f"writer {round_no} failed: {errors}"
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        kills += 1
        saved_notes |= {line[2:] for line in lines if line.startswith("N ")}
        saved_docs |= {line[2:] for line in lines if line.startswith("D ")}

        temps = stale_temps(path) + stale_temps(path.with_suffix(".analyst.json"))
        temps_left += bool(temps)
        for file in (path, path.with_suffix(".analyst.json")):
            if file.exists():  # the first writer may die before creating it
                json.loads(file.read_bytes())  # whole, never half-written
        store = Store(path)  # opens without error, and clears a dead writer's temp files
        assert not stale_temps(path) and not stale_temps(path.with_suffix(".analyst.json"))
        found = {note["id"] for note in store.notes()}
        missing = saved_notes - found
        assert not missing, f"after kill {kills}: {len(missing)} saved note(s) lost"
        stored_docs = {doc["id"] for doc in store.documents()}
        assert saved_docs <= stored_docs, f"after kill {kills}: an ingested document was lost"
        assert len(found) == len(store.notes())  # no duplicates
        assert time.monotonic() - started < TIME_LIMIT_S, "kill loop is too slow"

    elapsed = time.monotonic() - started
    print(f"\nkill loop: {kills} SIGKILLs survived in {elapsed:.1f} s; {len(saved_notes)} notes "
          f"reported saved, {len(found)} found; {len(saved_docs)} documents ingested and found; "
          f"{temps_left} kills left a temp file mid-write (cleaned on open)")
    assert kills >= 100
    assert saved_notes and saved_docs  # the writers really wrote
    assert len(found) >= len(saved_notes)  # a note saved but killed before its report is fine
